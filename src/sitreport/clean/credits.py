"""The wire agency a page credits for its copy, read only from credit positions.

A body sentence that cites an agency ("SANA reported") is attribution, not a credit, so only
a line that is nothing but the agency, a byline, or a sign-off after the last sentence counts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from sitreport.clean.lexicon import CleaningLexicon
from sitreport.clean.lines import words

_BYLINE = re.compile(r"^(?:by|written by|source|via|credit)\s*:?\s+(?P<names>.+)$", re.IGNORECASE)
# "... said. — AFP", "... said.--Reuters", "... said. Source: SANA"
_SIGN_OFF = re.compile(r"(?<=[.!?\"”’])\s*(?:--|[-–—]|\s[Ss]ource\b:?)\s*(?P<agency>[\w .\-]{2,30}?)\s*$")
_LONE_CREDIT = re.compile(r"^[\s(\[\-–—]*(?P<agency>[^()\[\]]{2,40}?)[\s)\].]*$")


def _wire_in_byline(line: str, lexicon: CleaningLexicon) -> str | None:
    """'By Jane Doe, Reuters' / 'By AFP' -> the agency; other bylines -> None."""
    match = _BYLINE.match(line.strip())
    if not match:
        return None
    parts = re.split(r"\s*(?:,|\||/|\band\b|\(|\))\s*", match.group("names"))
    return next((lexicon.wire_named(p) for p in parts if lexicon.wire_named(p)), None)


def credited_agency(line: str, lexicon: CleaningLexicon) -> str | None:
    """The agency a dropped line credits: "AFP", "(Reuters)", "By Jane Doe, AP"."""
    lone = _LONE_CREDIT.match(line)
    if lone and lexicon.wire_named(lone.group("agency")):
        return lexicon.wire_named(lone.group("agency"))
    if len(words(line)) <= 12:
        return _wire_in_byline(line, lexicon)
    return None


def first_credit(lines: Iterable[str], lexicon: CleaningLexicon) -> str | None:
    """The first agency any of ``lines`` credits."""
    return next((agency for line in lines if (agency := credited_agency(line, lexicon))), None)


def split_sign_off(paragraph: str, lexicon: CleaningLexicon) -> tuple[str, str | None]:
    """A last paragraph without its agency sign-off ("... the ministry said. — AFP")."""
    match = _SIGN_OFF.search(paragraph)
    agency = lexicon.wire_named(match.group("agency")) if match else None
    if match is None or agency is None:
        return paragraph, None
    return paragraph[: match.start()].rstrip(), agency
