"""find_actors on sides named by their forces, holders of places and shared aliases; sentences
written for these tests."""

from __future__ import annotations

import pytest

from sitreport.kb import KnowledgeBase
from sitreport.resolve import find_actors


def named(text: str, kb: KnowledgeBase) -> list[tuple[str, str]]:
    return [(m.text, m.name) for m in find_actors(text, kb)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russian air strikes hit the town.", [("Russian air strikes", "Russia")]),
        ("Regime shelling went on all night.", [("Regime shelling", "Syrian government")]),
        ("US-led strikes hit the dam.", [("US-led strikes", "US-led coalition")]),
        ("Coalition raids resumed.", [("Coalition raids", "US-led coalition")]),
        ("Israeli jets struck a depot.", [("Israeli jets", "Israel")]),
    ],
)
def test_a_modifier_on_a_force_noun_names_the_side(kb: KnowledgeBase, text: str, expected: list) -> None:
    assert named(text, kb) == expected


def test_modifiers_coordinated_before_a_force_noun_each_name_a_side(kb: KnowledgeBase) -> None:
    assert named("Syrian and Russian warplanes returned.", kb) == [
        ("Syrian", "Syrian government"),
        ("Russian warplanes", "Russia"),
    ]


@pytest.mark.parametrize(
    "text",
    ["Russian-made rockets were found.", "Syrian doctors crossed the Turkish border.", "russian planes"],
)
def test_the_modifier_alone_names_nobody(kb: KnowledgeBase, text: str) -> None:
    """Only before a force noun, and capitalised as the knowledge base writes it."""
    assert named(text, kb) == []


def test_a_full_name_wins_over_a_force_phrase_inside_it(kb: KnowledgeBase) -> None:
    [sdf] = named("Syrian Democratic Forces advanced.", kb)
    assert sdf == ("Syrian Democratic Forces", "Syrian Democratic Forces")


def test_a_side_joined_to_a_holding_word_holds_the_place(kb: KnowledgeBase) -> None:
    [held] = find_actors("Shells fell on IS-held villages.", kb)
    [fighting] = find_actors("IS fighters shelled the villages.", kb)
    assert (held.name, held.holds_place) == ("Islamic State", True)
    assert (fighting.name, fighting.holds_place) == ("Islamic State", False)


def test_terrorists_are_the_armed_opposition_unless_one_jihadist_group_is_named(kb: KnowledgeBase) -> None:
    assert named("Terrorists fired rocket shells at Aleppo.", kb) == [("Terrorists", "Syrian rebels")]
    assert [name for _, name in named("Daesh attacked. The terrorists fled.", kb)] == [
        "Islamic State",
        "Islamic State",
    ]


def test_the_army_is_the_syrian_army_unless_the_article_names_another(kb: KnowledgeBase) -> None:
    assert named("The army shelled the town.", kb) == [("The army", "Syrian government")]
    assert [name for _, name in named("The Lebanese army said the army shelled Arsal.", kb)] == [
        "Lebanese army",
        "Lebanese army",
    ]


def test_a_group_called_an_army_is_not_the_army(kb: KnowledgeBase) -> None:
    assert named("The Army of Conquest seized the town.", kb) == [("The Army of Conquest", "Jaish al-Fatah")]


def test_neutral_sides_carry_their_side(kb: KnowledgeBase) -> None:
    [rescuers] = find_actors("The White Helmets said so.", kb)
    assert rescuers.side == "neutral"
