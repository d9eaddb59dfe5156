"""Compatible types (kb/link/compatible_types.csv): one happening told as different types."""

from __future__ import annotations

from sitreport.link import link_events
from sitreport.options import Options
from sitreport.records import Event, Incident, Place

OPTIONS = Options()
TOWN = Place(name="Khan Shaykhun", admin1="Idlib", country="SY", lat=35.44, lon=36.65, precision=1)


def told(event_id: str, event_type: str, article: str | None = None) -> Event:
    return Event(
        event_id=event_id,
        article_id=article or f"article-{event_id}",
        event_type=event_type,
        date="2017-04-04",
        date_precision="day",
        date_text="on Tuesday",
        location=TOWN,
    )


def link(*events: Event) -> list[Incident]:
    return link_events(events, OPTIONS)


def test_an_attack_told_as_a_clash_and_as_a_strike_is_one_strike() -> None:
    (incident,) = link(told("a", "armed_clash"), told("b", "armed_clash"), told("c", "remote_violence"))
    assert incident.event_type == "remote_violence"


def test_a_toll_yields_to_the_clash_it_belongs_to() -> None:
    (incident,) = link(told("a", "casualties"), told("b", "casualties"), told("c", "armed_clash"))
    assert incident.event_type == "armed_clash"


def test_one_article_telling_a_strike_and_its_toll_is_one_incident() -> None:
    (incident,) = link(told("s", "remote_violence", "one"), told("t", "casualties", "one"))
    assert incident.events == ["s", "t"]
    assert incident.links[0].reasons["type"].startswith("one article's strike and its toll")


def test_one_article_telling_a_clash_and_a_strike_tells_two_happenings() -> None:
    assert len(link(told("c", "armed_clash", "one"), told("s", "remote_violence", "one"))) == 2


def test_types_with_nothing_in_common_never_link() -> None:
    assert len(link(told("d", "detention"), told("a", "aid"))) == 2
