"""Ingest at scale: end to end beside bare spaCy, driver and worker memory, and the cost of ten
new articles into stores of growing size.

    .venv/bin/python bench/bench_ingest.py          # 200, 1000 articles; stores of 0, 5k, 20k events
    .venv/bin/python bench/bench_ingest.py --full   # 1k, 5k, 50k articles; stores of 0, 100k, 1M (hours)
    .venv/bin/python bench/bench_ingest.py --articles 5000 --store-events 0 50000
    .venv/bin/python bench/bench_ingest.py --postgres postgresql+psycopg://user@host/empty_db

Corpora come from ``sitreport.synthetic`` (invented articles: the project's own sentences
about gazetteer towns). Each ingest is the installed command in its own process, as a user runs
it: startup, cleaning, extraction, storing and linking included. Bare spaCy is the same
pipeline (``annotate.load_nlp``: every component sitreport uses) over the same texts in this
process, model loading excluded; the ratio (end-to-end words/s over bare spaCy words/s) is the
figure, since both are measured in the same run on the same loaded machine. For corpora over
BARE_SAMPLE articles bare spaCy reads the first BARE_SAMPLE of them (said in the output).

Peak RSS is polled (psutil, every 0.1 s) for the driver process and for each worker process
(``--cluster local:2``). Stores for the growth part are built directly through the store
(``synthetic.build_ledger``: ``Store.save_articles`` a batch at a time, each batch linked), not
by ingesting text.
No figure here is asserted anywhere: the tables are for docs/scaling.md.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import astuple, dataclass
from pathlib import Path

import psutil

from sitreport.annotate import load_nlp
from sitreport.options import Options
from sitreport.store import Store
from sitreport.synthetic import build_ledger, synthetic_documents

SITREPORT = Path(sys.executable).parent / "sitreport"
BARE_SAMPLE = 1000
POLL_SECONDS = 0.1
GROWTH_REPEATS = 3


@dataclass
class Run:
    seconds: float
    cpu_seconds: float  # the command's and its reaped children's (workers'), user + system
    driver_mb: float
    worker_mb: float  # the largest worker process; 0 without a cluster
    returncode: int


def measure(command: list[str]) -> Run:
    """Run a command, polling the peak RSS of it and of its child processes (the workers); its
    CPU seconds (with its workers') come from the kernel when it ends."""
    started = time.perf_counter()
    with tempfile.TemporaryFile() as errors:  # a pipe could fill and stall a long run
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors)
        watched = psutil.Process(process.pid)
        driver = worker = 0
        while not (ended := os.wait4(process.pid, os.WNOHANG))[0]:
            try:
                driver = max(driver, watched.memory_info().rss)
                for child in watched.children(recursive=True):
                    worker = max(worker, child.memory_info().rss)
            except psutil.Error:
                pass  # a process ended between listing and reading
            time.sleep(POLL_SECONDS)
        seconds = time.perf_counter() - started
        returncode = os.waitstatus_to_exitcode(ended[1])
        process.returncode = returncode  # reaped here, not by Popen
        if returncode:
            errors.seek(0)
            print(f"  ! {' '.join(command[1:3])} exited {returncode}: {errors.read()[-500:]!r}")
    usage = ended[2]
    return Run(seconds, usage.ru_utime + usage.ru_stime, driver / 1e6, worker / 1e6, returncode)


def write_corpus(folder: Path, count: int, seed: int) -> int:
    """Write ``count`` invented articles as text files; returns their words."""
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for number, document in enumerate(synthetic_documents(count, seed)):
        (folder / f"{number:06d}.txt").write_text(document.content, encoding="utf-8")
        words += len(document.content.split())
    return words


def bare_spacy_rate(folder: Path) -> tuple[float, float, int]:
    """Words per second and per CPU second of the pipeline sitreport uses over (up to
    BARE_SAMPLE of) the corpus's texts, and how many texts that was."""
    texts = [path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())[:BARE_SAMPLE]]
    nlp = load_nlp()
    list(nlp.pipe(texts[:5]))  # weights and vocabulary loaded: not throughput
    started, cpu = time.perf_counter(), time.process_time()
    for _ in nlp.pipe(texts, batch_size=Options().batch_size):
        pass
    words = sum(len(text.split()) for text in texts)
    return words / (time.perf_counter() - started), words / (time.process_time() - cpu), len(texts)


def ingest(folder: Path, db: str, *extra: str) -> Run:
    return measure([str(SITREPORT), "ingest", str(folder), "--db", db, *extra])


