"""Short inputs are articles: a headline alone, a one-line flash, a body that only repeats the title.

Sample texts written for the project, not taken from any report.
"""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreport.annotate import annotation_parts
from sitreport.clean import clean_document
from sitreport.errors import InputError

from .clean_samples import raw_document

HEADLINE = "Regime shelling on Sample Town kills three civilians"


@pytest.mark.parametrize("text", [HEADLINE, f"{HEADLINE}\n", f"\n\n{HEADLINE}\n\n"])
def test_a_headline_alone_is_an_article_whose_text_is_the_headline(text: str) -> None:
    article = clean_document(raw_document(text))
    assert (article.title, article.text) == (HEADLINE, HEADLINE)


def test_a_headline_alone_is_parsed_once() -> None:
    """The title is not parsed again above a text that starts with it, so events are read once."""
    article = clean_document(raw_document(HEADLINE))
    assert annotation_parts(article) == [HEADLINE]


def test_a_body_that_only_repeats_the_title_is_the_title() -> None:
    page = f"{HEADLINE}\n\n{HEADLINE} AFP Sunday 26 Nov 2017\n"
    article = clean_document(raw_document(page))
    assert (article.title, article.text) == (HEADLINE, HEADLINE)
    assert (article.agency, article.published) == ("AFP", "2017-11-26")


def test_a_one_line_flash_under_its_headline_is_kept() -> None:
    flash = "Two mortar shells hit Sample Town"
    article = clean_document(raw_document(f"{HEADLINE}\n\n{flash}"))
    assert article.text.split("\n\n") == [HEADLINE, flash]
    assert article.title == HEADLINE


SHORT_LINES = [
    HEADLINE,
    "Two mortar shells hit Sample Town",
    "Clashes continue near the Sample Town crossing",
    "DAMASCUS, SANA – Army units enter Kafr Sample",
    "By Sam Writer",
    "Share on Facebook",
]


@given(st.lists(st.sampled_from(SHORT_LINES), min_size=1, max_size=5))
def test_a_short_input_is_parsed_once(lines: list[str]) -> None:
    """Whatever its lines, a short article's text starts with its title: no event is read twice."""
    try:
        article = clean_document(raw_document("\n\n".join(lines)))
    except InputError:
        assert all(line in ("By Sam Writer", "Share on Facebook") for line in lines)
        return
    assert article.title is not None and article.text.startswith(article.title)
    assert annotation_parts(article) == [article.text]


def test_html_character_references_in_plain_text_are_read_as_characters() -> None:
    text = "Warplanes strike Sample&#8217;s market &amp; kill three civilians"
    article = clean_document(raw_document(text))
    assert article.title == "Warplanes strike Sample’s market & kill three civilians"
