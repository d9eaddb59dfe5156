"""Page-head items a scraper ran together onto one line, split back into lines of their own.

A flattened page glues the date stamp, the headline's repeat, a byline and the agency credit
onto the start of the first paragraph ("Wed 05 Apr 2017 Syria attack symptoms consistent
with nerve agent use WHO. Victims of ..."). Each item is split off as a line of its own, so
the line rules see what they would on the page: the stamp is a date line, the agency a
credit, the repeated headline a headline, and the body starts where the article does.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice

from sitreport.clean.dedup import paragraph_key
from sitreport.clean.lexicon import CleaningLexicon
from sitreport.clean.stamp import stamp_end
from sitreport.clean.title import headline_segments, is_title_shaped

# "by Asharq Al-Awsat English" may stand between the stamp and the repeated headline.
MAX_PREFIX_WORDS = 8
# A repeat shorter than this could be the lead's own opening words ("Syrian troops entered").
MIN_REPEAT_WORDS = 4
# "Thomson Reuters", "Agence France-Presse": agency names run to three words.
MAX_AGENCY_WORDS = 3
# A deck (the summary under the headline) runs to a few dozen words before the credit.
MAX_DECK_WORDS = 60
_SPACE = re.compile(r"\s+")
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
_LEADING_PUNCTUATION = re.compile(r"^[\s.,:;!?|\-–—]+")
_SENTENCE_END = re.compile(r"[.!?]\s|[.!?]$")


def _split_stamp(line: str, lexicon: CleaningLexicon) -> list[str] | None:
    end = stamp_end(line, lexicon)
    return None if end is None else [line[:end], line[end:]]


def _starts_anew(rest: str) -> bool:
    """What follows a repeated headline opens a new sentence (or nothing follows)."""
    first = _LEADING_PUNCTUATION.sub("", rest).lstrip("\"'“‘([")[:1]
    return not first or first.isupper() or first.isdigit()


def _repeat_at(line: str, headline: str) -> list[str] | None:
    """``line`` as [byline-like prefix, headline repeat, rest] when it repeats ``headline`` early."""
    tokens = list(_TOKEN.finditer(line))
    keys = [token.group().casefold() for token in tokens]
    wanted = [word.casefold() for word in _TOKEN.findall(headline)]
    if len(wanted) < MIN_REPEAT_WORDS:
        return None
    for first in range(min(MAX_PREFIX_WORDS, len(keys) - len(wanted)) + 1):
        if keys[first : first + len(wanted)] != wanted:
            continue
        start, end = tokens[first].start(), tokens[first + len(wanted) - 1].end()
        # quotes and stops around the words belong to the repeat ("\"We had to leave.\"")
        start = start if _TOKEN.search(line[:start]) else 0
        end = end if _TOKEN.search(line[end:]) else len(line)
        prefix, rest = line[:start], line[end:]
        if not _SENTENCE_END.search(prefix.strip()) and _starts_anew(rest):
            return [prefix, line[start:end], rest]
    return None


def _split_repeat(line: str, headlines: Sequence[str]) -> list[str] | None:
    candidates = (segment for headline in headlines for segment in headline_segments(headline))
    return next((split for segment in candidates if (split := _repeat_at(line, segment))), None)


def _split_agency(line: str, lexicon: CleaningLexicon) -> list[str] | None:
    """ "[deck] Reuters Tuesday 14 Nov 2017 The death toll ...": a credit glued before the stamp.

    The agency may follow the headline's deck (a summary with no full stop), which is split
    off as a line of its own.
    """
    # The line's spaces found once: an agency starts after one of the first MAX_DECK_WORDS
    # (or at 0) and ends before one of the next MAX_AGENCY_WORDS.
    spaces = list(islice(_SPACE.finditer(line), MAX_DECK_WORDS + MAX_AGENCY_WORDS))
    # The deck ends at its first sentence end: a start after it has a stop in what it leaves
    # before it (the same test as searching each start's stripped prefix, without the rescans).
    stop = _SENTENCE_END.search(line)
    deck_end = stop.start() if stop else len(line)
    for count in range(min(len(spaces), MAX_DECK_WORDS) + 1):
        start = spaces[count - 1].end() if count else 0
        if count and spaces[count - 1].start() > deck_end:
            return None
        ends = [space.start() for space in spaces[count : count + MAX_AGENCY_WORDS]]
        # most words open no agency's name: their spans are not looked up one by one
        first_word = line[start : ends[0]] if ends else ""
        if first_word and not lexicon.may_open_wire_name(first_word):
            continue
        if (split := _agency_at(line, start, ends, lexicon)) is not None:
            return split
    return None


def _agency_at(line: str, start: int, ends: list[int], lexicon: CleaningLexicon) -> list[str] | None:
    """[before, agency, rest] when an agency name (ending at one of ``ends``) and then a date
    stamp begin at ``start``."""
    for end in ends:
        agency = line[start:end]
        if lexicon.wire_named(agency) and stamp_end(rest := line[end:].lstrip(), lexicon) is not None:
            return [line[:start], agency, rest]
    return None


def _split_furniture(line: str, lexicon: CleaningLexicon) -> list[str] | None:
    """ "Get short URL 4016 At least ...": a page widget glued before the text."""
    match = lexicon.glued_furniture.match(line)
    return [line[: match.end()], line[match.end() :]] if match and match.end() else None


def _split_credit(line: str, lexicon: CleaningLexicon) -> list[str] | None:
    """ "AFP Eleven children were killed ...", "SANA-One civilian ...": a credit before the lead."""
    match = lexicon.wire_credit_start.match(line)
    return [match.group("agency"), line[match.end() :]] if match else None


def unglue_line(line: str, headlines: Sequence[str], lexicon: CleaningLexicon) -> list[str]:
    """The head items glued onto the start of ``line``, each a line, then what remains of it.

    A bare agency name opening the line is split off as a credit only once another head item
    stood before it: at a paragraph's start "SANA Television reported" is a sentence.
    """
    pieces: list[str] = []
    while line:
        split = (
            _split_stamp(line, lexicon)
            or _split_repeat(line, headlines)
            or _split_agency(line, lexicon)
            or _split_furniture(line, lexicon)
            or (_split_credit(line, lexicon) if pieces else None)
        )
        if split is None:
            break
        *head, line = split
        pieces.extend(item.strip() for item in head if item.strip())
        line = _LEADING_PUNCTUATION.sub("", line)
    return [*pieces, line] if line else pieces


@dataclass(frozen=True)
class Unglued:
    """The page's head lines with glued items split off, and the headlines found repeated.

    ``repeated`` holds the keys (``paragraph_key``) of earlier lines that a later paragraph
    opened with, text glued after them: the page printed them as its headline, even when
    they end in a full stop.
    """

    lines: list[str]
    repeated: frozenset[str]


def unglue(paragraphs: Sequence[str], lexicon: CleaningLexicon) -> Unglued:
    """``paragraphs`` with each one's glued head items split off, earlier headlines as repeats."""
    lines: list[str] = []
    repeated: set[str] = set()
    for paragraph in paragraphs:
        headlines = [line for line in lines if is_title_shaped(line)]
        pieces = unglue_line(paragraph, headlines, lexicon)
        if len(pieces) > 1:
            headline_keys = {paragraph_key(headline) for headline in headlines}
            repeated.update(key for piece in pieces if (key := paragraph_key(piece)) in headline_keys)
        lines.extend(pieces)
    return Unglued(lines, frozenset(repeated))
