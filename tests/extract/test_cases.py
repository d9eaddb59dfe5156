"""Sample articles (tests/extract/cases/*.json) and the events each must give.

Each case lists the events expected (type, place, date, figures with qualifier and source,
sources, actors) and what must not appear (``max_events``, ``forbid`` types, ``forbid_values``,
``forbid_actor_roles``). ``python -m tests.extract.test_cases`` prints per-field accuracy.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from sitreport.records import Event

CASES = [
    case
    for path in sorted((Path(__file__).parent / "cases").glob("*.json"))
    for case in json.loads(path.read_text(encoding="utf-8"))
]


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


def problems(event: Event, wanted: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, what was found) for every way ``event`` is not the expected one."""
    found: list[tuple[str, str]] = []
    if "place" in wanted and not any(wanted["place"].lower() in n for n in place_names(event)):
        found.append(("place", str(place_names(event))))
    for role in ("location", "origin", "destination"):
        if role in wanted and wanted[role].lower() not in names(getattr(event, role)):
            found.append((role, names(getattr(event, role))))
    for key in ("date", "date_precision", "date_text"):
        if key in wanted and getattr(event, key) != wanted[key]:
            found.append((key, str(getattr(event, key))))
    found += [("figures", str(f)) for f in wanted.get("figures", []) if not figure_matches(event, f)]
    found += [("sources", s) for s in wanted.get("sources", []) if s not in event.sources]
    actors = {(a.name, a.role) for a in event.actors}
    found += [("actors", str(a)) for a in wanted.get("actors", []) if tuple(a) not in actors]
    if len(event.evidence) < wanted.get("min_evidence", 1):
        found.append(("evidence", str(len(event.evidence))))
    return found


def checked_fields(wanted: dict[str, Any]) -> Counter[str]:
    """How many checks of each field an expected event makes."""
    fields = Counter(k for k in wanted if k not in ("type", "figures", "sources", "actors", "min_evidence"))
    fields.update({k: len(wanted[k]) for k in ("figures", "sources", "actors") if k in wanted})
    if "min_evidence" in wanted:
        fields["evidence"] += 1
    return fields


def best_reasons(events: list[Event], wanted: dict[str, Any]) -> list[tuple[str, str]] | None:
    """The problems of the closest event of the expected type (None when there is none)."""
    reasons = [problems(e, wanted) for e in events if e.event_type == wanted["type"]]
    return min(reasons, key=len) if reasons else None


def precision_problems(case: dict[str, Any], events: list[Event]) -> list[str]:
    """Events or figures the case says must not be there."""
    found: list[str] = []
    if len(events) > case.get("max_events", len(events)):
        found.append(f"events {[e.event_type for e in events]}")
    found += [f"forbidden {e.event_type}" for e in events if e.event_type in case.get("forbid", [])]
    values = {q.value for e in events for q in e.quantities}
    found += [f"forbidden value {v}" for v in sorted(values & set(case.get("forbid_values", [])))]
    roles = {(a.name, a.role) for e in events for a in e.actors}
    found += [f"forbidden actor {r}" for r in case.get("forbid_actor_roles", []) if tuple(r) in roles]
    return found


def with_known_weakness(case: dict[str, Any]) -> Any:
    """A case that shows a known weakness is expected to fail until the weakness is fixed."""
    if "known_weakness" not in case:
        return case
    return pytest.param(case, marks=pytest.mark.xfail(strict=True, reason=case["known_weakness"]))


@pytest.mark.parametrize("case", [with_known_weakness(c) for c in CASES], ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any], extract: Callable[..., list[Event]]) -> None:
    events = extract(case["text"], title=case["title"], published=case["published"])
    for wanted in case["expect"]:
        reasons = best_reasons(events, wanted)
        assert reasons == [], f"no {wanted['type']} event as expected: {reasons}"
    assert precision_problems(case, events) == []


def test_every_event_is_traceable(extract: Callable[..., list[Event]]) -> None:
    """Evidence spans point into the text, and figures carry the words they came from."""
    text, title = CASES[0]["text"], CASES[0]["title"]
    for event in extract(text, title=title, published=CASES[0]["published"]):
        for evidence in event.evidence:
            part = title if evidence.part == "title" else text
            assert part[evidence.start : evidence.end] == evidence.text
        for quantity in event.quantities:
            assert quantity.start is not None and text[quantity.start : quantity.end] == quantity.text
        assert 0 <= event.confidence <= 1


def field_report(extract: Callable[..., list[Event]]) -> str:
    """Per-field accuracy over every case: found/checked for each field, then precision."""
    checked: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    lines: list[str] = []
    for case in CASES:
        events = extract(case["text"], title=case["title"], published=case["published"])
        for wanted in case["expect"]:
            checked["type"] += 1
            checked.update(checked_fields(wanted))
            reasons = best_reasons(events, wanted)
            if reasons is None:
                wrong["type"] += 1
                wrong.update(checked_fields(wanted))
                lines.append(f"  {case['name']}: no {wanted['type']}")
                continue
            wrong.update(field for field, _ in reasons)
            lines += [f"  {case['name']}: {wanted['type']} {f} {v}" for f, v in reasons]
        extra = precision_problems(case, events)
        checked["precision"] += 1
        wrong["precision"] += bool(extra)
        lines += [f"  {case['name']}: {p}" for p in extra]
    table = [f"{f:<16} {checked[f] - wrong[f]:>3}/{checked[f]:<3}" for f in sorted(checked)]
    return "\n".join(table + lines)


if __name__ == "__main__":
    from tests.extract.conftest import run_extract

    print(field_report(run_extract))
