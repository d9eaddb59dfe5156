"""What linking needs to know about one event, read once so pair checks stay cheap.

Dates become the days (ordinals) the event can have happened on, places a block key (the
governorate, else the name when no governorate is known) plus a spot for anything more precise
than a governorate. Background (history, running totals, a month or a year) gets no days and
never links. docs/incidents.md gives the rules these feed.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from sitreport.link.claims import Interval, claim_interval
from sitreport.link.names import normalise_name
from sitreport.link.rules import LinkRules
from sitreport.records import Event, Place

# Precision 3 is a governorate or region: a place that can contain another event's place.
AREA_PRECISION = 3
# Precision 2 is an area around a known point: a neighbourhood, a district, a cluster of villages.
DISTRICT_PRECISION = 2
AREA_KINDS = frozenset({"governorate", "province", "region", "admin1", "state", "oblast"})
# A date interval up to a week long still pins a report down; a month does not.
PRECISE_SPAN_DAYS = 7
# An event the article dates more than this before its own day is history, not news.
HISTORY_DAYS = 7
# "On Friday" with no publication date to resolve it: some day of the week before the article's day.
RELATIVE_SPAN_DAYS = 6
# A district within this distance of a town can be that town's neighbourhood or surroundings.
NEAR_KM = 12.0
# A bound is indexed as if it reached this far past its value ("at least 60" up to 240,
# "up to 60" down to 15): a bound far from another figure identifies nothing, and an
# unbounded side would put the figure in every bucket.
BOUND_REACH = 4

_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")

Days = tuple[int, int]


def day_interval(value: str | None, precision: str | None) -> Days | None:
    """First and last day (ordinals) a date can mean; None when unknown.

    A bare year is its 365 days and a month its days: callers decide what a long span means.
    """
    match = _DATE.match(value or "")
    if not match:
        return None
    year = int(match.group(1))
    try:
        if match.group(2) is None or precision == "year":
            return date(year, 1, 1).toordinal(), date(year, 12, 31).toordinal()
        month = int(match.group(2))
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
    below governorate level, ``point`` its coordinates and ``district`` whether it is an area
    around a point (which may hold another report's town). ``name`` is for reading.
    Countries are left out: admin1 names rarely repeat across countries, and a named miss
    often has no country at all."""

    area: str
    spot: str | None
    name: str
    point: tuple[float, float] | None = None
    district: bool = False


def place_keys(place: Place | None) -> PlaceKeys | None:
    """Keys for a place; None for no place, a whole country, or a region in no one governorate
    ("northern Syria"): too coarse to link on."""
    if place is None or (place.precision or 0) > AREA_PRECISION:
        return None
    if is_area(place) and not place.admin1:
        return None
    area = normalise_name(place.admin1 or place.name)
    if not area:
        return None
    point = (place.lat, place.lon) if place.lat is not None and place.lon is not None else None
    # By name, not GeoNames id: a resolved place and a named miss of the same town must meet,
    # and the resolver gives every resolved place its one canonical name.
    return PlaceKeys(
        area=area,
        spot=None if is_area(place) else normalise_name(place.name),
        name=place.name,
        point=point,
        district=place.precision == DISTRICT_PRECISION,
    )


def distance_km(first: tuple[float, float], second: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*first, *second))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def spots_fit(first: PlaceKeys, second: PlaceKeys) -> bool:
    """One place, or one inside the other: a district (a neighbourhood, a rural area) near a town."""
    if first.spot is None or second.spot is None or first.spot == second.spot:
        return True
    if not (first.district or second.district) or first.point is None or second.point is None:
        return False
    return distance_km(first.point, second.point) <= NEAR_KM


