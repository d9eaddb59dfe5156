"""A real SQLite store filled with the sample records, and the app over it."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from fastapi.testclient import TestClient
from playwright.sync_api import BrowserContext, ConsoleMessage, Page, sync_playwright

from sitreport.serve import create_app

from . import generated_corpus
from . import serve_samples as samples

# The server answers loopback names only (DNS rebinding); TestClient's default host is "testserver".
LOOPBACK = "http://127.0.0.1"


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
    with TestClient(app, base_url=LOOPBACK) as test_client:
        yield test_client


@pytest.fixture
def ingest_client(tmp_path: Path) -> Iterator[TestClient]:
    url = f"sqlite:///{tmp_path / 'ingest.db'}"
    app = create_app(url, allow_ingest=True, token=samples.INGEST_TOKEN)
    with TestClient(app, base_url=LOOPBACK) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def live_server(db_url: str) -> Iterator[str]:
    """The app under a real uvicorn server on a free loopback port, in a thread."""
    with serving(db_url) as url:
        yield url


@pytest.fixture(scope="session")
def generated_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app over the generated corpus (hundreds of events over decades, hundreds of outlets)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('generated') / 'generated.db'}"
    generated_corpus.generate().save(url)
    with serving(url) as served:
        yield served


@contextmanager
def serving(db_url: str) -> Iterator[str]:
    """The app over ``db_url`` under uvicorn on a free loopback port, in a thread, while open."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    host, port = listener.getsockname()
    server = uvicorn.Server(uvicorn.Config(create_app(db_url), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    for _ in range(500):  # wait for start-up, up to ~10 s; not a timing assertion
        if server.started:
            break
        time.sleep(0.02)
    else:
        raise RuntimeError("uvicorn did not start")
    yield f"http://{host}:{port}"
    server.should_exit = True
    thread.join()
    listener.close()


def chromium_binary() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    return found or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)


CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def browser_context(tmp_path_factory: pytest.TempPathFactory) -> Iterator[BrowserContext]:
    """Debian's Chromium under Playwright, with an empty profile and a laptop-sized window."""
    binary = chromium_binary()
    if binary is None:
        pytest.skip("no chromium binary: install Debian's package (apt-get install -y chromium)")
    with sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path_factory.mktemp("chromium-profile")),
            executable_path=binary,
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 1366, "height": 860},
        )
        yield context
        context.close()


@pytest.fixture
def page(browser_context: BrowserContext) -> Iterator[Page]:
    """A fresh tab that records console errors (a CSP violation is one) and refuses dialogs."""
    tab = browser_context.new_page()
    errors: list[str] = []

    def record(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(message.text)

    tab.on("console", record)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.on("dialog", lambda dialog: errors.append(f"dialog opened: {dialog.message}"))
    yield tab
    tab.close()
    assert errors == [], errors
