"""Accuracy of place resolution over a hand-written set of short sentences.

place_mentions.csv: one mention per row with the place it must resolve to (canonical name
and governorate), ``MISS`` when the name is unknown and must come back unresolved, or
``NONE`` when the words are not a place at all (a person's name, an ordinary word).
"""

from __future__ import annotations

import csv
from pathlib import Path

from sitreport.kb import KnowledgeBase
from sitreport.resolve import PlaceMention, find_places

CASES = Path(__file__).with_name("place_mentions.csv")
# Pinned: only an explicit, explained change may lower this.
MIN_ACCURACY = 0.95


def read_cases(path: Path = CASES) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def overlapping(mentions: list[PlaceMention], start: int, end: int) -> list[PlaceMention]:
    return [m for m in mentions if m.start < end and start < m.end]


def judge(case: dict[str, str], kb: KnowledgeBase) -> str | None:
    """None when the sentence resolves as expected, else what went wrong."""
    sentence, mention = case["sentence"], case["mention"]
    start = sentence.index(mention)
    found = overlapping(find_places(sentence, kb), start, start + len(mention))
    expected = case["expected_name"]
    if expected == "NONE":
        return None if not found else f"unwanted place {found[0].place.name!r}"
    if expected == "MISS":
        ok = any(not m.place.resolved for m in found)
        return None if ok else f"expected a named miss, got {[m.place.name for m in found]}"
    for m in found:
        if m.place.name == expected and (m.place.admin1 or "") == case["expected_admin1"]:
            return None
    return f"got {[(m.place.name, m.place.admin1) for m in found]}"


def test_the_case_set_is_large_and_varied() -> None:
    cases = read_cases()
    assert len(cases) >= 150
    assert {"MISS", "NONE"} <= {c["expected_name"] for c in cases}


def test_place_mentions_resolve_accurately(kb: KnowledgeBase) -> None:
    cases = read_cases()
    failures = [(c["sentence"], problem) for c in cases if (problem := judge(c, kb))]
    accuracy = 1 - len(failures) / len(cases)
    print(f"\nplace mentions: {accuracy:.1%} of {len(cases)} resolved as expected")
    for sentence, problem in failures:
        print(f"  {sentence!r}: {problem}")
    assert accuracy >= MIN_ACCURACY
