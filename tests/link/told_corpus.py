"""Sample folders run through the whole pipeline and linked; which incident each report tells."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from sitreport.link import link_events
from sitreport.options import Options
from sitreport.pipeline import ArticleResult, process_paths
from sitreport.records import Event, Incident

Linked = tuple[list[Incident], dict[str, Event]]


@dataclass(frozen=True)
class Invented:
    """One invented incident: the files that tell it, the kind of event, its place and day."""

    files: frozenset[str]
    types: frozenset[str]
    place: str
    day: str

    def told_by(self, event: Event, file: str) -> bool:
        """A report of this incident: one of its files, its kind of event, its place and day
        (or no day of its own)."""
        place = event.location or event.origin or event.destination
        return (
            file in self.files
            and event.event_type in self.types
            and place is not None
            and place.name == self.place
            and event.date in (self.day, None)
        )


def link_folder(folder: Path, options: Options) -> Linked:
    """Clean, extract and link every file of ``folder`` with the articles' publication dates."""
    results = [r for r in process_paths([folder], options) if isinstance(r, ArticleResult)]
    events = {event.event_id: event for result in results for event in result.events}
    published = {r.article.article_id: r.article.published for r in results if r.article.published}
    return link_events(events.values(), options, published=published), events


def reports_of(invented: Invented, events: dict[str, Event], file_of: Callable[[Event], str]) -> set[str]:
    return {event_id for event_id, event in events.items() if invented.told_by(event, file_of(event))}


def incidents_holding(incidents: Iterable[Incident], event_ids: set[str]) -> list[Incident]:
    return [incident for incident in incidents if event_ids & set(incident.events)]


def file_key(pattern: str) -> Callable[[Event], str]:
    """The part of an event's source file that names its sample (first group of ``pattern``)."""
    compiled = re.compile(pattern)

    def key(event: Event) -> str:
        match = compiled.search(event.source_file or "")
        assert match, event.source_file
        return match.group(1)

    return key
