"""The HTML pages: every page renders from the real store, untrusted text stays text."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from sitreport.serve.highlight import Span, highlight

from . import serve_samples as samples

PAGES = [
    "/events",
    "/events?event_type=evacuation&date_from=2018-07-01&sort=-date",
    f"/events/{samples.WIRE_EVACUATION.event_id}",
    f"/events/{samples.HOSTILE_CLASH.event_id}",
    "/map",
    "/incidents",
    "/incidents?disputed=1&source=sohr",
    f"/incidents/{samples.EVACUATION_INCIDENT.incident_id}",
    "/articles",
    f"/articles/{samples.HOSTILE.article_id}",
    "/sources",
    "/sources?sort=terms&limit=2&offset=2",
    f"/outlets/{samples.HOSTILE.outlet}",
    "/places",
]


@pytest.mark.parametrize("path", PAGES)
def test_page_renders_and_never_echoes_hostile_markup(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "<script>window" not in response.text
    assert 'onerror="window' not in response.text
    assert 'href="javascript:' not in response.text


def test_home_goes_to_the_events_table(client: TestClient) -> None:
    assert client.get("/", follow_redirects=False).headers["location"] == "/events"


def test_events_page_shows_the_filtered_rows_and_counts(client: TestClient) -> None:
    html = client.get("/events?source=SOHR").text
    assert "Kafr Zita" in html and "Douma" not in html
    assert 'value="SOHR"' in html  # the form keeps the filter
    assert "/api/events.csv?source=SOHR" in html  # downloads carry it


def test_type_chips_add_and_remove_their_type(client: TestClient) -> None:
    html = client.get("/events?event_type=detention&event_type=aid").text
    assert 'class="chip t-aid active" href="/events?event_type=detention"' in html  # aid taken out
    assert '<option value="detention" selected>' in html and '<option value="aid" selected>' in html
    html = client.get("/events?event_type=aid").text
    assert 'class="chip t-evacuation" href="/events?event_type=aid&amp;event_type=evacuation"' in html


def test_killed_column_shows_the_largest_killed_figure(client: TestClient) -> None:
    html = client.get("/events?min_fatalities=12").text
    assert '<td class="num" data-label="Killed">12</td>' in html


def test_empty_filter_says_so(client: TestClient) -> None:
    assert "No events match this filter" in client.get("/events?event_type=siege").text


def test_event_card_shows_claims_side_by_side_and_the_evidence(client: TestClient) -> None:
    html = client.get(f"/events/{samples.WIRE_EVACUATION.event_id}").text
    assert "about 1,200" in html and "at least 1,400" in html  # SANA's and SOHR's figures
    assert "disputed" in html
    # The figure inside the evidence is cut out, not nested: marks stay flat.
    assert (
        '<mark class="evidence">Buses carrying </mark>'
        '<mark class="evidence figure">around 1,200 fighters</mark>' in html
    )


def test_hostile_article_is_escaped_inside_the_highlight(client: TestClient) -> None:
    html = client.get(f"/events/{samples.HOSTILE_CLASH.event_id}").text
    assert '<mark class="evidence">&lt;script&gt;window.__pwned = 1;' in html
    assert '<mark class="evidence">&lt;img src=x onerror=&#34;window.__pwned=1&#34;&gt;SAMPLE' in html


@pytest.mark.parametrize(
    "path", [f"/events/{samples.ARRESTS.event_id}", f"/articles/{samples.DAILY.article_id}"]
)
def test_headline_evidence_is_marked_in_the_title_not_the_text(client: TestClient, path: str) -> None:
    html = client.get(path).text
    assert 'SAMPLE: <mark class="evidence">arrests in Douma</mark>' in html
    # Its offsets are into the title: read into the text they would cut this mark at "forces ".
    assert '<mark class="evidence">Security forces detained </mark>' in html


def test_pages_answer_bad_input_and_unknown_ids_in_html(client: TestClient) -> None:
    bad = client.get("/events?date_from=yesterday")
    assert bad.status_code == 400 and "date_from must be a date" in bad.text
    missing = client.get("/events/0000")
    assert missing.status_code == 404 and "no event 0000" in missing.text


def test_highlight_cuts_overlapping_spans_and_escapes_every_slice() -> None:
    html = highlight("a<b>c", [Span(0, 3, "evidence"), Span(2, 5, "figure")])
    assert html == (
        '<mark class="evidence">a&lt;</mark>'
        '<mark class="evidence figure">b</mark>'
        '<mark class="figure">&gt;c</mark>'
    )


def test_highlight_ignores_spans_outside_the_text() -> None:
    assert (
        highlight("abc", [Span(2, 99, "evidence"), Span(5, 4, "figure")])
        == 'ab<mark class="evidence">c</mark>'
    )
