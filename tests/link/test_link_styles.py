"""Multi-outlet sample corpus in several styles (tests/link/styles, invented; see its README):
clean → extract → link, then one incident per invented happening, told by its outlets."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreport.options import Options

from .told_corpus import Invented, Linked, file_key, incidents_holding, link_folder, reports_of

OPTIONS = Options()
STYLES = Path(__file__).resolve().parent / "styles"
file_of = file_key(r"^(\w+?)\.txt$")
STRIKE = frozenset({"remote_violence", "casualties"})
INVENTED = {
    "market strike": Invented(
        frozenset({"m1_wire", "m2_monitor", "m3_rescue", "m4_state", "m5_scraped"}),
        STRIKE,
        "Maarat al-Numan",
        "2019-05-12",
    ),
    "second strike": Invented(frozenset({"d1_wire"}), STRIKE, "Maarat al-Numan", "2019-05-14"),
    "car bomb": Invented(frozenset({"a1_wire", "a2_local", "a3_agency"}), STRIKE, "Azaz", "2019-05-15"),
    "rocket fire": Invented(frozenset({"h1_state", "h2_monitor"}), STRIKE, "Mhardeh", "2019-05-12"),
    # Each outlet blames the other side: conflicting doers weigh against the link, and one town,
    # day, type and toll outweigh them.
    "opposite blame": Invented(
        frozenset({"o1_state", "o2_opposition"}), STRIKE, "Suqaylabiyah", "2019-05-16"
    ),
}


@pytest.fixture(scope="module")
def linked() -> Linked:
    return link_folder(STYLES, OPTIONS)


def dated_reports(name: str, linked: Linked) -> set[str]:
    """Reports of the incident that have a day to link on: their own, or their article's. The
    scraped page's glued date is not read as a publication date yet, and a report with neither
    never links, so it is left out."""
    _incidents, events = linked
    articles_with_days = {event.article_id for event in events.values() if event.date}
    return {
        event_id
        for event_id in reports_of(INVENTED[name], events, file_of)
        if events[event_id].date or events[event_id].article_id in articles_with_days
    }


@pytest.mark.parametrize("name", sorted(INVENTED))
def test_each_happening_is_one_incident(name: str, linked: Linked) -> None:
    assert reports_of(INVENTED[name], linked[1], file_of), f"extraction found no report of the {name}"
    holding = incidents_holding(linked[0], dated_reports(name, linked))
    assert len(holding) == 1, f"the {name} is split over {len(holding)} incidents"


@pytest.mark.parametrize("name", ["car bomb", "rocket fire"])
def test_outlets_disagreeing_on_the_toll_are_one_disputed_incident(name: str, linked: Linked) -> None:
    incidents, events = linked
    (incident,) = incidents_holding(incidents, dated_reports(name, linked))
    assert len({file_of(events[event_id]) for event_id in incident.events}) >= 2
    assert len({claim.value for claim in incident.claims if claim.category == "killed"}) >= 2


def test_no_incident_mixes_two_happenings(linked: Linked) -> None:
    incidents, events = linked
    for incident in incidents:
        told = {file_of(events[event_id]) for event_id in incident.events}
        assert sum(bool(told & invented.files) for invented in INVENTED.values()) <= 1, told


def test_pairwise_precision_and_recall_over_the_reports(linked: Linked) -> None:
    incidents, _events = linked
    truth = {event_id: name for name in INVENTED for event_id in dated_reports(name, linked)}
    together = {
        (a, b)
        for incident in incidents
        for a in incident.events
        for b in incident.events
        if a < b and a in truth and b in truth
    }
    expected = {(a, b) for a in truth for b in truth if a < b and truth[a] == truth[b]}
    hits = len(together & expected)
    precision = hits / len(together) if together else 1.0
    recall = hits / len(expected) if expected else 1.0
    print(f"styles corpus: pairwise precision {precision:.3f} recall {recall:.3f} over {len(truth)} reports")
    assert precision == 1.0
    assert recall == 1.0
