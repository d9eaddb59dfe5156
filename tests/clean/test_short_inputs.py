"""Short inputs are articles: a headline alone, a one-line flash, a body that only repeats the title.

Sample texts written for the project, not taken from any report.
"""

from __future__ import annotations

import pytest

from sitreport.annotate import annotation_parts
from sitreport.clean import clean_document

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
