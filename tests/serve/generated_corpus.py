"""A generated corpus for the dashboard's browser tests and screenshots: SAMPLE text.

Written for this project, not taken from any corpus: every article's text is assembled from
the sentence patterns below, with places (names, governorates, coordinates) taken from the
project's gazetteer and wording from its framing lexicon, so that each page meets what an
analyst's corpus brings: events over decades, hundreds of outlets (more than one page of
them), governorate- and country-level places, fatalities, several sources, disputed
incidents. It is seeded: the same corpus every run.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from sitreport.extract.typology import default_sub_event
from sitreport.kb import load_kb
from sitreport.kb.gazetteer import ADMIN1_KIND, PlaceEntry
from sitreport.link.framing import load_lexicon
from sitreport.records import (
    Actor,
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
from sitreport.store import Store

SEED = 16
EVENTS = 640
OUTLETS = 320  # more than six pages of 50 on the framing page
# The whole range an analyst's corpus may span (years), with most events in the war years.
EARLY_YEARS = range(1985, 2011)
WAR_YEARS = range(2011, 2020)
EARLY_SHARE = 0.08
SOURCES = ("SOHR", "SANA", "Reuters", "AFP", "SNHR", "Enab Baladi")
ACTORS = ("Syrian Arab Army", "Russia", "HTS", "SDF", "Free Syrian Army", "Islamic State")
TYPES = ("armed_clash", "remote_violence", "evacuation", "detention", "agreement", "aid", "casualties")
KILLING_TYPES = frozenset({"armed_clash", "remote_violence", "casualties"})
# Where an event is known: town (1), district or area (2), governorate (3), country (4).
PRECISION_SHARES = ((1, 0.7), (2, 0.12), (3, 0.12), (4, 0.06))
INCIDENT_EVERY = 6  # every sixth event is reported again by another outlet: an incident of two
SENTENCE = "SAMPLE generated report {n}. {govt} and {opposition} were reported in {place} on {day}."
KILLED = " At least {killed} people were killed, {source} said."
NO_FIGURE = " {source} gave no figure."


@dataclass
class Corpus:
    """What the generator made, to save and to check the pages against."""

    articles: list[tuple[Article, list[Event]]] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)

    @property
    def events(self) -> list[Event]:
        return [event for _, events in self.articles for event in events]

    def save(self, db_url: str) -> None:
        with Store(db_url) as store:
            for article, events in self.articles:
                store.save_article(article, events)
            store.replace_incidents(self.incidents)


def _place(entry: PlaceEntry, precision: int) -> Place:
    return Place(
        entry.name,
        entry.admin1,
        "Syria",
        entry.lat,
        entry.lon,
        geonames_id=entry.geonames_id,
        kind=entry.kind,
        precision=precision,
    )


def syrian_places() -> dict[int, list[Place]]:
    """Gazetteer places by precision: towns (1), the same towns as areas (2), governorates (3)
    and the country (4)."""
    entries = [e for e in load_kb().places.entries if e.country == "SY"]
    towns = sorted((e for e in entries if e.precision == 1 and e.population >= 20_000), key=lambda e: e.name)
    governorates = [e for e in entries if e.kind == ADMIN1_KIND]
    country = Place("Syria", None, "Syria", 35.0, 38.5, kind="country", precision=4)
    return {
        1: [_place(e, 1) for e in towns],
        2: [_place(e, 2) for e in towns[::3]],
        3: [_place(e, 3) for e in governorates],
        4: [country],
    }


def _day(rng: random.Random) -> str:
    years = EARLY_YEARS if rng.random() < EARLY_SHARE else WAR_YEARS
    return f"{rng.choice(years)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"


def _precision(rng: random.Random) -> int:
    roll, total = rng.random(), 0.0
    for precision, share in PRECISION_SHARES:
        total += share
        if roll < total:
            return precision
    return 1


@dataclass
class _Terms:
    government: list[str]
    opposition: list[str]


def _terms() -> _Terms:
    terms = load_lexicon().terms.values()
    return _Terms(
        sorted(t.term for t in terms if t.side == "government"),
        sorted(t.term for t in terms if t.side == "armed_opposition"),
    )


def _text(n: int, rng: random.Random, terms: _Terms, place: Place, day: str, killed: int, source: str) -> str:
    # Each outlet leans to a few words, so outlets differ the way the framing page shows.
    text = SENTENCE.format(
        n=n,
        govt=rng.choice(terms.government[: 2 + n % 4]).capitalize(),
        opposition=rng.choice(terms.opposition[n % 5 :]),
        place=place.name,
        day=day,
    )
    return text + (KILLED.format(killed=killed, source=source) if killed else NO_FIGURE.format(source=source))


def _event(
    n: int, article: Article, event_type: str, place: Place, day: str, killed: int, source: str
) -> Event:
    figure = f"At least {killed}"
    quantities = []
    if killed:
        start = article.text.index(figure)
        quantities = [Quantity("killed", killed, "min", None, source, figure, start, start + len(figure))]
    first_sentence = article.text.split(". ")[1]
    start = article.text.index(first_sentence)
    return Event(
        event_id=stable_id("generated", str(n)),
        article_id=article.article_id,
        event_type=event_type,
        source_file=article.file,
        date=day,
        date_precision="day",
        location=place,
        # Not in step with the source (n % len(SOURCES)): every source reports every actor.
        actors=[
            Actor(ACTORS[n // len(SOURCES) % len(ACTORS)]),
            Actor(ACTORS[(n + 2) % len(ACTORS)], "target"),
        ],
        quantities=quantities,
        sources=[source],
        evidence=[Evidence(start, start + len(first_sentence), first_sentence)],
        confidence=round(0.4 + (n % 6) / 10, 2),
        outlet=article.outlet,
        sub_event_type=default_sub_event(event_type),
    )


def _report(
    n: int, rng: random.Random, terms: _Terms, event_type: str, place: Place, day: str
) -> tuple[Article, Event]:
    killed = rng.choice((0, 1, 2, 3, 5, 8, 12, 20, 35, 60, 140)) if event_type in KILLING_TYPES else 0
    source = SOURCES[n % len(SOURCES)]
    # Every outlet reports once; beyond that a few report much and most little, as in real news.
    outlet = f"Sample Outlet {n if n < OUTLETS else int(OUTLETS * rng.random() ** 3):03d}"
    text = _text(n, rng, terms, place, day, killed, source)
    article = Article(
        stable_id("generated article", str(n)),
        "generated",
        f"generated-{n:04d}.txt",
        text,
        text,
        f"SAMPLE {event_type.replace('_', ' ')} in {place.name}",
        f"{day}T12:00",
        None,
        None,
        outlet,
    )
    return article, _event(n, article, event_type, place, day, killed, source)


def _incident(first: Event, second: Event) -> Incident:
    claims = [
        Claim(q.category, q.value, q.qualifier, q.kind, q.source, e.article_id, e.event_id, q.text)
        for e in (first, second)
        for q in e.quantities
    ]
    values = sorted(claim.value for claim in claims)
    estimates = {"killed": Estimate(values[0], values[-1], None)} if values else {}
    return Incident(
        incident_id=stable_id("generated incident", first.event_id, second.event_id),
        event_type=first.event_type,
        date=first.date,
        location=first.location,
        events=[first.event_id, second.event_id],
        articles=[first.article_id, second.article_id],
        sources=sorted({*first.sources, *second.sources}),
        claims=claims,
        estimates=estimates,
        disputed=len(set(values)) > 1,
    )


def generate(events: int = EVENTS) -> Corpus:
    rng = random.Random(SEED)
    places, terms = syrian_places(), _terms()
    corpus = Corpus()
    n = 0
    while n < events:
        event_type, day = rng.choice(TYPES), _day(rng)
        place = rng.choice(places[_precision(rng)])
        article, event = _report(n, rng, terms, event_type, place, day)
        corpus.articles.append((article, [event]))
        n += 1
        if n % INCIDENT_EVERY == 0 and n < events:
            again, other = _report(n, rng, terms, event_type, place, day)
            corpus.articles.append((again, [other]))
            corpus.incidents.append(_incident(event, other))
            n += 1
    return corpus
