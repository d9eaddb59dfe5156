"""Actors and sources named in a text, by their aliases in kb/actors.csv and kb/sources.csv."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sitreport.kb import KnowledgeBase
from sitreport.kb.name_index import NameIndex
from sitreport.resolve.tokens import NameMatch, Token, find_names, tokenize


@dataclass(frozen=True)
class ActorMention:
    start: int
    end: int
    text: str
    name: str
    kind: str
    inter: int | None


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
    """Actors named in ``text``. A generic alias ('the jihadists') stands for the one actor it
    may refer to that the text also names in full, and for nobody when there are none or
    several: 'jihadists' in an article naming Islamic State and no other jihadist group."""
    matches = name_matches(tokenize(text, kb.rules), kb.actor_names, kb)
    named = {hit.entry for match in matches for hit in match.hits if not hit.generic}
    mentions = []
    for match in matches:
        entry = referred_entry(match, named)
        if entry is None:
            continue
        actor = kb.actors[entry]
        mention = text[match.start : match.end]
        mentions.append(ActorMention(match.start, match.end, mention, actor.name, actor.kind, actor.inter))
    return mentions


def referred_entry(match: NameMatch, named: set[int]) -> int | None:
    """The entry a match names: its first full name, else the one named entry its generic
    alias may stand for."""
    full = [hit.entry for hit in match.hits if not hit.generic]
    if full:
        return full[0]
    candidates = {hit.entry for hit in match.hits} & named
    return candidates.pop() if len(candidates) == 1 else None


def find_sources(text: str, kb: KnowledgeBase) -> list[SourceMention]:
    mentions = []
    for match in name_matches(tokenize(text, kb.rules), kb.source_names, kb):
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


def name_matches(tokens: Sequence[Token], index: NameIndex, kb: KnowledgeBase) -> list[NameMatch]:
    """Actor or source names (as ``index`` holds them) in already tokenized text."""
    return find_names(tokens, index, kb.rules.articles)
