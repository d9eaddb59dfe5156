"""Store fixtures: every store test runs on a SQLite file and on a real PostgreSQL server.

The server is started once per session from Debian's binaries in a temporary folder and
stopped at the end. PostgreSQL refuses to run as root, so as root it runs as an
unprivileged user (``postgres`` if the package created it, else ``nobody``).
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest

from sitreport.store import Store
from sitreport.store.schema import metadata

PG_BIN_GLOB = "/usr/lib/postgresql/*/bin"
SUPERUSER = "sitreport"


@dataclass(frozen=True)
class PostgresServer:
    port: int

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    def connect(self, database: str = "postgres") -> psycopg.Connection:
        """An autocommit connection, by default to the maintenance database."""
        return psycopg.connect(
            host="127.0.0.1", port=self.port, user=SUPERUSER, dbname=database, autocommit=True
        )


def _postgres_bin() -> Path | None:
    """The newest Debian PostgreSQL bin folder with initdb and pg_ctl, else one on PATH."""
    folders = [Path(folder) for folder in glob.glob(PG_BIN_GLOB)]
    usable = [f for f in folders if (f / "initdb").exists() and (f / "pg_ctl").exists()]
    if usable:
        return max(usable, key=lambda folder: int(folder.parent.name) if folder.parent.name.isdigit() else 0)
    on_path = shutil.which("pg_ctl")
    return Path(on_path).parent if on_path and shutil.which("initdb") else None


def _run_as() -> tuple[list[str], str | None]:
    """The command prefix that drops root, and the user it drops to (None when not root)."""
    if os.geteuid() != 0:
        return [], None
    for user in ("postgres", "nobody"):
        try:
            pwd.getpwnam(user)
        except KeyError:
            continue
        return ["runuser", "-u", user, "--"], user
    pytest.fail("running as root and there is no 'postgres' or 'nobody' user to run PostgreSQL as")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _run(command: list[str], log: Path) -> None:
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        server_log = log.read_text() if log.exists() else ""
        pytest.fail(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}\n{server_log}")


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[PostgresServer]:
    """A throwaway PostgreSQL server on 127.0.0.1, trusting local connections."""
    bin_dir = _postgres_bin()
    if bin_dir is None:
        pytest.skip(f"no PostgreSQL server binaries in {PG_BIN_GLOB} or on PATH; run `make system-deps`")
    prefix, user = _run_as()
    # Not pytest's tmp_path: that sits under a root-only folder the server user cannot enter.
    home = Path(tempfile.mkdtemp(prefix="sitreport-pg-"))
    if user is not None:
        shutil.chown(home, user=user)
    data, log, port = home / "data", home / "server.log", _free_port()
    initdb = [str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth=trust", "-E", "UTF8"]
    _run([*prefix, *initdb, "--locale=C.UTF-8"], log)
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {home} -c fsync=off"
    pg_ctl = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w"]
    _run([*pg_ctl, "-o", options, "start"], log)
    try:
        yield PostgresServer(port)
    finally:
        _run([*pg_ctl, "-m", "fast", "stop"], log)
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_database(postgres_server: PostgresServer) -> str:
    """The name of one database for the session, its schema created by the Store.

    Its default collation is ICU English, which orders text unlike byte order, so a sort
    that forgot to ask for byte order would come out differently than on SQLite.
    """
    name = "store_tests"
    with postgres_server.connect() as admin:
        admin.execute(f"CREATE DATABASE {name} TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US'")
    Store(postgres_server.url(name)).close()  # creating the schema on an empty database is exercised here
    return name


@pytest.fixture
def postgres_url(postgres_server: PostgresServer, postgres_database: str) -> str:
    """The session database emptied for this test (emptying is far cheaper than a new database)."""
    every_table = ", ".join(table.name for table in metadata.sorted_tables)
    with postgres_server.connect(postgres_database) as connection:
        # A connection a previous test leaked would block TRUNCATE; fail instead of hanging.
        connection.execute("SET lock_timeout = '10s'")
        connection.execute(f"TRUNCATE {every_table} RESTART IDENTITY")
    return postgres_server.url(postgres_database)


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL of an empty database: a new SQLite file, or the emptied PostgreSQL session database."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'store.db'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    opened = Store(store_url)
    yield opened
    opened.close()
