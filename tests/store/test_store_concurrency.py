"""Several processes ingesting the same articles at once still store each one once."""

from __future__ import annotations

import multiprocessing
import random
from pathlib import Path

from sitreport.store import EventQuery, Store

from .store_samples import save_in_order

ARTICLES = 20
WRITERS = 3


def test_concurrent_writers_store_each_article_once(store: Store, store_url: str) -> None:
    orders = [random.Random(seed).sample(range(ARTICLES), ARTICLES) for seed in range(WRITERS)]
    with multiprocessing.get_context("spawn").Pool(WRITERS) as pool:
        new_per_writer = pool.starmap(save_in_order, [(store_url, order) for order in orders])
    assert sum(new_per_writer) == ARTICLES
    assert store.count_articles() == ARTICLES
    assert store.count_events(EventQuery()) == ARTICLES


def open_store(url: str) -> int:
    """Open (and so create) the store from a fresh process; how many articles it holds."""
    with Store(url) as opened:
        return opened.count_articles()


def test_processes_opening_a_new_store_at_once_all_succeed(tmp_path: Path) -> None:
    # Two ingests started together on a new SQLite file both created its tables, and one
    # failed with "table articles already exists".
    urls = [f"sqlite:///{tmp_path / f'new{round_}.db'}" for round_ in range(4)]
    with multiprocessing.get_context("spawn").Pool(WRITERS) as pool:
        for url in urls:
            assert pool.map(open_store, [url] * WRITERS) == [0] * WRITERS
