"""Cross-outlet linking on real reporting: the FA-KES articles ingested, scored by score_fakes.py --incidents.

Two articles from different outlets that the crowd coded with the same governorate, cause and day
(tolls within a factor of two) should share an incident (recall); linked pairs coded in different
governorates or more than a week apart are wrong links. The pins are the figures reached: recall
only goes up and the wrong share only down, by an explicit change.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

# Measured 2026-12-02 on the whole development half: recall 0.406, wrong 0.474 with the linking of
# issue 12 alone (at the start of issue 12: 0.219 and 0.905). With this round's extraction merged
# (an event per place joined by "and", running totals as background, headline reading) the same
# linking measures 0.344 and 0.491: more, smaller events give more cross-outlet chances to link
# wrongly. The wrong-link ceiling moves from 0.48 to 0.50 on purpose, with that reason; recall
# stays pinned where it was before this round. Far from the goal (0.80 / 0.10); docs/incidents.md.
# 2026-12-03: a link on an article's day needs WEAK_POINTS whichever report is undated, and an
# undated report's disagreeing figure stops it: wrong 0.491 -> 0.485 (83 -> 81 of 167), recall
# 0.344. Read, 41 of the 51 dev wrong links are right links the coding cannot see, so about 0.37
# is this measure's floor on the dev part (docs/incidents.md, "The dev wrong links, read").
# Then an event naming both sides as doers stopped counting as a doer in common: 0.406 / 0.457;
# and undated reports stopped making incidents among themselves: 0.406 / 0.453 (72 of 159).
# With the round's extraction and places merged: 0.406 / 0.439 (72 of 164); ceiling tightened.
# Stop 20 (no linking change): dates without a year read from the page, a town named like its
# governorate yielding to the story's town, and the headline work give 0.531 (17 of 32) / 0.426
# (72 of 169); both pins moved by that measurement.
# Stop 21: a report with no day at all (7 of 384 articles have none) joins the one incident of
# its town giving its figures alike: 0.562 (18 of 32) / 0.427 (73 of 171); the one link more
# counted wrong is that same Manbij strike, which one outlet's article is coded `raqqa` for.
# Stop 21 merged: with the round's extraction and places (a quarter of a city merging with the
# city again): 0.594 (19 of 32) / 0.412 (72 of 175); both pins moved by that measurement.
# Stop 22: foreign forces on two sides of the war conflict, a report with no day that names a
# weekday joins the one incident of its town on that weekday, and "Saturdays blast" (a scraped
# possessive) is read as a weekday, by extraction and by linking: 0.688 (22 of 32) / 0.409 (74 of
# 181); recall pin moved by that measurement. All of stop 22 merged (wounded counts no deaths,
# war-scale tolls background, the places work): 0.688 (22 of 32) / 0.412 (75 of 182); the wrong
# pin moved by that measurement. "Reports suggesting that forces killed" told as a claimed event
# (a Security Council article on the 2013 chemical attack now joins the outlets' reports of it):
# 0.719 (23 of 32) / 0.409 (76 of 186); both pins moved by that measurement.
# Stop 23: a stated week gives undated reports no day to meet on, a placeless toll told first
# stays at the story's place (the Etilaf Khan Sheikhoun report), and an undated town report in
# a busy governorate reads its own town's reports: 0.844 (27 of 32) / 0.400 (76 of 190); both
# pins moved by that measurement.
RECALL_AT_LEAST = 0.84
WRONG_AT_MOST = 0.40

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def linking_scores(
    fakes_texts: Path,
    tmp_path_factory: pytest.TempPathFactory,
    sitreport_cli: Callable[..., None],
    scorer: Callable[..., dict[str, float]],
) -> dict[str, float]:
    out = tmp_path_factory.mktemp("fakes_linked")
    db = f"sqlite:///{out / 'ledger.db'}"
    sitreport_cli("ingest", str(fakes_texts), "--db", db)
    stored, incidents = out / "stored.jsonl", out / "incidents.jsonl"
    sitreport_cli("events", "--json", "--limit", "0", "--db", db, stdout_path=stored)
    sitreport_cli("incidents", "--json", "--limit", "0", "--db", db, stdout_path=incidents)
    return scorer("score_fakes.py", str(stored), "--incidents", str(incidents))


def test_reports_of_one_incident_are_linked(linking_scores: dict[str, float]) -> None:
    assert linking_scores["recall"] >= RECALL_AT_LEAST, linking_scores


def test_wrong_links_stay_rare(linking_scores: dict[str, float]) -> None:
    assert linking_scores["wrong"] <= WRONG_AT_MOST, linking_scores
