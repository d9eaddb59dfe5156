"""Each export format over the sample corpus's events and incidents."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import replace
from typing import Any

import pytest

from sitreport.errors import SitreportError
from sitreport.export import write_records
from sitreport.records import Actor, Event, Incident

from .contract_fields import EVENT_FIELDS, INCIDENT_FIELDS, contract_errors
from .geojson_rules import collection_errors

ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,"
    "assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,"
    "country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,"
    "notes,fatalities,tags,timestamp"
)


def export(records: list[Any], fmt: str, **options: Any) -> str:
    stream = io.StringIO()
    write_records(records, fmt, stream, timestamp=1_700_000_000, **options)
    return stream.getvalue()


def acled_rows(records: list[Any], events_by_id: dict[str, Event]) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(export(records, "acled", events=events_by_id))))


def incident_with(incidents: list[Incident], event_id: str) -> Incident:
    return next(i for i in incidents if event_id in i.events)


@pytest.mark.parametrize("kind", ["events", "incidents"])
def test_geojson_follows_rfc_7946(
    kind: str, sample_events: list[Event], sample_incidents: list[Incident]
) -> None:
    records = sample_events if kind == "events" else sample_incidents
    document = json.loads(export(records, "geojson"))
    assert collection_errors(document) == []
    assert len(document["features"]) == len(records)


def test_geojson_puts_longitude_first_and_keeps_placeless_records(sample_events: list[Event]) -> None:
    placeless = replace(sample_events[0], event_id="nowhere", location=None, origin=None, destination=None)
    features = json.loads(export([sample_events[0], placeless], "geojson"))["features"]
    place = sample_events[0].location
    assert place is not None
    assert features[0]["geometry"]["coordinates"] == [place.lon, place.lat]
    assert features[1]["geometry"] is None and features[1]["id"] == "nowhere"


def test_the_rules_catch_a_swapped_or_crs_document() -> None:
    bad = {
        "type": "FeatureCollection",
        "crs": {},
        "features": [
            {"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [32.9, 136.0]}}
        ],
    }
    assert len(collection_errors(bad)) == 2


@pytest.mark.parametrize("kind", ["events", "incidents"])
def test_jsonl_rows_carry_every_contract_field(
    kind: str, sample_events: list[Event], sample_incidents: list[Incident]
) -> None:
    records, fields = (
        (sample_events, EVENT_FIELDS) if kind == "events" else (sample_incidents, INCIDENT_FIELDS)
    )
    rows = [json.loads(line) for line in export(records, "jsonl").splitlines()]
    assert len(rows) == len(records)
    assert [contract_errors(row, fields) for row in rows] == [[] for _ in rows]


@pytest.mark.parametrize("kind", ["events", "incidents"])
def test_acled_header_is_exact(
    kind: str, sample_events: list[Event], sample_incidents: list[Incident]
) -> None:
    records = sample_events if kind == "events" else sample_incidents
    text = export(records, "acled")
    assert text.splitlines()[0] == ACLED_HEADER
    assert len(list(csv.DictReader(io.StringIO(text)))) == len(records)


def test_acled_incident_row(sample_incidents: list[Incident], events_by_id: dict[str, Event]) -> None:
    clash = incident_with(sample_incidents, "a07-e1")
    row = acled_rows([clash], events_by_id)[0]
    assert (row["event_type"], row["sub_event_type"], row["disorder_type"]) == (
        "Battles",
        "Armed clash",
        "Political violence",
    )
    assert (row["iso"], row["country"], row["region"], row["event_id_cnty"][:3]) == (
        "760",
        "Syria",
        "Middle East",
        "SYR",
    )
    assert (row["inter1"], row["interaction"], row["actor1"]) == ("1", "10", "Syrian Arab Army")
    assert row["fatalities"] == "23"  # 20 fighters (most conservative) + 3 civilians
    assert (row["event_date"], row["year"], row["time_precision"]) == ("2019-03-20", "2019", "1")
    assert row["longitude"] == "36.32" and row["latitude"] == "35.81"


def test_acled_notes_carry_the_dispute(
    sample_incidents: list[Incident], events_by_id: dict[str, Event]
) -> None:
    row = acled_rows([incident_with(sample_incidents, "a01-e1")], events_by_id)[0]
    assert "Disputed" in row["notes"] and "1,500 people" in row["notes"] and "1,580 people" in row["notes"]
    assert row["tags"] == "disputed figures"


def test_acled_territory_change_depends_on_who_takes_it(sample_events: list[Event]) -> None:
    base = replace(sample_events[0], event_type="territory_change")
    state = replace(base, actors=[Actor("Sample Army", kind="state_forces")])
    rebels = replace(base, event_id="r", actors=[Actor("Sample Rebels", kind="rebel_group")])
    rows = acled_rows([state, rebels], {})
    assert [row["sub_event_type"] for row in rows] == [
        "Government regains territory",
        "Non-state actor overtakes territory",
    ]


def test_acled_month_date_is_its_first_day(sample_events: list[Event]) -> None:
    event = replace(sample_events[0], date="2019-03", date_precision="month")
    row = acled_rows([event], {})[0]
    assert (row["event_date"], row["time_precision"]) == ("2019-03-01", "3")


def test_csv_is_one_flat_row_per_record(sample_events: list[Event], sample_incidents: list[Incident]) -> None:
    events = list(csv.DictReader(io.StringIO(export(sample_events, "csv"))))
    assert len(events) == len(sample_events)
    assert events[0]["quantities"] == "buses=31 exact (LSA); people=1580 exact (LSA)"
    incidents = list(csv.DictReader(io.StringIO(export(sample_incidents, "csv"))))
    convoy = next(row for row in incidents if "a01-e1" in row["events"])
    assert "people=1400/1500/" in convoy["estimates"] and convoy["disputed"] == "True"


def test_csv_refuses_mixed_records(sample_events: list[Event], sample_incidents: list[Incident]) -> None:
    with pytest.raises(SitreportError, match="not both"):
        export([sample_events[0], sample_incidents[0]], "csv")


def test_plover_maps_types_and_splits_actor_from_recipient(
    sample_incidents: list[Incident], events_by_id: dict[str, Event]
) -> None:
    # The manual's record has "event", "actor" and "recipient"; our own type moved to the
    # "sitreport" extension (the old "event_type"/"actors" keys were not PLOVER's).
    lines = export(sample_incidents, "plover", events=events_by_id).splitlines()
    records = {r["id"]: r for r in map(json.loads, lines)}
    clash = records[incident_with(sample_incidents, "a07-e1").incident_id]
    assert (clash["event"], clash["sitreport"]["event_type"], clash["sitreport"]["record"]) == (
        ["ASSAULT"],
        "armed_clash",
        "incident",
    )
    army = {
        "code": "SYR",
        "sector": "MIL",
        "entity_text": "Syrian Arab Army",
        "identifier_text": "Syrian Arab Army",
    }
    assert army in clash["actor"] and "military" in clash["context"]
    convoy = records[incident_with(sample_incidents, "a01-e1").incident_id]
    assert convoy["event"] == ["RETREAT"] and convoy["sitreport"]["figures"]["people"]["best"] == 1500


def test_unknown_format_is_an_error(sample_events: list[Event]) -> None:
    with pytest.raises(SitreportError, match="unknown export format"):
        export(sample_events, "kml")
