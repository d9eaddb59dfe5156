"""Vague reports (only a governorate, only a month, no date): bounded probing and ambiguity."""

from __future__ import annotations

from datetime import date, timedelta

from sitreport.link import link_events
from sitreport.link.blocking import PROBE_LIMIT
from sitreport.options import Options
from sitreport.records import Event, Place, Quantity

OPTIONS = Options()
IDLIB = Place(name="Idlib", admin1="Idlib", country="Syria", precision=3, kind="governorate")
ARIHA = Place(name="Ariha", admin1="Idlib", country="Syria", precision=1)
SARAQIB = Place(name="Saraqib", admin1="Idlib", country="Syria", precision=1)


def clash(event_id: str, place: Place, killed: int | None, day: str | None = "2019-03-20") -> Event:
    return Event(
        event_id=event_id,
        article_id=f"article-{event_id}",
        event_type="armed_clash",
        date=day,
        date_precision="day" if day else None,
        date_text="on Wednesday" if day else None,
        location=place,
        quantities=[Quantity("killed", killed, "exact", kind="fighters")] if killed is not None else [],
    )


def members_with(events: list[Event], event_id: str) -> list[str]:
    return next(i.events for i in link_events(events, OPTIONS) if event_id in i.events)


def test_vague_report_fitting_two_incidents_equally_stays_apart() -> None:
    towns = [clash("ariha", ARIHA, 12), clash("saraqib", SARAQIB, 30)]
    assert members_with([*towns, clash("idlib", IDLIB, None)], "idlib") == ["idlib"]


def test_vague_report_joins_the_one_incident_its_figure_fits() -> None:
    towns = [clash("ariha", ARIHA, 12), clash("saraqib", SARAQIB, 30)]
    assert members_with([*towns, clash("idlib", IDLIB, 12)], "idlib") == ["ariha", "idlib"]


def test_vague_report_with_a_single_candidate_joins_it() -> None:
    assert members_with([clash("ariha", ARIHA, 12), clash("idlib", IDLIB, None)], "idlib") == [
        "ariha",
        "idlib",
    ]


def test_undated_report_finds_its_figure_in_a_busy_town() -> None:
    # More reports in the town than a vague report may read: the figure index must find it.
    first = date(2019, 1, 1)
    busy = [
        clash(f"ariha-{n:03d}", ARIHA, 3 + n % 5, (first + timedelta(days=n)).isoformat())
        for n in range(3 * PROBE_LIMIT)
    ]
    busy.append(clash("ariha-big", ARIHA, 140, "2019-06-01"))
    assert members_with([*busy, clash("undated", ARIHA, 140, None)], "undated") == ["ariha-big", "undated"]


def test_undated_report_with_a_figure_too_common_to_tell_stays_apart() -> None:
    first = date(2019, 1, 1)
    alike = [
        clash(f"ariha-{n:03d}", ARIHA, 4, (first + timedelta(days=5 * n)).isoformat())
        for n in range(PROBE_LIMIT)
    ]
    assert members_with([*alike, clash("undated", ARIHA, 4, None)], "undated") == ["undated"]
