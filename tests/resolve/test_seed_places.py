"""Acceptance on ../shared: the places of the events read from the seed articles.

Pinned minimum: only an explicit, explained change may lower it.
"""

from __future__ import annotations

from math import asin, cos, radians, sin, sqrt
from pathlib import Path

import pytest

from sitreport.kb import load_kb
from sitreport.options import Options
from sitreport.pipeline import ArticleResult, process_paths
from sitreport.records import Event, Place
from sitreport.resolve import find_places

MIN_SHARE_WITH_COORDINATES = 0.95
# Where these towns are (GeoNames), and how far off an event's point may be.
KNOWN_POINTS = {
    "Daraa": (32.6189, 36.1021),
    "Idlib": (35.9306, 36.6339),
    "Quneitra": (33.1256, 35.8244),
    "Damascus": (33.5102, 36.2913),
    "Hama": (35.1318, 36.7578),
}
MAX_KM = 30.0


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(radians, (*a, *b))
    h = sin((lat2 - lat1) / 2) ** 2 + cos(lat1) * cos(lat2) * sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * asin(sqrt(h))


def event_places(events: list[Event]) -> list[Place]:
    return [p for e in events for p in (e.location, e.origin, e.destination) if p is not None]


@pytest.fixture(scope="module")
def seed_results(shared_dir: Path) -> list[ArticleResult]:
    results = process_paths(sorted((shared_dir / "seeds").glob("*.txt")), Options())
    return [r for r in results if isinstance(r, ArticleResult)]


@pytest.fixture(scope="module")
def seed_places(seed_results: list[ArticleResult]) -> list[Place]:
    return event_places([e for r in seed_results for e in r.events])


@pytest.fixture(scope="module")
def mentioned_places(seed_results: list[ArticleResult]) -> list[Place]:
    """Every place named in the cleaned seed texts (Hama is named but is no event's place)."""
    kb = load_kb()
    return [m.place for r in seed_results for m in find_places(r.article.text, kb)]


def test_event_places_carry_coordinates(seed_places: list[Place]) -> None:
    located = [p for p in seed_places if p.lat is not None and p.lon is not None]
    share = len(located) / len(seed_places)
    print(f"seed event places with coordinates: {len(located)}/{len(seed_places)} = {share:.3f}")
    assert share >= MIN_SHARE_WITH_COORDINATES


@pytest.mark.parametrize("name", sorted(KNOWN_POINTS))
def test_named_towns_land_where_they_are(mentioned_places: list[Place], name: str) -> None:
    matching = [p for p in mentioned_places if p.name == name and p.precision == 1]
    assert matching, f"{name} not found in the seed texts"
    for place in matching:
        assert place.lat is not None and place.lon is not None
        assert km_between((place.lat, place.lon), KNOWN_POINTS[name]) <= MAX_KM


def test_al_khuwayn_is_the_village_in_idlib(mentioned_places: list[Place]) -> None:
    matching = [p for p in mentioned_places if "khu" in p.name.lower() or "khow" in p.name.lower()]
    assert matching and all(p.admin1 == "Idlib" and p.lat is not None for p in matching)
