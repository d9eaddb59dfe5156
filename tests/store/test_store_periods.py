"""The calendar period behind an ISO date of any precision (no database needed)."""

from __future__ import annotations

from datetime import date

import pytest

from sitreport.store.periods import period, week_start


@pytest.mark.parametrize(
    ("value", "precision", "expected"),
    [
        ("2018-08-01", "day", (date(2018, 8, 1), date(2018, 8, 1))),
        ("2018-08-01", "week", (date(2018, 8, 1), date(2018, 8, 7))),
        ("2016-02", "month", (date(2016, 2, 1), date(2016, 2, 29))),
        ("2018", None, (date(2018, 1, 1), date(2018, 12, 31))),
        ("2018-W31", "week", (date(2018, 7, 30), date(2018, 8, 5))),
        (None, None, None),
        ("last Tuesday", None, None),
        ("2018-02-30", None, None),
        ("2018-W54", None, None),
        ("9999-12-31", "week", None),  # the week would end past the last date Python knows
    ],
)
def test_period_spans_what_the_date_stands_for(
    value: str | None, precision: str | None, expected: tuple[date, date] | None
) -> None:
    assert period(value, precision) == expected


def test_week_starts_on_monday() -> None:
    assert week_start(date(2018, 8, 5)) == date(2018, 7, 30)
    assert week_start(date(2018, 7, 30)) == date(2018, 7, 30)
