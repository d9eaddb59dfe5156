"""The knowledge base: plain data files shipped in this folder, extended by the user's own.

Every stage that needs knowledge reads it through ``data_files`` so that a user folder given
with ``--kb DIR`` extends any file the same way: the packaged file first, then the user's
file at the same relative path (``DIR/places/additions.csv`` extends ``places/additions.csv``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

PACKAGE_KB = Path(__file__).resolve().parent


def data_files(relative: str, extra_dirs: Iterable[Path] = ()) -> list[Path]:
    """The packaged file at ``relative`` (if any) followed by each user folder's file there."""
    candidates = [PACKAGE_KB / relative, *(Path(d) / relative for d in extra_dirs)]
    return [path for path in candidates if path.is_file()]


# Imported after data_files: these modules read files through it.
from sitreport.errors import KnowledgeBaseError  # noqa: E402
from sitreport.kb.aliases import ActorEntry, SourceEntry, read_actors, read_sources  # noqa: E402
from sitreport.kb.demonyms import read_demonyms  # noqa: E402
from sitreport.kb.gazetteer import Gazetteer, PlaceEntry, read_places  # noqa: E402
from sitreport.kb.name_index import NameIndex  # noqa: E402
from sitreport.kb.names import NameRules  # noqa: E402
from sitreport.kb.phrases import PlacePhrase, read_phrases  # noqa: E402

PLACE_FILES = ("places/gazetteer.csv", "places/additions.csv")
LOOKALIKES_FILE = "places/english_lookalikes.txt"


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the resolve stage knows, loaded once per set of user folders."""

    places: Gazetteer
    place_phrases: list[PlacePhrase]
    demonyms: dict[str, str]
    actors: list[ActorEntry]
    sources: list[SourceEntry]
    actor_names: NameIndex
    # folded adjective ('russian') -> number of the actor it names inside a compound
    actor_adjectives: dict[str, int]
    source_names: NameIndex
    rules: NameRules
    extra_dirs: tuple[Path, ...]


def load_kb(extra_dirs: Iterable[Path] = ()) -> KnowledgeBase:
    """The packaged knowledge base extended by each folder in ``extra_dirs`` (cached)."""
    return _load(tuple(Path(d).resolve() for d in extra_dirs))


def forget_loaded_kb() -> None:
    """Drop the cached knowledge bases, so the next ``load_kb`` reads the files again: for a
    build that has just rewritten one of them."""
    _load.cache_clear()


@lru_cache(maxsize=8)
def _load(extra_dirs: tuple[Path, ...]) -> KnowledgeBase:
    for folder in extra_dirs:
        if not folder.is_dir():
            raise KnowledgeBaseError(f"{folder}: knowledge-base folder not found")
    # names.json is one set of rules, not a list to extend: the last folder's copy wins.
    rules = NameRules.read(data_files("names.json", extra_dirs)[-1])
    place_files = [path for relative in PLACE_FILES for path in data_files(relative, extra_dirs)]
    actors = read_actors(data_files("actors.csv", extra_dirs))
    sources = read_sources(data_files("sources.csv", extra_dirs))
    return KnowledgeBase(
        places=Gazetteer(read_places(place_files), rules, _lookalikes(extra_dirs)),
        place_phrases=read_phrases(data_files("places/phrases.csv", extra_dirs)),
        demonyms=read_demonyms(data_files("places/demonyms.csv", extra_dirs)),
        actors=actors,
        sources=sources,
        actor_names=_index(rules, _aliases(actors)),
        actor_adjectives={word.casefold(): i for i, a in enumerate(actors) for word in a.adjectives},
        source_names=_index(rules, _aliases(sources)),
        rules=rules,
        extra_dirs=extra_dirs,
    )


def _lookalikes(extra_dirs: tuple[Path, ...]) -> frozenset[str]:
    """The words of places/english_lookalikes.txt (one word a line), lower-case."""
    return frozenset(
        line.strip().casefold()
        for path in data_files(LOOKALIKES_FILE, extra_dirs)
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    )


def _index(rules: NameRules, aliases: Iterable[tuple[int, str, bool]]) -> NameIndex:
    index = NameIndex(rules)
    index.build(aliases)
    return index


def _aliases(entries: list[ActorEntry] | list[SourceEntry]) -> Iterator[tuple[int, str, bool]]:
    for number, entry in enumerate(entries):
        for alias in (entry.name, *entry.aliases):
            yield number, alias, False
        for alias in entry.generic_aliases:
            yield number, alias, True


__all__ = [
    "PACKAGE_KB",
    "ActorEntry",
    "KnowledgeBase",
    "PlaceEntry",
    "SourceEntry",
    "data_files",
    "forget_loaded_kb",
    "load_kb",
]
