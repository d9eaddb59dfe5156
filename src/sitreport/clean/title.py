"""The headline among the short lines above the body, without the site's name.

Pages put taglines, section labels and navigation above the headline too, all of them as
short unterminated lines. The headline is the one that speaks about the story, so each
candidate is scored by the content words it shares with the body.

Page titles carry the site's name and section ("... kills 23 - Region - World - Ahram
Online", "... | Jordan Times"): a known site name beside the headline is cut off, with the
sections or author between them. The outlet is metadata, not the headline; a part that is
not a site's name ("... - Homs governor") stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from sitreport.clean.lexicon import CleaningLexicon
from sitreport.clean.lines import words

# Headlines run from a few words to a long sentence; outside that range a line is a label or body.
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 25
# Comparing word starts lets "surrender" meet "surrendered" without a stemmer.
STEM_LENGTH = 5
# Title parts are set apart by a spaced bar or dash: "Headline | Site", "Site - Headline".
_SEPARATOR = re.compile(r"\s+(?:\||-|–|—|::|»)\s+")


def content_stems(text: str) -> set[str]:
    """Word starts of the non-stop words of ``text``."""
    return {w.casefold()[:STEM_LENGTH] for w in words(text) if w.casefold() not in STOP_WORDS and len(w) > 2}


def is_title_shaped(line: str) -> bool:
    return MIN_TITLE_WORDS <= len(words(line)) <= MAX_TITLE_WORDS


def choose_title(candidates: Sequence[str], body: Sequence[str]) -> str | None:
    """The candidate sharing most content words with the body (earliest on ties), if any shares one."""
    body_stems = content_stems(" ".join(body))
    scored = [(len(content_stems(line) & body_stems), -index) for index, line in enumerate(candidates)]
    best = max(range(len(candidates)), key=lambda i: scored[i], default=None)
    if best is None or scored[best][0] == 0:
        return None
    return candidates[best]


def headline_segments(title: str) -> list[str]:
    """The title, then each of its separated parts when it has more than one."""
    parts = [part for part in _SEPARATOR.split(title) if part.strip()]
    return [title, *parts] if len(parts) > 1 else [title]


def _headline_part(parts: list[str]) -> int:
    """The part that is the headline: the one with most words (the earliest on ties)."""
    return max(range(len(parts)), key=lambda i: (len(words(parts[i])), -i))


def without_site_name(title: str, lexicon: CleaningLexicon) -> str:
    """``title`` without the site's name and whatever stands beyond it (sections, author)."""
    parts = _SEPARATOR.split(title)
    headline = _headline_part(parts)
    first = headline if any(lexicon.is_site_name(p) for p in parts[:headline]) else 0
    last = headline if any(lexicon.is_site_name(p) for p in parts[headline + 1 :]) else len(parts) - 1
    separators = _SEPARATOR.findall(title)
    kept = parts[first]
    for index in range(first + 1, last + 1):
        kept += separators[index - 1] + parts[index]
    return kept
