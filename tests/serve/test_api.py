"""The HTTP API over a real SQLite store filled with the sample records."""

from __future__ import annotations

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sitreport.errors import SitreportError
from sitreport.records import Event
from sitreport.serve import create_app
from sitreport.serve.ingest import MAX_BODY_BYTES
from sitreport.serve.views import fitting_period

from . import serve_samples as samples

ALL_EVENTS = [event for _, events in samples.ARTICLES for event in events]


def event_ids(client: TestClient, query: str) -> list[str]:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == 200, response.text
    return [event["event_id"] for event in response.json()["events"]]


def test_events_lists_every_event_in_the_contract_shape(client: TestClient) -> None:
    body = client.get("/api/events").json()
    assert body["total"] == len(ALL_EVENTS)
    by_id = {event["event_id"]: event for event in body["events"]}
    assert by_id == {event.event_id: event.to_dict() for event in ALL_EVENTS}


def test_events_counts_per_type(client: TestClient) -> None:
    counts = client.get("/api/events").json()["counts"]
    assert counts == {"evacuation": 2, "remote_violence": 1, "detention": 1, "aid": 1, "armed_clash": 1}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("event_type=evacuation", [samples.WIRE_EVACUATION, samples.MONITOR_EVACUATION]),
        ("date_from=2018-08-01", [samples.ARRESTS, samples.AID, samples.HOSTILE_CLASH]),
        ("date_to=2018-07-17", [samples.SHELLING]),
        (
            "date_from=2018-07-18&date_to=2018-08-03",
            [samples.WIRE_EVACUATION, samples.MONITOR_EVACUATION, samples.ARRESTS],
        ),
        ("place=Douma", [samples.ARRESTS]),
        ("place=Hama", [samples.SHELLING]),
        ("place=Idlib", [samples.WIRE_EVACUATION]),
        ("actor=Syrian army", [samples.SHELLING]),
        ("source=SOHR", [samples.MONITOR_EVACUATION, samples.SHELLING]),
        ("text=kafr ZITA", [samples.SHELLING]),  # evidence, in any case
        ("text=arrests in", [samples.ARRESTS, samples.AID]),  # the article title
        (f"article_id={samples.DAILY.article_id}", [samples.ARRESTS, samples.AID]),
        ("event_type=evacuation&source=SANA", [samples.WIRE_EVACUATION]),
        ("event_type=siege", []),
        # Forgiving: any case, several types, places by gazetteer alias, a governorate's towns.
        ("source=sohr", [samples.MONITOR_EVACUATION, samples.SHELLING]),
        ("actor=SYRIAN ARMY", [samples.SHELLING]),
        ("event_type=detention&event_type=aid", [samples.ARRESTS, samples.AID]),
        (
            "place=deraa",
            [samples.WIRE_EVACUATION, samples.MONITOR_EVACUATION],
        ),  # Daraa al-Balad's governorate
        ("place=Rural Damascus", [samples.ARRESTS, samples.HOSTILE_CLASH]),  # Rif Dimashq's towns
        ("min_fatalities=12", [samples.SHELLING]),
        ("min_fatalities=13", []),
        ("disputed=1", [samples.WIRE_EVACUATION, samples.MONITOR_EVACUATION]),
        ("sub_event_type=armed clash", [samples.HOSTILE_CLASH]),
    ],
)
def test_each_filter_selects_its_events(client: TestClient, query: str, expected: list[Event]) -> None:
    assert set(event_ids(client, query)) == {event.event_id for event in expected}


def test_counts_follow_the_filter(client: TestClient) -> None:
    body = client.get("/api/events?source=SOHR").json()
    assert body["counts"] == {"evacuation": 1, "remote_violence": 1}
    assert body["filter"] == {"source": "SOHR"}


def test_sorting_by_date_both_ways(client: TestClient) -> None:
    dates = [e["date"] for e in client.get("/api/events?sort=date").json()["events"]]
    assert dates == sorted(dates)
    newest_first = [e["date"] for e in client.get("/api/events?sort=-date").json()["events"]]
    assert newest_first == sorted(dates, reverse=True)


@pytest.mark.parametrize("key", ["confidence", "event_type"])
def test_sorting_by_other_keys(client: TestClient, key: str) -> None:
    values = [e[key] for e in client.get(f"/api/events?sort={key}").json()["events"]]
    assert values == sorted(values)
    assert [e[key] for e in client.get(f"/api/events?sort=-{key}").json()["events"]] == sorted(
        values, reverse=True
    )


