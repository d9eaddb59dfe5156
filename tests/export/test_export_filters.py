"""`sitreport export` filtered like the web downloads, through the same code (export/stored.py)."""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sitreport.cli import app
from sitreport.link import link_events
from sitreport.options import Options
from sitreport.records import Article, Event
from sitreport.store import Store


@pytest.fixture(scope="module")
def db_url(tmp_path_factory: pytest.TempPathFactory, sample_events: list[Event]) -> str:
    """A real SQLite store holding the sample corpus's events under sample articles."""
    url = f"sqlite:///{tmp_path_factory.mktemp('filters') / 'ledger.db'}"
    store = Store(url)
    by_article: dict[str, list[Event]] = defaultdict(list)
    for event in sample_events:
        by_article[event.article_id].append(event)
    for article_id, events in by_article.items():
        text = f"Sample article {article_id}."  # written for this test
        store.save_article(Article(article_id, "sample", f"{article_id}.txt", text), events)
    store.replace_incidents(link_events(sample_events, Options()))
    store.close()
    return url


def export(db_url: str, *args: str) -> str:
    result = CliRunner().invoke(app, ["export", "--db", db_url, *args])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_the_type_filter_keeps_only_that_type(db_url: str, sample_events: list[Event]) -> None:
    rows = [json.loads(line) for line in export(db_url, "--type", "evacuation").splitlines()]
    assert rows and {row["event_type"] for row in rows} == {"evacuation"}
    assert len(rows) == sum(event.event_type == "evacuation" for event in sample_events)


def test_date_place_and_source_filters_combine(db_url: str, sample_events: list[Event]) -> None:
    text = export(
        db_url, "--format", "acled", "--from", "2019-03-10", "--to", "2019-03-10", "--source", "LSA"
    )
    rows = list(csv.DictReader(io.StringIO(text)))
    expected = [e for e in sample_events if e.date == "2019-03-10" and "LSA" in e.sources]
    assert expected and len(rows) == len(expected)
    place = expected[0].location
    assert place is not None
    by_place = [json.loads(line) for line in export(db_url, "--place", place.name).splitlines()]
    assert by_place and all(place.name in json.dumps(row) for row in by_place)


def test_incidents_are_those_with_a_matching_event(db_url: str, sample_events: list[Event]) -> None:
    rows = [json.loads(line) for line in export(db_url, "--incidents", "--type", "armed_clash").splitlines()]
    clashes = {e.event_id for e in sample_events if e.event_type == "armed_clash"}
    assert rows and all(clashes.intersection(row["events"]) for row in rows)


def test_a_bad_date_is_an_error_not_a_traceback(db_url: str) -> None:
    result = CliRunner().invoke(app, ["export", "--db", db_url, "--from", "last week"])
    assert result.exit_code == 2 and "ISO date" in result.output


def test_output_file_is_written(db_url: str, tmp_path: Path) -> None:
    target = tmp_path / "ledger.geojson"
    export(db_url, "--format", "geojson", "-o", str(target))
    assert json.loads(target.read_text(encoding="utf-8"))["type"] == "FeatureCollection"
