"""Which words each outlet uses for each side, from the framing lexicon (kb/framing.csv).

This describes wording, with counts and an example sentence per term; it never scores an
outlet or calls its wording right or wrong. It reads (article_id, outlet, text) tuples, so it
runs on articles from anywhere, not only the store.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from sitreport.link.kbtables import read_table
from sitreport.records import Article, Incident

Doc = tuple[str, str, str]
"""(article_id, outlet, text)."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“'A-Z0-9])|\n\s*\n")


@dataclass(frozen=True)
class LexiconTerm:
    term: str
    side: str
    register: str
    note: str


@dataclass(frozen=True)
class Lexicon:
    """Terms by their folded form, and one pattern that finds any of them (plurals too)."""

    terms: dict[str, LexiconTerm]
    pattern: re.Pattern[str]

    def find(self, text: str) -> Iterator[LexiconTerm]:
        for match in self.pattern.finditer(text):
            found = fold(match.group(0))
            yield next(self.terms[form] for form in singulars(found) if form in self.terms)


def singulars(phrase: str) -> list[str]:
    """The phrase and the forms it may be the plural of, most specific first."""
    forms = [phrase]
    if phrase.endswith("ies"):
        forms.append(phrase[:-3] + "y")
    if phrase.endswith("es"):
        forms.append(phrase[:-2])
    if phrase.endswith("s"):
        forms.append(phrase[:-1])
    return forms


def inflected(term: str) -> str:
    """A pattern for the term and its plural, any whitespace between its words."""
    *head, last = map(re.escape, term.split())
    plural = rf"{last[:-1]}(?:y|ies)" if last.endswith("y") else rf"{last}(?:e?s)?"
    return r"\s+".join([*head, plural])


def fold(phrase: str) -> str:
    return " ".join(phrase.casefold().split())


@cache
def load_lexicon(extra_dirs: tuple[Path, ...] = ()) -> Lexicon:
    """The packaged lexicon and the user's additions (a later row for a term wins)."""
    rows = read_table("framing.csv", ("term", "side", "register"), extra_dirs)
    terms = {
        fold(row["term"]): LexiconTerm(fold(row["term"]), row["side"], row["register"], row.get("note", ""))
        for row in rows
    }
    # Longest first so "regime forces" is found before "regime"; any whitespace between words.
    alternatives = (inflected(term) for term in sorted(terms, key=len, reverse=True))
    return Lexicon(terms, re.compile(rf"\b(?:{'|'.join(alternatives)})\b", re.IGNORECASE))


@dataclass
class TermUse:
    """One term as one outlet used it: how often, and a sentence where it did."""

    term: str
    register: str
    note: str
    count: int
    example: str
    article_id: str


@dataclass
class OutletFraming:
    """The terms one outlet used, per side (``armed_opposition``, ``government`` …)."""

    outlet: str
    articles: list[str] = field(default_factory=list)
    sides: dict[str, list[TermUse]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def sentences(text: str) -> list[str]:
    return [" ".join(part.split()) for part in _SENTENCE_END.split(text) if part.strip()]


def docs_from_articles(articles: Iterable[Article]) -> list[Doc]:
    """Framing input from articles: the outlet, or the file name when the outlet is unknown."""
    return [(a.article_id, a.outlet or a.file, a.text) for a in articles]


def outlet_framing(docs: Iterable[Doc], lexicon: Lexicon) -> list[OutletFraming]:
    """Per outlet, the lexicon terms its articles use for each side, most used first."""
    counts: dict[str, Counter[str]] = {}
    examples: dict[tuple[str, str], tuple[str, str]] = {}
    articles: dict[str, list[str]] = {}
    for article_id, outlet, text in docs:
        articles.setdefault(outlet, []).append(article_id)
        tally = counts.setdefault(outlet, Counter())
        for sentence in sentences(text):
            for term in lexicon.find(sentence):
                tally[term.term] += 1
                examples.setdefault((outlet, term.term), (sentence, article_id))
    return [
        OutletFraming(outlet, sorted(articles[outlet]), sides_of(outlet, counts[outlet], examples, lexicon))
        for outlet in sorted(articles)
    ]


def sides_of(
    outlet: str, tally: Counter[str], examples: dict[tuple[str, str], tuple[str, str]], lexicon: Lexicon
) -> dict[str, list[TermUse]]:
    sides: dict[str, list[TermUse]] = {}
    for term, count in sorted(tally.items(), key=lambda item: (-item[1], item[0])):
        entry = lexicon.terms[term]
        sentence, article_id = examples[(outlet, term)]
        use = TermUse(term, entry.register, entry.note, count, sentence, article_id)
        sides.setdefault(entry.side, []).append(use)
    return dict(sorted(sides.items()))


def incident_framing(incident: Incident, docs: Iterable[Doc], lexicon: Lexicon) -> list[OutletFraming]:
    """The words each outlet used in the articles reporting one incident."""
    members = set(incident.articles)
    return outlet_framing((doc for doc in docs if doc[0] in members), lexicon)


def side_by_side(framings: Iterable[OutletFraming]) -> dict[str, dict[str, list[str]]]:
    """Per side, per outlet, the terms used (most used first): the comparison table."""
    table: dict[str, dict[str, list[str]]] = {}
    for framing in framings:
        for side, uses in framing.sides.items():
            table.setdefault(side, {})[framing.outlet] = [use.term for use in uses]
    return {side: dict(sorted(outlets.items())) for side, outlets in sorted(table.items())}
