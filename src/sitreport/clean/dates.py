"""Publication dates as pages state them: "2 Aug, 2018 14:54", "February 14, 2018 at 2:47 pm".

Only explicit calendar dates with a four-digit year are read. Relative stamps ("Updated 6
years ago") and weekday names are ignored on purpose: the published time must be what the
page states, never a guess.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from sitreport.clean.lexicon import CleaningLexicon

_MONTH_NUMBERS: dict[str, int] = {
    **{name.lower(): n for n, name in enumerate(calendar.month_name) if name},
    **{name.lower(): n for n, name in enumerate(calendar.month_abbr) if name},
    "sept": 9,
}
_MONTH = "(?P<month>" + "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d{2})"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_TIME = (
    r"(?:\s*(?:,|at|@|-|–|\||/)?\s*(?P<hour>[0-2]?\d)[:.h](?P<minute>[0-5]\d)(?::\d\d)?"
    r"\s*(?P<ampm>[ap]\.?m\b\.?)?)?"
)

_PATTERNS: tuple[re.Pattern[str], ...] = tuple(
    re.compile(pattern + _TIME, re.IGNORECASE)
    for pattern in (
        rf"\b{_YEAR}-(?P<month_number>[01]?\d)-{_DAY}(?:\b|T(?=\d))",
        rf"\b{_DAY}(?:\s+of)?\s+{_MONTH},?\s+{_YEAR}\b",
        rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b",
    )
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


def _time_of(match: re.Match[str]) -> str | None:
    """'HH:MM' when the match holds a valid clock time."""
    if match.group("hour") is None:
        return None
    hour, minute = int(match.group("hour")), int(match.group("minute"))
    meridiem = (match.group("ampm") or "").lower()[:1]
    if meridiem and not 1 <= hour <= 12:
        return None
    if meridiem == "p" and hour != 12:
        hour += 12
    elif meridiem == "a" and hour == 12:
        hour = 0
    return f"{hour:02d}:{minute:02d}" if hour < 24 else None


def _iso_of(match: re.Match[str]) -> str | None:
    """The ISO string of a match, or None when it names no real calendar day."""
    try:
        day = date(int(match.group("year")), _month_of(match), int(match.group("day")))
    except ValueError:
        return None
    clock = _time_of(match)
    return f"{day.isoformat()}T{clock}" if clock else day.isoformat()


def find_date(text: str) -> FoundDate | None:
    """The earliest explicit calendar date in ``text`` (with its time when one follows)."""
    found: list[FoundDate] = []
    for pattern in _PATTERNS:
        for match in pattern.finditer(text):
            iso = _iso_of(match)
            if iso:
                found.append(FoundDate(iso, match.start(), match.end()))
                break
    return min(found, key=lambda f: f.start, default=None)


def parse_published(value: str) -> str | None:
    """A corpus column or metadata value as ISO 8601, or None when it holds no date."""
    found = find_date(value)
    return found.iso if found else None


def is_date_line(line: str, lexicon: CleaningLexicon) -> bool:
    """A line that is a date stamp: the date plus only date words ("Published", "Updated")."""
    found = find_date(line)
    if found is None:
        return False
    rest = line[: found.start] + " " + line[found.end :]
    allowed = lexicon.date_line_words | _WEEKDAYS | _MONTH_NUMBERS.keys()
    return all(word.lower().rstrip(".") in allowed or word.lower() in allowed for word in _WORD.findall(rest))
