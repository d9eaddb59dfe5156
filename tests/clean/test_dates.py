"""Publication-date reading: the formats pages use, and never a date the text does not state."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreport.clean.dates import find_date, parse_published


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
    ],
)
def test_stated_dates(text: str, iso: str) -> None:
    assert parse_published(text) == iso


@pytest.mark.parametrize(
    "text", ["31 February 2018", "2018-13-01", "Updated 6 years ago", "on Tuesday", "14:54"]
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
        assert found.iso[:4] in re.findall(r"\d{4}", text[found.start : found.end])


@given(st.text(alphabet=st.characters(blacklist_categories=("Nd",))))
def test_text_without_digits_has_no_date(text: str) -> None:
    assert find_date(text) is None
