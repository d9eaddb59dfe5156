"""Incidents (linked events) and analyst decisions."""

from __future__ import annotations

import pytest

from sitreport.errors import StoreError
from sitreport.records import Incident
from sitreport.store import EventQuery, Store

from .store_samples import IDLIB, corpus, evacuation_incident, incident


@pytest.fixture
def filled(store: Store) -> Store:
    samples = corpus()
    for a in samples.articles:
        store.save_article(a, samples.events_of(a.article_id))
    return store


@pytest.fixture
def evac() -> Incident:
    return evacuation_incident()


@pytest.fixture
def strikes() -> Incident:
    return incident("i-strikes", "remote_violence", ["e3"], articles=["a2"], sources=["SOHR", "SANA"])


def test_replaced_incidents_read_back_equal(filled: Store, evac: Incident, strikes: Incident) -> None:
    filled.replace_incidents([strikes, evac])
    assert filled.get_incident("i-evac") == evac
    assert filled.get_incident("i-strikes") == strikes
    assert filled.get_incident("missing") is None


def test_incidents_list_dated_first_filter_by_type_and_page(
    filled: Store, evac: Incident, strikes: Incident
) -> None:
    filled.replace_incidents([strikes, evac])
    assert filled.list_incidents() == [evac, strikes]  # strikes has no date
    assert filled.list_incidents(event_type="remote_violence") == [strikes]
    assert filled.list_incidents(limit=1, offset=1) == [strikes]
    assert filled.count_incidents() == 2
    assert filled.count_incidents(event_type="evacuation") == 1
    assert filled.count_incidents(event_type="siege") == 0


@pytest.mark.parametrize(
    ("matching", "expected"),
    [
        (EventQuery(source="sohr"), ["i-strikes"]),  # e3 cites SOHR; e1 and e4 do not
        (EventQuery(place="Daraa"), ["i-evac"]),  # through e1's location
        (EventQuery(min_fatalities=10), ["i-strikes"]),
        (EventQuery(disputed=True), ["i-evac"]),
        (EventQuery(event_types=("evacuation", "remote_violence")), ["i-evac", "i-strikes"]),
        (EventQuery(event_types=("siege",)), []),
    ],
)
def test_incidents_filter_through_their_member_events(
    filled: Store, evac: Incident, strikes: Incident, matching: EventQuery, expected: list[str]
) -> None:
    filled.replace_incidents([strikes, evac])
    assert [i.incident_id for i in filled.list_incidents(matching=matching)] == expected
    assert filled.count_incidents(matching=matching) == len(expected)


def test_disputed_events_are_those_of_disputed_incidents(
    filled: Store, evac: Incident, strikes: Incident
) -> None:
    filled.replace_incidents([strikes, evac])
    disputed = filled.query_events(EventQuery(disputed=True))
    assert sorted(event.event_id for event in disputed) == ["e1", "e4"]


def test_incident_of_event_follows_membership(filled: Store, evac: Incident) -> None:
    filled.replace_incidents([evac])
    assert filled.incident_of_event("e4") == "i-evac"
    assert filled.incident_of_event("e1") == "i-evac"
    assert filled.incident_of_event("e2") is None


def test_replace_drops_what_is_not_given_again(filled: Store, evac: Incident, strikes: Incident) -> None:
    filled.replace_incidents([evac, strikes])
    filled.replace_incidents([strikes])
    assert filled.list_incidents() == [strikes]
    assert filled.incident_of_event("e1") is None


def test_upsert_updates_adds_and_removes(filled: Store, evac: Incident, strikes: Incident) -> None:
    filled.replace_incidents([evac, strikes])
    narrowed = incident("i-evac", "evacuation", ["e1"], date="2018-08", location=IDLIB)
    clash = incident("i-clash", "armed_clash", ["e2", "e4"], date="2018-08-01")

    filled.upsert_incidents([narrowed, clash], removed=["i-strikes"])

    assert filled.list_incidents() == [narrowed, clash]  # "2018-08" sorts before "2018-08-01"
    assert filled.incident_of_event("e4") == "i-clash"
    assert filled.incident_of_event("e3") is None


def test_an_event_cannot_join_two_incidents(filled: Store, evac: Incident) -> None:
    filled.replace_incidents([evac])
    thief = incident("i-thief", "evacuation", ["e1"])
    with pytest.raises(StoreError, match="could not update incidents"):
        filled.upsert_incidents([thief])
    assert filled.list_incidents() == [evac]  # the failed upsert changed nothing


def test_failed_replace_keeps_the_old_incidents(filled: Store, evac: Incident) -> None:
    filled.replace_incidents([evac])
    dangling = incident("i-dangling", "siege", ["no-such-event"])  # a foreign key must refuse it
    with pytest.raises(StoreError, match="could not replace incidents"):
        filled.replace_incidents([dangling])
    assert filled.list_incidents() == [evac]


def test_decisions_are_kept_in_order(store: Store) -> None:
    assert store.decisions() == []
    store.record_decision("merge", "i-1", "i-2")
    store.record_decision("split", "i-3", "e-9")
    store.record_decision("merge", "i-1", "i-2")
    assert store.decisions() == [("merge", "i-1", "i-2"), ("split", "i-3", "e-9"), ("merge", "i-1", "i-2")]


def test_unknown_decision_is_refused(store: Store) -> None:
    with pytest.raises(ValueError, match="unknown decision 'join'"):
        store.record_decision("join", "i-1", "i-2")
    assert store.decisions() == []
