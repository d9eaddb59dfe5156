"""Page-head items a flattening scraper glued onto the first paragraph, split back apart.

Sample lines written for the project, not taken from any report.
"""

from __future__ import annotations

from sitreport.clean.dedup import paragraph_key
from sitreport.clean.glued import unglue, unglue_line
from sitreport.clean.lexicon import CleaningLexicon

HEADLINE = "Shelling kills five in Sample Town monitor"
LEAD = "Shelling killed five civilians in Sample Town on Monday, a monitor said."


def test_stamp_and_repeated_headline_are_split_off(lexicon: CleaningLexicon) -> None:
    line = f"Wed 05 Apr 2017 {HEADLINE}. {LEAD}"
    assert unglue_line(line, [HEADLINE], lexicon) == ["Wed 05 Apr 2017", HEADLINE, LEAD]


def test_agency_and_stamp_after_the_repeat(lexicon: CleaningLexicon) -> None:
    line = f"{HEADLINE} AFP Sunday 26 Nov 2017 {LEAD}"
    assert unglue_line(line, [HEADLINE], lexicon) == [HEADLINE, "AFP", "Sunday 26 Nov 2017", LEAD]


def test_a_byline_before_the_repeat_is_its_own_line(lexicon: CleaningLexicon) -> None:
    line = f"Posted on August 12 2016 by Sam Writer {HEADLINE} {LEAD}"
    assert unglue_line(line, [HEADLINE], lexicon) == [
        "Posted on August 12 2016",
        "by Sam Writer",
        HEADLINE,
        LEAD,
    ]


def test_a_deck_before_the_agency_credit(lexicon: CleaningLexicon) -> None:
    deck = "Residents fled the town after a night of heavy shelling on its market"
    line = f"{deck} Reuters Tuesday 14 Nov 2017 {LEAD}"
    assert unglue_line(line, [HEADLINE], lexicon) == [deck, "Reuters", "Tuesday 14 Nov 2017", LEAD]


def test_an_agency_name_of_several_words_after_the_deck(lexicon: CleaningLexicon) -> None:
    deck = "Residents fled the town after a night of heavy shelling"
    line = f"{deck}  Thomson Reuters Tuesday 14 Nov 2017 {LEAD}"
    assert unglue_line(line, [HEADLINE], lexicon) == [deck, "Thomson Reuters", "Tuesday 14 Nov 2017", LEAD]


def test_no_credit_is_split_off_after_a_sentence_has_ended(lexicon: CleaningLexicon) -> None:
    for stop in (".", "!", "?"):
        line = f"Residents fled the town{stop} Most stayed Reuters Tuesday 14 Nov 2017 {LEAD}"
        assert unglue_line(line, [HEADLINE], lexicon) == [line]


def test_the_repeat_matches_the_headline_without_its_site_name(lexicon: CleaningLexicon) -> None:
    title = f"{HEADLINE} - Region - World - Sample Online"
    assert unglue_line(f"{HEADLINE} AP Tuesday 20 May 2014 {LEAD}", [title], lexicon)[0] == HEADLINE


def test_a_widget_glued_after_the_stamp_is_split_off(lexicon: CleaningLexicon) -> None:
    line = f"28.04.2017Get short URL 1195 {LEAD}"
    assert unglue_line(line, [], lexicon) == ["28.04.2017", "Get short URL 1195", LEAD]


def test_a_lead_that_opens_with_the_headline_words_stays_whole(lexicon: CleaningLexicon) -> None:
    """The headline's words at the start of a running sentence are not a pasted repeat."""
    headline = "Army retakes hills near Sample Town"
    lead = "Army retakes hills near Sample Town after three days of fighting, state media said."
    assert unglue_line(lead, [headline], lexicon) == [lead]


def test_a_sentence_is_left_alone(lexicon: CleaningLexicon) -> None:
    assert unglue_line(LEAD, [HEADLINE], lexicon) == [LEAD]


def test_unglue_takes_headlines_from_the_lines_above(lexicon: CleaningLexicon) -> None:
    page = [HEADLINE, f"Published April 29 2017 {HEADLINE}. {LEAD}"]
    unglued = unglue(page, lexicon)
    assert unglued.lines == [HEADLINE, "Published April 29 2017", HEADLINE, LEAD]
    assert unglued.repeated == {paragraph_key(HEADLINE)}


def test_a_paragraph_merely_pasted_twice_is_no_repeated_headline(lexicon: CleaningLexicon) -> None:
    assert unglue([HEADLINE, HEADLINE], lexicon).repeated == frozenset()


def test_a_question_headline_repeated_before_the_lead(lexicon: CleaningLexicon) -> None:
    headline = "Will the truce in Sample Town hold?"
    assert unglue_line(f"{headline} {LEAD}", [headline], lexicon) == [
        "Will the truce in Sample Town hold",
        LEAD,
    ]


def test_an_agency_credit_left_before_the_lead(lexicon: CleaningLexicon) -> None:
    assert unglue_line(f"{HEADLINE} AFP {LEAD}", [HEADLINE], lexicon) == [HEADLINE, "AFP", LEAD]
    assert unglue_line(f"25 January 2016 SANA-{LEAD}", [], lexicon) == ["25 January 2016", "SANA", LEAD]


def test_an_agency_opening_the_paragraph_is_a_sentence(lexicon: CleaningLexicon) -> None:
    lead = "SANA Television reported that shelling killed five people in Sample Town."
    assert unglue_line(lead, [HEADLINE], lexicon) == [lead]
    assert unglue_line(f"{HEADLINE} SANA reported that shelling killed five.", [HEADLINE], lexicon)[-1] == (
        "SANA reported that shelling killed five."
    )


def test_a_quoted_paragraph_pasted_twice_stays_whole(lexicon: CleaningLexicon) -> None:
    quote = '"We had no choice but to leave," said one man from Sample Town.'
    unglued = unglue([quote, quote], lexicon)
    assert (unglued.lines, unglued.repeated) == ([quote, quote], frozenset())
