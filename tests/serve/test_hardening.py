"""Hostile requests: control characters, over-long and mistyped values, foreign Host headers,
errors that still carry the security headers, and downloads that cannot starve the server."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi import HTTPException
from fastapi.testclient import TestClient

from sitreport.serve import create_app
from sitreport.serve.app import MAX_PARAMETER_CHARS, host_name
from sitreport.serve.downloads import DownloadSlots

from . import serve_samples as samples
from .conftest import LOOPBACK

FILTERS = ("event_type", "date_from", "date_to", "place", "actor", "source", "text", "article_id", "sort")
PATHS = ("/api/events", "/events", "/api/map", "/api/timeline", "/api/events.csv")


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("name", FILTERS)
def test_a_nul_in_any_filter_is_a_400_naming_it(client: TestClient, path: str, name: str) -> None:
    response = client.get(path, params={name: "Daraa\x00"})
    assert response.status_code == 400
    assert name in response.text


@pytest.mark.parametrize("path", ["/api/events/%00", "/api/incidents/a%00b", "/api/articles/%01"])
def test_a_control_character_in_a_path_id_is_a_400(client: TestClient, path: str) -> None:
    assert client.get(path).status_code == 400


def test_an_over_long_filter_is_a_400_naming_it(client: TestClient) -> None:
    response = client.get("/api/events", params={"text": "x" * 50_001})
    assert response.status_code == 400
    assert "text" in response.json()["detail"] and str(MAX_PARAMETER_CHARS) in response.json()["detail"]


@pytest.mark.parametrize(("query", "name"), [("limit=abc", "limit"), ("offset=1.5", "offset")])
def test_a_value_of_the_wrong_type_is_a_400_naming_it(client: TestClient, query: str, name: str) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 400
    assert any(name in problem for problem in response.json()["detail"])


def test_error_responses_carry_the_security_headers(client: TestClient) -> None:
    for path in ("/api/events?limit=abc", "/api/events/missing", "/no-such-page", "/api/events?place=%00"):
        response = client.get(path)
        assert response.status_code >= 400
        assert "script-src 'self'" in response.headers["content-security-policy"], path


def test_an_internal_error_is_a_500_with_the_security_headers(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'broken.db'}"
    samples.fill_store(url)
    app = create_app(url)
    with sqlite3.connect(tmp_path / "broken.db") as db:
        db.execute("DROP TABLE evidence")  # a store damaged under the running server
    with TestClient(app, base_url=LOOPBACK, raise_server_exceptions=False) as client:
        response = client.get(f"/api/events/{samples.WIRE_EVACUATION.event_id}")
    assert response.status_code == 500
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert "Traceback" not in response.text


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "127.0.0.1.evil.example", ""])
def test_a_foreign_host_is_refused(client: TestClient, host: str) -> None:
    response = client.get("/api/events", headers={"Host": host})
    assert response.status_code == 400
    assert "--allowed-host" in response.json()["detail"]
    assert response.headers["x-content-type-options"] == "nosniff"


@pytest.mark.parametrize("host", ["127.0.0.1:8000", "localhost", "LOCALHOST:80", "[::1]:8000"])
def test_loopback_names_are_served(client: TestClient, host: str) -> None:
    assert client.get("/api/events", headers={"Host": host}).status_code == 200


def test_an_allowed_host_is_served(db_url: str) -> None:
    with TestClient(create_app(db_url, allowed_hosts=["ledger.example"]), base_url=LOOPBACK) as client:
        assert client.get("/api/events", headers={"Host": "ledger.example:8000"}).status_code == 200
        assert client.get("/api/events", headers={"Host": "other.example"}).status_code == 400


@pytest.mark.parametrize(
    ("header", "name"), [("[::1]:8000", "::1"), ("Example.org:80", "example.org"), ("[::1", "[::1")]
)
def test_host_name_drops_the_port(header: str, name: str) -> None:
    assert host_name(header) == name


def test_downloads_past_the_limit_are_told_to_come_back() -> None:
    slots = DownloadSlots(2)
    releases = [slots.take(), slots.take()]
    with pytest.raises(HTTPException) as refused:
        slots.take()
    assert refused.value.status_code == 503 and refused.value.headers == {"Retry-After": "5"}
    releases[0]()  # slots come back when downloads end
    slots.take()


def test_a_read_only_server_on_a_missing_store_says_so(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="no store"):
        create_app(f"sqlite:///{tmp_path / 'missing.db'}")
    assert not (tmp_path / "missing.db").exists()
