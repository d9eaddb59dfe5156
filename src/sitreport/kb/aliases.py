"""Actors and sources: canonical names with the aliases they go by in the news.

``actors.csv``: name, aliases, kind, inter (ACLED interaction code), wikidata, side, and two
optional columns: generic_aliases and adjectives (the actor's adjective, "Russian", that names
it only inside a compound such as "a Russian-brokered truce").
``sources.csv``: name, aliases, generic_aliases, kind, country. A generic alias ("the
monitor", "state media", "the jihadists") refers to its entry only when the article also
names that entry in full; matches on it are flagged so later stages can apply that rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TypeVar

from sitreport.errors import KnowledgeBaseError
from sitreport.kb.csvfiles import parse_number, read_rows, split_list

ACTOR_COLUMNS = ("name", "aliases", "kind", "inter", "wikidata", "side")
SOURCE_COLUMNS = ("name", "aliases", "generic_aliases", "kind", "country")


@dataclass(frozen=True)
class ActorEntry:
    name: str
    aliases: tuple[str, ...]
    kind: str
    inter: int | None
    wikidata: str | None
    side: str | None
    generic_aliases: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()


@dataclass(frozen=True)
class SourceEntry:
    name: str
    aliases: tuple[str, ...]
    generic_aliases: tuple[str, ...]
    kind: str
    country: str | None


Entry = TypeVar("Entry", "ActorEntry", "SourceEntry")


def read_actors(paths: Iterable[Path]) -> list[ActorEntry]:
    actors: dict[str, ActorEntry] = {}
    for path, line, row in read_rows(paths, ACTOR_COLUMNS):
        where = f"{path}:{line}"
        _require_name(row, where)
        inter = parse_number(row["inter"], int, where)
        actor = ActorEntry(
            name=row["name"],
            aliases=tuple(split_list(row["aliases"])),
            kind=row["kind"],
            inter=None if inter is None else int(inter),
            wikidata=row["wikidata"] or None,
            side=row["side"] or None,
            generic_aliases=tuple(split_list(row.get("generic_aliases", ""))),
            adjectives=tuple(split_list(row.get("adjectives", ""))),
        )
        actors[actor.name] = _merged(actors.get(actor.name), actor)
    return list(actors.values())


def read_sources(paths: Iterable[Path]) -> list[SourceEntry]:
    sources: dict[str, SourceEntry] = {}
    for path, line, row in read_rows(paths, SOURCE_COLUMNS):
        _require_name(row, f"{path}:{line}")
        source = SourceEntry(
            name=row["name"],
            aliases=tuple(split_list(row["aliases"])),
            generic_aliases=tuple(split_list(row["generic_aliases"])),
            kind=row["kind"],
            country=row["country"] or None,
        )
        sources[source.name] = _merged(sources.get(source.name), source)
    return list(sources.values())


def _merged(earlier: Entry | None, later: Entry) -> Entry:
    """A user row for a packaged name adds aliases; its other cells win where filled."""
    if earlier is None:
        return later
    changes = {}
    for column in fields(later):
        old, new = getattr(earlier, column.name), getattr(later, column.name)
        if isinstance(new, tuple):
            changes[column.name] = tuple(dict.fromkeys(old + new))
        elif new in (None, ""):
            changes[column.name] = old
    return replace(later, **changes)


def _require_name(row: dict[str, str], where: str) -> None:
    if not row["name"]:
        raise KnowledgeBaseError(f"{where}: every row needs a name")
