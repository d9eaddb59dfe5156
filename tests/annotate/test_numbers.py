"""Reading figures: digits, words, vague plurals and hedges."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreport.annotate.numbers import load_number_lexicon, parse_quantity

UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        ("1,200", 1200, "exact"),
        ("two", 2, "exact"),
        ("a dozen", 12, "exact"),
        ("two dozen", 24, "exact"),
        ("dozens", 12, "min"),
        ("hundreds of", 100, "min"),
        ("tens of thousands", 10000, "min"),
        ("around 1,200 people", 1200, "approx"),
        ("some 400", 400, "approx"),
        ("nearly 30", 30, "approx"),
        ("almost 10,000", 10000, "approx"),
        ("roughly 5", 5, "approx"),
        ("more than 250", 250, "min"),
        ("over 650", 650, "min"),
        ("at least 12", 12, "min"),
        ("up to 40", 40, "max"),
        ("fewer than 10", 10, "max"),
        ("less than 3", 3, "max"),
        ("no more than 5", 5, "max"),
        ("1.5 million", 1500000, "exact"),
        ("two hundred and fifty", 250, "exact"),
        ("twenty-five", 25, "exact"),
        ("three thousand five hundred", 3500, "exact"),
        ("a quarter of a million", 250000, "exact"),
        ("half a million", 500000, "exact"),
        ("more than a quarter of a million", 250000, "min"),
    ],
)
def test_reads_figure(text: str, value: int, qualifier: str) -> None:
    assert parse_quantity(text) == (value, qualifier)


@pytest.mark.parametrize(
    "text", ["people", "", "the town", "more than", "half", "a quarter", "half the fighters"]
)
def test_no_figure(text: str) -> None:
    assert parse_quantity(text) is None


@given(st.integers(min_value=0, max_value=10**9))
def test_digits_with_thousands_separators(value: int) -> None:
    assert parse_quantity(f"{value:,}") == (value, "exact")
    assert parse_quantity(str(value)) == (value, "exact")


@given(st.integers(min_value=0, max_value=10**6), st.sampled_from(["approx", "min", "max"]))
def test_every_hedge_gives_its_qualifier(value: int, qualifier: str) -> None:
    lexicon = load_number_lexicon()
    for words, hedge_qualifier in lexicon.hedges:
        if hedge_qualifier == qualifier:
            assert parse_quantity(f"{' '.join(words)} {value}") == (value, qualifier)


@given(
    st.integers(min_value=1, max_value=9),
    st.integers(min_value=0, max_value=7),
    st.integers(min_value=1, max_value=9),
)
def test_number_words_add_up(hundreds: int, tens: int, units: int) -> None:
    text = f"{UNITS[hundreds - 1]} hundred and {TENS[tens]}-{UNITS[units - 1]}"
    assert parse_quantity(text) == (hundreds * 100 + (tens + 2) * 10 + units, "exact")


@given(st.sampled_from(["half", "quarter", "third"]), st.sampled_from(["hundred", "thousand", "million"]))
def test_a_fraction_takes_the_scale_after_it(fraction: str, scale: str) -> None:
    """ "a quarter of a million" is a quarter of it, never the million itself."""
    lexicon = load_number_lexicon()
    expected = round(lexicon.fractions[fraction] * lexicon.scales[scale])
    assert parse_quantity(f"a {fraction} of a {scale}") == (expected, "exact")


@given(st.integers(min_value=1, max_value=9), st.sampled_from(["dozen", "score"]))
def test_a_multiplier_counts_groups_of_the_number_before_it(count: int, word: str) -> None:
    """ "two dozen" is 24 and "three score" 60; the group sizes come from the kb, not the code."""
    group = load_number_lexicon().multipliers[word]
    assert parse_quantity(f"{UNITS[count - 1]} {word}") == (count * group, "exact")
    assert parse_quantity(f"a {word}") == (group, "exact")


def test_a_user_kb_adds_multiplier_words(tmp_path: Path) -> None:
    """A multiplier word is knowledge: a user's numbers.toml adds one ("a gross" is 144)."""
    (tmp_path / "extraction").mkdir()
    (tmp_path / "extraction" / "numbers.toml").write_text("[multipliers]\ngross = 144\n", encoding="utf-8")
    lexicon = load_number_lexicon((tmp_path,))
    assert parse_quantity("two gross", lexicon) == (288, "exact")
    assert parse_quantity("two gross") == (2, "exact")
