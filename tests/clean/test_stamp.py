"""Date stamps glued onto the text after them: where the stamp ends, and lines that open otherwise.

Sample lines written for the project, not taken from any report.
"""

from __future__ import annotations

import calendar
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreport.clean.dates import parse_published
from sitreport.clean.lexicon import CleaningLexicon, load_lexicon
from sitreport.clean.stamp import stamp_end

BODY = "Shelling hit the market in Sample Town on Monday, rescuers said."


@pytest.mark.parametrize(
    "stamp",
    [
        "Wed 05 Apr 2017",
        "Published April 29 2017",
        "Date of publication 8 October 2017",
        "Posted on August 12 2016",
        "Last updated at Oct 032017",
        "Tuesday 26 April 2016 21:41",
        "August 22 2013 1849 UTC+3",
        "05.10.2017(updated 1935 05.10.2017)",
        "30.04.2017)",
        "25-01-2016",
        "Sat 24 Aug 2013 at 2354",
    ],
)
def test_the_stamp_ends_where_the_text_begins(stamp: str, lexicon: CleaningLexicon) -> None:
    line = f"{stamp} {BODY}"
    assert stamp_end(line, lexicon) == len(stamp)
    assert parse_published(stamp) is not None


@pytest.mark.parametrize(
    "line",
    [
        "On 3 May 2017 the talks began in the capital.",
        "Rebels said on 3 May 2017 that the road was open.",
        "Fighting resumed in Sample Town on Tuesday.",
        "2,000 people left Sample Town on 4 May 2017.",
    ],
)
def test_a_sentence_is_no_stamp(line: str, lexicon: CleaningLexicon) -> None:
    assert stamp_end(line, lexicon) is None


@pytest.mark.parametrize("opening", ["Last week", "At least 12", "1200 people", "On Monday"])
def test_the_text_after_a_stamp_stays_whole(opening: str, lexicon: CleaningLexicon) -> None:
    """Date words and numbers after the date belong to the stamp only when a clock or zone follows."""
    stamp = "Published 4 May 2017"
    assert stamp_end(f"{stamp} {opening} the army shelled the town.", lexicon) == len(stamp)


@given(
    st.dates(min_value=date(1995, 1, 1), max_value=date(2035, 12, 31)), st.sampled_from(["", "Posted on "])
)
def test_any_glued_day_is_read_and_cut_at_its_end(day: date, label: str) -> None:
    stamp = f"{label}{calendar.day_name[day.weekday()]} {day.day} {calendar.month_name[day.month]} {day.year}"
    end = stamp_end(f"{stamp} {BODY}", load_lexicon())
    assert end == len(stamp)
    assert parse_published(stamp) == day.isoformat()
