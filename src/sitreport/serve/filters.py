"""The event filter that pages, JSON endpoints and downloads share.

Every listing reads its filter from the query string, so a URL is the whole state of a view:
copy it and the recipient sees the same rows. Empty form fields mean "no filter". Filters
forgive: sources and actors match whatever their case, a place matches through the
gazetteer's names and aliases (a governorate includes its towns), and ``event_type`` and
``sub_event_type`` may be given several times to match any of them.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Query, Request

from sitreport.errors import SitreportError
from sitreport.extract.typology import load_typology
from sitreport.kb import load_kb
from sitreport.kb.gazetteer import ADMIN1_KIND, PlaceEntry
from sitreport.records import EVENT_TYPES
from sitreport.store import EventQuery

SORT_KEYS: tuple[str, ...] = ("date", "event_type", "confidence", "place")
SORT_CHOICES: tuple[str, ...] = tuple(key for sort in SORT_KEYS for key in (sort, f"-{sort}"))
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
TIMELINE_PERIODS: tuple[str, ...] = ("auto", "day", "week", "month", "year")
# Fields derived from others (place_names from place): never written into a URL.
DERIVED_FIELDS: frozenset[str] = frozenset({"place_names"})
# URL names of the multi-valued fields: one parameter per value, as an HTML form sends them.
LIST_PARAMETERS: dict[str, str] = {"event_types": "event_type", "sub_event_types": "sub_event_type"}

ParamValue = str | list[str]


class FilterError(SitreportError):
    """A query-string value that cannot be used as a filter; answered with 400."""


@dataclass(frozen=True)
class EventFilter(EventQuery):
    """What the user asked for, validated: a store query that also knows its own URL."""

    limit: int = DEFAULT_LIMIT

    def to_query(self, *, limit: int | None = None, offset: int | None = None) -> EventQuery:
        """This filter as the store's query, with its page changed as asked."""
        changes = {"limit": limit, "offset": offset}
        return replace(self, **{name: value for name, value in changes.items() if value is not None})

    def params(self) -> dict[str, ParamValue]:
        """The non-default parameters by URL name, in a stable order, for building URLs:
        a list for a multi-valued one, ``1`` for a flag that is set."""
        defaults = EventFilter()
        found: dict[str, ParamValue] = {}
        for name in self.__dataclass_fields__:
            value = getattr(self, name)
            if name in DERIVED_FIELDS or value == getattr(defaults, name):
                continue
            if name in LIST_PARAMETERS:
                found[LIST_PARAMETERS[name]] = list(value)
            else:
                found[name] = "1" if value is True else str(value)
        return found

    def url(self, path: str, **changes: object) -> str:
        """``path`` with this filter (changed as asked) as its query string."""
        query = urlencode(replace(self, **changes).params(), doseq=True)
        return f"{path}?{query}" if query else path

    def toggled_type(self, event_type: str) -> tuple[str, ...]:
        """The types with ``event_type`` added, or taken out when it is already one of them."""
        if event_type in self.event_types:
            return tuple(t for t in self.event_types if t != event_type)
        return (*self.event_types, event_type)

    def without_page(self) -> EventFilter:
        return replace(self, offset=0)


def _blank_to_none(value: str | None) -> str | None:
    stripped = value.strip() if value is not None else None
    return stripped or None


def _iso_date(name: str, value: str | None) -> str | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError as error:
        raise FilterError(f"{name} must be a date as YYYY-MM-DD, not {value!r}") from error


def event_types_given(values: list[str] | None) -> tuple[str, ...]:
    """The distinct non-blank types given, in order; FilterError naming one that is not a type."""
    chosen = tuple(dict.fromkeys(v for value in values or () if (v := value.strip())))
    for value in chosen:
        if value not in EVENT_TYPES:
            raise FilterError(f"event_type must be one of {', '.join(EVENT_TYPES)}, not {value!r}")
    return chosen


def sub_event_type_names(kb_dirs: tuple[Path, ...] = ()) -> tuple[str, ...]:
    """ACLED's sub-event types the typology knows, in its order."""
    return tuple(load_typology(kb_dirs).acled)


def _sub_event_types(values: list[str] | None, kb_dirs: tuple[Path, ...]) -> tuple[str, ...]:
    known = {name.casefold(): name for name in sub_event_type_names(kb_dirs)}
    chosen = tuple(dict.fromkeys(v for value in values or () if (v := value.strip())))
    for value in chosen:
        if value.casefold() not in known:
            raise FilterError(f"sub_event_type {value!r} is not one of ACLED's sub-event types")
    return tuple(known[value.casefold()] for value in chosen)


