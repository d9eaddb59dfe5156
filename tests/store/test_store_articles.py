"""Saving articles: round trip, idempotence, and all-or-nothing writes."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitreport.errors import StoreError
from sitreport.store import EventQuery, Store

from .store_samples import Corpus, corpus, event


@pytest.fixture
def samples() -> Corpus:
    return corpus()


def save_all(store: Store, samples: Corpus) -> None:
    for article in samples.articles:
        assert store.save_article(article, samples.events_of(article.article_id))


def test_saved_article_reads_back_equal(store: Store, samples: Corpus) -> None:
    save_all(store, samples)
    for article in samples.articles:
        assert store.has_article(article.article_id)
        assert store.get_article(article.article_id) == article


def test_unknown_article_is_absent(store: Store) -> None:
    assert not store.has_article("missing")
    assert store.get_article("missing") is None


def test_same_article_twice_is_stored_once(store: Store, samples: Corpus) -> None:
    a1 = samples.articles[0]
    assert store.save_article(a1, samples.events_of("a1"))
    extra = event("e-extra", "a1", "siege", "a siege")
    assert store.save_article(a1, [*samples.events_of("a1"), extra]) is False
    assert store.count_articles() == 1
    assert store.count_events(EventQuery()) == len(samples.events_of("a1"))
    assert store.get_event("e-extra") is None


def test_failed_event_write_leaves_nothing_of_that_article(store: Store, samples: Corpus) -> None:
    a1, a2 = samples.articles[:2]
    store.save_article(a1, samples.events_of("a1"))
    first, second = samples.events_of("a2")
    clash = replace(second, event_id=first.event_id)  # the second insert of this id must fail

    with pytest.raises(StoreError, match="could not store article a2"):
        store.save_article(a2, [first, clash])

    assert not store.has_article("a2")
    assert store.get_event(first.event_id) is None
    assert store.count_events(EventQuery()) == len(samples.events_of("a1"))
    assert store.get_article("a1") == a1
    assert store.save_article(a2, [first, second])  # nothing half-written blocks a retry


def test_events_of_another_article_are_refused(store: Store, samples: Corpus) -> None:
    with pytest.raises(ValueError, match="do not belong to article a1"):
        store.save_article(samples.articles[0], samples.events_of("a2"))
    assert store.count_articles() == 0


def test_article_without_events_is_stored(store: Store, samples: Corpus) -> None:
    assert store.save_article(samples.articles[0], [])
    assert store.count_articles() == 1
    assert store.count_events(EventQuery()) == 0


def test_articles_list_in_ingest_order_and_page(store: Store, samples: Corpus) -> None:
    a1, a2, a3 = samples.articles
    for article in (a3, a1, a2):  # not id order, so the order seen can only be the ingest order
        store.save_article(article, samples.events_of(article.article_id))
    assert store.count_articles() == 3
    assert store.list_articles() == [a3, a1, a2]
    assert store.list_articles(limit=1, offset=1) == [a1]
    assert store.list_articles(offset=3) == []
    with pytest.raises(ValueError, match="must not be negative"):
        store.list_articles(limit=-1)


def test_the_article_revision_changes_only_when_an_article_is_added(store: Store, samples: Corpus) -> None:
    assert store.article_revision() == (0, None)
    a1, a2 = samples.articles[:2]
    store.save_article(a1, samples.events_of("a1"))
    first = store.article_revision()
    assert first[0] == 1 and first[1] is not None
    assert not store.save_article(a1, [])  # already stored: nothing changed
    assert store.article_revision() == first
    store.save_article(a2, samples.events_of("a2"))
    second = store.article_revision()
    assert second[0] == 2 and second != first


def test_a_batch_is_saved_in_one_go_and_says_what_became_of_each(store: Store, samples: Corpus) -> None:
    first, second, *_ = samples.articles
    assert store.save_article(first, samples.events_of(first.article_id))
    batch = [(first, samples.events_of(first.article_id)), (second, samples.events_of(second.article_id)),
             (second, samples.events_of(second.article_id))]  # fmt: skip
    assert store.save_articles(batch) == [False, True, False]
    assert store.get_article(second.article_id) == second
    stored = {event.event_id for event in store.query_events(EventQuery(limit=1000))}
    written = [samples.events_of(article.article_id) for article in (first, second)]
    assert stored == {event.event_id for events in written for event in events}
    assert set(store.pending_event_ids()) == stored


def test_an_article_a_batch_cannot_take_costs_only_itself(store: Store, samples: Corpus) -> None:
    """The batch transaction fails whole (no half-written batch); each article is then saved
    alone and only the bad one is refused, with nothing of it left behind."""
    good, bad, later = samples.articles[:3]
    clashing = [replace(event, article_id=bad.article_id) for event in samples.events_of(good.article_id)]
    batch = [(good, samples.events_of(good.article_id)), (bad, clashing),
             (later, samples.events_of(later.article_id))]  # fmt: skip
    outcome = store.save_articles(batch)
    assert outcome[0] is True and outcome[2] is True
    assert isinstance(outcome[1], StoreError)
    assert not store.has_article(bad.article_id)
    assert store.count_articles() == 2


def test_a_new_version_in_the_same_batch_replaces_the_earlier_one(store: Store, samples: Corpus) -> None:
    original = samples.articles[0]
    edited = replace(original, article_id="a1-edited", text=original.text + " Corrected.")
    outcome = store.save_articles([(original, []), (edited, [])], revise=True)
    assert outcome == [True, True]
    assert not store.has_article(original.article_id)
    assert [kept["article_id"] for kept in store.revisions(original.source)] == [original.article_id]
