"""Linking at 10k, 50k and 100k synthetic events: time, peak memory, time per event, P/R.

Run: .venv/bin/python bench/bench_link.py [--sizes 10000 50000 100000]

Each size runs in a fresh process so peak memory (max RSS) belongs to that size alone; the
fastest of ``--repeat`` runs is shown.
The generator invents one year of conflict reporting from one country, with its ground truth:
incidents happen in 1,000 towns of 14 governorates, a few towns drawing much of the news
(weight 1/(rank + 10)); types, figures and actors follow the shape of a real year (strikes and
clashes dominate, tolls are small and heavy-tailed, convoys count hundreds of people). Each
incident is reported by 1-5 outlets; a report names the town or only the governorate (12 %),
states the day (50 %), takes its publication day (0-2 days later; 30 %), gives only the month
(4 %) or no date (16 %); it gives each figure with some probability, rounded, as a bound or
(15 %) as a different count, and names the doer half the time. Some articles are round-ups
of several incidents of one day. Each article has a publication day (0-2 days after its first report's
incident, drawn from a second generator so the events are the same as without it), passed to
linking as a page would give it. The sizes share the year, so a larger corpus is a denser one: the hard
case for blocking and for precision.
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
from sitreport.records import Actor, Event, Place, Quantity, stable_id

SEED = 20190310
GOVERNORATES = 14
TOWNS = 1000
OUTLETS = 8
START = date(2019, 1, 1)
# Invented type shares with the shape of reporting on the Syrian war: strikes and clashes dominate.
TYPE_WEIGHTS = {
    "remote_violence": 30, "armed_clash": 25, "casualties": 10, "detention": 8,
    "territory_change": 5, "deployment": 5, "siege": 3, "evacuation": 3, "agreement": 3,
    "surrender": 3, "aid": 3, "weapons_handover": 2,
}  # fmt: skip
# (category, kind, typical size) of the figures an incident of a type may have.
FIGURES = {
    "remote_violence": [("killed", "civilians", 6), ("injured", None, 12)],
    "armed_clash": [("killed", "fighters", 10), ("captured", None, 4)],
    "casualties": [("killed", "civilians", 5)],
    "detention": [("captured", None, 8)],
    "evacuation": [("people", None, 900), ("buses", None, 25)],
    "aid": [("vehicles", None, 30)],
    "surrender": [("fighters", None, 60)],
    "weapons_handover": [("weapons", "tanks", 5)],
}
DOERS = [
    Actor("Syrian government", kind="state forces"),
    Actor("Islamic State", kind="rebel group"),
    Actor("Hayat Tahrir al-Sham", kind="rebel group"),
    Actor("National Defence Forces", kind="political militia"),
]


def places(rng: random.Random) -> tuple[list[Place], list[float], dict[str, Place]]:
    """Towns, their news weights, and the governorates by name."""
    areas = {
        f"Governorate {g}": Place(name=f"Governorate {g}", admin1=f"Governorate {g}", precision=3)
        for g in range(GOVERNORATES)
    }
    names = list(areas)
    towns = [
        Place(
            name=f"Town {n}",
            admin1=rng.choice(names),
            country="Syria",
            lat=rng.uniform(32.3, 37.2),
            lon=rng.uniform(35.7, 42.3),
            precision=1,
        )
        for n in range(TOWNS)
    ]
    return towns, [1 / (rank + 10) for rank in range(TOWNS)], areas


def figure_value(rng: random.Random, typical: int) -> int:
    """Heavy-tailed: mostly near the typical size, now and then many times it."""
    return max(1, round(typical * rng.lognormvariate(0, 0.9)))


def incident(rng: random.Random, towns: list[Place], weights: list[float]) -> dict:
    event_type = rng.choices(list(TYPE_WEIGHTS), weights=list(TYPE_WEIGHTS.values()))[0]
    figures = [(c, k, figure_value(rng, t)) for c, k, t in FIGURES.get(event_type, []) if rng.random() < 0.8]
    return {
        "type": event_type,
        "town": rng.choices(towns, weights=weights)[0],
        "day": START + timedelta(days=rng.randrange(365)),
        "figures": figures,
        "doer": rng.choice(DOERS),
    }


def reported_figure(rng: random.Random, category: str, kind: str | None, value: int) -> Quantity:
    """One outlet's version of a figure: as is, rounded, as a bound, or a different count."""
    if rng.random() < 0.15:
        value = max(1, round(value * rng.uniform(0.6, 1.5)))
    qualifier = rng.choices(("exact", "approx", "min", "max"), weights=(60, 20, 15, 5))[0]
    if qualifier in ("approx", "min"):
        value = round(value, 2 - len(str(value)))  # "around 1,600", "at least 40"
    return Quantity(category, value, qualifier, kind=kind, text=category)


