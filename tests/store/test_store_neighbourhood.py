"""Incremental linking reads the neighbourhood of the new events, not the store, and links
exactly as one linking of everything would where no incident is settled (sitreport.neighbourhood)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from sitreport.ledger import link_pending, record_decision, relink_all
from sitreport.link import link_events
from sitreport.neighbourhood import read_neighbourhood
from sitreport.options import Options
from sitreport.records import Article, Event, Place, Quantity
from sitreport.store import Store
from sitreport.synthetic import synthetic_ledger

OPTIONS = Options()
NOTHING_SETTLES = Options(settle_days=None)


def memberships(store: Store) -> set[frozenset[str]]:
    return {frozenset(incident.events) for incident in store.list_incidents(limit=100_000)}


def linked_at_once(store: Store) -> set[frozenset[str]]:
    everything = link_events(store.iter_events(), OPTIONS, store.decisions(), store.publication_dates())
    return {frozenset(incident.events) for incident in everything}


def link_in_rounds(store: Store, events: int, per_day: int, options: Options) -> None:
    articles = list(synthetic_ledger(events, seed=7, per_day=per_day))
    for start in range(0, len(articles), 60):
        store.save_articles(articles[start : start + 60])
        link_pending(store, options)
    assert store.pending_event_ids() == []


def test_linking_in_rounds_gives_the_incidents_of_one_linking_of_everything(store: Store) -> None:
    link_in_rounds(store, 500, 15, NOTHING_SETTLES)
    assert memberships(store) == linked_at_once(store)
    relinked = memberships(store)
    relink_all(store, NOTHING_SETTLES)
    assert memberships(store) == relinked


def test_where_every_day_is_within_settle_days_of_the_new_ones_nothing_settles(store: Store) -> None:
    """A dense ledger of three days, every round's reports within the default settle_days of
    every stored one: rounds still give one linking of everything."""
    assert OPTIONS.settle_days is not None and OPTIONS.settle_days >= 3
    link_in_rounds(store, 300, 100, OPTIONS)
    assert memberships(store) == linked_at_once(store)


def test_pending_events_are_taken_up_oldest_first_whatever_order_they_came_in(store: Store) -> None:
    """So that a round of linking covers a few days of a backlog, not all of it."""
    store.save_articles(list(synthetic_ledger(300, seed=13, per_day=10))[::-1])
    pending = store.pending_event_ids()
    events = {event.event_id: event for event in store.iter_events()}
    days = [[events[event_id].date for event_id in part] for part in (pending[:50], pending[-50:])]
    first, last = ([day for day in part if day is not None] for part in days)
    assert max(first) < min(last)
    assert store.pending_event_ids(limit=50) == pending[:50]


def test_decisions_relink_only_what_they_touch_and_equal_a_full_run(store: Store) -> None:
    store.save_articles(list(synthetic_ledger(200, seed=8, per_day=15)))
    link_pending(store, NOTHING_SETTLES)
    pairs = [incident.events for incident in store.list_incidents(limit=1000) if len(incident.events) > 1]
    record_decision(store, "split", pairs[0][0], pairs[0][1], NOTHING_SETTLES)
    incidents = store.list_incidents(limit=1000)
    singles = [incident.events[0] for incident in incidents if len(incident.events) == 1]
    record_decision(store, "merge", singles[0], singles[-1], NOTHING_SETTLES)
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


NEW_DAY = date(2016, 1, 26)


@pytest.fixture(scope="module")
def dense_ledgers(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], set[str]]:
    """Two dense ledgers (40 events a day), of 50 days and of 50 more days after those, each
    linked and then given the same twenty new events dated in the middle of the first: the
    stores' files, and the new events' ids."""
    folder = tmp_path_factory.mktemp("dense")
    first = list(synthetic_ledger(2000, seed=9, per_day=40))
    later = list(synthetic_ledger(2000, seed=11, per_day=40, start=date(2016, 2, 20)))
    new = list(synthetic_ledger(20, seed=12, per_day=40, start=NEW_DAY))
    paths = []
    for name, ledger in (("short", first), ("long", first + later)):
        paths.append(folder / f"{name}.db")
        with Store(f"sqlite:///{paths[-1]}") as store:
            store.save_articles(ledger)
            link_pending(store, OPTIONS)
            store.save_articles(new)
    return paths, {event.event_id for _, events in new for event in events}


def test_in_a_dense_ledger_settling_keeps_what_new_events_read_flat(
    dense_ledgers: tuple[list[Path], set[str]],
) -> None:
    """Where the candidate graph chains through the whole history, the events read (and those
    expanded) do not grow when as many days again are added after the new events'."""
    paths, seeds = dense_ledgers
    found = []
    for path in paths:
        with Store(f"sqlite:///{path}") as store:
            found.append(read_neighbourhood(store, OPTIONS, [], seeds))
    assert found[1].settled
    assert len(found[1].events) <= len(found[0].events) * 1.1
    assert len(found[1].expanded) <= len(found[0].expanded) * 1.1


