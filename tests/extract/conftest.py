"""Running sample articles through annotate and extract, shared by the extract tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitreport.annotate import annotate
from sitreport.extract import extract_events
from sitreport.kb import KnowledgeBase, load_kb
from sitreport.options import Options
from sitreport.records import Article, Event, stable_id


def sample_article(
    text: str, title: str | None = None, published: str | None = None, name: str = "sample"
) -> Article:
    """An article as cleaning would give it, written for the tests."""
    return Article(
        article_id=stable_id(text),
        source=name,
        file=f"{name}.txt",
        text=text,
        title=title,
        published=published,
    )


def run_extract(text: str, title: str | None = None, published: str | None = None) -> list[Event]:
    """Events of one sample article, through annotate and extract as the CLI runs them."""
    article = sample_article(text, title, published)
    [(annotated, doc)] = list(annotate([article], Options()))
    return extract_events(annotated, doc, load_kb())


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="session")
def extract() -> Callable[..., list[Event]]:
    """Events of one sample article: ``extract(text, title=..., published=...)``."""
    return run_extract
