"""The civilian toll of an event told only by the groups of civilians that died.

The figures below are samples written for these tests, not article text.
"""

from __future__ import annotations

from sitreport.extract.candidate import Candidate
from sitreport.extract.lexicon import load_extraction_lexicon
from sitreport.extract.victims import add_civilian_toll
from sitreport.records import Quantity

TEXT = (
    "Eleven children and four women were killed; 23 people, among them eight children; 20 civilians;"
    " five rescue workers."
)


def dead(value: int, kind: str, words: str) -> Quantity:
    start = TEXT.index(words)
    return Quantity("killed", value, kind=kind, text=words, start=start, end=start + len(words))


def civilian_tolls(*quantities: Quantity) -> list[Quantity]:
    candidate = Candidate("remote_violence", 0.7, [], False, quantities=list(quantities))
    add_civilian_toll(candidate, load_extraction_lexicon(), TEXT)
    return [q for q in candidate.quantities if q.kind == "civilians"]


def test_children_alone_are_the_civilian_toll() -> None:
    assert [(q.value, q.text) for q in civilian_tolls(dead(11, "children", "Eleven children"))] == [
        (11, "Eleven children")
    ]


def test_groups_add_up_and_the_figure_spans_their_words() -> None:
    tolls = civilian_tolls(dead(11, "children", "Eleven children"), dead(4, "women", "four women"))
    assert [(q.value, q.text) for q in tolls] == [(15, "Eleven children and four women")]


def test_a_group_repeated_counts_once() -> None:
    twice = civilian_tolls(
        dead(11, "children", "Eleven children"), dead(11, "Syrian children", "Eleven children")
    )
    assert [q.value for q in twice] == [11]


def test_a_group_among_a_larger_toll_gives_none() -> None:
    assert civilian_tolls(dead(23, "people", "23 people"), dead(8, "children", "eight children")) == []


def test_a_civilian_figure_as_large_is_kept_alone() -> None:
    told = dead(20, "civilians", "20 civilians")
    assert civilian_tolls(told, dead(8, "children", "eight children")) == [told]


def test_rescuers_and_medics_count_as_civilians() -> None:
    assert [q.value for q in civilian_tolls(dead(5, "rescue workers", "five rescue workers"))] == [5]
