"""GeoJSON (RFC 7946): one FeatureCollection, one Feature per event or incident.

Each Feature's properties are flat and typed, so a GIS styles and filters by them directly
(a date as an ISO day with its precision, the types, fatalities as an integer, the place and
its admin areas, the sources joined), with the whole record beside them under ``detail``.
Points are [longitude, latitude] numbers; a record without usable coordinates (a named
miss, an unknown place) keeps its Feature with a null geometry rather than being dropped, and
the collection says how many there are (``sitreport.without_coordinates``, a foreign member
RFC 7946 allows). No ``crs`` member: RFC 7946 coordinates are WGS 84 by definition. Written
as a stream, so a large export never sits in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitreport.export.records import (
    ExportContext,
    Record,
    coordinates,
    date_precision_of,
    disputed,
    fatalities,
    full_date,
    members,
    place_of,
    record_id,
    record_kind,
    sub_event_of,
    typed,
)
from sitreport.extract.typology import acled_class
from sitreport.records import Event

LIST_SEPARATOR = "; "


def flat_properties(record: Record, context: ExportContext) -> dict[str, Any]:
    place = place_of(record)
    sub_event = sub_event_of(record, context)
    mapped = acled_class(sub_event, context.kb_dirs)
    outlets = dict.fromkeys(event.outlet for event in members(record, context) if event.outlet)
    return {
        "record": record_kind(record),
        "date": full_date(record.date) or None,
        "date_precision": date_precision_of(record) if record.date else None,
        "event_type": typed(record, context).event_type if isinstance(record, Event) else record.event_type,
        "sub_event_type": sub_event or None,
        "disorder_type": mapped.disorder_type if mapped else None,
        "fatalities": fatalities(record, context),
        "place": place.name if place else None,
        "admin1": place.admin1 if place else None,
        "admin2": getattr(place, "admin2", None),
        "country": place.country if place else None,
        "geo_precision": place.precision if place else None,
        "sources": LIST_SEPARATOR.join(record.sources) or None,
        "outlets": LIST_SEPARATOR.join(outlets) or None,
        "disputed": disputed(record, context),
        "confidence": record.confidence if isinstance(record, Event) else None,
    }


def feature(record: Record, context: ExportContext) -> dict[str, Any]:
    point = coordinates(place_of(record))
    return {
        "type": "Feature",
        "id": record_id(record),
        "geometry": {"type": "Point", "coordinates": list(point)} if point else None,
        "properties": {**flat_properties(record, context), "detail": record.to_dict()},
    }


def write_geojson(records: Iterable[Record], stream: TextIO, context: ExportContext) -> int:
    stream.write('{"type": "FeatureCollection", "features": [\n')
    count = unplaced = 0
    for record in records:
        if count:
            stream.write(",\n")
        written = feature(record, context)
        stream.write(json.dumps(written, ensure_ascii=False, allow_nan=False))
        count += 1
        unplaced += written["geometry"] is None
    stream.write(f'\n], "sitreport": {{"features": {count}, "without_coordinates": {unplaced}}}}}\n')
    return count
