"""The per-article flow on a Dask cluster: the same stage functions, run on workers.

The driver only lists the inputs and cuts them into shards (a few files, or a byte range of a
JSONL corpus); each worker reads its own shards, cleans, annotates and extracts, and sends back
records. At most a few shards per worker are in flight: the driver submits the next only as
results come back, and yields results as they arrive, so its memory stays flat however large
the corpus. Only the driver writes to the store, so a cluster needs no database access from
its workers (they need the inputs' paths, e.g. a shared file system).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import dask
from dask.distributed import Client, LocalCluster, as_completed

from sitreport.errors import InputError
from sitreport.ingest import JSONL_SUFFIXES, input_files, read_file, read_jsonl_range, streamable
from sitreport.options import Options
from sitreport.records import ArticleResult, RawDocument

# A JSONL corpus longer than this is cut into byte ranges of about this size, one per shard.
SHARD_BYTES = 4_000_000
# Shards in flight per worker: one being worked on, one waiting, so no worker idles.
IN_FLIGHT_PER_WORKER = 2
# Dask's housekeeping, made rarer on a local cluster. By default each worker samples the stack
# of its running task every 10 ms (the statistical profiler, which also keeps up to 1,000 s of
# samples: memory that grows through a long run), and every server wakes every 20 ms (tick)
# and reads its process's memory every 100 ms. On two cores a local cluster of two then took
# 0.135 CPU seconds per wall second with no task to run (0.022 with these settings), from the
# cores extraction needs, and the longer a loaded machine stretches a run, the more.
QUIET_HOUSEKEEPING = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",  # the tick only warns of a blocked event loop
    "distributed.worker.memory.monitor-interval": "1s",  # still a guard against running out
    "distributed.admin.system-monitor.interval": "1s",
    # Dask's nanny sets MALLOC_TRIM_THRESHOLD_ in each worker so that freed memory goes back to
    # the system, which also freezes glibc's mmap threshold at 128 kB: every larger array of a
    # spaCy batch is then mapped and its fresh pages zeroed by the kernel, and unmapped when
    # freed (300 articles: 19.4 s CPU, 2.2 s of it in the kernel, against 16.1 s and 1.1 s).
    # A threshold of 32 MB, the ceiling glibc's own adjustment would reach, keeps those arrays
    # on the heap, where they are reused; trimming stays on (17.3 s CPU after, 220 kB more RSS).
    "distributed.nanny.pre-spawn-environ.MALLOC_MMAP_THRESHOLD_": 32 * 2**20,
}


@dataclass(frozen=True)
class Shard:
    """Files a worker reads whole, or the byte range [start, end) of one JSONL corpus."""

    paths: tuple[str, ...]
    start: int = 0
    end: int | None = None

    def documents(self, options: Options) -> Iterator[RawDocument | InputError]:
        if self.end is not None:
            return read_jsonl_range(Path(self.paths[0]), options.text_column, self.start, self.end)
        return (item for path in self.paths for item in read_file(Path(path), options))


def _process_shard(shard: Shard, options: Options) -> list[ArticleResult | InputError]:
    # Imported here, on the worker: the driver never cleans or annotates, nor imports spaCy.
    from sitreport.pipeline import clean_documents, extract_articles

    return list(extract_articles(clean_documents(shard.documents(options), options), options))


def plan_shards(paths: Iterable[str | Path], options: Options) -> Iterator[Shard | InputError]:
    """Shards of at most ``options.batch_size`` files; a large JSONL corpus in byte ranges.
    Only names and sizes are looked at: the files are read by the workers."""
    group: list[str] = []
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
            continue
        size = _size(item)
        if item.suffix.lower() in JSONL_SUFFIXES and size > SHARD_BYTES and streamable(item):
            yield from (Shard((str(item),), start, min(start + SHARD_BYTES, size))
                        for start in range(0, size, SHARD_BYTES))  # fmt: skip
            continue
        group.append(str(item))
        if len(group) >= options.batch_size:
            yield Shard(tuple(group))
            group = []
    if group:
        yield Shard(tuple(group))


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0  # the worker's read reports why


@contextmanager
def local_client(workers: int) -> Iterator[Client]:
    """A client of ``workers`` local worker processes of one thread each, with quiet housekeeping
    (the nannies read the settings when they start their workers)."""
    with (
        dask.config.set(QUIET_HOUSEKEEPING),
        LocalCluster(n_workers=workers, threads_per_worker=1, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield client


def process_paths_on_cluster(
    paths: Iterable[str | Path], options: Options, client: Client, in_flight: int | None = None
) -> Iterator[ArticleResult | InputError]:
    """Like ``pipeline.process_paths``, with reading, cleaning and extraction on the cluster's
    workers, ``in_flight`` shards at a time (by default IN_FLIGHT_PER_WORKER per worker).

    Results arrive in completion order, not input order: each is self-contained.
    """
    workers = len(client.scheduler_info().get("workers", {}))
    limit = in_flight or IN_FLIGHT_PER_WORKER * max(1, workers)
    running = as_completed()
    for shard in plan_shards(paths, options):
        if isinstance(shard, InputError):
            yield shard
            continue
        running.add(client.submit(_process_shard, shard, options, pure=False))
        while running.count() >= limit:
            yield from next(running).result()
    for future in running:
        yield from future.result()
