"""Publication-date reading: the formats pages use, and never a date the text does not state."""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreport.clean.dates import find_date, find_month_day, parse_published


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("2 Aug, 2018 14:54 / Updated 6 years ago", "2018-08-02T14:54"),
        ("February 14, 2018 at 2:47 pm", "2018-02-14T14:47"),
        ("2018-08-02", "2018-08-02"),
        ("2018-08-02T09:30:00+03:00", "2018-08-02T09:30"),
        ("Published: 3 March 2019", "2019-03-03"),
        ("Monday 12th of June 2017, 12:05 am", "2017-06-12T00:05"),
        ("Sept. 9, 2016 | 12:30 PM", "2016-09-09T12:30"),
        ("Last updated on 21 Dec 2015", "2015-12-21"),
        ("Published October 3 2016", "2016-10-03"),
        ("Wed 05 Apr 2017", "2017-04-05"),
        ("Tuesday 14 Nov 2017", "2017-11-14"),
        ("3 October 2016 14:05", "2016-10-03T14:05"),
        ("Sun Apr 16 2017", "2017-04-16"),
        ("25-01-2016", "2016-01-25"),
        ("30.04.2017", "2017-04-30"),
        ("Sat 24 Aug 2013 at 2354", "2013-08-24T23:54"),
        # a scraper that strips commas glues the day onto the year
        ("Last updated at Oct 032017", "2017-10-03"),
    ],
)
def test_stated_dates(text: str, iso: str) -> None:
    assert parse_published(text) == iso


@pytest.mark.parametrize(
    "text",
    [
        "31 February 2018",
        "2018-13-01",
        "Updated 6 years ago",
        "on Tuesday",
        "14:54",
        "04/05/2017",  # month or day first: not read
        "1.2.20171",
        "Oct 3",
    ],
)
def test_no_date_where_none_is_stated(text: str) -> None:
    assert parse_published(text) is None


def test_an_impossible_clock_keeps_the_day() -> None:
    assert parse_published("3 March 2019 at 27:10") == "2019-03-03"


@given(st.text())
def test_never_crashes(text: str) -> None:
    found = find_date(text)
    assert found is None or 0 <= found.start < found.end <= len(text)


@given(st.text())
def test_never_invents_a_year(text: str) -> None:
    """Whatever the text, a date read from it carries a year written in it."""
    found = find_date(text)
    if found is not None:
        assert found.iso[:4] in text[found.start : found.end]


FORMATS = [
    "{day} {month_name} {year}",
    "{weekday} {day:02d} {month_abbr} {year}",
    "{month_name} {day}, {year}",
    "{weekday_abbr} {month_abbr} {day} {year}",
    "{day:02d}-{month:02d}-{year}",
    "{day:02d}.{month:02d}.{year}",
    "Published {month_name} {day} {year}",
    "{month_abbr} {day:02d}{year}",
]


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2039, 12, 31)), st.sampled_from(FORMATS))
def test_written_dates_read_back(day: date, template: str) -> None:
    """Any day written in any of the page formats is read back as that day."""
    text = template.format(
        day=day.day,
        month=day.month,
        year=day.year,
        month_name=calendar.month_name[day.month],
        month_abbr=calendar.month_abbr[day.month],
        weekday=calendar.day_name[day.weekday()],
        weekday_abbr=calendar.day_abbr[day.weekday()],
    )
    assert parse_published(text) == day.isoformat()


@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2039, 12, 31)))
def test_a_date_without_a_year_is_never_a_publication_date(day: date) -> None:
    text = f"{calendar.month_abbr[day.month]} {day.day} (Reuters) -"
    assert parse_published(text) is None
    assert find_month_day(text) == (day.month, day.day)


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",))))
def test_text_without_digits_has_no_date(text: str) -> None:
    assert find_date(text) is None
