"""Captions and embedded titles run into a paragraph by a flattening scraper.

Sample paragraphs written for the project, not taken from any report.
"""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from sitreport.clean.inline import without_glued_tail, without_inline_captions
from sitreport.clean.lexicon import CleaningLexicon, load_lexicon

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


STORY = (
    "Shelling killed four people in Sample Town on Monday, rescuers said. The monitor said the toll "
    "could rise because several of the wounded were in a serious condition. Residents said the "
    "market had been hit twice in a week."
)


@pytest.mark.parametrize(
    "tail",
    [
        "Reporting by Jane Doe; Editing by Sam Writer Our Standards: The Sample Principles.",
        "... 43 Related Jets Strike Sample Town Again Tags Syria shelling Sample Town",
        "Tags shelling Sample Town market",
    ],
)
def test_a_tail_run_onto_the_last_sentence_is_cut(tail: str, lexicon: CleaningLexicon) -> None:
    assert without_glued_tail(f"{STORY} {tail}", lexicon) == STORY


@pytest.mark.parametrize(
    "paragraph",
    [
        # a deck, then tags, then the story: a page head, not a tail
        f"Four people were killed in Sample Town. Tags Syria shelling {STORY}",
        f"{STORY} Related talks are due to open in the capital next week.",
        f"{STORY} Read also Jets strike Sample Town again The army said it had repelled an attack.",
        STORY,
    ],
)
def test_the_story_is_not_cut(paragraph: str, lexicon: CleaningLexicon) -> None:
    assert without_glued_tail(paragraph, lexicon) == paragraph


CAPTION_PIECES = [
    "(Photo AFP)",
    "(AP photo)",
    "REUTERS/Jane Doe",
    "- YouTube",
    "Tags",
    "Related",
    ".",
    "x",
    " ",
]


@given(st.lists(st.sampled_from([*CAPTION_PIECES, FIRST, LAST]), max_size=8), st.text(max_size=40))
# found by hypothesis: a credit right after a one-letter opening had no sentence start before it
@example(["x", "(Photo AFP)"], "")
def test_any_paragraph_is_cleaned_without_error(pieces: list[str], noise: str) -> None:
    paragraph = " ".join([*pieces, noise])
    lexicon = load_lexicon()
    kept = without_inline_captions(without_glued_tail(paragraph, lexicon), lexicon)
    assert len(kept) <= len(paragraph)
