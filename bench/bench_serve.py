"""Time the web UI and API over 10k generated events in a temporary SQLite store.

Run: .venv/bin/python bench/bench_serve.py [--events 10000] [--repeat 5]
Generated records are synthetic (random types, places, dates, figures); nothing is fetched.
Prints the median and worst time per URL, through a real uvicorn server on 127.0.0.1.
Pairs of articles are linked into incidents by hand (not by the linker), so incident pages
have something to show without timing the link stage.
"""

from __future__ import annotations

import argparse
import random
import socket
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path

import httpx
import uvicorn

from sitreport.records import (
    EVENT_TYPES,
    Article,
    Claim,
    Estimate,
    Event,
    Evidence,
    Incident,
    Place,
    Quantity,
    stable_id,
)
from sitreport.serve import create_app
from sitreport.store import Store

PLACES = [
    Place("Douma", "Rif Dimashq", "Syria", 33.57, 36.40, precision=1),
    Place("Daraa", "Daraa", "Syria", 32.62, 36.10, precision=1),
    Place("Idlib", "Idlib", "Syria", 35.93, 36.63, precision=1),
    Place("Hama", "Hama", "Syria", 35.13, 36.75, precision=1),
    Place("Raqqa", "Ar-Raqqah", "Syria", 35.95, 39.01, precision=1),
    Place("Deir ez-Zor", "Deir ez-Zor", "Syria", 35.33, 40.14, precision=1),
    Place("Aleppo", "Aleppo", "Syria", 36.20, 37.16, precision=1),
]
SOURCES = ["SANA", "SOHR", "Reuters", "AFP"]
OUTLETS = ["Bench Wire", "Bench Daily", "Bench Monitor"]
EVENTS_PER_ARTICLE = 5
# {event}, {article} and {incident} are filled with ids from the generated store.
URLS = [
    "/events",
    "/events?event_type=evacuation&sort=-date",
    "/events?place=Idlib&date_from=2018-03-01&date_to=2018-06-30",
    "/events?text=bench&offset=5000",
    "/events?sort=-place&offset=9000",
    "/events/{event}",
    "/api/events?limit=100",
    "/api/events?limit=1000",
    "/api/events?source=SOHR&sort=-confidence",
    "/api/timeline?by=day",
    "/api/timeline?by=week",
    "/api/timeline?by=auto",
    "/api/timeline?by=auto&source=sohr&place=idleb",
    "/events?event_type=armed_clash&event_type=aid&min_fatalities=100",
    "/events?disputed=1",
    "/map",
    "/api/map",
    "/api/map?place=Idlib",
    "/api/events.csv?event_type=armed_clash",
    "/api/events.geojson?event_type=armed_clash",
    "/api/events.acled?event_type=armed_clash",
    "/api/events.plover?event_type=armed_clash",
    "/api/events.jsonl",
    "/api/events.csv",
    "/incidents",
    "/api/incidents?limit=1000",
    "/incidents?source=sohr&event_type=evacuation",
    "/incidents/{incident}",
    "/articles",
    "/articles/{article}",
    "/places",
    "/sources",
    "/api/sources",
    "/sources?sort=outlet&offset=50",
]


def generated_article(index: int, rng: random.Random, start: date) -> tuple[Article, list[Event]]:
    sentences = [
        f"Bench sentence {index}-{n}: {rng.randint(2, 900)} people were reported."
        for n in range(EVENTS_PER_ARTICLE)
    ]
    text = " ".join(sentences)
    article = Article(
        stable_id(text),
        "bench",
        f"bench-{index}.txt",
        text,
        text,
        f"Bench article {index}",
        str(start + timedelta(days=index % 365)),
        outlet=rng.choice(OUTLETS),
    )
    events = []
    offset = 0
    for n, sentence in enumerate(sentences):
        day = start + timedelta(days=rng.randint(0, 364))
        figure = rng.randint(2, 900)
        events.append(
            Event(
                event_id=stable_id(article.article_id, str(n)),
                article_id=article.article_id,
                event_type=rng.choice(EVENT_TYPES),
                date=day.isoformat(),
                date_precision="day",
                location=rng.choice(PLACES),
                sources=[rng.choice(SOURCES)],
                confidence=round(rng.random(), 2),
                quantities=[Quantity("people", figure, "approx", text=f"{figure} people")],
                evidence=[Evidence(offset, offset + len(sentence), sentence)],
                outlet=article.outlet,
            )
        )
        offset += len(sentence) + 1
    return article, events


def linked(first: Event, second: Event) -> Incident:
    """Two events as one incident, with each figure as a claim (built by hand, not linked)."""
    claims = [
        Claim(q.category, q.value, q.qualifier, q.kind, source, e.article_id, e.event_id, q.text)
        for e in (first, second)
        for q, source in zip(e.quantities, e.sources, strict=False)
    ]
    values = sorted(claim.value for claim in claims)
    return Incident(
        incident_id=stable_id("incident", first.event_id, second.event_id),
        event_type=first.event_type,
        date=first.date,
        location=first.location,
        events=[first.event_id, second.event_id],
        articles=[first.article_id, second.article_id],
        sources=sorted({*first.sources, *second.sources}),
        claims=claims,
        estimates={"people": Estimate(values[0], values[-1], values[-1])},
        disputed=values[0] * 2 < values[-1],
    )


def fill(db_url: str, event_count: int) -> dict[str, str]:
    """Store the generated articles and incidents; ids of one of each, for the URLs."""
    rng = random.Random(7)
    incidents, previous = [], None
    with Store(db_url) as store:
        for index in range(event_count // EVENTS_PER_ARTICLE):
            article, events = generated_article(index, rng, date(2018, 1, 1))
            store.save_article(article, events)
            if previous is not None and index % 2:
                incidents.append(linked(previous, events[0]))
            previous = events[0]
        store.replace_incidents(incidents)
    return {
        "event": incidents[0].events[0],
        "article": incidents[0].articles[0],
        "incident": incidents[0].incident_id,
    }


@contextmanager
def running_server(db_url: str) -> Iterator[str]:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    host, port = listener.getsockname()
    server = uvicorn.Server(uvicorn.Config(create_app(db_url), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join()


def time_url(client: httpx.Client, url: str, repeat: int) -> list[float]:
    timings = []
    for _ in range(repeat):
        began = time.perf_counter()
        client.get(url).raise_for_status()
        timings.append(time.perf_counter() - began)
    return timings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        db_url = f"sqlite:///{Path(folder) / 'bench.db'}"
        began = time.perf_counter()
        ids = fill(db_url, args.events)
        sys.stdout.write(f"filled {args.events} events in {time.perf_counter() - began:.1f} s\n")
        with running_server(db_url) as base, httpx.Client(base_url=base, timeout=120) as client:
            sys.stdout.write(f"{'url':<62} {'median ms':>10} {'worst ms':>10} {'bytes':>10}\n")
            for url in (template.format(**ids) for template in URLS):
                timings = time_url(client, url, args.repeat)
                size = len(client.get(url).content)
                median, worst = statistics.median(timings) * 1000, max(timings) * 1000
                sys.stdout.write(f"{url:<62} {median:>10.1f} {worst:>10.1f} {size:>10}\n")


if __name__ == "__main__":
    main()
