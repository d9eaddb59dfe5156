"""PLOVER records against the PLOVER manual's fields, event categories, modes, contexts and sectors.

The lists below are the manual's (../shared/specs/plover/PLOVER_MANUAL.tex); when that file is
present, the last test checks each list against it.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from sitreport.export import write_records
from sitreport.export.tables import load_tables
from sitreport.records import EVENT_TYPES, Actor, Event, Evidence, Incident, Place

MANUAL = Path(__file__).resolve().parents[3] / "shared" / "specs" / "plover" / "PLOVER_MANUAL.tex"
MODES: dict[str, set[str]] = {
    "AGREE": set(), "CONSULT": {"visit", "third-party", "multilateral", "phone"}, "SUPPORT": set(),
    "CONCEDE": set(), "COOPERATE": set(), "AID": set(),
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign"},
    "REQUEST": set(), "ACCUSE": set(), "REJECT": set(), "THREATEN": set(),
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}  # fmt: skip
CONTEXTS = {
    "military", "intelligence", "executive", "legislative", "election", "political_institutions",
    "pro_democracy", "pro_autocracy", "economic", "legal", "reparations", "human_rights", "rights_freedoms",
    "repression", "human_security", "gender", "lgbt", "religion_ethnicity", "inequality", "diplomatic",
    "territory", "peacekeeping", "health", "asylum", "migration", "disasters", "natural_resource",
    "environment", "technology", "terrorism", "cbrn", "cyber", "misinformation", "crime", "corruption",
    "illegal_drugs", "trafficking",
}  # fmt: skip
SECTORS = {
    "COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS", "CRM",
    "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC",
}  # fmt: skip
ENTITY_CODES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}
RECORD_FIELDS = {
    "id", "has_event", "date", "time", "enddate", "endtime", "actor", "recipient", "event", "event_loc",
    "event_text", "quad_code", "event_scale", "mode", "context", "link", "text", "text_info", "cite_info",
    "coder", "coded_date", "coded_time", "comment",
}  # fmt: skip
ENTITY_FIELDS = {"code", "sector", "entity_text", "identifier_id", "identifier_text", "religion", "ethnicity",
                 "office", "gender", "age"}  # fmt: skip
LOCATION_FIELDS = {
    "extracted_place", "resolved_place", "geonameid", "lat", "lon", "city", "district", "province",
    "country", "country_code", "feature_class", "feature_code", "resolution",
}  # fmt: skip
EXTENSION = "sitreport"


def plover(records: list[Any], events: dict[str, Event] | None = None) -> list[dict[str, Any]]:
    stream = io.StringIO()
    write_records(records, "plover", stream, events=events)
    return [json.loads(line) for line in stream.getvalue().splitlines()]


def record_errors(record: dict[str, Any]) -> list[str]:
    """Every rule of the manual the record breaks."""
    errors = [f"field {name!r} is not PLOVER's" for name in set(record) - RECORD_FIELDS - {EXTENSION}]
    errors += [f"{name} missing" for name in ("id", "date", "actor", "event") if name not in record]
    for event in record["event"]:
        if event not in MODES:
            errors.append(f"event {event!r}")
            continue
        errors += [f"mode {m!r} of {event}" for m in record["mode"] if m not in MODES[event]]
    errors += [f"context {c!r}" for c in record["context"] if c not in CONTEXTS]
    for entity in record["actor"] + record["recipient"]:
        errors += [f"entity field {name!r}" for name in set(entity) - ENTITY_FIELDS]
        if entity["sector"] not in SECTORS:
            errors.append(f"sector {entity['sector']!r}")
        # null: the event's country is unknown and the actor has no country of its own
        if entity["code"] is not None and not re.fullmatch(r"[A-Z]{3}", entity["code"]):
            errors.append(f"entity code {entity['code']!r}")
    if record["event_loc"] is not None:
        errors += [f"location field {name!r}" for name in set(record["event_loc"]) - LOCATION_FIELDS]
    if record["date"] is not None and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"]):
        errors.append(f"date {record['date']!r}")
    return errors


def test_every_mapping_row_uses_the_manuals_words() -> None:
    for (event_type, sub_event), mapped in load_tables().plover.items():
        where = f"{event_type or '*'} / {sub_event or '*'}"
        assert mapped.event in MODES, where
        assert set(mapped.mode) <= MODES[mapped.event], where
        assert set(mapped.context) <= CONTEXTS, where
    assert set(load_tables().quad_codes) == set(MODES)
    countries = {country.iso3 for country in load_tables().countries.values()}
    for name, known in load_tables().entities.items():
        assert known.code in countries | ENTITY_CODES, name
        assert known.sector in SECTORS | {""}, name


def test_sample_corpus_records_follow_the_manual(
    sample_events: list[Event], sample_incidents: list[Incident], events_by_id: dict[str, Event]
) -> None:
    records = plover(sample_events) + plover(sample_incidents, events_by_id)
    assert [record_errors(r) for r in records] == [[] for _ in records]


def test_every_event_type_gives_a_valid_record() -> None:
    place = Place("Sample Town", admin1="Idlib", country="SY", lat=35.9, lon=36.6, precision=1)
    actors = [
        Actor("Syrian government", inter=1, mention="the army"),
        Actor("Civilians", role="target", inter=7),
    ]
    sentence = "Something happened in the sample town."  # a sample sentence
    events = [
        Event(t, "sample", t, date="2020-02", date_precision="month", location=place, actors=actors,
              evidence=[Evidence(0, len(sentence), sentence)])
        for t in EVENT_TYPES
    ]  # fmt: skip
    records = plover(events)
    assert [record_errors(r) for r in records] == [[] for _ in records]
    assert all(r["event"] for r in records)
    assert records[0]["date"] == "2020-02-01" and records[0]["sitreport"]["date_precision"] == "month"


def test_the_military_context_is_for_state_forces_only() -> None:
    sentence = "Rebels shelled the village."  # a sample sentence
    rebels = Event("r", "sample", "remote_violence", actors=[Actor("Sample rebels", inter=2)],
                   evidence=[Evidence(0, len(sentence), sentence)])  # fmt: skip
    (record,) = plover([rebels])
    assert record["actor"][0]["sector"] == "REB" and "military" not in record["context"]
    assert (record["event"], record["mode"]) == (["ASSAULT"], ["heavy-weapons"])


@pytest.mark.skipif(not MANUAL.exists(), reason=f"{MANUAL} is absent (the PLOVER manual lives in ../shared)")
def test_the_lists_above_are_the_manuals() -> None:
    text = MANUAL.read_text(encoding="utf-8").replace("\\_", "_")
    assert all(f"\\section{{{event}}}" in text for event in MODES)
    assert all(
        re.search(rf"^\s*{re.escape(mode)} &", text, re.M) for modes in MODES.values() for mode in modes
    )
    assert all(re.search(rf"(\{{{context}\}}|^{context})\s*&", text, re.M) for context in CONTEXTS)
    assert all(re.search(rf"^\s*{sector} &", text, re.M) for sector in SECTORS)
