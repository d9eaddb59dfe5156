"""One test per line rule, on lines written for the project (sample text, not real reports)."""

from __future__ import annotations

import pytest

from sitreport.clean.lexicon import CleaningLexicon
from sitreport.clean.lines import LineKind, classify, is_caption

FURNITURE = [
    "0 1,203",  # share counter: no letters at all
    "-",
    "•••",
    "- Advertisement -",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Subscribe to our newsletter",
    "Sign up now to receive our daily briefing in your inbox.",
    "Get breaking news alerts on your phone, subscribe today.",
    "Share this story on Facebook",
    "If you found this useful, share it with a colleague!",
    "Facebook Twitter WhatsApp Email Print",
    "1.2k Shares",
    "Follow us on Telegram",
    "Join our Telegram channel for updates from the front lines.",
    "We use cookies to give you the best experience on our website.",
    "This site uses cookies. By continuing you agree to our Cookie Policy.",
    "Hi, what are you looking for?",
    "Type to search",
    "Connect with us",
    "© 2021 The Levant Ledger. All rights reserved.",
    "Reporting by Jane Doe; Editing by John Smith",
    "[sample page written for the project]",
    "[Embedded video]",
    "AFP",
    "(Reuters)",
]
LINK_LINES = [
    "Read: Ceasefire collapses in the north",
    "READ MORE: Families wait for news of relatives",
    "Also read - Aid agencies warn of winter shortages",
    "See also: Timeline of the siege",
    "Related: Talks resume in the capital",
]
CAPTIONS = [
    "Smoke rises over the town (Photo: Omar Haj/Reuters)",
    "Fighters ride a pickup truck [AFP]",
    "A child walks past a destroyed building in the old city. [Getty Images]",
    "Displaced families at a camp near the border (File photo)",
    "Photo: Buses wait at a crossing point",
    "Residents inspect the damage [Social media]",
    "Civil defence members inspect a damaged market in Ariha, February 7, 2022. REUTERS/Sam Writer",
    "Buses queue at a crossing point. AFP/Getty Images",
]
BODY = [
    "Rescuers said more than a dozen people were wounded.",
    "Others were given a choice.",
    "The convoy left for Idlib and/or northern Aleppo on Sunday, residents said, without giving figures",
    '"We will not leave," a resident said.',
    "The observatory said the raid killed 12 fighters (SOHR).",
    "Some 300 people, including about 40 fighters, left the town under the deal struck with the army.",
    "Residents of the besieged district said they had seen no aid for weeks, and prices of flour had doubled",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_page_furniture_is_recognised(line: str, lexicon: CleaningLexicon) -> None:
    assert classify(line, lexicon) is LineKind.FURNITURE


@pytest.mark.parametrize("line", LINK_LINES)
def test_links_to_other_stories_are_furniture(line: str, lexicon: CleaningLexicon) -> None:
    assert classify(line, lexicon) is LineKind.FURNITURE


@pytest.mark.parametrize("line", CAPTIONS)
def test_captions_with_credits(line: str, lexicon: CleaningLexicon) -> None:
    assert is_caption(line, lexicon)


@pytest.mark.parametrize("line", BODY)
def test_body_lines_are_kept(line: str, lexicon: CleaningLexicon) -> None:
    assert classify(line, lexicon) in (LineKind.SENTENCE, LineKind.FRAGMENT)


def test_a_long_paragraph_mentioning_a_newsletter_is_not_furniture(lexicon: CleaningLexicon) -> None:
    line = (
        "The group's newsletter, which is read in several provinces, said on Sunday that its fighters "
        "had withdrawn from three villages after talks with tribal elders, and urged residents to "
        "sign up for a local defence force that would guard the roads at night."
    )
    assert classify(line, lexicon) is LineKind.SENTENCE


@pytest.mark.parametrize(
    "line",
    [
        "You may also like:",
        "Related stories",
        "More from Middle East",
        "Written By",
        "About the author",
        "TAGS",
    ],
)
def test_tail_markers(line: str, lexicon: CleaningLexicon) -> None:
    assert classify(line, lexicon) is LineKind.TAIL


@pytest.mark.parametrize(
    "line", ["Updated 2 hours ago | 4 May 2019 08:15", "Published: 3 March 2019", "Monday, 12 June 2017"]
)
def test_date_stamps(line: str, lexicon: CleaningLexicon) -> None:
    assert classify(line, lexicon) is LineKind.DATE


@pytest.mark.parametrize("line", ["World", "By Jane Doe", "Aid convoy reaches besieged town"])
def test_short_unterminated_lines_are_headline_like(line: str, lexicon: CleaningLexicon) -> None:
    assert classify(line, lexicon) is LineKind.HEADLINE
