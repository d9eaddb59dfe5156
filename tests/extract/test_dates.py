"""Date expressions and what they resolve to (sitreport.extract.dates).

The phrases below are samples written for these tests, not article text.
"""

from __future__ import annotations

from datetime import date

import pytest

from sitreport.extract.dates import find_date_expressions, resolve_date
from sitreport.extract.lexicon import load_extraction_lexicon

PUBLISHED = date(2016, 10, 6)


def resolved(text: str) -> list[str | None]:
    lexicon = load_extraction_lexicon()
    return [resolve_date(e, PUBLISHED, None, lexicon).date for e in find_date_expressions(text, 0, lexicon)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a day and month with no year: the most recent such day not after publication
        ("jets struck the town on September 17", ["2016-09-17"]),
        ("jets struck the town on 17 September", ["2016-09-17"]),
        ("jets struck the town on the 3rd of October", ["2016-10-03"]),
        ("jets struck the town on December 25", ["2015-12-25"]),
        # with its year it is that day
        ("jets struck the town on December 25 2015", ["2015-12-25"]),
        # "may" in lower case is a modal; no day of the calendar is no date
        ("fighters may 5 times try", []),
        ("jets struck the town on February 30", [None]),
    ],
)
def test_a_day_without_year_takes_the_publication_year(text: str, expected: list[str | None]) -> None:
    assert resolved(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # 6 October 2016 is a Thursday: a weekday is the most recent such day up to publication
        ("jets struck the town on Tuesday", ["2016-10-04"]),
        ("the toll from Tuesday's strike rose", ["2016-10-04"]),
        # the same possessive with its apostrophe lost in scraping ("Tuesdays strike")
        ("the toll from Tuesdays strike rose", ["2016-10-04"]),
    ],
)
def test_a_weekday_with_or_without_its_possessive_apostrophe(text: str, expected: list[str | None]) -> None:
    assert resolved(text) == expected