def test_pagination_walks_every_event_once(client: TestClient) -> None:
    pages = [client.get(f"/api/events?limit=4&offset={offset}").json() for offset in (0, 4)]
    assert [len(page["events"]) for page in pages] == [4, 2]
    assert all(page["total"] == len(ALL_EVENTS) for page in pages)
    seen = [event["event_id"] for page in pages for event in page["events"]]
    assert sorted(seen) == sorted(event.event_id for event in ALL_EVENTS)


@pytest.mark.parametrize(
    ("query", "status"),
    [
        ("date_from=2018-13-01", 400),
        ("date_from=2018-08-02&date_to=2018-08-01", 400),
        ("event_type=parade", 400),
        ("event_type=aid&event_type=parade", 400),
        ("sub_event_type=parade", 400),
        ("min_fatalities=many", 400),
        ("disputed=perhaps", 400),
        ("sort=colour", 400),
        ("limit=0", 400),
        ("limit=100000", 400),
        ("offset=-1", 400),
    ],
)
def test_bad_filters_get_a_4xx_that_says_why(client: TestClient, query: str, status: int) -> None:
    response = client.get(f"/api/events?{query}")
    assert response.status_code == status
    assert response.json()["detail"]


def test_several_values_come_back_in_the_filter_and_the_download(client: TestClient) -> None:
    body = client.get("/api/events?event_type=detention&event_type=aid&disputed=1&min_fatalities=0").json()
    assert body["filter"] == {
        "event_type": ["detention", "aid"],
        "disputed": "1",
        "min_fatalities": "0",
    }
    csv = client.get("/api/events.csv?event_type=detention&event_type=aid").text.strip().splitlines()
    assert len(csv) - 1 == 2


def test_blank_form_fields_mean_no_filter(client: TestClient) -> None:
    query = "event_type=&sub_event_type=&date_from=&date_to=&place=&actor=&source=&text=&sort="
    query += "&disputed=&min_fatalities="
    assert client.get(f"/api/events?{query}").json()["total"] == len(ALL_EVENTS)


def test_one_event_with_its_incident(client: TestClient) -> None:
    body = client.get(f"/api/events/{samples.WIRE_EVACUATION.event_id}").json()
    assert body.pop("incident_id") == samples.EVACUATION_INCIDENT.incident_id
    assert body == samples.WIRE_EVACUATION.to_dict()
    assert client.get(f"/api/events/{samples.SHELLING.event_id}").json()["incident_id"] is None


@pytest.mark.parametrize("path", ["/api/events/0000", "/api/incidents/0000", "/api/articles/0000"])
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 404
    assert "0000" in response.json()["detail"]


def test_incidents_list_and_one(client: TestClient) -> None:
    listing = client.get("/api/incidents").json()
    assert listing["total"] == 1
    assert listing["incidents"] == [samples.EVACUATION_INCIDENT.to_dict()]
    assert client.get("/api/incidents?event_type=siege").json()["total"] == 0
    assert client.get("/api/incidents?event_type=parade").status_code == 400
    # The event filter keeps incidents with a member event it matches.
    assert client.get("/api/incidents?source=sana&disputed=1").json()["total"] == 1
    assert client.get("/api/incidents?source=sana&disputed=1").json()["filter"] == {
        "source": "sana",
        "disputed": "1",
    }
    assert client.get("/api/incidents?min_fatalities=1").json()["total"] == 0
    one = client.get(f"/api/incidents/{samples.EVACUATION_INCIDENT.incident_id}").json()
    assert one.pop("framing") is not None
    assert one == samples.EVACUATION_INCIDENT.to_dict()


def test_incidents_paginate(client: TestClient) -> None:
    assert client.get("/api/incidents?limit=1&offset=1").json()["incidents"] == []


def test_articles_list_without_text_and_one_with_text_and_events(client: TestClient) -> None:
    listing = client.get("/api/articles").json()
    assert listing["total"] == len(samples.ARTICLES)
    assert all("text" not in article for article in listing["articles"])
    assert len(client.get("/api/articles?limit=2&offset=3").json()["articles"]) == 1
    one = client.get(f"/api/articles/{samples.DAILY.article_id}").json()
    assert one["text"] == samples.DAILY.text
    assert {event["event_id"] for event in one["events"]} == {samples.ARRESTS.event_id, samples.AID.event_id}


def test_sources_summary_and_framing(client: TestClient) -> None:
    body = client.get("/api/sources").json()
    by_source = {row["source"]: row for row in body["sources"]}
    assert by_source["SOHR"]["events"] == 2
    assert by_source["SANA"]["articles"] == 1
    assert {outlet["outlet"] for outlet in body["framing"]} >= {"Sample Wire", "Sample Monitor"}


