"""Flat CSV: one row per event (or incident), nested fields written as readable text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain
from typing import Any, TextIO

from sitreport.errors import SitreportError
from sitreport.export.records import (
    ExportContext,
    Record,
    coordinates,
    estimates_for,
    place_of,
    record_kind,
    sub_event_of,
    typed,
)
from sitreport.export.safe_csv import SafeDictWriter
from sitreport.records import Event, Incident, Place, Quantity

PLACE_COLUMNS = ("location", "admin1", "country", "latitude", "longitude", "geonames_id")
EVENT_COLUMNS = (
    "event_id", "article_id", "source_file", "outlet", "event_type", "sub_event_type", "disorder_type",
    "date", "date_precision", "date_text", *PLACE_COLUMNS, "origin", "destination", "actors", "sources",
    "quantities", "confidence", "evidence",
)  # fmt: skip
INCIDENT_COLUMNS = (
    "incident_id", "event_type", "sub_event_type", "date", *PLACE_COLUMNS, "events", "articles", "sources",
    "estimates", "disputed", "claims",
)  # fmt: skip
PLAIN_EVENT_FIELDS = (
    "event_id", "article_id", "source_file", "outlet", "event_type", "sub_event_type", "disorder_type",
    "date", "date_precision", "date_text", "confidence",
)  # fmt: skip
LIST_SEPARATOR = "; "


def place_cells(record: Record) -> dict[str, Any]:
    place = place_of(record)
    point = coordinates(place)
    return {
        "location": place.name if place else None,
        "admin1": place.admin1 if place else None,
        "country": place.country if place else None,
        "longitude": point[0] if point else None,
        "latitude": point[1] if point else None,
        "geonames_id": place.geonames_id if place else None,
    }


def figure_text(quantity: Quantity) -> str:
    kind = f":{quantity.kind}" if quantity.kind else ""
    source = f" ({quantity.source})" if quantity.source else ""
    return f"{quantity.category}{kind}={quantity.value} {quantity.qualifier}{source}"


def name(place: Place | None) -> str | None:
    return place.name if place else None


def event_row(event: Event, context: ExportContext) -> dict[str, Any]:
    event = typed(event, context)
    return {
        **{key: getattr(event, key) for key in PLAIN_EVENT_FIELDS},
        **place_cells(event),
        "origin": name(event.origin),
        "destination": name(event.destination),
        "actors": LIST_SEPARATOR.join(f"{a.name} ({a.role})" for a in event.actors),
        "sources": LIST_SEPARATOR.join(event.sources),
        "quantities": LIST_SEPARATOR.join(map(figure_text, event.quantities)),
        "evidence": " … ".join(span.text for span in event.evidence),
    }


def incident_row(incident: Incident, context: ExportContext) -> dict[str, Any]:
    estimates = (
        f"{key}={low}/{best}/{'' if high is None else high}"
        for key, (low, best, high) in estimates_for(incident, context).items()
    )
    return {
        "incident_id": incident.incident_id,
        "event_type": incident.event_type,
        "sub_event_type": sub_event_of(incident, context),
        "date": incident.date,
        **place_cells(incident),
        "events": LIST_SEPARATOR.join(incident.events),
        "articles": LIST_SEPARATOR.join(incident.articles),
        "sources": LIST_SEPARATOR.join(incident.sources),
        "estimates": LIST_SEPARATOR.join(estimates),
        "disputed": incident.disputed,
        "claims": len(incident.claims),
    }


def write_csv(records: Iterable[Record], stream: TextIO, context: ExportContext) -> int:
    """Rows of one kind only: the header is chosen by the first record."""
    items = iter(records)
    first = next(items, None)
    if first is None:
        return 0
    columns = EVENT_COLUMNS if isinstance(first, Event) else INCIDENT_COLUMNS
    writer = SafeDictWriter(stream, columns)
    writer.writeheader()
    count = 0
    for record in same_kind(chain([first], items), record_kind(first)):
        row = event_row(record, context) if isinstance(record, Event) else incident_row(record, context)
        writer.writerow(row)
        count += 1
    return count


def same_kind(records: Iterable[Record], kind: str) -> Iterator[Record]:
    for record in records:
        if record_kind(record) != kind:
            raise SitreportError(
                f"csv export takes events or incidents, not both (found a {record_kind(record)})"
            )
        yield record
