"""The model's lemmatizer, asked once per word, part of speech and morphology in a run.

spaCy's rule lemmatizer walks every token in Python and, for the most frequent kinds (a
singular noun, a base verb, a name), works the lemma out again each time: its cache holds
only the lemmas found through its rule tables. The lemma is a function of the token's text,
part of speech and morphology (the key of that same cache), so this component reads those as
arrays, asks the lemmatizer for each key it has not met yet, and writes the lemmas back as one
array. A lemmatizer in another mode than "rule" or "lookup" is kept as it is.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc

__all__ = ["CACHED_LEMMAS", "CachedLemmas", "use_cached_lemmas"]

CACHED_LEMMAS = "cached_lemmas"
LEMMATIZER = "lemmatizer"
# Modes whose lemma depends on nothing but the token's text, POS and morphology
KNOWN_MODES = frozenset({"rule", "lookup"})
NO_POS = 0


class CachedLemmas:
    """The pipeline component standing in for the ``lemmatizer``."""

    def __init__(self, lemmatizer: Lemmatizer) -> None:
        self.lemmatizer = lemmatizer
        self.lemmas: dict[tuple[int, int, int], int] = {}

    def __call__(self, doc: Doc) -> Doc:
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3]
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if lemma and not self.lemmatizer.overwrite:
                continue
            found = self.lemmas.get((orth, pos, morph))
            if found is None:
                found = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                # Without a POS the lemmatizer warns: it is asked again, to warn again
                if pos != NO_POS:
                    self.lemmas[orth, pos, morph] = found
            lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


def use_cached_lemmas(nlp: Language) -> None:
    """Put the cached lemmas in the place of the pipeline's lemmatizer, when its mode allows."""
    if LEMMATIZER in nlp.pipe_names and nlp.get_pipe(LEMMATIZER).mode in KNOWN_MODES:
        nlp.add_pipe(CACHED_LEMMAS, after=LEMMATIZER)
        nlp.remove_pipe(LEMMATIZER)


@Language.factory(CACHED_LEMMAS)
def make_cached_lemmas(nlp: Language, name: str) -> CachedLemmas:
    """The cache over the pipeline's lemmatizer (see ``use_cached_lemmas``)."""
    return CachedLemmas(nlp.get_pipe(LEMMATIZER))
