"""What every writer asks of a record, whether it is one Event or a linked Incident."""

from __future__ import annotations

import datetime
import time
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitreport.export.tables import load_tables
from sitreport.extract.typology import classify, default_sub_event
from sitreport.link.claims import claims_of, disputed_keys, estimates_of, load_bound_rules
from sitreport.link.incident import where
from sitreport.records import Actor, Claim, Event, Incident, Place

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


def full_date(date: str | None) -> str:
    """A date as one day (YYYY-MM-DD), as ACLED and PLOVER want it: a month or a year is
    written as its first day, an ISO week (2018-W05) as its Monday; the precision says which."""
    if not date:
        return ""
    if "-W" in date:
        year, week = date.split("-W")
        return datetime.date.fromisocalendar(int(year), int(week[:2]), 1).isoformat()
    year, *rest = date.split("-")
    return "-".join([year, *[*rest, "01", "01"][:2]])


def with_inter_codes(event: Event, context: ExportContext) -> Event:
    """Actors given an inter code from their kind when they carry none (older or hand-made records)."""
    tables = load_tables(context.kb_dirs)
    actors = [
        actor
        if actor.inter is not None or not tables.inter_of(actor)
        else replace(actor, inter=int(tables.inter_of(actor)))
        for actor in event.actors
    ]
    return replace(event, actors=actors)


def typed(event: Event, context: ExportContext) -> Event:
    """The event with ACLED's typology: its own, or read now for a record stored without one."""
    return event if event.sub_event_type else classify(with_inter_codes(event, context), context.kb_dirs)


def members(record: Record, context: ExportContext) -> list[Event]:
    if isinstance(record, Event):
        return [record]
    return [context.events[event_id] for event_id in record.events if event_id in context.events]


def sub_event_of(record: Record, context: ExportContext) -> str:
    """An event's sub-event type; an incident's is its members' most frequent one."""
    if isinstance(record, Event):
        return typed(record, context).sub_event_type or ""
    found = Counter(typed(event, context).sub_event_type for event in members(record, context))
    found.pop(None, None)
    if found:
        return found.most_common(1)[0][0] or ""
    return default_sub_event(record.event_type, context.kb_dirs)


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


def claims_for(record: Record) -> list[Claim]:
    return record.claims if isinstance(record, Incident) else claims_of([record])


def disputed(record: Record, context: ExportContext) -> bool:
    """An incident's flag; for one event, whether its own sources' figures cannot all hold."""
    if isinstance(record, Incident):
        return record.disputed
    return bool(disputed_keys(claims_for(record), load_bound_rules(context.kb_dirs)))


def fatalities(record: Record, context: ExportContext) -> int:
    """Best ``killed`` figure: the total when one is given, else the sum over kinds."""
    killed = {k: v[1] for k, v in estimates_for(record, context).items() if k.split(":")[0] == "killed"}
    return killed["killed"] if "killed" in killed else sum(killed.values())
