"""Records to table rows and back; the only place that knows both shapes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import fields
from datetime import datetime
from functools import cache
from typing import Any, TypeVar

from sqlalchemy import Row, Table

from sitreport.records import (
    Actor,
    Article,
    Claim,
    Estimate,
    Event,
    Evidence,
    Incident,
    IncidentLink,
    Place,
    Quantity,
)
from sitreport.store import periods
from sitreport.store.schema import (
    PLACE_ROLES,
    actors,
    event_places,
    event_sources,
    events,
    evidence,
    quantities,
)

RowDict = dict[str, Any]
Record = TypeVar("Record")


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    # dataclasses.fields() rebuilds its tuple on every call: a tenth of loading 10k events.
    return tuple(f.name for f in fields(cls))


def _columns(record: Any) -> RowDict:
    """A flat record's fields by name. Not ``dataclasses.asdict``: that deep-copies every value
    and was half the time of storing a batch; these records hold only scalars."""
    return {name: getattr(record, name) for name in _field_names(type(record))}


def record_from_row(cls: type[Record], row: Row[Any] | Mapping[str, Any]) -> Record:
    """A dataclass built from the row's columns of the same names (extra columns ignored)."""
    mapping = row._mapping if isinstance(row, Row) else row
    return cls(**{name: mapping[name] for name in _field_names(cls)})


def _folded(value: str | None) -> str | None:
    return None if value is None else value.casefold()


def article_row(article: Article, ingested_at: datetime) -> RowDict:
    return {**_columns(article), "title_folded": _folded(article.title), "ingested_at": ingested_at}


def _period_columns(value: str | None, precision: str | None) -> RowDict:
    span = periods.period(value, precision)
    if span is None:
        return {"date_start": None, "date_end": None, "date_week": None, "date_month": None}
    first, last = span
    return {
        "date_start": first.isoformat(),
        "date_end": last.isoformat(),
        "date_week": periods.week_start(first).isoformat(),
        "date_month": first.isoformat()[:7],
    }


def event_row(event: Event) -> RowDict:
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "event_type": event.event_type,
        "source_file": event.source_file,
        "date": event.date,
        "date_precision": event.date_precision,
        "date_text": event.date_text,
        **_period_columns(event.date, event.date_precision),
        "confidence": event.confidence,
        "outlet": event.outlet,
        "sub_event_type": event.sub_event_type,
        "disorder_type": event.disorder_type,
    }


def _place_rows(event: Event) -> list[RowDict]:
    placed = ((role, getattr(event, role)) for role in PLACE_ROLES)
    return [
        {
            **_columns(place),
            "event_id": event.event_id,
            "role": role,
            "name_folded": place.name.casefold(),
            "admin1_folded": _folded(place.admin1),
        }
        for role, place in placed
        if place is not None
    ]


def _list_rows(event_id: str, items: Sequence[Any]) -> list[RowDict]:
    return [{**_columns(item), "event_id": event_id, "position": i} for i, item in enumerate(items)]


def _evidence_rows(event: Event) -> list[RowDict]:
    rows = _list_rows(event.event_id, event.evidence)
    return [{**row, "text_folded": row["text"].casefold()} for row in rows]


def _source_rows(event: Event) -> list[RowDict]:
    return [
        {"event_id": event.event_id, "position": i, "source": source}
        for i, source in enumerate(event.sources)
    ]


def event_table_rows(event_list: Iterable[Event]) -> dict[Table, list[RowDict]]:
    """Rows for every event table, parents first, so inserting in this order satisfies keys."""
    rows: dict[Table, list[RowDict]] = {
        table: [] for table in (events, event_places, actors, quantities, evidence, event_sources)
    }
    for event in event_list:
        rows[events].append(event_row(event))
        rows[event_places].extend(_place_rows(event))
        rows[actors].extend(_list_rows(event.event_id, event.actors))
        rows[quantities].extend(_list_rows(event.event_id, event.quantities))
        rows[evidence].extend(_evidence_rows(event))
        rows[event_sources].extend(_source_rows(event))
    return rows


def event_from_rows(row: Row[Any], children: Mapping[Table, Sequence[Row[Any]]]) -> Event:
    """Rebuild an event from its row and its child rows (each list in position order)."""
    places = {place.role: record_from_row(Place, place) for place in children[event_places]}
    return Event(
        event_id=row.event_id,
        article_id=row.article_id,
        event_type=row.event_type,
        source_file=row.source_file,
        date=row.date,
        date_precision=row.date_precision,
        date_text=row.date_text,
        location=places.get("location"),
        origin=places.get("origin"),
        destination=places.get("destination"),
        actors=[record_from_row(Actor, r) for r in children[actors]],
        quantities=[record_from_row(Quantity, r) for r in children[quantities]],
        sources=[r.source for r in children[event_sources]],
        evidence=[record_from_row(Evidence, r) for r in children[evidence]],
        confidence=row.confidence,
        outlet=row.outlet,
        sub_event_type=row.sub_event_type,
        disorder_type=row.disorder_type,
    )


def incident_row(incident: Incident) -> RowDict:
    return {
        "incident_id": incident.incident_id,
        "event_type": incident.event_type,
        "date": incident.date,
        "location": incident.location.to_dict() if incident.location else None,
        "articles": list(incident.articles),
        "sources": list(incident.sources),
        "claims": [claim.to_dict() for claim in incident.claims],
        "estimates": {key: estimate.to_dict() for key, estimate in incident.estimates.items()},
        "disputed": incident.disputed,
        "links": [link.to_dict() for link in incident.links],
    }


def membership_rows(incident: Incident) -> list[RowDict]:
    return [
        {"event_id": event_id, "incident_id": incident.incident_id, "position": i}
        for i, event_id in enumerate(incident.events)
    ]


def incident_from_row(row: Row[Any], event_ids: list[str]) -> Incident:
    return Incident(
        incident_id=row.incident_id,
        event_type=row.event_type,
        date=row.date,
        location=Place(**row.location) if row.location else None,
        events=event_ids,
        articles=list(row.articles),
        sources=list(row.sources),
        claims=[Claim(**claim) for claim in row.claims],
        estimates={key: Estimate(**value) for key, value in row.estimates.items()},
        disputed=row.disputed,
        links=[IncidentLink(**link) for link in row.links or []],
    )
