"""Running totals and recalled history are not an article's events; headline capitals are not
part of what a figure counts; a country in a group's name yields to the sentence's own place.
Sample sentences written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import spacy

from sitreport.extract.mentions import is_not_place
from sitreport.records import Event

Extract = Callable[..., list[Event]]
PUBLISHED = "2016-06-12"


def killed(events: list[Event]) -> set[int]:
    return {q.value for e in events for q in e.quantities if q.category == "killed"}


def test_a_count_over_the_past_weeks_is_no_events_figure(extract: Extract) -> None:
    events = extract(
        "Air strikes killed 12 people in Saraqeb on Sunday. More than 300 civilians have been "
        "killed in the province over the past month, the monitor said.",
        published=PUBLISHED,
    )
    assert killed(events) == {12}


def test_a_count_over_weeks_alone_is_no_events_figure(extract: Extract) -> None:
    events = extract(
        "Mine blasts in Manbij have killed 41 people over the past three weeks.", published=PUBLISHED
    )
    assert 41 not in killed(events)


def test_a_count_since_an_offensive_began_is_no_events_figure(extract: Extract) -> None:
    events = extract(
        "Rebel shelling killed nine civilians in Aleppo on Friday. At least 90 people have died "
        "since the army began an offensive on the city two weeks ago.",
        published=PUBLISHED,
    )
    assert killed(events) == {9}


def test_a_battles_toll_since_a_weekday_stays_the_battles(extract: Extract) -> None:
    # a fight over a few days is one happening: its toll since Saturday is the toll coders give it
    events = extract(
        "At least 40 fighters have been killed since Saturday in clashes around Tal Tamr, the monitor said.",
        published=PUBLISHED,
    )
    assert 40 in killed(events)


def test_a_period_on_the_verb_does_not_reach_its_subjects_event(extract: Extract) -> None:
    # "X raises the toll to N since Y": the running total is the toll's, X is still news
    events = extract(
        "Regime shelling on Douma raises the death toll to 480 since the offensive began.",
        published=PUBLISHED,
    )
    assert [e.event_type for e in events] == ["remote_violence"]
    assert killed(events) == set()


def test_an_event_months_before_publication_is_history(extract: Extract) -> None:
    events = extract(
        "A car bomb killed six people in Jableh on Saturday. A string of bombings in the town "
        "in February left 80 people dead.",
        published=PUBLISHED,
    )
    assert killed(events) == {6}


def test_a_first_since_is_still_news(extract: Extract) -> None:
    text = "An aid convoy reached Madaya on Monday, the first since the siege began."
    events = extract(text, published=PUBLISHED)
    assert [e.event_type for e in events] == ["aid"]


def test_headline_capitals_are_no_part_of_the_kind(extract: Extract) -> None:
    events = extract(
        "Warplanes struck the town of Kafr Nabl on Monday, the monitor said.",
        title="Air Strikes Kill 15 Civilians in Northern Syria",
        published=PUBLISHED,
    )
    kinds = {q.kind for e in events for q in e.quantities if q.value == 15}
    assert kinds == {"civilians"}


def test_a_weekday_whose_apostrophe_was_dropped_is_no_place() -> None:
    words = frozenset({"wednesday"})
    doc = spacy.blank("en")("Wednesdays attack on Idris")
    assert is_not_place(doc[0], words)
    assert not is_not_place(doc[3], words)


def test_a_country_in_a_groups_name_yields_to_the_sentences_town(extract: Extract) -> None:
    events = extract(
        "Thirteen militants of the Islamic State in Iraq and Levant were killed on Monday during "
        "battles with rebel groups in the Idlib countryside.",
        published=PUBLISHED,
    )
    toll = [e for e in events if 13 in killed([e])]
    assert toll and all(e.location is not None and e.location.country == "SY" for e in toll)


def test_a_toll_of_war_scale_is_no_events_figure(extract: Extract) -> None:
    # no one happening kills tens of thousands: such a figure counts the war, even with no
    # word of the war in its sentence (kb/extraction/triggers.toml [tolls] war_scale)
    events = extract(
        "Air strikes killed 14 people in Saraqeb on Sunday. More than 300,000 people have been "
        "killed and millions forced to flee their homes.",
        published=PUBLISHED,
    )
    assert killed(events) == {14}
