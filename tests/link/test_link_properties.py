"""Properties of linking over generated events: order independence, stable ids, incremental."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from sitreport.link import link_events, link_new
from sitreport.link.incident import incident_id
from sitreport.options import Options
from sitreport.records import Event, Place, Quantity

OPTIONS = Options()
# Few places, days and articles, so generated events collide and link often.
TOWNS = [
    Place(name=n, admin1=a, country="Syria", lat=33.0, lon=36.0, precision=1)
    for n, a in [("Nawa", "Daraa"), ("Inkhil", "Daraa"), ("Ariha", "Idlib")]
]
AREAS = [Place(name=a, admin1=a, country="Syria", precision=3) for a in ("Daraa", "Idlib")]


@st.composite
def events(draw: st.DrawFn) -> list[Event]:
    count = draw(st.integers(min_value=1, max_value=25))
    made = []
    for n in range(count):
        dated = draw(st.booleans()) or draw(st.booleans())
        made.append(
            Event(
                event_id=f"e{n:03d}",
                article_id=f"a{draw(st.integers(0, 8))}",
                event_type=draw(st.sampled_from(["evacuation", "armed_clash", "casualties"])),
                date=f"2019-03-{draw(st.integers(1, 9)):02d}" if dated else None,
                date_precision="day" if dated else None,
                date_text=draw(st.sampled_from([None, "on Monday"])),
                location=draw(st.sampled_from([*TOWNS, *AREAS, None])),
                quantities=[
                    Quantity(
                        "people",
                        draw(st.sampled_from([100, 105, 150])),
                        draw(st.sampled_from(["exact", "approx", "min"])),
                    )
                ],
            )
        )
    return made


def as_sets(incidents: list) -> list[tuple[str, tuple[str, ...]]]:
    return [(i.incident_id, tuple(i.events)) for i in incidents]


@settings(max_examples=80, deadline=None)
@given(events(), st.randoms(use_true_random=False))
def test_linking_does_not_depend_on_input_order(generated: list[Event], random) -> None:  # type: ignore[no-untyped-def]
    shuffled = list(generated)
    random.shuffle(shuffled)
    assert as_sets(link_events(shuffled, OPTIONS)) == as_sets(link_events(generated, OPTIONS))


@settings(max_examples=80, deadline=None)
@given(events())
def test_incident_ids_are_the_hash_of_their_members(generated: list[Event]) -> None:
    incidents = link_events(generated, OPTIONS)
    assert all(i.incident_id == incident_id(list(reversed(i.events))) for i in incidents)
    assert sorted(e for i in incidents for e in i.events) == sorted(e.event_id for e in generated)


@settings(max_examples=80, deadline=None)
@given(events())
def test_an_article_is_in_an_incident_once_or_as_a_strike_and_its_toll(generated: list[Event]) -> None:
    types = {event.event_id: (event.article_id, event.event_type) for event in generated}
    for incident in link_events(generated, OPTIONS):
        by_article: dict[str, list[str]] = {}
        for event_id in incident.events:
            article, event_type = types[event_id]
            by_article.setdefault(article, []).append(event_type)
        for told in by_article.values():
            assert len(told) == 1 or sorted(told) == ["armed_clash", "casualties"]


@settings(max_examples=80, deadline=None)
@given(events(), st.integers(min_value=0, max_value=25))
def test_incremental_linking_equals_a_full_run(generated: list[Event], cut: int) -> None:
    old, new = generated[:cut], generated[cut:]
    before = link_events(old, OPTIONS)
    changed, removed = link_new(before, new, {e.event_id: e for e in old}, OPTIONS)
    kept = {i.incident_id: i for i in before if i.incident_id not in removed}
    kept.update({i.incident_id: i for i in changed})
    assert as_sets(sorted(kept.values(), key=lambda i: i.incident_id)) == as_sets(
        link_events(generated, OPTIONS)
    )
