"""Invented ledgers and articles for benchmarks and scale tests (samples, not reporting).

``synthetic_ledger`` makes stored-shaped articles with events directly (no text to read), to
build stores of any size quickly; ``synthetic_documents`` writes article texts for the ingest
benchmark. Both are seeded, so a size and a seed always give the same records. Places are
Syrian towns of the project's gazetteer (facts: names, governorates, coordinates); the
sentences are the project's own templates.

The mix follows what extraction produces from real reporting: most events name a town and a
day, some only a governorate, some have no date of their own (their article's day), with
tolls, actors and several outlets telling the same happening. Towns are drawn with a skewed
(Zipf-like) weight, so a few towns are dense, as besieged cities are in real reporting.
"""

from __future__ import annotations

import csv
import random
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache
from itertools import accumulate, islice
from pathlib import Path

from sitreport.link import link_events
from sitreport.options import Options
from sitreport.records import Actor, Article, Event, Evidence, Place, Quantity, RawDocument, stable_id
from sitreport.store import Store

GAZETTEER = Path(__file__).resolve().parent / "kb" / "places" / "gazetteer.csv"
FIRST_DAY = date(2016, 1, 1)
# Events per day the ledger spreads over: its days grow with its size, as a ledger fed for
# years does, so a bigger store is a longer history rather than a denser one.
EVENTS_PER_DAY = 40
# How many days before its arrival a ledger's article may tell of.
LATE_DAYS = 2
OUTLETS = ("Sample Wire", "Sample Daily", "Sample Monitor", "Sample Observer", "Sample Times")
ACTORS = (
    ("Syrian Arab Army", "state forces"),
    ("Free Syrian Army", "rebel group"),
    ("Hayat Tahrir al-Sham", "rebel group"),
    ("Islamic State", "rebel group"),
    ("Syrian Democratic Forces", "rebel group"),
)
# (event type, figure category or None, share of events)
EVENT_MIX = (
    ("armed_clash", "killed", 0.3),
    ("remote_violence", "killed", 0.25),
    ("casualties", "killed", 0.15),
    ("detention", "captured", 0.1),
    ("evacuation", "people", 0.1),
    ("aid", None, 0.05),
    ("territory_change", None, 0.05),
)


@dataclass(frozen=True)
class Town:
    name: str
    admin1: str
    lat: float
    lon: float


@cache
def towns() -> tuple[Town, ...]:
    """Syrian towns and cities of the gazetteer, most populous first."""
    with GAZETTEER.open(encoding="utf-8", newline="") as handle:
        rows = [
            row
            for row in csv.DictReader(handle)
            if row["country"] == "SY" and row["precision"] == "1" and row["admin1"]
        ]
    rows.sort(key=lambda row: -int(row["population"] or 0))
    return tuple(Town(row["name"], row["admin1"], float(row["lat"]), float(row["lon"])) for row in rows)


class _Draw:
    """Seeded choices shared by both generators."""

    def __init__(self, seed: int) -> None:
        self.random = random.Random(seed)
        everywhere = towns()
        self.towns = everywhere
        # Zipf-like: the n-th town is drawn in proportion to 1/(n+1). Cumulative, so that
        # random.choices does not add them up again on every draw.
        self.weights = list(accumulate(1 / (n + 1) for n in range(len(everywhere))))
        self.types = [kind for kind, _category, _share in EVENT_MIX]
        self.shares = [share for _kind, _category, share in EVENT_MIX]

    def town(self) -> Town:
        return self.random.choices(self.towns, cum_weights=self.weights)[0]

    def event_type(self) -> tuple[str, str | None]:
        kind = self.random.choices(self.types, self.shares)[0]
        return kind, next(category for name, category, _ in EVENT_MIX if name == kind)

    def day(self, days: int, start: date = FIRST_DAY) -> date:
        return start + timedelta(days=self.random.randrange(days))


def _place(town: Town, vague: bool) -> Place:
    if vague:
        return Place(town.admin1, admin1=town.admin1, country="Syria", kind="governorate", precision=3)
    return Place(
        town.name, admin1=town.admin1, country="Syria", lat=town.lat, lon=town.lon, kind="town", precision=1
    )


def _event(draw: _Draw, article_id: str, number: int, happened: date, town: Town) -> Event:
    roll = draw.random.random()
    kind, category = draw.event_type()
    dated = roll >= 0.15  # one in seven has no date of its own: its article's day
    told = roll >= 0.3  # of the dated, most state their date in words ("on Monday")
    actor, actor_kind = draw.random.choice(ACTORS)
    value = max(1, int(draw.random.lognormvariate(1.5, 1.0)))
    sentence = f"Sample sentence {number} about {kind} in {town.name}."
    return Event(
        event_id=stable_id(article_id, str(number)),
        article_id=article_id,
        event_type=kind,
        date=happened.isoformat() if dated else None,
        date_precision="day" if dated else None,
        date_text=f"on {happened:%A}" if told else None,
        location=_place(town, vague=draw.random.random() < 0.15),
        actors=[Actor(actor, kind=actor_kind)],
        quantities=[Quantity(category, value, text=f"{value} {category}")] if category else [],
        evidence=[Evidence(0, len(sentence), sentence)],
        confidence=round(draw.random.uniform(0.4, 0.95), 2),
    )


