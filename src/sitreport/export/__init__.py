"""Export: events or incidents as JSON Lines, flat CSV, GeoJSON, ACLED-column CSV or PLOVER JSON.

``write_records(records, fmt, stream)`` is the one entry point; each format also has its own
``write_<format>(records, stream, context)``. Every writer takes events or incidents.
docs/exports.md describes each format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TextIO

from sitreport.errors import SitreportError
from sitreport.export.acled import write_acled
from sitreport.export.geojson import write_geojson
from sitreport.export.jsonl import write_jsonl
from sitreport.export.plover import write_plover
from sitreport.export.records import ExportContext, Record
from sitreport.export.table import write_csv
from sitreport.records import Event

REQUIRES = ("Event", "Incident")
ASSIGNS = ()

Writer = Callable[[Iterable[Record], TextIO, ExportContext], int]
WRITERS: dict[str, Writer] = {
    "jsonl": write_jsonl,
    "csv": write_csv,
    "geojson": write_geojson,
    "acled": write_acled,
    "plover": write_plover,
}
FORMATS = tuple(WRITERS)


def write_records(
    records: Iterable[Record],
    fmt: str,
    stream: TextIO,
    *,
    events: Mapping[str, Event] | None = None,
    kb_dirs: Iterable[Path] = (),
    timestamp: int | None = None,
) -> int:
    """Write records in ``fmt``; returns how many were written.

    ``events`` (event id → Event) lets incident rows carry their members' actors and outlets;
    ``timestamp`` fills ACLED's ``timestamp`` column (default: now).
    """
    writer = WRITERS.get(fmt)
    if writer is None:
        raise SitreportError(f"unknown export format {fmt!r}: expected one of {', '.join(FORMATS)}")
    return writer(
        records, stream, ExportContext(events=events or {}, kb_dirs=tuple(kb_dirs), timestamp=timestamp)
    )


__all__ = [
    "FORMATS",
    "ExportContext",
    "write_acled",
    "write_csv",
    "write_geojson",
    "write_jsonl",
    "write_plover",
    "write_records",
]
