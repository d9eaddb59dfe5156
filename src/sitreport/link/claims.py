"""Figures across an incident: each source's claim, low/best/high, and whether they conflict.

A claim becomes an interval of the values it allows (docs/incidents.md, "Figures"):
``exact`` 1,580 → [1580, 1580]; ``approx`` 1,200 → ±10 %; ``min`` → [v, ∞) or [v+1, ∞) when the
words mark a strict bound ("more than"); ``max`` → [0, v] or [0, v-1] likewise.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sitreport.link.kbtables import read_table
from sitreport.records import Claim, Estimate, Event

# "around 1,200" is read as 1,080-1,320: wide enough for rounding by a reporter, narrow
# enough that 1,500 and 1,200 still conflict.
APPROX_TOLERANCE = 0.10


@dataclass(frozen=True, slots=True)
class Interval:
    """The values a claim allows; ``high`` None means unbounded."""

    low: int
    high: int | None

    def meets(self, other: Interval) -> bool:
        """True when some value is allowed by both."""
        return (other.high is None or self.low <= other.high) and (
            self.high is None or other.low <= self.high
        )

    @staticmethod
    def intersection(intervals: Iterable[Interval]) -> Interval | None:
        items = list(intervals)
        low = max(item.low for item in items)
        highs = [item.high for item in items if item.high is not None]
        high = min(highs) if highs else None
        return None if high is not None and high < low else Interval(low, high)


@dataclass(frozen=True)
class BoundRules:
    """Phrases that make a ``min``/``max`` figure strict, per qualifier."""

    strict: dict[str, re.Pattern[str]]

    def is_strict(self, qualifier: str, text: str) -> bool:
        pattern = self.strict.get(qualifier)
        return bool(pattern and pattern.search(text))


@cache
def load_bound_rules(extra_dirs: tuple[Path, ...] = ()) -> BoundRules:
    phrases: dict[str, list[str]] = defaultdict(list)
    for row in read_table("export/strict_bounds.csv", ("phrase", "qualifier"), extra_dirs):
        phrases[row["qualifier"]].append(re.escape(row["phrase"].casefold()))
    return BoundRules(
        {
            qualifier: re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)
            for qualifier, words in phrases.items()
        }
    )


def estimate_key(category: str, kind: str | None) -> str:
    """``killed`` or ``killed:civilians``: figures compare only within one key."""
    return f"{category}:{kind}" if kind else category


def claim_interval(value: int, qualifier: str, text: str, rules: BoundRules) -> Interval:
    if qualifier == "approx":
        return Interval(math.floor(value * (1 - APPROX_TOLERANCE)), math.ceil(value * (1 + APPROX_TOLERANCE)))
    strict = 1 if rules.is_strict(qualifier, text) else 0
    if qualifier == "min":
        return Interval(value + strict, None)
    if qualifier == "max":
        return Interval(0, max(value - strict, 0))
    return Interval(value, value)


def claims_of(events: Iterable[Event]) -> list[Claim]:
    """Every figure of every event, attributed to its source (or the event's only source)."""
    claims = [
        Claim(
            category=quantity.category,
            value=quantity.value,
            qualifier=quantity.qualifier,
            kind=quantity.kind,
            source=quantity.source or (event.sources[0] if len(event.sources) == 1 else None),
            article_id=event.article_id,
            event_id=event.event_id,
            text=quantity.text,
        )
        for event in events
        for quantity in event.quantities
    ]
    return sorted(claims, key=lambda c: (c.category, c.kind or "", c.value, c.source or "", c.event_id))


def claims_by_key(claims: Iterable[Claim]) -> dict[str, list[Claim]]:
    grouped: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        grouped[estimate_key(claim.category, claim.kind)].append(claim)
    return dict(grouped)


def best_figure(claims: Sequence[Claim], intervals: Sequence[Interval]) -> int:
    """ACLED's conservative rule: the lowest stated figure, preferring figures with a source.

    Exact and approximate figures count at their stated value. When every claim is a bound,
    the tightest lower bound is best; with only upper bounds ("up to 50"), the lowest of them.
    """
    points = [c for c in claims if c.qualifier in ("exact", "approx")]
    sourced = [c for c in points if c.source] or points
    if sourced:
        return min(c.value for c in sourced)
    lows = [i.low for c, i in zip(claims, intervals, strict=True) if c.qualifier == "min"]
    if lows:
        return max(lows)
    return min(i.high or 0 for i in intervals)


def estimate(claims: Sequence[Claim], rules: BoundRules) -> Estimate:
    """low/high span every value some claim allows; best as in ``best_figure``."""
    intervals = [claim_interval(c.value, c.qualifier, c.text, rules) for c in claims]
    highs = [i.high for i in intervals]
    return Estimate(
        low=min(i.low for i in intervals),
        best=best_figure(claims, intervals),
        high=None if None in highs else max(h for h in highs if h is not None),
    )


def estimates_of(claims: Iterable[Claim], rules: BoundRules) -> dict[str, Estimate]:
    return {key: estimate(group, rules) for key, group in sorted(claims_by_key(claims).items())}


def disputed_keys(claims: Iterable[Claim], rules: BoundRules) -> list[str]:
    """Keys whose claims cannot all hold at once (their intervals have no common value)."""
    return [
        key
        for key, group in sorted(claims_by_key(claims).items())
        if Interval.intersection(claim_interval(c.value, c.qualifier, c.text, rules) for c in group) is None
    ]
