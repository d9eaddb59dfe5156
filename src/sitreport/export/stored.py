"""Exports of the store, filtered: the one path behind `sitreport export` and the web downloads.

Events are read a page at a time and written as they come, so an export of a large store
streams. With ``incidents`` the records are the incidents that have at least one member
event the filter matches (every incident when nothing is filtered).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import TextIO

from sitreport.export import write_records
from sitreport.ledger import all_incidents
from sitreport.records import Event, Incident
from sitreport.store import EventQuery, Store

PAGE_SIZE = 1000


def matching_events(store: Store, query: EventQuery) -> Iterator[Event]:
    """Every event the query's filters match (its page is ignored), in its sort order."""
    offset = 0
    while True:
        batch = store.query_events(replace(query, limit=PAGE_SIZE, offset=offset))
        yield from batch
        if len(batch) < PAGE_SIZE:
            return
        offset += len(batch)


def matching_incidents(store: Store, query: EventQuery) -> list[Incident]:
    wanted = {event.event_id for event in matching_events(store, query)}
    return [incident for incident in all_incidents(store) if wanted.intersection(incident.events)]


def write_stored(
    store: Store,
    fmt: str,
    stream: TextIO,
    query: EventQuery | None = None,
    *,
    incidents: bool = False,
    kb_dirs: tuple[Path, ...] = (),
) -> int:
    """Write the matching events (or incidents) in ``fmt``; returns how many were written."""
    query = query or EventQuery()
    if not incidents:
        return write_records(matching_events(store, query), fmt, stream, kb_dirs=kb_dirs)
    events_by_id = {event.event_id: event for event in store.iter_events()}
    return write_records(matching_incidents(store, query), fmt, stream, events=events_by_id, kb_dirs=kb_dirs)