def _min_fatalities(value: str | None) -> int | None:
    value = _blank_to_none(value)
    if value is None:
        return None
    if not value.isdigit():
        raise FilterError(f"min_fatalities must be a whole number, not {value!r}")
    return int(value)


def _flag(name: str, value: str | None) -> bool:
    value = (_blank_to_none(value) or "0").casefold()
    if value not in {"0", "1", "true", "false", "on", "off"}:
        raise FilterError(f"{name} must be 1 or 0, not {value!r}")
    return value in {"1", "true", "on"}


def _gazetteer_matches(name: str, kb_dirs: tuple[Path, ...]) -> list[PlaceEntry]:
    """Entries that go by ``name``: written so (any case) if any is, else by its spelling key."""
    places = load_kb(kb_dirs).places
    folded = name.casefold()
    written = [entry for entry in places.entries if folded in (n.casefold() for n in entry.names)]
    if written:
        return written
    key = places.rules.name_key(name, places.rules.place_fillers)
    return [places.entries[hit.entry] for hit in places.names.get(key)]


def place_names(place: str | None, kb_dirs: tuple[Path, ...] = ()) -> tuple[str, ...]:
    """The names events store for the place a user typed: the canonical name of every
    gazetteer entry going by it, and a governorate's admin1 name (its towns carry it)."""
    if place is None:
        return ()
    names: dict[str, None] = {}
    for entry in _gazetteer_matches(place, kb_dirs):
        names[entry.name] = None
        if entry.kind == ADMIN1_KIND and entry.admin1:
            names[entry.admin1] = None
    return tuple(name for name in names if name.casefold() != place.casefold())


def _sort(value: str | None) -> str:
    value = _blank_to_none(value) or "date"
    if value not in SORT_CHOICES:
        raise FilterError(f"sort must be one of {', '.join(SORT_CHOICES)}, not {value!r}")
    return value


def kb_dirs_of(request: Request) -> tuple[Path, ...]:
    kb_dirs: tuple[Path, ...] = request.app.state.options.kb_dirs
    return kb_dirs


def event_filter(
    request: Request,
    event_type: Annotated[
        list[str] | None, Query(description=f"Any of (repeat the parameter): {', '.join(EVENT_TYPES)}")
    ] = None,
    sub_event_type: Annotated[
        list[str] | None, Query(description="Any of ACLED's sub-event types (repeat the parameter)")
    ] = None,
    date_from: Annotated[str | None, Query(description="First day, YYYY-MM-DD (inclusive)")] = None,
    date_to: Annotated[str | None, Query(description="Last day, YYYY-MM-DD (inclusive)")] = None,
    place: Annotated[
        str | None, Query(description="Place or governorate, any name or alias the gazetteer knows")
    ] = None,
    actor: Annotated[str | None, Query(description="Actor's name, any case")] = None,
    source: Annotated[str | None, Query(description="Reporting source, any case, e.g. sana, SOHR")] = None,
    text: Annotated[str | None, Query(description="Words in the evidence or the article title")] = None,
    article_id: Annotated[str | None, Query(description="Only events read from this article")] = None,
    disputed: Annotated[str | None, Query(description="1: only events of disputed incidents")] = None,
    min_fatalities: Annotated[
        str | None, Query(description="Only events with at least this many killed (largest figure)")
    ] = None,
    sort: Annotated[str | None, Query(description=f"One of: {', '.join(SORT_CHOICES)}")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EventFilter:
    """FastAPI dependency: the query string as a validated EventFilter (FilterError if not)."""
    kb_dirs = kb_dirs_of(request)
    typed_place = _blank_to_none(place)
    event_filter = EventFilter(
        event_types=event_types_given(event_type),
        sub_event_types=_sub_event_types(sub_event_type, kb_dirs),
        date_from=_iso_date("date_from", date_from),
        date_to=_iso_date("date_to", date_to),
        place=typed_place,
        place_names=place_names(typed_place, kb_dirs),
        actor=_blank_to_none(actor),
        source=_blank_to_none(source),
        text=_blank_to_none(text),
        article_id=_blank_to_none(article_id),
        disputed=_flag("disputed", disputed),
        min_fatalities=_min_fatalities(min_fatalities),
        sort=_sort(sort),
        limit=limit,
        offset=offset,
    )
    if event_filter.date_from and event_filter.date_to and event_filter.date_from > event_filter.date_to:
        raise FilterError("date_from is after date_to")
    return event_filter


def timeline_period(
    by: Annotated[
        str, Query(description=f"One of: {', '.join(TIMELINE_PERIODS)}; auto picks the finest that fits")
    ] = "day",
) -> str:
    if by not in TIMELINE_PERIODS:
        raise FilterError(f"by must be one of {', '.join(TIMELINE_PERIODS)}, not {by!r}")
    return by
