"""Armed sides named by what they fight with: "Russian air strikes", "regime shelling".

An actor's modifier (the ``adjectives`` column of kb/actors.csv) right before a force noun
(kb/actor_phrases.toml) names the actor, and so does each modifier coordinated with it
("Syrian and Russian warplanes"). The same modifier before anything else names nobody:
"Russian-made rockets", "Syrian civilians", "the Turkish border".
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, fields
from functools import lru_cache
from pathlib import Path

from sitreport.kb import KnowledgeBase, data_files, load_kb
from sitreport.kb.name_index import NameIndex
from sitreport.resolve.tokens import Token, find_names

PHRASES_FILE = "actor_phrases.toml"


@dataclass(frozen=True)
class ActorPhrases:
    force_nouns: tuple[str, ...]
    coordinators: frozenset[str]
    holding_words: frozenset[str]
    responsibility_verbs: frozenset[str]
    agent_pronouns: frozenset[str]
    party_prepositions: frozenset[str]
    target_prepositions: frozenset[str]
    cause_prepositions: frozenset[str]
    counting_prepositions: frozenset[str]


@lru_cache(maxsize=8)
def load_actor_phrases(extra_dirs: tuple[Path, ...] = ()) -> ActorPhrases:
    """The packaged lists, each extended by a user folder's file."""
    lists: dict[str, list[str]] = {field.name: [] for field in fields(ActorPhrases)}
    for path in data_files(PHRASES_FILE, extra_dirs):
        table = tomllib.loads(path.read_text(encoding="utf-8"))
        for key, words in lists.items():
            words.extend(word for word in table.get(key, []) if word not in words)
    folded = {key: frozenset(word.lower() for word in words) for key, words in lists.items()}
    return ActorPhrases(**{**folded, "force_nouns": tuple(lists["force_nouns"])})


def force_aliases(kb: KnowledgeBase, force_nouns: Sequence[str]) -> Iterator[tuple[int, str, bool]]:
    """(actor number, "<modifier> <force noun>", not generic) for every pair."""
    for number, actor in enumerate(kb.actors):
        for modifier in actor.adjectives:
            for noun in force_nouns:
                yield number, f"{modifier} {noun}", False


@lru_cache(maxsize=8)
def force_index(extra_dirs: tuple[Path, ...]) -> NameIndex:
    # keyed by the folders, not the knowledge base, which is loaded once per set of folders
    kb = load_kb(extra_dirs)
    index = NameIndex(kb.rules)
    index.build(force_aliases(kb, load_actor_phrases(extra_dirs).force_nouns))
    return index


@lru_cache(maxsize=8)
def modifier_entries(extra_dirs: tuple[Path, ...]) -> dict[str, tuple[int, bool]]:
    """Folded one-word modifier -> (the actor it names, whether it is written capitalised)."""
    kb = load_kb(extra_dirs)
    return {
        word.casefold(): (number, word[:1].isupper())
        for number, actor in enumerate(kb.actors)
        for word in actor.adjectives
        if " " not in word and "-" not in word
    }


def coordinated_modifiers(
    tokens: Sequence[Token], first: int, kb: KnowledgeBase, coordinators: frozenset[str]
) -> Iterator[tuple[int, int, int]]:
    """ "Syrian and Russian warplanes": (start, end, actor number) of each modifier joined by
    a coordinator before the force phrase starting at token ``first``."""
    entries = modifier_entries(kb.extra_dirs)
    position = first
    while position >= 2 and tokens[position - 1].folded in coordinators:
        word = tokens[position - 2]
        entry = entries.get(word.folded)
        if entry is None or (entry[1] and not word.capitalised):
            return
        yield word.start, word.end, entry[0]
        position -= 2


def force_spans(tokens: Sequence[Token], kb: KnowledgeBase) -> list[tuple[int, int, int]]:
    """(start, end, actor number) of each "<modifier> <force noun>" and of the modifiers
    coordinated before it."""
    coordinators = load_actor_phrases(kb.extra_dirs).coordinators
    spans = []
    for match in find_names(tokens, force_index(kb.extra_dirs), frozenset()):
        spans.append((match.start, match.end, match.hits[0].entry))
        spans.extend(coordinated_modifiers(tokens, match.first, kb, coordinators))
    return spans
