"""The event filter that pages, JSON endpoints and downloads share.

Every listing reads its filter from the query string, so a URL is the whole state of a view:
copy it and the recipient sees the same rows. Empty form fields mean "no filter".
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Annotated
from urllib.parse import urlencode

from fastapi import Query

from sitreport.errors import SitreportError
from sitreport.records import EVENT_TYPES
from sitreport.store import EventQuery

SORT_KEYS: tuple[str, ...] = ("date", "event_type", "confidence", "place")
SORT_CHOICES: tuple[str, ...] = tuple(key for sort in SORT_KEYS for key in (sort, f"-{sort}"))
DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
TIMELINE_PERIODS: tuple[str, ...] = ("day", "week", "month")


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

    def params(self) -> dict[str, str]:
        """The non-default parameters, in a stable order, for building URLs."""
        defaults = EventFilter()
        return {
            name: str(getattr(self, name))
            for name in self.__dataclass_fields__
            if getattr(self, name) != getattr(defaults, name)
        }

    def url(self, path: str, **changes: object) -> str:
        """``path`` with this filter (changed as asked) as its query string."""
        query = urlencode(replace(self, **changes).params())
        return f"{path}?{query}" if query else path

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


def _event_type(value: str | None) -> str | None:
    value = _blank_to_none(value)
    if value is not None and value not in EVENT_TYPES:
        raise FilterError(f"event_type must be one of {', '.join(EVENT_TYPES)}, not {value!r}")
    return value


def _sort(value: str | None) -> str:
    value = _blank_to_none(value) or "date"
    if value not in SORT_CHOICES:
        raise FilterError(f"sort must be one of {', '.join(SORT_CHOICES)}, not {value!r}")
    return value


def event_filter(
    event_type: Annotated[str | None, Query(description=f"One of: {', '.join(EVENT_TYPES)}")] = None,
    date_from: Annotated[str | None, Query(description="First day, YYYY-MM-DD (inclusive)")] = None,
    date_to: Annotated[str | None, Query(description="Last day, YYYY-MM-DD (inclusive)")] = None,
    place: Annotated[str | None, Query(description="Place name or governorate (admin1)")] = None,
    actor: Annotated[str | None, Query(description="Actor's canonical name")] = None,
    source: Annotated[str | None, Query(description="Reporting source, e.g. SANA, SOHR")] = None,
    text: Annotated[str | None, Query(description="Words in the evidence or the article title")] = None,
    article_id: Annotated[str | None, Query(description="Only events read from this article")] = None,
    sort: Annotated[str | None, Query(description=f"One of: {', '.join(SORT_CHOICES)}")] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> EventFilter:
    """FastAPI dependency: the query string as a validated EventFilter (FilterError if not)."""
    event_filter = EventFilter(
        event_type=_event_type(event_type),
        date_from=_iso_date("date_from", date_from),
        date_to=_iso_date("date_to", date_to),
        place=_blank_to_none(place),
        actor=_blank_to_none(actor),
        source=_blank_to_none(source),
        text=_blank_to_none(text),
        article_id=_blank_to_none(article_id),
        sort=_sort(sort),
        limit=limit,
        offset=offset,
    )
    if event_filter.date_from and event_filter.date_to and event_filter.date_from > event_filter.date_to:
        raise FilterError("date_from is after date_to")
    return event_filter


def timeline_period(
    by: Annotated[str, Query(description=f"One of: {', '.join(TIMELINE_PERIODS)}")] = "day",
) -> str:
    if by not in TIMELINE_PERIODS:
        raise FilterError(f"by must be one of {', '.join(TIMELINE_PERIODS)}, not {by!r}")
    return by
