"""The tables, in SQLAlchemy Core, shared by SQLite and PostgreSQL.

Dates are kept as ISO strings (they sort and compare the same on both engines), and every
column searched case-insensitively has a ``*_folded`` twin filled in Python, because
SQLite's ``lower()`` only folds ASCII and the two engines' ``LIKE`` differ on case.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Double,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()

articles = Table(
    "articles",
    metadata,
    Column("article_id", String, primary_key=True),
    Column("source", Text, nullable=False),
    Column("file", Text, nullable=False),
    Column("outlet", Text),
    Column("url", Text),
    Column("title", Text),
    Column("title_folded", Text),
    Column("published", Text),
    Column("agency", Text),
    Column("dateline", Text),
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    # An article that comes again from the same source with changed text replaces the one
    # stored from it (see article_revisions); this finds it.
    Index("ix_articles_source", "source"),
)

# Earlier versions of articles that were replaced by a changed text from the same source.
article_revisions = Table(
    "article_revisions",
    metadata,
    Column("revision_id", Integer, primary_key=True, autoincrement=True),
    Column("article_id", String, nullable=False),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("published", Text),
    Column("raw_text", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("ingested_at", DateTime(timezone=True), nullable=False),
    Column("replaced_by", String, nullable=False),
    Column("replaced_at", DateTime(timezone=True), nullable=False),
    Index("ix_article_revisions_source", "source"),
)

events = Table(
    "events",
    metadata,
    Column("event_id", String, primary_key=True),
    Column("article_id", String, ForeignKey("articles.article_id", ondelete="CASCADE"), nullable=False),
    Column("event_type", String, nullable=False),
    Column("source_file", Text),
    Column("date", String),
    Column("date_precision", String),
    Column("date_text", Text),
    # The period the date stands for ("2018-08" -> 2018-08-01..2018-08-31), for date filters
    # and timelines; null when the date is missing or not ISO.
    Column("date_start", String(10)),
    Column("date_end", String(10)),
    Column("date_week", String(10)),  # the Monday of date_start's ISO week
    Column("date_month", String(7)),
    Column("confidence", Double, nullable=False),
    Column("outlet", Text),
    Column("sub_event_type", String),  # ACLED's (sitreport.extract.typology)
    Column("disorder_type", String),
    Index("ix_events_article_id", "article_id"),
    Index("ix_events_event_type", "event_type"),
    Index("ix_events_date_start", "date_start"),
)


def _event_child(name: str, *columns: Column | Index) -> Table:
    """A table of one kind of item belonging to an event; ``columns`` complete its key."""
    return Table(
        name,
        metadata,
        Column("event_id", String, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
        *columns,
    )


PLACE_ROLES: tuple[str, ...] = ("location", "origin", "destination")

# One row per place role (PLACE_ROLES): places are columns, not JSON,
# so filtering and grouping by name or admin1 is plain SQL on both engines.
event_places = _event_child(
    "event_places",
    Column("role", String, primary_key=True),
    Column("name", Text, nullable=False),
    Column("name_folded", Text, nullable=False),
    Column("admin1", Text),
    Column("admin1_folded", Text),
    Column("country", Text),
    Column("lat", Double),
    Column("lon", Double),
    Column("geonames_id", BigInteger),
    Column("kind", Text),
    Column("precision", Integer),
    Column("mention", Text),
    Column("resolved", Boolean, nullable=False),
    Column("admin2", Text),
    Column("admin3", Text),
    Index("ix_event_places_name_folded", "name_folded"),
    Index("ix_event_places_admin1_folded", "admin1_folded"),
)

actors = _event_child(
    "actors",
    Column("position", Integer, primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", String, nullable=False),
    Column("kind", Text),
    Column("mention", Text),
    Column("inter", Integer),
    Index("ix_actors_name", "name"),
)

quantities = _event_child(
    "quantities",
    Column("position", Integer, primary_key=True),
    Column("category", String, nullable=False),
    Column("value", BigInteger, nullable=False),
    Column("qualifier", String, nullable=False),
    Column("kind", Text),
    Column("source", Text),
    Column("text", Text, nullable=False),
    Column("start", Integer),
    Column("end", Integer),
)

evidence = _event_child(
    "evidence",
    Column("position", Integer, primary_key=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("text_folded", Text, nullable=False),
    Column("part", String, nullable=False, default="text"),
)

event_sources = _event_child(
    "event_sources",
    Column("position", Integer, primary_key=True),
    Column("source", Text, nullable=False),
    Index("ix_event_sources_source", "source"),
)

# Lists that rebuild an Event, in the order they are written and read back.
EVENT_LIST_TABLES: tuple[Table, ...] = (actors, quantities, evidence, event_sources)
EVENT_CHILD_TABLES: tuple[Table, ...] = (event_places, *EVENT_LIST_TABLES)

incidents = Table(
    "incidents",
    metadata,
    Column("incident_id", String, primary_key=True),
    Column("event_type", String, nullable=False),
    Column("date", String),
    # Incidents are read whole and filtered only by type, so their nested parts are JSON.
    Column("location", JSON(none_as_null=True)),
    Column("articles", JSON, nullable=False),
    Column("sources", JSON, nullable=False),
    Column("claims", JSON, nullable=False),
    Column("estimates", JSON, nullable=False),
    Column("disputed", Boolean, nullable=False),
    # Why each member was linked (sitreport.records.IncidentLink), read with the incident.
    Column("links", JSON, nullable=False, default=list),
    Index("ix_incidents_event_type", "event_type"),
)

# An event belongs to at most one incident: the event id is the key.
incident_events = Table(
    "incident_events",
    metadata,
    Column("event_id", String, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column(
        "incident_id",
        String,
        ForeignKey("incidents.incident_id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("position", Integer, nullable=False),
    Index("ix_incident_events_incident_id", "incident_id"),
)

decisions = Table(
    "decisions",
    metadata,
    Column("decision_id", Integer, primary_key=True, autoincrement=True),
    Column("action", String, nullable=False),
    Column("first", String, nullable=False),
    Column("second", String, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

# One row that writers of incidents update first in their transaction: the row lock (PostgreSQL)
# or write lock (SQLite) it takes lets only one linker at a time read and rewrite incidents,
# so two ingests never build incidents from the same events (docs/store.md).
link_lock = Table(
    "link_lock",
    metadata,
    Column("lock_id", Integer, primary_key=True, autoincrement=False),
    Column("generation", BigInteger, nullable=False),
)

# Where each linkable event sits, so incremental linking reads only an event's neighbourhood:
# ``area`` and ``spot`` are the link block keys (sitreport.link.features.place_keys) and
# ``last_day`` the last day (ordinal) the event can have happened on, whatever the link window
# (sitreport.store.linkkeys). Events with no place or no day to link on have no row, except a
# report with no day at all in a town, whose last_day is linkkeys.NO_DAY (0).
link_keys = Table(
    "link_keys",
    metadata,
    Column("event_id", String, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
    Column("area", Text, nullable=False),
    Column("spot", Text),
    Column("last_day", Integer, nullable=False),
    # Paired by date order within its town (EventFeatures.precise) rather than by probing its area.
    Column("precise", Boolean, nullable=False),
    Index("ix_link_keys_area_day", "area", "precise", "last_day"),
    Index("ix_link_keys_spot_day", "spot", "last_day"),
)

# Events in no incident yet: written with the event, deleted when linking puts it in one, so
# the next linking finds what it must take up without scanning every event.
pending_events = Table(
    "pending_events",
    metadata,
    Column("event_id", String, ForeignKey("events.event_id", ondelete="CASCADE"), primary_key=True),
)
