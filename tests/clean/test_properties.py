"""Properties of the whole cleaner over pages assembled from sample paragraphs and junk lines."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st

from sitreport.clean import clean_document
from sitreport.errors import InputError

from .clean_samples import raw_document

# Sample sentences written for the project, not taken from any report.
PARAGRAPHS = [
    "Government forces shelled the village of Kafr Zita on Sunday, killing two people, rescuers said.",
    "About 1,200 people left the town aboard 30 buses, according to the local council.",
    '"We had no choice but to leave," said one man who declined to give his name.',
    "The monitor said more than 60 fighters had surrendered their weapons to the army.",
    "Residents said bread was scarce and the price of fuel had tripled since the siege began.",
    "An aid convoy of 15 trucks entered the district on Thursday, the first in three months.",
]
JUNK = [
    "0 1,024",
    "- Advertisement -",
    "Subscribe to our newsletter",
    "Follow us on Telegram",
    "Facebook Twitter WhatsApp",
    "Rubble in the town centre (Photo: Sam Writer/AFP)",
    "Read more: Ceasefire talks stall",
    "World",
    "Updated 5 hours ago | 3 May 2019 10:15",
]
pages = st.lists(st.sampled_from(PARAGRAPHS + JUNK), min_size=1, max_size=14).filter(
    lambda lines: any(line in PARAGRAPHS for line in lines)
)


@given(pages, st.sampled_from(["\n", "\n\n", "\r\n\r\n"]))
@settings(max_examples=150)
def test_cleaning_cleaned_text_changes_nothing(lines: list[str], separator: str) -> None:
    first = clean_document(raw_document(separator.join(lines)))
    again = clean_document(raw_document(first.text))
    assert again.text == first.text
    assert again.article_id == first.article_id


@given(pages, st.sampled_from(["\n", "\n\n"]))
# found by hypothesis: three single-spaced lines of fitting widths were taken for one
# hard-wrapped paragraph, so the caption inside it survived
@example([JUNK[5], JUNK[5], PARAGRAPHS[1]], "\n")
# found by hypothesis: a quoted paragraph pasted twice was split at its quote as a repeated headline
@example([PARAGRAPHS[2], PARAGRAPHS[2], PARAGRAPHS[0]], "\n")
def test_junk_never_survives_and_each_paragraph_appears_once(lines: list[str], separator: str) -> None:
    text = clean_document(raw_document(separator.join(lines))).text
    for junk in JUNK:
        assert junk not in text
    for paragraph in set(lines) & set(PARAGRAPHS):
        assert text.count(paragraph) == 1


@given(st.text(max_size=400))
def test_any_text_gives_an_article_or_an_input_error(text: str) -> None:
    try:
        article = clean_document(raw_document(text))
    except InputError:
        return
    assert article.text.strip()
