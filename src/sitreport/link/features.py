"""What linking needs to know about one event, read once so pair checks stay cheap.

Dates become day ordinals (an interval for week/month precision), places become a block key
(the governorate, or the name when no governorate is known) plus a spot key for anything
more precise than a governorate. docs/incidents.md gives the rules these feed.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from sitreport.link.claims import BoundRules, Interval, claim_interval, estimate_key
from sitreport.records import Event, Place

# Types that may describe one real event: a toll reported on its own ("casualties") often
# belongs to the clash or strike another outlet reports. Everything else links only to its
# own type, because each type is a separate ACLED/PLOVER record and merging would lose one.
COMPATIBLE_TYPES: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"casualties", "armed_clash"}),
        frozenset({"casualties", "remote_violence"}),
    }
)
# The connected set of COMPATIBLE_TYPES, blocked together.
_VIOLENCE_TYPES = frozenset().union(*COMPATIBLE_TYPES)
VIOLENCE_GROUP = "violence"
# Precision 3 is a governorate or region: a place that can contain another event's place.
AREA_PRECISION = 3
AREA_KINDS = frozenset({"governorate", "province", "region", "admin1", "state", "oblast"})
# A date interval up to a week long still pins a report down; a month does not.
PRECISE_SPAN_DAYS = 7
# A bound is indexed as if it reached this far past its value ("at least 60" up to 240,
# "up to 60" down to 15): a bound far from another figure identifies nothing, and an
# unbounded side would put the figure in every bucket.
BOUND_REACH = 4

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_NOT_WORD = re.compile(r"[^a-z0-9]+")


def type_group(event_type: str) -> str:
    """The blocking group of a type: every pair of compatible types shares one group."""
    return VIOLENCE_GROUP if event_type in _VIOLENCE_TYPES else event_type


def types_compatible(first: str, second: str) -> bool:
    return first == second or frozenset({first, second}) in COMPATIBLE_TYPES


def normalise_name(name: str) -> str:
    """Case, accents, apostrophes and hyphens folded: "Dara'a" and "Daraa" compare equal."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub("", folded.casefold())


def day_interval(value: str | None, precision: str | None) -> tuple[int, int] | None:
    """First and last day (ordinals) a date can mean; None when unknown or only a year.

    A bare year is treated as unknown: a 365-day interval would link anything in that place.
    """
    match = _DATE.match(value or "")
    if not match or precision == "year" or match.group(2) is None:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    try:
        if match.group(3) is None or precision == "month":
            first = date(year, month, 1)
            last = (first + timedelta(days=31)).replace(day=1) - timedelta(days=1)
            return first.toordinal(), last.toordinal()
        day = date(year, month, int(match.group(3)))
    except ValueError:
        return None
    span = 6 if precision == "week" else 0
    return day.toordinal(), day.toordinal() + span


def is_area(place: Place) -> bool:
    """True for a governorate/region-level place, which may contain other events' places."""
    if place.precision is not None:
        return place.precision >= AREA_PRECISION
    if place.kind and place.kind.casefold() in AREA_KINDS:
        return True
    return bool(place.admin1) and normalise_name(place.name) == normalise_name(place.admin1 or "")


@dataclass(frozen=True, slots=True)
class PlaceKeys:
    """``area`` blocks events (governorate, else the place's own name); ``spot`` names a place
    below governorate level. Countries are left out: admin1 names rarely repeat across
    countries, and a named miss often has no country at all."""

    area: str
    spot: str | None


def place_keys(place: Place | None) -> PlaceKeys | None:
    """Keys for a place; None for no place or a whole country (too coarse to link on)."""
    if place is None or (place.precision or 0) > AREA_PRECISION:
        return None
    area = normalise_name(place.admin1 or place.name)
    if not area:
        return None
    # By name, not GeoNames id: a resolved place and a named miss of the same town must meet,
    # and the resolver gives every resolved place its one canonical name.
    return PlaceKeys(area=area, spot=None if is_area(place) else normalise_name(place.name))


@dataclass(frozen=True, slots=True)
class EventFeatures:
    """The parts of an event that linking compares."""

    event_id: str
    article_id: str
    event_type: str
    days: tuple[int, int] | None
    possible: tuple[int, int] | None
    place: PlaceKeys | None
    actors: frozenset[str]
    actor_kinds: frozenset[str]
    figures: dict[str, tuple[Interval, ...]]
    figure_buckets: frozenset[tuple[str, int]]

    @property
    def precise(self) -> bool:
        """A town and a day (or week): the reports that can be paired by date order alone."""
        return (
            self.place is not None
            and self.place.spot is not None
            and self.days is not None
            and self.days[1] - self.days[0] < PRECISE_SPAN_DAYS
        )


def figure_map(figures: Iterable[tuple[str, Interval]]) -> dict[str, tuple[Interval, ...]]:
    grouped: dict[str, list[Interval]] = {}
    for key, interval in figures:
        grouped.setdefault(key, []).append(interval)
    return {key: tuple(intervals) for key, intervals in grouped.items()}


def value_buckets(interval: Interval) -> range:
    """Powers of two the interval's values reach (``int.bit_length``), bounds cut by BOUND_REACH.

    Two intervals that meet share a bucket (the one of a common value), so a figure index keyed
    by bucket finds every agreeing figure, except bounds far from the other figure.
    """
    high = interval.high if interval.high is not None else interval.low * BOUND_REACH
    low = interval.low if interval.low or not interval.high else interval.high // BOUND_REACH
    return range(low.bit_length(), high.bit_length() + 1)


def figure_buckets(figures: dict[str, tuple[Interval, ...]]) -> frozenset[tuple[str, int]]:
    return frozenset(
        (key, bucket) for key, intervals in figures.items() for i in intervals for bucket in value_buckets(i)
    )


def possible_days(days: tuple[int, int] | None, stated: bool, window: int) -> tuple[int, int] | None:
    """The days the event itself can have happened on.

    Dates the text states are taken at their word. A date with no words behind it is the
    day of the report (the publication date): the event happened then or up to ``window``
    days before, never after.
    """
    if days is None or stated:
        return days
    return days[0] - window, days[1]


def event_features(event: Event, rules: BoundRules, window: int) -> EventFeatures:
    days = day_interval(event.date, event.date_precision)
    doers = [actor for actor in event.actors if actor.role == "actor"]
    figures = figure_map(
        (estimate_key(q.category, q.kind), claim_interval(q.value, q.qualifier, q.text, rules))
        for q in event.quantities
    )
    return EventFeatures(
        event_id=event.event_id,
        article_id=event.article_id,
        event_type=event.event_type,
        days=days,
        possible=possible_days(days, bool(event.date_text), window),
        place=place_keys(event.location or event.origin or event.destination),
        actors=frozenset(normalise_name(actor.name) for actor in doers),
        actor_kinds=frozenset(actor.kind for actor in doers if actor.kind),
        figures=figures,
        figure_buckets=figure_buckets(figures),
    )
