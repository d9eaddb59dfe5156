"""Linking is durable: every stored event ends in an incident, whatever happened to the run.

The failures these guard against: a run that stored articles and then died (kill -9, a crash)
left their events in no incident for good, because later runs linked only their own events;
two ingests linking at once wrote one event into two incidents (UNIQUE constraint failed).
"""

from __future__ import annotations

import multiprocessing

from sitreport.ledger import link_pending, relink_all
from sitreport.link import link_events
from sitreport.options import Options
from sitreport.store import Store

from .store_samples import incident as sample_incident
from .store_samples import linkable_event, numbered_articles, save_and_link

ARTICLES = 12
WRITERS = 3


def store_unlinked(store: Store, count: int) -> None:
    """What a run killed after storing and before linking leaves behind."""
    for number, article in enumerate(numbered_articles(count)):
        store.save_article(article, [linkable_event(number, article.article_id)])


def memberships(store: Store) -> set[frozenset[str]]:
    return {frozenset(incident.events) for incident in store.list_incidents(limit=1000)}


def test_events_an_interrupted_run_stored_are_linked_by_the_next_run(store: Store) -> None:
    store_unlinked(store, ARTICLES)
    assert len(store.unlinked_event_ids()) == ARTICLES
    summary = link_pending(store, Options())
    assert summary.events_linked == ARTICLES
    assert store.unlinked_event_ids() == []
    expected = link_events(store.iter_events(), Options())
    assert memberships(store) == {frozenset(incident.events) for incident in expected}
    assert len(memberships(store)) == 2


def test_linking_with_nothing_pending_changes_nothing(store: Store) -> None:
    store_unlinked(store, 4)
    link_pending(store, Options())
    before = memberships(store)
    assert link_pending(store, Options()).incidents_changed == 0
    assert memberships(store) == before


def test_check_names_events_in_no_incident_until_they_are_linked(store: Store) -> None:
    store_unlinked(store, 3)
    faults = store.integrity_faults()
    assert faults["events in no incident"] == ["lk-000", "lk-001", "lk-002"]
    link_pending(store, Options())
    assert not any(store.integrity_faults().values())


def test_relinking_everything_leaves_no_event_pending(store: Store) -> None:
    store_unlinked(store, 5)
    relink_all(store, Options())
    assert store.unlinked_event_ids() == []


def test_concurrent_ingests_that_link_as_they_go_equal_one_linking(store: Store, store_url: str) -> None:
    shares = [list(range(writer, ARTICLES, WRITERS)) for writer in range(WRITERS)]
    with multiprocessing.get_context("spawn").Pool(WRITERS) as pool:
        pool.starmap(save_and_link, [(store_url, share) for share in shares])
    assert store.unlinked_event_ids() == []
    assert not any(store.integrity_faults().values())
    expected = link_events(store.iter_events(), Options())
    assert memberships(store) == {frozenset(incident.events) for incident in expected}


def test_check_names_an_incident_left_with_no_events(store: Store) -> None:
    store_unlinked(store, 2)
    link_pending(store, Options())
    hollow = sample_incident("i-hollow", "evacuation", [])
    store.upsert_incidents([hollow])
    assert store.integrity_faults()["incidents with no events"] == ["i-hollow"]
