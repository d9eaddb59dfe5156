"""The UI in Debian's headless Chromium against a real uvicorn server.

On the few hand-written samples (serve_samples.py); test_dashboard.py drives the same pages
over a generated corpus of hundreds of events.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from . import serve_samples as samples
from .screens import screenshot

pytestmark = pytest.mark.browser


def table_types(page: Page) -> set[str]:
    return set(page.locator("table.events tbody td:nth-child(2)").all_inner_texts())


def test_filter_by_type_and_date_from_the_form(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/events")
    expect(page.locator("table.events tbody tr")).to_have_count(6)
    expect(page.locator("#timeline svg")).to_be_visible()
    page.get_by_label("Type", exact=True).select_option("evacuation")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"event_type=evacuation"))
    assert table_types(page) == {"evacuation"}
    page.get_by_label("Type", exact=True).select_option([])
    page.get_by_label("From", exact=True).fill("2018-08-01")
    page.get_by_label("To", exact=True).fill("2018-08-04")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"date_from=2018-08-01&date_to=2018-08-04"))
    expect(page.locator("table.events tbody tr")).to_have_count(2)
    assert table_types(page) == {"detention", "aid"}


def test_timeline_bar_filters_to_its_day(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/events")
    bar = page.locator("#timeline a[aria-label^='2018-07-18']")
    expect(bar).to_have_count(1)
    bar.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"date_from=2018-07-18&date_to=2018-07-18"))
    assert table_types(page) == {"evacuation"}


def test_timeline_drag_selects_a_range(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/events")
    chart = page.locator("#timeline svg")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None
    page.mouse.move(box["x"] + 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2, steps=5)
    page.mouse.up()
    expect(page).to_have_url(re.compile(r"date_from=2018-07-17&date_to=2018-0"))


def test_filters_are_reachable_by_keyboard_in_order(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/events")
    focused: list[str] = []
    for _ in range(40):  # a date input takes one Tab per part (day, month, year)
        page.keyboard.press("Tab")
        focused.append(
            page.evaluate("document.activeElement.id || document.activeElement.textContent.trim()")
        )
    fields = [
        "f-type",
        "f-sub",
        "f-from",
        "f-to",
        "f-place",
        "f-actor",
        "f-source",
        "f-text",
        "f-killed",
        "f-disputed",
        "f-sort",
    ]
    assert list(dict.fromkeys(name for name in focused if name in fields)) == fields
    assert focused[0] == "Skip to content"


def test_event_card_shows_highlighted_evidence_and_claims(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/events?event_type=evacuation&source=SANA")
    page.locator("table.events tbody a.type").first.click()
    expect(page).to_have_url(re.compile(rf"/events/{samples.WIRE_EVACUATION.event_id}$"))
    expect(page.locator(".article-text mark.evidence").first).to_be_visible()
    expect(page.locator(".article-text mark.figure")).to_have_text("around 1,200 fighters")
    claims = page.locator("table.claims")
    expect(claims.locator("thead")).to_contain_text("SANA")
    expect(claims.locator("thead")).to_contain_text("SOHR")
    expect(claims).to_contain_text("about 1,200")
    expect(claims).to_contain_text("at least 1,400")
    expect(page.locator(".badge.disputed").first).to_be_visible()
    screenshot(page, "card.png")


def test_hostile_article_runs_nothing(page: Page, live_server: str) -> None:
    for path in (
        f"/events/{samples.HOSTILE_CLASH.event_id}",
        f"/articles/{samples.HOSTILE.article_id}",
        "/events?event_type=armed_clash",
        "/sources",
    ):
        page.goto(live_server + path)
        page.locator("main").hover()
        assert page.evaluate("window.__pwned") is None, path
        assert page.title() != "PWNED", path
        assert page.locator("main img, main script, main a[href^='javascript']").count() == 0, path
    page.goto(f"{live_server}/events/{samples.HOSTILE_CLASH.event_id}")
    expect(page.locator(".article-text")).to_contain_text("<script>window.__pwned = 1;")


def test_map_draws_the_base_layer_and_clustered_markers(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/map")
    expect(page.locator("#map-status")).to_have_text(
        re.compile(r"5 events on the map; 1 more have no coordinates")
    )
    assert (
        page.locator("#map path.leaflet-interactive, #map svg path").count() > 20
    )  # countries and governorates
    markers = page.locator("#map .marker, #map .marker-cluster")
    expect(markers.first).to_be_visible()


def test_map_popup_is_text_and_links_to_the_card(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/map?event_type=armed_clash")
    expect(page.locator("#map-status")).to_have_text(re.compile(r"1 events on the map"))
    page.locator("#map .marker").click()
    popup = page.locator(".leaflet-popup-content")
    expect(popup).to_contain_text('<b onmouseover="window.__pwned=1">Harasta</b>')
    assert page.evaluate("window.__pwned") is None
    popup.get_by_role("link", name="Open the event card").click()
    expect(page).to_have_url(re.compile(rf"/events/{samples.HOSTILE_CLASH.event_id}$"))


def test_map_empty_filter_says_so(page: Page, live_server: str) -> None:
    page.goto(f"{live_server}/map?event_type=siege")
    expect(page.locator("#map-status")).to_have_text("No events match this filter.")
