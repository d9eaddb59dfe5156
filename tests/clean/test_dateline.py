"""Datelines: place and credited agency read, the rest of the sentence left intact."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreport.clean.dateline import split_dateline
from sitreport.clean.lexicon import CleaningLexicon


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "body"),
    [
        ("BEIRUT (Reuters) - Shelling killed five.", "BEIRUT", "Reuters", "Shelling killed five."),
        ("ALEPPO, Syria (AP) — Buses left at dawn.", "ALEPPO", "AP", "Buses left at dawn."),
        ("DAMASCUS (Dispatches) – Fighters left Daraa.", "DAMASCUS", None, "Fighters left Daraa."),
        ("DEIR EZ-ZOR, March 3 (AFP) - Clashes resumed.", "DEIR EZ-ZOR", "AFP", "Clashes resumed."),
        ("Damascus, SANA – Army units entered the town.", "Damascus", "SANA", "Army units entered the town."),
        ("Homs (Xinhua) -- Aid arrived on Monday.", "Homs", "Xinhua", "Aid arrived on Monday."),
        # a scraper dropped the dash: only a foreign filing city is read as a dateline then
        ("BEIRUT Warplanes struck two villages.", "BEIRUT", None, "Warplanes struck two villages."),
        ("Amman Jordanian troops closed it.", "Amman", None, "Jordanian troops closed it."),
        ("NEW YORK The council met on Friday.", "NEW YORK", None, "The council met on Friday."),
    ],
)
def test_datelines(
    paragraph: str, place: str, agency: str | None, body: str, lexicon: CleaningLexicon
) -> None:
    dateline = split_dateline(paragraph, lexicon)
    assert dateline is not None
    assert (dateline.place, dateline.agency, dateline.body) == (place, agency, body)


@pytest.mark.parametrize(
    "paragraph",
    [
        "BREAKING - Fighting resumed in the north.",
        "The army - backed by militias - advanced.",
        "Syrian troops entered the town on Monday.",
        "Homs (the city) - a note.",  # mixed case without a known agency
        "US - Turkey talks resumed.",
        # no dash: only a foreign filing city is a dateline then
        "Aleppo Governor Ahmad Samer visited the market.",  # a Syrian town opening its own sentence
        "Beirut is hosting talks on the crossings.",  # the filing city is the sentence's subject
        "NATO Allies met in Brussels.",  # capitals that name no filing city
    ],
)
def test_not_datelines(paragraph: str, lexicon: CleaningLexicon) -> None:
    assert split_dateline(paragraph, lexicon) is None


@given(st.text())
def test_never_crashes_and_body_is_a_suffix(lexicon: CleaningLexicon, text: str) -> None:
    dateline = split_dateline(text, lexicon)
    if dateline is not None:
        assert text.endswith(dateline.body)
        assert dateline.place in text[: len(text) - len(dateline.body)]


@pytest.mark.parametrize(
    ("paragraph", "place", "agency", "published"),
    [
        ("DAMASCUS, Oct 3 (Reuters) - Shelling killed five.", "DAMASCUS", "Reuters", None),
        ("BEIRUT, Oct. 3, 2016 (AP) — Shelling killed five.", "BEIRUT", "AP", "2016-10-03"),
        ("ALEPPO, Syria, Oct 3 (Reuters) - Shelling killed five.", "ALEPPO", "Reuters", None),
        ("Homs, 3 October 2016 (Xinhua) -- Shelling killed five.", "Homs", "Xinhua", "2016-10-03"),
    ],
)
def test_dated_datelines(
    paragraph: str, place: str, agency: str, published: str | None, lexicon: CleaningLexicon
) -> None:
    """The date is read off with the dateline; without its year it dates nothing."""
    dateline = split_dateline(paragraph, lexicon)
    assert dateline is not None
    assert (dateline.place, dateline.agency, dateline.published) == (place, agency, published)
    assert dateline.body == "Shelling killed five."

