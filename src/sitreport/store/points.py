"""Map markers read straight from the tables: the few columns a map draws, not whole events.

Loading every matching event with its child tables cost seconds at 10k events; a marker
needs one place and one figure, which two grouped queries give directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Row, Select, and_, case, func, select

from sitreport.store.engine import Binary
from sitreport.store.query import FATALITIES_CATEGORY, Condition
from sitreport.store.schema import event_places, events, quantities

# Figures that count people: the largest sizes a marker (they overlap, so never summed).
PEOPLE_CATEGORIES: tuple[str, ...] = (
    "people",
    "fighters",
    "civilians",
    "displaced",
    "killed",
    "injured",
    "captured",
)
# Where a marker goes: the location, else where people went, else where they came from.
MARKER_ROLES: tuple[str, ...] = ("location", "destination", "origin")


def marker_places(matching: Sequence[Condition], binary: Binary) -> Select[Any]:
    """The matching events' places that have coordinates, each event's best role first."""
    role_rank = case({role: rank for rank, role in enumerate(MARKER_ROLES)}, value=event_places.c.role)
    place = event_places.c
    located = and_(place.role.in_(MARKER_ROLES), place.lat.is_not(None), place.lon.is_not(None))
    return (
        select(
            events.c.event_id,
            events.c.event_type,
            events.c.date,
            event_places.c.name,
            event_places.c.admin1,
            event_places.c.precision,
            event_places.c.lat,
            event_places.c.lon,
        )
        .join_from(events, event_places, and_(place.event_id == events.c.event_id, located))
        .where(*matching)
        .order_by(binary(events.c.event_id), role_rank)
    )


def largest_figures(matching: Sequence[Condition]) -> Select[Any]:
    """Per matching event with a people figure: its largest people figure and its largest
    killed figure (null without one), in one grouped read (killed is a people category)."""
    matching_ids = select(events.c.event_id).where(*matching)
    killed = case((quantities.c.category == FATALITIES_CATEGORY, quantities.c.value))
    return (
        select(quantities.c.event_id, func.max(quantities.c.value), func.max(killed))
        .where(quantities.c.category.in_(PEOPLE_CATEGORIES), quantities.c.event_id.in_(matching_ids))
        .group_by(quantities.c.event_id)
    )


def markers(place_rows: Sequence[Row[Any]], figure_rows: Sequence[Row[Any]]) -> list[dict[str, Any]]:
    """One marker per event, at the first (best) of its place rows, with its figures."""
    figures = {event_id: (people, killed or 0) for event_id, people, killed in figure_rows}
    found: dict[str, dict[str, Any]] = {}
    for row in place_rows:
        if row.event_id not in found:
            found[row.event_id] = {
                "event_id": row.event_id,
                "event_type": row.event_type,
                "date": row.date,
                "place": row.name,
                "admin1": row.admin1,
                "precision": row.precision,
                "lat": row.lat,
                "lon": row.lon,
                "people": figures.get(row.event_id, (0, 0))[0],
                "fatalities": figures.get(row.event_id, (0, 0))[1],
            }
    return list(found.values())
