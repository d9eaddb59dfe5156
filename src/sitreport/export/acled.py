"""ACLED-column CSV: the column set of an ACLED export, one row per event or incident.

Types map through kb/export/acled_types.csv, countries through countries.csv (numeric ISO,
region) and actor kinds through inter_codes.csv. For an incident, ``notes`` lists every
source's figure and says when they are disputed; ``fatalities`` is the best ``killed`` figure.
docs/exports.md gives each column's rule.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import Any, TextIO

from sitreport.export.records import (
    ExportContext,
    Record,
    actors_of,
    coordinates,
    date_precision_of,
    estimates_for,
    fatalities,
    members,
    place_of,
    record_id,
)
from sitreport.export.tables import ExportTables, load_tables
from sitreport.link.claims import disputed_keys, estimate_key, load_bound_rules
from sitreport.records import Actor, Claim, Incident

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
CIVILIANS_INTER = "7"
ACTOR_ROLES = ("actor",)
OTHER_SIDE_ROLES = ("target", "affected")


def full_date(date: str | None) -> str:
    """ACLED dates are whole days: a month or a year is written as its first day."""
    if not date:
        return ""
    year, *rest = date.split("-")
    return "-".join([year, *[*rest, "01", "01"][:2]])


def side(actors: list[Actor], roles: tuple[str, ...]) -> list[Actor]:
    return [actor for actor in actors if actor.role in roles]


def interaction(inter1: str, inter2: str) -> str:
    """ACLED's two-digit code, lower code first; a lone actor pairs with 0."""
    codes = sorted(code for code in (inter1, inter2) if code)
    return "".join(codes) if len(codes) == 2 else (codes[0] + "0" if codes else "")


def actor_cells(record: Record, context: ExportContext, tables: ExportTables) -> dict[str, Any]:
    actors = actors_of(record, context)
    first, second = side(actors, ACTOR_ROLES), side(actors, OTHER_SIDE_ROLES)
    inter1 = tables.inter_of(first[0] if first else None)
    inter2 = tables.inter_of(second[0] if second else None)
    return {
        "actor1": first[0].name if first else "",
        "assoc_actor_1": "; ".join(actor.name for actor in first[1:]),
        "inter1": inter1,
        "actor2": second[0].name if second else "",
        "assoc_actor_2": "; ".join(actor.name for actor in second[1:]),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
        "civilian_targeting": "Civilian targeting" if inter2 == CIVILIANS_INTER else "",
    }


def place_cells(record: Record, tables: ExportTables) -> dict[str, Any]:
    place = place_of(record)
    country = tables.country(place.country if place else None)
    point = coordinates(place)
    precision = place.precision if place else None
    return {
        "iso": country.iso if country else "",
        "region": country.region if country else "",
        "country": country.name if country else (place.country or "" if place else ""),
        "admin1": place.admin1 or "" if place else "",
        "admin2": "",
        "admin3": "",
        "location": place.name if place else "",
        "latitude": point[1] if point else "",
        "longitude": point[0] if point else "",
        "geo_precision": min(precision, 3) if precision else "",
    }


def country_prefix(record: Record, tables: ExportTables) -> str:
    """ACLED ids start with the country's alpha-3 code; XXX when the country is unknown."""
    place = place_of(record)
    country = tables.country(place.country if place else None)
    return country.iso3 if country else "XXX"


def claim_text(claim: Claim) -> str:
    return f"{claim.source or 'unattributed'}: {claim.text or claim.value} ({claim.qualifier} {claim.value})"


def incident_notes(incident: Incident, context: ExportContext) -> str:
    """Each source's figure per key, the estimate, and which keys are disputed."""
    parts = [f"{len(incident.events)} report(s) in {len(incident.articles)} article(s)."]
    for key, (low, best, high) in estimates_for(incident, context).items():
        claims = [c for c in incident.claims if estimate_key(c.category, c.kind) == key]
        span = f"low {low}, best {best}, high {'unbounded' if high is None else high}"
        parts.append(f"{key}: {'; '.join(map(claim_text, claims))} -> {span}.")
    disputed = disputed_keys(incident.claims, load_bound_rules(context.kb_dirs))
    if disputed:
        parts.append(f"Disputed: sources' figures for {', '.join(disputed)} cannot all be true.")
    return " ".join(parts)


def notes(record: Record, context: ExportContext) -> str:
    if isinstance(record, Incident):
        return incident_notes(record, context)
    return " ... ".join(span.text for span in record.evidence) or "; ".join(q.text for q in record.quantities)


def sources(record: Record, context: ExportContext) -> str:
    outlets = [event.outlet for event in members(record, context) if event.outlet]
    return "; ".join(dict.fromkeys([*record.sources, *outlets]))


def acled_row(record: Record, context: ExportContext, tables: ExportTables) -> dict[str, Any]:
    actors = actor_cells(record, context, tables)
    mapped = tables.acled_type(record.event_type, actors["inter1"])
    places = place_cells(record, tables)
    date = full_date(record.date)
    return {
        "event_id_cnty": f"{country_prefix(record, tables)}{record_id(record)}",
        "event_date": date,
        "year": date[:4],
        "time_precision": TIME_PRECISION.get(date_precision_of(record) or "", ""),
        "disorder_type": mapped.disorder_type if mapped else "",
        "event_type": mapped.event_type if mapped else "",
        "sub_event_type": mapped.sub_event_type if mapped else "",
        **actors,
        **places,
        "source": sources(record, context),
        "source_scale": "",
        "notes": notes(record, context),
        "fatalities": fatalities(record, context),
        "tags": "disputed figures" if isinstance(record, Incident) and record.disputed else "",
        "timestamp": context.stamp(),
    }


def write_acled(records: Iterable[Record], stream: TextIO, context: ExportContext) -> int:
    tables = load_tables(context.kb_dirs)
    writer = csv.DictWriter(stream, fieldnames=ACLED_COLUMNS, lineterminator="\n")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(acled_row(record, context, tables))
        count += 1
    return count
