"""The sample corpus of tests/link/corpus (invented articles; see its README) and link scoring."""

from __future__ import annotations

import json
from collections.abc import Iterable
from itertools import combinations
from pathlib import Path

from sitreport.link.framing import Doc
from sitreport.records import Event, Incident, Place, Quantity

CORPUS = Path(__file__).resolve().parent / "corpus"


def corpus_rows() -> list[dict]:
    with (CORPUS / "events.jsonl").open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def corpus_events() -> list[Event]:
    return [Event.from_dict(row["event"]) for row in corpus_rows()]


def gold_incidents() -> dict[str, str]:
    """event id → the incident it belongs to."""
    return {row["event"]["event_id"]: row["gold_incident"] for row in corpus_rows()}


def corpus_published() -> dict[str, str]:
    """article id → the publication date of each sample article."""
    index = json.loads((CORPUS / "articles.json").read_text(encoding="utf-8"))
    return {a["article_id"]: a["published"] for a in index}


def corpus_docs() -> list[Doc]:
    index = json.loads((CORPUS / "articles.json").read_text(encoding="utf-8"))
    return [(a["article_id"], a["outlet"], (CORPUS / a["file"]).read_text(encoding="utf-8")) for a in index]


def linked_pairs(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in combinations(sorted(group), 2)}


def gold_pairs(gold: dict[str, str]) -> set[tuple[str, str]]:
    by_incident: dict[str, list[str]] = {}
    for event_id, label in gold.items():
        by_incident.setdefault(label, []).append(event_id)
    return linked_pairs(by_incident.values())


def pairwise_scores(incidents: list[Incident], gold: dict[str, str]) -> tuple[float, float]:
    """Precision and recall of "these two events report the same incident"."""
    predicted, expected = linked_pairs(i.events for i in incidents), gold_pairs(gold)
    hits = len(predicted & expected)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(expected) if expected else 1.0
    return precision, recall


def report(
    event_id: str, event_type: str, place: Place, killed: int | None, day: str | None, kind: str | None = None
) -> Event:
    """A sample report of its own article: a type, a place, a death toll, a stated day (or none)."""
    return Event(
        event_id=event_id,
        article_id=f"article-{event_id}",
        event_type=event_type,
        date=day,
        date_precision="day" if day else None,
        date_text="on Wednesday" if day else None,
        location=place,
        quantities=[Quantity("killed", killed, "exact", kind=kind)] if killed is not None else [],
    )
