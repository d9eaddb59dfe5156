"""Figures and what they count (sitreport.extract.figures).

The sentences below are samples written for these tests, not article text.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitreport.records import Event


def death_figures(events: list[Event]) -> list[tuple[int, str | None]]:
    return sorted((q.value, q.kind) for e in events for q in e.quantities if q.category == "killed")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the figure counts the casualty word itself: who died is not told
        ("Two car bombs exploded at a checkpoint near Homs on Monday, claiming 4 martyrs.", [(4, None)]),
        ("A barrel bomb hit a market in Douma on Monday, causing 9 deaths.", [(9, None)]),
        # the figure counts persons the casualty word happened to: they are its kind
        ("A barrel bomb hit a market in Douma on Monday, killing 9 civilians.", [(9, "civilians")]),
        # in the lexicon's own plural, whichever the text uses: "persons" are people
        ("A barrel bomb hit a market in Douma on Monday, killing 9 persons.", [(9, "people")]),
    ],
)
def test_a_figure_of_the_casualty_word_has_no_kind(
    extract: Callable[..., list[Event]], text: str, expected: list[tuple[int, str | None]]
) -> None:
    assert death_figures(extract(text)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Shells fell on Douma on Monday, claiming the lives of 3 children and injuring 17 people.",
        "Five were killed and 17 injured when shells fell on Douma on Monday.",
    ],
)
def test_the_wounded_of_their_own_figure_are_no_dead(extract: Callable[..., list[Event]], text: str) -> None:
    # a casualty word with a figure of its own is not bound by the figure of the word it is
    # joined to: 17 is the wounded, never a bound on the dead
    assert 17 not in {value for value, _ in death_figures(extract(text))}


def test_the_wounded_of_a_clause_of_their_own_are_no_dead(extract: Callable[..., list[Event]]) -> None:
    # "a woman was killed and 30 were injured": the joined word has its own subject, so 30
    # counts the wounded only, not the dead as well
    events = extract("A woman was killed and 30 other people were injured by shelling on Douma on Monday.")
    assert 30 not in {value for value, _ in death_figures(events)}


@pytest.mark.parametrize(
    ("title", "dead", "wounded"),
    [
        ("2 Civilians Killed 9 Injured in Rocket Attack on Aleppo", 2, 9),
        ("One person killed 16 others injured in rocket attacks on Aleppo", 1, 16),
        ("15 killed 20 injured in airstrike near a market in Aleppo", 15, 20),
        # "over 28" hangs off "Killed" in the parse, yet it is listed before "Injured"
        ("3 Killed over 28 Injured in Mortar Attack on Homs", 3, 28),
        ("6 Killed, 31 Injured in Car Bomb Blast in Hama", 6, 31),
        # "31" parsed as a modifier of "Killed": the participle after it still counts it
        ("5 Killed 31 Injured in Car Bomb Blast in Hama", 5, 31),
    ],
)
def test_a_headline_without_its_comma_keeps_dead_and_wounded_apart(
    extract: Callable[..., list[Event]], title: str, dead: int, wounded: int
) -> None:
    # the scraper stripped the comma of "2 Civilians Killed, 9 Injured": the second figure,
    # with a casualty participle of its own, counts the wounded, and the first the dead
    events = extract("Shells fell on the city on Friday.", title=title, published="2016-06-12")
    assert dead in {value for value, _ in death_figures(events)}
    assert wounded not in {value for value, _ in death_figures(events)}


def test_a_participle_with_its_own_figure_leaves_the_object(extract: Callable[..., list[Event]]) -> None:
    # "killed 30 people injured 90": "injured" has its own figure, so the 30 were killed
    events = extract("A suicide bomber killed 30 people injured 90 on Monday at a wedding in Hasakeh.")
    assert 30 in {value for value, _ in death_figures(events)}


def test_a_participle_before_its_object_does_not_take_the_figure_before_it(
    extract: Callable[..., list[Event]],
) -> None:
    # "killed 12 wounded 40 in Homs": 12 stands before "wounded" as its object's neighbour,
    # not as a figure listed before it (the number after "wounded" is no such list)
    events = extract("The car bomb killed 12 wounded 40 in Homs on Monday.")
    assert 12 in {value for value, _ in death_figures(events)}


def test_a_figure_of_another_casualty_word_is_that_words(extract: Callable[..., list[Event]]) -> None:
    # "Killed 7 Injured": the 7 count the injured, the word they are a figure of
    events = extract("Shells fell on the city.", title="Market Shelled 2 Civilians Killed 7 Injured")
    assert 7 not in {value for value, _ in death_figures(events)}


def test_two_casualty_words_of_one_subject_share_the_figure(extract: Callable[..., list[Event]]) -> None:
    # "warplanes kill and wound 23": one subject, one figure for both words (at most 23 dead)
    events = extract("Coalition warplanes kill and wound 23 civilians in the Manbij countryside on Monday.")
    assert 23 in {value for value, _ in death_figures(events)}
