"""The JSON API under /api/: each route returns the same view data its page renders."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request, Response

from sitreport.options import Options
from sitreport.serve import views
from sitreport.serve.downloads import DownloadSlots, events_download
from sitreport.serve.filters import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    EventFilter,
    event_filter,
    timeline_period,
)
from sitreport.store import Store

router = APIRouter(prefix="/api", tags=["api"])

FilterDep = Annotated[EventFilter, Depends(event_filter)]
LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT)]
OffsetParam = Annotated[int, Query(ge=0)]


def store_of(request: Request) -> Store:
    store: Store = request.app.state.store
    return store


StoreDep = Annotated[Store, Depends(store_of)]


def options_of(request: Request) -> Options:
    options: Options = request.app.state.options
    return options


OptionsDep = Annotated[Options, Depends(options_of)]


def framing_cache_of(request: Request) -> views.FramingCache:
    cache: views.FramingCache = request.app.state.framing_cache
    return cache


FramingDep = Annotated[views.FramingCache, Depends(framing_cache_of)]


@router.get("/events", summary="Events matching the filter, one page, with counts per type")
def events(store: StoreDep, event_filter: FilterDep) -> dict[str, Any]:
    return views.events_listing(store, event_filter).to_json()


@router.get("/events.{fmt}", summary="Every event matching the filter as a download (pagination ignored)")
def events_file(
    store: StoreDep,
    options: OptionsDep,
    event_filter: FilterDep,
    fmt: Literal["jsonl", "csv", "geojson", "acled", "plover"],
    request: Request,
) -> Response:
    slots: DownloadSlots = request.app.state.downloads
    return events_download(store, event_filter, fmt, options, slots)


@router.get("/events/{event_id}", summary="One event (the extract contract) and its incident id")
def event(store: StoreDep, event_id: str) -> dict[str, Any]:
    return views.event_card(store, event_id).to_json()


@router.get("/timeline", summary="Event counts per period and type for the filter")
def timeline(
    store: StoreDep, event_filter: FilterDep, by: Annotated[str, Depends(timeline_period)]
) -> dict[str, Any]:
    return views.timeline(store, event_filter, by)


@router.get("/map", summary="Map markers for every mapped event matching the filter")
def map_points(store: StoreDep, event_filter: FilterDep) -> dict[str, Any]:
    return views.map_points(store, event_filter)


@router.get(
    "/incidents", summary="Incidents with a member event matching the filter (as /api/events), one page"
)
def incidents(store: StoreDep, event_filter: FilterDep) -> dict[str, Any]:
    return views.incidents_listing(store, event_filter).to_json()


@router.get("/incidents/{incident_id}", summary="One incident: members, claims, estimates")
def incident(store: StoreDep, options: OptionsDep, incident_id: str) -> dict[str, Any]:
    return views.incident_card(store, incident_id, options).to_json()


@router.get("/articles", summary="Stored articles' metadata, one page")
def articles(store: StoreDep, limit: LimitParam = DEFAULT_LIMIT, offset: OffsetParam = 0) -> dict[str, Any]:
    return views.articles_listing(store, limit, offset).to_json()


@router.get("/articles/{article_id}", summary="One article: clean-contract fields, text and its events")
def article(store: StoreDep, article_id: str) -> dict[str, Any]:
    return views.article_view(store, article_id, MAX_LIMIT).to_json()


FramingSortParam = Annotated[str, Query(description=f"One of: {', '.join(views.FRAMING_SORTS)}")]


@router.get(
    "/sources", summary="Per reporting source: events, articles, outlets; and framing by outlet, one page"
)
def sources(
    store: StoreDep,
    options: OptionsDep,
    framing: FramingDep,
    sort: FramingSortParam = "-articles",
    limit: LimitParam = DEFAULT_LIMIT,
    offset: OffsetParam = 0,
) -> dict[str, Any]:
    return views.sources_view(store, options, framing, sort, limit, offset).to_json()


@router.get("/outlets/{outlet:path}", summary="One outlet's framing terms, overall and month by month")
def outlet(store: StoreDep, options: OptionsDep, framing: FramingDep, outlet: str) -> dict[str, Any]:
    return views.outlet_view(store, options, framing, outlet).to_json()


@router.get("/places", summary="Places with events, with coordinates and governorate")
def places(store: StoreDep) -> dict[str, Any]:
    return {"places": store.places_summary()}
