"""Linking the sample corpus: pairwise precision/recall, the hard cases, analyst decisions."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitreport.errors import SitreportError
from sitreport.link import expand_decision, link_events, link_new
from sitreport.options import Options
from sitreport.records import Event, Incident

from .link_corpus import corpus_events, corpus_published, gold_incidents, pairwise_scores

OPTIONS = Options()
PUBLISHED = corpus_published()


def incident_with(incidents: list[Incident], event_id: str) -> Incident:
    return next(incident for incident in incidents if event_id in incident.events)


@pytest.fixture(scope="module")
def incidents() -> list[Incident]:
    return link_events(corpus_events(), OPTIONS, published=PUBLISHED)


def test_pairwise_precision_and_recall(incidents: list[Incident]) -> None:
    precision, recall = pairwise_scores(incidents, gold_incidents())
    print(f"link pairwise precision {precision:.3f} recall {recall:.3f} over {len(corpus_events())} events")
    assert precision == 1.0
    assert recall == 1.0


def test_same_town_convoys_a_day_apart_stay_apart(incidents: list[Incident]) -> None:
    first, second = incident_with(incidents, "a01-e1"), incident_with(incidents, "a06-e1")
    assert first.incident_id != second.incident_id
    assert (first.date, second.date) == ("2019-03-10", "2019-03-11")


def test_conflicting_figures_are_all_kept_and_disputed(incidents: list[Incident]) -> None:
    convoy = incident_with(incidents, "a01-e1")
    people = sorted((c.source, c.value, c.qualifier) for c in convoy.claims if c.category == "people")
    assert people == [
        ("LSA", 1580, "exact"),
        ("LSA", 1580, "exact"),
        ("NWS", 1400, "min"),
        ("OCM", 1500, "exact"),
    ]
    assert convoy.estimates["people"].to_dict() == {"low": 1400, "best": 1500, "high": None}
    assert convoy.disputed
    # The 420 fighters are a subset of the people, not a rival count.
    assert convoy.estimates["fighters"].to_dict() == {"low": 420, "best": 420, "high": 420}


def test_agreeing_figures_are_not_disputed(incidents: list[Incident]) -> None:
    clash = incident_with(incidents, "a07-e1")
    assert clash.estimates["killed:fighters"].to_dict() == {"low": 18, "best": 20, "high": 22}
    assert "killed:civilians" in clash.estimates
    assert not clash.disputed


def test_governorate_report_joins_the_town_and_toll_joins_the_clash(incidents: list[Incident]) -> None:
    clash = incident_with(incidents, "a07-e1")
    assert clash.events == ["a07-e1", "a08-e1", "a09-e1"]
    assert clash.event_type == "armed_clash"
    assert clash.location is not None and clash.location.name == "Jisr al-Shughur"


def test_undated_report_links_on_its_article_day_place_and_figure(incidents: list[Incident]) -> None:
    assert "a04-e1" in incident_with(incidents, "a01-e1").events


def test_two_events_of_one_article_are_never_linked() -> None:
    event = next(e for e in corpus_events() if e.event_id == "a02-e1")
    twin = replace(event, event_id="a02-e9")
    linked = link_events([event, twin], OPTIONS)
    assert len(linked) == 2


def test_incident_id_is_a_stable_hash_of_member_ids(incidents: list[Incident]) -> None:
    again = link_events(list(reversed(corpus_events())), OPTIONS, published=PUBLISHED)
    assert [i.incident_id for i in again] == [i.incident_id for i in incidents]


def test_split_decision_takes_an_event_out_and_is_kept(incidents: list[Incident]) -> None:
    convoy = incident_with(incidents, "a01-e1")
    decisions = expand_decision("split", "a04-e1", convoy.incident_id, {convoy.incident_id: convoy})
    relinked = link_events(corpus_events(), OPTIONS, decisions, PUBLISHED)
    assert incident_with(relinked, "a04-e1").events == ["a04-e1"]
    assert incident_with(relinked, "a01-e1").events == ["a01-e1", "a02-e1", "a03-e1"]


def test_merge_decision_joins_what_linking_kept_apart(incidents: list[Incident]) -> None:
    first, second = incident_with(incidents, "a01-e1"), incident_with(incidents, "a06-e1")
    by_id = {i.incident_id: i for i in incidents}
    decisions = expand_decision("merge", first.incident_id, second.incident_id, by_id)
    merged = incident_with(link_events(corpus_events(), OPTIONS, decisions, PUBLISHED), "a01-e1")
    assert set(merged.events) == set(first.events) | set(second.events)


def test_latest_decision_on_a_pair_wins() -> None:
    decisions = [("merge", "a01-e1", "a06-e1"), ("split", "a06-e1", "a01-e1")]
    relinked = link_events(corpus_events(), OPTIONS, decisions)
    assert "a06-e1" not in incident_with(relinked, "a01-e1").events


def test_unknown_decision_is_an_error() -> None:
    with pytest.raises(SitreportError, match="unknown link decision"):
        link_events(corpus_events(), OPTIONS, [("join", "a01-e1", "a06-e1")])


def test_incremental_update_matches_a_full_run(incidents: list[Incident]) -> None:
    events = corpus_events()
    old = [e for e in events if e.article_id not in ("a02", "a08")]
    new = [e for e in events if e.article_id in ("a02", "a08")]
    before = link_events(old, OPTIONS, published=PUBLISHED)
    changed, removed = link_new(before, new, {e.event_id: e for e in old}, OPTIONS, published=PUBLISHED)
    after = {i.incident_id: i for i in before if i.incident_id not in removed}
    after.update({i.incident_id: i for i in changed})
    assert sorted(after) == [i.incident_id for i in incidents]
    untouched = {i.incident_id for i in before} - set(removed)
    assert not untouched & {i.incident_id for i in changed}


def test_new_decision_relinks_only_its_neighbourhood(incidents: list[Incident]) -> None:
    events = {e.event_id: e for e in corpus_events()}
    decisions = [("split", "a08-e1", "a07-e1"), ("split", "a08-e1", "a09-e1")]
    changed, removed = link_new(
        incidents, [], events, OPTIONS, decisions, touched=["a08-e1"], published=PUBLISHED
    )
    assert sorted(removed) == [incident_with(incidents, "a07-e1").incident_id]
    assert sorted(i.events for i in changed) == [["a07-e1", "a09-e1"], ["a08-e1"]]


def test_unplaced_event_stays_alone() -> None:
    lone = Event(
        event_id="x1", article_id="x", event_type="evacuation", date="2019-03-10", date_precision="day"
    )
    twin = replace(lone, event_id="y1", article_id="y")
    assert len(link_events([lone, twin], OPTIONS)) == 2


def event_on(day: str, article: str, text: str | None) -> Event:
    base = next(e for e in corpus_events() if e.event_id == "a06-e1")
    return replace(base, event_id=f"{article}-x", article_id=article, date=day, date_text=text)


def test_inferred_dates_may_drift_within_the_window_stated_ones_may_not() -> None:
    inferred = link_events([event_on("2019-03-11", "p", None), event_on("2019-03-13", "q", None)], OPTIONS)
    stated = link_events(
        [event_on("2019-03-11", "p", "on Monday"), event_on("2019-03-12", "q", "Tuesday")], OPTIONS
    )
    too_far = link_events([event_on("2019-03-11", "p", None), event_on("2019-03-15", "q", None)], OPTIONS)
    assert (len(inferred), len(stated), len(too_far)) == (1, 2, 2)


def test_an_inferred_day_is_the_report_day_so_the_event_is_not_later() -> None:
    # No date words: the day is when the report came out, so the event happened then or before.
    after = link_events(
        [event_on("2019-03-11", "p", "on Monday"), event_on("2019-03-12", "q", None)], OPTIONS
    )
    before = link_events(
        [event_on("2019-03-11", "p", "on Monday"), event_on("2019-03-10", "q", None)], OPTIONS
    )
    assert (len(after), len(before)) == (1, 2)
