"""A date stamp opening a line that runs on into other text: "Wed 05 Apr 2017 Syria attack ...".

Scrapers that flatten a page glue the publication line onto whatever follows it. The stamp
is the date with what pages write around it: a label before it ("Published", "Date of
publication", "Last updated at", a weekday) and a clock, time zone or update note after it
("21:41", "1849 UTC+3", "(updated 1935 05.10.2017)"). A line opening with any other word is
a sentence ("On 3 May 2017 the talks began"), never a stamp.
"""

from __future__ import annotations

import re

from sitreport.clean.dates import find_date, is_date_word, is_weekday, only_date_words
from sitreport.clean.lexicon import CleaningLexicon

# A stamp's label is a few words ("Date of publication", "Last updated at"), never a clause.
MAX_LABEL_WORDS = 4
_PIECE = re.compile(r"\s*[(\[]?\s*(?P<piece>[^\s()\[\]]+)(?:\s*[)\]])?")
_STRAY_CLOSE = re.compile(r"\s*[)\]]")
_CLOCK = re.compile(r"[0-2]?\d[:.h][0-5]\d(?::\d\d)?")
_BARE_CLOCK = re.compile(r"[0-2]\d[0-5]\d")
_MERIDIEM = re.compile(r"[ap]\.?m\.?", re.IGNORECASE)
_ZONE = re.compile(r"(?P<zone>[^\W\d_]+)(?:[+-]\d{1,2}(?::?\d\d)?)?")
_LABEL_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?")


def _opens_stamp(label: str, lexicon: CleaningLexicon) -> bool:
    """Nothing, or a few date words of which the first may open a stamp ("Posted on")."""
    found = _LABEL_WORD.findall(label)
    if not found:
        return not label.strip(" \t:|-–—")
    first = found[0].lower().rstrip(".")
    opener = first in lexicon.stamp_openers or is_weekday(first)
    return len(found) <= MAX_LABEL_WORDS and opener and only_date_words(label, lexicon)


def _is_time_piece(piece: str, lexicon: CleaningLexicon) -> bool:
    """A piece that is only ever part of a stamp: a clock, a date, a time zone, am/pm."""
    zone = _ZONE.fullmatch(piece)
    if zone and zone.group("zone").lower() in lexicon.time_zones:
        return True
    if _CLOCK.fullmatch(piece) or _MERIDIEM.fullmatch(piece):
        return True
    found = find_date(piece)
    return found is not None and found.start == 0 and found.end == len(piece)


def _stamp_tail_end(line: str, position: int, lexicon: CleaningLexicon) -> int:
    """Where the stamp ends after its date: past clocks, zones and update notes, not past text.

    Date words ("at", "updated") and a bare "1849" only belong to the stamp when a clock, date
    or zone follows them, so "Last week" after a stamp stays with the sentence.
    """
    end = position
    while True:
        stray = _STRAY_CLOSE.match(line, position)
        if stray:
            position = end = stray.end()
            continue
        match = _PIECE.match(line, position)
        if match is None:
            return end
        piece = match.group("piece")
        if _is_time_piece(piece, lexicon):
            end = match.end()
        elif not (is_date_word(piece, lexicon) or _BARE_CLOCK.fullmatch(piece)):
            return end
        position = match.end()


def stamp_end(line: str, lexicon: CleaningLexicon) -> int | None:
    """The end of the date stamp opening ``line``, or None when the line opens otherwise."""
    found = find_date(line)
    if found is None or not _opens_stamp(line[: found.start], lexicon):
        return None
    return _stamp_tail_end(line, found.end, lexicon)
