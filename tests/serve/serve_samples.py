"""Sample records for the web tests, written for this project (not taken from any corpus).

Every article says SAMPLE in its title; figures, places and outlets are illustrative only.
One article is hostile on purpose: its title, text, URL and place name carry markup and
script that a browser would run if the UI ever stopped escaping them.
"""

from __future__ import annotations

from typing import Any

from sitreport.records import (
    Actor,
    Article,
    Claim,
    Estimate,
    Event,
    Evidence,
    Incident,
    Place,
    Qualifier,
    Quantity,
    stable_id,
)
from sitreport.store import Store

DARAA = Place("Daraa al-Balad", "Daraa", "Syria", 32.61, 36.10, kind="district", precision=2)
IDLIB = Place("Idlib", "Idlib", "Syria", 35.93, 36.63, kind="city", precision=1)
HAMA = Place("Kafr Zita", "Hama", "Syria", 35.37, 36.60, kind="town", precision=1)
DOUMA = Place("Douma", "Rif Dimashq", "Syria", 33.57, 36.40, kind="city", precision=1)
UNLOCATED = Place("Tell Sample", None, "Syria", None, None, precision=None, resolved=False)
HOSTILE_PLACE = Place(
    '<b onmouseover="window.__pwned=1">Harasta</b>', "Rif Dimashq", "Syria", 33.56, 36.37, precision=1
)

PWNED_SCRIPT = "<script>window.__pwned = 1; document.title = 'PWNED';</script>"
HOSTILE_TEXT = (
    "SAMPLE hostile article. Clashes broke out in Harasta on Monday, a sample monitor said. "
    f"{PWNED_SCRIPT} "
    '<img src="x" onerror="window.__pwned = 1"> '
    '<a href="javascript:window.__pwned = 1">read more</a> '
    "At least 7 fighters were killed."
)


def evidence(text: str, phrase: str) -> Evidence:
    start = text.index(phrase)
    return Evidence(start, start + len(phrase), phrase)


def title_evidence(art: Article, phrase: str) -> Evidence:
    start = (art.title or "").index(phrase)
    return Evidence(start, start + len(phrase), phrase, part="title")


def quantity(
    text: str, phrase: str, category: str, value: int, qualifier: Qualifier, source: str | None
) -> Quantity:
    start = text.index(phrase)
    return Quantity(
        category, value, qualifier, source=source, text=phrase, start=start, end=start + len(phrase)
    )


def article(text: str, title: str, outlet: str, published: str, url: str | None = None) -> Article:
    return Article(
        stable_id(text),
        "tests",
        f"{outlet.lower().replace(' ', '_')}.txt",
        text,
        text,
        title,
        published,
        None,
        None,
        outlet,
        url,
    )


def event(art: Article, event_type: str, date: str, phrase: str, **fields: Any) -> Event:
    span = evidence(art.text, phrase)
    return Event(
        event_id=stable_id(art.article_id, event_type, str(span.start)),
        article_id=art.article_id,
        event_type=event_type,
        source_file=art.file,
        date=date,
        date_precision="day",
        evidence=[span],
        outlet=art.outlet,
        **fields,
    )


WIRE_TEXT = (
    "SAMPLE. Buses carrying around 1,200 fighters and their families left Daraa al-Balad on Wednesday "
    "for Idlib, the state news agency said, under a settlement deal."
)
MONITOR_TEXT = (
    "SAMPLE. More than 1,400 people left Daraa al-Balad for the north on Wednesday, the monitor said. "
    "On Tuesday shelling on Kafr Zita killed 12 civilians, the monitor added."
)
DAILY_TEXT = (
    "SAMPLE. Security forces detained 30 young men in Douma on Friday, residents said. "
    "Aid trucks reached Tell Sample a day later."
)

WIRE = article(WIRE_TEXT, "SAMPLE: fighters leave Daraa al-Balad", "Sample Wire", "2018-07-19T10:00")
MONITOR = article(MONITOR_TEXT, "SAMPLE: evacuation and shelling", "Sample Monitor", "2018-07-19T18:00")
DAILY = article(DAILY_TEXT, "SAMPLE: arrests in Douma", "Sample Daily", "2018-08-04T09:00")
HOSTILE = article(
    HOSTILE_TEXT,
    '<img src=x onerror="window.__pwned=1">SAMPLE hostile title',
    "Sample <i>Hostile</i>",
    "2018-08-06T08:00",
    url="javascript:window.__pwned=1",
)

