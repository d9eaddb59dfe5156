"""POST /api/ingest keeps the ledger whole: it links what earlier runs left unlinked, and a
document posted again under the same name (or URL) with changed text replaces the first."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient

from sitreport.records import Article, Event
from sitreport.store import Store

from . import serve_samples as samples


def post(client: TestClient, name: str, text: str) -> dict[str, object]:
    body = json.dumps({"documents": [{"name": name, "text": text}]})
    headers = {"Authorization": f"Bearer {samples.INGEST_TOKEN}", "Content-Type": "application/json"}
    response = client.post("/api/ingest", content=body, headers=headers)
    assert response.status_code == 200, response.text
    result: dict[str, object] = response.json()
    return result


def test_an_edited_document_replaces_the_one_posted_before(ingest_client: TestClient) -> None:
    post(ingest_client, "sample.txt", "SAMPLE. Buses carrying 300 fighters left Douma on Monday, SANA said.")
    post(ingest_client, "sample.txt", "SAMPLE. Buses carrying 350 fighters left Douma on Monday, SANA said.")
    articles = ingest_client.get("/api/articles").json()
    assert articles["total"] == 1
    store: Store = ingest_client.app.state.store  # type: ignore[attr-defined]
    assert len(store.revisions("api:sample.txt")) == 1
    assert not any(store.integrity_faults().values())


def test_ingest_links_events_an_earlier_run_left_unlinked(ingest_client: TestClient) -> None:
    store: Store = ingest_client.app.state.store  # type: ignore[attr-defined]
    article = Article("left-behind", "samples/left.txt", "left.txt", "Sample body left unlinked.")
    store.save_article(article, [Event("left-event", article.article_id, "aid", date="2021-09-14")])
    assert store.unlinked_event_ids() == ["left-event"]
    post(ingest_client, "sample.txt", "SAMPLE. Buses carrying 300 fighters left Douma on Monday, SANA said.")
    assert store.unlinked_event_ids() == []
