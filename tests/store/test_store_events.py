"""Reading events back: round trip, filters, sorting, paging and summaries."""

from __future__ import annotations

import itertools
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitreport.records import Article, Event
from sitreport.store import EventQuery, Store

from .store_samples import Corpus, article, article_records, belonging_to, corpus, event, event_records


@pytest.fixture
def samples() -> Corpus:
    return corpus()


@pytest.fixture
def filled(store: Store, samples: Corpus) -> Store:
    for a in samples.articles:
        store.save_article(a, samples.events_of(a.article_id))
    return store


def ids(found: list[Event]) -> list[str]:
    return [e.event_id for e in found]


_article_numbers = itertools.count()


# The store is shared by all examples on purpose: each example writes a new article.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(article_records, st.lists(event_records, max_size=4))
def test_events_and_articles_read_back_equal(store: Store, drawn: Article, events: list[Event]) -> None:
    written = replace(drawn, article_id=f"art-{next(_article_numbers)}")
    events = belonging_to(written.article_id, events)
    assert store.save_article(written, events)
    assert store.get_article(written.article_id) == written
    assert [store.get_event(e.event_id) for e in events] == events
    in_article = store.query_events(EventQuery(article_id=written.article_id, sort="event_type"))
    assert sorted(ids(in_article)) == sorted(ids(events))


def test_unknown_event_is_absent(filled: Store) -> None:
    assert filled.get_event("missing") is None


def test_query_returns_whole_events(filled: Store, samples: Corpus) -> None:
    assert filled.query_events(EventQuery(article_id="a1")) == samples.events_of("a1")


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (EventQuery(), ["e5", "e1", "e2", "e3", "e4"]),
        (EventQuery(event_type="evacuation"), ["e1", "e4"]),
        # e2 is dated 2018-08: some day of August is on or after the 2nd.
        (EventQuery(date_from="2018-08-02"), ["e2", "e3"]),
        (EventQuery(date_to="2018-08-01"), ["e5", "e1", "e2"]),
        (EventQuery(date_from="2018-08-01", date_to="2018-08-01"), ["e1", "e2"]),
        (EventQuery(date_from="2018-07", date_to="2018-07"), ["e5"]),
        (EventQuery(place="daraa"), ["e5", "e1"]),  # e1's location, e5's origin
        (EventQuery(place="IDLIB"), ["e1", "e2"]),  # e1's destination name, e2's admin1
        (EventQuery(place="ÉRIHA"), ["e2"]),
        (EventQuery(place="Dar"), []),  # a place is matched whole, not as a substring
        (EventQuery(actor="Russia"), ["e1", "e3"]),
        (EventQuery(source="SANA"), ["e1", "e3"]),
        (EventQuery(text="BUSES"), ["e1"]),
        (EventQuery(text="truce"), ["e5"]),  # only in the article title
        (EventQuery(text="50%"), ["e3"]),  # % is a character here, not a wildcard
        (EventQuery(text="_"), []),
        (EventQuery(article_id="a2"), ["e3", "e4"]),
        (EventQuery(event_type="evacuation", place="Daraa"), ["e1"]),
        (EventQuery(source="SOHR", actor="Russia", date_to="2018-08-31"), ["e3"]),
        (EventQuery(event_type="evacuation", source="SOHR"), []),
        # Forgiving filters: any of several types, names in any case, other names of a place.
        (EventQuery(event_types=("evacuation", "agreement")), ["e5", "e1", "e4"]),
        (EventQuery(event_types=("evacuation",), event_type="evacuation"), ["e1", "e4"]),
        (EventQuery(source="sana"), ["e1", "e3"]),
        (EventQuery(actor="RUSSIA"), ["e1", "e3"]),
        (EventQuery(actor="Rus"), []),  # a whole name, not a part of one
        (EventQuery(place="Deraa", place_names=("Daraa",)), ["e5", "e1"]),
        (EventQuery(place_names=("Nowhere", "Hama")), ["e3"]),
        (EventQuery(min_fatalities=12), ["e3"]),
        (EventQuery(min_fatalities=13), []),
    ],
)
def test_filters_combine_with_and(filled: Store, query: EventQuery, expected: list[str]) -> None:
    assert ids(filled.query_events(query)) == expected
    assert filled.count_events(query) == len(expected)


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("date", ["e5", "e1", "e2", "e3", "e4"]),
        ("-date", ["e3", "e1", "e2", "e5", "e4"]),
        ("event_type", ["e5", "e2", "e1", "e4", "e3"]),
        ("-event_type", ["e3", "e1", "e4", "e2", "e5"]),
        ("confidence", ["e2", "e4", "e5", "e3", "e1"]),
        ("-confidence", ["e1", "e3", "e5", "e2", "e4"]),
        # Byte order on both engines: "ériha" after "quneitra", undated/unplaced last.
        ("place", ["e1", "e3", "e5", "e2", "e4"]),
        ("-place", ["e2", "e5", "e3", "e1", "e4"]),
    ],
)
def test_sorts_put_nulls_last_and_break_ties_by_id(filled: Store, sort: str, expected: list[str]) -> None:
    assert ids(filled.query_events(EventQuery(sort=sort))) == expected


