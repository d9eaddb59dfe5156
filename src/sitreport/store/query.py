"""Event filters and sort orders, one small function each, combined with AND."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select, Table, case, exists, func, or_, select

from sitreport.store import periods
from sitreport.store.engine import Binary
from sitreport.store.schema import (
    PLACE_ROLES,
    actors,
    articles,
    event_places,
    event_sources,
    events,
    evidence,
    incident_events,
    incidents,
    quantities,
)

# The figure an event's fatalities are read from; an event with several (sources differ)
# counts its largest, as the map and timeline do.
FATALITIES_CATEGORY = "killed"


@dataclass(frozen=True)
class EventQuery:
    """Which events to read, and in what order; every filter that is set must hold.

    Date bounds are ISO dates, inclusive; an event counts when any day of the period its
    date stands for is inside them, and undated events are left out once a bound is set.
    ``place`` matches a location/origin/destination name or admin1, and so does any of
    ``place_names`` (other names of the same place, e.g. from the gazetteer); ``text`` is a
    substring of evidence text or the article title; ``actor`` and ``source`` are whole
    names; all of these are case-insensitive. ``event_types`` and ``sub_event_types`` match
    any of theirs; ``disputed`` keeps events of disputed incidents; ``min_fatalities`` keeps
    events whose largest killed figure is at least that. ``sort`` is one of SORTS; a leading
    ``-`` sorts descending.
    """

    event_type: str | None = None
    event_types: tuple[str, ...] = ()
    sub_event_types: tuple[str, ...] = ()
    date_from: str | None = None
    date_to: str | None = None
    place: str | None = None
    actor: str | None = None
    source: str | None = None
    text: str | None = None
    article_id: str | None = None
    place_names: tuple[str, ...] = ()
    disputed: bool = False
    min_fatalities: int | None = None
    sort: str = "date"
    limit: int = 100
    offset: int = 0


Condition = ColumnElement[bool]


def _bound(value: str, field: str) -> periods.Period:
    span = periods.period(value)
    if span is None:
        raise ValueError(f"{field} must be an ISO date such as 2018-08-01, 2018-08 or 2018, not {value!r}")
    return span


def _event_type(query: EventQuery) -> Condition | None:
    return None if query.event_type is None else events.c.event_type == query.event_type


def _event_types(query: EventQuery) -> Condition | None:
    return events.c.event_type.in_(query.event_types) if query.event_types else None


def _sub_event_types(query: EventQuery) -> Condition | None:
    if not query.sub_event_types:
        return None
    return func.lower(events.c.sub_event_type).in_([name.lower() for name in query.sub_event_types])


def _date_from(query: EventQuery) -> Condition | None:
    # An event counts when any day of its period is on or after the bound ("2018-08" from the 15th).
    if query.date_from is None:
        return None
    first, _ = _bound(query.date_from, "date_from")
    return events.c.date_end >= first.isoformat()


def _date_to(query: EventQuery) -> Condition | None:
    if query.date_to is None:
        return None
    _, last = _bound(query.date_to, "date_to")
    return events.c.date_start <= last.isoformat()


def _place(query: EventQuery) -> Condition | None:
    names = [name.casefold() for name in (query.place, *query.place_names) if name is not None]
    if not names:
        return None
    # A governorate's name matches the events in its towns through their admin1.
    return _event_in(
        event_places, or_(event_places.c.name_folded.in_(names), event_places.c.admin1_folded.in_(names))
    )


def _same_name(column: ColumnElement[str], name: str) -> Condition:
    # lower() on both engines (actor and source names have no folded twin column); SQLite's
    # folds ASCII only, which is what these names are written in ("sohr" finds "SOHR").
    return func.lower(column) == name.lower()


def _actor(query: EventQuery) -> Condition | None:
    if query.actor is None:
        return None
    return _event_in(actors, _same_name(actors.c.name, query.actor))


def _source(query: EventQuery) -> Condition | None:
    if query.source is None:
        return None
    return _event_in(event_sources, _same_name(event_sources.c.source, query.source))


def _disputed(query: EventQuery) -> Condition | None:
    if not query.disputed:
        return None
    disputed_incidents = select(incidents.c.incident_id).where(incidents.c.disputed.is_(True))
    return _event_in(incident_events, incident_events.c.incident_id.in_(disputed_incidents))


def _min_fatalities(query: EventQuery) -> Condition | None:
    if query.min_fatalities is None:
        return None
    killed = (quantities.c.category == FATALITIES_CATEGORY) & (quantities.c.value >= query.min_fatalities)
    return _event_in(quantities, killed)


def _event_in(child: Table, condition: Condition) -> Condition:
    # IN (subquery), not a correlated EXISTS: SQLite drove the EXISTS from the value index and
    # rescanned every matching child row per event (7 s for one source over 10k events).
    return events.c.event_id.in_(select(child.c.event_id).where(condition))


def _text(query: EventQuery) -> Condition | None:
    if query.text is None:
        return None
    needle = query.text.casefold()
    in_evidence = exists().where(
        evidence.c.event_id == events.c.event_id, evidence.c.text_folded.contains(needle, autoescape=True)
    )
    in_title = exists().where(
        articles.c.article_id == events.c.article_id,
        articles.c.title_folded.contains(needle, autoescape=True),
    )
    return or_(in_evidence, in_title)


def _article_id(query: EventQuery) -> Condition | None:
    return None if query.article_id is None else events.c.article_id == query.article_id


_FILTERS: tuple[Callable[[EventQuery], Condition | None], ...] = (
    _event_type,
    _event_types,
    _sub_event_types,
    _date_from,
    _date_to,
    _place,
    _actor,
    _source,
    _text,
    _article_id,
    _disputed,
    _min_fatalities,
)


def conditions(query: EventQuery) -> list[Condition]:
    """The WHERE clauses for the query's filters that are set."""
    return [condition for build in _FILTERS if (condition := build(query)) is not None]


