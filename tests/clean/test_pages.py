"""Whole sample pages (written for the project, in several site layouts) through clean_document."""

from __future__ import annotations

import pytest

from sitreport.clean import clean_document
from sitreport.errors import InputError

from .clean_samples import clean_page, raw_document

KESSAB_PAGE = (
    "Army retakes hill near Kessab\n\n"
    "The army said on Sunday it had retaken a hill near Kessab after two days of fighting."
)


def test_wire_story_dateline_byline_and_credits() -> None:
    article = clean_page("wire_dateline.txt")
    assert article.title == "Aid convoy reaches besieged Deir al-Asafir after weeks of talks"
    assert article.dateline == "BEIRUT"
    assert article.agency == "Reuters"
    assert article.published == "2019-03-03T10:42"
    # The dateline is taken off the body; the sentence after it stays whole.
    assert article.text.startswith("A convoy of 24 trucks carrying food and medicine reached")
    assert "Residents described shortages of flour and fuel." in article.text
    for junk in ("Skip to main content", "Reporting by", "Our Standards", "sample page", "By Jane Doe"):
        assert junk not in article.text


def test_blog_with_share_bar_caption_and_comments() -> None:
    article = clean_page("blog_share_bar.txt")
    assert article.title == "Night shelling hits outskirts of Maarat al-Numan"
    assert article.published == "2020-02-14T21:05"
    assert article.text.split("\n\n") == [
        "Artillery shells struck the eastern outskirts of Maarat al-Numan overnight, killing at least "
        "four civilians, local rescuers said on Friday.",
        "Rescuers said more than a dozen people were wounded and taken to a field hospital in the town.",
        '"We pulled two children out alive," one volunteer said.',
    ]


def test_news_site_with_cookie_banner_caption_and_related_teasers() -> None:
    article = clean_page("related_teasers.txt")
    assert article.title == "Forty detained in raid on Douma market, monitor says"
    assert article.published == "2019-07-09"
    # A caption credit names the photo agency, not the agency of the story.
    assert article.agency is None
    assert "Local officials did not respond to requests for comment." in article.text
    for junk in ("cookie", "[AFP]", "READ MORE", "Ceasefire talks stall", "returned home", "Football"):
        assert junk not in article.text


def test_body_pasted_twice_is_kept_once_with_first_quotes() -> None:
    article = clean_page("body_twice.txt")
    assert article.agency == "AFP"
    assert article.text.count("The first buses left Harasta") == 1
    assert '"The convoy is moving north," a driver said.' in article.text
    assert "“The convoy" not in article.text
    for junk in ("Written By", "thousands of journalists", "You may also like", "striker"):
        assert junk not in article.text


def test_hard_wrapped_paragraphs_are_joined() -> None:
    paragraphs = clean_page("hard_wrapped.txt").text.split("\n\n")
    assert len(paragraphs) == 2
    assert paragraphs[0].startswith(
        "Government artillery shelled villages west of Jisr al-Shughur on Wednesday,"
    )
    assert paragraphs[0].endswith("from the area.")


def test_a_page_of_boilerplate_only_is_an_input_error() -> None:
    with pytest.raises(InputError, match="no article text"):
        clean_page("only_boilerplate.txt")


def test_empty_text_is_an_input_error() -> None:
    with pytest.raises(InputError) as error:
        clean_document(raw_document("   \n\n  "))
    assert error.value.source == "sample"


def test_corpus_metadata_wins_over_the_page() -> None:
    page = KESSAB_PAGE
    article = clean_document(
        raw_document(
            page,
            title="Hill near Kessab retaken",
            published="2016-03-27 08:00",
            outlet="Sample Wire",
            url="https://example.org/a",
        )
    )
    assert article.title == "Hill near Kessab retaken"
    assert article.published == "2016-03-27T08:00"
    assert (article.outlet, article.url) == ("Sample Wire", "https://example.org/a")


