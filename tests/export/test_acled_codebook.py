"""ACLED rows against the codebook's lists and rules (ACLED Codebook, 2023)."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest

from sitreport.export import write_records
from sitreport.export.tables import load_tables
from sitreport.extract.typology import load_typology
from sitreport.kb import data_files
from sitreport.records import Actor, Event, Evidence, Incident, Quantity

DISORDER_TYPES = {
    "Political violence",
    "Demonstrations",
    "Political violence; Demonstrations",
    "Strategic developments",
}
SCALES = ("Local partner", "Subnational", "National", "Regional", "International", "New media", "Other")
# The codebook's sub-event list (tests/extract/test_typology.py checks the kb against it).
SUB_EVENTS = {name: acled_class.event_type for name, acled_class in load_typology().acled.items()}


def acled(records: list[Any], events: dict[str, Event] | None = None) -> list[dict[str, str]]:
    stream = io.StringIO()
    write_records(records, "acled", stream, events=events, timestamp=1_700_000_000)
    return list(csv.DictReader(io.StringIO(stream.getvalue())))


def sample(event_type: str, sentence: str, **kwargs: Any) -> Event:
    """An event written for these tests (the sentence is a sample, not article text)."""
    return Event(
        event_id=f"s{abs(hash(sentence)) % 10_000}",
        article_id="sample",
        event_type=event_type,
        evidence=[Evidence(0, len(sentence), sentence)],
        **kwargs,
    )


def value_errors(row: dict[str, str]) -> list[str]:
    """Every codebook rule the row breaks."""
    errors = []
    if row["sub_event_type"] and SUB_EVENTS.get(row["sub_event_type"]) != row["event_type"]:
        errors.append(f"{row['sub_event_type']!r} is not a sub-event of {row['event_type']!r}")
    if row["disorder_type"] not in DISORDER_TYPES:
        errors.append(f"disorder type {row['disorder_type']!r}")
    for column in ("inter1", "inter2"):
        if row[column] not in {"", *map(str, range(1, 9))}:
            errors.append(f"{column} {row[column]!r}")
    if row["actor1"] and not row["inter1"]:
        errors.append("actor1 without inter1")
    if row["interaction"] and not re.fullmatch(r"[1-8][0-8]", row["interaction"]):
        errors.append(f"interaction {row['interaction']!r}")
    if row["event_date"]:
        if not (
            re.fullmatch(r"\d{4}-\d{2}-\d{2}", row["event_date"]) and row["year"] == row["event_date"][:4]
        ):
            errors.append(f"date {row['event_date']!r} / year {row['year']!r}")
        if row["time_precision"] not in {"1", "2", "3"}:
            errors.append(f"time precision {row['time_precision']!r}")
    if row["geo_precision"] not in {"", "1", "2", "3"}:
        errors.append(f"geo precision {row['geo_precision']!r}")
    if row["civilian_targeting"] not in {"", "Civilian targeting"}:
        errors.append(f"civilian targeting {row['civilian_targeting']!r}")
    if row["source_scale"] and not set(row["source_scale"].split("-")) <= set(SCALES):
        errors.append(f"source scale {row['source_scale']!r}")
    if not row["fatalities"].isdigit():
        errors.append(f"fatalities {row['fatalities']!r}")
    if row["event_type"] == "Strategic developments" and row["fatalities"] != "0":
        errors.append("a strategic development carries a toll")
    if row["event_type"] == "Strategic developments" and row["civilian_targeting"]:
        errors.append("a strategic development flagged as civilian targeting")
    return errors


def test_every_row_of_the_sample_corpus_follows_the_codebook(
    sample_events: list[Event], sample_incidents: list[Incident], events_by_id: dict[str, Event]
) -> None:
    rows = acled(sample_events) + acled(sample_incidents, events_by_id)
    assert [value_errors(row) for row in rows] == [[] for _ in rows]


def test_every_kb_actor_gets_its_own_inter_code_from_its_kind() -> None:
    tables = load_tables()
    (actors_file,) = data_files("actors.csv")
    with open(actors_file, encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    by_kind = {row["name"]: tables.inter_of(Actor(row["name"], kind=row["kind"])) for row in rows}
    assert by_kind == {row["name"]: row["inter"] for row in rows}


def test_the_typology_reaches_the_row() -> None:
    air = sample("casualties", "Nine died in air strikes on the town.", quantities=[Quantity("killed", 9)])
    execution = sample("casualties", "Gunmen executed four farmers.", quantities=[Quantity("killed", 4)])
    rows = acled([air, execution])
    assert [(r["event_type"], r["sub_event_type"], r["fatalities"]) for r in rows] == [
        ("Explosions/Remote violence", "Air/drone strike", "9"),
        ("Violence against civilians", "Attack", "4"),
    ]
    assert rows[1]["civilian_targeting"] == "Civilian targeting" and rows[1]["actor2"].startswith("Civilians")
    assert rows[1]["inter2"] == "7"


@pytest.mark.parametrize(
    ("date", "precision", "event_date", "time_precision"),
    [
        ("2019-03-20", "day", "2019-03-20", "1"),
        ("2019-W12", "week", "2019-03-18", "2"),
        ("2019-03", "month", "2019-03-01", "3"),
        ("2019", "year", "2019-01-01", "3"),
        (None, None, "", ""),
    ],
)
def test_dates_are_whole_days_with_an_honest_precision(
    sample_events: list[Event], date: str | None, precision: str | None, event_date: str, time_precision: str
) -> None:
    row = acled([replace(sample_events[0], date=date, date_precision=precision)])[0]
    assert (row["event_date"], row["time_precision"]) == (event_date, time_precision)
    assert row["year"] == event_date[:4]
    assert ("date known to the year only" in row["tags"]) == (precision == "year")


def test_sources_are_reporting_bodies_with_their_scale(sample_events: list[Event]) -> None:
    event = replace(sample_events[0], outlet=None, sources=["SANA", "AFP", "Some Unknown Army"])
    row = acled([event])[0]
    assert row["source"] == "SANA; AFP"
    assert row["source_scale"] == "National-International"


def test_approximate_and_disputed_figures_are_tagged(sample_events: list[Event]) -> None:
    figures = [
        Quantity("killed", 20, "exact", source="SANA", text="20 killed"),
        Quantity("killed", 40, "min", source="SOHR", text="more than 40 killed"),
    ]
    row = acled([replace(sample_events[0], event_type="casualties", quantities=figures)])[0]
    assert set(row["tags"].split("; ")) == {"disputed figures", "approximate figures"}
    assert row["fatalities"] == "20"


def test_notes_are_one_line(sample_events: list[Event]) -> None:
    sentence = "Shells hit the square.\nTwo died."
    event = replace(sample_events[0], evidence=[Evidence(0, len(sentence), sentence)])
    assert "\n" not in acled([event])[0]["notes"]


def test_admin2_and_admin3_are_read_when_places_carry_them(sample_events: list[Event]) -> None:
    place = sample_events[0].location
    assert place is not None
    detailed = replace(sample_events[0], location=place)
    object.__setattr__(detailed.location, "admin2", "Sample District")  # the gazetteer's new field
    row = acled([detailed])[0]
    assert row["admin2"] == "Sample District" and row["admin3"] == ""


def test_every_project_type_maps_to_a_codebook_row() -> None:
    from sitreport.records import EVENT_TYPES

    civilians = [Actor("Civilians", role="affected", inter=7)]
    rows = acled([sample(t, "Something happened.", date="2020-01-01", actors=civilians) for t in EVENT_TYPES])
    assert [value_errors(row) for row in rows] == [[] for _ in rows]
    assert all(row["sub_event_type"] for row in rows)


def test_data_files_are_found() -> None:
    assert all(Path(p).exists() for p in data_files("export/source_scales.csv"))
