"""Figures written in words or digits, with the hedge in front of them.

``parse_quantity("around 1,200")`` is ``(1200, "approx")``; ``"two dozen"`` is ``(24, "exact")``;
``"dozens"`` is ``(12, "min")`` (ACLED's rule for vague plurals). The words come from
kb/extraction/numbers.toml and the hedges from kb/extraction/qualifiers.toml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from sitreport.annotate.kbdata import read_table
from sitreport.records import Qualifier

WORD = re.compile(r"\d[\d,.]*\d|\d|[a-z]+")
DIGITS = re.compile(r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?")


class ParsedQuantity(NamedTuple):
    value: int
    qualifier: Qualifier


@dataclass(frozen=True)
class NumberLexicon:
    """Number words, scales, vague plurals and hedge phrases (each a tuple of words)."""

    units: dict[str, int]
    scales: dict[str, int]
    multipliers: dict[str, int]
    vague: dict[str, int]
    articles: frozenset[str]
    # hedge words -> qualifier, longest phrase first so "no more than" wins over "more than"
    hedges: tuple[tuple[tuple[str, ...], Qualifier], ...]
    # "between 40 and 50", "40 to 50": words that open and join the two ends of a range
    fractions: dict[str, float] = field(default_factory=dict)
    range_openers: frozenset[str] = frozenset()
    range_joiners: frozenset[str] = frozenset()
    opener_joiners: frozenset[str] = frozenset()

    def is_number_word(self, word: str) -> bool:
        word = word.lower()
        return (
            word in self.units
            or word in self.scales
            or word in self.multipliers
            or word in self.vague
            or word in self.fractions
            or bool(DIGITS.fullmatch(word))
        )


@lru_cache(maxsize=8)
def load_number_lexicon(extra_dirs: tuple[Path, ...] = ()) -> NumberLexicon:
    numbers = read_table("numbers.toml", extra_dirs)
    qualifiers = read_table("qualifiers.toml", extra_dirs)
    hedges = [
        (tuple(phrase.lower().split()), qualifier)
        for qualifier, phrases in qualifiers.get("hedges", {}).items()
        for phrase in phrases
    ]
    hedges.sort(key=lambda item: -len(item[0]))
    return NumberLexicon(
        units={k.lower(): int(v) for k, v in numbers.get("units", {}).items()},
        scales={k.lower(): int(v) for k, v in numbers.get("scales", {}).items()},
        multipliers={k.lower(): int(v) for k, v in numbers.get("multipliers", {}).items()},
        vague={k.lower(): int(v) for k, v in numbers.get("vague", {}).items()},
        articles=frozenset(w.lower() for w in numbers.get("articles", {}).get("words", [])),
        hedges=tuple(hedges),
        fractions={k.lower(): float(v) for k, v in numbers.get("fractions", {}).items()},
        range_openers=frozenset(numbers.get("ranges", {}).get("openers", [])),
        range_joiners=frozenset(numbers.get("ranges", {}).get("joiners", [])),
        opener_joiners=frozenset(numbers.get("ranges", {}).get("opener_joiners", [])),
    )


def split_words(text: str) -> list[str]:
    """Lower-case words and digit groups; hyphens split ("twenty-five" -> twenty, five)."""
    return WORD.findall(text.lower())


def read_hedge(words: list[str], lexicon: NumberLexicon) -> tuple[Qualifier, int]:
    """The qualifier the leading words give and how many words the hedge took."""
    for phrase, qualifier in lexicon.hedges:
        if tuple(words[: len(phrase)]) == phrase:
            return qualifier, len(phrase)
    return "exact", 0


def digit_value(word: str) -> float | None:
    if not DIGITS.fullmatch(word):
        return None
    return float(word.replace(",", ""))


def can_add(current: float, unit: int) -> bool:
    """Whether a unit word continues the number so far: "hundred and fifty", "twenty five"."""
    if current % 100 == 0:
        return True
    return current % 10 == 0 and current % 100 >= 20 and unit < 10


def is_joining_word(word: str, following: str, current: float, vague: bool, lexicon: NumberLexicon) -> bool:
    """ "of" inside "tens of thousands" and "a quarter of a million", "and" inside "two hundred
    and fifty", "a" inside "half a million"."""
    fraction = 0 < current < 1
    if word == "of":
        return vague or fraction
    if word in lexicon.articles:
        return fraction and following in lexicon.scales
    return word == "and" and current > 0 and current % 100 == 0 and following in lexicon.units


def starts_number(word: str, lexicon: NumberLexicon) -> bool:
    """Whether an article before ``word`` stands for "one": "a hundred", "a dozen", "a quarter"."""
    return word in lexicon.scales or word in lexicon.multipliers or word in lexicon.fractions


def read_number(words: list[str], lexicon: NumberLexicon) -> tuple[int, bool] | None:
    """The value of the number at the start of ``words`` and whether it was a vague plural.

    Digits may carry a scale ("1.5 million"); words add up in the usual way ("two hundred and
    fifty", "twenty five", "two dozen"); "tens of thousands" multiplies vague plurals; a
    fraction takes the scale after it ("a quarter of a million", "half a million").
    """
    total = 0.0
    current = 0.0
    seen = vague = False
    for index, word in enumerate(words):
        number = digit_value(word)
        following = words[index + 1] if index + 1 < len(words) else ""
        if number is not None:
            if seen:
                break
            current, seen = number, True
        elif word in lexicon.multipliers:
            current, seen = (current or 1.0) * lexicon.multipliers[word], True
        elif word in lexicon.units:
            if seen and not can_add(current, lexicon.units[word]):
                break
            current, seen = current + lexicon.units[word], True
        elif word in lexicon.fractions and (not seen or current == 1.0):
            current, seen = lexicon.fractions[word], True
        elif word in lexicon.articles and not seen:
            if not starts_number(following, lexicon):
                break
            current, seen = 1.0, True
        elif word in lexicon.scales and seen:
            if lexicon.scales[word] >= 1000:
                total, current = total + current * lexicon.scales[word], 0.0
            else:
                current *= lexicon.scales[word]
        elif word in lexicon.vague:
            current = (current or 1.0) * lexicon.vague[word] if seen else float(lexicon.vague[word])
            seen = vague = True
        elif is_joining_word(word, following, current, vague, lexicon):
            continue
        else:
            break
    value = total + current
    # "half the fighters": a fraction of no scale counts nothing
    if not seen or 0 < value < 1:
        return None
    return round(value), vague


def parse_quantity(text: str, lexicon: NumberLexicon | None = None) -> ParsedQuantity | None:
    """The figure written at the start of ``text`` (after any hedge), or None if there is none."""
    lexicon = lexicon or load_number_lexicon()
    words = split_words(text)
    qualifier, used = read_hedge(words, lexicon)
    read = read_number(words[used:], lexicon)
    if read is None:
        return None
    value, vague = read
    return ParsedQuantity(value, "min" if vague else qualifier)
