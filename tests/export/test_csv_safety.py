"""OWASP's CSV-injection rule in every CSV the tool writes."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreport.export import write_records
from sitreport.export.safe_csv import FORMULA_STARTS, safe_cell
from sitreport.records import Actor, Event, Evidence, Place

DANGEROUS = ['=HYPERLINK("http://example.invalid")', "+1+2", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"]


@given(st.text())
def test_no_escaped_cell_starts_a_formula_and_nothing_else_changes(text: str) -> None:
    escaped = safe_cell(text)
    assert not escaped.startswith(FORMULA_STARTS)
    assert escaped == text or (escaped == "'" + text and text.startswith(FORMULA_STARTS))


def test_numbers_stay_numbers() -> None:
    assert safe_cell(-3.5) == -3.5 and safe_cell(-2) == -2


@pytest.mark.parametrize("fmt", ["csv", "acled"])
@pytest.mark.parametrize("payload", DANGEROUS)
def test_every_text_cell_is_escaped(sample_events: list[Event], fmt: str, payload: str) -> None:
    # a sample event whose untrusted text starts like a formula everywhere text can go
    event = replace(
        sample_events[0],
        location=Place(payload, admin1=payload, country="SY", lat=35.0, lon=-3.5),
        actors=[Actor(payload, kind="state_forces")],
        evidence=[Evidence(0, len(payload), payload)],
        outlet=payload,
        date_text=payload,
    )
    stream = io.StringIO()
    write_records([event], fmt, stream)
    (row,) = list(csv.DictReader(io.StringIO(stream.getvalue())))
    longitude = row.pop("longitude")
    assert not [value for value in row.values() if value.startswith(FORMULA_STARTS)]
    assert longitude == "-3.5"  # a number, not text: written as it is
