"""The sample corpus in examples/ (four invented incidents, see examples/README.md) links into
those four incidents, each told by all its outlets, plus side events its articles tell."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from sitreport.errors import InputError
from sitreport.ledger import all_incidents, link_pending, store_results
from sitreport.options import Options
from sitreport.pipeline import process_paths
from sitreport.serve import create_app
from sitreport.store import Store

from .told_corpus import Invented, Linked, file_key, incidents_holding, link_folder, reports_of

OPTIONS = Options()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
sample_of = file_key(r"sample[_-](\d\d)")

VIOLENCE = frozenset({"remote_violence", "armed_clash", "casualties"})
INVENTED = {
    "Tafas evacuation": Invented(
        frozenset({"01", "02", "03"}), frozenset({"evacuation"}), "Tafas", "2021-09-14"
    ),
    "Ariha shelling": Invented(frozenset({"04", "05", "08", "14"}), VIOLENCE, "Ariha", "2022-02-07"),
    "al-Tall detentions": Invented(
        frozenset({"06", "09", "13"}), frozenset({"detention"}), "At Tall", "2022-05-18"
    ),
    "Sarmada aid": Invented(frozenset({"07", "10", "12"}), frozenset({"aid"}), "Sarmada", "2022-08-09"),
}


@pytest.fixture(scope="module")
def linked() -> Linked:
    return link_folder(EXAMPLES, OPTIONS)


@pytest.mark.parametrize("name", sorted(INVENTED))
def test_each_invented_incident_is_one_incident_told_by_its_outlets(name: str, linked: Linked) -> None:
    incidents, events = linked
    invented = INVENTED[name]
    reports = reports_of(invented, events, sample_of)
    holding = incidents_holding(incidents, reports)
    assert len(holding) == 1, f"{name} is split over {len(holding)} incidents"
    # Every sample that tells it yields a report in it (sample 11, on the second convoy, also
    # tells the first one's day).
    assert reports <= set(holding[0].events)
    assert invented.files <= {sample_of(events[event_id]) for event_id in holding[0].events}


def test_no_incident_mixes_two_invented_incidents(linked: Linked) -> None:
    incidents, events = linked
    families = {name: invented.files for name, invented in INVENTED.items()}
    for incident in incidents:
        told = {sample_of(events[event_id]) for event_id in incident.events}
        assert sum(bool(told & samples) for samples in families.values()) <= 1, incident.events


# The side events the samples really tell, by type and place, and how many incidents each may
# be: weapons handed over in two villages (one event per village, as a coder records one event
# per location) and the army entering Tafas (01); the deal (02, 11); the weeks of shelling
# before it (02); the second convoy and the police deployment (11); air strikes on Jabal
# al-Zawiya (04); and the attacks on army positions in the Hama countryside, told dated by 14
# and undated by 08 ("launched from Jabal al-Zawiya": where they came from, not where they
# struck). Those two stay apart: two governorate-level reports with nothing in common but the
# type fit every clash in Hama that week.
SIDE_EVENTS = Counter(
    {
        ("weapons_handover", "Al Yadudah"): 1,
        ("weapons_handover", "Al Muzayrib"): 1,
        ("deployment", "Tafas"): 2,
        ("agreement", "Tafas"): 1,
        ("remote_violence", "Tafas"): 1,
        ("evacuation", "Tafas"): 1,
        ("remote_violence", "Jabal al-Zawiya"): 1,
        ("armed_clash", "Hama"): 2,
    }
)


def test_the_other_incidents_are_side_events_the_samples_tell(linked: Linked) -> None:
    # The firing position near Kafranbel (05) is no second shelling, and no side event.
    incidents, events = linked
    main = {
        event_id for invented in INVENTED.values() for event_id in reports_of(invented, events, sample_of)
    }
    side = [incident for incident in incidents if not main & set(incident.events)]
    told = Counter((i.event_type, i.location.name if i.location else None) for i in side)
    assert told <= SIDE_EVENTS, told - SIDE_EVENTS
    for incident in side:
        assert len(incident.articles) <= 2


def test_every_link_says_why(linked: Linked) -> None:
    incidents, _events = linked
    for incident in incidents:
        assert len(incident.links) == len(incident.events) - 1
        for link in incident.links:
            assert {link.event_id, link.linked_to} <= set(incident.events)
            assert set(link.reasons) == {"place", "days", "type", "figures", "actors"}
            assert 0.0 < link.score <= 1.0


def refuse(error: InputError) -> None:
    raise AssertionError(f"{error.source}: {error.reason}")


def test_the_incident_card_shows_why_each_report_was_linked(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'examples.db'}"
    with Store(url) as store:
        store_results(store, process_paths([EXAMPLES], OPTIONS), refuse)
        link_pending(store, OPTIONS)
        linked = [incident for incident in all_incidents(store) if incident.links]
    assert len(linked) >= len(INVENTED)
    # the server answers loopback names only (DNS rebinding), so the client calls it as a browser would
    with TestClient(create_app(url), base_url="http://127.0.0.1") as client:
        for incident in linked:
            page = client.get(f"/incidents/{incident.incident_id}").text
            assert "Why these reports are one incident" in page
            for link in incident.links:
                for reason in link.reasons.values():
                    assert str(escape(reason)) in page, (incident.incident_id, reason)
