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
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields, replace
from itertools import islice
from multiprocessing.pool import AsyncResult
from pathlib import Path
from typing import Any, Generic, TypeVar

from sitreport.clean import clean_document
from sitreport.errors import InputError
from sitreport.ingest import read_inputs
from sitreport.options import Options
from sitreport.records import Article, ArticleResult, Event, RawDocument

K = TypeVar("K")
V = TypeVar("V")


def clean_documents(
    documents: Iterable[RawDocument | InputError], options: Options
) -> Iterator[Article | InputError]:
    """Clean each document; a document that cannot be cleaned becomes an InputError.

    Cleaning reads a document's content, type and metadata, never its file's name or path: a
    copy of a recent document in another file is the same article (or error) with its own name.
    """
    cleaned: Recent[tuple[str, ...], Article | str] = Recent(REPEAT_MEMORY)
    for document in documents:
        if isinstance(document, InputError):
            yield document
            continue
        key = (document.content, document.media_type, *_flat(document.meta))
        earlier = cleaned.get(key)
        if earlier is None:
            try:
                earlier = clean_document(document, kb_dirs=options.kb_dirs)
            except InputError as error:
                earlier = error.reason
            cleaned.put(key, earlier)
        if isinstance(earlier, str):
            yield InputError(document.source, earlier)
        else:
            yield replace(earlier, source=document.source, file=document.name)


def _flat(meta: dict[str, str]) -> Iterator[str]:
    for name, value in meta.items():
        yield name
        yield value


def extract_articles(
    items: Iterable[Article | InputError], options: Options
) -> Iterator[ArticleResult | InputError]:
    """Events for each article, passing errors through in order of arrival.

    Articles go to spaCy in batches (one ``nlp.pipe`` pass); errors are yielded as soon as
    they are met rather than held back until the batch finishes. A copy of a recent article in
    another file is not read again (``Repeats``): it gets the first copy's events, re-keyed.
    """
    # Imported here so that cleaning alone (``sitreport clean``) never pays for loading spaCy.
    from sitreport.annotate import annotate, too_long
    from sitreport.extract import extract_events
    from sitreport.kb import load_kb

    kb = load_kb(options.kb_dirs)
    errors: list[InputError] = []
    repeats = Repeats(REPEAT_MEMORY)
    # Every article that is read, in input order, with the analysis of its text.
    waiting: deque[tuple[Article, Analysis, bool]] = deque()

    def first_copies() -> Iterator[Article]:
        for item in items:
            refusal = item if isinstance(item, InputError) else too_long(item)
            if refusal is not None:
                errors.append(refusal)
                continue
            analysis, repeated = repeats.analysis(item)
            waiting.append((item, analysis, repeated))
            if not repeated:
                yield item

    def repeated_next() -> Iterator[ArticleResult]:
        # a repeat's first copy comes before it, so it has been read by now
        while waiting and waiting[0][2]:
            article, analysis, _ = waiting.popleft()
            yield ArticleResult(article, analysis.events_for(article))

    for article, doc in annotate(first_copies(), options):
        yield from _drain(errors)
        yield from repeated_next()
        _, analysis, _ = waiting.popleft()
        events = extract_events(article, doc, kb)
        analysis.events = [event.to_dict() for event in events]
        yield ArticleResult(article, events)
        yield from repeated_next()
    yield from _drain(errors)
    yield from repeated_next()


# Distinct texts whose events are kept for a later copy: real feeds repeat wire items, most
# within a few files (UCDP's 8,283 headlines hold 6,723 texts, 1,400 repeats within 32 files).
REPEAT_MEMORY = 256


@dataclass
class Analysis:
    """The events read from the first copy of a text, as contract dicts (None until read)."""

    events: list[dict[str, Any]] | None = None

    def events_for(self, article: Article) -> list[Event]:
        """The events a fresh reading of ``article``, a copy of the text in another file, gives:
        the same, with its file name."""
        assert self.events is not None, "a repeat is read after its first copy"
        return [Event.from_dict({**event, "source_file": article.file}) for event in self.events]


class Recent(Generic[K, V]):
    """The values of the last ``limit`` keys asked for or put: bounded memory over any input."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.known: OrderedDict[K, V] = OrderedDict()

    def get(self, key: K) -> V | None:
        found = self.known.get(key)
        if found is not None:
            self.known.move_to_end(key)
        return found

    def put(self, key: K, value: V) -> None:
        self.known[key] = value
        if len(self.known) > self.limit:
            self.known.popitem(last=False)


class Repeats:
    """The analyses of the last ``limit`` distinct articles, by everything extraction reads
    of an article but its file name and path (the events carry the file name, nothing else
    reads either): an article equal in all the rest is read once."""

    def __init__(self, limit: int) -> None:
        self.known: Recent[tuple[str | None, ...], Analysis] = Recent(limit)

    def analysis(self, article: Article) -> tuple[Analysis, bool]:
        """The analysis ``article`` shares with an earlier copy, and whether there was one."""
        key = tuple(getattr(article, name) for name in _TEXT_FIELDS)
        found = self.known.get(key)
        if found is not None:
            return found, True
        self.known.put(key, found := Analysis())
        return found, False


# Article fields the analysis may read: all but the file's name and path.
_TEXT_FIELDS = tuple(f.name for f in fields(Article) if f.name not in {"source", "file"})


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
