"""Figures across sources: intervals from qualifiers, low/best/high, and disputes."""

from __future__ import annotations

import pytest

from sitreport.link.claims import disputed_keys, estimates_of, load_bound_rules
from sitreport.records import Claim

RULES = load_bound_rules()


def claim(
    value: int,
    qualifier: str = "exact",
    text: str = "",
    category: str = "people",
    kind: str | None = None,
    source: str | None = "S",
) -> Claim:
    return Claim(category, value, qualifier, kind, source, "article", f"event-{value}", text)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("claims", "expected"),
    [
        ([claim(60, "min", "more than 60 people")], (61, 61, None)),
        ([claim(60, "min", "at least 60 people")], (60, 60, None)),
        ([claim(50, "max", "up to 50 people")], (0, 50, 50)),
        ([claim(50, "max", "fewer than 50 people")], (0, 49, 49)),
        ([claim(1200, "approx", "around 1,200")], (1080, 1200, 1320)),
        ([claim(1580), claim(1500), claim(1400, "min", "at least 1,400")], (1400, 1500, None)),
    ],
)
def test_estimate_spans_what_the_claims_allow(claims: list[Claim], expected: tuple) -> None:
    estimate = estimates_of(claims, RULES)["people"]
    assert (estimate.low, estimate.best, estimate.high) == expected


@pytest.mark.parametrize(
    ("claims", "disputed"),
    [
        ([claim(1580), claim(1500)], True),
        ([claim(1580), claim(1400, "min", "at least 1,400")], False),
        ([claim(1580), claim(1580, "min", "more than 1,580")], True),
        ([claim(1200, "approx", "around 1,200"), claim(1150)], False),
        ([claim(1200, "approx", "around 1,200"), claim(1500)], True),
        ([claim(50, "max", "up to 50"), claim(45)], False),
        ([claim(50, "max", "up to 50"), claim(55)], True),
    ],
)
def test_disputed_when_the_figures_cannot_all_hold(claims: list[Claim], disputed: bool) -> None:
    assert bool(disputed_keys(claims, RULES)) is disputed


def test_a_subset_category_or_kind_is_not_a_rival_count() -> None:
    claims = [
        claim(1500),
        claim(420, category="fighters"),
        claim(10, category="killed"),
        claim(3, category="killed", kind="civilians"),
    ]
    assert disputed_keys(claims, RULES) == []
    assert sorted(estimates_of(claims, RULES)) == ["fighters", "killed", "killed:civilians", "people"]


def test_best_prefers_sourced_figures() -> None:
    estimate = estimates_of([claim(900, source=None), claim(1000)], RULES)["people"]
    assert (estimate.low, estimate.best) == (900, 1000)
