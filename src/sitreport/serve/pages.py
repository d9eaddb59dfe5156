"""Server-rendered HTML pages; each renders the same view data as its /api/ twin."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request, Response
from fastapi.responses import RedirectResponse
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, FileSystemLoader

from sitreport.records import EVENT_TYPES, Event, Incident, Place
from sitreport.serve import views
from sitreport.serve.api import (
    FilterDep,
    FramingDep,
    FramingSortParam,
    LimitParam,
    OffsetParam,
    OptionsDep,
    StoreDep,
)
from sitreport.serve.filters import MAX_LIMIT, SORT_CHOICES, sub_event_type_names
from sitreport.store import FATALITIES_CATEGORY

router = APIRouter(include_in_schema=False)

PRECISION_LABELS: dict[int, str] = {1: "town or site", 2: "district or area", 3: "governorate", 4: "country"}
QUALIFIER_LABELS: dict[str, str] = {"exact": "", "approx": "about", "min": "at least", "max": "up to"}


def place_label(place: Place | None) -> str:
    if place is None:
        return "—"
    parts = [place.name]
    if place.admin1 and place.admin1 != place.name:
        parts.append(f"({place.admin1})")
    if not place.resolved:
        parts.append("[not in gazetteer]")
    return " ".join(parts)


def precision_label(place: Place | None) -> str:
    return PRECISION_LABELS.get(place.precision or 0, "precision unknown") if place else ""


def event_place(event: Event) -> str:
    """Where, in one line: the location, else the route of a movement."""
    if event.location:
        return place_label(event.location)
    if event.origin and event.destination:
        return f"{place_label(event.origin)} → {place_label(event.destination)}"
    if event.origin:
        return f"from {place_label(event.origin)}"
    if event.destination:
        return f"to {place_label(event.destination)}"
    return "—"


def date_label(event: Event) -> str:
    if not event.date:
        return "undated"
    return f"{event.date} ({event.date_precision})" if event.date_precision else event.date


def figure_label(value: int, qualifier: str) -> str:
    prefix = QUALIFIER_LABELS.get(qualifier, qualifier)
    return f"{prefix} {value:,}".strip()


def type_label(event_type: str) -> str:
    return event_type.replace("_", " ")


def event_fatalities(event: Event) -> int | None:
    """The event's largest killed figure (sources' figures overlap), None when it gives none."""
    killed = [q.value for q in event.quantities if q.category == FATALITIES_CATEGORY]
    return max(killed) if killed else None


def incident_fatalities(incident: Incident) -> int | None:
    """The incident's best estimate of people killed (the largest over kinds), None without one."""
    bests = [
        estimate.best
        for key, estimate in incident.estimates.items()
        if key.partition(":")[0] == FATALITIES_CATEGORY
    ]
    return max(bests) if bests else None


def build_templates() -> Jinja2Templates:
    # Autoescape everything: article text and titles are untrusted input.
    environment = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True)
    environment.globals.update(
        event_types=EVENT_TYPES, sort_choices=SORT_CHOICES, sub_event_types=sub_event_type_names()
    )
    environment.filters.update(
        place_label=place_label,
        precision_label=precision_label,
        event_place=event_place,
        date_label=date_label,
        figure=figure_label,
        type_label=type_label,
        event_fatalities=event_fatalities,
        incident_fatalities=incident_fatalities,
    )
    return Jinja2Templates(env=environment)


templates = build_templates()


def render(request: Request, name: str, status_code: int = 200, **context: Any) -> Response:
    context.setdefault("vendor", request.app.state.vendor)
    return templates.TemplateResponse(request, name, context, status_code=status_code)


def error_page(request: Request, status: int, message: str) -> Response:
    return render(request, "error.html", status, status=status, message=message)


@router.get("/")
def home() -> Response:
    return RedirectResponse("/events")


@router.get("/events")
def events_page(request: Request, store: StoreDep, event_filter: FilterDep) -> Response:
    return render(
        request, "events.html", listing=views.events_listing(store, event_filter), filter=event_filter
    )


@router.get("/events/{event_id}")
def event_page(request: Request, store: StoreDep, event_id: str) -> Response:
    card = views.event_card(store, event_id)
    return render(request, "event.html", card=card, sources=views.claim_sources(card.rows))


@router.get("/map")
def map_page(request: Request, event_filter: FilterDep) -> Response:
    return render(request, "map.html", filter=event_filter)


@router.get("/incidents")
def incidents_page(request: Request, store: StoreDep, event_filter: FilterDep) -> Response:
    listing = views.incidents_listing(store, event_filter)
    return render(request, "incidents.html", listing=listing, filter=event_filter)


@router.get("/incidents/{incident_id}")
def incident_page(request: Request, store: StoreDep, options: OptionsDep, incident_id: str) -> Response:
    card = views.incident_card(store, incident_id, options)
    return render(request, "incident.html", card=card, sources=views.claim_sources(card.rows))


@router.get("/articles")
def articles_page(
    request: Request, store: StoreDep, limit: LimitParam = 50, offset: OffsetParam = 0
) -> Response:
    return render(request, "articles.html", listing=views.articles_listing(store, limit, offset))


@router.get("/articles/{article_id}")
def article_page(request: Request, store: StoreDep, article_id: str) -> Response:
    return render(request, "article.html", view=views.article_view(store, article_id, MAX_LIMIT))


@router.get("/sources")
def sources_page(
    request: Request,
    store: StoreDep,
    options: OptionsDep,
    framing: FramingDep,
    sort: FramingSortParam = "-articles",
    limit: LimitParam = 50,
    offset: OffsetParam = 0,
) -> Response:
    view = views.sources_view(store, options, framing, sort, limit, offset)
    return render(request, "sources.html", view=view)


@router.get("/outlets/{outlet:path}")
def outlet_page(
    request: Request, store: StoreDep, options: OptionsDep, framing: FramingDep, outlet: str
) -> Response:
    return render(request, "outlet.html", view=views.outlet_view(store, options, framing, outlet))


@router.get("/places")
def places_page(request: Request, store: StoreDep) -> Response:
    return render(request, "places.html", places=store.places_summary())
