"""Article text with evidence and figure spans marked, built from escaped slices.

Article text is untrusted: every slice goes through ``escape`` before it meets markup, and
the only tags added are our own ``<mark>``s, so nothing in an article can become HTML.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from markupsafe import Markup, escape

from sitreport.records import Event


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    css_class: str


def evidence_spans(events: Sequence[Event], part: str) -> list[Span]:
    """Evidence spans of these events in one part of the article: "text" or "title"."""
    return [
        Span(evidence.start, evidence.end, "evidence")
        for event in events
        for evidence in event.evidence
        if evidence.part == part
    ]


def event_spans(events: Sequence[Event]) -> list[Span]:
    """Evidence spans in the article text, and figure spans (quantities with offsets) of these events."""
    figures = [
        Span(quantity.start, quantity.end, "figure")
        for event in events
        for quantity in event.quantities
        if quantity.start is not None and quantity.end is not None
    ]
    return evidence_spans(events, "text") + figures


def _boundaries(text_length: int, spans: list[Span]) -> list[int]:
    points = {0, text_length}
    for span in spans:
        points.update((max(0, min(span.start, text_length)), max(0, min(span.end, text_length))))
    return sorted(points)


def highlight(text: str, spans: list[Span]) -> Markup:
    """The text as HTML, each stretch wrapped in one ``<mark>`` naming every span over it.

    Overlapping spans are cut at each boundary, so marks never nest and never cross.
    """
    valid = [span for span in spans if span.start < span.end]
    points = _boundaries(len(text), valid)
    pieces: list[str] = []
    for start, end in pairwise(points):
        classes = sorted({span.css_class for span in valid if span.start <= start and end <= span.end})
        piece = escape(text[start:end])
        pieces.append(f'<mark class="{" ".join(classes)}">{piece}</mark>' if classes else str(piece))
    return Markup("".join(pieces))
