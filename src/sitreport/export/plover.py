"""PLOVER records (the PLOVER manual's "PLOVER JSON"), one JSON object a line.

Fields, event categories, modes and contexts are the manual's own: ``id``, ``date``
(YYYY-MM-DD), ``actor`` and ``recipient`` (lists of entity objects with ``code``, ``sector``,
``entity_text``, ``identifier_text``), ``event``, ``mode``, ``context``, ``event_loc`` (the
manual's location object), ``event_text``, ``quad_code``, ``cite_info``. The mapping is
kb/export/plover_types.csv; what PLOVER cannot say (our type and sub-event type, the date's
precision, every source, the figures, mediators) is kept under the extension field
``sitreport``, which the manual allows ("named fields beyond those provided").
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitreport.export.records import (
    ExportContext,
    Record,
    actors_of,
    date_precision_of,
    estimates_for,
    full_date,
    members,
    place_of,
    record_id,
    record_kind,
    sub_event_of,
)
from sitreport.export.tables import ExportTables, load_tables
from sitreport.records import Actor, Place

ACTOR_ROLES = ("actor",)
RECIPIENT_ROLES = ("target", "affected")
# The manual's context for official state military bodies only (not militias or rebels).
MILITARY_CONTEXT = "military"
MILITARY_SECTOR = "MIL"
CODER = "sitreport"
# PLOVER's "resolution": 5 sub-city, 4 city, 3 district, 2 province, 1 country; our
# precision: 1 the town itself, 2 an area around a known point, 3 a governorate, 4 a country.
RESOLUTION = {1: 4, 2: 3, 3: 2, 4: 1}


def entity(actor: Actor, home: str | None, tables: ExportTables) -> dict[str, Any]:
    """The manual's entity object: a country (or UNO, IGO, IMG) code and a sector."""
    known = tables.entities.get(actor.name)
    sector = (known.sector if known else "") or tables.sectors.get(tables.inter_of(actor), "UNK")
    return {
        "code": known.code if known else home,
        "sector": sector,
        "entity_text": actor.mention or actor.name,
        "identifier_text": actor.name,
    }


def event_location(place: Place | None, tables: ExportTables) -> dict[str, Any] | None:
    """The manual's location object (after Mordecai3's fields)."""
    if place is None:
        return None
    country = tables.country(place.country)
    return {
        "extracted_place": place.mention or place.name,
        "resolved_place": place.name if place.resolved else None,
        "geonameid": place.geonames_id,
        "lat": place.lat,
        "lon": place.lon,
        "district": getattr(place, "admin2", None),
        "province": place.admin1,
        "country": country.name if country else place.country,
        "country_code": country.iso3 if country else None,
        "resolution": RESOLUTION.get(place.precision or 0),
    }


def home_code(record: Record, tables: ExportTables) -> str | None:
    """Domestic actors take the event's country; null when the event's country is unknown
    (PLOVER defines no code for "unknown country")."""
    place = place_of(record)
    country = tables.country(place.country if place else None)
    return country.iso3 if country else None


def extension(record: Record, sub_event: str, actors: list[Actor], context: ExportContext) -> dict[str, Any]:
    return {
        "record": record_kind(record),
        "event_type": record.event_type,
        "sub_event_type": sub_event,
        "date": record.date,
        "date_precision": date_precision_of(record),
        "sources": list(record.sources),
        "mediators": [actor.name for actor in actors if actor.role == "mediator"],
        "figures": {
            key: {"low": lo, "best": best, "high": hi}
            for key, (lo, best, hi) in estimates_for(record, context).items()
        },
    }


def plover_record(record: Record, context: ExportContext) -> dict[str, Any]:
    tables = load_tables(context.kb_dirs)
    sub_event = sub_event_of(record, context)
    mapped = tables.plover_type(record.event_type, sub_event)
    actors = actors_of(record, context)
    home = home_code(record, tables)
    actor = [entity(a, home, tables) for a in actors if a.role in ACTOR_ROLES]
    recipient = [entity(a, home, tables) for a in actors if a.role in RECIPIENT_ROLES]
    contexts = list(mapped.context) if mapped else []
    if any(e["sector"] == MILITARY_SECTOR for e in actor + recipient) and MILITARY_CONTEXT not in contexts:
        contexts.append(MILITARY_CONTEXT)
    events = [mapped.event] if mapped else []
    outlets = list(dict.fromkeys(event.outlet for event in members(record, context) if event.outlet))
    return {
        "id": record_id(record),
        "date": full_date(record.date) or None,
        "actor": actor,
        "recipient": recipient,
        "event": events,
        "mode": list(mapped.mode) if mapped else [],
        "context": contexts,
        "event_loc": event_location(place_of(record), tables),
        "event_text": [span.text for event in members(record, context) for span in event.evidence],
        "quad_code": tables.quad_codes.get(events[0]) if events else None,
        "cite_info": {"coder": CODER, "publication": "; ".join(outlets) or None},
        "sitreport": extension(record, sub_event, actors, context),
    }


def write_plover(records: Iterable[Record], stream: TextIO, context: ExportContext) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(plover_record(record, context), ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count
