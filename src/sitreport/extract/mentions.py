"""Places, actors and sources named in an article, found once over the whole text.

The resolve stage is called on the annotated text (headline and body) once per article; the
mentions are then looked up by character offset, per sentence or per token, which is much
cheaper than resolving sentence by sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from spacy.tokens import Doc, Span, Token

from sitreport.annotate import doc_text
from sitreport.extract.lexicon import ExtractionLexicon
from sitreport.kb import KnowledgeBase
from sitreport.records import Place
from sitreport.resolve import (
    ActorMention,
    PlaceMention,
    SourceMention,
    find_actors,
    find_places,
    find_sources,
    resolve_place,
)

HYPHENS = frozenset({"-", "\u2010", "\u2011"})
# A dash right after a dateline's place: "Beirut- ", "BEIRUT — ".
DASH_AFTER = re.compile(r"\s*[-\u2013\u2014]+\s")


class Located(Protocol):
    start: int
    end: int
    text: str


M = TypeVar("M", bound=Located)


class MentionIndex(Generic[M]):
    """Mentions sorted by start offset, looked up by span or token."""

    def __init__(self, mentions: Sequence[M]) -> None:
        self.mentions: list[M] = sorted(mentions, key=lambda m: (m.start, -m.end))
        self.starts = [m.start for m in self.mentions]

    def within(self, start: int, end: int) -> list[M]:
        first = bisect_left(self.starts, start)
        return [m for m in self.mentions[first:] if m.start < end and m.end <= end]

    def at(self, token: Token) -> M | None:
        offset = token.idx
        for mention in self.mentions[: bisect_left(self.starts, offset + 1)][::-1]:
            if mention.start <= offset < mention.end:
                return mention
            if mention.end <= offset - 200:
                break
        return None


@dataclass
class ArticleMentions:
    places: MentionIndex[PlaceMention]
    actors: MentionIndex[ActorMention]
    sources: MentionIndex[SourceMention]

    def place_at(self, token: Token) -> PlaceMention | None:
        return self.places.at(token)

    def actor_at(self, token: Token) -> ActorMention | None:
        return self.actors.at(token)

    def places_in(self, span: Span) -> list[PlaceMention]:
        return self.places.within(span.start_char, span.end_char)

    def actors_in(self, span: Span) -> list[ActorMention]:
        return self.actors.within(span.start_char, span.end_char)

    def sources_in(self, span: Span) -> list[SourceMention]:
        return self.sources.within(span.start_char, span.end_char)


def find_mentions(doc: Doc, kb: KnowledgeBase, lexicon: ExtractionLexicon) -> ArticleMentions:
    """Every place, actor and source the knowledge base recognises in the annotated text, the
    capitalised names the text puts where a place goes ("clashed in Tal Mardikh"), and the
    mediators named by adjective ("a Russian-brokered truce")."""
    text = doc_text(doc)
    places, actors, sources = find_places(text, kb), find_actors(text, kb), find_sources(text, kb)
    places = [m for m in places if not is_dateline_abroad(doc, text, m, kb.rules.home_countries)]
    actors += brokering_adjectives(doc, kb, lexicon.mediator_words)
    taken = [(m.start, m.end) for m in [*places, *actors, *sources]]
    known = [m.place for m in places if m.place.resolved]
    places += [
        placed_name_mention(text[start:end], start, end, kb, known)
        for start, end in placed_names(doc, lexicon.place_prepositions, lexicon.not_places, taken)
    ]
    return ArticleMentions(MentionIndex(places), MentionIndex(actors), MentionIndex(sources))


def is_dateline_abroad(doc: Doc, text: str, mention: PlaceMention, home: frozenset[str]) -> bool:
    """ "Beirut- Opposition factions in Aleppo launched...": a city abroad opening a sentence
    with a dash after it is where the copy was filed, a dateline that cleaning could not take
    off because it stands inside the page (after a repeated headline)."""
    abroad = mention.place.resolved and mention.place.country not in home
    if not abroad or not DASH_AFTER.match(text, mention.end):
        return False
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and span[0].is_sent_start


def brokering_adjectives(doc: Doc, kb: KnowledgeBase, mediator_words: frozenset[str]) -> list[ActorMention]:
    """ "A Russian-brokered truce", "the Turkish-sponsored talks": an actor's adjective joined
    by a hyphen to a mediating word names that actor. Only there: "Russian-made rockets" and
    "the Turkish-Syrian border" name no party to anything."""
    found = []
    # the doc's tokens made once (spaCy builds a new Token object at each read), the two after
    # an adjective only read for an actor's adjective
    tokens = list(doc)
    for at, adjective in enumerate(tokens[:-2]):
        entry = kb.actor_adjectives.get(adjective.text.casefold())
        if entry is None:
            continue
        hyphen, word = tokens[at + 1], tokens[at + 2]
        if (
            hyphen.text not in HYPHENS
            or hyphen.whitespace_
            or adjective.whitespace_
            or not ({word.lower_, word.lemma_.lower()} & mediator_words)
        ):
            continue
        actor = kb.actors[entry]
        end = adjective.idx + len(adjective.text)
        found.append(ActorMention(adjective.idx, end, adjective.text, actor.name, actor.kind, actor.inter))
    return found


def placed_name_mention(
    name: str, start: int, end: int, kb: KnowledgeBase, known: Sequence[Place]
) -> PlaceMention:
    place = resolve_place(name, kb, known)
    return PlaceMention(start, end, name, place, 1.0 if place.resolved else 0.0, "named where a place goes")


def name_tokens(token: Token) -> list[Token] | None:
    """The words of a proper name ending at ``token`` ("Jisr al-Shughur"), if every word of
    it is capitalised apart from the Arabic article and hyphens, and one is a word (the parser
    tags a stray dash PROPN)."""
    words = [t for t in token.doc[token.left_edge.i : token.i + 1] if t.dep_ != "det"]
    while words and words[0].pos_ != "PROPN":
        words = words[1:]
    if not any(t.is_alpha for t in words) or any(
        not (t.text[:1].isupper() or t.lower_ in ("al", "el", "-")) for t in words
    ):
        return None
    return words


def is_not_place(token: Token, not_places: frozenset[str]) -> bool:
    """A month, weekday or other no-place word, also with the possessive "s" a scraper left
    when it dropped the apostrophe ("Wednesdays attack" for "Wednesday's attack")."""
    word = token.lower_
    return word in not_places or (word.endswith("s") and word[:-1] in not_places)


def placed_names(
    doc: Doc, prepositions: frozenset[str], not_places: frozenset[str], taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Character spans of unknown proper names that are the object of a place preposition
    ("in X", "near X") and overlap no known place, actor or source."""
    found: list[tuple[int, int]] = []
    for token in doc:
        if token.pos_ != "PROPN" or token.dep_ != "pobj" or token.head.lower_ not in prepositions:
            continue
        words = name_tokens(token)
        if words is None or any(is_not_place(t, not_places) for t in words):
            continue
        start, end = words[0].idx, token.idx + len(token.text)
        if not any(s < end and start < e for s, e in taken):
            found.append((start, end))
    return found