WIRE_EVACUATION = event(
    WIRE,
    "evacuation",
    "2018-07-18",
    "Buses carrying around 1,200 fighters and their families left Daraa al-Balad",
    origin=DARAA,
    destination=IDLIB,
    sources=["SANA"],
    confidence=0.9,
    actors=[Actor("Syrian government", "mediator"), Actor("rebels", "affected")],
    quantities=[quantity(WIRE_TEXT, "around 1,200 fighters", "fighters", 1200, "approx", "SANA")],
)
MONITOR_EVACUATION = event(
    MONITOR,
    "evacuation",
    "2018-07-18",
    "More than 1,400 people left Daraa al-Balad for the north",
    origin=DARAA,
    sources=["SOHR"],
    confidence=0.8,
    quantities=[quantity(MONITOR_TEXT, "More than 1,400 people", "people", 1400, "min", "SOHR")],
)
SHELLING = event(
    MONITOR,
    "remote_violence",
    "2018-07-17",
    "shelling on Kafr Zita killed 12 civilians",
    location=HAMA,
    sources=["SOHR"],
    confidence=0.7,
    actors=[Actor("Syrian army")],
    quantities=[quantity(MONITOR_TEXT, "12 civilians", "killed", 12, "exact", "SOHR")],
)
ARRESTS = event(
    DAILY,
    "detention",
    "2018-08-03",
    "Security forces detained 30 young men in Douma",
    location=DOUMA,
    confidence=0.6,
    actors=[Actor("Security forces"), Actor("young men", "target")],
    quantities=[quantity(DAILY_TEXT, "30 young men", "captured", 30, "exact", None)],
)
AID = event(DAILY, "aid", "2018-08-04", "Aid trucks reached Tell Sample", location=UNLOCATED, confidence=0.4)
HOSTILE_CLASH = event(
    HOSTILE,
    "armed_clash",
    "2018-08-05",
    "Clashes broke out in Harasta on Monday",
    location=HOSTILE_PLACE,
    confidence=0.5,
    sources=["<script>window.__pwned=1</script>"],
    quantities=[quantity(HOSTILE_TEXT, "At least 7 fighters", "killed", 7, "min", None)],
    sub_event_type="Armed clash",
)
# Evidence that covers the injected script, so highlighting itself must escape it.
HOSTILE_CLASH.evidence.append(evidence(HOSTILE_TEXT, PWNED_SCRIPT))
# Headline evidence points into the title; the hostile one covers the title's markup too.
ARRESTS.evidence.append(title_evidence(DAILY, "arrests in Douma"))
HOSTILE_CLASH.evidence.append(title_evidence(HOSTILE, HOSTILE.title or ""))

ARTICLES: list[tuple[Article, list[Event]]] = [
    (WIRE, [WIRE_EVACUATION]),
    (MONITOR, [MONITOR_EVACUATION, SHELLING]),
    (DAILY, [ARRESTS, AID]),
    (HOSTILE, [HOSTILE_CLASH]),
]


def claim(event_record: Event) -> Claim:
    q = event_record.quantities[0]
    return Claim(
        q.category,
        q.value,
        q.qualifier,
        q.kind,
        q.source,
        event_record.article_id,
        event_record.event_id,
        q.text,
    )


# Built by hand (not by the linker) so the UI tests do not depend on linking rules.
EVACUATION_INCIDENT = Incident(
    incident_id=stable_id("incident", WIRE_EVACUATION.event_id, MONITOR_EVACUATION.event_id),
    event_type="evacuation",
    date="2018-07-18",
    location=DARAA,
    events=[WIRE_EVACUATION.event_id, MONITOR_EVACUATION.event_id],
    articles=[WIRE.article_id, MONITOR.article_id],
    sources=["SANA", "SOHR"],
    claims=[claim(WIRE_EVACUATION), claim(MONITOR_EVACUATION)],
    estimates={"fighters": Estimate(1080, 1200, 1320), "people": Estimate(1401, 1401, None)},
    disputed=True,
)
INCIDENTS = [EVACUATION_INCIDENT]


INGEST_TOKEN = "sample-token-for-tests"


def fill_store(db_url: str) -> None:
    """Save every sample article through the real store, and the hand-made incident."""
    with Store(db_url) as store:
        for article_record, events in ARTICLES:
            store.save_article(article_record, events)
        store.replace_incidents(INCIDENTS)
