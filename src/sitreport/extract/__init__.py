"""The extract stage: events out of an annotated article.

Each sentence is read for event words (kb/extraction/triggers.toml); a word becomes an event
when the parse says it happened (not planned, denied, conditional or background). The event
gets the sentence's figures, places, actors, date and sources; reports of the same happening
are then merged, so a headline restating the lead or a body pasted twice gives one event, and
a death toll goes on the strike or clash that caused it (sitreport.extract.merge).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc

from sitreport.extract.candidate import Candidate
from sitreport.extract.confidence import confidence
from sitreport.extract.dates import DateReading, publication_day
from sitreport.extract.lexicon import load_extraction_lexicon
from sitreport.extract.mentions import find_mentions
from sitreport.extract.merge import merge_candidates, narrow_to
from sitreport.extract.reader import ArticleReader
from sitreport.extract.roles import inherit_agents
from sitreport.extract.typology import classify_article
from sitreport.extract.victims import add_civilian_toll
from sitreport.kb import KnowledgeBase
from sitreport.records import Article, Event, stable_id

REQUIRES = ("Article.text", "Article.title", "Article.published", "Doc", "Doc.user_data[body_offset]")
ASSIGNS = ("Event",)

__all__ = ["ASSIGNS", "REQUIRES", "extract_events"]

def event_key(candidate: Candidate) -> tuple[str, ...]:
    """Type, every evidence span and the place: what tells one happening from another."""
    spans = (f"{e.part}:{e.start}-{e.end}" for e in candidate.evidence)
    place = candidate.location or candidate.origin or candidate.destination
    return (candidate.event_type, *spans, place.name if place else "")


def event_ids(article: Article, candidates: list[Candidate]) -> list[str]:
    """Stable ids, unique within the article: two events of one type told in one sentence at
    one place (rare) are told apart by their order, which the same input always repeats."""
    seen: Counter[tuple[str, ...]] = Counter()
    ids = []
    for candidate in candidates:
        key = event_key(candidate)
        seen[key] += 1
        ids.append(stable_id(article.article_id, *key, str(seen[key])))
    return ids


def to_event(article: Article, candidate: Candidate, identifier: str) -> Event:
    reading = candidate.date
    return Event(
        event_id=identifier,
        article_id=article.article_id,
        event_type=candidate.event_type,
        source_file=article.file,
        date=reading.date if reading else None,
        date_precision=reading.precision if reading and reading.date else None,
        date_text=(reading.text or None) if reading else None,
        location=candidate.location,
        origin=candidate.origin,
        destination=candidate.destination,
        actors=candidate.actors,
        quantities=candidate.quantities,
        sources=candidate.sources,
        evidence=candidate.evidence,
        confidence=confidence(candidate),
        outlet=article.outlet,
    )


def extract_events(article: Article, doc: Doc, kb: KnowledgeBase) -> list[Event]:
    """The events an article reports, one record per happening."""
    lexicon = load_extraction_lexicon(kb.extra_dirs)
    mentions = find_mentions(doc, kb, lexicon)
    published = publication_day(article.published)
    reader = ArticleReader(article, doc, mentions, lexicon, published)
    merged = merge_candidates(reader.read(), lexicon)
    inherit_agents(merged)
    narrow_to(merged, reader.main_place)
    for candidate in merged:
        add_civilian_toll(candidate, lexicon, article.text)
        # dated after merging, so the day of publication never keeps two reports apart
        if candidate.date is None and candidate.of_the_day and published is not None:
            candidate.date = DateReading(published.isoformat(), "day", "", published.isoformat())
    events = [
        to_event(article, candidate, identifier)
        for candidate, identifier in zip(merged, event_ids(article, merged), strict=True)
    ]
    return classify_article(events, kb.extra_dirs)
