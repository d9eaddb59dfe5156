"""HTML pages (written for the project) through trafilatura, htmldate and the line rules."""

from __future__ import annotations

import pytest

from sitreport.clean import clean_document
from sitreport.errors import InputError

from .clean_samples import clean_page, raw_document


def test_article_page_text_and_metadata() -> None:
    article = clean_page("news_article.html")
    assert article.title == "Evacuation buses leave Rastan as deal takes effect"
    assert article.published == "2018-05-07T16:20"
    assert article.outlet == "The Orontes Observer"
    assert article.url == "https://orontes.example/news/rastan-buses"
    assert (article.dateline, article.agency) == ("HOMS", "AP")
    assert article.text.startswith("The first of about 40 buses carrying fighters")
    assert "Rebel commanders said heavy weapons would be handed over in the coming days." in article.text
    for junk in ("READ MORE", "Photo:", "Ceasefire holds", "cookies", "All rights reserved", "Home"):
        assert junk not in article.text


def test_a_page_with_no_article_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article"):
        clean_page("index_page.html")


def test_markup_without_any_html_article_is_an_input_error() -> None:
    with pytest.raises(InputError):
        clean_document(raw_document("<html><body><p>Hi</p></body></html>", media_type="html"))


def test_no_date_is_guessed_from_the_text_of_an_html_page() -> None:
    html = (
        "<html><head><title>Talks</title></head><body><article><h1>Talks open in the capital</h1>"
        "<p>Talks that began on 4 May 2017 in the capital continued on Monday, delegates said, "
        "with a second round of meetings expected to follow later in the week.</p>"
        "<p>Delegates from both sides said the first session had focused on prisoners and access "
        "for aid convoys to besieged areas in the south of the country.</p></article></body></html>"
    )
    assert clean_document(raw_document(html, media_type="html")).published is None


def test_corpus_metadata_wins_over_html_metadata() -> None:
    html = (
        "<html><head><title>Page title</title></head><body><article><h1>Page title</h1>"
        "<p>Government forces entered the village of Kafr Nabudah on Wednesday after two days of "
        "fighting, a monitoring group said, adding that at least eleven fighters were killed.</p>"
        "</article></body></html>"
    )
    raw = raw_document(html, media_type="html", title="Row title", published="2019-05-22")
    article = clean_document(raw)
    assert (article.title, article.published) == ("Row title", "2019-05-22")
