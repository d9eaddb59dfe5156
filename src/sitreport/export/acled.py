"""ACLED-column CSV: the column set of an ACLED export, one row per event or incident.

The sub-event type is the event's typology (kb/extraction/sub_events.toml), which also gives
ACLED's event and disorder type; countries map through kb/export/countries.csv, actor kinds
through inter_codes.csv, sources through sources.csv and source_scales.csv. docs/exports.md
gives each column's rule.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any, TextIO

from sitreport.export.records import (
    ExportContext,
    Record,
    actors_of,
    claims_for,
    coordinates,
    date_precision_of,
    disputed,
    estimates_for,
    fatalities,
    full_date,
    members,
    place_of,
    record_id,
    sub_event_of,
)
from sitreport.export.safe_csv import SafeDictWriter
from sitreport.export.tables import BY_COUNTRY, Country, ExportTables, load_tables
from sitreport.extract.typology import acled_class
from sitreport.link.claims import disputed_keys, estimate_key, load_bound_rules
from sitreport.records import Actor, Claim, Event, Incident

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3",
    "location", "latitude", "longitude", "geo_precision", "source", "source_scale", "notes",
    "fatalities", "tags", "timestamp",
)  # fmt: skip
# ACLED's codebook: 1 the day is known, 2 the week, 3 only the month (a year is no finer).
TIME_PRECISION = {"day": 1, "week": 2, "month": 3, "year": 3}
CIVILIANS_INTER = "7"
CIVILIAN_TARGETING = "Civilian targeting"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
POLITICAL_VIOLENCE = "Political violence"
ACTOR_ROLES = ("actor",)
OTHER_SIDE_ROLES = ("target", "affected")
# ACLED writes a combined scale lowest first: "National-International".
SCALE_ORDER = ("Local partner", "Subnational", "National", "Regional", "International", "New media", "Other")
NOTE_LENGTH = 400


def side(actors: list[Actor], roles: tuple[str, ...]) -> list[Actor]:
    return [actor for actor in actors if actor.role in roles]


def interaction(inter1: str, inter2: str) -> str:
    """ACLED's two-digit code, lower code first; a lone actor pairs with 0."""
    codes = sorted(code for code in (inter1, inter2) if code)
    return "".join(codes) if len(codes) == 2 else (codes[0] + "0" if codes else "")


def actor_cells(
    record: Record, acled_event_type: str, context: ExportContext, tables: ExportTables
) -> dict[str, Any]:
    actors = actors_of(record, context)
    first, second = side(actors, ACTOR_ROLES), side(actors, OTHER_SIDE_ROLES)
    inter1 = tables.inter_of(first[0] if first else None)
    inter2 = tables.inter_of(second[0] if second else None)
    actor2 = second[0].name if second else ""
    if acled_event_type == VIOLENCE_AGAINST_CIVILIANS and not second:
        # ACLED names the victims of violence against civilians "Civilians (<country>)"
        country = place_of(record)
        actor2, inter2 = f"Civilians ({country_name(country.country if country else None, tables)})", "7"
    return {
        "actor1": first[0].name if first else "",
        "assoc_actor_1": "; ".join(actor.name for actor in first[1:]),
        "inter1": inter1,
        "actor2": actor2,
        "assoc_actor_2": "; ".join(actor.name for actor in second[1:]),
        "inter2": inter2,
        "interaction": interaction(inter1, inter2),
    }


def civilian_targeting(acled_event_type: str, disorder_type: str, inter2: str) -> str:
    """ACLED's flag for political violence aimed at civilians (never on a strategic development)."""
    violent = POLITICAL_VIOLENCE in disorder_type
    aimed = acled_event_type == VIOLENCE_AGAINST_CIVILIANS or inter2 == CIVILIANS_INTER
    return CIVILIAN_TARGETING if violent and aimed else ""


def country_name(code: str | None, tables: ExportTables) -> str:
    country = tables.country(code)
    return country.name if country else (code or "")


