"""The cached lemmas are the model lemmatizer's, token for token, met once or again.

The sample texts are written for these tests.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LEMMA

from sitreport.annotate import load_nlp
from sitreport.annotate.lemmas import CACHED_LEMMAS, LEMMATIZER

SAMPLES = [
    "Regime forces shelled the towns of Harasta and Douma on Monday, killing 12 civilians.",
    "The wounded were taken to hospitals; he said they had been fleeing the fighting.",
    "Airstrikes hit Idlib as talks stall\nMore clashes reported in Daraa",
    "I'm told she'd better go. Children, women and men are dying; it's worse than ever.",
]


def test_the_cache_stands_in_for_the_lemmatizer() -> None:
    assert CACHED_LEMMAS in load_nlp().pipe_names
    assert LEMMATIZER not in load_nlp().pipe_names


def test_the_lemmas_are_the_lemmatizers_twice_over() -> None:
    nlp = load_nlp()
    cached = nlp.get_pipe(CACHED_LEMMAS)
    for text in SAMPLES * 2:
        doc = nlp(text, disable=[CACHED_LEMMAS])
        expected = cached.lemmatizer(doc.copy()).to_array([LEMMA])
        assert numpy.array_equal(cached(doc).to_array([LEMMA]), expected), text
    assert cached.lemmas
