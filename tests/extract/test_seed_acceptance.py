"""The seeds through clean, annotate and extract, scored by ../shared/tools/score.py.

The pins are the scores reached; only an explicit, explained change may lower them.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from sitreport.annotate import annotate
from sitreport.clean import clean_document
from sitreport.extract import extract_events
from sitreport.kb import load_kb
from sitreport.options import Options
from sitreport.records import RawDocument

PINNED = {"F1": 0.98, "quantities": 1.0, "attribution": 1.0}
PINNED_LINES = {"qualifier acc.": 1.0, "date acc.": 1.0, "event recall": 1.0, "actor recall": 0.93}


@pytest.fixture(scope="module")
def score_output(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    articles = [
        clean_document(RawDocument(source=str(p), name=p.name, content=p.read_text(encoding="utf-8")))
        for p in seeds
    ]
    kb = load_kb()
    lines = [
        json.dumps(event.to_dict())
        for article, doc in annotate(articles, Options())
        for event in extract_events(article, doc, kb)
    ]
    events = tmp_path_factory.mktemp("seeds") / "events.jsonl"
    events.write_text("\n".join(lines) + "\n", encoding="utf-8")
    scorer = shared_dir / "tools" / "score.py"
    result = subprocess.run(
        [sys.executable, str(scorer), "events", str(events), "-v"], capture_output=True, text=True, check=True
    )
    return result.stdout


def summary_value(output: str, name: str) -> float:
    match = re.search(rf"{name}=([0-9.]+)", output.splitlines()[-1])
    assert match, output
    return float(match.group(1))


def line_value(output: str, label: str) -> float:
    match = re.search(rf"^{re.escape(label)}\s+([0-9.]+)", output, re.MULTILINE)
    assert match, output
    return float(match.group(1))


@pytest.mark.parametrize("name", sorted(PINNED))
def test_summary_scores_hold(score_output: str, name: str) -> None:
    assert summary_value(score_output, name) >= PINNED[name], score_output


@pytest.mark.parametrize("label", sorted(PINNED_LINES))
def test_detail_scores_hold(score_output: str, label: str) -> None:
    assert line_value(score_output, label) >= PINNED_LINES[label], score_output
