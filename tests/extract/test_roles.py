"""Who did it to whom: actor roles on sample sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitreport.records import Event

PUBLISHED = "2017-05-10T08:00"
Extract = Callable[..., list[Event]]


def roles_of(events: list[Event], event_type: str) -> set[tuple[str, str]]:
    """(actor, role) pairs of every event of the type."""
    return {(a.name, a.role) for e in events if e.event_type == event_type for a in e.actors}


def doers(events: list[Event], event_type: str) -> set[str]:
    return {name for name, role in roles_of(events, event_type) if role == "actor"}


@pytest.mark.parametrize(
    ("text", "event_type", "actor"),
    [
        # the subject of an active event verb
        ("Regime planes killed 31 fighters in Raqqa on Sunday.", "casualties", "Syrian government"),
        # the agent of a passive one
        ("Twelve people were killed by Russian warplanes in Idlib on Monday.", "casualties", "Russia"),
        # the cause a toll is told with
        ("Nine civilians were killed in regime shelling of Douma.", "remote_violence", "Syrian government"),
        # an event noun's own modifier
        ("Turkish artillery shelling hit Afrin on Tuesday.", "remote_violence", "Turkey"),
        # the side a toll's clash was fought with
        (
            "Eighteen IS fighters were killed in clashes with Kurdish fighters near Kobani.",
            "armed_clash",
            "Kurdish militia",
        ),
    ],
)
def test_the_side_that_did_it_is_the_actor(extract: Extract, text: str, event_type: str, actor: str) -> None:
    assert actor in doers(extract(text, published=PUBLISHED), event_type)


def test_those_a_toll_counts_did_not_do_the_killing(extract: Extract) -> None:
    events = extract("120 people were killed on Monday, including 35 regime forces.", published=PUBLISHED)
    assert "Syrian government" not in doers(events, "casualties")


def test_what_an_attack_was_aimed_at_is_its_target(extract: Extract) -> None:
    events = extract("A Syrian air strike on an Islamic State camp killed 17 militants.", published=PUBLISHED)
    assert doers(events, "remote_violence") == {"Syrian government"}
    assert ("Islamic State", "target") in roles_of(events, "remote_violence")


def test_the_side_an_attack_was_aimed_at_is_its_target_and_one_fought_is_a_party(extract: Extract) -> None:
    attacked = extract("Rebels launched an attack on army positions in Hama.", published=PUBLISHED)
    fought = extract("Rebels fought against Islamic State fighters in Daraa.", published=PUBLISHED)
    assert roles_of(attacked, "armed_clash") == {("Syrian rebels", "actor"), ("Syrian government", "target")}
    assert doers(fought, "armed_clash") == {"Syrian rebels", "Islamic State"}


def test_the_side_holding_a_place_is_no_party_to_what_happens_there(extract: Extract) -> None:
    events = extract("Coalition warplanes struck IS-held villages near Raqqa on Monday.", published=PUBLISHED)
    assert doers(events, "remote_violence") == {"US-led coalition"}
    assert ("Islamic State", "target") in roles_of(events, "remote_violence")


def test_the_side_a_place_is_held_by_is_no_party_either(extract: Extract) -> None:
    text = "Rebel rockets hit districts controlled by the regime in Aleppo, killing eight people."
    events = extract(text, published=PUBLISHED)
    assert "Syrian government" not in doers(events, "remote_violence")
    assert "Syrian rebels" in doers(events, "remote_violence")


def test_rescuers_who_tell_of_an_attack_are_its_source_not_its_actor(extract: Extract) -> None:
    text = "Ten people were killed in air strikes on Douma on Sunday, the civil defence said."
    events = extract(text, published=PUBLISHED)
    assert all(a.name != "White Helmets" for e in events for a in e.actors)
    assert any("White Helmets" in e.sources for e in events)


def test_rescuers_act_when_the_sentence_says_they_did(extract: Extract) -> None:
    text = "The Syrian Arab Red Crescent evacuated 200 wounded people from Madaya."
    events = extract(text, published=PUBLISHED)
    assert "Syrian Arab Red Crescent" in doers(events, "evacuation")


def test_a_pronoun_agent_stands_for_the_side_that_tells(extract: Extract) -> None:
    text = "The Syrian army said it killed 20 militants near Palmyra on Monday."
    events = extract(text, published=PUBLISHED)
    assert doers(events, "casualties") == {"Syrian government"}


def test_a_side_telling_of_violence_did_not_thereby_do_it(extract: Extract) -> None:
    text = "The Syrian army said militants shelled a school in Aleppo on Monday."
    events = extract(text, published=PUBLISHED)
    assert "Syrian government" not in doers(events, "remote_violence")


def test_coordinated_modifiers_name_each_side(extract: Extract) -> None:
    events = extract("Syrian and Russian warplanes bombed Maarat al-Numan on Friday.", published=PUBLISHED)
    assert doers(events, "remote_violence") == {"Syrian government", "Russia"}


def test_civilians_suffer_events_and_never_do_them(extract: Extract) -> None:
    events = extract("Regime barrel bombs killed 14 civilians in Daraa on Friday.", published=PUBLISHED)
    assert ("civilians", "affected") in roles_of(events, "remote_violence")
    assert "civilians" not in doers(events, "remote_violence")


def test_violence_told_without_its_doer_was_done_by_the_side_the_article_names(extract: Extract) -> None:
    text = (
        "Russian jets bombed Khan Shaykhun on Monday, the Observatory said.\n\n"
        "The raids killed at least 12 civilians, among them four children."
    )
    events = extract(text, published=PUBLISHED)
    assert doers(events, "remote_violence") == {"Russia"}


def test_inherited_doers_come_from_the_nearest_violence_of_the_same_type(extract: Extract) -> None:
    text = (
        "Islamic State fighters attacked an army checkpoint near Deir ez-Zor on Monday.\n\n"
        "Turkish warplanes struck Kurdish positions near Afrin on Tuesday.\n\n"
        "Further strikes hit the village of Jandairis later that day."
    )
    events = extract(text, published=PUBLISHED)
    strikes = [e for e in events if e.event_type == "remote_violence"]
    assert strikes and all("Turkey" in {a.name for a in e.actors if a.role == "actor"} for e in strikes)
