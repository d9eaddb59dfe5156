"""The export mappings in kb/export/: types to ACLED and PLOVER, countries, inter codes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sitreport.link.kbtables import read_table
from sitreport.records import Actor


@dataclass(frozen=True)
class AcledType:
    disorder_type: str
    event_type: str
    sub_event_type: str


@dataclass(frozen=True)
class Country:
    name: str
    iso3: str
    iso: str
    region: str


@dataclass(frozen=True)
class PloverType:
    event_type: str
    mode: str
    context: tuple[str, ...]


@dataclass(frozen=True)
class ExportTables:
    # (our type, actor1 inter code or "") → ACLED type; "" is the row for any actor.
    acled: dict[tuple[str, str], AcledType]
    plover: dict[str, PloverType]
    # Keyed by folded name and by ISO alpha-2, since places carry either.
    countries: dict[str, Country]
    inter: dict[str, str]

    def acled_type(self, event_type: str, inter1: str) -> AcledType | None:
        return self.acled.get((event_type, inter1)) or self.acled.get((event_type, ""))

    def country(self, name: str | None) -> Country | None:
        return self.countries.get((name or "").casefold())

    def inter_of(self, actor: Actor | None) -> str:
        return self.inter.get((actor.kind or "").casefold(), "") if actor else ""


@cache
def load_tables(extra_dirs: tuple[Path, ...] = ()) -> ExportTables:
    acled = {
        (row["event_type"], row["actor1_inter"]): AcledType(
            row["disorder_type"], row["acled_event_type"], row["sub_event_type"]
        )
        for row in read_table(
            "export/acled_types.csv",
            ("event_type", "actor1_inter", "disorder_type", "acled_event_type", "sub_event_type"),
            extra_dirs,
        )
    }
    plover = {
        row["event_type"]: PloverType(
            row["plover_event_type"], row["mode"], tuple(filter(None, row["context"].split("|")))
        )
        for row in read_table(
            "export/plover_types.csv", ("event_type", "plover_event_type", "mode", "context"), extra_dirs
        )
    }
    countries: dict[str, Country] = {}
    for row in read_table("export/countries.csv", ("country", "iso2", "iso3", "iso", "region"), extra_dirs):
        country = Country(row["country"], row["iso3"], row["iso"], row["region"])
        countries[row["country"].casefold()] = countries[row["iso2"].casefold()] = country
    inter = {
        row["kind"].casefold(): row["inter"]
        for row in read_table("export/inter_codes.csv", ("kind", "inter"), extra_dirs)
    }
    return ExportTables(acled, plover, countries, inter)
