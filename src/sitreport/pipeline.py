"""The data flow of DESIGN.md as one streaming function: ingest → clean → annotate → extract.

Pure over records: nothing here touches the database, so the same functions run in the CLI,
in the web server's ingest endpoint and inside Dask workers (``sitreport.distributed``).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.pool import AsyncResult
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
    """The whole per-article flow for files, folders and corpora, in ``options.jobs`` processes."""
    documents = read_inputs(paths, options)
    if options.jobs > 1:
        return process_in_workers(documents, options)
    return process_texts(documents, options)


def process_texts(texts: Iterable[RawDocument], options: Options) -> Iterator[ArticleResult | InputError]:
    """The same flow for documents already in memory (the web ingest endpoint, Dask workers)."""
    return extract_articles(clean_documents(texts, options), options)


# Documents sent to a worker at a time.
Chunk = list[RawDocument | InputError]
# How long a worker waits between looks at whether the process that started it still runs.
PARENT_CHECK_SECONDS = 1.0


def process_in_workers(
    documents: Iterable[RawDocument | InputError], options: Options
) -> Iterator[ArticleResult | InputError]:
    """``process_texts`` over ``options.jobs`` worker processes, results in input order.

    Documents go out in chunks of ``options.batch_size``. The first chunk is read here, which
    loads the model, the knowledge base and every lazily built table once; the workers are
    forked after that and share them. An input of one chunk never starts a worker. At most
    two chunks per worker are in flight, so memory stays flat however long the input is, and
    each result is yielded as soon as its chunk and all chunks before it are done.
    """
    chunks = _chunks(documents, options.batch_size)
    first = next(chunks, None)
    if first is None:
        return
    yield from process_texts(first, options)
    _load_date_parser()
    context = multiprocessing.get_context("fork")
    with context.Pool(options.jobs, initializer=_start_worker, initargs=(os.getpid(),)) as pool:
        in_flight: deque[AsyncResult[list[ArticleResult | InputError]]] = deque()
        for chunk in chunks:
            in_flight.append(pool.apply_async(_process_chunk, (chunk, options)))
            if len(in_flight) >= 2 * options.jobs:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


# A full date dateparser reads with its English data, which it loads on its first parse.
SAMPLE_DATE = "5 March 2016"


def _load_date_parser() -> None:
    """Have dateparser load its English data (~0.3 s CPU) once here, before the fork, not again
    in every worker. Exact: each parse builds its own parser (no previous locales are tried
    first), so what is loaded only saves the loading."""
    import dateparser

    from sitreport.extract.dates import DATEPARSER_SETTINGS

    dateparser.parse(SAMPLE_DATE, settings=DATEPARSER_SETTINGS)


def _chunks(items: Iterable[RawDocument | InputError], size: int) -> Iterator[Chunk]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _process_chunk(chunk: Chunk, options: Options) -> list[ArticleResult | InputError]:
    return list(process_texts(chunk, options))


def _start_worker(parent: int) -> None:
    """Leave Ctrl-C to the parent (it ends the pool), and end when the parent is gone.

    A parent killed outright (a time limit's SIGKILL) cannot end its pool; its workers would
    otherwise wait for work forever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_exit_without, args=(parent,), daemon=True).start()


def _exit_without(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)