@dataclass(frozen=True, slots=True)
class EventFeatures:
    """The parts of an event that linking compares.

    ``possible`` are the days the event can have happened on (None: it never links);
    ``dating`` says how they are known: ``stated`` (the text's own date), ``report`` (the
    report's day, with no words behind it) or ``article`` (no date of its own: the article's
    day with its uncertainty)."""

    event_id: str
    article_id: str
    event_type: str
    possible: Days | None
    dating: str
    place: PlaceKeys | None
    actors: frozenset[str]
    actor_kinds: frozenset[str]
    actor_sides: frozenset[str]
    figures: dict[str, tuple[Interval, ...]]
    figure_buckets: frozenset[tuple[str, int]]
    weekday: int | None = None

    @property
    def linkable(self) -> bool:
        return self.place is not None and self.possible is not None

    @property
    def precise(self) -> bool:
        """A town (not a district) and a day or week of its own: paired by date order alone."""
        return (
            self.linkable
            and self.place is not None
            and self.place.spot is not None
            and not self.place.district
            and self.dating != "article"
        )

    @property
    def dayless(self) -> bool:
        """No day at all (an article with no publication day and no date of its own), but a
        town and a figure or a weekday ("on Thursday", ``weekday``): enough to join the one
        incident of that town whose figures agree or whose day is that weekday
        (``engine.attach``), never enough to make an incident."""
        spot = self.place.spot if self.place else None
        return self.dating == "none" and spot is not None and (bool(self.figures) or self.weekday is not None)

    @property
    def gives_a_day(self) -> bool:
        """A day of its own for reports that have only their articles' days to meet on: a stated
        day, or the report's day. A stated week does not ("last week": two undated reports of
        that week and town with it are no more one strike than without it)."""
        return self.stated_day is not None or self.dating == "report"

    def on_weekday(self, weekday: int) -> bool:
        """Its one stated day falls on this weekday (Monday 0)."""
        return self.stated_day is not None and date.fromordinal(self.stated_day).weekday() == weekday

    @property
    def stated_day(self) -> int | None:
        """The one day the text states, when it states exactly one."""
        if self.dating == "stated" and self.possible and self.possible[0] == self.possible[1]:
            return self.possible[0]
        return None


class Doers(Protocol):
    """Who did it, as a report or a whole incident names them: folded names, kinds, sides."""

    @property
    def actors(self) -> frozenset[str] | set[str]: ...
    @property
    def actor_kinds(self) -> frozenset[str] | set[str]: ...
    @property
    def actor_sides(self) -> frozenset[str] | set[str]: ...


def doers_verdict(first: Doers, second: Doers) -> str:
    """``shared`` (a doer named by both), ``conflicting`` (both name doers, no name in common,
    and their kinds are known and disjoint, state forces vs a rebel group, or their sides
    are: two foreign air forces of one kind on two sides, Russia and the US-led coalition)
    or ``none shared``. Differently named doers of one kind are otherwise not a conflict:
    outlets name one side differently."""
    if first.actors & second.actors:
        return "shared"
    kinds, sides = (first.actor_kinds, second.actor_kinds), (first.actor_sides, second.actor_sides)
    return "conflicting" if disjoint(*kinds) or disjoint(*sides) else "none shared"


def disjoint(mine: frozenset[str] | set[str], theirs: frozenset[str] | set[str]) -> bool:
    """Both known, nothing in common."""
    return bool(mine and theirs) and not mine & theirs


def figure_key(category: str, kind: str | None, generic: frozenset[str]) -> str:
    """``killed`` for a toll of anyone, ``killed:civilians`` for a toll of one group: a group's
    figure compares with an unspecified one, never with another group's (two soldiers wounded
    and 15 civilians wounded are no disagreement). ``generic`` are the kinds that name no group
    (``kb/link/generic_kinds.csv``, normalised)."""
    if kind is None or normalise_name(kind) in generic:
        return category
    return f"{category}:{normalise_name(kind)}"


def comparable(first: str, second: str) -> bool:
    """Two figure keys of one category where one is unspecified or both name the same group."""
    category, _, kind = first.partition(":")
    other_category, _, other_kind = second.partition(":")
    return category == other_category and (not kind or not other_kind or kind == other_kind)


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
    """By category alone, so a figure's bucket finds every figure it is ``comparable`` with."""
    return frozenset(
        (key.partition(":")[0], bucket)
        for key, intervals in figures.items()
        for i in intervals
        for bucket in value_buckets(i)
    )


