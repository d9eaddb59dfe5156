"""build_ledger: a synthetic ledger stored through the store's bulk path, each batch linked."""

from __future__ import annotations

from itertools import islice
from pathlib import Path

import pytest

from sitreport.ledger import link_pending
from sitreport.link import link_events
from sitreport.options import Options
from sitreport.store import Store
from sitreport.synthetic import build_ledger, synthetic_ledger

EVENTS = 400
BATCH = 60  # articles: several batches, so some days are split between two


@pytest.fixture
def store(tmp_path: Path) -> Store:
    with Store(f"sqlite:///{tmp_path / 'ledger.db'}") as opened:
        yield opened


def memberships(store: Store) -> set[frozenset[str]]:
    return {frozenset(incident.events) for incident in store.list_incidents(limit=100_000)}


def linked_batch_by_batch(events: int, batch: int) -> set[frozenset[str]]:
    ledger = synthetic_ledger(events, seed=3)
    found: set[frozenset[str]] = set()
    while articles := list(islice(ledger, batch)):
        published = {article.article_id: article.published for article, _ in articles}
        told = [event for _, article_events in articles for event in article_events]
        linked = link_events(told, Options(), published=published)
        found |= {frozenset(incident.events) for incident in linked}
    return found


def test_every_event_is_stored_in_one_incident_and_none_is_pending(store: Store) -> None:
    build_ledger(store, EVENTS, seed=3, batch=BATCH)
    members = [event_id for incident in memberships(store) for event_id in incident]
    assert len(members) == len(set(members)) == EVENTS
    assert store.count_pending() == 0
    assert not any(store.integrity_faults().values())


def test_each_batch_is_linked_as_linking_it_alone_would(store: Store) -> None:
    build_ledger(store, EVENTS, seed=3, batch=BATCH)
    assert memberships(store) == linked_batch_by_batch(EVENTS, BATCH)


def test_in_one_batch_the_ledger_is_linked_as_one_linking_of_everything(store: Store) -> None:
    build_ledger(store, EVENTS, seed=3, batch=10_000)
    published = store.publication_dates()
    everything = link_events(store.iter_events(), Options(), store.decisions(), published)
    assert memberships(store) == {frozenset(incident.events) for incident in everything}


def test_new_articles_link_into_a_built_ledger(store: Store) -> None:
    build_ledger(store, EVENTS, seed=3, batch=BATCH)
    later = list(synthetic_ledger(30, seed=4))
    store.save_articles(later)
    link_pending(store, Options())
    assert store.count_pending() == 0
    assert not any(store.integrity_faults().values())
    assert len({event_id for incident in memberships(store) for event_id in incident}) == EVENTS + 30
