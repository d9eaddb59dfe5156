"""GeoJSON (RFC 7946): one FeatureCollection, one Feature per event or incident.

Points are [longitude, latitude] numbers; a record without usable coordinates (a named
miss, an unknown place) keeps its Feature with a null geometry rather than being dropped.
No ``crs`` member: RFC 7946 coordinates are WGS 84 by definition. Written as a stream, so a
large export never sits in memory.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitreport.export.records import ExportContext, Record, coordinates, place_of, record_id, record_kind


def feature(record: Record) -> dict[str, Any]:
    point = coordinates(place_of(record))
    return {
        "type": "Feature",
        "id": record_id(record),
        "geometry": {"type": "Point", "coordinates": list(point)} if point else None,
        "properties": {"record": record_kind(record), **record.to_dict()},
    }


def write_geojson(records: Iterable[Record], stream: TextIO, context: ExportContext) -> int:
    stream.write('{"type": "FeatureCollection", "features": [\n')
    count = 0
    for record in records:
        if count:
            stream.write(",\n")
        stream.write(json.dumps(feature(record), ensure_ascii=False, allow_nan=False))
        count += 1
    stream.write("\n]}\n")
    return count
