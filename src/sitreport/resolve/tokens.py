"""Words of a text with their offsets, grouped into runs a name can span.

A name never crosses punctuation: 'Daraa, Quneitra' is two runs, 'Deir ez-Zor' one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from sitreport.kb.name_index import NameHit, NameIndex
from sitreport.kb.names import NameRules

# Between two words of one name: spaces, or one hyphen or dash (or the underscore a scraper
# left for one: 'Khan al_Shekh'), nothing else.
NAME_JOINERS = frozenset({"", "-", "_", "\u2010", "\u2011", "\u2013"})
SENTENCE_ENDS = frozenset('.!?:;"“”')
POSSESSIVE = ("'s", "’s")


class Token(NamedTuple):
    """One word. A named tuple, not a frozen dataclass: an article makes hundreds of these,
    and a frozen dataclass sets each field through ``object.__setattr__``."""

    start: int
    end: int
    text: str
    key: str
    folded: str
    is_article: bool
    joined: bool  # written right after the previous word, inside the same name run
    sentence_start: bool
    capitalised: bool

    def with_key(self, key: str) -> Token:
        """The token under another key; ``_replace`` would go through a dict of the fields,
        several times slower, for every word of a text."""
        return Token(
            self.start,
            self.end,
            self.text,
            key,
            self.folded,
            self.is_article,
            self.joined,
            self.sentence_start,
            self.capitalised,
        )


@lru_cache(maxsize=4)
def _word_pattern(apostrophes: str) -> re.Pattern[str]:
    """Words, with apostrophes inside them kept ("Dar'a" is one word); an underscore is no
    letter, as in the gazetteer's names ('al_Sham' is 'al Sham')."""
    return re.compile(rf"[^\W_]+(?:[{re.escape(apostrophes)}][^\W_]+)*")


def tokenize(text: str, rules: NameRules) -> list[Token]:
    """The words of ``text``. Places, actors and sources are looked for in turn in one text, so
    the last two tokenisations are kept (a copy of the list is returned: callers may edit it)."""
    return list(_tokens(text, rules))


@lru_cache(maxsize=2)
def _tokens(text: str, rules: NameRules) -> tuple[Token, ...]:
    pattern = _word_pattern(rules.apostrophes)
    tokens: list[Token] = []
    previous_end = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        word = match.group()
        if word.endswith(POSSESSIVE):
            word, end = word[:-2], end - 2
        gap = text[previous_end:start]
        tightened = gap.replace(" ", "").replace("\u00a0", "")
        folded, key = rules.word_forms(word)
        tokens.append(
            Token(
                start=start,
                end=end,
                text=word,
                key=key,
                folded=folded,
                is_article=folded in rules.articles,
                joined=bool(tokens) and tightened in NAME_JOINERS,
                sentence_start=not tokens or "\n" in gap or tightened.rstrip()[-1:] in SENTENCE_ENDS,
                capitalised=word[:1].isupper(),
            )
        )
        previous_end = match.end()
    return tuple(tokens)


@dataclass(frozen=True)
class NameMatch:
    """Tokens ``first``..``last`` (inclusive) spell ``key``; ``hits`` are the entries it may be.

    ``start``/``end`` are character offsets, including an article written onto the name
    ('al-Bab'); ``first`` is the first content word.
    """

    first: int
    last: int
    start: int
    end: int
    key: str
    hits: tuple[NameHit, ...]
    has_article: bool


def runs(tokens: Sequence[Token]) -> list[list[int]]:
    """Indices of tokens grouped into joined runs."""
    grouped: list[list[int]] = []
    for index, token in enumerate(tokens):
        if token.joined and grouped:
            grouped[-1].append(index)
        else:
            grouped.append([index])
    return grouped


def find_names(tokens: Sequence[Token], index: NameIndex, skip: frozenset[str]) -> list[NameMatch]:
    """Leftmost-longest matches of the index's names; words in ``skip`` are read past."""
    matches = []
    for run in runs(tokens):
        content = [i for i in run if tokens[i].folded not in skip]
        position = 0
        while position < len(content):
            found = _longest_at(tokens, content, position, index)
            if found is None:
                position += 1
                continue
            matches.append(found)
            position += content.index(found.last) - position + 1
    return matches


def _longest_at(
    tokens: Sequence[Token], content: list[int], position: int, index: NameIndex
) -> NameMatch | None:
    first = content[position]
    if tokens[first].key not in index.prefixes:
        return None
    has_article = first > 0 and tokens[first - 1].is_article and tokens[first].joined
    best: NameMatch | None = None
    key = ""
    for last_position in range(position, len(content)):
        key = f"{key} {tokens[content[last_position]].key}" if key else tokens[first].key
        if key not in index.prefixes:
            break
        candidates = index.get(key)
        if not candidates:
            continue  # only a prefix of longer names so far
        chosen = content[position : last_position + 1]
        words = [tokens[i].text for i in chosen]
        hits = tuple(hit for hit in candidates if hit.accepts(words, has_article))
        if hits:
            start = tokens[first - 1].start if has_article else tokens[first].start
            best = NameMatch(first, chosen[-1], start, tokens[chosen[-1]].end, key, hits, has_article)
    return best
