"""Publication dates as pages state them: "2 Aug, 2018 14:54", "Wed 05 Apr 2017", "25-01-2016".

Only explicit calendar dates with a four-digit year are read as publication dates. Relative
stamps ("Updated 6 years ago") and weekday names are ignored on purpose: the published time
must be what the page states, never a guess. Numeric dates are read day first ("25-01-2016",
"30.04.2017"), as pages that write them with dots or dashes do; slashed numeric dates are
left alone, because "04/05/2017" is read either way round.

A date without a year ("Oct 3" in a wire dateline) is read by ``find_month_day``; it never
becomes a publication date by itself.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from sitreport.clean.lexicon import CleaningLexicon

_MONTH_NUMBERS: dict[str, int] = {
    **{name.lower(): n for n, name in enumerate(calendar.month_name) if name},
    **{name.lower(): n for n, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_MONTH_ALTERNATIVES = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
MONTH = rf"(?P<month>{_MONTH_ALTERNATIVES})\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
# A clock after the date: "14:54", "at 2:47 pm", "| 12:30 PM", and "at 2354" written without a colon.
_TIME = (
    r"(?:\s*(?:,|at|@|-|–|\||/)?\s*(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)(?::\d\d)?"
    r"(?:\s*(?P<ampm>[ap]\.?m\b\.?))?|\s+at\s+(?P<hour4>[0-2]\d)(?P<minute4>[0-5]\d)\b)?"
)

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern + _TIME, re.IGNORECASE)
    for pattern in (
        rf"\b{_YEAR}-(?P<month_number>[01]?\d)-{DAY}(?:\b|T(?=\d))",
        rf"\b{DAY}(?:\s+of)?\s+{MONTH},?\s+{_YEAR}\b",
        rf"\b{MONTH}\s+{DAY},?\s+{_YEAR}\b",
        # a scraper that strips commas glues day and year: "Oct 03, 2017" -> "Oct 032017"
        rf"\b{MONTH}\s+(?P<day>[0-3]\d){_YEAR}\b",
        rf"(?<![\d.\-/])(?P<day>[0-3]?\d)(?P<sep>[.\-])(?P<month_number>[01]?\d)(?P=sep){_YEAR}(?!\d)",
    )
)
# Every pattern above holds a year: a text without one (most lines) is spared their search.
_ANY_YEAR = re.compile(_YEAR)
_MONTH_NAME = rf"(?i:{_MONTH_ALTERNATIVES})\.?"
# A written date in a dateline ("Oct 3", "3 October", "Oct. 3, 2016"), without groups.
WRITTEN_DATE = (
    rf"(?:{_MONTH_NAME}\s+[0-3]?\d(?:st|nd|rd|th)?|[0-3]?\d(?:st|nd|rd|th)?\s+{_MONTH_NAME})"
    r"(?:,?\s+(?:19|20)\d{2})?(?!\w)"
)
_MONTH_DAY = re.compile(
    rf"\b(?:{DAY}\s+{MONTH}|{MONTH.replace('month', 'month2')}\s+"
    rf"{DAY.replace('day', 'day2')})\b(?!\s*,?\s*\d)",
    re.IGNORECASE,
)
_WORD = re.compile(r"[^\W\d_]+(?:\.[^\W\d_]+)*\.?", re.UNICODE)
_WEEKDAYS = frozenset(name.lower() for name in (*calendar.day_name, *calendar.day_abbr))


@dataclass(frozen=True)
class FoundDate:
    """A date read from text: its ISO form and where it stood."""

    iso: str
    start: int
    end: int


def _month_of(match: re.Match[str]) -> int:
    groups = match.groupdict()
    if groups.get("month_number"):
        return int(groups["month_number"])
    return _MONTH_NUMBERS[groups["month"].lower().rstrip(".")]


def _clock(hour: int, minute: int, meridiem: str) -> str | None:
    """'HH:MM' for a valid clock time, 12-hour times with am/pm turned to 24-hour."""
    if meridiem and not 1 <= hour <= 12:
        return None
    if meridiem == "p" and hour != 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 else None


def _time_of(match: re.Match[str]) -> str | None:
    """'HH:MM' when the match holds a valid clock time."""
    if match.group("hour4") is not None:
        return _clock(int(match.group("hour4")), int(match.group("minute4")), "")
    if match.group("hour") is None:
        return None
    meridiem = (match.group("ampm") or "").lower()[:1]
    return _clock(int(match.group("hour")), int(match.group("minute")), meridiem)


def _iso_of(match: re.Match[str]) -> str | None:
    """The ISO string of a match, or None when it names no real calendar day."""
    try:
        day = date(int(match.group("year")), _month_of(match), int(match.group("day")))
    except ValueError:
        return None
    clock = _time_of(match)
    return f"{day.isoformat()}T{clock}" if clock else day.isoformat()


@lru_cache(maxsize=1024)
def find_date(text: str) -> FoundDate | None:
    """The earliest explicit calendar date in ``text`` (with its time when one follows).
    Cached: the cleaner asks it of a page's lines again and again (as a stamp, a date line)."""
    if _ANY_YEAR.search(text) is None:
        return None
    found: list[FoundDate] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso_of(match)
            if iso:
                found.append(FoundDate(iso, match.start(), match.end()))
                break
    return min(found, key=lambda f: (f.start, -f.end), default=None)


def find_month_day(text: str) -> tuple[int, int] | None:
    """(month, day) of a date written without a year ("Oct 3", "3 October"), else None."""
    match = _MONTH_DAY.search(text)
    if match is None:
        return None
    month = _MONTH_NUMBERS[(match.group("month") or match.group("month2")).lower().rstrip(".")]
    day = int(match.group("day") or match.group("day2"))
    try:
        date(2000, month, day)  # a leap year, so 29 February is a day
    except ValueError:
        return None
    return month, day


def parse_published(value: str) -> str | None:
    """A corpus column or metadata value as ISO 8601, or None when it holds no date."""
    found = find_date(value)
    return found.iso if found else None


def is_weekday(word: str) -> bool:
    """ "Tuesday", "Tue", "tue." """
    return word.lower().rstrip(".") in _WEEKDAYS


def is_date_word(word: str, lexicon: CleaningLexicon) -> bool:
    """A word a date stamp may hold besides the date: "Published", "Tuesday", "UTC"."""
    lowered = word.lower()
    allowed = lexicon.date_line_words | _WEEKDAYS | _MONTH_NUMBERS.keys()
    return lowered in allowed or lowered.rstrip(".") in allowed


def only_date_words(text: str, lexicon: CleaningLexicon) -> bool:
    """``text`` holds no word but date words (numbers and punctuation aside)."""
    return all(is_date_word(word, lexicon) for word in _WORD.findall(text))


def is_date_line(line: str, lexicon: CleaningLexicon) -> bool:
    """A line that is a date stamp: the date plus only date words ("Published", "Updated")."""
    found = find_date(line)
    return found is not None and only_date_words(line[: found.start] + " " + line[found.end :], lexicon)
