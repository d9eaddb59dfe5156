"""The attribute table gives what the model's attribute_ruler gives, token for token.

The sample texts are written for these tests: ordinary news sentences, and the words the
ruler's rarer patterns are about (pronouns, auxiliaries, "gonna", "ain't", "there is", "let's",
line breaks, doubled spaces).
"""

from __future__ import annotations

import numpy
import pytest
import spacy
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

from sitreport.annotate import MODEL, load_nlp
from sitreport.annotate.lemmas import CACHED_LEMMAS
from sitreport.annotate.rules import ATTRIBUTE_TABLE, RULER, use_table

SAMPLES = [
    "Regime forces shelled the town of Harasta on Monday, killing 12 civilians.",
    "I think we're gonna see more strikes; they ain't stopping, he said.",
    "There is no water and there were no doctors, so let's wait.",
    "She'd been told it was over.  Nothing's changed since.\n\nIt has not.",
    "Y'all can't say what you'd do if it didn't happen to you.",
    "The group, which says it has 300 fighters, did not comment.\nMore clashes in Daraa",
    "Who did this?  That is what this man wants to know: whether those who died had been warned.",
    "Rebels got ta hold it, c'mon, gets worse and got better, them and 'em nothin' doin'",
    "Have they done it?  Do it.  He does, she did, they had, we have, I am, you are.",
    "AIRSTRIKES HIT IDLIB AS TALKS STALL",
]
COMPARED = [POS, TAG, MORPH, LEMMA, DEP, HEAD]


@pytest.fixture(scope="module")
def pipeline() -> Language:
    return load_nlp()


def parsed(nlp: Language) -> list[Doc]:
    """The samples through the pipeline up to the rules, not yet through them."""
    return list(nlp.pipe(SAMPLES, disable=[ATTRIBUTE_TABLE, CACHED_LEMMAS]))


def test_the_table_stands_in_for_the_ruler(pipeline: Language) -> None:
    assert ATTRIBUTE_TABLE in pipeline.pipe_names
    assert RULER not in pipeline.pipe_names


def test_the_table_sets_what_the_ruler_sets(pipeline: Language) -> None:
    ruler = AttributeRuler(pipeline.vocab)
    ruler.add_patterns(spacy.load(MODEL, exclude=["ner"]).get_pipe(RULER).patterns)
    table = pipeline.get_pipe(ATTRIBUTE_TABLE)
    for by_ruler, by_table in zip(map(ruler, parsed(pipeline)), map(table, parsed(pipeline)), strict=True):
        assert numpy.array_equal(by_ruler.to_array(COMPARED), by_table.to_array(COMPARED)), by_ruler.text


def test_the_rules_do_change_the_samples(pipeline: Language) -> None:
    table = pipeline.get_pipe(ATTRIBUTE_TABLE)
    before = [doc.to_array(COMPARED) for doc in parsed(pipeline)]
    after = [table(doc).to_array(COMPARED) for doc in parsed(pipeline)]
    assert all(not numpy.array_equal(b, a) for b, a in zip(before, after, strict=True))


def test_a_ruler_with_an_operator_is_kept() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(RULER).add(patterns=[[{"LOWER": "very", "OP": "+"}]], attrs={"POS": "ADV"})
    use_table(nlp)
    assert nlp.pipe_names == [RULER]


def test_a_ruler_reading_the_norm_is_kept() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe(RULER).add(patterns=[[{"NORM": "is"}]], attrs={"POS": "AUX"})
    use_table(nlp)
    assert nlp.pipe_names == [RULER]