def report_date(rng: random.Random, day: date) -> tuple[str | None, str | None, str | None]:
    """(date, precision, date_text) as one outlet gives the incident's day."""
    roll = rng.random()
    if roll < 0.16:
        return None, None, None
    if roll < 0.20:
        return day.strftime("%Y-%m"), "month", "in March"
    if roll < 0.70:
        return day.isoformat(), "day", "on Monday"
    published = day + timedelta(days=rng.choices((0, 1, 2), weights=(60, 35, 5))[0])
    return published.isoformat(), "day", None


def report(
    rng: random.Random, n: int, article: str, outlet: str, truth: dict, areas: dict[str, Place]
) -> Event:
    """One article's view of an incident: place, date, figures and doer as that outlet gave them."""
    town: Place = truth["town"]
    when, precision, text = report_date(rng, truth["day"])
    roll = rng.random()
    return Event(
        event_id=stable_id("bench-event", str(n)),
        article_id=article,
        event_type=truth["type"],
        date=when,
        date_precision=precision,
        date_text=text,
        location=None if roll < 0.03 else areas[town.admin1 or ""] if roll < 0.15 else town,
        actors=[truth["doer"]] if rng.random() < 0.5 else [],
        quantities=[reported_figure(rng, *figure) for figure in truth["figures"] if rng.random() < 0.8],
        outlet=outlet,
    )


def synthetic(size: int) -> tuple[list[Event], dict[str, int], dict[str, str]]:
    """Events, the incident each truly reports, and each article's publication day."""
    rng, delays = random.Random(SEED), random.Random(SEED + 1)
    towns, weights, areas = places(rng)
    events: list[Event] = []
    truth: dict[str, int] = {}
    published: dict[str, str] = {}
    roundup: dict[str, str] = {}  # outlet -> its open round-up article
    opened: dict[str, date] = {}  # outlet -> the day its round-up covers
    number = 0
    while len(events) < size:
        happened = incident(rng, towns, weights)
        reporters = rng.sample(range(OUTLETS), rng.choices((1, 2, 3, 4, 5), weights=(45, 30, 15, 7, 3))[0])
        for outlet in (f"Outlet {o}" for o in reporters[: size - len(events)]):
            # A quarter of reports sit in a round-up with the outlet's other news of the day
            # (checked last, so the draws, and thus the events, are those of a generator without it).
            if outlet not in roundup or rng.random() > 0.25 or opened[outlet] != happened["day"]:
                roundup[outlet], opened[outlet] = f"article-{len(events)}", happened["day"]
                delay = delays.choices((0, 1, 2), weights=(60, 35, 5))[0]
                published[roundup[outlet]] = (happened["day"] + timedelta(days=delay)).isoformat()
            event = report(rng, len(events), roundup[outlet], outlet, happened, areas)
            events.append(event)
            truth[event.event_id] = number
        number += 1
    return events, truth, published


def pairs(groups: list[list[str]]) -> set[tuple[str, str]]:
    return {pair for group in groups for pair in combinations(sorted(group), 2)}


def run_one(size: int) -> dict[str, float]:
    events, truth, published = synthetic(size)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started, cpu_started = time.perf_counter(), time.process_time()
    incidents = link_events(events, Options(), published=published)
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


def measure(size: int) -> dict[str, float]:
    """One size in a fresh process, so its peak memory is its own."""
    child = subprocess.run(
        [sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(child.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 50_000, 100_000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest is shown")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one)))
        return
    # CPU time is the figure to compare: wall time also counts other processes on the machine.
    header = ("events", "incidents", "wall s", "cpu s", "cpu us/event", "peak MB", "P", "R")
    print("{:>8} {:>9} {:>7} {:>7} {:>12} {:>8} {:>6} {:>6}".format(*header))
    for size in args.sizes:
        # The fastest of several runs: other processes on the machine only ever add time.
        r = min((measure(size) for _ in range(args.repeat)), key=lambda run: run["cpu_seconds"])
        per_event = r["cpu_seconds"] / r["events"] * 1e6
        print(
            f"{r['events']:>8} {r['incidents']:>9} {r['seconds']:>7.2f} {r['cpu_seconds']:>7.2f} "
            f"{per_event:>12.1f} {r['peak_rss_mb']:>8.0f} {r['precision']:>6.3f} {r['recall']:>6.3f}"
        )


if __name__ == "__main__":
    main()
