"""Parsing a headline as the sentence it is: with the full stop it lacks.

spaCy's parser learnt from sentences that end in a full stop. A headline ends without one,
and its verb is then often read as a noun: "Regime forces target areas of X" comes out as one
noun phrase with "target" a compound of "areas", and no event is found. Parsed as
"Regime forces target areas of X." it has its verb. The stop is added to the text parsed and
taken out of the parse again, so the doc's text is the article's, character for character.
"""

from __future__ import annotations

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, LENGTH, MORPH, ORTH, POS, SENT_START, SPACY, TAG
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

__all__ = ["parse_form", "restore_text"]

# A line ending in one of these is a sentence already (quotes and brackets after it aside).
SENTENCE_ENDS = frozenset(".!?…:;")
CLOSERS = "\"'”’»)]"
FULL_STOP = "."
# The annotations a headline keeps when its stop is taken out, in the order Doc() sets them.
CARRIED = [POS, HEAD, DEP, LEMMA, TAG, MORPH, SENT_START]


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
    end = open_line_end(part)
    if end is None:  # parsed as it is (doc.text would say so too, by joining every token's text)
        return doc
    stop = _token_at(doc, end, FULL_STOP)
    if stop is None:
        return nlp(part)
    return without_token(doc, doc[stop])


def _token_at(doc: Doc, start: int, text: str) -> int | None:
    """The index of the token ``text`` that starts at character ``start``, if there is one.

    Read from arrays (a token starts where the texts and spaces before it end): this runs
    for every headline, and a loop over the doc builds a Token object for each word.
    """
    orths, lengths, spaces = doc.to_array([ORTH, LENGTH, SPACY]).T
    starts = numpy.cumsum(lengths + spaces) - lengths - spaces
    found = numpy.flatnonzero((starts == start) & (orths == numpy.uint64(get_string_id(text))))
    return int(found[0]) if len(found) else None


def without_token(doc: Doc, removed: Token) -> Doc:
    """A copy of ``doc`` without ``removed``, a leaf of the parse (the stop hangs off the root):
    tokens it headed, if any, hang off its own head instead.

    The annotations are moved as arrays rather than as per-token strings: this runs for every
    headline, and the result is what ``Doc(words=..., heads=..., deps=..., ...)`` builds.
    """
    at = removed.i
    orths, whitespace = doc.to_array([ORTH, SPACY]).T.tolist()
    words = [doc.vocab.strings[orth] for orth in orths]
    spaces = [bool(space) for space in whitespace]
    if at > 0:
        spaces[at - 1] = spaces[at]
    del words[at], spaces[at]
    annotations = doc.to_array(CARRIED)
    heads = _heads_without(annotations[:, CARRIED.index(HEAD)].astype(numpy.int64), at)
    annotations = numpy.delete(annotations, at, axis=0)
    annotations[:, CARRIED.index(HEAD)] = heads.astype(numpy.uint64)
    morphs = annotations[:, CARRIED.index(MORPH)]
    # Doc() reads an unset analysis as the empty one ("_"), which has a key of its own
    morphs[morphs == 0] = doc.vocab.morphology.add("")
    starts = annotations[:, CARRIED.index(SENT_START)]
    annotations[:, CARRIED.index(SENT_START)] = numpy.where(starts == 1, 1, -1).astype(numpy.uint64)
    restored = Doc(doc.vocab, words=words, spaces=spaces)
    restored.from_array(CARRIED, annotations)
    # Doc.from_docs joins the headline and body tensors: the rows must match the tokens
    if doc.tensor.size:
        restored.tensor = numpy.delete(doc.tensor, at, axis=0)
    return restored


def _heads_without(offsets: numpy.ndarray, at: int) -> numpy.ndarray:
    """The heads (as offsets, the way Doc arrays hold them) of the tokens but ``at``, in a doc
    without it; a token headed by ``at`` takes ``at``'s own head (itself when ``at`` was a root)."""
    index = numpy.arange(len(offsets), dtype=numpy.int64)
    heads = index + offsets
    kept = numpy.delete(index, at)
    kept_heads = heads[kept]
    orphans = kept_heads == at
    kept_heads[orphans] = heads[at] if heads[at] != at else kept[orphans]
    return kept_heads - (kept_heads > at) - index[:-1]
