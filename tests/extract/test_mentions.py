"""Unknown names read as places from the parse (sitreport.extract.mentions)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from sitreport.extract.mentions import placed_names

PREPOSITIONS = frozenset({"in"})


def parsed(words: list[str], pos: list[str], heads: list[int], deps: list[str]) -> Doc:
    """A hand-parsed sample sentence, so the test does not depend on the model's parse."""
    return Doc(spacy.blank("en").vocab, words=words, pos=pos, heads=heads, deps=deps)


def test_an_unknown_name_after_a_place_preposition_is_a_place() -> None:
    doc = parsed(["Clashes", "in", "Kafr", "Halab"], ["NOUN", "ADP", "PROPN", "PROPN"], [0, 0, 3, 1],
                 ["ROOT", "prep", "compound", "pobj"])
    assert placed_names(doc, PREPOSITIONS, frozenset(), []) == [(11, 21)]


def test_a_stray_dash_tagged_as_a_name_is_no_place() -> None:
    """Scraped pages leave dashes the parser may tag as a proper noun: 'clashes in -'."""
    doc = parsed(["Clashes", "in", "-"], ["NOUN", "ADP", "PROPN"], [0, 0, 1], ["ROOT", "prep", "pobj"])
    assert placed_names(doc, PREPOSITIONS, frozenset(), []) == []
