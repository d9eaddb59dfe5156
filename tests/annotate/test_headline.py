"""A one-line headline is parsed with the full stop it lacks; the doc keeps the article's text.

The sample headlines are written for these tests.
"""

from __future__ import annotations

import pytest
from spacy.tokens import Doc, Token

from sitreport.annotate import BODY_OFFSET, annotate, load_nlp
from sitreport.annotate.headline import parse_form, without_token
from sitreport.options import Options
from sitreport.records import Article, stable_id

# the small model reads this one differently with and without the stop
HEADLINE = "More shelling targets the town and clashes continue in Idlib countryside"


def article(text: str, title: str | None = None) -> Article:
    return Article(article_id=stable_id(text), source="sample", file="sample.txt", text=text, title=title)


def parse(text: str, title: str | None = None) -> list[tuple[str, str, int]]:
    [(_, doc)] = list(annotate([article(text, title)], Options()))
    return [(t.text, t.dep_, t.head.i) for t in doc]


def test_a_headline_is_parsed_as_a_sentence_with_its_stop() -> None:
    stopped = load_nlp()(HEADLINE + ".")
    bare = load_nlp()(HEADLINE)
    assert parse(HEADLINE) == [(t.text, t.dep_, t.head.i) for t in stopped[:-1]]
    assert parse(HEADLINE) != [(t.text, t.dep_, t.head.i) for t in bare]


def test_the_doc_keeps_the_text_of_the_article() -> None:
    [(_, doc)] = list(annotate([article(HEADLINE)], Options()))
    assert doc.text == HEADLINE
    assert len(doc.tensor) == len(doc)


def test_a_title_parsed_apart_keeps_the_body_offset() -> None:
    body = "The shelling went on into the night.\n\nResidents fled"
    [(_, doc)] = list(annotate([article(body, HEADLINE)], Options()))
    assert doc.text[doc.user_data[BODY_OFFSET] :] == body
    assert doc.text.startswith(HEADLINE)
    assert parse(body, HEADLINE)[: len(parse(HEADLINE))] == parse(HEADLINE)


@pytest.mark.parametrize(
    "text",
    [
        "Clashes go on in the town.",
        "Who shelled the market?",
        'Residents say "we had to leave."',
        "First line of a body\nSecond line of it",
    ],
)
def test_sentences_and_bodies_are_parsed_as_they_are(text: str) -> None:
    assert parse_form(text) == text


def test_a_stop_the_tokenizer_joins_to_the_word_before_it() -> None:
    # "U.S" + "." is one token: the line is parsed as it is
    text = "Talks in Geneva with the U.S"
    [(_, doc)] = list(annotate([article(text)], Options()))
    assert doc.text == text


def keyword_copy_without(doc: Doc, at: int) -> Doc:
    """What ``without_token`` must build, written the slow and plain way: Doc() from lists."""
    kept = [t for t in doc if t.i != at]
    position = {t.i: n for n, t in enumerate(kept)}
    removed = doc[at]

    def head_of(token: Token) -> int:
        head = token.head
        if head.i == at:
            head = removed.head if removed.head.i != at else token
        return position[head.i]

    spaces = [bool(t.whitespace_) for t in kept]
    if at > 0:
        spaces[position[at - 1]] = bool(removed.whitespace_)
    return Doc(
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


def annotations(doc: Doc) -> list[tuple[object, ...]]:
    return [
        (t.text, t.whitespace_, t.tag_, t.pos_, t.morph.key, t.lemma_, t.head.i, t.dep_, t.is_sent_start)
        for t in doc
    ]


@pytest.mark.parametrize("at", [0, 3, 6, 7])
def test_taking_a_token_out_keeps_every_other_annotation(at: int) -> None:
    # the first token (0), one heading another (3, "town": "the" moves to its head), the root
    # (6, "said": its dependents head themselves) and the stop (7); "the" has no morphology
    doc = load_nlp()("Rebels shelled the town, residents said.")
    assert [doc[3].head.i, doc[6].head.i] == [1, 6]
    doc[2].set_morph(None)
    restored = without_token(doc, doc[at])
    assert annotations(restored) == annotations(keyword_copy_without(doc, at))
    assert len(restored.tensor) == len(restored)
