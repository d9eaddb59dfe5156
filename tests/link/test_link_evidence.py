"""Doers and figures are weighed, never required: conflicting doers cost, the same count counts most.

Sample reports invented for these tests (towns are real places of Idlib governorate).
"""

from __future__ import annotations

from dataclasses import replace

from sitreport.link import link_events
from sitreport.options import Options
from sitreport.records import Actor, Event, Place, Quantity

from .link_corpus import report

OPTIONS = Options()
ARIHA = Place(name="Ariha", admin1="Idlib", country="Syria", precision=1)
IDLIB = Place(name="Idlib", admin1="Idlib", country="Syria", precision=3, kind="governorate")
ARMY = Actor(name="Syrian government", kind="state forces")
REBELS = Actor(name="Syrian rebels", kind="rebel group")


def strike(event_id: str, doer: Actor, day: str = "2019-03-20", event_type: str = "remote_violence") -> Event:
    return replace(report(event_id, event_type, ARIHA, 9, day), actors=[doer])


def members_with(events: list[Event], event_id: str) -> list[str]:
    return next(i.events for i in link_events(events, OPTIONS) if event_id in i.events)


def test_outlets_blaming_opposite_sides_for_one_strike_are_one_incident() -> None:
    # One town, one stated day, one type, one toll: each outlet blames the other side.
    (incident,) = link_events([strike("state-tv", REBELS), strike("opposition", ARMY)], OPTIONS)
    (link,) = incident.links
    assert link.reasons["actors"].startswith("conflicting: ")
    assert "syriangovernment" in link.reasons["actors"] and "syrianrebels" in link.reasons["actors"]
    assert not link.weak


def test_conflicting_doers_outweigh_a_link_that_was_only_possible() -> None:
    # Same town, days that only overlap (one outlet gives no date words: its report's day or
    # up to three days before), only compatible types, no figure in common: a clash by rebels
    # and a strike by the army are two happenings; with no doer named they could be one.
    clash = replace(strike("clash", REBELS, "2019-03-20", "armed_clash"), quantities=[])
    air = replace(strike("air", ARMY, "2019-03-21"), quantities=[], date_text=None)
    assert members_with([clash, air], "clash") == ["clash"]
    assert members_with([clash, replace(air, actors=[])], "clash") == ["air", "clash"]


def test_the_same_count_picks_one_incident_where_a_range_only_meets_another() -> None:
    # A governorate-level toll of exactly 9 fits the strike in Ariha that counted 9 better
    # than the one in Saraqib that counted "at least 5".
    saraqib = replace(
        report("saraqib", "remote_violence", replace(ARIHA, name="Saraqib"), None, "2019-03-20"),
        quantities=[Quantity("killed", 5, "min")],
    )
    toll = report("toll", "remote_violence", IDLIB, 9, "2019-03-20")
    ariha = report("ariha", "remote_violence", ARIHA, 9, "2019-03-20")
    assert members_with([ariha, saraqib, toll], "toll") == ["ariha", "toll"]
    link = next(link for i in link_events([ariha, saraqib, toll], OPTIONS) for link in i.links)
    assert link.reasons["figures"] == "same figure: killed"


def test_a_report_naming_no_doer_does_not_chain_a_rebel_attack_to_an_army_strike() -> None:
    # The unnamed report agrees with both; the two named ones conflict, and what the army
    # report shares with the incident (a town, overlapping days, a type) does not outweigh it.
    rebels = strike("rebels", REBELS)
    unnamed = replace(strike("unnamed", REBELS), actors=[])
    army = replace(strike("army", ARMY, "2019-03-21"), quantities=[], date_text=None)
    assert members_with([rebels, unnamed, army], "army") == ["army"]
    assert members_with([rebels, unnamed, replace(army, actors=[])], "army") == ["army", "rebels", "unnamed"]


def test_a_report_naming_both_sides_as_doers_is_no_doer_evidence() -> None:
    # "Clashes between the army and the rebels", or a report that could not say who struck,
    # shares a doer with every report and so tells none apart (kb/link/opposing_kinds.csv).
    both = replace(strike("both", ARMY), actors=[ARMY, REBELS])
    (incident,) = link_events([strike("army", ARMY), both], OPTIONS)
    (link,) = incident.links
    assert link.reasons["actors"] == "none shared"
    foreign = Actor(name="Russia", kind="external forces")
    (incident,) = link_events([strike("foreign", foreign), both], OPTIONS)
    assert incident.links[0].reasons["actors"] == "none shared"


def test_foreign_air_forces_on_two_sides_are_conflicting_doers() -> None:
    # Russia and the US-led coalition are both `external forces`, on two sides of the war
    # (kb/actors.csv): air strikes blamed on each, with days that only overlap and no figure in
    # common, are two strikes; the US and the coalition it leads are one side, so no conflict.
    russia = replace(strike("russia", Actor(name="Russia", kind="external forces")), quantities=[])
    coalition = replace(
        strike("coalition", Actor(name="US-led coalition", kind="external forces"), "2019-03-21"),
        quantities=[],
        date_text=None,
    )
    assert members_with([russia, coalition], "russia") == ["russia"]
    american = replace(russia, actors=[Actor(name="United States", kind="external forces")])
    assert members_with([american, coalition], "coalition") == ["coalition", "russia"]