def test_pages_cover_the_sorted_list(filled: Store) -> None:
    pages = [ids(filled.query_events(EventQuery(limit=2, offset=offset))) for offset in (0, 2, 4, 6)]
    assert pages == [["e5", "e1"], ["e2", "e3"], ["e4"], []]
    assert filled.count_events(EventQuery(limit=1, offset=3)) == 5


@pytest.mark.parametrize(
    "query",
    [
        EventQuery(sort="title"),
        EventQuery(date_from="August"),
        EventQuery(date_to="2018-13-01"),
        EventQuery(limit=-1),
    ],
)
def test_bad_queries_are_refused(filled: Store, query: EventQuery) -> None:
    with pytest.raises(ValueError):
        filled.query_events(query)


def test_event_type_counts_follow_filters(filled: Store) -> None:
    assert filled.event_type_counts(EventQuery()) == {
        "agreement": 1,
        "armed_clash": 1,
        "evacuation": 2,
        "remote_violence": 1,
    }
    assert filled.event_type_counts(EventQuery(source="SOHR")) == {"armed_clash": 1, "remote_violence": 1}


@pytest.mark.parametrize(
    ("by", "expected"),
    [
        (
            "day",
            [
                ("2018-07-30", "agreement"),
                ("2018-08-01", "armed_clash"),
                ("2018-08-01", "evacuation"),
                ("2018-08-03", "remote_violence"),
            ],
        ),
        # 2018-07-30 is a Monday, and every dated sample falls in that week.
        ("week", [("2018-07-30", t) for t in ("agreement", "armed_clash", "evacuation", "remote_violence")]),
        (
            "month",
            [
                ("2018-07", "agreement"),
                ("2018-08", "armed_clash"),
                ("2018-08", "evacuation"),
                ("2018-08", "remote_violence"),
            ],
        ),
    ],
)
def test_date_counts_per_period_leave_out_undated(
    filled: Store, by: str, expected: list[tuple[str, str]]
) -> None:
    counts = filled.date_counts(EventQuery(), by=by)
    assert counts == [{"period": period, "event_type": t, "count": 1} for period, t in expected]


def test_date_counts_follow_filters_and_refuse_unknown_periods(filled: Store) -> None:
    counts = filled.date_counts(EventQuery(event_type="evacuation"), by="month")
    assert counts == [{"period": "2018-08", "event_type": "evacuation", "count": 1}]
    assert filled.date_counts(EventQuery(event_type="evacuation"), by="year") == [
        {"period": "2018", "event_type": "evacuation", "count": 1}
    ]
    with pytest.raises(ValueError, match="unknown period"):
        filled.date_counts(EventQuery(), by="decade")


def test_date_span_is_the_first_and_last_matching_day(filled: Store) -> None:
    assert filled.date_span(EventQuery()) == ("2018-07-30", "2018-08-03")
    assert filled.date_span(EventQuery(event_type="evacuation")) == ("2018-08-01", "2018-08-01")
    assert filled.date_span(EventQuery(event_type="siege")) is None


def test_date_fatalities_sum_each_events_largest_killed_figure(filled: Store) -> None:
    assert filled.date_fatalities(EventQuery(), by="day") == [{"period": "2018-08-03", "fatalities": 12}]
    assert filled.date_fatalities(EventQuery(), by="year") == [{"period": "2018", "fatalities": 12}]
    assert filled.date_fatalities(EventQuery(event_type="evacuation"), by="month") == []


def test_iter_events_streams_everything_in_id_order(store: Store) -> None:
    many = [event(f"ev-{n:04d}", "bulk", "aid", f"aid {n}") for n in range(1203)]  # three chunks
    store.save_article(article("bulk", "Aid arrives", "Sample Outlet"), list(reversed(many)))
    streamed = store.iter_events()
    assert next(streamed) == many[0]
    assert [many[0], *streamed] == many


def test_iter_events_on_an_empty_store_yields_nothing(store: Store) -> None:
    assert list(store.iter_events()) == []


def test_sources_summary_counts_events_articles_and_outlets(filled: Store) -> None:
    assert filled.sources_summary() == [
        # e3 names its own outlet ("Al-Masdar News"); e1 takes its article's ("Enab Baladi").
        {"source": "SANA", "events": 2, "articles": 2, "outlets": 2},
        {"source": "SOHR", "events": 2, "articles": 2, "outlets": 2},
        {"source": "Reuters", "events": 1, "articles": 1, "outlets": 1},
    ]


def test_places_summary_counts_events_per_place(filled: Store) -> None:
    summary = filled.places_summary()
    assert summary[0] == {
        "name": "Daraa",
        "admin1": "Daraa",
        "country": "Syria",
        "lat": 32.6189,
        "lon": 36.1021,
        "events": 2,
    }
    assert [(p["name"], p["events"]) for p in summary[1:]] == [
        ("Busra al-Harir", 1),
        ("Hama", 1),
        ("Idlib", 1),
        ("Quneitra", 1),
        ("Ériha", 1),
    ]
