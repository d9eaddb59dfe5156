"""Sample articles (tests/extract/cases/articles.json) and the events each must give.

Each case lists the events expected (type, place, date, figures with qualifier and source,
sources, actors) and what must not appear (``max_events``, ``forbid`` types, ``forbid_values``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitreport.records import Event

CASES = json.loads((Path(__file__).parent / "cases" / "articles.json").read_text(encoding="utf-8"))


def place_names(event: Event) -> list[str]:
    places = [event.location, event.origin, event.destination]
    return [name.lower() for p in places if p for name in (p.name, p.admin1 or "")]


def names(place: Any) -> str:
    return place.name.lower() if place else ""


def figure_matches(event: Event, wanted: dict[str, Any]) -> bool:
    for quantity in event.quantities:
        if (quantity.category, quantity.value, quantity.qualifier) != (
            wanted["category"],
            wanted["value"],
            wanted["qualifier"],
        ):
            continue
        if "kind" in wanted and (quantity.kind or "").lower() != wanted["kind"]:
            continue
        if "source" in wanted and quantity.source != wanted["source"]:
            continue
        return True
    return False


def problems(event: Event, wanted: dict[str, Any]) -> list[str]:
    """Why ``event`` is not the expected one (empty when it is)."""
    found: list[str] = []
    if "place" in wanted and not any(wanted["place"].lower() in n for n in place_names(event)):
        found.append(f"place {place_names(event)}")
    for role in ("origin", "destination"):
        if role in wanted and wanted[role].lower() not in names(getattr(event, role)):
            found.append(f"{role} {names(getattr(event, role))}")
    if "date" in wanted and event.date != wanted["date"]:
        found.append(f"date {event.date}")
    for key in ("date_precision", "date_text"):
        if key in wanted and getattr(event, key) != wanted[key]:
            found.append(f"{key} {getattr(event, key)}")
    found += [f"figure {f}" for f in wanted.get("figures", []) if not figure_matches(event, f)]
    found += [f"source {s}" for s in wanted.get("sources", []) if s not in event.sources]
    actors = {(a.name, a.role) for a in event.actors}
    found += [f"actor {a}" for a in wanted.get("actors", []) if tuple(a) not in actors]
    if len(event.evidence) < wanted.get("min_evidence", 1):
        found.append(f"evidence {len(event.evidence)}")
    return found


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any], extract: Callable[..., list[Event]]) -> None:
    events = extract(case["text"], title=case["title"], published=case["published"])
    for wanted in case["expect"]:
        same_type = [e for e in events if e.event_type == wanted["type"]]
        reasons = [problems(e, wanted) for e in same_type]
        assert any(not r for r in reasons), f"no {wanted['type']} event as expected: {reasons or 'none'}"
    if "max_events" in case:
        assert len(events) <= case["max_events"], [e.event_type for e in events]
    assert not [e for e in events if e.event_type in case.get("forbid", [])]
    values = {q.value for e in events for q in e.quantities}
    assert not values & set(case.get("forbid_values", []))


def test_every_event_is_traceable(extract: Callable[..., list[Event]]) -> None:
    """Evidence spans point into the text, and figures carry the words they came from."""
    text = CASES[0]["text"]
    for event in extract(text, title=CASES[0]["title"], published=CASES[0]["published"]):
        for evidence in event.evidence:
            assert evidence.end == evidence.start or text[evidence.start : evidence.end] == evidence.text
        for quantity in event.quantities:
            assert quantity.start is not None and text[quantity.start : quantity.end] == quantity.text
        assert 0 <= event.confidence <= 1
