"""The sample corpus in examples/ (four invented incidents, see examples/README.md) links into
those four incidents, each told by all its outlets, plus side events its articles tell."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from sitreport.link import link_events
from sitreport.options import Options
from sitreport.pipeline import ArticleResult, process_paths
from sitreport.records import Event, Incident

OPTIONS = Options()
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
_SAMPLE = re.compile(r"sample[_-](\d\d)")


@dataclass(frozen=True)
class Invented:
    """One invented incident of examples/README.md: who tells it, what, where and when."""

    samples: frozenset[str]
    types: frozenset[str]
    place: str
    day: str

    def told_by(self, event: Event, sample: str) -> bool:
        """A report of this incident: one of its samples, its kind of event, its place and day."""
        place = event.location or event.origin or event.destination
        return (
            sample in self.samples
            and event.event_type in self.types
            and place is not None
            and place.name == self.place
            and event.date in (self.day, None)
        )


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
Linked = tuple[list[Incident], dict[str, Event]]


def sample_of(event: Event) -> str:
    match = _SAMPLE.search(event.source_file or "")
    assert match, event.source_file
    return match.group(1)


@pytest.fixture(scope="module")
def linked() -> Linked:
    results = [r for r in process_paths([EXAMPLES], OPTIONS) if isinstance(r, ArticleResult)]
    events = {event.event_id: event for result in results for event in result.events}
    published = {r.article.article_id: r.article.published for r in results if r.article.published}
    return link_events(events.values(), OPTIONS, published=published), events


def reports_of(invented: Invented, events: dict[str, Event]) -> set[str]:
    return {event_id for event_id, event in events.items() if invented.told_by(event, sample_of(event))}


@pytest.mark.parametrize("name", sorted(INVENTED))
def test_each_invented_incident_is_one_incident_told_by_its_outlets(name: str, linked: Linked) -> None:
    incidents, events = linked
    invented = INVENTED[name]
    reports = reports_of(invented, events)
    holding = [incident for incident in incidents if reports & set(incident.events)]
    assert len(holding) == 1, f"{name} is split over {len(holding)} incidents"
    outlets = {sample_of(events[event_id]) for event_id in holding[0].events}
    # Every sample that yields a report of it is in it (sample 12 has none yet: extraction).
    assert {sample_of(events[event_id]) for event_id in reports} <= outlets
    assert len(outlets) >= 2


def test_no_incident_mixes_two_invented_incidents(linked: Linked) -> None:
    incidents, events = linked
    families = {name: invented.samples for name, invented in INVENTED.items()}
    for incident in incidents:
        told = {sample_of(events[event_id]) for event_id in incident.events}
        assert sum(bool(told & samples) for samples in families.values()) <= 1, incident.events


def test_the_other_incidents_are_side_events_told_once(linked: Linked) -> None:
    # Side events the samples really tell: the second convoy and the police deployment (11),
    # the deal (02, 11), weapons handed over and the army entering (01), the weeks of shelling
    # before the deal (02), strikes on Jabal al-Zawiya (04), attacks launched from there (08),
    # and the firing position near Kafranbel (05, read by extraction as a second shelling).
    incidents, events = linked
    main = {event_id for invented in INVENTED.values() for event_id in reports_of(invented, events)}
    side = [incident for incident in incidents if not main & set(incident.events)]
    for incident in side:
        where = incident.location.name if incident.location else None
        print("side event:", incident.event_type, incident.date, where, incident.events)
    assert len(side) <= 9
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
