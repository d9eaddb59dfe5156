"""The calendar period an ISO date of any precision stands for.

An event dated ``2018-08`` happened some day in August 2018; filters and timelines need
that as a first and last day, which are computed here once, when the event is written.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_MONTH = re.compile(r"(\d{4})-(\d{2})")
_YEAR = re.compile(r"(\d{4})")
_ISO_WEEK = re.compile(r"(\d{4})-W(\d{2})")

Period = tuple[date, date]


def _day(match: re.Match[str]) -> Period:
    day = date(int(match[1]), int(match[2]), int(match[3]))
    return day, day


def _month(match: re.Match[str]) -> Period:
    year, month = int(match[1]), int(match[2])
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _year(match: re.Match[str]) -> Period:
    year = int(match[1])
    return date(year, 1, 1), date(year, 12, 31)


def _iso_week(match: re.Match[str]) -> Period:
    monday = date.fromisocalendar(int(match[1]), int(match[2]), 1)
    return monday, monday + timedelta(days=6)


_PARSERS = ((_DAY, _day), (_MONTH, _month), (_YEAR, _year), (_ISO_WEEK, _iso_week))


def _parse(value: str) -> tuple[Period, bool] | None:
    """The period, and whether the value named a single day; None when not ISO-shaped."""
    for pattern, build in _PARSERS:
        match = pattern.fullmatch(value)
        if match:
            return build(match), pattern is _DAY
    return None


def period(value: str | None, precision: str | None = None) -> Period | None:
    """First and last day of the date, or None when it is missing or not an ISO date.

    A day-shaped date with ``week`` precision stands for the week that starts on it.
    """
    try:
        parsed = _parse(value) if value is not None else None
        if parsed is None:
            return None
        (first, last), is_day = parsed
        if precision == "week" and is_day:
            last = first + timedelta(days=6)
        return first, last
    except (ValueError, OverflowError):  # shaped like a date but not one (2018-02-30, past 9999)
        return None


def week_start(day: date) -> date:
    """The Monday of the ISO week holding the day."""
    return day - timedelta(days=day.weekday())
