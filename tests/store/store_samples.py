"""Sample records for the store tests (invented for the project, not taken from any seed).

``corpus()`` is a small hand-made ledger whose filter and sort results are worked out in
the tests; the hypothesis strategies cover every field of every record.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from hypothesis import strategies as st

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
)

DARAA = Place("Daraa", admin1="Daraa", country="Syria", lat=32.6189, lon=36.1021, geonames_id=170794)
BUSRA = Place("Busra al-Harir", admin1="Daraa", country="Syria", kind="town", precision=1)
IDLIB = Place("Idlib", admin1="Idlib", country="Syria", lat=35.9306, lon=36.6339)
# Non-ASCII on purpose: SQLite's lower() leaves "É" alone, and byte order puts "é" after "z".
ERIHA = Place("Ériha", admin1="Idlib", country="Syria", mention="Ariha", resolved=False)
HAMA = Place("Hama", admin1="Hama", country="Syria")
QUNEITRA = Place("Quneitra", admin1="Quneitra", country="Syria")


def article(article_id: str, title: str, outlet: str) -> Article:
    text = f"Sample article {article_id} written for the sitreport tests."
    return Article(
        article_id=article_id,
        source=f"samples/{article_id}.txt",
        file=f"{article_id}.txt",
        text=text,
        raw_text=f"<p>{text}</p>",
        title=title,
        published="2018-08-02T14:54",
        agency="AFP",
        dateline="DAMASCUS",
        outlet=outlet,
        url=f"https://example.org/{article_id}",
    )


def event(event_id: str, article_id: str, event_type: str, evidence_text: str, **fields: object) -> Event:
    defaults: dict[str, object] = {"evidence": [Evidence(0, len(evidence_text), evidence_text)]}
    return Event(event_id=event_id, article_id=article_id, event_type=event_type, **{**defaults, **fields})


@dataclass
class Corpus:
    articles: list[Article]
    events: dict[str, Event]

    def events_of(self, article_id: str) -> list[Event]:
        return [e for e in self.events.values() if e.article_id == article_id]


def corpus() -> Corpus:
    """Three articles, five events: dated by day, by month and not at all; places in every role."""
    a1 = article("a1", "Fighters leave Daraa countryside", "Enab Baladi")
    a2 = article("a2", "Strikes on Hama", "Al-Masdar")
    a3 = article("a3", "Truce holds in Quneitra", "Reuters")
    events = [
        event(
            "e1", "a1", "evacuation", "Fifteen buses carrying fighters left Busra",
            date="2018-08-01", date_precision="day", date_text="on Wednesday",
            location=DARAA, origin=BUSRA, destination=IDLIB, confidence=0.9, source_file="a1.txt",
            actors=[Actor("Syrian Arab Army"), Actor("Russia", role="mediator", kind="state")],
            quantities=[Quantity("buses", 15, text="Fifteen buses", start=0, end=13)],
            sources=["SANA"],
        ),
        event(
            "e2", "a1", "armed_clash", "Clashes broke out near Ériha",
            date="2018-08", date_precision="month", location=ERIHA, confidence=0.4,
            actors=[Actor("HTS", kind="rebel")], sources=["SOHR"],
        ),
        event(
            "e3", "a2", "remote_violence", "Air strikes hit 50% of the town",
            date="2018-08-03", location=HAMA, confidence=0.7, outlet="Al-Masdar News",
            actors=[Actor("Russia", role="actor")], sources=["SOHR", "SANA"],
            quantities=[Quantity("killed", 12, "min", kind="civilians", source="SOHR", text="at least 12")],
        ),
        event("e4", "a2", "evacuation", "a convoy", confidence=0.4),
        event(
            "e5", "a3", "agreement", "a deal was reached",
            date="2018-07-30", location=QUNEITRA, origin=DARAA, confidence=0.6, sources=["Reuters"],
        ),
    ]  # fmt: skip
    return Corpus([a1, a2, a3], {e.event_id: e for e in events})


def incident(incident_id: str, event_type: str, events: list[str], **fields: object) -> Incident:
    defaults: dict[str, object] = {
        "date": None,
        "location": None,
        "articles": [],
        "sources": [],
        "claims": [],
        "estimates": {},
        "disputed": False,
    }
    return Incident(incident_id=incident_id, event_type=event_type, events=events, **{**defaults, **fields})


def evacuation_incident() -> Incident:
    """An incident with every part filled, members listed out of id order."""
    claim = Claim("buses", 15, "exact", None, "SANA", "a1", "e1", "Fifteen buses")
    return incident(
        "i-evac",
        "evacuation",
        ["e4", "e1"],
        date="2018-08-01",
        location=DARAA,
        articles=["a1", "a2"],
        sources=["SANA"],
        claims=[claim],
        estimates={"buses": Estimate(15, 15, None), "killed/civilians": Estimate(12, 12, 20)},
        disputed=True,
    )


# -- hypothesis strategies ---------------------------------------------------------------

# PostgreSQL text cannot hold NUL; every other character must survive the round trip.
texts = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=12)
optional_texts = st.none() | texts
int32 = st.integers(-(2**31), 2**31 - 1)
int64 = st.integers(-(2**63), 2**63 - 1)
finite_floats = st.floats(allow_nan=False, allow_infinity=False)
dates = (
    st.none()
    | st.dates().map(lambda day: day.isoformat())
    | st.dates().map(lambda day: day.isoformat()[:7])
    | st.dates().map(lambda day: day.isoformat()[:4])
    | texts
)

places = st.builds(
    Place,
    name=texts,
    admin1=optional_texts,
    country=optional_texts,
    lat=st.none() | finite_floats,
    lon=st.none() | finite_floats,
    geonames_id=st.none() | int64,
    kind=optional_texts,
    precision=st.none() | int32,
    mention=optional_texts,
    resolved=st.booleans(),
)
actor_records = st.builds(
    Actor,
    name=texts,
    role=st.sampled_from(["actor", "target", "mediator", "affected"]),
    kind=optional_texts,
    mention=optional_texts,
)
quantity_records = st.builds(
    Quantity,
    category=texts,
    value=int64,
    qualifier=st.sampled_from(["exact", "approx", "min", "max"]),
    kind=optional_texts,
    source=optional_texts,
    text=texts,
    start=st.none() | int32,
    end=st.none() | int32,
)
evidence_records = st.builds(Evidence, start=int32, end=int32, text=texts)
event_records = st.builds(
    Event,
    event_id=texts,
    article_id=st.just(""),
    event_type=texts,
    source_file=optional_texts,
    date=dates,
    date_precision=st.none() | st.sampled_from(["day", "week", "month", "year"]),
    date_text=optional_texts,
    location=st.none() | places,
    origin=st.none() | places,
    destination=st.none() | places,
    actors=st.lists(actor_records, max_size=3),
    quantities=st.lists(quantity_records, max_size=3),
    sources=st.lists(texts, max_size=3),
    evidence=st.lists(evidence_records, max_size=3),
    confidence=finite_floats,
    outlet=optional_texts,
)
article_records = st.builds(
    Article,
    article_id=st.just(""),
    source=texts,
    file=texts,
    text=texts,
    raw_text=texts,
    title=optional_texts,
    published=optional_texts,
    agency=optional_texts,
    dateline=optional_texts,
    outlet=optional_texts,
    url=optional_texts,
)


def belonging_to(article_id: str, events: list[Event]) -> list[Event]:
    """The events moved into the article, with ids unique inside it."""
    return [
        replace(e, article_id=article_id, event_id=f"{article_id}/{i}/{e.event_id}")
        for i, e in enumerate(events)
    ]


def numbered_articles(count: int) -> list[Article]:
    return [article(f"n{number:03d}", f"Sample report {number}", "Sample Outlet") for number in range(count)]


def save_in_order(url: str, order: list[int]) -> int:
    """Save the numbered articles in the given order from a fresh Store; how many were new."""
    from sitreport.store import Store  # imported here: this runs in a child process

    every = numbered_articles(len(order))
    with Store(url) as store:
        return sum(
            store.save_article(every[n], [event(f"ev-{n}", every[n].article_id, "aid", "aid")]) for n in order
        )


def linkable_event(number: int, article_id: str) -> Event:
    """One report of one of two sample incidents (even: an evacuation at Busra, odd: shelling of Ériha)."""
    if number % 2 == 0:
        return event(
            f"lk-{number:03d}", article_id, "evacuation", "Sample: buses left Busra",
            date="2018-08-01", date_precision="day", location=BUSRA,
            quantities=[Quantity("buses", 15, text="15 buses")],
        )  # fmt: skip
    return event(
        f"lk-{number:03d}", article_id, "remote_violence", "Sample: shells hit Ériha",
        date="2018-08-03", date_precision="day", location=ERIHA,
    )  # fmt: skip


def save_and_link(url: str, numbers: list[int]) -> None:
    """Save each numbered article with its linkable event and link after each, as ingests do."""
    from sitreport.ledger import link_pending  # imported here: this runs in a child process
    from sitreport.options import Options
    from sitreport.store import Store

    every = numbered_articles(max(numbers) + 1)
    with Store(url) as store:
        for number in numbers:
            store.save_article(every[number], [linkable_event(number, every[number].article_id)])
            link_pending(store, Options(db_url=url))
