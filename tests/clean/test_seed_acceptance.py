"""The cleaner against the hand-annotated seed articles in ../shared, scored by the shared scorer.

The seeds are examples, not the exam: no rule exists for them alone. The pins below are the
scores reached by general rules; only an explicit, reviewed change may lower a pin.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

from sitreport.clean import clean_document
from sitreport.records import RawDocument

# Minimum (found, total) per scorer line. Only an explicit change may lower these.
PINNED = {
    "boilerplate removed": (22, 22),
    "content kept": (8, 8),
    "titles": (5, 5),
    "published dates": (2, 2),
    "duplicates removed": (1, 1),
}
_SCORE_LINE = re.compile(r"^(?P<name>[a-z ]+?)\s+[\d.na/]+ \((?P<found>\d+)/(?P<total>\d+)\)$")


def _clean_seeds_as_jsonl(seeds: Path) -> str:
    rows = []
    for path in sorted(seeds.glob("*.txt")):
        raw = RawDocument(str(path), path.name, path.read_text(encoding="utf-8"), "text")
        rows.append(json.dumps(clean_document(raw).to_clean_dict(), ensure_ascii=False))
    return "\n".join(rows) + "\n"


def _scores(output: str) -> dict[str, tuple[int, int]]:
    matches = (_SCORE_LINE.match(line.strip()) for line in output.splitlines())
    return {m["name"]: (int(m["found"]), int(m["total"])) for m in matches if m}


def test_seed_cleaning_scores_hold_their_pins(shared_dir: Path) -> None:
    result = subprocess.run(
        [sys.executable, str(shared_dir / "tools" / "score.py"), "clean", "-"],
        input=_clean_seeds_as_jsonl(shared_dir / "seeds"),
        capture_output=True,
        text=True,
        check=True,
    )
    scores = _scores(result.stdout)
    for name, (pinned_found, pinned_total) in PINNED.items():
        found, total = scores[name]
        assert total == pinned_total, f"{name}: the gold changed ({total} items, pinned {pinned_total})"
        assert found >= pinned_found, f"{name}: {found}/{total}, pinned at {pinned_found}\n{result.stdout}"
