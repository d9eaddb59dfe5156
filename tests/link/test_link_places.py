"""Places by hierarchy: a district near its town, a town in its governorate, and what never links."""

from __future__ import annotations

from sitreport.link import link_events
from sitreport.options import Options
from sitreport.records import Event, Place

from .link_corpus import report

OPTIONS = Options()
# Sample places: coordinates are those of the real towns; the districts are invented points.
ALEPPO = Place(name="Aleppo", admin1="Aleppo", country="SY", lat=36.2021, lon=37.1343, precision=1)
NEAR_DISTRICT = Place(name="Sample Quarter", admin1="Aleppo", country="SY", lat=36.18, lon=37.16, precision=2)
FAR_DISTRICT = Place(name="Sample Plain", admin1="Aleppo", country="SY", lat=36.55, lon=37.95, precision=2)
NORTHERN_REGION = Place(name="northern Syria", country="SY", lat=36.4, lon=38.9, precision=3, kind="region")


def strike(event_id: str, place: Place) -> Event:
    return report(event_id, "remote_violence", place, 31, "2016-06-01")


def linked(*events: Event) -> list[list[str]]:
    return sorted(incident.events for incident in link_events(events, OPTIONS))


def test_a_neighbourhood_links_to_its_city() -> None:
    assert linked(strike("city", ALEPPO), strike("quarter", NEAR_DISTRICT)) == [["city", "quarter"]]


def test_a_district_far_from_the_town_stays_apart() -> None:
    assert linked(strike("city", ALEPPO), strike("plain", FAR_DISTRICT)) == [["city"], ["plain"]]


def test_villages_of_one_name_in_two_governorates_stay_apart() -> None:
    in_idlib = Place(name="Sample Village", admin1="Idlib", country="SY", precision=1, resolved=False)
    in_hama = Place(name="Sample Village", admin1="Hama", country="SY", precision=1, resolved=False)
    assert linked(strike("idlib", in_idlib), strike("hama", in_hama)) == [["hama"], ["idlib"]]


def test_a_region_in_no_one_governorate_never_links() -> None:
    assert linked(strike("one", NORTHERN_REGION), strike("two", NORTHERN_REGION)) == [["one"], ["two"]]
