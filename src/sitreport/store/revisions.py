"""Revisions: an article that comes again from the same source with changed text.

The new version replaces the old one and its events; the old text is kept in
``article_revisions``. Event ids hash the article's text, so every id changes with an edit;
an old event *survives* when the new version has one of the same type, evidence sentences and
place, and analysts' decisions naming it are carried over to its new id.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Connection, delete, insert, select, update

from sitreport.records import Event
from sitreport.store import schema as tables

EventKey = tuple[str, tuple[str, ...], str]


def event_key(event: Event) -> EventKey:
    """What an edit leaves alone when it leaves the event alone (evidence offsets move)."""
    place = event.location or event.origin or event.destination
    return event.event_type, tuple(evidence.text for evidence in event.evidence), place.name if place else ""


def surviving(old_events: Sequence[Event], new_events: Sequence[Event]) -> dict[str, str]:
    """Old event id → new event id for the events the new version tells again, matched in order."""
    waiting: dict[EventKey, list[str]] = defaultdict(list)
    for event in new_events:
        waiting[event_key(event)].append(event.event_id)
    renamed: dict[str, str] = {}
    for event in old_events:
        candidates = waiting.get(event_key(event))
        if candidates:
            renamed[event.event_id] = candidates.pop(0)
    return renamed


def keep_revisions(
    connection: Connection, article_ids: Sequence[str], replaced_by: str, now: datetime
) -> None:
    """Copy the replaced articles into article_revisions."""
    articles = tables.articles.c
    kept = (articles.article_id, articles.source, articles.title, articles.published, articles.raw_text,
            articles.text, articles.ingested_at)  # fmt: skip
    for row in connection.execute(select(*kept).where(articles.article_id.in_(article_ids))).mappings():
        connection.execute(
            insert(tables.article_revisions), {**row, "replaced_by": replaced_by, "replaced_at": now}
        )


def carry_decisions(connection: Connection, renamed: dict[str, str]) -> None:
    """Point analysts' decisions at the surviving events' new ids."""
    decisions = tables.decisions.c
    for old, new in renamed.items():
        connection.execute(update(tables.decisions).where(decisions.first == old).values(first=new))
        connection.execute(update(tables.decisions).where(decisions.second == old).values(second=new))


def drop_incidents_of(connection: Connection, event_ids: Sequence[str]) -> None:
    """Delete the incidents the replaced events were in: their other members become events in no
    incident, which the next linking (every ingest runs one) links again with the new version."""
    members = tables.incident_events.c
    touched = select(members.incident_id).where(members.event_id.in_(event_ids)).distinct()
    incident_ids = [incident_id for (incident_id,) in connection.execute(touched)]
    if incident_ids:
        left = select(members.event_id).where(
            members.incident_id.in_(incident_ids), members.event_id.not_in(event_ids)
        )
        connection.execute(insert(tables.pending_events).from_select(["event_id"], left))
        connection.execute(delete(tables.incident_events).where(members.incident_id.in_(incident_ids)))
        connection.execute(delete(tables.incidents).where(tables.incidents.c.incident_id.in_(incident_ids)))
