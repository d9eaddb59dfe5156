"""The analyst's dashboard in Chromium over a generated corpus big enough to need paging:
640 events from 1985 to 2019, 320 outlets, places known to the town, the area, the
governorate or only the country (generated_corpus.py). Screenshots: screens.py."""

from __future__ import annotations

import math
import re
from typing import Any

import httpx
import pytest
from playwright.sync_api import Page, expect

from .screens import screenshot

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def api(server: str, path: str, **params: Any) -> dict[str, Any]:
    response = httpx.get(f"{server}{path}", params=params)
    response.raise_for_status()
    body: dict[str, Any] = response.json()
    return body


def bar_totals(page: Page) -> list[int]:
    """The event count each timeline bar states in its label ("2016: 82 events, ...")."""
    labels = page.locator("#timeline a").evaluate_all("links => links.map(a => a.getAttribute('aria-label'))")
    return [int(re.search(r": (\d+) events", label)[1]) for label in labels]  # type: ignore[index]


def dated_total(server: str, **params: Any) -> int:
    return sum(row["count"] for row in api(server, "/api/timeline", by="year", **params)["periods"])


def test_timeline_draws_every_dated_event_over_decades(page: Page, generated_server: str) -> None:
    page.goto(f"{generated_server}/events")
    expect(page.locator("#timeline svg")).to_be_visible()
    expect(page.locator("#timeline")).to_have_attribute("data-by", "year")
    assert sum(bar_totals(page)) == dated_total(generated_server) == 640
    expect(page.locator("#timeline text").first).to_have_text("1985")
    expect(page.locator("#timeline polyline.killed")).to_have_count(1)
    expect(page.locator("#timeline .killed-label")).to_contain_text("killed per year")
    screenshot(page, "events.png", full_page=False)


def test_timeline_narrows_to_the_chosen_range(page: Page, generated_server: str) -> None:
    page.goto(f"{generated_server}/events?date_from=2016-01-01&date_to=2016-12-31")
    expect(page.locator("#timeline")).to_have_attribute("data-by", "week")
    in_2016 = dated_total(generated_server, date_from="2016-01-01", date_to="2016-12-31")
    assert in_2016 > 30
    assert sum(bar_totals(page)) == in_2016


def listed_total(page: Page) -> int:
    text = page.locator(".downloads").inner_text()
    return int(re.search(r"Download these (\d+) events", text)[1])  # type: ignore[index]


def test_source_and_actor_match_in_any_case(page: Page, generated_server: str) -> None:
    page.goto(f"{generated_server}/events?source=SOHR")
    exact = listed_total(page)
    page.goto(f"{generated_server}/events?source=sohr&actor=russia")
    assert 0 < listed_total(page) < exact
    page.goto(f"{generated_server}/events?source=sohr")
    assert listed_total(page) == exact > 0
    assert set(page.locator("table.events tbody td[data-label='Sources']").all_inner_texts()) == {"SOHR"}


def test_a_place_alias_finds_the_governorate_and_its_towns(page: Page, generated_server: str) -> None:
    page.goto(f"{generated_server}/events?place=Deraa&limit=200")
    places = page.locator("table.events tbody td[data-label='Place']").all_inner_texts()
    assert places, "Deraa (an alias of Daraa) found nothing"
    assert all("Daraa" in place for place in places), places
    assert any(place.startswith("Daraa") for place in places)  # the governorate itself
    assert any("(Daraa)" in place and not place.startswith("Daraa") for place in places)  # its towns
    assert api(generated_server, "/api/events", place="deraa")["total"] == len(places)


def test_several_types_from_the_form_reach_the_table_the_json_and_the_downloads(
    page: Page, generated_server: str
) -> None:
    page.goto(f"{generated_server}/events")
    page.get_by_label("Type", exact=True).select_option(["armed_clash", "aid"])
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"event_type=armed_clash&event_type=aid"))
    types = set(page.locator("table.events tbody td[data-label='Type']").all_inner_texts())
    assert types == {"armed clash", "aid"}
    both = api(generated_server, "/api/events", event_type=["armed_clash", "aid"])
    assert listed_total(page) == both["total"] == both["counts"]["armed_clash"] + both["counts"]["aid"]
    assert both["filter"]["event_type"] == ["armed_clash", "aid"]
    csv_link = page.get_by_role("link", name="CSV", exact=True)
    expect(csv_link).to_have_attribute("href", re.compile(r"event_type=armed_clash&event_type=aid"))
    rows = httpx.get(generated_server + (csv_link.get_attribute("href") or "")).text.strip().splitlines()
    assert len(rows) - 1 == both["total"]


def test_fatalities_and_disputed_filters_on_events_and_incidents(page: Page, generated_server: str) -> None:
    page.goto(f"{generated_server}/events")
    page.get_by_label("Killed at least").fill("35")
    page.get_by_label("Disputed only").check()
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"min_fatalities=35&disputed=1"))
    killed = page.locator("table.events tbody td[data-label='Killed']").all_inner_texts()
    assert killed and all(int(k.replace(",", "")) >= 35 for k in killed)
    page.get_by_role("link", name="Their incidents").click()
    expect(page).to_have_url(re.compile(r"/incidents\?(?=.*min_fatalities=35)(?=.*disputed=1)"))
    rows = page.locator("table.incidents tbody tr")
    expect(rows.first).to_be_visible()
    assert rows.count() == rows.locator(".badge.disputed").count()
    everything = api(generated_server, "/api/incidents")["total"]
    assert 0 < api(generated_server, "/api/incidents", disputed=1, min_fatalities=35)["total"] < everything
    screenshot(page, "incidents.png", full_page=False)


