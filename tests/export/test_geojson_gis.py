"""GeoJSON as a GIS reads it: flat typed properties, through GDAL's ogrinfo (Debian's gdal-bin)."""

from __future__ import annotations

import io
import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest

from sitreport.export import write_records
from sitreport.records import Event, Incident

OGRINFO = shutil.which("ogrinfo")
needs_gdal = pytest.mark.skipif(
    OGRINFO is None, reason="ogrinfo is absent: scripts/system-deps.sh installs Debian's gdal-bin"
)


def geojson(records: list[Event] | list[Incident], events: dict[str, Event] | None = None) -> str:
    stream = io.StringIO()
    write_records(records, "geojson", stream, events=events)
    return stream.getvalue()


def with_placeless(events: list[Event]) -> list[Event]:
    return [*events, replace(events[0], event_id="nowhere", location=None, origin=None, destination=None)]


def test_properties_are_flat_and_typed_beside_the_detail(sample_events: list[Event]) -> None:
    document = json.loads(geojson(with_placeless(sample_events)))
    for feature in document["features"]:
        properties = feature["properties"]
        flat = {key: value for key, value in properties.items() if key != "detail"}
        assert not [key for key, value in flat.items() if isinstance(value, dict | list)]
        assert isinstance(properties["fatalities"], int)
        assert properties["date"] is None or re.fullmatch(r"\d{4}-\d{2}-\d{2}", properties["date"])
        assert (properties["date"] is None) == (properties["date_precision"] is None)
        assert properties["detail"]["event_id"] == feature["id"]
    assert document["sitreport"] == {"features": len(sample_events) + 1, "without_coordinates": 1}


def test_a_year_date_is_a_day_with_its_precision(sample_events: list[Event]) -> None:
    event = replace(sample_events[0], date="2019", date_precision="year")
    properties = json.loads(geojson([event]))["features"][0]["properties"]
    assert (properties["date"], properties["date_precision"]) == ("2019-01-01", "year")


def ogr_summary(path: Path) -> str:
    assert OGRINFO is not None
    result = subprocess.run(
        [OGRINFO, "-ro", "-al", "-so", str(path)], capture_output=True, text=True, check=True
    )
    return result.stdout


@needs_gdal
@pytest.mark.parametrize("kind", ["events", "incidents"])
def test_gdal_reads_every_feature_with_typed_fields(
    tmp_path: Path,
    kind: str,
    sample_events: list[Event],
    sample_incidents: list[Incident],
    events_by_id: dict[str, Event],
) -> None:
    records = with_placeless(sample_events) if kind == "events" else sample_incidents
    path = tmp_path / "ledger.geojson"
    path.write_text(geojson(records, events_by_id), encoding="utf-8")
    summary = ogr_summary(path)
    assert f"Feature Count: {len(records)}" in summary
    fields = dict(re.findall(r"^(\w+): (\w+) \(", summary, re.M))
    assert {name: fields.get(name) for name in ("date", "fatalities", "geo_precision", "event_type")} == {
        "date": "Date",
        "fatalities": "Integer",
        "geo_precision": "Integer",
        "event_type": "String",
    }
