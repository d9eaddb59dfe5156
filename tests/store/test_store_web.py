"""The web API over each engine: a NUL or an over-long value is a 400, never the engine's 500.

PostgreSQL refuses NUL in text (a 500 before), SQLite LIKE patterns over 50,000 bytes (also a 500).
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitreport.serve import create_app
from sitreport.store import Store

from .store_samples import corpus

FILTERS = ("place", "actor", "source", "text", "article_id", "event_type", "sort")


@pytest.fixture
def client(store: Store, store_url: str) -> TestClient:
    sample = corpus()
    for article in sample.articles:
        store.save_article(article, sample.events_of(article.article_id))
    return TestClient(create_app(store_url), base_url="http://127.0.0.1")


@pytest.mark.parametrize("name", FILTERS)
def test_a_nul_in_a_filter_is_a_400_naming_it(client: TestClient, name: str) -> None:
    response = client.get("/api/events", params={name: "a\x00b"})
    assert response.status_code == 400
    assert name in response.json()["detail"]


def test_a_nul_in_an_event_id_is_a_400(client: TestClient) -> None:
    assert client.get("/api/events/e1%00").status_code == 400


def test_an_over_long_text_filter_is_a_400(client: TestClient) -> None:
    response = client.get("/api/events", params={"text": "Busra " * 10_000})
    assert response.status_code == 400
    assert "text" in response.json()["detail"]


def test_a_plain_filter_still_answers(client: TestClient) -> None:
    assert client.get("/api/events", params={"place": "Daraa"}).json()["total"] >= 1
