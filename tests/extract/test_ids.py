"""Event ids: stable for the same input, and never shared by two events of one article."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreport.options import Options
from sitreport.pipeline import ArticleResult, process_paths

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def results() -> list[ArticleResult]:
    return [r for r in process_paths([EXAMPLES], Options()) if isinstance(r, ArticleResult)]


@pytest.fixture(scope="module")
def example_results() -> list[ArticleResult]:
    return results()


def test_no_two_events_of_an_article_share_an_id(example_results: list[ArticleResult]) -> None:
    for result in example_results:
        ids = [event.event_id for event in result.events]
        assert len(ids) == len(set(ids)), result.article.file


def test_the_same_input_gives_the_same_ids(example_results: list[ArticleResult]) -> None:
    again = results()
    assert [[e.event_id for e in r.events] for r in again] == [
        [e.event_id for e in r.events] for r in example_results
    ]
