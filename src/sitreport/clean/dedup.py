"""Paragraphs a scraper pasted twice, compared after normalising quotes and spacing."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

_QUOTES = str.maketrans({c: '"' for c in "“”„‟«»″"} | {c: "'" for c in "‘’‚‛′`´"})
_NON_WORD = re.compile(r"[\W_]+", re.UNICODE)


def paragraph_key(paragraph: str) -> str:
    """What two copies of one paragraph share: letters and digits, lower case, single-spaced.

    Quotes and punctuation are dropped entirely because copies differ in exactly those
    (straight versus curly quotes, a dash versus a hyphen).
    """
    text = unicodedata.normalize("NFKC", paragraph).translate(_QUOTES).casefold()
    return _NON_WORD.sub(" ", text).strip()


def drop_repeated(paragraphs: Iterable[str]) -> list[str]:
    """Each paragraph once, the first copy kept, order preserved."""
    seen: set[str] = set()
    kept: list[str] = []
    for paragraph in paragraphs:
        key = paragraph_key(paragraph)
        if key not in seen:
            seen.add(key)
            kept.append(paragraph)
    return kept
