"""Incremental linking reads the neighbourhood of the new events, not the store, and links
exactly as one linking of everything would (sitreport.neighbourhood)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

from sitreport.ledger import link_pending, record_decision, relink_all
from sitreport.link import link_events
from sitreport.neighbourhood import read_neighbourhood
from sitreport.options import Options
from sitreport.store import Store
from sitreport.synthetic import synthetic_ledger

OPTIONS = Options()


def memberships(store: Store) -> set[frozenset[str]]:
    return {frozenset(incident.events) for incident in store.list_incidents(limit=100_000)}


def linked_at_once(store: Store) -> set[frozenset[str]]:
    everything = link_events(store.iter_events(), OPTIONS, store.decisions(), store.publication_dates())
    return {frozenset(incident.events) for incident in everything}


def test_linking_in_rounds_gives_the_incidents_of_one_linking_of_everything(store: Store) -> None:
    articles = list(synthetic_ledger(500, seed=7, per_day=15))
    for start in range(0, len(articles), 60):
        store.save_articles(articles[start : start + 60])
        link_pending(store, OPTIONS)
    assert store.pending_event_ids() == []
    assert memberships(store) == linked_at_once(store)
    relinked = memberships(store)
    relink_all(store, OPTIONS)
    assert memberships(store) == relinked


def test_decisions_relink_only_what_they_touch_and_equal_a_full_run(store: Store) -> None:
    store.save_articles(list(synthetic_ledger(200, seed=8, per_day=15)))
    link_pending(store, OPTIONS)
    pairs = [incident.events for incident in store.list_incidents(limit=1000) if len(incident.events) > 1]
    record_decision(store, "split", pairs[0][0], pairs[0][1], OPTIONS)
    incidents = store.list_incidents(limit=1000)
    singles = [incident.events[0] for incident in incidents if len(incident.events) == 1]
    record_decision(store, "merge", singles[0], singles[-1], OPTIONS)
    assert memberships(store) == linked_at_once(store)


def test_new_events_read_a_neighbourhood_that_does_not_grow_with_the_store(tmp_path: Path) -> None:
    """The same new articles, dated in the first year of a ledger, read about as much of a
    ledger of one year as of one with three more years after it: what they are linked against
    is a bounded index range, not the store."""
    first_year = list(synthetic_ledger(1460, seed=9, per_day=4))
    later_years = list(synthetic_ledger(4380, seed=11, per_day=4, start=date(2017, 1, 1)))
    new = list(synthetic_ledger(20, seed=12, per_day=4, start=date(2016, 6, 1)))
    read: list[int] = []
    for name, ledger in (("short", first_year), ("long", first_year + later_years)):
        with Store(f"sqlite:///{tmp_path / f'{name}.db'}") as store:
            store.save_articles(ledger)
            link_pending(store, OPTIONS)
            store.save_articles(new)
            seeds = set(store.pending_event_ids())
            read.append(len(read_neighbourhood(store, OPTIONS, store.decisions(), seeds).events))
    assert read[0] < 1460 / 4
    assert read[1] <= read[0] * 1.1


def test_a_store_made_before_link_keys_gets_them_when_opened(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'old.db'}"
    with Store(url) as store:
        store.save_articles(list(synthetic_ledger(120, seed=10, per_day=15)))
        unlinked = store.unlinked_event_ids()
    engine = create_engine(url)  # what a store of the version before these tables looks like
    with engine.begin() as connection:
        connection.execute(text("DROP TABLE link_keys"))
        connection.execute(text("DROP TABLE pending_events"))
    engine.dispose()
    with Store(url) as store:
        assert store.pending_event_ids() == unlinked
        link_pending(store, OPTIONS)
        assert store.unlinked_event_ids() == []
        assert memberships(store) == linked_at_once(store)
