"""Knowledge-base load time and place-finding throughput.

    .venv/bin/python bench/bench_kb.py

Cold load runs in a fresh interpreter each time (goal: under 1 s). Throughput runs
find_places over articles assembled from the hand-written sentences of
tests/resolve/place_mentions.csv, about 3,000 characters each (a typical news article, but
far denser in place names: a worst case).
Figures are printed, never asserted: timings depend on the machine.
"""

from __future__ import annotations

import csv
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SENTENCES = REPO / "tests" / "resolve" / "place_mentions.csv"
ARTICLE_CHARS = 3000
COLD_RUNS = 5
# The sample articles are few; each is resolved this many times for a steadier figure.
REPEATS = 10
LOAD_SNIPPET = (
    "import time; t = time.perf_counter(); from sitreport.kb import load_kb; load_kb(); "
    "print(time.perf_counter() - t)"
)


def cold_load_seconds() -> list[float]:
    runs = []
    for _ in range(COLD_RUNS):
        result = subprocess.run(
            [sys.executable, "-c", LOAD_SNIPPET], capture_output=True, text=True, check=True
        )
        runs.append(float(result.stdout.strip()))
    return runs


def sample_articles() -> list[str]:
    with SENTENCES.open(encoding="utf-8", newline="") as handle:
        sentences = list(dict.fromkeys(row["sentence"] for row in csv.DictReader(handle)))
    articles, current = [], ""
    for sentence in sentences:
        current += sentence + " "
        if len(current) >= ARTICLE_CHARS:
            articles.append(current)
            current = ""
    return articles


def main() -> None:
    loads = cold_load_seconds()
    print(f"cold load_kb(): median {statistics.median(loads):.2f} s, max {max(loads):.2f} s (goal < 1 s)")

    from sitreport.kb import load_kb
    from sitreport.resolve import find_actors, find_places, find_sources

    kb = load_kb()
    articles = sample_articles() * REPEATS
    chars = sum(len(a) for a in articles)
    for name, finder in (
        ("find_places", find_places),
        ("find_actors", find_actors),
        ("find_sources", find_sources),
    ):
        started, cpu = time.perf_counter(), time.process_time()
        found = sum(len(finder(article, kb)) for article in articles)
        wall, used = time.perf_counter() - started, time.process_time() - cpu
        print(
            f"{name}: {len(articles)} articles of ~{chars // len(articles)} chars, {found} mentions; "
            f"{1000 * wall / len(articles):.1f} ms/article wall, {1000 * used / len(articles):.1f} ms CPU, "
            f"{chars / wall / 1000:.0f}k chars/s"
        )


if __name__ == "__main__":
    main()