def synthetic_ledger(
    events: int, seed: int = 0, per_day: int = EVENTS_PER_DAY, start: date = FIRST_DAY
) -> Iterator[tuple[Article, list[Event]]]:
    """Articles with ``events`` events in all (1 to 3 each), about ``per_day`` a day from
    ``start`` on, ready for ``Store.save_articles``. They come in the order a feed brings them:
    day after day, each telling of its day or up to LATE_DAYS before."""
    draw = _Draw(seed)
    made = 0
    number = 0
    while made < events:
        number += 1
        today = start + timedelta(days=made // per_day)
        happened = max(start, today - timedelta(days=draw.random.randrange(LATE_DAYS + 1)))
        published = today + timedelta(days=draw.random.choice((0, 0, 1, 2)))
        article_id = stable_id("synthetic", str(seed), str(number))
        article = Article(
            article_id=article_id,
            source=f"synthetic/{seed}/{number}",
            file=f"{number}.txt",
            text=f"Sample article {number}.",
            title=f"Sample article {number}",
            published=published.isoformat(),
            outlet=draw.random.choice(OUTLETS),
        )
        count = min(events - made, draw.random.choice((1, 1, 2, 3)))
        town = draw.town()
        yield article, [_event(draw, article_id, n, happened, town) for n in range(count)]
        made += count


# Articles per batch of ``build_ledger``: about 9,000 events, some 220 days of a 40-a-day feed.
BUILD_BATCH = 5000


def build_ledger(
    store: Store, events: int, seed: int = 0, options: Options | None = None, batch: int = BUILD_BATCH
) -> None:
    """Store ``synthetic_ledger(events, seed)`` with its events linked into incidents, fast
    enough to build stores of a million events for benchmarks.

    Each batch goes through the store's bulk path (``save_articles``: one transaction, one
    multi-row insert per table) and is linked in memory (``link_events``) rather than read back
    by incremental linking: about a fifth of the CPU (10k events: 7 s against 34 s). Batches
    follow the feed's days, so the only difference from linking the whole ledger is that no
    incident spans the day or two at a batch's edge. Every event ends in an incident."""
    options = options or Options()
    ledger = synthetic_ledger(events, seed)
    while articles := list(islice(ledger, batch)):
        store.save_articles(articles)
        published = {article.article_id: article.published for article, _ in articles if article.published}
        told = [event for _, article_events in articles for event in article_events]
        store.upsert_incidents(link_events(told, options, published=published))


# Sentences of the article generator: {town}, {admin1}, {actor}, {n}, {day} are filled in.
_LEADS = (
    "{n} people were killed in shelling on {town} in {admin1} province on {day}, a monitor said.",
    "Government forces and {actor} fighters clashed near {town} on {day}, leaving {n} fighters dead.",
    "An air strike hit a market in {town} on {day}, killing {n} civilians, residents said.",
    "{actor} evacuated {n} families from {town} on {day} under a local agreement.",
    "Security forces arrested {n} people in {town} on {day}, the group said.",
)
_BODY = (
    "The monitor said the toll was likely to rise as rescuers searched the rubble.",
    "Residents described heavy bombardment through the night and a shortage of medical supplies.",
    "Local officials said the road to {admin1} remained closed to traffic.",
    "The United Nations called on all parties to protect civilians and allow aid to pass.",
    "Fighting has displaced thousands of people from the area over the past months.",
    "A spokesman for {actor} declined to comment on the reports.",
    "Aid groups said hospitals in the area were struggling to cope with the wounded.",
    "Witnesses said several buildings collapsed and a school was damaged.",
)


def synthetic_documents(count: int, seed: int = 0) -> Iterator[RawDocument]:
    """``count`` invented news articles (about 250 to 450 words each) as documents to ingest."""
    draw = _Draw(seed)
    for number in range(count):
        happened = draw.day(max(30, count // 10))
        values = {
            "town": (town := draw.town()).name,
            "admin1": town.admin1,
            "actor": draw.random.choice(ACTORS)[0],
            "n": str(max(2, int(draw.random.lognormvariate(1.5, 1.0)))),
            "day": f"{happened:%B} {happened.day}, {happened.year}",
        }
        leads = draw.random.sample(_LEADS, 2)
        body = [draw.random.choice(_BODY) for _ in range(draw.random.randint(12, 24))]
        paragraphs = [sentence.format(**values) for sentence in (*leads, *body)]
        yield RawDocument(
            source=f"synthetic/{seed}/{number}.txt",
            name=f"{number}.txt",
            content=f"Sample report {number} from {values['town']}\n\n" + "\n\n".join(paragraphs) + "\n",
            meta={
                "published": (happened + timedelta(days=1)).isoformat(),
                "outlet": draw.random.choice(OUTLETS),
            },
        )
