"""A one-line headline is parsed with the full stop it lacks; the doc keeps the article's text.

The sample headlines are written for these tests.
"""

from __future__ import annotations

import pytest

from sitreport.annotate import BODY_OFFSET, annotate, load_nlp
from sitreport.annotate.headline import parse_form
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
