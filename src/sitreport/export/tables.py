"""The export mappings in kb/export/: countries, inter codes, source scales and PLOVER's codes."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sitreport.kb import data_files
from sitreport.kb.aliases import SourceEntry, read_sources
from sitreport.link.kbtables import read_table
from sitreport.records import Actor

BY_COUNTRY = "by country"


@dataclass(frozen=True)
class Country:
    name: str
    iso3: str
    iso: str
    region: str


@dataclass(frozen=True)
class PloverType:
    event: str
    mode: tuple[str, ...]
    context: tuple[str, ...]


@dataclass(frozen=True)
class PloverEntity:
    code: str
    sector: str


def kind_key(kind: str | None) -> str:
    """Actor kinds are spelt "state forces" in kb/actors.csv and "state_forces" elsewhere."""
    return re.sub(r"[\s_-]+", "_", (kind or "").strip().casefold())


def values(text: str) -> tuple[str, ...]:
    return tuple(filter(None, text.split("|")))


@dataclass(frozen=True)
class ExportTables:
    # Keyed by folded name and by ISO alpha-2, since places carry either.
    countries: dict[str, Country]
    inter: dict[str, str]
    # (our type, sub-event type), either may be "" for "any"
    plover: dict[tuple[str, str], PloverType]
    quad_codes: dict[str, int]
    sectors: dict[str, str]
    entities: dict[str, PloverEntity]
    sources: dict[str, SourceEntry]
    source_scales: dict[str, str]

    def country(self, name: str | None) -> Country | None:
        return self.countries.get((name or "").casefold())

    def inter_of(self, actor: Actor | None) -> str:
        """The actor's own ACLED inter code, else the one its kind maps to."""
        if actor is None:
            return ""
        if actor.inter is not None:
            return str(actor.inter)
        return self.inter.get(kind_key(actor.kind), "")

    def plover_type(self, event_type: str, sub_event_type: str | None) -> PloverType | None:
        sub = sub_event_type or ""
        return (
            self.plover.get((event_type, sub))
            or self.plover.get(("", sub))
            or self.plover.get((event_type, ""))
        )


def plover_rows(extra_dirs: tuple[Path, ...]) -> dict[tuple[str, str], PloverType]:
    columns = ("event_type", "sub_event_type", "plover_event", "mode", "context")
    return {
        (row["event_type"], row["sub_event_type"]): PloverType(
            row["plover_event"], values(row["mode"]), values(row["context"])
        )
        for row in read_table("export/plover_types.csv", columns, extra_dirs)
    }


def country_rows(extra_dirs: tuple[Path, ...]) -> dict[str, Country]:
    countries: dict[str, Country] = {}
    for row in read_table("export/countries.csv", ("country", "iso2", "iso3", "iso", "region"), extra_dirs):
        country = Country(row["country"], row["iso3"], row["iso"], row["region"])
        countries[row["country"].casefold()] = countries[row["iso2"].casefold()] = country
    return countries


def keyed(relative: str, key: str, value: str, extra_dirs: tuple[Path, ...]) -> dict[str, str]:
    return {row[key]: row[value] for row in read_table(relative, (key, value), extra_dirs)}


@cache
def load_tables(extra_dirs: tuple[Path, ...] = ()) -> ExportTables:
    entities = {
        row["name"]: PloverEntity(row["code"], row["sector"])
        for row in read_table("export/plover_entities.csv", ("name", "code", "sector"), extra_dirs)
    }
    return ExportTables(
        countries=country_rows(extra_dirs),
        inter={
            kind_key(k): v for k, v in keyed("export/inter_codes.csv", "kind", "inter", extra_dirs).items()
        },
        plover=plover_rows(extra_dirs),
        quad_codes={
            k: int(v) for k, v in keyed("export/plover_events.csv", "event", "quad_code", extra_dirs).items()
        },
        sectors=keyed("export/plover_sectors.csv", "inter", "sector", extra_dirs),
        entities=entities,
        sources={source.name: source for source in read_sources(data_files("sources.csv", extra_dirs))},
        source_scales=keyed("export/source_scales.csv", "kind", "scale", extra_dirs),
    )
