"""A real SQLite store filled with the sample records, and the app over it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import serve_samples as samples
from fastapi import FastAPI
from fastapi.testclient import TestClient

from sitreport.serve import create_app


@pytest.fixture(scope="session")
def db_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('serve') / 'samples.db'}"
    samples.fill_store(url)
    return url


@pytest.fixture(scope="session")
def app(db_url: str) -> FastAPI:
    return create_app(db_url)


@pytest.fixture(scope="session")
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:
        yield test_client


@pytest.fixture
def ingest_client(tmp_path: Path) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'ingest.db'}"
    with TestClient(create_app(url, allow_ingest=True, token=samples.INGEST_TOKEN)) as test_client:
        yield test_client
