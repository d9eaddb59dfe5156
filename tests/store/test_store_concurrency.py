"""Several processes ingesting the same articles at once still store each one once."""

from __future__ import annotations

import multiprocessing
import random

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
