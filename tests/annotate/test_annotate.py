"""The annotate stage: one spaCy pass, headline joined in front of the body."""

from __future__ import annotations

import spacy
from spacy.util import compile_infix_regex

from sitreport.annotate import (
    BODY_OFFSET,
    GLUED_SEPARATOR,
    MODEL,
    UNUSED_COMPONENTS,
    annotate,
    load_nlp,
    paragraph_sentences,
)
from sitreport.options import Options
from sitreport.records import Article, stable_id


def article(text: str, title: str | None) -> Article:
    return Article(article_id=stable_id(text), source="sample", file="sample.txt", text=text, title=title)


def test_no_named_entity_recogniser_is_loaded() -> None:
    assert "ner" not in load_nlp().pipe_names


def test_the_tokenizer_is_the_models_with_the_glued_separator_rule() -> None:
    """Read in one pass, it is what setting the rule on the loaded model's tokenizer gives."""
    model = spacy.load(MODEL, exclude=list(UNUSED_COMPONENTS))
    infixes = [*model.Defaults.infixes, GLUED_SEPARATOR]
    model.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    assert load_nlp().tokenizer.to_bytes(exclude=["vocab"]) == model.tokenizer.to_bytes(exclude=["vocab"])


def test_headline_is_its_own_sentence_before_the_body() -> None:
    body = "SANA said 60 fighters had left the town.\n\nThe rest stayed"
    [(_, doc)] = list(annotate([article(body, "Fighters leave town")], Options()))
    offset = doc.user_data[BODY_OFFSET]
    assert doc.text[offset:] == body
    starts = [sent.start_char for sent in doc.sents]
    assert 0 in starts and offset in starts
    assert offset + body.index("The rest") in starts


def test_articles_come_back_in_order_with_their_docs() -> None:
    texts = [f"Sample article number {n}. It has two sentences." for n in range(7)]
    articles = [article(text, f"Title {n}" if n % 2 else None) for n, text in enumerate(texts)]
    results = list(annotate(articles, Options(batch_size=2)))
    assert [a.text for a, _ in results] == texts
    assert all(doc.text.endswith(a.text) for a, doc in results)


def test_a_semicolon_glued_between_two_headlines_starts_a_sentence() -> None:
    # sample feed line: two headlines joined by a bare semicolon
    text = "Shelling hits Ariha;12 killed in strikes on Saraqib"
    [(_, doc)] = list(annotate([article(text, None)], Options()))
    assert [s.text for s in doc.sents] == ["Shelling hits Ariha;", "12 killed in strikes on Saraqib"]


def test_a_semicolon_ending_an_html_entity_starts_nothing() -> None:
    text = "Fighters of the &#8220;Northern Brigade&#8221; left Ariha"
    [(_, doc)] = list(annotate([article(text, None)], Options()))
    assert len(list(doc.sents)) == 1


def test_only_a_line_break_or_a_glued_semicolon_starts_a_sentence() -> None:
    text = "Shelling hits Ariha\n\nClashes in Daraa ; more\nAid;Raids"
    doc = paragraph_sentences(load_nlp().make_doc(text))
    assert [t.text for t in doc if t.is_sent_start] == ["Shelling", "Clashes", "Aid", "Raids"]