def incident_conditions(query: EventQuery) -> list[Condition]:
    """WHERE clauses keeping the incidents with at least one member event the query matches."""
    matching = conditions(query)
    if not matching:
        return []
    member_ids = select(events.c.event_id).where(*matching)
    with_member = select(incident_events.c.incident_id).where(incident_events.c.event_id.in_(member_ids))
    return [incidents.c.incident_id.in_(with_member)]


def largest_fatalities() -> Select[Any]:
    """Per event with a killed figure: its largest (sources' figures overlap, never summed)."""
    return (
        select(quantities.c.event_id, func.max(quantities.c.value).label("fatalities"))
        .where(quantities.c.category == FATALITIES_CATEGORY)
        .group_by(quantities.c.event_id)
    )


def _place_name() -> ColumnElement[str]:
    """The event's first place name in role order (location, origin, destination), case-folded."""
    role_rank = case({role: rank for rank, role in enumerate(PLACE_ROLES)}, value=event_places.c.role)
    return (
        select(event_places.c.name_folded)
        .where(event_places.c.event_id == events.c.event_id)
        .order_by(role_rank)
        .limit(1)
        .scalar_subquery()
    )


_SORT_KEYS: dict[str, ColumnElement] = {
    "date": events.c.date_start,
    "event_type": events.c.event_type,
    "confidence": events.c.confidence,
    "place": _place_name(),
}
SORTS: tuple[str, ...] = tuple(key for name in _SORT_KEYS for key in (name, f"-{name}"))


def order_by(sort: str, binary: Binary) -> list[ColumnElement]:
    """ORDER BY for a sort name: nulls last in both directions, ties broken by event id.

    ``binary`` compares text byte by byte, so both engines order the same whatever the
    PostgreSQL database's collation is.
    """
    if sort not in SORTS:
        raise ValueError(f"unknown sort {sort!r}; use one of {', '.join(SORTS)}")
    key = binary(_SORT_KEYS[sort.removeprefix("-")])
    direction = key.desc() if sort.startswith("-") else key.asc()
    return [direction.nulls_last(), binary(events.c.event_id)]
