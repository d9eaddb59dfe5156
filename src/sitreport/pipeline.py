"""The data flow of DESIGN.md as one streaming function: ingest → clean → annotate → extract.

Pure over records: nothing here touches the database, so the same functions run in the CLI,
in the web server's ingest endpoint and inside Dask workers (``sitreport.distributed``).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sitreport.clean import clean_document
from sitreport.errors import InputError
from sitreport.ingest import read_inputs
from sitreport.options import Options
from sitreport.records import Article, Event, RawDocument


@dataclass
class ArticleResult:
    """One article and the events read from it."""

    article: Article
    events: list[Event] = field(default_factory=list)


def clean_documents(
    documents: Iterable[RawDocument | InputError], options: Options
) -> Iterator[Article | InputError]:
    """Clean each document; a document that cannot be cleaned becomes an InputError."""
    for document in documents:
        if isinstance(document, InputError):
            yield document
            continue
        try:
            yield clean_document(document, kb_dirs=options.kb_dirs)
        except InputError as error:
            yield error


def extract_articles(
    items: Iterable[Article | InputError], options: Options
) -> Iterator[ArticleResult | InputError]:
    """Events for each article, passing errors through in order of arrival.

    Articles go to spaCy in batches (one ``nlp.pipe`` pass); errors are yielded as soon as
    they are met rather than held back until the batch finishes.
    """
    # Imported here so that cleaning alone (``sitreport clean``) never pays for loading spaCy.
    from sitreport.annotate import annotate, too_long
    from sitreport.extract import extract_events
    from sitreport.kb import load_kb

    kb = load_kb(options.kb_dirs)
    errors: list[InputError] = []

    def articles_only() -> Iterator[Article]:
        for item in items:
            refusal = item if isinstance(item, InputError) else too_long(item)
            if refusal is not None:
                errors.append(refusal)
            else:
                yield item

    for article, doc in annotate(articles_only(), options):
        yield from _drain(errors)
        yield ArticleResult(article, extract_events(article, doc, kb))
    yield from _drain(errors)


def _drain(errors: list[InputError]) -> Iterator[InputError]:
    while errors:
        yield errors.pop(0)


def process_paths(paths: Iterable[str | Path], options: Options) -> Iterator[ArticleResult | InputError]:
    """The whole per-article flow for files, folders and corpora."""
    return extract_articles(clean_documents(read_inputs(paths, options), options), options)


def process_texts(texts: Iterable[RawDocument], options: Options) -> Iterator[ArticleResult | InputError]:
    """The same flow for documents already in memory (the web ingest endpoint, Dask workers)."""
    return extract_articles(clean_documents(texts, options), options)
