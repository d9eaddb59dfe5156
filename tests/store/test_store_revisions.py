"""Revisions: an article that comes again from the same source with changed text.

Before, the edited text became a second article beside the first, and both versions' events
stood in the ledger. Now the new version replaces the old and its events; the old text is kept
as a revision, and analysts' decisions move to the events that survive the edit.
"""

from __future__ import annotations

from dataclasses import replace

from sitreport.ledger import link_pending, record_decision
from sitreport.options import Options
from sitreport.records import Article, Event, Evidence
from sitreport.store import EventQuery, Store

from .store_samples import BUSRA, ERIHA


def version(text: str, number: int) -> Article:
    return Article(f"v{number}", "samples/edited.txt", "edited.txt", text, title=f"Sample version {number}")


def evacuation(article: Article, offset: int) -> Event:
    sentence = "Sample: buses left Busra."
    return Event(
        f"{article.article_id}-evac", article.article_id, "evacuation", date="2018-08-01",
        date_precision="day", location=BUSRA, evidence=[Evidence(offset, offset + len(sentence), sentence)],
    )  # fmt: skip


def shelling(article: Article) -> Event:
    return Event(f"{article.article_id}-shell", article.article_id, "remote_violence", date="2018-08-01",
                 location=ERIHA, evidence=[Evidence(0, 10, "Sample: shells hit Ériha.")])  # fmt: skip


def other_report() -> tuple[Article, Event]:
    article = Article("other", "samples/other.txt", "other.txt", "Sample other report.")
    sentence = "Sample: buses left Busra."
    event = Event("other-evac", "other", "evacuation", date="2018-08-01", date_precision="day",
                  location=BUSRA, evidence=[Evidence(0, len(sentence), sentence)])  # fmt: skip
    return article, event


def test_a_changed_text_from_the_same_source_replaces_the_earlier_version(store: Store) -> None:
    first = version("Sample first text.", 1)
    store.save_article(first, [evacuation(first, 0), shelling(first)], revise=True)
    second = version("Sample first text, corrected.", 2)
    assert store.save_article(second, [evacuation(second, 12)], revise=True)
    assert [article.article_id for article in store.list_articles()] == ["v2"]
    assert {event.event_id for event in store.query_events(EventQuery())} == {"v2-evac"}
    [kept] = store.revisions("samples/edited.txt")
    assert (kept["article_id"], kept["text"], kept["replaced_by"]) == ("v1", "Sample first text.", "v2")


def test_the_same_text_again_is_not_a_revision(store: Store) -> None:
    first = version("Sample first text.", 1)
    store.save_article(first, [evacuation(first, 0)], revise=True)
    assert not store.save_article(first, [evacuation(first, 0)], revise=True)
    assert store.revisions("samples/edited.txt") == []


def test_without_revise_a_changed_text_is_another_article(store: Store) -> None:
    store.save_article(version("Sample first text.", 1), [])
    store.save_article(version("Sample first text, corrected.", 2), [])
    assert store.count_articles() == 2


def test_an_article_from_another_source_is_not_a_revision(store: Store) -> None:
    first = version("Sample first text.", 1)
    store.save_article(first, [], revise=True)
    elsewhere = replace(version("Sample other text.", 2), source="samples/elsewhere.txt")
    store.save_article(elsewhere, [], revise=True)
    assert store.count_articles() == 2


def test_incidents_are_relinked_and_decisions_kept_for_surviving_events(store: Store) -> None:
    options = Options()
    first = version("Sample first text.", 1)
    store.save_article(first, [evacuation(first, 0)], revise=True)
    other, other_event = other_report()
    store.save_article(other, [other_event])
    link_pending(store, options)
    record_decision(store, "split", "v1-evac", "other-evac", options)
    assert store.incident_of_event("v1-evac") != store.incident_of_event("other-evac")

    second = version("Sample first text, corrected.", 2)
    store.save_article(second, [evacuation(second, 12)], revise=True)
    assert ("split", "v2-evac", "other-evac") in store.decisions()
    link_pending(store, options)
    assert not any(store.integrity_faults().values())
    assert store.incident_of_event("v2-evac") != store.incident_of_event("other-evac")
