"""The cluster flow: shards the workers read themselves, bounded in flight, and the documented
`dask scheduler` / `dask worker` commands on loopback (separate processes)."""

from __future__ import annotations

import json
import os
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest
from dask.distributed import Client

from sitreport import batch
from sitreport.batch import Shard, local_client, plan_shards, process_paths_on_cluster
from sitreport.ingest import read_inputs, read_jsonl_range
from sitreport.options import Options
from sitreport.records import RawDocument
from sitreport.synthetic import synthetic_documents

BIN = Path(sys.executable).parent
SRC = Path(__file__).resolve().parents[1] / "src"


def write_corpus(path: Path, count: int, seed: int = 0, broken: bool = True) -> Path:
    """A JSONL corpus of invented articles (samples), with a blank and a broken line in it."""
    docs = enumerate(synthetic_documents(count, seed))
    rows = [json.dumps({"id": f"r{n}", "text": doc.content}) for n, doc in docs]
    rows[3:3] = ["", "{broken"] if broken else [""]
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def described(items: Iterator[object]) -> list[str]:
    return [f"{item.source}:{len(item.content)}" if isinstance(item, RawDocument) else repr(item)
            for item in items]  # fmt: skip


def test_byte_ranges_of_a_corpus_read_every_row_once_numbered_as_in_the_whole(tmp_path: Path) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 30)
    whole = described(read_inputs([corpus], Options()))
    size = corpus.stat().st_size
    for cuts in ([size // 2], [1, 2, 3, size // 3, size // 3 + 1, size - 1], list(range(997, size, 997))):
        bounds = [0, *cuts, size]
        ranges = [read_jsonl_range(corpus, "text", start, end) for start, end in pairwise(bounds)]
        assert [line for part in ranges for line in described(part)] == whole


def test_a_large_corpus_is_planned_as_byte_ranges_and_files_in_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = write_corpus(tmp_path / "corpus.jsonl", 30)
    for n in range(5):
        (tmp_path / f"page{n}.txt").write_text(f"Sample page {n}.", encoding="utf-8")
    monkeypatch.setattr(batch, "SHARD_BYTES", corpus.stat().st_size // 4 + 1)
    shards = list(plan_shards([tmp_path], Options(batch_size=2)))
    ranges = [shard for shard in shards if isinstance(shard, Shard) and shard.end is not None]
    assert len(ranges) == 4 and ranges[-1].end == corpus.stat().st_size
    groups = [shard for shard in shards if isinstance(shard, Shard) and shard.end is None]
    assert [len(shard.paths) for shard in groups] == [2, 2, 1]


def test_the_driver_submits_shards_only_as_results_come_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n, doc in enumerate(synthetic_documents(6)):
        (tmp_path / f"{n}.txt").write_text(doc.content, encoding="utf-8")
    drawn: list[int] = []
    planned = plan_shards

    def counting(paths: object, options: Options) -> Iterator[object]:
        for shard in planned(paths, options):  # type: ignore[arg-type]
            drawn.append(1)
            yield shard

    monkeypatch.setattr(batch, "plan_shards", counting)
    with Client(processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None) as client:
        results = process_paths_on_cluster([tmp_path], Options(batch_size=1), client, in_flight=2)
        next(results)
        assert len(drawn) == 2  # six shards, but only two handed out before a result came back
        rest = list(results)
    assert len(rest) == 5 and len(drawn) == 6


def test_a_local_cluster_runs_its_workers_without_the_profiler_and_with_rarer_housekeeping() -> None:
    def callbacks(dask_worker: object) -> dict[str, float]:
        return {name: c.callback_time for name, c in dask_worker.periodic_callbacks.items()}  # type: ignore[attr-defined]

    with local_client(1) as client:
        (worker,) = client.run(callbacks).values()
        (environ,) = client.run(lambda: dict(os.environ)).values()
    assert "profile" not in worker  # Dask's default: a sample of the task's stack every 10 ms
    assert worker["tick"] == worker["memory_monitor"] == 1000  # milliseconds; 20 and 100 by default
    # large arrays stay on the heap, while freed memory is still given back (Dask's setting)
    assert environ["MALLOC_MMAP_THRESHOLD_"] == str(32 * 2**20)
    assert environ["MALLOC_TRIM_THRESHOLD_"] == "65536"


def test_the_driver_of_a_local_cluster_ingest_never_imports_spacy(tmp_path: Path) -> None:
    for n, doc in enumerate(synthetic_documents(3)):
        (tmp_path / f"{n}.txt").write_text(doc.content, encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    script = (
        "import sys\n"
        "from sitreport.cli import app\n"
        "if __name__ == '__main__':\n"
        f"    try: app(['ingest', {str(tmp_path)!r}, '--db', {db!r}, '--cluster', 'local:1'])\n"
        "    except SystemExit as end: assert end.code == 0, end.code\n"
        "    print(sorted(name for name in sys.modules if name.split('.')[0] in {'spacy', 'thinc'}))\n"
    )
    (tmp_path / "driver.py").write_text(script, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    done = subprocess.run([sys.executable, str(tmp_path / "driver.py")], capture_output=True, text=True,
                          env=env, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
    with sqlite3.connect(tmp_path / "ledger.db") as connection:
        assert connection.execute("select count(*) from articles").fetchone() == (3,)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def loopback_cluster(tmp_path: Path) -> Iterator[str]:
    """A `dask scheduler` and two `dask worker` processes, as on a real cluster, on loopback."""
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    log = (tmp_path / "dask.log").open("w")
    dask = str(BIN / "dask")
    scheduler_command = [dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"]
    worker_command = [dask, "worker", address, "--nworkers", "1", "--nthreads", "1", "--no-dashboard"]
    scheduler = subprocess.Popen(scheduler_command, env=env, stdout=log, stderr=log)
    workers = [subprocess.Popen(worker_command, env=env, stdout=log, stderr=log) for _ in range(2)]
    try:
        with Client(address, timeout=120) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in [*workers, scheduler]:
            process.terminate()
        for process in [*workers, scheduler]:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()


def test_a_real_scheduler_and_workers_ingest_what_one_process_does(
    loopback_cluster: str, tmp_path: Path
) -> None:
    reports = tmp_path / "reports"
    reports.mkdir()
    for n, doc in enumerate(synthetic_documents(8)):
        (reports / f"{n}.txt").write_text(doc.content, encoding="utf-8")
    write_corpus(reports / "corpus.jsonl", 6, seed=1, broken=False)
    env = {**os.environ, "PYTHONPATH": str(SRC)}

    def ingest(db: str, *extra: str) -> set[str]:
        command = [str(BIN / "sitreport"), "ingest", str(reports), "--db", f"sqlite:///{tmp_path / db}"]
        command.extend(extra)
        done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
        assert done.returncode == 0, done.stderr
        with sqlite3.connect(tmp_path / db) as connection:
            return {row[0] for row in connection.execute("select event_id from events")}

    assert ingest("cluster.db", "--cluster", loopback_cluster) == ingest("plain.db") != set()
