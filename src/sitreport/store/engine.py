"""Opening a database from a URL, with errors that say what to check."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    String,
    create_engine,
    event,
    exists,
    insert,
    inspect,
    select,
)
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, IntegrityError, NoSuchModuleError, SQLAlchemyError

from sitreport.errors import StoreError
from sitreport.store.schema import articles, link_lock, metadata

URL_EXAMPLES = "sqlite:///path/to/sitreport.db or postgresql://user@host:5432/dbname"

# The byte-order collation of each supported engine (see query.order_by).
_BINARY_COLLATIONS: dict[str, str] = {"sqlite": "BINARY", "postgresql": "C"}

_WHAT_TO_CHECK: dict[str, str] = {
    "sqlite": "check that the folder exists and is writable, and that the file is a SQLite database",
    "postgresql": (
        "check that the server is running and reachable at that host and port, "
        "that the database exists, and that the user and password are right"
    ),
}


def _parse(url: str) -> URL:
    try:
        parsed = make_url(url)
    except ArgumentError as error:
        raise StoreError(f"{url!r} is not a database URL; use {URL_EXAMPLES}") from error
    if parsed.get_backend_name() not in _BINARY_COLLATIONS:
        raise StoreError(f"unsupported database {parsed.drivername!r}; use {URL_EXAMPLES}")
    return parsed


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Foreign keys are off by default in SQLite; WAL lets readers (the web UI) run
    # while an ingest writes.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    _use_wal(cursor)
    cursor.close()


# Switching a new file to WAL needs it to itself and does not wait for a busy one: two
# processes opening a new store at once saw "database is locked". WAL is kept in the file,
# so whoever switches first does it for both; the other only has to look again.
WAL_ATTEMPTS = 50
WAL_RETRY_SECONDS = 0.1


def _use_wal(cursor: Any) -> None:
    for _ in range(WAL_ATTEMPTS):
        if cursor.execute("PRAGMA journal_mode").fetchone()[0] == "wal":
            return
        try:
            cursor.execute("PRAGMA journal_mode=WAL")
            return
        except sqlite3.OperationalError:
            time.sleep(WAL_RETRY_SECONDS)
    cursor.execute("PRAGMA journal_mode=WAL")  # the last try's error says what is wrong


# How long a SQLite writer waits for another's write lock before giving up. Linking holds
# that lock while it rewrites incidents, which takes minutes on a large store; a concurrent
# ingest must wait for it rather than fail with "database is locked" (pysqlite's default is 5 s).
SQLITE_BUSY_SECONDS = 600.0


def describe(engine: Engine) -> str:
    """The engine's URL without its password, for messages."""
    return engine.url.render_as_string(hide_password=True)


def _check_sqlite_file(parsed: URL) -> None:
    """Refuse a SQLite path with no file: connecting would create an empty database there."""
    database = parsed.database or ""
    # file: URIs are left to SQLite, which reads its own options (mode=ro) from them.
    in_memory = database in {"", ":memory:"} or database.startswith("file:")
    if not in_memory and not Path(database).exists():
        raise StoreError(
            f"no store at {parsed.render_as_string(hide_password=True)}: {database} does not exist; "
            "check --db, or create it with `sitreport ingest`"
        )


def _check_has_store(engine: Engine) -> None:
    if not inspect(engine).has_table(articles.name):
        raise StoreError(
            f"{describe(engine)} holds no sitreport store (no articles table); "
            "check --db, or create it with `sitreport ingest`"
        )


def open_engine(url: str, create: bool = True) -> tuple[Engine, frozenset[str]]:
    """An engine on the URL with the schema created, and the tables this call created;
    StoreError saying what to check if not.

    With ``create`` False the store must already exist (read commands): a mistyped path
    would otherwise become a new empty database that answers every question with nothing.
    """
    parsed = _parse(url)
    if not create and parsed.get_backend_name() == "sqlite":
        _check_sqlite_file(parsed)
    backend = parsed.get_backend_name()
    connect_args = {"timeout": SQLITE_BUSY_SECONDS} if backend == "sqlite" else {}
    try:
        engine = create_engine(parsed, connect_args=connect_args)
    except (NoSuchModuleError, ImportError) as error:
        raise StoreError(
            f"no database driver for {parsed.drivername!r} ({error}); use {URL_EXAMPLES}"
        ) from error
    if backend == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        if not create:
            _check_has_store(engine)
        created = _create_schema(engine)
        _add_link_lock_row(engine)
    except StoreError:
        engine.dispose()
        raise
    except SQLAlchemyError as error:
        engine.dispose()
        hint = _WHAT_TO_CHECK[backend]
        raise StoreError(f"cannot open the store at {describe(engine)}: {_reason(error)}; {hint}") from error
    return engine, created


# create_all checks which tables exist, then creates the rest: two processes opening a new
# store at once (two ingests) can both find a table missing and one fails creating it
# ("table articles already exists"). Checking again is the cure. On a loaded machine an
# immediate retry can meet the other process still creating, so attempts back off: the other
# process needs well under the seconds they add up to (about 10) to create every table.
SCHEMA_ATTEMPTS = 20
SCHEMA_BACKOFF_SECONDS = 0.05


def _create_schema(engine: Engine) -> frozenset[str]:
    """Create the missing tables (also those a newer version added to an older store); returns
    the names of those that were missing."""
    for attempt in range(SCHEMA_ATTEMPTS - 1):
        try:
            return _create_missing(engine)
        except SQLAlchemyError:
            time.sleep(SCHEMA_BACKOFF_SECONDS * (attempt + 1))
    return _create_missing(engine)  # the last try's error says what is wrong


def _create_missing(engine: Engine) -> frozenset[str]:
    missing = frozenset(metadata.tables) - frozenset(inspect(engine).get_table_names())
    metadata.create_all(engine)
    return missing


def _add_link_lock_row(engine: Engine) -> None:
    """The one row linkers lock (schema.link_lock); two stores opening at once may race to add it."""
    try:
        with engine.begin() as connection:
            if not connection.execute(select(exists().where(link_lock.c.lock_id == 1))).scalar():
                connection.execute(insert(link_lock).values(lock_id=1, generation=0))
    except IntegrityError:
        pass  # another process added it between our check and insert: the row is there


def _reason(error: SQLAlchemyError) -> str:
    """The driver's own message, first line only (SQLAlchemy appends SQL and a help link)."""
    original = getattr(error, "orig", None) or error
    return str(original).strip().splitlines()[0]


@contextmanager
def transaction(engine: Engine, action: str) -> Iterator[Connection]:
    """A connection in one transaction; database failures become StoreError naming the action."""
    try:
        with engine.begin() as connection:
            yield connection
    except SQLAlchemyError as error:
        raise StoreError(f"could not {action} in {describe(engine)}: {_reason(error)}") from error


Binary = Callable[[ColumnElement], ColumnElement]


def binary_collation(engine: Engine) -> Binary:
    """A function that makes a text expression compare byte by byte on this engine."""
    collation = _BINARY_COLLATIONS[engine.dialect.name]

    def binary(expression: ColumnElement) -> ColumnElement:
        return expression.collate(collation) if isinstance(expression.type, String) else expression

    return binary
