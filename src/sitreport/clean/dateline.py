"""Datelines that open wire copy: "BEIRUT (Reuters) -", "ALEPPO, Syria (AP) —", "Damascus, SANA –",
"DAMASCUS, Oct 3 (Reuters) -", "BEIRUT, Oct. 3, 2016 (AP) —".

The dateline is taken off the body and kept as metadata. It names where the reporter filed
from, not where the event happened, so leaving it in the first sentence would hand the
extraction stage a misleading place mention; the place stays available as
``Article.dateline`` for stages that want a last-resort location. A date in the dateline is
read too: with its year it is the day the copy was filed; without one it is no date at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitreport.clean.dates import WRITTEN_DATE, parse_published
from sitreport.clean.lexicon import CleaningLexicon

_DASH = r"\s*(?:--|[-–—])\s+"
# An upper-case place: "DAMASCUS", "DEIR EZ-ZOR", "RAS AL-AIN".
_CAPS_PLACE = r"(?P<place>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})"
# A mixed-case place, accepted only when a known agency stands beside it.
_TITLE_PLACE = r"(?P<place>[A-Z][\w'’.\-]+(?:\s+[A-Z][\w'’.\-]+){0,2})"
# "Syria" after the place; a date there is the dateline's date, not a qualifier
_QUALIFIER = rf"(?:,\s*(?!{WRITTEN_DATE})(?P<qualifier>[A-Z][\w.]*(?:\s+[\w.]+){{0,2}}))?"
_DATE = rf"(?:,?\s*(?P<date>{WRITTEN_DATE}))?"
_AGENCY_PARENS = r"\s*\((?P<agency>[^()]{2,40})\)"

_CAPS_DATELINE = re.compile(rf"^{_CAPS_PLACE}{_QUALIFIER}{_DATE}(?:{_AGENCY_PARENS})?{_DASH}(?=\S)")
_TITLE_DATELINE = re.compile(
    rf"^{_TITLE_PLACE}(?:{_QUALIFIER}{_DATE}{_AGENCY_PARENS}|,\s*(?P<agency_comma>[A-Z][\w.]{{1,20}})){_DASH}(?=\S)"
)

# A dateline whose dash a scraper dropped: a foreign filing city (one or two words), then the
# sentence's first word.
_BARE_DATELINES = tuple(
    re.compile(rf"^(?P<place>[A-Z][A-Za-z]+{more})\s+(?=[A-Z0-9\"“])") for more in (r"\s[A-Z][A-Za-z]+", "")
)


@dataclass(frozen=True)
class Dateline:
    """The place and agency of a dateline and the paragraph with the dateline taken off."""

    place: str
    agency: str | None
    body: str
    # ISO day when the dateline's date carries its year ("BEIRUT, Oct. 3, 2016 (AP) —")
    published: str | None = None


def _published_of(match: re.Match[str]) -> str | None:
    return parse_published(match.group("date") or "")


def _agency_of(match: re.Match[str]) -> str | None:
    groups = match.groupdict()
    return (groups.get("agency") or groups.get("agency_comma") or "").strip() or None


def _caps_dateline(paragraph: str, lexicon: CleaningLexicon) -> Dateline | None:
    match = _CAPS_DATELINE.match(paragraph)
    if not match or match.group("place").lower().strip(".") in lexicon.dateline_exclusions:
        return None
    if not re.search(r"[A-Z]{3}", match.group("place")):
        return None
    agency = _agency_of(match)
    return Dateline(
        match.group("place"),
        lexicon.wire_named(agency) if agency else None,
        paragraph[match.end() :],
        _published_of(match),
    )


def _titled_dateline(paragraph: str, lexicon: CleaningLexicon) -> Dateline | None:
    match = _TITLE_DATELINE.match(paragraph)
    agency = lexicon.wire_named(_agency_of(match) or "") if match else None
    if not match or agency is None:
        return None
    return Dateline(match.group("place"), agency, paragraph[match.end() :], _published_of(match))


def _bare_dateline(paragraph: str, lexicon: CleaningLexicon) -> Dateline | None:
    """"BEIRUT Syrian warplanes ...": only a city the kb lists as a foreign filing place counts,
    since a Syrian town opening a sentence is as likely to be its subject."""
    for pattern in _BARE_DATELINES:
        match = pattern.match(paragraph)
        if match and match.group("place").lower() in lexicon.filing_cities:
            return Dateline(match.group("place"), None, paragraph[match.end() :])
    return None


def split_dateline(paragraph: str, lexicon: CleaningLexicon) -> Dateline | None:
    """The dateline opening ``paragraph``, or None when it opens with none."""
    return (
        _caps_dateline(paragraph, lexicon)
        or _titled_dateline(paragraph, lexicon)
        or _bare_dateline(paragraph, lexicon)
    )
