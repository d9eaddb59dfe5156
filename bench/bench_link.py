"""Linking at 10k, 50k and 100k synthetic events: time, peak memory, time per event.

Run: .venv/bin/python bench/bench_link.py [--sizes 10000 50000 100000]

Each size runs in a fresh process so peak memory (max RSS) belongs to that size alone.
Events are invented: ~200 towns in 14 governorates, a year of days, the 12 types, 8 outlets;
each real incident is reported 1-4 times by different articles, with inferred dates drifting
up to a day, some reports only naming the governorate, some undated, figures that disagree.
The true incident of every event is known, so pairwise precision/recall are printed too.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from datetime import date, timedelta
from itertools import combinations

from sitreport.link import link_events
from sitreport.options import Options
from sitreport.records import EVENT_TYPES, Event, Place, Quantity

SEED = 20190310
GOVERNORATES = 14
TOWNS = 200
OUTLETS = 8
START = date(2019, 1, 1)


def places(rng: random.Random) -> tuple[list[Place], list[Place]]:
    areas = [
        Place(name=f"Governorate {g}", admin1=f"Governorate {g}", precision=3) for g in range(GOVERNORATES)
    ]
    towns = []
    for n in range(TOWNS):
        area = areas[n % GOVERNORATES]
        lat, lon = rng.uniform(32.3, 37.2), rng.uniform(35.7, 42.3)
        towns.append(
            Place(name=f"Town {n}", admin1=area.name, country="Syria", lat=lat, lon=lon, precision=1)
        )
    return towns, areas


def report(rng: random.Random, n: int, article: str, incident: dict, areas: dict[str, Place]) -> Event:
    """One article's view of an incident: place, date and figure as that outlet gave them."""
    town: Place = incident["town"]
    vague_place = rng.random() < 0.1
    undated, by_month, stated = rng.random() < 0.05, rng.random() < 0.03, rng.random() < 0.5
    day = incident["day"] + timedelta(days=0 if stated else rng.choice((0, 0, 1)))
    figure = max(1, int(incident["people"] * rng.choice((1.0, 1.0, 0.95, 1.1))))
    return Event(
        event_id=f"e{n}",
        article_id=article,
        event_type=incident["type"],
        date=None if undated else (day.strftime("%Y-%m") if by_month else day.isoformat()),
        date_precision=None if undated else ("month" if by_month else "day"),
        date_text="on Monday" if stated and not by_month else None,
        location=areas[town.admin1 or ""] if vague_place else town,
        quantities=[Quantity("people", figure, rng.choice(("exact", "approx", "min")), text="people")],
        outlet=f"Outlet {rng.randrange(OUTLETS)}",
    )


def synthetic(size: int) -> tuple[list[Event], dict[str, int]]:
    """Events and, for each, the incident it truly reports."""
    rng = random.Random(SEED)
    towns, area_list = places(rng)
    areas = {area.name: area for area in area_list}
    events: list[Event] = []
    truth: dict[str, int] = {}
    incident_number = 0
    while len(events) < size:
        incident = {
            "town": rng.choice(towns),
            "type": rng.choice(EVENT_TYPES),
            "day": START + timedelta(days=rng.randrange(365)),
            "people": rng.randrange(5, 2000),
        }
        for _ in range(min(rng.choice((1, 1, 2, 2, 3, 4)), size - len(events))):
            event = report(rng, len(events), f"article-{len(events)}", incident, areas)
            events.append(event)
            truth[event.event_id] = incident_number
        incident_number += 1
    return events, truth


def pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in combinations(sorted(group), 2)}


def run_one(size: int) -> dict[str, float]:
    events, truth = synthetic(size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu_started = time.perf_counter(), time.process_time()
    incidents = link_events(events, Options())
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    by_truth: dict[int, list[str]] = {}
    for event_id, label in truth.items():
        by_truth.setdefault(label, []).append(event_id)
    predicted, expected = pairs([i.events for i in incidents]), pairs(list(by_truth.values()))
    hits = len(predicted & expected)
    return {
        "events": size,
        "incidents": len(incidents),
        "seconds": seconds,
        "cpu_seconds": cpu,
        "peak_rss_mb": peak / 1024,
        "rss_before_link_mb": before / 1024,
        "precision": hits / len(predicted) if predicted else 1.0,
        "recall": hits / len(expected) if expected else 1.0,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    # CPU time is the figure to compare: wall time also counts other processes on the machine.
    header = ("events", "incidents", "wall s", "cpu s", "cpu us/event", "peak MB", "P", "R")
    print("{:>8} {:>9} {:>7} {:>7} {:>12} {:>8} {:>6} {:>6}".format(*header))
    for size in args.sizes:
        child = subprocess.run(
            [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True
        )
        r = json.loads(child.stdout)
        per_event = r["cpu_seconds"] / r["events"] * 1e6
        print(
            f"{r['events']:>8} {r['incidents']:>9} {r['seconds']:>7.2f} {r['cpu_seconds']:>7.2f} "
            f"{per_event:>12.1f} {r['peak_rss_mb']:>8.0f} {r['precision']:>6.3f} {r['recall']:>6.3f}"
        )


if __name__ == "__main__":
    main()
