"""Workflows over the store: what ``ingest``, ``incidents merge/split`` and ``framing`` do.

The stages are pure; this module strings them together with the store so that the CLI and
the web API (``POST /api/ingest``) run exactly the same steps.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sitreport.errors import InputError, SitreportError, StoreError
from sitreport.link import expand_decision, link_new
from sitreport.link.framing import (
    docs_from_articles,
    incident_framing,
    load_lexicon,
    outlet_framing,
)
from sitreport.neighbourhood import read_neighbourhood
from sitreport.options import Options
from sitreport.records import Article, ArticleResult, Incident
from sitreport.store import Store


@dataclass
class IngestSummary:
    """What one ingest stored: articles read and newly stored, events stored."""

    articles_read: int = 0
    articles_new: int = 0
    events_new: int = 0


# Articles written per transaction: one multi-row insert per table for all of them. A batch
# is written as soon as it is full, so results never pile up in memory.
STORE_BATCH = 64


def store_results(
    store: Store,
    results: Iterable[ArticleResult | InputError],
    on_error: Callable[[InputError], None],
    batch_size: int = STORE_BATCH,
) -> IngestSummary:
    """Save articles with their events a batch per transaction; report bad inputs as they come.

    An article the store refuses is reported like a bad input (its transaction left nothing
    behind) and the others are still stored. An article whose source (path, corpus row, URL)
    was stored before with other text replaces that earlier version.
    """
    summary = IngestSummary()
    batch: list[ArticleResult] = []
    for item in results:
        if isinstance(item, InputError):
            on_error(item)
            continue
        summary.articles_read += 1
        batch.append(item)
        if len(batch) >= batch_size:
            _save_batch(store, batch, summary, on_error)
            batch = []
    _save_batch(store, batch, summary, on_error)
    return summary


def _save_batch(
    store: Store, batch: list[ArticleResult], summary: IngestSummary, on_error: Callable[[InputError], None]
) -> None:
    if not batch:
        return
    saved = store.save_articles([(item.article, item.events) for item in batch], revise=True)
    for item, outcome in zip(batch, saved, strict=True):
        if isinstance(outcome, StoreError):
            on_error(InputError(item.article.source, f"not stored: {outcome}"))
        elif outcome:
            summary.articles_new += 1
            summary.events_new += len(item.events)


def all_incidents(store: Store) -> list[Incident]:
    return store.list_incidents(limit=max(store.count_incidents(), 1))


def all_articles(store: Store) -> list[Article]:
    return store.list_articles(limit=max(store.count_articles(), 1))


@dataclass(frozen=True)
class LinkSummary:
    """What one linking did: events that were in no incident, and incidents written or dropped."""

    events_linked: int = 0
    incidents_changed: int = 0


# Pending events linked per round: each round reads only its events' neighbourhood, so memory
# follows this and the size of the incidents around them, not the number pending.
PENDING_PER_ROUND = 1000


def _relink(
    store: Store, options: Options, fresh_ids: set[str], touched: frozenset[str] = frozenset()
) -> int:
    """Relink the new events (ids) and those whose decisions changed, from their neighbourhood."""
    decisions = store.decisions()
    around = read_neighbourhood(store, options, decisions, fresh_ids | touched)
    fresh = [around.events[event_id] for event_id in sorted(fresh_ids) if event_id in around.events]
    changed, removed = link_new(
        around.incidents.values(), fresh, around.events, options, decisions, touched, around.published,
        around.settled, known=around.features,
    )
    store.upsert_incidents(changed, removed)
    return len(changed) + len(removed)


def _link_every_pending(store: Store, options: Options) -> LinkSummary:
    """Link the pending events a round at a time (under the caller's exclusive lock).

    A round links everything its events reach, which is the same whatever else is pending:
    rounds give the incidents one linking of every pending event would.
    """
    pending_before, changed = store.count_pending(), 0
    previous: list[str] = []
    while pending := store.pending_event_ids(limit=PENDING_PER_ROUND):
        if pending == previous:  # a round always links its own events; never loop on them
            raise StoreError(f"linking left events in no incident: {', '.join(pending[:5])}")
        previous = pending
        changed += _relink(store, options, set(pending))
    return LinkSummary(pending_before, changed)


def link_pending(store: Store, options: Options) -> LinkSummary:
    """Link every stored event that is in no incident yet, whichever run stored it.

    An event stored by a run that was killed, crashed or raced another before linking is
    taken up by the next one, so no event stays outside the incidents. Runs under the store's
    exclusive lock: concurrent linkers wait for each other instead of writing the same
    events into two incidents. Reads only the neighbourhood of the pending events
    (sitreport.neighbourhood), so its cost does not grow with the store.
    """
    with store.exclusive("link pending events"):
        return _link_every_pending(store, options)


def relink_all(store: Store, options: Options) -> int:
    """Link the whole store from scratch (analyst decisions still apply); returns the count.

    Every event is made pending and linked a round at a time: memory follows the largest group
    of connected events, not the store."""
    with store.exclusive("relink every event"):
        store.reindex_link_keys()
        store.replace_incidents([])
        _link_every_pending(store, options)
        return store.count_incidents()


def record_decision(store: Store, action: str, first: str, second: str, options: Options) -> int:
    """Record an analyst's merge/split of events or incidents and relink what it touches."""
    with store.exclusive("record a decision"):
        incidents: dict[str, Incident] = {}
        for identifier in (first, second):
            incident = store.get_incident(identifier)
            if incident is not None:
                incidents[identifier] = incident
            elif store.get_event(identifier) is None:
                raise SitreportError(f"no event or incident {identifier!r}; see `sitreport incidents`")
        decisions = expand_decision(action, first, second, incidents)
        for decision in decisions:
            store.record_decision(*decision)
        touched = {identifier for _, *pair in decisions for identifier in pair}
        return _relink(store, options, set(), frozenset(touched))


def framing_rows(store: Store, options: Options, incident_id: str | None = None) -> list[dict[str, Any]]:
    """Per outlet and side, each term used, its register, count and an example sentence."""
    lexicon = load_lexicon(tuple(options.kb_dirs))
    docs = docs_from_articles(all_articles(store))
    if incident_id is None:
        framings = outlet_framing(docs, lexicon)
    else:
        incident = store.get_incident(incident_id)
        if incident is None:
            raise SitreportError(f"no incident {incident_id!r}; see `sitreport incidents`")
        framings = incident_framing(incident, docs, lexicon)
    return [
        {"outlet": framing.outlet, "side": side, "term": use.term, "register": use.register,
         "count": use.count, "example": use.example}
        for framing in framings
        for side, uses in framing.sides.items()
        for use in uses
    ]
