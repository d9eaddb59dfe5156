"""The command line under bad option values, missing stores, long listings and closed pipes.

Each test stands for a failure a user met: a traceback for a bad date, an empty database made
out of a mistyped --db path, a listing silently cut at 50 rows, exit 1 under ``| head``.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from sitreport.records import Article, Event
from sitreport.store import Store

from .test_cli import SAMPLE_REPORT, SITREPORT, run

EVENTS = 60


@pytest.fixture
def filled(tmp_path: Path) -> Path:
    """A store of sample events (no spaCy needed), more than one page of the default listing."""
    with Store(f"sqlite:///{tmp_path / 'ledger.db'}") as store:
        for number in range(EVENTS):
            article = Article(f"a{number:03d}", f"s{number}.txt", f"s{number}.txt", f"Sample body {number}.")
            event = Event(f"e{number:03d}", article.article_id, "aid", date="2021-09-14")
            store.save_article(article, [event])
    return tmp_path


def error_lines(result: subprocess.CompletedProcess[str]) -> list[str]:
    assert "Traceback" not in result.stderr, result.stderr
    return [line for line in result.stderr.splitlines() if line.startswith("error")]


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["events", "--from", "2022-13-01"], "--from"),
        (["events", "--to", "yesterday"], "--to"),
        (["events", "--limit", "-1"], "--limit"),
        (["incidents", "--limit", "-5"], "--limit"),
    ],
)
def test_a_bad_option_value_is_one_error_line_naming_it(filled: Path, args: list[str], named: str) -> None:
    result = run(*args, "--db", "sqlite:///ledger.db", cwd=filled)
    assert result.returncode == 2
    [line] = error_lines(result)
    assert named in line


@pytest.mark.parametrize(
    ("args", "named"),
    [
        (["events", "--limit", "many"], "--limit"),
        (["extract", "--no-such-flag", "x.txt"], "--no-such-flag"),
        (["extract"], "files"),
        (["no-such-command"], "no-such-command"),
    ],
)
def test_a_usage_error_is_one_line_naming_the_input_and_where_to_look(
    tmp_path: Path, args: list[str], named: str
) -> None:
    result = run(*args, cwd=tmp_path)
    assert result.returncode == 2
    [line] = error_lines(result)
    assert named in line
    assert "--help" in line
    assert "╭" not in result.stderr


def test_a_bad_cluster_is_one_error_line_before_anything_is_stored(tmp_path: Path) -> None:
    result = run("ingest", "nothing.txt", "--cluster", "local:x", "--db", "sqlite:///new.db", cwd=tmp_path)
    assert result.returncode == 2
    [line] = error_lines(result)
    assert "--cluster" in line
    assert not (tmp_path / "new.db").exists()


@pytest.mark.parametrize(
    "command", [["events"], ["incidents"], ["incident", "x"], ["check"], ["link"], ["framing"], ["export"]]
)
def test_reading_a_store_that_does_not_exist_says_so_and_creates_nothing(
    tmp_path: Path, command: list[str]
) -> None:
    result = run(*command, "--db", "sqlite:///mistyped.db", cwd=tmp_path)
    assert result.returncode == 2
    [line] = error_lines(result)
    assert "no store" in line and "mistyped.db" in line
    assert not (tmp_path / "mistyped.db").exists()


def test_a_listing_cut_by_limit_says_so_and_limit_0_lists_everything(filled: Path) -> None:
    cut = run("events", "--json", "--db", "sqlite:///ledger.db", cwd=filled)
    assert len(cut.stdout.splitlines()) == 50
    assert "showing 50 of 60 events; --limit 0 for all" in cut.stderr
    whole = run("events", "--json", "--limit", "0", "--db", "sqlite:///ledger.db", cwd=filled)
    assert {json.loads(line)["event_id"] for line in whole.stdout.splitlines()} == {
        f"e{number:03d}" for number in range(EVENTS)
    }
    assert "showing" not in whole.stderr


def test_a_closed_pipe_ends_the_listing_quietly(filled: Path) -> None:
    process = subprocess.Popen(
        [str(SITREPORT), "events", "--json", "--limit", "0", "--db", "sqlite:///ledger.db"],
        cwd=filled, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    process.stdout.close()  # the reader goes away before a line is written, as `| head -0` would
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err
    assert "Traceback" not in err and "BrokenPipe" not in err


def test_check_reports_events_in_no_incident_until_an_ingest_links_them(tmp_path: Path) -> None:
    (tmp_path / "report.txt").write_text(SAMPLE_REPORT, encoding="utf-8")
    stored = run("ingest", "report.txt", "--no-link", "--db", "sqlite:///ledger.db", cwd=tmp_path)
    assert stored.returncode == 0, stored.stderr
    faulty = run("check", "--db", "sqlite:///ledger.db", cwd=tmp_path)
    assert faulty.returncode == 1
    assert "events in no incident" in faulty.stderr
    again = run("ingest", "report.txt", "--db", "sqlite:///ledger.db", cwd=tmp_path)
    assert "now linked" in again.stderr
    assert run("check", "--db", "sqlite:///ledger.db", cwd=tmp_path).returncode == 0


def test_an_edited_file_ingested_again_replaces_its_earlier_version(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(SAMPLE_REPORT, encoding="utf-8")
    assert run("ingest", "report.txt", "--db", "sqlite:///ledger.db", cwd=tmp_path).returncode == 0
    report.write_text(SAMPLE_REPORT.replace("About 300 fighters", "About 350 fighters"), encoding="utf-8")
    assert run("ingest", "report.txt", "--db", "sqlite:///ledger.db", cwd=tmp_path).returncode == 0
    with Store("sqlite:///" + str(tmp_path / "ledger.db")) as store:
        [article] = store.list_articles()
        assert "About 350 fighters" in article.text
        assert len(store.revisions("report.txt")) == 1
        assert not any(store.integrity_faults().values())


def test_serve_reads_its_token_from_a_file_and_refuses_an_empty_one(filled: Path) -> None:
    (filled / "empty-token").write_text("\n", encoding="utf-8")
    args = ("serve", "--allow-ingest", "--token-file", "empty-token", "--db", "sqlite:///ledger.db")
    result = run(*args, cwd=filled)
    assert result.returncode == 2
    [line] = error_lines(result)
    assert "--token-file" in line and "empty" in line


def test_serve_warns_that_a_token_on_the_command_line_is_visible(filled: Path) -> None:
    # Read-only on a missing store: the command ends after the token is read; no server starts.
    result = run("serve", "--token", "sample-secret", "--db", "sqlite:///none.db", cwd=filled)
    assert "visible to other users" in result.stderr
    assert result.returncode == 2