def test_settled_incidents_are_left_as_they_were(
    dense_ledgers: tuple[list[Path], set[str]], tmp_path: Path
) -> None:
    """Linking the new events rewrites no incident dated more than settle_days (and the
    longest span of a report's days) before theirs, and leaves every event in one incident."""
    copy = tmp_path / "long.db"
    shutil.copy(dense_ledgers[0][1], copy)
    with Store(f"sqlite:///{copy}") as store:
        horizon = NEW_DAY - timedelta(days=(OPTIONS.settle_days or 0) + 14)
        before = {incident.incident_id: incident.date for incident in store.list_incidents(limit=100_000)}
        old = {incident_id for incident_id, day in before.items() if (day or "9") < horizon.isoformat()}
        link_pending(store, OPTIONS)
        after = {incident.incident_id for incident in store.list_incidents(limit=100_000)}
        assert old and old <= after
        assert after != before.keys()
        assert not any(store.integrity_faults().values())


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
        assert sorted(store.pending_event_ids()) == unlinked
        link_pending(store, OPTIONS)
        assert store.unlinked_event_ids() == []
        assert memberships(store) == linked_at_once(store)


def town_report(name: str, day: str | None) -> Event:
    """A sample report of a clash in a town with 12 killed, on a stated day or with none."""
    return Event(
        event_id=name,
        article_id=f"article-{name}",
        event_type="armed_clash",
        date=day,
        date_precision="day" if day else None,
        date_text="on Wednesday" if day else None,
        location=Place(name="Ariha", admin1="Idlib", country="Syria", precision=1),
        quantities=[Quantity("killed", 12, "exact")],
    )


def saved_alone(store: Store, event: Event) -> None:
    """A sample article holding one report, saved and linked on its own."""
    name = event.article_id
    article = Article(name, f"samples/{name}.txt", f"{name}.txt", "Sample.")
    store.save_articles([(article, [event])])
    link_pending(store, OPTIONS)


@pytest.mark.parametrize("dayless_first", [True, False])
def test_a_report_with_no_day_meets_its_town_whichever_article_comes_first(
    store: Store, dayless_first: bool
) -> None:
    """A report with no day may join any day's incident of its town, so each side must find the
    other in the link keys: the rounds give what one linking of everything gives."""
    dated, dayless = town_report("dated", "2019-03-20"), town_report("dayless", None)
    for event in (dayless, dated) if dayless_first else (dated, dayless):
        saved_alone(store, event)
    assert frozenset({"dated", "dayless"}) in memberships(store)
    assert memberships(store) == linked_at_once(store)



def test_a_full_relink_writes_the_link_keys_of_the_running_version(tmp_path: Path) -> None:
    """A store written before reports with no day had link keys: `sitreport link` gives them,
    so a later article of the town still finds such a report. Here the report with no day
    gives 12 killed and 5 wounded, alike with two incidents' 12 killed (a tie, so it stays
    apart) until a later report gives both figures."""
    wounded = Quantity("injured", 5, "exact")
    dayless = town_report("dayless", None)
    url = f"sqlite:///{tmp_path / 'older.db'}"
    with Store(url) as store:
        told = [replace(dayless, quantities=[*dayless.quantities, wounded])]
        for event in [*told, town_report("march", "2019-03-20"), town_report("may", "2019-05-20")]:
            saved_alone(store, event)
    engine = create_engine(url)  # the dayless report's key, as the version before wrote none
    with engine.begin() as connection:
        connection.execute(text("DELETE FROM link_keys WHERE event_id = 'dayless'"))
    engine.dispose()
    with Store(url) as store:
        relink_all(store, OPTIONS)
        later = town_report("later", "2019-05-20")
        saved_alone(store, replace(later, quantities=[*later.quantities, wounded]))
        assert frozenset({"dayless", "later", "may"}) in memberships(store)
        assert memberships(store) == linked_at_once(store)
