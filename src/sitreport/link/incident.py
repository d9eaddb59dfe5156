"""One Incident from its member events: type, agreed date and place, claims and estimates."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sitreport.link.claims import claims_of, disputed_keys, estimates_of
from sitreport.link.features import is_area, normalise_name
from sitreport.link.rules import LinkRules
from sitreport.records import Event, Incident, IncidentLink, Place, stable_id


def incident_id(event_ids: Sequence[str]) -> str:
    """Stable while the member events stay the same, whatever order they arrive in."""
    return stable_id("incident", *sorted(event_ids))


def where(event: Event) -> Place | None:
    """The place an event happened; an evacuation may only name where people left from."""
    return event.location or event.origin or event.destination


def agreed_date(events: Sequence[Event]) -> str | None:
    """The date as precise as the members agree on (stated dates outrank inferred ones)."""
    stated = [e.date for e in events if e.date and e.date_text and e.date_precision == "day"]
    dates = stated or [e.date for e in events if e.date]
    if not dates:
        return None
    parts = [date.split("-") for date in dates]
    agreed: list[str] = []
    for components in zip(*parts, strict=False):
        if len(set(components)) > 1:
            break
        agreed.append(components[0])
    return "-".join(agreed) or None


def agreed_place(events: Sequence[Event]) -> Place | None:
    """The most precise place the members agree on: the spot most of them name, else the area."""
    places = [place for place in map(where, events) if place is not None]
    spots = [place for place in places if not is_area(place)] or places
    if not spots:
        return None
    names = Counter(normalise_name(place.name) for place in spots)
    chosen = min(names, key=lambda name: (-names[name], name))
    candidates = [place for place in spots if normalise_name(place.name) == chosen]
    return min(candidates, key=lambda p: (p.lat is None, p.precision or 9, not p.resolved, p.name))


def build_incident(events: Sequence[Event], rules: LinkRules, links: Sequence[IncidentLink] = ()) -> Incident:
    """The incident of these member events; ``links`` say why each joined (one fewer than members)."""
    members = sorted(events, key=lambda event: event.event_id)
    claims = claims_of(members)
    event_ids = [event.event_id for event in members]
    sources = {source for event in members for source in event.sources}
    sources |= {claim.source for claim in claims if claim.source}
    return Incident(
        incident_id=incident_id(event_ids),
        event_type=rules.incident_type(Counter(event.event_type for event in members)),
        date=agreed_date(members),
        location=agreed_place(members),
        events=event_ids,
        articles=sorted({event.article_id for event in members}),
        sources=sorted(sources),
        claims=claims,
        estimates=estimates_of(claims, rules.bounds),
        disputed=bool(disputed_keys(claims, rules.bounds)),
        links=sorted(links, key=lambda link: (link.event_id, link.linked_to)),
    )
