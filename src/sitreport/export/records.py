"""What every writer asks of a record, whether it is one Event or a linked Incident."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from sitreport.link.claims import claims_of, estimates_of, load_bound_rules
from sitreport.link.incident import where
from sitreport.records import Actor, Event, Incident, Place

Record = Event | Incident
PRECISION_BY_LENGTH = {4: "year", 7: "month", 10: "day"}


@dataclass(frozen=True)
class ExportContext:
    """``events`` lets incident writers reach their members' actors and outlets; ``timestamp``
    is ACLED's last-modified column, the export time unless given."""

    events: Mapping[str, Event] = field(default_factory=dict)
    kb_dirs: tuple[Path, ...] = ()
    timestamp: int | None = None

    def stamp(self) -> int:
        return int(time.time()) if self.timestamp is None else self.timestamp


def record_id(record: Record) -> str:
    return record.event_id if isinstance(record, Event) else record.incident_id


def record_kind(record: Record) -> str:
    return "event" if isinstance(record, Event) else "incident"


def place_of(record: Record) -> Place | None:
    return where(record) if isinstance(record, Event) else record.location


def coordinates(place: Place | None) -> tuple[float, float] | None:
    """(longitude, latitude) when both are known and in range, else None."""
    if place is None or place.lat is None or place.lon is None:
        return None
    lon, lat = float(place.lon), float(place.lat)
    return (lon, lat) if -180 <= lon <= 180 and -90 <= lat <= 90 else None


def date_precision_of(record: Record) -> str | None:
    if isinstance(record, Event) and record.date_precision:
        return record.date_precision
    return PRECISION_BY_LENGTH.get(len(record.date or ""))


def members(record: Record, context: ExportContext) -> list[Event]:
    if isinstance(record, Event):
        return [record]
    return [context.events[event_id] for event_id in record.events if event_id in context.events]


def actors_of(record: Record, context: ExportContext) -> list[Actor]:
    """The record's actors; for an incident, its members' actors once each, in member order."""
    seen: dict[tuple[str, str], Actor] = {}
    for event in members(record, context):
        for actor in event.actors:
            seen.setdefault((actor.name, actor.role), actor)
    return list(seen.values())


def estimates_for(record: Record, context: ExportContext) -> dict[str, tuple[int, int, int | None]]:
    """low/best/high per key: an incident's own, or an event's read from its figures alone."""
    if isinstance(record, Incident):
        found = record.estimates
    else:
        found = estimates_of(claims_of([record]), load_bound_rules(context.kb_dirs))
    return {key: (e.low, e.best, e.high) for key, e in found.items()}


def fatalities(record: Record, context: ExportContext) -> int:
    """Best ``killed`` figure: the total when one is given, else the sum over kinds."""
    killed = {k: v[1] for k, v in estimates_for(record, context).items() if k.split(":")[0] == "killed"}
    return killed["killed"] if "killed" in killed else sum(killed.values())
