"""Fault-injection and load runs for the ledger's integrity (issue 14); timings are reported, not judged.

Run:
  .venv/bin/python bench/bench_integrity.py races [--trials 20] [--reports 24] [--postgres]
      two `sitreport ingest` processes on one store at once, TRIALS times; each result is
      compared with one sequential run (stored events, incidents, `sitreport check`).
      --postgres races on a throwaway PostgreSQL server (Debian's binaries, as in the store
      tests), emptied per trial; without it each trial uses a fresh SQLite file.
  .venv/bin/python bench/bench_integrity.py load [--events 10000] [--heavy 32] [--seconds 20]
      `sitreport serve` in its own process over generated events; light requests timed
      alone, then while HEAVY clients download every event as CSV in a loop; prints p50/p99
      of the light requests, how the downloads were answered, and the server's memory.
Articles are generated samples (tests/store/fault_samples.py); nothing is fetched.
"""

from __future__ import annotations

import argparse
import glob
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO / "tests" / "store"), str(REPO / "bench")]

from bench_serve import fill  # noqa: E402  (the generated store the serve bench uses)
from fault_samples import SITREPORT, write_reports  # noqa: E402

from sitreport.store import Store  # noqa: E402

LIGHT_URL = "/api/events?limit=10"
HEAVY_URL = "/api/events.csv"


def ingest(folder: Path, url: str) -> subprocess.Popen[str]:
    return subprocess.Popen([str(SITREPORT), "ingest", str(folder), "--db", url], text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)  # fmt: skip


def ledger_state(url: str) -> tuple[frozenset[str], frozenset[frozenset[str]], int]:
    """Stored event ids, incident memberships, and check's exit status."""
    with Store(url) as store:
        events = frozenset(event.event_id for event in store.iter_events())
        incidents = frozenset(frozenset(i.events) for i in store.list_incidents(limit=100_000))
    check = subprocess.run([str(SITREPORT), "check", "--db", url], capture_output=True, check=False)
    return events, incidents, check.returncode


def empty_postgres(url: str) -> None:
    from sqlalchemy import create_engine, text

    from sitreport.store.schema import metadata

    engine = create_engine(url)
    with engine.begin() as connection:
        names = ", ".join(table.name for table in metadata.sorted_tables if table.name != "link_lock")
        connection.execute(text(f"TRUNCATE {names}"))
    engine.dispose()


@contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A PostgreSQL server in a temporary folder on a free port (as an unprivileged user when
    root), with one empty database; stopped and removed afterwards."""
    bin_dir = max(Path(folder) for folder in glob.glob("/usr/lib/postgresql/*/bin"))
    home = Path(tempfile.mkdtemp(prefix="sitreport-pg-"))
    prefix = ["runuser", "-u", "nobody", "--"] if os.geteuid() == 0 else []
    if prefix:
        shutil.chown(home, user="nobody")
    data, port = home / "data", free_port()
    subprocess.run([*prefix, str(bin_dir / "initdb"), "-D", str(data), "-U", "bench", "--auth=trust"],
                   check=True, capture_output=True)  # fmt: skip
    pg_ctl = [*prefix, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(home / "log"), "-w"]
    options = f"-c listen_addresses=127.0.0.1 -p {port} -k {home} -c fsync=off"
    subprocess.run([*pg_ctl, "-o", options, "start"], check=True, capture_output=True)
    try:
        yield f"postgresql+psycopg://bench@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*pg_ctl, "-m", "fast", "stop"], check=False, capture_output=True)
        shutil.rmtree(home, ignore_errors=True)


def races(trials: int, reports: int, pg_url: str | None) -> None:
    work = Path(tempfile.mkdtemp(prefix="sitreport-races-"))
    folder = write_reports(work / "reports", reports)
    baseline_url = f"sqlite:///{work / 'sequential.db'}"
    ingest(folder, baseline_url).communicate()
    expected = ledger_state(baseline_url)
    outcomes: Counter[str] = Counter()
    for trial in range(trials):
        url = pg_url or f"sqlite:///{work / f'trial{trial}.db'}"
        if pg_url:
            Store(pg_url).close()
            empty_postgres(pg_url)
        started = time.perf_counter()
        runs = [ingest(folder, url) for _ in range(2)]
        results = [(*run.communicate(), run.returncode) for run in runs]
        failed = [err.strip().splitlines()[-1] for _, err, code in results if code != 0]
        state = ledger_state(url)
        verdict = "same as sequential" if state == expected and not failed else "DIFFERENT"
        outcomes[verdict] += 1
        print(f"trial {trial + 1:2d}: {verdict}; exit {[code for *_, code in results]}; "
              f"{len(state[1])} incidents; check exit {state[2]}; {time.perf_counter() - started:.1f} s"
              + (f"; {failed}" if failed else ""))  # fmt: skip
    print(f"{trials} trials on {'PostgreSQL' if pg_url else 'SQLite'}: {dict(outcomes)}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def time_light(base: str, seconds: float) -> list[float]:
    timings: list[float] = []
    deadline = time.perf_counter() + seconds
    with httpx.Client(base_url=base, timeout=120) as client:
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            client.get(LIGHT_URL).raise_for_status()
            timings.append(time.perf_counter() - started)
    return timings


def download_loop(base: str, stop: threading.Event, answers: Counter[int]) -> None:
    """Download again and again; a 503 is retried after its Retry-After, as a polite client does."""
    with httpx.Client(base_url=base, timeout=300) as client:
        while not stop.is_set():
            response = client.get(HEAVY_URL)
            answers[response.status_code] += 1
            stop.wait(float(response.headers.get("retry-after", 0)))


def percentiles(timings: list[float]) -> str:
    ordered = sorted(timings)
    p99 = ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))]
    median = statistics.median(ordered)
    return f"p50 {median * 1000:.0f} ms, p99 {p99 * 1000:.0f} ms over {len(ordered)} requests"


def load(events: int, heavy: int, seconds: float) -> None:
    work = Path(tempfile.mkdtemp(prefix="sitreport-load-"))
    url = f"sqlite:///{work / 'load.db'}"
    fill(url, events)
    port = free_port()
    server = subprocess.Popen([str(SITREPORT), "serve", "--db", url, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                httpx.get(base + LIGHT_URL, timeout=5)
                break
            except httpx.TransportError:
                time.sleep(0.1)
        print(f"server RSS at start: {rss_mb(server.pid):.0f} MB ({events} events)")
        print(f"light alone: {percentiles(time_light(base, seconds))}")
        stop, answers = threading.Event(), Counter[int]()
        clients = [threading.Thread(target=download_loop, args=(base, stop, answers)) for _ in range(heavy)]
        for client in clients:
            client.start()
        print(f"light with {heavy} download loops: {percentiles(time_light(base, seconds))}")
        print(f"server RSS under load: {rss_mb(server.pid):.0f} MB")
        stop.set()
        for client in clients:
            client.join()
        print(f"downloads answered: {dict(answers)} (503 = told to retry)")
        time.sleep(2)
        print(f"server RSS after: {rss_mb(server.pid):.0f} MB")
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    raw = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=raw)
    modes = parser.add_subparsers(dest="mode", required=True)
    race = modes.add_parser("races")
    race.add_argument("--trials", type=int, default=20)
    race.add_argument("--reports", type=int, default=24)
    race.add_argument("--postgres", action="store_true")
    loaded = modes.add_parser("load")
    loaded.add_argument("--events", type=int, default=10_000)
    loaded.add_argument("--heavy", type=int, default=32)
    loaded.add_argument("--seconds", type=float, default=20)
    arguments = parser.parse_args()
    os.environ.setdefault("COLUMNS", "200")
    if arguments.mode == "races" and arguments.postgres:
        with throwaway_postgres() as url:
            races(arguments.trials, arguments.reports, url)
    elif arguments.mode == "races":
        races(arguments.trials, arguments.reports, None)
    else:
        load(arguments.events, arguments.heavy, arguments.seconds)


if __name__ == "__main__":
    main()
