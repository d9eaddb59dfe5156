"""What one line of a scraped page is: a body sentence, a headline, or page furniture.

Classification looks at the shape of the line (length, closing punctuation, letters at all)
and at the kb patterns; it never looks at what a particular site writes.
"""

from __future__ import annotations

import re
from enum import Enum
from itertools import pairwise

from sitreport.clean.dates import is_date_line
from sitreport.clean.lexicon import CleaningLexicon


class LineKind(Enum):
    SENTENCE = "sentence"  # ends like a sentence: body material
    FRAGMENT = "fragment"  # long but unterminated: a truncated body paragraph
    HEADLINE = "headline"  # short and unterminated: a headline, label, byline or button
    FURNITURE = "furniture"  # matched as page furniture: always dropped
    DATE = "date"  # a publication-date stamp
    TAIL = "tail"  # opens a teaser or author block that runs to the end


# Pattern rules are for short lines: a long paragraph that merely mentions a newsletter is news.
MAX_FURNITURE_WORDS = 40
# Unterminated lines this long are body text cut short by the scraper, not headlines.
MIN_FRAGMENT_WORDS = 10

_TERMINAL = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
_BRACKET_NOTE = re.compile(r"^\[[^\[\]]*\]$")
_END_BRACKET = re.compile(r"[(\[]([^()\[\]]{2,80})[)\]]\s*\.?$")
_LEADING_CREDIT = re.compile(r"^([\w ]{2,20})\s*[:|]")
# Wire photo credits written without brackets: "... in Ariha, February 7. REUTERS/Jane Doe".
_SLASH_CREDIT = re.compile(r"(?:^|\s)([^\W\d_][\w.]*)/[^\W\d_][\w.'’ -]{1,40}$")
_TOKEN = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def words(line: str) -> list[str]:
    """The word tokens of a line (numbers included, punctuation not)."""
    return _TOKEN.findall(line)


def is_terminated(line: str) -> bool:
    """The line ends as a sentence does, closing quotes and brackets allowed."""
    return bool(_TERMINAL.search(line))


def _is_credit(text: str, lexicon: CleaningLexicon) -> bool:
    """Bracket contents that credit a photo: "Photo: X/Reuters", "Getty Images", "AFP"."""
    lowered = text.lower().strip()
    if "/" in lowered or lexicon.wire_named(lowered):
        return True
    tokens = [t.lower() for t in words(lowered)]
    phrases = {*tokens, *(" ".join(pair) for pair in pairwise(tokens))}
    return bool(phrases & lexicon.credit_words)


def is_caption(line: str, lexicon: CleaningLexicon) -> bool:
    """An image caption: ends in a bracketed credit or opens with "Photo:"-like labels."""
    ending = _END_BRACKET.search(line)
    if ending and _is_credit(ending.group(1), lexicon):
        return True
    slashed = _SLASH_CREDIT.search(line)
    if slashed and (lexicon.wire_named(slashed.group(1)) or slashed.group(1).lower() in lexicon.credit_words):
        return True
    leading = _LEADING_CREDIT.match(line)
    return bool(leading and leading.group(1).strip().lower() in lexicon.credit_words)


def is_social_bar(line: str, lexicon: CleaningLexicon) -> bool:
    """A row of share buttons: only share-bar words and counts ("1.2k Shares")."""
    tokens = [t.lower() for t in words(line) if not t[0].isdigit()]
    return bool(tokens) and all(t in lexicon.social_words for t in tokens)


def is_furniture(line: str, lexicon: CleaningLexicon) -> bool:
    """Page furniture whatever its length or punctuation."""
    if not _LETTER.search(line) or _BRACKET_NOTE.match(line):
        return True
    if is_caption(line, lexicon) or is_social_bar(line, lexicon) or lexicon.link_line.search(line):
        return True
    if lexicon.wire_named(line.strip("()[]-–—. ")):
        return True
    return len(words(line)) <= MAX_FURNITURE_WORDS and any(p.search(line) for p in lexicon.boilerplate)


def classify(line: str, lexicon: CleaningLexicon) -> LineKind:
    """The kind of one stripped, non-empty line."""
    if lexicon.tail_marker.match(line):
        return LineKind.TAIL
    # Before furniture: a bare "2019-07-09" has no letters but is a stamp, not a counter.
    if is_date_line(line, lexicon):
        return LineKind.DATE
    if is_furniture(line, lexicon):
        return LineKind.FURNITURE
    if is_terminated(line):
        return LineKind.SENTENCE
    if len(words(line)) >= MIN_FRAGMENT_WORDS:
        return LineKind.FRAGMENT
    return LineKind.HEADLINE
