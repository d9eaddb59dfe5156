"""Parsing a headline as the sentence it is: with the full stop it lacks.

spaCy's parser learnt from sentences that end in a full stop. A headline ends without one,
and its verb is then often read as a noun: "Regime forces target areas of X" comes out as one
noun phrase with "target" a compound of "areas", and no event is found. Parsed as
"Regime forces target areas of X." it has its verb. The stop is added to the text parsed and
taken out of the parse again, so the doc's text is the article's, character for character.
"""

from __future__ import annotations

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Token

__all__ = ["parse_form", "restore_text"]

# A line ending in one of these is a sentence already (quotes and brackets after it aside).
SENTENCE_ENDS = frozenset(".!?…:;")
CLOSERS = "\"'”’»)]"
FULL_STOP = "."


def open_line_end(part: str) -> int | None:
    """Where a full stop would go: the end of ``part`` when it is one line of text that does
    not end a sentence, else None (a body of paragraphs is parsed as it is)."""
    line = part.rstrip()
    if not line or "\n" in line or line.rstrip(CLOSERS)[-1:] in SENTENCE_ENDS:
        return None
    return len(line)


def parse_form(part: str) -> str:
    """The text to parse for ``part``: a one-line headline gets a full stop, the rest is unchanged."""
    end = open_line_end(part)
    return part if end is None else part[:end] + FULL_STOP + part[end:]


def restore_text(nlp: Language, doc: Doc, part: str) -> Doc:
    """The parse of ``parse_form(part)`` as a doc of ``part``: the added stop's token removed.

    When the stop was tokenised into the word before it ("U.S" + "."), the part is parsed
    as it is instead.
    """
    if doc.text == part:
        return doc
    end = open_line_end(part)
    stop = next((t for t in doc if t.idx == end and t.text == FULL_STOP), None)
    if stop is None:
        return nlp(part)
    return without_token(doc, stop)


def without_token(doc: Doc, removed: Token) -> Doc:
    """A copy of ``doc`` without ``removed``, a leaf of the parse (the stop hangs off the root):
    tokens it headed, if any, hang off its own head instead."""
    kept = [t for t in doc if t.i != removed.i]
    position = {t.i: n for n, t in enumerate(kept)}

    def head_of(token: Token) -> int:
        head = token.head
        if head.i == removed.i:
            head = removed.head if removed.head.i != removed.i else token
        return position[head.i]

    spaces = [bool(t.whitespace_) for t in kept]
    if removed.i > 0 and doc[removed.i - 1] in kept:
        spaces[position[removed.i - 1]] = bool(removed.whitespace_)
    restored = Doc(
        doc.vocab,
        words=[t.text for t in kept],
        spaces=spaces,
        tags=[t.tag_ for t in kept],
        pos=[t.pos_ for t in kept],
        morphs=[str(t.morph) for t in kept],
        lemmas=[t.lemma_ for t in kept],
        heads=[head_of(t) for t in kept],
        deps=[t.dep_ for t in kept],
        sent_starts=[bool(t.is_sent_start) for t in kept],
    )
    # Doc.from_docs joins the headline and body tensors: the rows must match the tokens
    if doc.tensor.size:
        restored.tensor = numpy.delete(doc.tensor, removed.i, axis=0)
    return restored