def test_framing_outlets_are_paged_and_sorted(client: TestClient) -> None:
    everything = client.get("/api/sources?sort=outlet").json()
    names = [outlet["outlet"] for outlet in everything["framing"]]
    assert names == sorted(names, key=str.casefold) and everything["total"] == len(names)
    page = client.get("/api/sources?sort=-outlet&limit=2&offset=1").json()
    assert [outlet["outlet"] for outlet in page["framing"]] == names[::-1][1:3]
    assert client.get("/api/sources?sort=colour").status_code == 400


def test_an_outlet_has_its_terms_month_by_month(client: TestClient) -> None:
    outlet = client.get("/api/outlets/Sample Wire").json()
    assert outlet["outlet"] == "Sample Wire"
    assert outlet["terms_by_month"] == {"2018-07": {"fighter": 1}}
    assert client.get("/api/outlets/Nobody").status_code == 404


def test_places_summary(client: TestClient) -> None:
    places = {row["name"]: row for row in client.get("/api/places").json()["places"]}
    assert places["Douma"]["admin1"] == "Rif Dimashq"
    assert places["Tell Sample"]["lat"] is None


def test_timeline_counts_per_period(client: TestClient) -> None:
    days = client.get("/api/timeline?by=day&event_type=evacuation").json()["periods"]
    assert days == [{"period": "2018-07-18", "event_type": "evacuation", "count": 2}]
    months = client.get("/api/timeline?by=month").json()["periods"]
    assert {(row["period"], row["event_type"]) for row in months} >= {
        ("2018-07", "evacuation"),
        ("2018-08", "aid"),
    }
    assert client.get("/api/timeline?by=decade").status_code == 400


def test_timeline_picks_a_period_that_fits_and_sums_fatalities(client: TestClient) -> None:
    body = client.get("/api/timeline?by=auto").json()
    assert body["by"] == "day"  # the samples span three weeks
    assert body["fatalities"] == [
        {"period": "2018-07-17", "fatalities": 12},
        {"period": "2018-08-05", "fatalities": 7},
    ]
    years = client.get("/api/timeline?by=year").json()
    assert {row["period"] for row in years["periods"]} == {"2018"}
    assert sum(row["count"] for row in years["periods"]) == sum(1 for e in ALL_EVENTS if e.date)


@pytest.mark.parametrize(
    ("span", "expected"),
    [
        (None, "day"),
        (("2018-01-01", "2018-04-01"), "day"),
        (("2018-01-01", "2019-12-31"), "week"),
        (("2010-01-01", "2018-12-31"), "month"),
        (("1985-02-04", "2019-12-31"), "year"),
    ],
)
def test_the_finest_period_within_the_bar_limit_is_chosen(
    span: tuple[str, str] | None, expected: str
) -> None:
    assert fitting_period(span) == expected


def test_map_points_sized_by_people_and_unmapped_counted(client: TestClient) -> None:
    body = client.get("/api/map").json()
    points = {point["event_id"]: point for point in body["points"]}
    assert body["unmapped"] == 1  # the aid delivery to a place the gazetteer does not know
    assert points[samples.WIRE_EVACUATION.event_id]["people"] == 1200
    assert points[samples.WIRE_EVACUATION.event_id]["place"] == "Idlib"  # where the people went
    assert points[samples.SHELLING.event_id]["people"] == 12
    assert points[samples.SHELLING.event_id]["fatalities"] == 12
    assert points[samples.WIRE_EVACUATION.event_id]["fatalities"] == 0


@pytest.mark.parametrize(
    ("fmt", "media_type"),
    [
        ("csv", "text/csv"),
        ("geojson", "application/geo+json"),
        ("jsonl", "application/x-ndjson"),
        ("acled", "text/csv"),
        ("plover", "application/json"),
    ],
)
def test_downloads_carry_the_filter_and_ignore_pagination(
    client: TestClient, fmt: str, media_type: str
) -> None:
    response = client.get(f"/api/events.{fmt}?source=SOHR&limit=1")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert "attachment" in response.headers["content-disposition"]
    assert samples.MONITOR_EVACUATION.event_id in response.text and samples.SHELLING.event_id in response.text
    assert samples.WIRE_EVACUATION.event_id not in response.text


