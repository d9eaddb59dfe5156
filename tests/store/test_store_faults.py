"""Fault injection through the installed command, on SQLite and PostgreSQL.

An ingest killed with SIGKILL, two ingests racing, and a run that meets an input spaCy cannot
take must all leave a store that the next run (or the run itself) completes: every event in
an incident, the incidents those of one linking of every stored event, `sitreport check` clean.
"""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

from sitreport.link import link_events
from sitreport.options import Options
from sitreport.store import Store

from .fault_samples import sitreport, write_over_long, write_reports

REPORTS = 96
WAIT_SECONDS = 300  # generous bound for a loaded machine; not a timing assertion


def finish(*args: str) -> subprocess.CompletedProcess[str]:
    process = sitreport(*args, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = process.communicate(timeout=WAIT_SECONDS)
    return subprocess.CompletedProcess(process.args, process.returncode, out, err)


def memberships(store: Store) -> set[frozenset[str]]:
    return {frozenset(incident.events) for incident in store.list_incidents(limit=10_000)}


def assert_complete(store: Store, url: str) -> None:
    """Every event linked, incidents as one linking of everything makes them, check clean."""
    assert store.unlinked_event_ids() == []
    expected = {frozenset(incident.events) for incident in link_events(store.iter_events(), Options())}
    assert memberships(store) == expected
    checked = finish("check", "--db", url)
    assert checked.returncode == 0, checked.stderr


def extracted_ids(folder: Path) -> set[str]:
    done = finish("extract", str(folder))
    return {line.split('"event_id": "')[1].split('"')[0] for line in done.stdout.splitlines()}


def wait_for_articles(store: Store, process: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + WAIT_SECONDS
    while store.count_articles() == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)


def test_ingest_killed_midway_is_completed_by_the_next_run(
    store: Store, store_url: str, tmp_path: Path
) -> None:
    folder = write_reports(tmp_path / "reports", REPORTS)
    killed = sitreport("ingest", str(folder), "--db", store_url, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)  # fmt: skip
    wait_for_articles(store, killed)
    killed.kill()
    killed.wait()
    assert 0 < store.count_articles() < REPORTS, "the ingest was not killed midway"
    assert store.unlinked_event_ids(), "the killed run should have left events unlinked"
    assert finish("check", "--db", store_url).returncode == 1
    rerun = finish("ingest", str(folder), "--db", store_url)
    assert rerun.returncode == 0, rerun.stderr
    assert "stored earlier but in no incident are now linked" in rerun.stderr
    assert store.count_articles() == REPORTS
    assert {event.event_id for event in store.iter_events()} == extracted_ids(folder)
    assert_complete(store, store_url)


def test_two_concurrent_ingests_equal_one_sequential_run(
    store: Store, store_url: str, tmp_path: Path
) -> None:
    folder = write_reports(tmp_path / "reports", REPORTS // 2)
    command = ("ingest", str(folder), "--db", store_url)
    runs = [sitreport(*command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    for run in runs:
        _, err = run.communicate(timeout=WAIT_SECONDS)
        assert run.returncode == 0, err
    assert store.count_articles() == REPORTS // 2
    assert_complete(store, store_url)


def test_an_input_spacy_cannot_take_is_reported_and_the_run_completes(
    store: Store, store_url: str, tmp_path: Path
) -> None:
    folder = write_reports(tmp_path / "reports", 8)
    write_over_long(folder / "report_004_dump.txt", 1_000_000)
    done = finish("ingest", str(folder), "--db", store_url)
    assert done.returncode == 2
    errors = [line for line in done.stderr.splitlines() if line.startswith("error")]
    assert len(errors) == 1 and "report_004_dump.txt" in errors[0] and "too long" in errors[0]
    assert "Traceback" not in done.stderr
    assert store.count_articles() == 8
    assert_complete(store, store_url)
