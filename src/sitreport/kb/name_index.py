"""Names by key, with how each must be written in text to count.

Shared by places, actors and sources: a key (see names.py) points to the entries that go
by that name, each with the casing the alias file gave it. A capitalised alias word must be
capitalised in the text ('Hope' the village is not 'hope'), a lower-case one may be either
('regime forces'), and a short all-capitals alias must match exactly ('IS', not 'is').
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from sitreport.kb.names import WORD_PATTERN, NameRules

# Up to this many letters, an all-capitals alias is an acronym and must match as written.
ACRONYM_MAX_LENGTH = 5


class NameHit(NamedTuple):
    """One entry a key points to, and how the text must write the name. A named tuple: the
    gazetteer makes tens of thousands at every load, and a frozen dataclass is slower to build."""

    entry: int
    capitals: tuple[bool, ...]
    exact: tuple[str, ...] | None = None
    needs_article: bool = False
    generic: bool = False

    def accepts(self, words: Sequence[str], has_article: bool) -> bool:
        """Whether the words of a text span (articles left out) are written as required."""
        if self.needs_article and not has_article:
            return False
        if self.exact is not None:
            return tuple(words) == self.exact
        return all(word[:1].isupper() or not needs for word, needs in zip(words, self.capitals, strict=False))

    def loosest(self, other: NameHit) -> NameHit:
        """Two spellings of one name under one key: the text may follow either."""
        if self.exact is not None and other.exact is None:
            return other
        if other.exact is not None:
            return self
        capitals = tuple(a and b for a, b in zip(self.capitals, other.capitals, strict=False))
        return NameHit(
            self.entry,
            capitals,
            None,
            self.needs_article and other.needs_article,
            self.generic and other.generic,
        )


@dataclass(eq=False)
class NameIndex:
    """key -> hits, built from (entry number, alias) pairs. Hashed by identity (built once per
    kb), so that look-ups in it can be cached."""

    rules: NameRules
    fillers: frozenset[str] = frozenset()
    # Keyed by consonant skeleton ('shk mskn') instead of the spelling key: for the looser
    # second look-up of place names that no exact key matched.
    loose: bool = False
    by_key: dict[str, list[NameHit]] | None = None
    # Every key's leading words ('dair', 'dair zur'...), so a lookup stops as soon as no name
    # can continue the words read so far.
    prefixes: frozenset[str] = frozenset()

    def build(
        self, aliases: Iterable[tuple[int, str, bool]], bare_words: frozenset[str] = frozenset()
    ) -> None:
        """Index (entry, alias, generic) triples; an alias that is only a ``bare_words`` word
        counts only when the text gives it its article ('al-Bab', never plain 'Bab')."""
        bare_keys = {self._words_key([word]) for word in bare_words}
        hits: dict[str, dict[int, NameHit]] = defaultdict(dict)
        for entry, alias, generic in aliases:
            hit = self._hit(entry, alias, generic, bare_keys)
            if hit is None:
                continue
            key, new = hit
            old = hits[key].get(entry)
            hits[key][entry] = new if old is None else old.loosest(new)
        self.by_key = {key: list(by_entry.values()) for key, by_entry in hits.items()}
        self.prefixes = frozenset(_leading_words(self.by_key))

    def _hit(self, entry: int, alias: str, generic: bool, bare_keys: set[str]) -> tuple[str, NameHit] | None:
        words = self.rules.content_words(alias, self.fillers)
        key = self._words_key(words)
        if not key:
            return None
        needs_article = key in bare_keys
        if needs_article and not self.rules.is_article(WORD_PATTERN.findall(alias)[0]):
            return None
        acronym = all(w.isupper() and len(w) <= ACRONYM_MAX_LENGTH for w in words)
        return key, NameHit(
            entry=entry,
            capitals=tuple(w[:1].isupper() for w in words),
            exact=tuple(words) if acronym else None,
            needs_article=needs_article,
            generic=generic,
        )

    def _words_key(self, words: list[str]) -> str:
        return self.rules.words_loose_key(words) if self.loose else self.rules.words_key(words)

    def get(self, key: str) -> list[NameHit]:
        return (self.by_key or {}).get(key, [])


def _leading_words(keys: Iterable[str]) -> Iterator[str]:
    for key in keys:
        words = key.split()
        for size in range(1, len(words) + 1):
            yield " ".join(words[:size])
