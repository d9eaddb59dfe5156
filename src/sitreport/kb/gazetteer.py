"""The place gazetteer: built GeoNames rows plus curated additions, indexed by name key.

Files (same columns, see docs/knowledge-base.md): ``places/gazetteer.csv`` (built by
tools/build_gazetteer.py) and ``places/additions.csv`` (curated). An additions row whose
``geonames_id`` is already known renames that place and adds its alternate names; any
other row is a new place.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from sitreport.errors import KnowledgeBaseError
from sitreport.kb.csvfiles import parse_number, read_rows, split_list
from sitreport.kb.name_index import NameIndex
from sitreport.kb.names import NameRules

PLACE_COLUMNS: tuple[str, ...] = (
    "geonames_id",
    "name",
    "alternate_names",
    "kind",
    "precision",
    "admin1",
    "country",
    "lat",
    "lon",
    "population",
    "source",
    "admin2",
    "admin3",
    "arabic_names",
)
REQUIRED_COLUMNS = ("name", "alternate_names", "kind", "admin1", "country", "lat", "lon")
ADMIN1_KIND = "admin1"
COUNTRY_KIND = "country"
# A town the text calls a city ("Raqqa city"): the town, never the governorate named like it.
CITY_KIND = "city"


@dataclass(frozen=True)
class PlaceEntry:
    """One known place: a town, site, district, area, governorate or country."""

    name: str
    alternate_names: tuple[str, ...]
    kind: str
    precision: int
    admin1: str | None
    country: str
    lat: float
    lon: float
    geonames_id: int | None
    population: int
    source: str
    admin2: str | None = None
    admin3: str | None = None
    # GeoNames' Arabic-script names: indexed like any alias, shown by `sitreport kb places`.
    arabic_names: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (*self.latin_names, *self.arabic_names)

    @property
    def latin_names(self) -> tuple[str, ...]:
        return (self.name, *self.alternate_names)


@dataclass(frozen=True)
class Extent:
    """The box a country's or governorate's known places span."""

    south: float
    north: float
    west: float
    east: float


@dataclass
class Gazetteer:
    """Place entries indexed by name key. ``english_lookalike_words`` are English words a place
    name matcher could take for a place ('Media' of 'Madina', 'Nearly' of 'Narli'), and
    ``english_lookalikes`` their keys: never read as misspellings."""

    entries: list[PlaceEntry]
    rules: NameRules
    english_lookalike_words: frozenset[str] = frozenset()
    english_lookalikes: frozenset[str] = field(init=False)
    names: NameIndex = field(init=False)
    loose_names: NameIndex = field(init=False)
    fuzzy_keys: dict[tuple[str, int, int], list[str]] = field(default_factory=dict)
    admin1_by_key: dict[tuple[str, str], int] = field(default_factory=dict)
    extents: dict[tuple[str, str | None], Extent] = field(default_factory=dict)
    _name_keys: dict[int, tuple[str, ...]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.english_lookalikes = frozenset(self.rules.name_key(w) for w in self.english_lookalike_words)
        self._index_names()
        self._index_areas()

    def _index_names(self) -> None:
        self.names = NameIndex(self.rules, self.rules.place_fillers)
        self.loose_names = NameIndex(self.rules, self.rules.place_fillers, loose=True)
        aliases = [(index, name, False) for index, entry in enumerate(self.entries) for name in entry.names]
        # A place named like a given name ('Al Omar' oil field) is that place only with its
        # article: 'Omar' or 'Faysal' alone is a man.
        bare = self.rules.name_parts | self.rules.person_cues
        self.names.build(aliases, bare_words=bare)
        # Arabic script has no vowel letters to drop: its names stay out of the loose index.
        latin = ((i, name, False) for i, entry in enumerate(self.entries) for name in entry.latin_names)
        self.loose_names.build(latin, bare_words=bare)
        buckets: dict[tuple[str, int, int], list[str]] = defaultdict(list)
        for key in self.names.by_key or {}:
            if len(key) >= self.rules.fuzzy_min_length:
                buckets[(key[0], len(key.split()), len(key))].append(key)
        self.fuzzy_keys = dict(buckets)

    def fuzzy_choices(self, query: str) -> list[str]:
        """Keys that could reach the fuzzy threshold against ``query``: same first letter and
        word count, and a length the threshold allows (a ratio of s% needs the shorter string
        to be at least s/(200-s) of the longer)."""
        least = self.rules.fuzzy_min_score / (200 - self.rules.fuzzy_min_score)
        size, words = len(query), len(query.split())
        lengths = range(math.floor(size * least), math.ceil(size / least) + 1)
        return [key for length in lengths for key in self.fuzzy_keys.get((query[0], words, length), ())]

    def _index_areas(self) -> None:
        points: dict[tuple[str, str | None], list[PlaceEntry]] = defaultdict(list)
        for index, entry in enumerate(self.entries):
            if entry.kind == ADMIN1_KIND and entry.admin1:
                self.admin1_by_key[(entry.country, self.rules.name_key(entry.admin1))] = index
            elif entry.precision == 1:
                points[(entry.country, None)].append(entry)
                points[(entry.country, entry.admin1)].append(entry)
        self.extents = {area: _extent(members) for area, members in points.items()}

    def name_keys(self, entry: PlaceEntry) -> tuple[str, ...]:
        """The keys of an entry's Latin names, computed once per entry (by identity: entries
        live as long as the gazetteer, and hashing every field would cost more than the keys)."""
        keys = self._name_keys.get(id(entry))
        if keys is None:
            fillers = self.rules.place_fillers
            keys = tuple(self.rules.name_key(name, fillers) for name in entry.latin_names)
            self._name_keys[id(entry)] = keys
        return keys

    def admin1_of(self, entry: PlaceEntry) -> PlaceEntry | None:
        """The governorate/province entry an entry lies in, if known."""
        if not entry.admin1:
            return None
        index = self.admin1_by_key.get((entry.country, self.rules.name_key(entry.admin1)))
        return None if index is None else self.entries[index]


def _extent(members: list[PlaceEntry]) -> Extent:
    lats = [m.lat for m in members]
    lons = [m.lon for m in members]
    return Extent(min(lats), max(lats), min(lons), max(lons))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _entry_from_row(row: dict[str, str], where: str) -> PlaceEntry:
    lat = parse_number(row["lat"], float, where)
    lon = parse_number(row["lon"], float, where)
    if not row["name"] or lat is None or lon is None or not row["country"]:
        raise KnowledgeBaseError(f"{where}: a new place needs name, country, lat and lon")
    precision = parse_number(row.get("precision", ""), int, where)
    return PlaceEntry(
        name=row["name"],
        alternate_names=tuple(split_list(row["alternate_names"])),
        kind=row["kind"] or "site",
        precision=int(precision or 1),
        admin1=row["admin1"] or None,
        country=row["country"],
        lat=float(lat),
        lon=float(lon),
        geonames_id=_optional_int(row.get("geonames_id", ""), where),
        population=int(parse_number(row.get("population", ""), int, where) or 0),
        source=row.get("source", "") or "user",
        admin2=row.get("admin2") or None,
        admin3=row.get("admin3") or None,
        arabic_names=tuple(split_list(row.get("arabic_names", ""))),
    )


def _optional_int(value: str, where: str) -> int | None:
    number = parse_number(value, int, where)
    return int(number) if number else None


def _amend(entry: PlaceEntry, row: dict[str, str], where: str) -> PlaceEntry:
    """An additions row for a known GeoNames id: new name first, old names kept as aliases."""
    name = row["name"] or entry.name
    names = [
        n for n in (entry.name, *entry.alternate_names, *split_list(row["alternate_names"])) if n != name
    ]
    changes: dict[str, object] = {"name": name, "alternate_names": tuple(dict.fromkeys(names))}
    for column in ("kind", "admin1", "admin2", "admin3"):
        if row.get(column):
            changes[column] = row[column]
    if row.get("precision"):
        changes["precision"] = int(parse_number(row["precision"], int, where) or entry.precision)
    if row.get("source"):
        changes["source"] = f"{entry.source}; {row['source']}"
    return replace(entry, **changes)


def read_places(paths: Iterable[Path]) -> list[PlaceEntry]:
    """Entries from the files in order; later rows amend earlier ones with the same GeoNames id."""
    entries: list[PlaceEntry] = []
    by_geonames_id: dict[int, int] = {}
    for path, line, row in read_rows(paths, REQUIRED_COLUMNS):
        where = f"{path}:{line}"
        geonames_id = _optional_int(row.get("geonames_id", ""), where)
        if geonames_id in by_geonames_id:
            index = by_geonames_id[geonames_id]
            entries[index] = _amend(entries[index], row, where)
            continue
        if geonames_id:
            by_geonames_id[geonames_id] = len(entries)
        entries.append(_entry_from_row(row, where))
    return entries
