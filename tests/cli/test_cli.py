"""End to end through the installed ``sitreport`` command, as a user runs it."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import click
import pytest
import typer.main
import typer.testing

from sitreport.cli import app

REPO = Path(__file__).resolve().parents[2]
SITREPORT = Path(sys.executable).with_name("sitreport")
CONTRACT_EVENT_FIELDS = {"event_id", "article_id", "source_file", "event_type", "date", "date_precision",
                         "date_text", "location", "origin", "destination", "actors", "quantities", "sources",
                         "evidence", "confidence"}
CONTRACT_CLEAN_FIELDS = {"file", "title", "published", "agency", "dateline", "text"}

# A sample report written for these tests, not taken from any outlet.
SAMPLE_REPORT = """Convoy leaves besieged town of Talbiseh, monitor says

March 3, 2019 at 10:15 am

About 300 fighters and their families left Talbiseh in northern Homs province for Idlib on Sunday \
aboard 12 buses, the Syrian Observatory for Human Rights said.

The evacuation followed a ceasefire agreed on Friday between rebels and government forces, the monitor said.
"""

# A sample in Arabic, written for these tests, saved in the legacy Windows Arabic code page.
ARABIC_SAMPLE = """مقال تجريبي: حافلات تغادر درعا

قالت وكالة الأنباء الرسمية إن عشر حافلات تقل مسلحين وعائلاتهم غادرت مدينة درعا صباح الخميس \
باتجاه الشمال السوري بموجب اتفاق التسوية.

وأضافت الوكالة أن وحدات الهندسة بدأت بإزالة الألغام من الأحياء الجنوبية للمدينة بعد خروج الحافلات.
"""


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1"}
    command = [str(SITREPORT), *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, env=env, timeout=300)


def command_paths(group: click.Group, prefix: str = "") -> list[str]:
    paths: list[str] = []
    for name, command in sorted(group.commands.items()):
        path = f"{prefix} {name}".strip()
        paths.append(path)
        if isinstance(command, click.Group):
            paths.extend(command_paths(command, path))
    return paths


ALL_COMMANDS = command_paths(typer.main.get_command(app))  # type: ignore[arg-type]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "talbiseh.txt").write_text(SAMPLE_REPORT, encoding="utf-8")
    return tmp_path


def test_every_command_is_documented_in_the_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    missing = [path for path in ALL_COMMANDS if f"sitreport {path}" not in readme]
    assert not missing, f"commands without a usage example in README.md: {missing}"


@pytest.mark.parametrize("command", ALL_COMMANDS)
def test_every_command_explains_itself_with_an_example(command: str) -> None:
    result = typer.testing.CliRunner().invoke(app, [*command.split(), "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "Example" in result.output or command in {"incidents", "kb"}, result.output


def test_clean_json_has_the_contract_fields(workdir: Path) -> None:
    result = run("clean", "reports/talbiseh.txt", "--json", cwd=workdir)
    assert result.returncode == 0, result.stderr
    [row] = [json.loads(line) for line in result.stdout.splitlines()]
    assert set(row) >= CONTRACT_CLEAN_FIELDS
    assert row["file"] == "talbiseh.txt"
    assert row["title"].startswith("Convoy leaves")
    assert row["published"].startswith("2019-03-03")
    assert "March 3, 2019" not in row["text"]


def test_extract_prints_contract_events(workdir: Path) -> None:
    result = run("extract", "reports/talbiseh.txt", cwd=workdir)
    assert result.returncode == 0, result.stderr
    events = [json.loads(line) for line in result.stdout.splitlines()]
    assert events, "the sample report describes an evacuation"
    for event in events:
        assert set(event) >= CONTRACT_EVENT_FIELDS
    evacuation = next(e for e in events if e["event_type"] == "evacuation")
    assert {(q["category"], q["value"]) for q in evacuation["quantities"]} >= {("buses", 12)}
    assert "SOHR" in evacuation["sources"]


def test_bad_inputs_are_named_in_one_line_each_and_the_rest_is_stored(workdir: Path) -> None:
    reports = workdir / "reports"
    (reports / "empty.txt").write_bytes(b"")
    (reports / "binary.txt").write_bytes(bytes(range(256)) * 8)
    (reports / "arabic.txt").write_bytes(ARABIC_SAMPLE.encode("cp1256"))
    (reports / "corpus.csv").write_text("id,headline\n1,no body column\n", encoding="utf-8")
    result = run("ingest", "reports", "missing.txt", "--db", "sqlite:///ledger.db", cwd=workdir)
    assert result.returncode == 2
    error_lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    named = {name: [line for line in error_lines if name in line] for name in
             ("empty.txt", "binary.txt", "corpus.csv", "missing.txt")}
    assert all(len(lines) == 1 for lines in named.values()), result.stderr
    with sqlite3.connect(workdir / "ledger.db") as db:
        files = {row[0] for row in db.execute("select file from articles")}
    assert {"talbiseh.txt", "arabic.txt"} <= files


def test_ingesting_twice_stores_each_article_once(workdir: Path) -> None:
    for _ in range(2):
        assert run("ingest", "reports", "--db", "sqlite:///ledger.db", cwd=workdir).returncode == 0
    with sqlite3.connect(workdir / "ledger.db") as db:
        assert db.execute("select count(*) from articles").fetchone()[0] == 1
    listing = run("events", "--db", "sqlite:///ledger.db", "--json", cwd=workdir)
    events = [json.loads(line) for line in listing.stdout.splitlines()]
    evacuation = next(e for e in events if e["event_type"] == "evacuation")
    assert evacuation["origin"]["admin1"] == "Homs" and evacuation["origin"]["lat"] is not None
    assert evacuation["destination"]["name"] == "Idlib"
    table = run("events", "--db", "sqlite:///ledger.db", cwd=workdir)
    assert "evacuation" in table.stdout and "2019-03-03" in table.stdout


def test_export_writes_each_format(workdir: Path) -> None:
    assert run("ingest", "reports", "--db", "sqlite:///ledger.db", cwd=workdir).returncode == 0
    for fmt in ("jsonl", "csv", "geojson", "acled", "plover"):
        result = run("export", "--format", fmt, "--db", "sqlite:///ledger.db", cwd=workdir)
        assert result.returncode == 0, result.stderr
        assert result.stdout.strip(), fmt
    exported = run("export", "--format", "geojson", "--db", "sqlite:///ledger.db", cwd=workdir)
    geojson = json.loads(exported.stdout)
    assert geojson["type"] == "FeatureCollection"


def test_unknown_export_format_is_an_error_that_lists_the_formats(workdir: Path) -> None:
    result = run("export", "--format", "xml", "--db", "sqlite:///ledger.db", cwd=workdir)
    assert result.returncode == 2
    assert re.search(r"not one of .*geojson", result.stderr)


def test_bad_database_url_says_what_to_check(workdir: Path) -> None:
    result = run("events", "--db", "nosuchdb://nowhere", cwd=workdir)
    assert result.returncode == 2
    assert "error:" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.slow
def test_ingest_on_a_local_dask_cluster_stores_the_same_events(workdir: Path) -> None:
    assert run("ingest", "reports", "--db", "sqlite:///plain.db", cwd=workdir).returncode == 0
    result = run("ingest", "reports", "--db", "sqlite:///dask.db", "--cluster", "local:2", cwd=workdir)
    assert result.returncode == 0, result.stderr

    def event_ids(name: str) -> set[str]:
        with sqlite3.connect(workdir / name) as db:
            return {row[0] for row in db.execute("select event_id from events")}

    assert event_ids("dask.db") == event_ids("plain.db") != set()
