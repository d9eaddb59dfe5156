"""Headlines read as articles: places joined by "and", joint tolls, tolls raised to a figure,
and a long untitled line read as the headline it is.

Every sample headline here is written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

from sitreport.records import Event

Extract = Callable[..., list[Event]]


def located(events: list[Event], event_type: str) -> set[str]:
    return {e.location.name for e in events if e.event_type == event_type and e.location}


def figures(events: list[Event]) -> set[tuple[str, int, str]]:
    return {(q.category, q.value, q.qualifier) for e in events for q in e.quantities}


def test_places_joined_by_and_are_one_event_each(extract: Extract) -> None:
    text = "Heavy clashes in Saraqib and Kafr Nabl"
    assert located(extract(text, title=text), "armed_clash") == {"Saraqib", "Kafranbel"}


def test_the_figure_stays_on_the_first_place_only(extract: Extract) -> None:
    text = "Warplanes kill 7 civilians in Ariha and Saraqib"
    events = [e for e in extract(text, title=text) if e.event_type == "remote_violence"]
    assert {e.location.name for e in events if e.location} == {"Ariha", "Saraqib"}
    assert sum(1 for e in events for q in e.quantities if q.category == "killed") == 1


def test_a_place_within_the_other_is_no_second_event(extract: Extract) -> None:
    text = "Shelling on Idlib city and Idlib province"
    assert len(located(extract(text, title=text), "remote_violence")) == 1


def test_a_toll_of_dead_and_wounded_bounds_each(extract: Extract) -> None:
    text = "Rocket fire kills and injures 14 people in Ariha"
    assert {("killed", 14, "max"), ("injured", 14, "max")} <= figures(extract(text, title=text))


def test_an_at_least_joint_toll_bounds_neither(extract: Extract) -> None:
    text = "At least 30 people were killed and wounded by shelling on Saraqib"
    assert ("killed", 30, "max") not in figures(extract(text, title=text))
    assert ("injured", 30, "max") not in figures(extract(text, title=text))


def test_a_toll_raised_to_a_figure_counts_the_dead(extract: Extract) -> None:
    text = "More deaths raise the toll of the Ariha market bombing to 19"
    assert ("killed", 19, "exact") in figures(extract(text, title=text))


def test_a_long_untitled_line_is_read_as_a_headline(extract: Extract) -> None:
    # over 25 words, so cleaning keeps no title; told in the headline's present tense
    text = (
        "A car bomb explosion in Azaz city kills 6 members of a faction in conjunction with a "
        "crowd gathered in the market square to protest against the rising prices of bread"
    )
    events = extract(text)
    assert ("killed", 6, "exact") in figures(events)

