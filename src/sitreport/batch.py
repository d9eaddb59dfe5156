"""The per-article flow on a Dask cluster: the same stage functions, run on workers.

The driver reads the inputs (ingest is I/O and cheap), ships batches of documents to the
workers, which clean, annotate and extract, and gets records back; only the driver writes to
the store, so a cluster needs no database access from its workers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from pathlib import Path

from dask.distributed import Client, as_completed

from sitreport.errors import InputError
from sitreport.ingest import read_inputs
from sitreport.options import Options
from sitreport.pipeline import ArticleResult, process_texts
from sitreport.records import RawDocument


def _process_batch(documents: list[RawDocument], options: Options) -> list[ArticleResult | InputError]:
    return list(process_texts(documents, options))


def _batches(items: Iterable[RawDocument], size: int) -> Iterator[list[RawDocument]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def process_paths_on_cluster(
    paths: Iterable[str | Path], options: Options, client: Client
) -> Iterator[ArticleResult | InputError]:
    """Like ``pipeline.process_paths``, with cleaning and extraction on the cluster's workers.

    Results arrive in completion order, not input order: each is self-contained.
    """
    documents: list[RawDocument] = []
    for item in read_inputs(paths, options):
        if isinstance(item, InputError):
            yield item
        else:
            documents.append(item)
    futures = [client.submit(_process_batch, batch, options, pure=False)
               for batch in _batches(documents, options.batch_size)]
    for future in as_completed(futures):
        yield from future.result()
