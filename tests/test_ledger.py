"""Store workflows: one refused article never stops the others."""

from __future__ import annotations

from pathlib import Path

from sitreport.errors import InputError
from sitreport.ledger import store_results
from sitreport.pipeline import ArticleResult
from sitreport.records import Article, Event
from sitreport.store import EventQuery, Store


def sample(name: str, event_ids: list[str]) -> ArticleResult:
    article = Article(article_id=f"id-{name}", source=name, file=name, text=f"Sample body of {name}.")
    events = [Event(event_id=e, article_id=article.article_id, event_type="aid") for e in event_ids]
    return ArticleResult(article, events)


def test_an_article_the_store_refuses_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'ledger.db'}")
    errors: list[InputError] = []
    results = [sample("a.txt", ["e1"]), sample("b.txt", ["e2", "e2"]), sample("c.txt", ["e3"])]
    summary = store_results(store, results, errors.append)
    assert [error.source for error in errors] == ["b.txt"]
    assert "not stored" in errors[0].reason
    assert (summary.articles_read, summary.articles_new, summary.events_new) == (3, 2, 2)
    assert {event.event_id for event in store.query_events(EventQuery())} == {"e1", "e3"}
    assert not store.has_article("id-b.txt")
