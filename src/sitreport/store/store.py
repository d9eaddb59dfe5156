"""The Store: articles, events, incidents and analyst decisions in one database."""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, nullcontext
from datetime import UTC, datetime
from types import TracebackType
from typing import Any, TypeVar

from sqlalchemy import (
    Column,
    ColumnElement,
    Connection,
    Row,
    Select,
    Table,
    delete,
    distinct,
    exists,
    func,
    insert,
    select,
    update,
)

from sitreport.errors import StoreError
from sitreport.records import Article, Event, Incident
from sitreport.store import linkkeys, points, revisions, rows
from sitreport.store import schema as tables
from sitreport.store.engine import binary_collation, open_engine, transaction
from sitreport.store.query import EventQuery, conditions, incident_conditions, largest_fatalities, order_by

# Ids per IN (...) list: well under SQLite's and PostgreSQL's bound-parameter limits.
_CHUNK = 500
DECISION_ACTIONS: tuple[str, ...] = ("merge", "split")

_PERIOD_COLUMNS = {
    "day": tables.events.c.date_start,
    "week": tables.events.c.date_week,
    "month": tables.events.c.date_month,
    "year": func.substr(tables.events.c.date_start, 1, 4),
}

Item = TypeVar("Item")


def _chunks(items: Sequence[Item]) -> Iterator[Sequence[Item]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _page(statement: Select[Any], limit: int, offset: int) -> Select[Any]:
    if limit < 0 or offset < 0:
        raise ValueError(f"limit and offset must not be negative (got limit={limit}, offset={offset})")
    return statement.limit(limit).offset(offset)


def _insert_rows(connection: Connection, table: Table, table_rows: list[rows.RowDict]) -> None:
    if table_rows:  # an executemany with no rows is an error, not a no-op
        connection.execute(insert(table), table_rows)


def _grouped(
    connection: Connection, key: Column[str], ids: Sequence[str], *order: Column[Any]
) -> dict[str, list[Row[Any]]]:
    """The rows of key's table whose ``key`` is in ids, grouped by it, each group in ``order``."""
    grouped: dict[str, list[Row[Any]]] = defaultdict(list)
    for chunk in _chunks(ids):
        statement = select(key.table).where(key.in_(chunk)).order_by(*order)
        for row in connection.execute(statement).all():
            grouped[getattr(row, key.name)].append(row)
    return grouped


def _load_events(connection: Connection, event_rows: Sequence[Row[Any]]) -> list[Event]:
    ids = [row.event_id for row in event_rows]
    children = {
        table: _grouped(connection, table.c.event_id, ids, *table.primary_key.columns)
        for table in tables.EVENT_CHILD_TABLES
    }
    return [
        rows.event_from_rows(row, {table: grouped[row.event_id] for table, grouped in children.items()})
        for row in event_rows
    ]


def _load_incidents(connection: Connection, incident_rows: Sequence[Row[Any]]) -> list[Incident]:
    ids = [row.incident_id for row in incident_rows]
    membership = tables.incident_events.c
    members = _grouped(connection, membership.incident_id, ids, membership.incident_id, membership.position)
    return [
        rows.incident_from_row(row, [member.event_id for member in members[row.incident_id]])
        for row in incident_rows
    ]


def _write_incidents(connection: Connection, incident_list: list[Incident]) -> None:
    _insert_rows(connection, tables.incidents, [rows.incident_row(incident) for incident in incident_list])
    memberships = [member for incident in incident_list for member in rows.membership_rows(incident)]
    _insert_rows(connection, tables.incident_events, memberships)


def _insert_articles(
    connection: Connection, batch: Sequence[tuple[Article, list[Event]]], now: datetime
) -> None:
    """Insert new articles with their events, link keys and pending marks: one executemany per
    table for the whole batch, parents first."""
    _insert_rows(connection, tables.articles, [rows.article_row(article, now) for article, _ in batch])
    events = [event for _, article_events in batch for event in article_events]
    for table, table_rows in rows.event_table_rows(events).items():
        _insert_rows(connection, table, table_rows)
    keys = [
        row
        for article, article_events in batch
        for row in linkkeys.link_key_rows(article.article_id, article.published, article_events)
    ]
    _insert_rows(connection, tables.link_keys, keys)
    _insert_rows(connection, tables.pending_events, [{"event_id": event.event_id} for event in events])


def _saved_alone(batch: Sequence[tuple[Article, list[Event]]], earlier: dict[str, list[str]]) -> set[int]:
    """Positions of the batch's articles that replace an earlier version, stored or earlier in
    the batch: each is saved on its own, after the batch, in batch order."""
    seen: set[str] = set()
    alone = set()
    for n, (article, _) in enumerate(batch):
        if article.article_id in earlier or article.source in seen:
            alone.add(n)
        seen.add(article.source)
    return alone


def _mark_unlinked_pending() -> Any:
    """An INSERT of every event in no incident into pending_events (for a store where that
    table is new, and after every incident was replaced)."""
    event_id = tables.events.c.event_id
    unlinked = select(event_id).where(
        ~exists().where(tables.incident_events.c.event_id == event_id),
        ~exists().where(tables.pending_events.c.event_id == event_id),  # another opener's
    )
    return insert(tables.pending_events).from_select(["event_id"], unlinked)


def _check_events_belong(article: Article, event_list: Iterable[Event]) -> None:
    strays = [event.event_id for event in event_list if event.article_id != article.article_id]
    if strays:
        raise ValueError(f"events {strays} do not belong to article {article.article_id}")


class Store:
    """A database of articles and what was read from them (SQLite or PostgreSQL by URL)."""

    def __init__(self, url: str, create: bool = True) -> None:
        """Open the store at ``url``, creating it unless ``create`` is False (then it must exist)."""
        self._engine, created = open_engine(url, create)
        self._binary = binary_collation(self._engine)
        # The connection of an exclusive() block, per thread: the web server shares one Store
        # between threads, and only the thread that took the lock may use its transaction.
        self._held = threading.local()
        if created & {tables.link_keys.name, tables.pending_events.name}:
            self._fill_link_tables(created)

    def _fill_link_tables(self, created: frozenset[str]) -> None:
        """Fill link_keys and pending_events for the events of a store made before they existed,
        once, when opening creates them; articles are read a chunk at a time."""
        if tables.events.name in created:
            return  # a new store: nothing stored yet
        with self.exclusive("index events for linking"), self._transaction("index events") as connection:
            if tables.pending_events.name in created:
                connection.execute(_mark_unlinked_pending())
            # Two processes opening the old store at once may both have created the table.
            filled = connection.execute(select(exists().select_from(tables.link_keys))).scalar()
            if tables.link_keys.name in created and not filled:
                self._write_link_keys(connection)

    def reindex_link_keys(self) -> None:
        """Write every event's link key afresh (under the caller's exclusive lock): what a key
        holds can change with the code (a report with no day got one), and a full relink
        (``ledger.relink_all``) then starts from keys of the running version."""
        with self._transaction("reindex events") as connection:
            connection.execute(delete(tables.link_keys))
            self._write_link_keys(connection)

    def _write_link_keys(self, connection: Connection) -> None:
        """The link keys of every stored event, an article chunk at a time."""
        for chunk in self._article_chunks(connection):
            by_article: dict[str, list[Event]] = defaultdict(list)
            for event in self.events_of_articles(article_id for article_id, _ in chunk):
                by_article[event.article_id].append(event)
            keys = [
                row
                for article_id, published in chunk
                for row in linkkeys.link_key_rows(article_id, published, by_article[article_id])
            ]
            _insert_rows(connection, tables.link_keys, keys)

    def _article_chunks(self, connection: Connection) -> Iterator[list[tuple[str, str | None]]]:
        """(article id, publication date) of every article, a chunk at a time (keyset paging)."""
        articles = tables.articles.c
        ordered = self._binary(articles.article_id)
        after: str | None = None
        while True:
            statement = select(articles.article_id, articles.published).order_by(ordered).limit(_CHUNK)
            if after is not None:
                statement = statement.where(ordered > after)
            chunk = [(article_id, published) for article_id, published in connection.execute(statement)]
            if chunk:
                yield chunk
            if len(chunk) < _CHUNK:
                return
            after = chunk[-1][0]

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, error: BaseException | None, trace: TracebackType | None
    ) -> None:
        self.close()

    @contextmanager
    def _transaction(self, action: str) -> Iterator[Connection]:
        """A transaction of its own, or the exclusive() one when this thread holds it."""
        held: Connection | None = getattr(self._held, "connection", None)
        if held is not None:
            yield held
            return
        with transaction(self._engine, action) as connection:
            yield connection

    @contextmanager
    def exclusive(self, action: str) -> Iterator[None]:
        """Run the block's store calls in one transaction no other linker runs beside.

        Its first statement updates the lock row, which waits for any other holder to
        commit: a row lock on PostgreSQL, the database write lock on SQLite. Reads inside
        then see every incident the previous holder wrote, so read-link-write is never
        interleaved with another process's. Nested use joins the outer block.
        """
        if getattr(self._held, "connection", None) is not None:
            yield
            return
        with transaction(self._engine, action) as connection:
            lock = tables.link_lock.c
            connection.execute(update(tables.link_lock).values(generation=lock.generation + 1))
            self._held.connection = connection
            try:
                yield
            finally:
                self._held.connection = None

    def _run(self, action: str, statement: Select[Any]) -> list[Row[Any]]:
        """Execute one read in its own transaction and return the result, fully fetched."""
        with self._transaction(action) as connection:
            return connection.execute(statement).all()

    def _count(self, action: str, statement: Select[Any]) -> int:
        return self._run(action, statement)[0][0]

    # -- articles --------------------------------------------------------------------------

    def save_article(self, article: Article, events: list[Event], revise: bool = False) -> bool:
        """Store the article and its events in one transaction; False if it was already stored.

        With ``revise``, for callers whose ``article.source`` names one document (a path, a
        corpus row, a URL), an article from a source already stored with other text is a new
        version: it replaces the earlier one and its events (store/revisions.py), under the
        linking lock, because it deletes incidents a concurrent linker could be rewriting.
        """
        _check_events_belong(article, events)
        earlier = self._earlier_versions([article]).get(article.article_id, []) if revise else []
        replacing = f"replace the earlier version of {article.source}"
        guard = self.exclusive(replacing) if earlier else nullcontext()
        try:
            with guard, self._transaction(f"store article {article.article_id}") as connection:
                if self._article_exists(connection, article.article_id):
                    return False
                now = datetime.now(UTC)
                if earlier:
                    self._replace(connection, earlier, article, events, now)
                _insert_articles(connection, [(article, events)], now)
        except StoreError:
            # Another writer may have stored the same article between our check and insert.
            if self.has_article(article.article_id):
                return False
            raise
        return True

    def save_articles(
        self, batch: Sequence[tuple[Article, list[Event]]], revise: bool = False
    ) -> list[bool | StoreError]:
        """Store a batch of articles with their events; per article, True when stored, False when
        it was already, or the StoreError that refused it.

        New articles go in one transaction with one multi-row insert per table; a new version
        of a stored source (see ``save_article``) is saved on its own. When the batch
        transaction fails it left nothing behind, and each article is saved alone, so one bad
        article costs only itself.
        """
        for article, events in batch:
            _check_events_belong(article, events)
        earlier = self._earlier_versions([article for article, _ in batch]) if revise else {}
        alone = _saved_alone(batch, earlier) if revise else set()
        plain = [(article, events) for n, (article, events) in enumerate(batch) if n not in alone]
        try:
            with self._transaction(f"store {len(plain)} articles") as connection:
                stored = self._stored_ids(connection, [article.article_id for article, _ in plain])
                fresh = list({a.article_id: (a, e) for a, e in plain if a.article_id not in stored}.values())
                _insert_articles(connection, fresh, datetime.now(UTC))
        except StoreError:
            return [self._save_alone(article, events, revise) for article, events in batch]
        saved = {article.article_id for article, _ in fresh}
        results: list[bool | StoreError] = []
        for n, (article, events) in enumerate(batch):
            if n in alone:
                results.append(self._save_alone(article, events, revise))
            else:
                results.append(article.article_id in saved)
                saved.discard(article.article_id)  # the same article twice: the second is a repeat
        return results

    def _save_alone(self, article: Article, events: list[Event], revise: bool) -> bool | StoreError:
        try:
            return self.save_article(article, events, revise)
        except StoreError as error:
            return error

    @staticmethod
    def _stored_ids(connection: Connection, article_ids: Sequence[str]) -> set[str]:
        ids = tables.articles.c.article_id
        return {
            article_id
            for chunk in _chunks(article_ids)
            for (article_id,) in connection.execute(select(ids).where(ids.in_(chunk)))
        }

    def _earlier_versions(self, batch: Sequence[Article]) -> dict[str, list[str]]:
        """Per article of the batch, the ids of articles stored from its source with other text."""
        articles = tables.articles.c
        by_source: dict[str, list[str]] = defaultdict(list)
        with self._transaction("look up earlier versions") as connection:
            for chunk in _chunks(sorted({article.source for article in batch})):
                statement = select(articles.source, articles.article_id).where(articles.source.in_(chunk))
                for source, article_id in connection.execute(statement):
                    by_source[source].append(article_id)
        found = {
            article.article_id: [other for other in by_source[article.source] if other != article.article_id]
            for article in batch
        }
        return {article_id: ids for article_id, ids in found.items() if ids}

    @staticmethod
    def _replace(
        connection: Connection, earlier: list[str], article: Article, events: list[Event], now: datetime
    ) -> None:
        """Retire the earlier versions: keep their text, carry decisions over to surviving events,
        drop their incidents and delete them with their events."""
        of_earlier = select(tables.events).where(tables.events.c.article_id.in_(earlier))
        old_events = _load_events(connection, connection.execute(of_earlier).all())
        revisions.keep_revisions(connection, earlier, article.article_id, now)
        revisions.carry_decisions(connection, revisions.surviving(old_events, events))
        revisions.drop_incidents_of(connection, [event.event_id for event in old_events])
        connection.execute(delete(tables.articles).where(tables.articles.c.article_id.in_(earlier)))

    def revisions(self, source: str) -> list[dict[str, Any]]:
        """The earlier versions kept for a source, oldest first."""
        kept = tables.article_revisions.c
        statement = (
            select(kept.article_id, kept.title, kept.text, kept.replaced_by, kept.replaced_at)
            .where(kept.source == source)
            .order_by(kept.revision_id)
        )
        return [dict(row._mapping) for row in self._run("read revisions", statement)]

    @staticmethod
    def _article_exists(connection: Connection, article_id: str) -> bool:
        return bool(
            connection.execute(select(exists().where(tables.articles.c.article_id == article_id))).scalar()
        )

    def has_article(self, article_id: str) -> bool:
        return bool(
            self._count(
                "look up an article", select(exists().where(tables.articles.c.article_id == article_id))
            )
        )

    def get_article(self, article_id: str) -> Article | None:
        found = self._run(
            "read an article", select(tables.articles).where(tables.articles.c.article_id == article_id)
        )
        return rows.record_from_row(Article, found[0]) if found else None

    def list_articles(self, limit: int = 100, offset: int = 0) -> list[Article]:
        """Articles in the order they were ingested."""
        statement = select(tables.articles).order_by(
            tables.articles.c.ingested_at, self._binary(tables.articles.c.article_id)
        )
        return [
            rows.record_from_row(Article, row)
            for row in self._run("list articles", _page(statement, limit, offset))
        ]

    def publication_dates(self, article_ids: Iterable[str] | None = None) -> dict[str, str]:
        """Article id → publication date, for articles that state one (linking dates events by
        it): of every article, or only of ``article_ids``."""
        columns = tables.articles.c
        statement = select(columns.article_id, columns.published).where(columns.published.is_not(None))
        if article_ids is None:
            return dict(self._run("read publication dates", statement))
        with self._transaction("read publication dates") as connection:
            return {
                article_id: published
                for chunk in _chunks(sorted(set(article_ids)))
                for article_id, published in connection.execute(
                    statement.where(columns.article_id.in_(chunk))
                )
            }

    def count_articles(self) -> int:
        return self._count("count articles", select(func.count()).select_from(tables.articles))

    def article_revision(self) -> tuple[int, datetime | None]:
        """How many articles are stored and when the latest came: changes whenever one is added.

        Articles are added, or replaced by a newer version stored with a later time, so this
        is enough to tell whether something computed over every article (framing) is current.
        """
        articles = tables.articles.c
        statement = select(func.count(), func.max(articles.ingested_at))
        count, latest = self._run("read the article revision", statement)[0]
        return count, latest

    # -- events ----------------------------------------------------------------------------

    def _read_events(self, action: str, statement: Select[Any]) -> list[Event]:
        with self._transaction(action) as connection:
            return _load_events(connection, connection.execute(statement).all())

    def get_event(self, event_id: str) -> Event | None:
        found = self._read_events(
            "read an event", select(tables.events).where(tables.events.c.event_id == event_id)
        )
        return found[0] if found else None

    def query_events(self, query: EventQuery) -> list[Event]:
        """The events matching every filter set in the query, sorted and paged."""
        statement = (
            select(tables.events).where(*conditions(query)).order_by(*order_by(query.sort, self._binary))
        )
        return self._read_events("query events", _page(statement, query.limit, query.offset))

    def count_events(self, query: EventQuery) -> int:
        """How many events match the query's filters (its sort and page are ignored)."""
        statement = select(func.count()).select_from(tables.events).where(*conditions(query))
        return self._count("count events", statement)

    def event_type_counts(self, query: EventQuery) -> dict[str, int]:
        statement = (
            select(tables.events.c.event_type, func.count())
            .where(*conditions(query))
            .group_by(tables.events.c.event_type)
            .order_by(self._binary(tables.events.c.event_type))
        )
        return {event_type: count for event_type, count in self._run("count event types", statement)}

    def date_counts(self, query: EventQuery, by: str = "day") -> list[dict[str, Any]]:
        """Matching events per period and type, oldest first; undated events are left out.

        An event falls in the period of the first day its date stands for: ``2018-08`` is
        counted on 2018-08-01 by day. Periods read ``2018-08-01`` (day), the Monday of the
        ISO week (week), ``2018-08`` (month) and ``2018`` (year).
        """
        period = self._period_column(by)
        statement = (
            select(period, tables.events.c.event_type, func.count())
            .where(period.is_not(None), *conditions(query))
            .group_by(period, tables.events.c.event_type)
            .order_by(period, self._binary(tables.events.c.event_type))
        )
        found = self._run("count events by date", statement)
        return [
            {"period": when, "event_type": event_type, "count": count} for when, event_type, count in found
        ]

    def date_span(self, query: EventQuery) -> tuple[str, str] | None:
        """The first and last day (ISO) of the matching dated events, None when none is dated."""
        day = tables.events.c.date_start
        statement = select(func.min(day), func.max(day)).where(day.is_not(None), *conditions(query))
        first, last = self._run("read the date span", statement)[0]
        return None if first is None else (first, last)

    def date_fatalities(self, query: EventQuery, by: str = "day") -> list[dict[str, Any]]:
        """Per period (as date_counts), the matching events' fatalities: each event's largest
        killed figure, summed over the period's events; periods without any are left out."""
        period = self._period_column(by)
        fatalities = largest_fatalities().subquery()
        statement = (
            select(period, func.sum(fatalities.c.fatalities))
            .join_from(tables.events, fatalities, fatalities.c.event_id == tables.events.c.event_id)
            .where(period.is_not(None), *conditions(query))
            .group_by(period)
            .order_by(period)
        )
        found = self._run("sum fatalities by date", statement)
        return [{"period": when, "fatalities": int(total)} for when, total in found]

    @staticmethod
    def _period_column(by: str) -> ColumnElement[Any]:
        if by not in _PERIOD_COLUMNS:
            raise ValueError(f"unknown period {by!r}; use one of {', '.join(_PERIOD_COLUMNS)}")
        return _PERIOD_COLUMNS[by]

    def map_points(self, query: EventQuery) -> list[dict[str, Any]]:
        """A marker for each matching event with coordinates, ordered by event id (sort and page ignored).

        Each gives ``event_id``, ``event_type``, ``date``, the ``place`` name, ``admin1``,
        ``precision``, ``lat`` and ``lon`` of the location (else destination, else origin) and
        ``people``, the largest figure in PEOPLE_CATEGORIES, and ``fatalities``, the largest
        killed figure (each 0 when none).
        """
        matching = conditions(query)
        with self._transaction("read map points") as connection:
            place_rows = connection.execute(points.marker_places(matching, self._binary)).all()
            figure_rows = connection.execute(points.largest_figures(matching)).all()
        return points.markers(place_rows, figure_rows)

    def iter_events(self) -> Iterator[Event]:
        """Every event, ordered by event id, read a chunk at a time (keyset paging)."""
        after: str | None = None
        while True:
            statement = select(tables.events).order_by(self._binary(tables.events.c.event_id)).limit(_CHUNK)
            if after is not None:
                statement = statement.where(self._binary(tables.events.c.event_id) > after)
            chunk = self._read_events("read events", statement)
            yield from chunk
            if len(chunk) < _CHUNK:
                return
            after = chunk[-1].event_id

    def sources_summary(self) -> list[dict[str, Any]]:
        """Per source: how many events cite it, from how many articles and distinct outlets."""
        source = tables.event_sources.c.source
        outlet = func.coalesce(tables.events.c.outlet, tables.articles.c.outlet)
        event_count = func.count(distinct(tables.events.c.event_id))
        statement = (
            select(
                source,
                event_count,
                func.count(distinct(tables.events.c.article_id)),
                func.count(distinct(outlet)),
            )
            .select_from(tables.event_sources.join(tables.events).join(tables.articles))
            .group_by(source)
            .order_by(event_count.desc(), self._binary(source))
        )
        return [
            {"source": name, "events": count, "articles": article_count, "outlets": outlet_count}
            for name, count, article_count, outlet_count in self._run("summarise sources", statement)
        ]

    def places_summary(self) -> list[dict[str, Any]]:
        """Each distinct place (any role) with how many events name it, most named first."""
        place = (tables.event_places.c.name, tables.event_places.c.admin1, tables.event_places.c.country)
        coordinates = (tables.event_places.c.lat, tables.event_places.c.lon)
        event_count = func.count(distinct(tables.event_places.c.event_id))
        statement = (
            select(*place, *coordinates, event_count)
            .group_by(*place, *coordinates)
            .order_by(event_count.desc(), *(self._binary(column).asc().nulls_last() for column in place))
        )
        keys = ("name", "admin1", "country", "lat", "lon", "events")
        return [dict(zip(keys, row, strict=True)) for row in self._run("summarise places", statement)]

    # -- incidents -------------------------------------------------------------------------

    def replace_incidents(self, incidents: list[Incident]) -> None:
        """Replace every stored incident with these, in one transaction."""
        with self._transaction("replace incidents") as connection:
            connection.execute(delete(tables.incident_events))
            connection.execute(delete(tables.incidents))
            _write_incidents(connection, incidents)
            connection.execute(delete(tables.pending_events))
            connection.execute(_mark_unlinked_pending())

    def upsert_incidents(self, incidents: list[Incident], removed: Iterable[str] = ()) -> None:
        """Write these incidents over any of the same id and drop the removed ones, in one transaction."""
        gone = [incident.incident_id for incident in incidents] + list(removed)
        with self._transaction("update incidents") as connection:
            for chunk in _chunks(gone):
                connection.execute(
                    delete(tables.incident_events).where(tables.incident_events.c.incident_id.in_(chunk))
                )
                connection.execute(delete(tables.incidents).where(tables.incidents.c.incident_id.in_(chunk)))
            _write_incidents(connection, incidents)
            linked = [event_id for incident in incidents for event_id in incident.events]
            pending = tables.pending_events.c.event_id
            for chunk in _chunks(linked):
                connection.execute(delete(tables.pending_events).where(pending.in_(chunk)))

    def _read_incidents(self, action: str, statement: Select[Any]) -> list[Incident]:
        with self._transaction(action) as connection:
            return _load_incidents(connection, connection.execute(statement).all())

    @staticmethod
    def _of_type(event_type: str | None, matching: EventQuery | None) -> list[Any]:
        of_type = [] if event_type is None else [tables.incidents.c.event_type == event_type]
        return of_type + (incident_conditions(matching) if matching else [])

    def list_incidents(
        self,
        event_type: str | None = None,
        limit: int = 100,
        offset: int = 0,
        matching: EventQuery | None = None,
    ) -> list[Incident]:
        """Incidents oldest first (undated last), ties by id; with ``matching``, only those
        with a member event it matches (its sort and page are ignored)."""
        statement = (
            select(tables.incidents)
            .where(*self._of_type(event_type, matching))
            .order_by(
                self._binary(tables.incidents.c.date).asc().nulls_last(),
                self._binary(tables.incidents.c.incident_id),
            )
        )
        return self._read_incidents("list incidents", _page(statement, limit, offset))

    def count_incidents(self, event_type: str | None = None, matching: EventQuery | None = None) -> int:
        of_type = self._of_type(event_type, matching)
        statement = select(func.count()).select_from(tables.incidents).where(*of_type)
        return self._count("count incidents", statement)

    def get_incident(self, incident_id: str) -> Incident | None:
        statement = select(tables.incidents).where(tables.incidents.c.incident_id == incident_id)
        found = self._read_incidents("read an incident", statement)
        return found[0] if found else None

    def incident_of_event(self, event_id: str) -> str | None:
        statement = select(tables.incident_events.c.incident_id).where(
            tables.incident_events.c.event_id == event_id
        )
        found = self._run("look up an event's incident", statement)
        return found[0][0] if found else None

    def unlinked_event_ids(self) -> list[str]:
        """Events in no incident, by id: stored but not linked yet (a run killed or crashed
        before linking, or ``ingest --no-link``); the next linking takes them up."""
        statement = (
            select(tables.events.c.event_id)
            .where(~exists().where(tables.incident_events.c.event_id == tables.events.c.event_id))
            .order_by(self._binary(tables.events.c.event_id))
        )
        return [event_id for (event_id,) in self._run("find unlinked events", statement)]

    def pending_event_ids(self, limit: int | None = None) -> list[str]:
        """Events stored but in no incident yet (the first ``limit``), read from their index
        (pending_events) rather than by scanning every event: what linking takes up.

        Oldest first by last possible day (events with no link keys first), then by id: a
        round of linking then covers a few days, not the whole history, so the incidents
        around it can settle (sitreport.neighbourhood)."""
        pending = tables.pending_events.c.event_id
        keys = tables.link_keys.c
        statement = (
            select(pending)
            .join_from(tables.pending_events, tables.link_keys, keys.event_id == pending, isouter=True)
            .order_by(keys.last_day.asc().nulls_first(), self._binary(pending))
            .limit(limit)
        )
        return [event_id for (event_id,) in self._run("read pending events", statement)]

    def count_pending(self) -> int:
        return self._count("count pending events", select(func.count()).select_from(tables.pending_events))

    def events_near(self, blocks: Iterable[linkkeys.Block]) -> set[str]:
        """Ids of the events in the link-key index ranges (store/linkkeys.py): an area's events,
        its vague ones or a town's, whose last possible day (an ordinal) is in a range.
        Overlapping ranges are read as one: the cost follows what is found, not the store."""
        keys = tables.link_keys.c
        in_block = {
            # Both values of ``precise`` named, so that the day range is read from the index
            # (area, precise, last_day) rather than every key of the area filtered.
            "area": lambda value: (keys.area == value) & keys.precise.in_([False, True]),
            "vague": lambda value: (keys.area == value) & keys.precise.is_(False),
            "spot": lambda value: keys.spot == value,
        }
        ranges: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        for index, value, first, last in blocks:
            ranges[(index, value)].append((first, last))
        found: set[str] = set()
        with self._transaction("read events near") as connection:
            for (index, value), days in ranges.items():
                for first, last in linkkeys.merged(days):
                    statement = select(keys.event_id).where(
                        in_block[index](value), keys.last_day.between(first, last)
                    )
                    found.update(event_id for (event_id,) in connection.execute(statement))
        return found

    def events_of_articles(self, article_ids: Iterable[str]) -> list[Event]:
        """Every event of these articles."""
        of_article = tables.events.c.article_id
        with self._transaction("read events of articles") as connection:
            return [
                event
                for chunk in _chunks(sorted(set(article_ids)))
                for event in _load_events(
                    connection, connection.execute(select(tables.events).where(of_article.in_(chunk))).all()
                )
            ]

    def articles_of_events(self, event_ids: Iterable[str]) -> set[str]:
        events = tables.events.c
        statement = select(events.article_id).distinct()
        with self._transaction("read articles of events") as connection:
            return {
                article_id
                for chunk in _chunks(sorted(set(event_ids)))
                for (article_id,) in connection.execute(statement.where(events.event_id.in_(chunk)))
            }

    def incidents_of_events(self, event_ids: Iterable[str]) -> list[Incident]:
        """The stored incidents holding any of these events, each with all its members."""
        members = tables.incident_events.c
        with self._transaction("read incidents of events") as connection:
            incident_ids = {
                incident_id
                for chunk in _chunks(sorted(set(event_ids)))
                for (incident_id,) in connection.execute(
                    select(members.incident_id).where(members.event_id.in_(chunk))
                )
            }
            statements = (
                select(tables.incidents).where(tables.incidents.c.incident_id.in_(chunk))
                for chunk in _chunks(sorted(incident_ids))
            )
            return [
                incident
                for statement in statements
                for incident in _load_incidents(connection, connection.execute(statement).all())
            ]

    def integrity_faults(self) -> dict[str, list[str]]:
        """Ids breaking each integrity rule of the ledger, by rule (empty lists when sound)."""
        incident_events, incidents = tables.incident_events.c, tables.incidents.c
        events, articles = tables.events.c, tables.articles.c
        empty_incidents = select(incidents.incident_id).where(
            ~exists().where(incident_events.incident_id == incidents.incident_id)
        )
        orphan_events = select(events.event_id).where(
            ~exists().where(articles.article_id == events.article_id)
        )
        dangling_members = select(incident_events.event_id).where(
            ~exists().where(events.event_id == incident_events.event_id)
            | ~exists().where(incidents.incident_id == incident_events.incident_id)
        )
        ids = {
            "incidents with no events": empty_incidents,
            "events whose article is missing": orphan_events,
            "incident members that do not exist": dangling_members,
        }
        found = {
            rule: sorted(row[0] for row in self._run("check the store", query)) for rule, query in ids.items()
        }
        return {"events in no incident": self.unlinked_event_ids(), **found}

    # -- analyst decisions -----------------------------------------------------------------

    def record_decision(self, action: str, first: str, second: str) -> None:
        """Remember that an analyst merged or split two events (or incidents)."""
        if action not in DECISION_ACTIONS:
            raise ValueError(f"unknown decision {action!r}; use one of {', '.join(DECISION_ACTIONS)}")
        row = {"action": action, "first": first, "second": second, "created_at": datetime.now(UTC)}
        with self._transaction("record a decision") as connection:
            connection.execute(insert(tables.decisions), row)

    def decisions(self) -> list[tuple[str, str, str]]:
        """Every decision as (action, first, second), oldest first."""
        statement = select(
            tables.decisions.c.action, tables.decisions.c.first, tables.decisions.c.second
        ).order_by(tables.decisions.c.decision_id)
        return [(action, first, second) for action, first, second in self._run("read decisions", statement)]
