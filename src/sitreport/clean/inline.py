"""Photo captions, embedded-media titles and page tails a flattening scraper ran into a paragraph.

When a page is flattened into one paragraph, a caption ("Residents shelter in a mosque in
Douma August 21 2013. REUTERS/Jane Doe", "... on July 9 2016 (Photo AFP)") or an embedded
video's title ("Jets pound the old city - YouTube") stands between two body sentences. Each
is cut out from the sentence end before it to the end of its credit; the sentences around it
stay whole. A tail block (related headlines, tags, "Reporting by" credits) run onto the last
sentence ends the paragraph. On a page with its lines intact the line rules drop these already.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from sitreport.clean.lexicon import CleaningLexicon
from sitreport.clean.lines import words
from sitreport.clean.title import MAX_TITLE_WORDS

# A sentence ends at . ! ? (closing quotes and brackets allowed) before a space.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+")
# "REUTERS/Jane Doe", "AFP/Stringer": a wire credit in capitals, the photographer's name after
# it; a capitalised function word ("The", "A") opens the next sentence, not the name.
_SLASH_CREDIT = re.compile(
    r"\b(?P<agency>[A-Z]{2,})/(?P<name>[A-Z][\w'’.\-]*(?:\s+(?!(?:The|A|An|In|On|At|Of|For|As)\b)[A-Z][\w'’.\-]*)?)"
)
_BRACKET = re.compile(r"\s*[(\[](?P<inside>[^()\[\]]{2,60})[)\]]")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:])")


def _sentence_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in _SENTENCE_END.finditer(text))]


def _caption_start(text: str, end_of_caption: int) -> int:
    """Where the caption ending at ``end_of_caption`` begins: at the last sentence start before it."""
    return max((start for start in _sentence_starts(text) if start < end_of_caption), default=0)


def _slash_credits(text: str, lexicon: CleaningLexicon) -> Iterator[tuple[int, int]]:
    """ "<caption>. REUTERS/Jane Doe": the caption sentence before a wire photo credit."""
    for match in _SLASH_CREDIT.finditer(text):
        before = text[: match.start()].rstrip()
        if lexicon.wire_named(match.group("agency")) and before and before[-1] in ".!?":
            yield _caption_start(text, len(before) - 1), match.end()


def _is_slash_credit(text: str, lexicon: CleaningLexicon) -> bool:
    """ "Jane Doe/Reuters", "AFP/Getty": a credit with an agency on one side of the slash."""
    return "/" in text and any(lexicon.wire_named(side) for side in text.split("/"))


def _bracket_credits(text: str, lexicon: CleaningLexicon) -> Iterator[tuple[int, int]]:
    """ "<caption> (Photo AFP)", "<caption>. (AP photo)": a caption closed by a photo credit."""
    for match in _BRACKET.finditer(text):
        inside = {word.lower() for word in words(match.group("inside"))}
        if inside & lexicon.photo_words or _is_slash_credit(match.group("inside"), lexicon):
            before = text[: match.start()].rstrip()
            yield (_caption_start(text, len(before) - 1) if before else 0), match.end()


def _embedded_titles(text: str, lexicon: CleaningLexicon) -> Iterator[tuple[int, int]]:
    """ "Jets pound the old city - YouTube": a headline with a site's name, between sentences."""
    for match in lexicon.site_suffix.finditer(text):
        start = _caption_start(text, match.start())
        if len(words(text[start : match.start()])) <= MAX_TITLE_WORDS:
            yield start, match.end()


def _without(text: str, spans: list[tuple[int, int]]) -> str:
    kept, position = [], 0
    for start, end in sorted(spans):
        if start >= position:
            kept.append(text[position:start])
            position = end
        else:
            position = max(position, end)
    kept.append(text[position:])
    return _SPACE_BEFORE_PUNCTUATION.sub("", " ".join(" ".join(kept).split()))


def without_glued_tail(paragraph: str, lexicon: CleaningLexicon) -> str:
    """``paragraph`` up to the teaser, tag or credit block run onto its last sentence.

    The block is shorter than the story before it: "Summary. Tags ... <story>" is a page head.
    """
    for match in lexicon.glued_tail.finditer(paragraph):
        in_second_half = 2 * match.start() > len(paragraph)
        if match.group("marker")[0].isupper() and in_second_half:
            return paragraph[: match.start()]
    return paragraph


def without_inline_captions(paragraph: str, lexicon: CleaningLexicon) -> str:
    """``paragraph`` without the photo captions and embedded titles run into it."""
    spans = [
        *_slash_credits(paragraph, lexicon),
        *_bracket_credits(paragraph, lexicon),
        *_embedded_titles(paragraph, lexicon),
    ]
    return _without(paragraph, spans) if spans else paragraph
