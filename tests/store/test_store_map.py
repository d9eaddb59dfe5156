"""Map markers read straight from the tables: which place, which figure, which events."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sitreport.records import Quantity
from sitreport.store import EventQuery, Store

from .store_samples import DARAA, ERIHA, IDLIB, QUNEITRA, article, event

HAMA_MAPPED = replace(QUNEITRA, name="Hama", admin1="Hama", lat=35.13, lon=36.75, precision=1)


def figure(category: str, value: int) -> Quantity:
    return Quantity(category, value, text=f"{value} {category}")


MAP_EVENTS = [
    event(
        "m-location", "m", "evacuation", "buses left", date="2018-08-01",
        location=DARAA, destination=IDLIB,
        # buses are not people, however many; killed and people overlap, so the largest wins
        quantities=[figure("people", 40), figure("killed", 300), figure("buses", 900)],
    ),
    event("m-destination", "m", "evacuation", "they went", location=ERIHA, origin=DARAA, destination=IDLIB),
    event("m-origin", "m", "evacuation", "they left", origin=HAMA_MAPPED, quantities=[figure("families", 9)]),
    event("m-unmapped", "m", "armed_clash", "clashes", location=ERIHA, quantities=[figure("fighters", 5)]),
    event("m-nowhere", "m", "aid", "aid"),
]  # fmt: skip


@pytest.fixture
def mapped(store: Store) -> Store:
    store.save_article(article("m", "Sample map report", "Sample Outlet"), MAP_EVENTS)
    return store


def by_id(found: list[dict[str, object]]) -> dict[str, dict[str, object]]:
    return {point["event_id"]: point for point in found}  # type: ignore[misc]


def test_a_marker_carries_what_the_map_draws(mapped: Store) -> None:
    assert by_id(mapped.map_points(EventQuery()))["m-location"] == {
        "event_id": "m-location",
        "event_type": "evacuation",
        "date": "2018-08-01",
        "place": "Daraa",
        "admin1": "Daraa",
        "precision": None,
        "lat": 32.6189,
        "lon": 36.1021,
        "people": 300,
        "fatalities": 300,
    }


def test_markers_go_to_the_location_else_destination_else_origin(mapped: Store) -> None:
    places = {event_id: point["place"] for event_id, point in by_id(mapped.map_points(EventQuery())).items()}
    # Ériha has no coordinates: m-destination falls back past it, m-unmapped has no marker.
    assert places == {"m-location": "Daraa", "m-destination": "Idlib", "m-origin": "Hama"}


def test_people_is_the_largest_people_figure_or_zero(mapped: Store) -> None:
    people = {event_id: point["people"] for event_id, point in by_id(mapped.map_points(EventQuery())).items()}
    assert people == {"m-location": 300, "m-destination": 0, "m-origin": 0}  # families are not counted


def test_fatalities_is_the_largest_killed_figure_or_zero(mapped: Store) -> None:
    points = by_id(mapped.map_points(EventQuery()))
    killed = {event_id: point["fatalities"] for event_id, point in points.items()}
    assert killed == {"m-location": 300, "m-destination": 0, "m-origin": 0}


def test_markers_follow_filters_and_ignore_sort_and_page(mapped: Store) -> None:
    everything = mapped.map_points(EventQuery(sort="-date", limit=1, offset=2))
    assert [point["event_id"] for point in everything] == ["m-destination", "m-location", "m-origin"]
    assert mapped.map_points(EventQuery(event_type="armed_clash")) == []
    located = mapped.map_points(EventQuery(place="Idlib"))  # a destination matches the filter
    assert [point["event_id"] for point in located] == ["m-destination", "m-location"]
    assert [point["place"] for point in located] == ["Idlib", "Daraa"]


def test_markers_of_the_events_of_a_source(mapped: Store) -> None:
    sourced = [
        replace(e, event_id=f"s-{e.event_id}", article_id="s", sources=["SANA"]) for e in MAP_EVENTS[:2]
    ]
    mapped.save_article(article("s", "Sample sourced report", "Sample Outlet"), sourced)
    found = mapped.map_points(EventQuery(source="SANA"))
    assert [point["event_id"] for point in found] == ["s-m-destination", "s-m-location"]


def test_an_empty_store_has_no_markers(store: Store) -> None:
    assert store.map_points(EventQuery()) == []
