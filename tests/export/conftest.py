"""The invented sample corpus of tests/link/corpus, as events and as linked incidents."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from sitreport.link import link_events
from sitreport.options import Options
from sitreport.records import Event, Incident

EVENTS_FILE = Path(__file__).resolve().parent.parent / "link" / "corpus" / "events.jsonl"


@pytest.fixture(scope="session")
def sample_events() -> list[Event]:
    lines = EVENTS_FILE.read_text(encoding="utf-8").splitlines()
    return [Event.from_dict(json.loads(line)["event"]) for line in lines if line.strip()]


@pytest.fixture(scope="session")
def sample_incidents(sample_events: list[Event]) -> list[Incident]:
    return link_events(sample_events, Options())


@pytest.fixture(scope="session")
def events_by_id(sample_events: list[Event]) -> dict[str, Event]:
    return {event.event_id: event for event in sample_events}