def article_days(events: Iterable[Event], published: Mapping[str, str]) -> dict[str, int]:
    """Each article's own day: its publication day, else the day of an event dated by the report
    (no date words), else the latest single day its events state (an article is written after
    what it tells). Articles with none of these have no day."""
    found: dict[str, tuple[int, int]] = {}
    for event in events:
        days = day_interval(published.get(event.article_id), "day")
        rank = 2
        if days is None:
            days = day_interval(event.date, event.date_precision)
            rank = 1 if not event.date_text else 0
            if days is None or days[0] != days[1]:
                continue
        found[event.article_id] = max(found.get(event.article_id, (rank, days[0])), (rank, days[0]))
    return {article: day for article, (_rank, day) in found.items()}


def is_background(event: Event, days: Days | None, article_day: int | None, rules: LinkRules) -> bool:
    """History, a running total, a war-wide toll, or a date of a month or more that is not the
    article's own: nothing one incident can hold."""
    quantities = event.quantities
    if rules.is_running_total(event.date_text) or any(rules.is_running_total(q.text) for q in quantities):
        return True
    if quantities and all(rules.is_war_total(q.category, q.value) for q in quantities):
        return True
    if days is None:
        return False
    ends_before = article_day is not None and days[1] < article_day - HISTORY_DAYS
    too_long = days[1] - days[0] >= PRECISE_SPAN_DAYS and not (
        article_day is not None and days[0] <= article_day <= days[1]
    )
    return ends_before or too_long


def possible_days(event: Event, article_day: int | None, window: int) -> tuple[Days | None, str]:
    """The days the event itself can have happened on, and how they are known.

    Dates the text states are taken at their word. A date with no words behind it is the
    report's day: the event happened then or up to ``window`` days before, never after. An
    event with no date of its own (or a month or year that holds the article's day) happened
    up to ``window`` days before its article's day, or within the week before it when its date
    words could not be resolved ("on Friday" with no publication date).
    """
    days = day_interval(event.date, event.date_precision)
    if days is not None and days[1] - days[0] < PRECISE_SPAN_DAYS:
        if event.date_text:
            return days, "stated"
        return (days[0] - window, days[1]), "report"
    if article_day is None:
        return None, "none"
    span = RELATIVE_SPAN_DAYS if event.date_text and days is None else window
    return (article_day - span, article_day), "article"


def event_features(event: Event, rules: LinkRules, window: int, article_day: int | None) -> EventFeatures:
    own_days = day_interval(event.date, event.date_precision) if event.date_text else None
    background = is_background(event, own_days, article_day, rules)
    days, dating = (None, "background") if background else possible_days(event, article_day, window)
    doers = [actor for actor in event.actors if actor.role == "actor"]
    if rules.names_both_sides({actor.kind for actor in doers if actor.kind}):
        # "Clashes between the army and the rebels" or a report that could not say who struck:
        # sharing a doer with it, or not, says nothing of whether it is another report's event.
        doers = []
    # As evidence, an outlet's noun ("72 people", "58 killed") should not hide that two tolls
    # are close; only two named groups (soldiers, civilians) are kept apart (``figure_key``).
    figures = figure_map(
        (
            figure_key(q.category, q.kind, rules.generic_kinds),
            claim_interval(q.value, q.qualifier, q.text, rules.bounds),
        )
        for q in event.quantities
        if not rules.is_war_total(q.category, q.value)
    )
    return EventFeatures(
        event_id=event.event_id,
        article_id=event.article_id,
        event_type=event.event_type,
        possible=days,
        dating=dating,
        place=place_keys(event.location or event.origin or event.destination),
        actors=frozenset(normalise_name(actor.name) for actor in doers),
        actor_kinds=frozenset(actor.kind for actor in doers if actor.kind),
        actor_sides=frozenset(side for actor in doers if (side := rules.side_of(actor.name, actor.kind))),
        figures=figures,
        figure_buckets=figure_buckets(figures),
        # Only a report with no day reads it: elsewhere the date words already gave the day.
        weekday=rules.weekday_of(event.date_text) if dating == "none" else None,
    )