def lone_point(server: str, precision: int) -> dict[str, Any]:
    """A point with a killed figure, at this precision, the only event of its day."""
    points = api(server, "/api/map")["points"]
    per_day: dict[str, int] = {}
    for point in points:
        per_day[point["date"]] = per_day.get(point["date"], 0) + 1
    return next(
        p for p in points if p["precision"] == precision and p["fatalities"] and per_day[p["date"]] == 1
    )


@pytest.mark.parametrize(("precision", "ring"), [(1, "p-exact"), (2, "p-near")])
def test_a_marker_is_sized_by_fatalities_and_shows_its_precision(
    page: Page, generated_server: str, precision: int, ring: str
) -> None:
    point = lone_point(generated_server, precision)
    page.goto(f"{generated_server}/map?date_from={point['date']}&date_to={point['date']}")
    expect(page.locator("#map-status")).to_have_text("1 events on the map.")  # drawn and fitted
    marker = page.locator("#map .marker")
    expect(marker).to_have_count(1)
    expect(marker).to_have_class(re.compile(ring))
    size = round(min(44, 12 + 2 * math.sqrt(point["fatalities"])))
    box = marker.bounding_box()
    assert box is not None and round(box["width"]) == size
    marker.click()
    expect(page.locator(".leaflet-popup-content")).to_contain_text(f"Killed{point['fatalities']}")


def test_area_level_events_shade_their_governorate_instead_of_a_point(
    page: Page, generated_server: str
) -> None:
    points = api(generated_server, "/api/map")["points"]
    by_precision = {p: sum(1 for point in points if point["precision"] == p) for p in (3, 4)}
    page.goto(f"{generated_server}/map?shade=fatalities")
    expect(page.locator("#map-status")).to_contain_text(
        f"{by_precision[3]} known only to their governorate shade it; "
        f"{by_precision[4]} known only to the country are not placed"
    )
    expect(page.locator("#map path[fill='#7f2704']").first).to_be_attached()  # the darkest shade
    expect(page.locator(".town-label", has_text="Aleppo")).to_be_visible()
    expect(page.locator("#map-shade")).to_have_value("fatalities")
    screenshot(page, "map.png")
    page.get_by_label("Shade governorates by").select_option("none")
    expect(page).to_have_url(re.compile(r"shade=none"))
    expect(page.locator("#map-status")).to_contain_text("events on the map")
    expect(page.locator("#map path[fill='#7f2704']")).to_have_count(0)


def test_framing_puts_hundreds_of_outlets_in_sortable_pages(page: Page, generated_server: str) -> None:
    page.goto(f"{generated_server}/sources")
    table = page.locator("table.framing-outlets")
    caption = table.locator("caption").inner_text()
    total = int(re.search(r"of (\d+)", caption)[1])  # type: ignore[index]
    assert total >= 250
    expect(table.locator("tbody tr")).to_have_count(50)
    side = table.locator("thead th", has_text="armed opposition")
    box = side.bounding_box()
    assert box is not None and box["width"] > 120  # a column, not one letter per line
    counts = [int(n) for n in table.locator("tbody td[data-label='Articles']").all_inner_texts()]
    assert counts == sorted(counts, reverse=True)
    screenshot(page, "sources.png", full_page=False)
    table.get_by_role("link", name="Outlet", exact=True).click()
    names = table.locator("tbody th a").all_inner_texts()
    assert names == sorted(names, key=str.casefold)
    page.get_by_role("link", name="Next →").click()
    expect(page.locator("table.framing-outlets caption")).to_contain_text(f"Outlets 51–100 of {total}")
    busiest = api(generated_server, "/api/sources", limit=1)["framing"][0]["outlet"]
    page.goto(f"{generated_server}/sources")
    page.get_by_role("link", name=busiest, exact=True).click()
    expect(page.locator("h1")).to_have_text(busiest)
    months = page.locator("table.terms-over-time tbody tr")
    expect(months.first).to_be_visible()
    assert months.count() >= 2
    screenshot(page, "outlet.png", full_page=False)


@pytest.mark.parametrize("path", ["/events", "/incidents", "/sources", "/articles", "/places", "/map"])
def test_every_page_fits_a_phone(page: Page, generated_server: str, path: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(generated_server + path)
    page.wait_for_load_state("networkidle")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    for cell in page.locator("table.cards tbody td.num").all()[:20]:
        box = cell.bounding_box()
        assert box is not None and box["height"] < 40, "a number broke over lines"


def test_events_become_cards_on_a_phone(page: Page, generated_server: str) -> None:
    page.set_viewport_size(PHONE)
    page.goto(f"{generated_server}/events")
    place = page.locator("table.events tbody td[data-label='Place']").first
    box = place.bounding_box()
    assert box is not None and box["width"] > 300  # the whole card's width, not one letter
    label = place.evaluate("cell => getComputedStyle(cell, '::before').content")
    assert label == '"Place"'
    page.locator("#timeline").scroll_into_view_if_needed()
    screenshot(page, "phone-events.png", full_page=False)
    page.goto(f"{generated_server}/map")
    expect(page.locator("#map-status")).to_contain_text("events on the map")
    page.evaluate("window.scrollBy(0, document.getElementById('map-status').getBoundingClientRect().top - 8)")
    screenshot(page, "phone-map.png", full_page=False)