def test_the_title_comes_from_the_page_when_the_row_has_none() -> None:
    page = KESSAB_PAGE
    assert clean_document(raw_document(page)).title == "Army retakes hill near Kessab"


def test_no_published_date_is_invented() -> None:
    page = "Updated 3 hours ago\n\nFighting resumed on Tuesday near Tal Rifaat, a monitor said on Wednesday."
    assert clean_document(raw_document(page)).published is None


def test_a_date_inside_a_sentence_is_not_the_publication_date() -> None:
    page = "Talks began on 4 May 2017 in the Kazakh capital, and a second round is due to follow next month."
    assert clean_document(raw_document(page)).published is None


@pytest.mark.parametrize("sign_off", [" — AFP", "--AFP", " Source: AFP", " Source AFP"])
def test_sign_off_credit_is_read_and_removed(sign_off: str) -> None:
    page = "Two soldiers were killed when a roadside bomb hit their car near Deraa, police said." + sign_off
    article = clean_document(raw_document(page))
    assert article.agency == "AFP"
    assert article.text.endswith("police said.")


def test_an_agency_cited_in_the_body_is_not_a_credit() -> None:
    page = "SANA reported that 20 buses left the town on Sunday carrying fighters and their families."
    assert clean_document(raw_document(page)).agency is None


def test_same_text_gives_the_same_article_id() -> None:
    first = clean_page("body_twice.txt")
    again = clean_page("body_twice.txt")
    assert first.article_id == again.article_id


def test_a_flattened_page_head_is_metadata_not_body() -> None:
    """Title, agency and date glued onto the body's start are read and taken off it."""
    article = clean_page("flattened_head.txt")
    assert article.title == "Shelling kills five in Kafr Sample monitor"
    assert (article.agency, article.published) == ("AFP", "2017-11-14")
    assert article.text.startswith("Shelling killed five civilians in the village of Kafr Sample on Monday")
    for junk in ("Ahram Online", "AFP", "2017", "Region"):
        assert junk not in article.text


@pytest.mark.parametrize(
    ("title", "headline"),
    [
        ("Army retakes hill near Kessab | Jordan Times", "Army retakes hill near Kessab"),
        ("Army retakes hill near Kessab - Sam Writer - Daily Sabah", "Army retakes hill near Kessab"),
        ("National News Agency - Army retakes hill near Kessab", "Army retakes hill near Kessab"),
        # an attribution is part of the headline, not a site
        ("Hill near Kessab retaken - Latakia governor", "Hill near Kessab retaken - Latakia governor"),
    ],
)
def test_the_site_name_is_not_part_of_the_title(title: str, headline: str) -> None:
    assert clean_document(raw_document(KESSAB_PAGE, title=title)).title == headline


@pytest.mark.parametrize(
    ("page", "published"),
    [
        ("BEIRUT, Oct. 3, 2016 (AP) — Shelling killed five people in a village near Homs.", "2016-10-03"),
        ("DAMASCUS, Oct 3 (Reuters) - Shelling killed five people in a village near Homs.", None),
        (
            "Published 4 October 2016\n\n"
            "DAMASCUS, Oct 3 (Reuters) - Shelling killed five people in a village near Homs.",
            "2016-10-04",
        ),
    ],
)
def test_a_dateline_dates_the_page_only_with_its_year(page: str, published: str | None) -> None:
    """The page's own publication line wins; a dateline without a year never dates the page."""
    assert clean_document(raw_document(page)).published == published


def test_a_headline_with_a_full_stop_repeated_above_the_body_is_the_title() -> None:
    headline = "Army retakes hill near Kessab after two days of fighting."
    page = f"{headline}\n\nMarch 27 2016 {headline} The army said on Sunday it had retaken the hill."
    article = clean_document(raw_document(page))
    assert (article.title, article.published) == (headline, "2016-03-27")
    assert article.text == "The army said on Sunday it had retaken the hill."
