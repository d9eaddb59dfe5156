"""The headline among the short lines above the body.

Pages put taglines, section labels and navigation above the headline too, all of them as
short unterminated lines. The headline is the one that speaks about the story, so each
candidate is scored by the content words it shares with the body.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.lang.en.stop_words import STOP_WORDS

from sitreport.clean.lines import words

# Headlines run from a few words to a long sentence; outside that range a line is a label or body.
MIN_TITLE_WORDS = 3
MAX_TITLE_WORDS = 25
# Comparing word starts lets "surrender" meet "surrendered" without a stemmer.
STEM_LENGTH = 5


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
