"""Captions and embedded titles run into a paragraph by a flattening scraper.

Sample paragraphs written for the project, not taken from any report.
"""

from __future__ import annotations

import pytest

from sitreport.clean.inline import without_inline_captions
from sitreport.clean.lexicon import CleaningLexicon

FIRST = "Shelling killed four people in Sample Town on Monday, rescuers said."
LAST = "The monitor said the toll could rise."


@pytest.mark.parametrize(
    "caption",
    [
        "Residents inspect a damaged street in Sample Town on May 3 2016. REUTERS/Jane Doe",
        "Residents inspect a damaged street in Sample Town on May 3 2016. REUTERS/Stringer",
        "Residents inspect a damaged street in Sample Town on May 3 2016 (Photo AFP)",
        "Residents inspect a damaged street in Sample Town. (AP photo)",
        "Residents inspect a damaged street in Sample Town (Jane Doe/Reuters)",
        "Rescuers search the rubble of a market in Sample Town - YouTube",
    ],
)
def test_a_caption_between_sentences_is_cut(caption: str, lexicon: CleaningLexicon) -> None:
    assert without_inline_captions(f"{FIRST} {caption} {LAST}", lexicon) == f"{FIRST} {LAST}"


def test_a_caption_opening_the_paragraph_is_cut(lexicon: CleaningLexicon) -> None:
    paragraph = f"In this photo rescuers carry a wounded man in Sample Town (AP Photo) {FIRST}"
    assert without_inline_captions(paragraph, lexicon) == FIRST


@pytest.mark.parametrize(
    "paragraph",
    [
        f"{FIRST} Talks resumed, officials told AFP (AFP). {LAST}",
        f"{FIRST} A Reuters/Ipsos poll found most residents wanted to leave. {LAST}",
        f"{FIRST} It hit the depot (rocket/shell/mortar stores) overnight. {LAST}",
        f"{FIRST} {LAST}",
    ],
)
def test_body_sentences_are_kept(paragraph: str, lexicon: CleaningLexicon) -> None:
    assert without_inline_captions(paragraph, lexicon) == paragraph