def test_jsonl_download_is_the_contract(client: TestClient) -> None:
    lines = client.get("/api/events.jsonl?event_type=detention").text.splitlines()
    assert [json.loads(line) for line in lines] == [samples.ARRESTS.to_dict()]


def test_openapi_schema_lists_the_api(client: TestClient) -> None:
    schema = client.get("/api/openapi.json").json()
    assert {
        "/api/events",
        "/api/events/{event_id}",
        "/api/incidents",
        "/api/articles",
        "/api/sources",
        "/api/places",
    } <= set(schema["paths"])
    assert "/api/ingest" not in schema["paths"]
    assert not any(path.startswith("/events") for path in schema["paths"])  # pages are not API


def test_every_response_carries_the_security_headers(client: TestClient) -> None:
    for path in ("/events", "/api/events", "/api/events/0000"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"]
        assert "unsafe-inline" not in headers["content-security-policy"]
        assert headers["x-content-type-options"] == "nosniff"


def test_ingest_is_absent_by_default(client: TestClient) -> None:
    response = client.post("/api/ingest", json={"documents": [{"name": "a", "text": "b"}]})
    assert response.status_code in (404, 405)


def test_ingest_needs_a_token_to_be_enabled(db_url: str) -> None:
    with pytest.raises(SitreportError, match="token"):
        create_app(db_url, allow_ingest=True)


def post(
    client: TestClient, body: bytes, token: str = samples.INGEST_TOKEN, content_type: str = "application/json"
) -> Any:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": content_type}
    return client.post("/api/ingest", content=body, headers=headers)


VALID = json.dumps({"documents": [{"name": "sample.txt", "text": "SAMPLE text."}]}).encode()


@pytest.mark.parametrize(
    ("token", "content_type", "body", "status"),
    [
        ("wrong-token", "application/json", VALID, 401),
        ("", "application/json", VALID, 401),
        (samples.INGEST_TOKEN, "text/plain", VALID, 415),
        (samples.INGEST_TOKEN, "application/json", b"{not json", 400),
        (samples.INGEST_TOKEN, "application/json", b"\xff\xfe", 400),
        (samples.INGEST_TOKEN, "application/json", b'{"documents": []}', 422),
        (samples.INGEST_TOKEN, "application/json", b'{"documents": [{"name": "a", "text": ""}]}', 422),
        (
            samples.INGEST_TOKEN,
            "application/json",
            b'{"documents": [{"name": "a", "text": "b", "media_type": "pdf"}]}',
            422,
        ),
        (samples.INGEST_TOKEN, "application/json", b'[{"name": "a", "text": "b"}]', 422),
        (samples.INGEST_TOKEN, "application/json", b" " * (MAX_BODY_BYTES + 1), 413),
    ],
)
def test_ingest_rejects_bad_requests_with_a_clear_4xx(
    ingest_client: TestClient, token: str, content_type: str, body: bytes, status: int
) -> None:
    response = post(ingest_client, body, token, content_type)
    assert response.status_code == status, response.text
    assert response.json()["detail"]


def test_ingest_is_documented_when_enabled(ingest_client: TestClient) -> None:
    schema = ingest_client.get("/api/openapi.json").json()
    request_schema = schema["paths"]["/api/ingest"]["post"]["requestBody"]["content"]["application/json"][
        "schema"
    ]
    assert "text" in request_schema["properties"]["documents"]["items"]["properties"]


def test_ingest_of_a_valid_request_stores_the_article_and_its_events(ingest_client: TestClient) -> None:
    text = "SAMPLE. Buses carrying 300 fighters left Douma on Monday for Idlib, SANA said."
    body = json.dumps({"documents": [{"name": "sample.txt", "text": text, "meta": {"outlet": "Sample"}}]})
    response = post(ingest_client, body.encode())
    assert response.status_code == 200, response.text
    assert response.json()["articles_new"] == 1 and response.json()["errors"] == []
    assert ingest_client.get("/api/articles").json()["total"] == 1
    assert response.json()["events_new"] >= 1


def test_framing_is_recomputed_once_an_article_is_added(ingest_client: TestClient) -> None:
    assert ingest_client.get("/api/sources").json()["framing"] == []
    text = "SAMPLE. Regime forces shelled the town on Monday, rebels said."
    body = json.dumps({"documents": [{"name": "a.txt", "text": text, "meta": {"outlet": "Sample Outlet"}}]})
    assert post(ingest_client, body.encode()).status_code == 200
    framing = ingest_client.get("/api/sources").json()["framing"]
    assert [outlet["outlet"] for outlet in framing] == ["Sample Outlet"]
