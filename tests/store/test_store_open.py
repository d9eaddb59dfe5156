"""Opening a store: bad URLs and unreachable servers give StoreError saying what to check."""

from __future__ import annotations

import socket
import sqlite3
from pathlib import Path

import pytest

from sitreport.errors import StoreError
from sitreport.store import Store

from .store_samples import corpus


def _closed_port() -> int:
    """A local port nothing listens on (bound and released at once)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("not a database url", "is not a database URL; use sqlite:///"),
        ("mysql://user@localhost/ledger", "unsupported database 'mysql'"),
        ("postgresql+nosuchdriver://user@localhost/ledger", "no database driver"),
        ("sqlite:////no/such/folder/ledger.db", "check that the folder exists and is writable"),
    ],
)
def test_bad_url_is_a_store_error_saying_what_to_check(url: str, message: str) -> None:
    with pytest.raises(StoreError, match=message):
        Store(url)


def test_unreachable_server_is_a_store_error_without_the_password() -> None:
    url = f"postgresql://analyst:s3cret@127.0.0.1:{_closed_port()}/ledger"
    with pytest.raises(StoreError, match="check that the server is running") as raised:
        Store(url)
    assert "s3cret" not in str(raised.value)
    assert f"127.0.0.1:{url.rsplit(':', 1)[1].split('/')[0]}" in str(raised.value)


def test_reopening_keeps_what_was_stored(store_url: str) -> None:
    samples = corpus()
    with Store(store_url) as first:
        first.save_article(samples.articles[0], samples.events_of("a1"))
    with Store(store_url) as again:
        assert again.get_article("a1") == samples.articles[0]
        assert again.save_article(samples.articles[0], []) is False


def test_sqlite_store_uses_write_ahead_logging(tmp_path: Path) -> None:
    path = tmp_path / "ledger.db"
    Store(f"sqlite:///{path}").close()
    with sqlite3.connect(path) as connection:  # the journal mode is kept in the file
        assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
