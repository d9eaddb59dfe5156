"""Scraped plain text to body paragraphs and metadata, by classifying each line.

A page is read as three zones:
- the head, above the first real paragraph: headline, tagline, section label, navigation,
  date stamp, byline; the headline is chosen from here and the rest is dropped;
- the body: sentences and long (truncated) paragraphs are kept; furniture lines between
  them (ads, captions, "Read more:" links, share bars) are dropped;
- the tail, from a teaser/author block header ("You may also like", "Written by") to the
  end: dropped whole, because teasers are other stories and their sentences would
  otherwise read as events of this one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import NamedTuple

from sitreport.clean.credits import first_credit, split_sign_off
from sitreport.clean.dateline import Dateline, split_dateline
from sitreport.clean.dates import find_date
from sitreport.clean.dedup import drop_repeated, paragraph_key
from sitreport.clean.glued import unglue
from sitreport.clean.inline import without_glued_tail, without_inline_captions
from sitreport.clean.lexicon import CleaningLexicon
from sitreport.clean.lines import LineKind, classify, is_terminated, words
from sitreport.clean.title import MAX_TITLE_WORDS, choose_title, is_title_shaped

# The first body paragraph is a real sentence; shorter terminated lines above it are prompts.
MIN_LEAD_WORDS = 6
# Glued page-head items are looked for down to this many lead-like paragraphs.
HEAD_LEADS = 2
# Hard-wrapped text: every line but a paragraph's last is nearly as long as the longest.
WRAP_MIN_WIDTH, WRAP_MAX_WIDTH, WRAP_FILL = 40, 100, 0.6
_BLANK_LINES = re.compile(r"\n\s*\n")
# "By Jane Doe", "Posted on 3 May 2019 by Jane Doe": a byline may carry the date.
_BYLINE = re.compile(r"^(?:by\s|(?:posted|published|written|updated)\b.*\bby\s)", re.IGNORECASE)
BODY_KINDS = (LineKind.SENTENCE, LineKind.FRAGMENT)


@dataclass(frozen=True)
class PageParts:
    """What the cleaner read out of one page."""

    paragraphs: list[str]
    title: str | None
    published: str | None
    agency: str | None
    dateline: str | None
    # no paragraph was long enough to lead: the text is the headline-like lines (a headline alone)
    short: bool = False


def _is_hard_wrapped(lines: list[str]) -> bool:
    """Lines of one block broken at a fixed width rather than at paragraph ends."""
    if len(lines) < 3:
        return False
    width = max(len(line) for line in lines)
    if not WRAP_MIN_WIDTH <= width <= WRAP_MAX_WIDTH:
        return False
    # a line is broken there only because the next word would not fit: a caption printed
    # twice, or a short line followed by a short word, was not wrapped
    return all(
        len(line) >= WRAP_FILL * width
        and not is_terminated(line)
        and len(line) + len(following.split()[0]) >= width
        for line, following in pairwise(lines)
    )


def split_paragraphs(text: str) -> list[str]:
    """Stripped non-empty paragraphs: one per line, or one per block when hard-wrapped."""
    paragraphs: list[str] = []
    for block in _BLANK_LINES.split(text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [" ".join(line.split()) for line in block.split("\n")]
        lines = [line for line in lines if line]
        paragraphs.extend([" ".join(lines)] if _is_hard_wrapped(lines) else lines)
    return paragraphs


class Line(NamedTuple):
    """One paragraph line of the page and what it was classified as."""

    text: str
    kind: LineKind


def _is_lead(line: Line) -> bool:
    if line.kind is LineKind.SENTENCE:
        return len(words(line.text)) >= MIN_LEAD_WORDS
    return line.kind is LineKind.FRAGMENT and len(words(line.text)) > MAX_TITLE_WORDS


def _body_start(lines: list[Line]) -> int | None:
    return next((i for i, line in enumerate(lines) if _is_lead(line)), None)


def _tail_start(lines: list[Line], start: int) -> int:
    return next((i for i in range(start, len(lines)) if lines[i].kind is LineKind.TAIL), len(lines))


def _could_be_title(line: Line) -> bool:
    """Headline-shaped: long headlines look like fragments, and a question can be one too."""
    if not is_title_shaped(line.text) or _BYLINE.match(line.text):
        return False
    question = line.kind is LineKind.SENTENCE and line.text[-1] in "?!"
    return question or line.kind in (LineKind.HEADLINE, LineKind.FRAGMENT)


def _published(lines: list[Line]) -> str | None:
    """The first date stamp, else the first dated byline; dates inside sentences never count."""
    stamps = [line.text for line in lines if line.kind is LineKind.DATE]
    unterminated = (LineKind.HEADLINE, LineKind.FRAGMENT)
    bylines = [line.text for line in lines if line.kind in unterminated and _BYLINE.match(line.text)]
    found = next((date for text in [*stamps, *bylines] if (date := find_date(text))), None)
    return found.iso if found else None


def _split_dateline(paragraphs: list[str], lexicon: CleaningLexicon) -> tuple[list[str], Dateline | None]:
    dateline = split_dateline(paragraphs[0], lexicon)
    if dateline is None or not dateline.body.strip():
        return paragraphs, None
    return [dateline.body.strip(), *paragraphs[1:]], dateline


def _without_sign_offs(paragraphs: list[str], lexicon: CleaningLexicon) -> tuple[list[str], str | None]:
    """Paragraphs with any "— AFP" sign-off taken off, so they end as sentences again."""
    split = [split_sign_off(paragraph, lexicon) for paragraph in paragraphs]
    return [text for text, _ in split], next((agency for _, agency in split if agency), None)


def _classified(paragraphs: list[str], lexicon: CleaningLexicon, known: Sequence[Line] = ()) -> list[Line]:
    """The paragraphs' lines; a paragraph among the ``known`` lines keeps its kind, as
    ``classify`` depends on the text alone (the page's lines are classified twice)."""
    kinds = {line.text: line.kind for line in known}
    return [Line(paragraph, kinds.get(paragraph) or classify(paragraph, lexicon)) for paragraph in paragraphs]


def _unglued(paragraphs: list[str], lexicon: CleaningLexicon) -> list[Line]:
    """The page's lines, with the head items glued onto the first paragraphs split off.

    Only the lines down to the second lead-like paragraph are looked at (a headline ending in
    a full stop looks like a lead too): further down, a sentence that opens with a date or a
    headline's words is body text.
    """
    first = _classified(paragraphs, lexicon)
    leads = [i for i, line in enumerate(first) if _is_lead(line)]
    head_end = leads[HEAD_LEADS - 1] + 1 if len(leads) >= HEAD_LEADS else len(paragraphs)
    head = unglue(paragraphs[:head_end], lexicon)
    # a line the page repeats at the start of the next is its headline, full stop or not
    return [
        Line(line.text, LineKind.HEADLINE) if paragraph_key(line.text) in head.repeated else line
        for line in _classified(head.lines + paragraphs[head_end:], lexicon, first)
    ]


def _is_short_body(line: Line) -> bool:
    """A line that is all a short input has: a headline, a wire flash (not a byline or label)."""
    if line.kind not in (*BODY_KINDS, LineKind.HEADLINE) or _BYLINE.match(line.text):
        return False
    return line.kind is not LineKind.HEADLINE or is_title_shaped(line.text)


def _short_text(lines: list[Line]) -> list[str]:
    """The text of an input with no paragraph long enough to lead: its headline-like lines."""
    return drop_repeated(line.text for line in lines[: _tail_start(lines, 0)] if _is_short_body(line))


def _without_tail(body: list[str], lexicon: CleaningLexicon) -> list[str]:
    """The body cut at a tail block glued onto a paragraph: what follows it is other stories."""
    for index, paragraph in enumerate(body):
        kept = without_glued_tail(paragraph, lexicon)
        if kept != paragraph:
            return [*body[:index], kept]
    return body


def _body_and_titles(lines: list[Line], start: int | None, tail: int) -> tuple[list[str], list[str] | None]:
    """The body's paragraphs and the title candidates above it.

    A short input (no lead) has no candidates (None): its headline is its first line.
    """
    if start is None:
        return _short_text(lines), None
    body = drop_repeated(line.text for line in lines[start:tail] if line.kind in BODY_KINDS)
    return body, [line.text for line in lines[:start] if _could_be_title(line)]


def _without_run_in_junk(body: list[str], lexicon: CleaningLexicon) -> list[str]:
    """The body without tails, captions and embedded titles a scraper ran into its paragraphs."""
    cleaned = (without_inline_captions(paragraph, lexicon) for paragraph in _without_tail(body, lexicon))
    return [paragraph for paragraph in cleaned if paragraph]


def read_page(text: str, lexicon: CleaningLexicon) -> PageParts | None:
    """The body paragraphs and metadata of a scraped page, or None when it holds no text at all.

    A headline alone, or a flash shorter than a lead, is an article too: its lines are its text.
    """
    paragraphs, signed_by = _without_sign_offs(split_paragraphs(text), lexicon)
    lines = _unglued(paragraphs, lexicon)
    start = _body_start(lines)
    tail = _tail_start(lines, start or 0)
    body, candidates = _body_and_titles(lines, start, tail)
    body = _without_run_in_junk(body, lexicon)
    if not body:
        return None
    body, dateline = _split_dateline(body, lexicon)
    # The credit may sit just under a "Written by" header, so the tail's first line counts.
    credit_lines = [line.text for line in lines[: tail + 2] if line.kind not in BODY_KINDS]
    return PageParts(
        paragraphs=body,
        # a short input's headline is its first line: the text starts with it and is read once
        title=body[0] if candidates is None else choose_title(candidates, body),
        published=_published(lines[:tail]) or (dateline.published if dateline else None),
        agency=(dateline.agency if dateline else None) or signed_by or first_credit(credit_lines, lexicon),
        dateline=dateline.place if dateline else None,
        short=start is None,
    )
