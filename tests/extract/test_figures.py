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
    ],
)
def test_a_figure_of_the_casualty_word_has_no_kind(
    extract: Callable[..., list[Event]], text: str, expected: list[tuple[int, str | None]]
) -> None:
    assert death_figures(extract(text)) == expected
