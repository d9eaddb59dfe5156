"""Actors and sources named in a text, by their aliases in kb/actors.csv and kb/sources.csv."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from sitreport.kb import KnowledgeBase
from sitreport.kb.name_index import NameIndex
from sitreport.kb.names import NameRules
from sitreport.resolve.forces import force_spans, load_actor_phrases
from sitreport.resolve.tokens import NameMatch, find_names, tokenize

# A hyphen and the word after it, right where a name ends: "IS-held".
HOLDING = re.compile(r"[-\u2010\u2011](\w+)")


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    name: str
    kind: str
    inter: int | None
    # "rebel-held districts": the side holding a place, no party to what happens there
    holds_place: bool = False
    # the actor's side in kb/actors.csv ("neutral": rescuers and monitors, who tell of events)
    side: str | None = None


@dataclass(frozen=True)
class SourceMention:
    """``generic`` marks a referring expression ('the monitor', 'state media'): it names the
    source only when the article also names that source in full."""

    start: int
    end: int
    text: str
    name: str
    kind: str
    country: str | None
    generic: bool = False


def find_actors(text: str, kb: KnowledgeBase) -> list[ActorMention]:
    """Actors named in ``text``: by an alias, or by a modifier on a force noun ("Russian air
    strikes", see forces.py). A generic alias ('the jihadists') stands for the one actor it
    may refer to that the text also names in full, and for nobody when there are none or
    several: 'jihadists' in an article naming Islamic State and no other jihadist group."""
    tokens = tokenize(text, kb.rules)
    matches = name_matches(text, kb.actor_names, kb)
    named = {hit.entry for match in matches for hit in match.hits if not hit.generic}
    spans = [(m.start, m.end, entry) for m in matches if (entry := referred_entry(m, named)) is not None]
    holding_words = load_actor_phrases(kb.extra_dirs).holding_words
    mentions = []
    for start, end, entry in without_overlaps(spans + force_spans(tokens, kb)):
        actor = kb.actors[entry]
        holder = holds_place(text, end, holding_words)
        mentions.append(
            ActorMention(start, end, text[start:end], actor.name, actor.kind, actor.inter, holder, actor.side)
        )
    return mentions


def without_overlaps(spans: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The leftmost, then longest, of overlapping spans."""
    kept: list[tuple[int, int, int]] = []
    for span in sorted(spans, key=lambda s: (s[0], s[0] - s[1])):
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def holds_place(text: str, end: int, holding_words: frozenset[str]) -> bool:
    """ "IS-held", "regime-controlled": the name is joined by a hyphen to a holding word."""
    following = HOLDING.match(text, end)
    return following is not None and following.group(1).lower() in holding_words


def referred_entry(match: NameMatch, named: set[int]) -> int | None:
    """The entry a match names: the one named entry its generic alias may stand for, else its
    first full name. An alias full for one actor and generic for others ("terrorists": the
    armed opposition in state media, or the one jihadist group the article names) names that
    actor unless the text names exactly one of the others."""
    full = [hit.entry for hit in match.hits if not hit.generic]
    candidates = {hit.entry for hit in match.hits if hit.generic} & named
    candidates -= set(full)
    if len(candidates) == 1:
        return candidates.pop()
    return full[0] if full else None


def find_sources(text: str, kb: KnowledgeBase) -> list[SourceMention]:
    mentions = []
    for match in name_matches(text, kb.source_names, kb):
        hit = match.hits[0]
        source = kb.sources[hit.entry]
        mentions.append(
            SourceMention(
                match.start,
                match.end,
                text[match.start : match.end],
                source.name,
                source.kind,
                source.country,
                hit.generic,
            )
        )
    return mentions


def name_matches(text: str, index: NameIndex, kb: KnowledgeBase) -> list[NameMatch]:
    """Actor or source names (as ``index`` holds them) in ``text``."""
    return list(_name_matches(text, index, kb.rules))


@lru_cache(maxsize=4)
def _name_matches(text: str, index: NameIndex, rules: NameRules) -> tuple[NameMatch, ...]:
    # Kept for the last texts: the place guards read a text's actors and sources just before
    # find_actors and find_sources read them again.
    return tuple(find_names(tokenize(text, rules), index, rules.articles))