def throughput(work: Path, sizes: list[int], databases: dict[str, str], cluster: bool) -> None:
    print("\n## End to end (clean → extract → store → link) beside bare spaCy\n")
    print("CPU s: the ingest's own and its workers'. Ratio: words/s over bare spaCy's; the CPU ratio "
          "is words per CPU second over bare spaCy's, which a loaded machine disturbs less.\n")  # fmt: skip
    print("| articles | store | run | articles/s | words/s | bare spaCy words/s | ratio | CPU s "
          "| CPU ratio | driver MB | worker MB |")  # fmt: skip
    print("|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in sizes:
        folder = work / f"corpus-{size}"
        words = write_corpus(folder, size, seed=size)
        bare, bare_cpu, sampled = bare_spacy_rate(folder)
        note = "" if sampled == size else f" (first {sampled})"
        for name, url in databases.items():
            runs = [("1 process", ())] + ([("local:2", ("--cluster", "local:2"))] if cluster else [])
            for label, extra in runs:
                db = _fresh(url, work / f"{name}-{size}-{label[:1]}.db")
                run = ingest(folder, db, *extra)
                rate = words / run.seconds
                cells = [f"{size:,}", name, label, f"{size / run.seconds:.1f}", f"{rate:.0f}",
                         f"{bare:.0f}{note}", f"{rate / bare:.2f}", f"{run.cpu_seconds:.0f}",
                         f"{words / run.cpu_seconds / bare_cpu:.2f}",
                         f"{run.driver_mb:.0f}", f"{run.worker_mb:.0f}"]  # fmt: skip
                print(f"| {' | '.join(cells)} |", flush=True)
        shutil.rmtree(folder)


def _fresh(url: str, sqlite_path: Path) -> str:
    """A SQLite file of its own per run; a PostgreSQL database is emptied first."""
    if url == "sqlite":
        return f"sqlite:///{sqlite_path}"
    from sqlalchemy import create_engine

    from sitreport.store.schema import metadata

    engine = create_engine(url)
    metadata.drop_all(engine)
    engine.dispose()
    return url


def build_store(path: Path, events: int) -> tuple[float, float]:
    """A store of ``events`` synthetic events, linked; returns the seconds and CPU seconds it
    took (``build_ledger``: the store's bulk path, each batch of the feed linked in memory)."""
    started, cpu = time.perf_counter(), time.process_time()
    with Store(f"sqlite:///{path}") as store:
        build_ledger(store, events, seed=1)
    return time.perf_counter() - started, time.process_time() - cpu


def _copy_store(base: Path, copy: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{base}{suffix}").exists():
            shutil.copy(f"{base}{suffix}", f"{copy}{suffix}")
        elif Path(f"{copy}{suffix}").exists():
            Path(f"{copy}{suffix}").unlink()


def ingest_ten(ten: Path, base: Path, work: Path) -> Run:
    """The best of GROWTH_REPEATS ingests of the ten articles, each into a fresh copy of the store
    (fewest seconds, fewest CPU seconds, least memory: on a loaded machine the least disturbed)."""
    runs = []
    for _ in range(GROWTH_REPEATS):
        copy = work / "measured.db"
        _copy_store(base, copy)
        runs.append(ingest(ten, f"sqlite:///{copy}"))
    return Run(*(min(values) for values in zip(*(astuple(run) for run in runs), strict=True)))


def growth(work: Path, store_sizes: list[int]) -> None:
    print("\n## Ten new articles into stores of growing size (SQLite, one process)\n")
    ten = work / "ten"
    write_corpus(ten, 10, seed=99)
    print(f"Best of {GROWTH_REPEATS} runs each; load: the 1-minute load average after the runs.\n")
    print("| store events | build s | build CPU s | ingest 10 s | × empty | + s | CPU s | CPU × empty "
          "| CPU + s | peak MB | + MB | load |")  # fmt: skip
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    empty: Run | None = None
    for size in store_sizes:
        base = work / f"store-{size}.db"
        built, built_cpu = build_store(base, size) if size else (0.0, 0.0)
        run = ingest_ten(ten, base, work)
        empty = empty or run
        cells = [f"{size:,}", f"{built:.0f}", f"{built_cpu:.0f}", f"{run.seconds:.2f}",
                 f"{run.seconds / empty.seconds:.2f}", f"{run.seconds - empty.seconds:+.2f}",
                 f"{run.cpu_seconds:.2f}", f"{run.cpu_seconds / empty.cpu_seconds:.2f}",
                 f"{run.cpu_seconds - empty.cpu_seconds:+.2f}", f"{run.driver_mb:.0f}",
                 f"{run.driver_mb - empty.driver_mb:+.0f}", f"{os.getloadavg()[0]:.1f}"]  # fmt: skip
        print(f"| {' | '.join(cells)} |", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--articles", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--store-events", type=int, nargs="+", default=[0, 5000, 20_000])
    parser.add_argument("--full", action="store_true", help="the issue's sizes: 1k, 5k, 50k; 0, 100k, 1M")
    parser.add_argument("--postgres", help="an empty PostgreSQL database to run beside SQLite")
    parser.add_argument("--no-cluster", action="store_true", help="leave out --cluster local:2")
    parser.add_argument("--only", choices=("throughput", "growth"), help="run one part")
    args = parser.parse_args()
    full = ([1000, 5000, 50_000], [0, 100_000, 1_000_000])
    sizes, store_sizes = full if args.full else (args.articles, args.store_events)
    databases = {"sqlite": "sqlite", **({"postgresql": args.postgres} if args.postgres else {})}
    if not args.postgres:
        print("PostgreSQL: not run (give --postgres URL of an empty database)")
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as folder:
        work = Path(folder)
        if args.only != "growth":
            throughput(work, sizes, databases, cluster=not args.no_cluster)
        if args.only != "throughput":
            growth(work, store_sizes)


if __name__ == "__main__":
    main()