def place_cells(record: Record, tables: ExportTables) -> dict[str, Any]:
    place = place_of(record)
    country = tables.country(place.country if place else None)
    point = coordinates(place)
    precision = place.precision if place else None
    return {
        "iso": country.iso if country else "",
        "region": country.region if country else "",
        "country": country_name(place.country if place else None, tables),
        "admin1": (place.admin1 or "") if place else "",
        # admin2/admin3 arrive with the gazetteer's districts; older places have none
        "admin2": getattr(place, "admin2", None) or "",
        "admin3": getattr(place, "admin3", None) or "",
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


def one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


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
    return one_line(" ".join(parts))


def event_notes(event: Event) -> str:
    """The first evidence sentence (shortened), then every figure with its source, on one line."""
    sentence = one_line(event.evidence[0].text) if event.evidence else ""
    if len(sentence) > NOTE_LENGTH:
        sentence = sentence[: NOTE_LENGTH - 1].rsplit(" ", 1)[0] + "…"
    figures = "; ".join(
        f"{q.category}{':' + q.kind if q.kind else ''} {q.value} ({q.source or 'unattributed'})"
        for q in event.quantities
    )
    return one_line(f"{sentence} [figures: {figures}]" if figures else sentence)


def notes(record: Record, context: ExportContext) -> str:
    return incident_notes(record, context) if isinstance(record, Incident) else event_notes(record)


def reporting_sources(record: Record, context: ExportContext, tables: ExportTables) -> list[str]:
    """Who reported it: the outlets the articles came from, then the bodies they cite that the
    source table knows (a party's statement is kept as its source entry, an actor is not)."""
    outlets = [event.outlet for event in members(record, context) if event.outlet]
    cited = [name for name in record.sources if name in tables.sources]
    return list(dict.fromkeys([*outlets, *cited]))


def scale_of(name: str, country: Country | None, tables: ExportTables) -> str:
    entry = tables.sources.get(name)
    if entry is None:
        return "Other"
    scale = tables.source_scales.get(entry.kind, "Other")
    if scale != BY_COUNTRY:
        return scale
    home = tables.country(entry.country)
    if country is None or home is None:
        return "International" if home is not None else "Other"
    if home.iso3 == country.iso3:
        return "National"
    return "Regional" if home.region == country.region else "International"


def source_scale(names: list[str], record: Record, tables: ExportTables) -> str:
    place = place_of(record)
    country = tables.country(place.country if place else None)
    scales = {scale_of(name, country, tables) for name in names}
    return "-".join(scale for scale in SCALE_ORDER if scale in scales)


def tags(record: Record, context: ExportContext) -> str:
    """ACLED's tags: figures the sources dispute, figures given only approximately, a year date."""
    labels = []
    if disputed(record, context):
        labels.append("disputed figures")
    if any(claim.category == "killed" and claim.qualifier != "exact" for claim in claims_for(record)):
        labels.append("approximate figures")
    if date_precision_of(record) == "year":
        labels.append("date known to the year only")
    return "; ".join(labels)


def acled_row(record: Record, context: ExportContext, tables: ExportTables) -> dict[str, Any]:
    sub_event = sub_event_of(record, context)
    mapped = acled_class(sub_event, context.kb_dirs)
    acled_type = mapped.event_type if mapped else ""
    date = full_date(record.date)
    named = reporting_sources(record, context, tables)
    disorder = mapped.disorder_type if mapped else ""
    actors = actor_cells(record, acled_type, context, tables)
    return {
        "event_id_cnty": f"{country_prefix(record, tables)}{record_id(record)}",
        "event_date": date,
        "year": int(date[:4]) if date else "",
        "time_precision": TIME_PRECISION.get(date_precision_of(record) or "", "") if date else "",
        "disorder_type": disorder,
        "event_type": acled_type,
        "sub_event_type": sub_event if mapped else "",
        **actors,
        "civilian_targeting": civilian_targeting(acled_type, disorder, actors["inter2"]),
        **place_cells(record, tables),
        "source": "; ".join(named),
        "source_scale": source_scale(named, record, tables),
        "notes": notes(record, context),
        "fatalities": fatalities(record, context),
        "tags": tags(record, context),
        "timestamp": context.stamp(),
    }


def write_acled(records: Iterable[Record], stream: TextIO, context: ExportContext) -> int:
    tables = load_tables(context.kb_dirs)
    writer = SafeDictWriter(stream, ACLED_COLUMNS)
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(acled_row(record, context, tables))
        count += 1
    return count
