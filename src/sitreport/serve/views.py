"""What each page shows, as plain data: the HTML page and its JSON twin both come from here.

A page route renders one of these with a template; the matching ``/api/`` route returns its
``to_json()``. So the table a person sees and the JSON a script reads cannot drift apart.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from markupsafe import Markup

from sitreport.errors import SitreportError
from sitreport.link.claims import estimate_key
from sitreport.link.framing import (
    OutletFraming,
    docs_from_articles,
    incident_framing,
    load_lexicon,
    outlet_framing,
    sentences,
)
from sitreport.options import Options
from sitreport.records import Article, Claim, Estimate, Event, Incident
from sitreport.serve.filters import EventFilter, FilterError
from sitreport.serve.highlight import event_spans, evidence_spans, highlight
from sitreport.store import Store

ARTICLE_FIELDS: tuple[str, ...] = (
    "article_id",
    "title",
    "published",
    "outlet",
    "agency",
    "dateline",
    "url",
    "file",
    "source",
)


class NotFoundError(SitreportError):
    """A record id that the store does not hold; answered with 404."""


def article_summary(article: Article) -> dict[str, Any]:
    """An article's metadata without its text, for listings."""
    return {name: getattr(article, name) for name in ARTICLE_FIELDS}


@dataclass
class Page:
    """Offset pagination shared by every listing."""

    total: int
    limit: int
    offset: int

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None

    @property
    def previous_offset(self) -> int | None:
        return max(0, self.offset - self.limit) if self.offset > 0 else None

    @property
    def first_row(self) -> int:
        return min(self.offset + 1, self.total)

    @property
    def last_row(self) -> int:
        return min(self.offset + self.limit, self.total)

    def to_json(self) -> dict[str, Any]:
        return {"total": self.total, "limit": self.limit, "offset": self.offset}


@dataclass
class EventsListing:
    filter: EventFilter
    events: list[Event]
    page: Page
    type_counts: dict[str, int]

    def to_json(self) -> dict[str, Any]:
        return {
            **self.page.to_json(),
            "sort": self.filter.sort,
            "filter": self.filter.params(),
            "counts": self.type_counts,
            "events": [event.to_dict() for event in self.events],
        }


def events_listing(store: Store, event_filter: EventFilter) -> EventsListing:
    query = event_filter.to_query()
    return EventsListing(
        filter=event_filter,
        events=store.query_events(query),
        page=Page(store.count_events(query), event_filter.limit, event_filter.offset),
        # Counted without the type filter (a facet): each chip shows what adding its type brings.
        type_counts=store.event_type_counts(replace(event_filter, event_types=(), offset=0)),
    )


# More bars than this are too thin to read or click: "auto" takes the finest period that fits.
MAX_TIMELINE_BARS = 120
DAYS_PER_PERIOD: dict[str, int] = {"day": 1, "week": 7, "month": 31}


def fitting_period(span: tuple[str, str] | None) -> str:
    """The finest period (day, week, month, else year) giving at most MAX_TIMELINE_BARS bars
    from the first to the last ISO day of ``span``."""
    if span is None:
        return "day"
    days = (date.fromisoformat(span[1]) - date.fromisoformat(span[0])).days + 1
    for by, length in DAYS_PER_PERIOD.items():
        if days / length <= MAX_TIMELINE_BARS - 1:
            return by
    return "year"


def timeline(store: Store, event_filter: EventFilter, by: str) -> dict[str, Any]:
    """Event counts per period and type, and fatalities per period; ``by`` may be "auto"."""
    query = event_filter.to_query()
    if by == "auto":
        by = fitting_period(store.date_span(query))
    return {
        "by": by,
        "filter": event_filter.params(),
        "periods": store.date_counts(query, by=by),
        "fatalities": store.date_fatalities(query, by=by),
    }


@dataclass
class ClaimRow:
    """One figure (category and kind) across sources: what each said, and the estimate."""

    category: str
    kind: str | None
    by_source: dict[str, list[Claim]]
    estimate: Estimate | None

    @property
    def label(self) -> str:
        return f"{self.category} ({self.kind})" if self.kind else self.category


def claim_rows(claims: list[Claim], estimates: dict[str, Estimate]) -> list[ClaimRow]:
    grouped: dict[tuple[str, str | None], dict[str, list[Claim]]] = defaultdict(lambda: defaultdict(list))
    for claim in claims:
        grouped[(claim.category, claim.kind)][claim.source or "unattributed"].append(claim)
    return [
        ClaimRow(category, kind, dict(by_source), estimates.get(estimate_key(category, kind)))
        for (category, kind), by_source in sorted(
            grouped.items(), key=lambda item: (item[0][0], item[0][1] or "")
        )
    ]


def claims_of_event(event: Event) -> list[Claim]:
    """An event's own figures in the claim shape, so one table template shows both."""
    return [
        Claim(q.category, q.value, q.qualifier, q.kind, q.source, event.article_id, event.event_id, q.text)
        for q in event.quantities
    ]


def claim_sources(rows: list[ClaimRow]) -> list[str]:
    return sorted({source for row in rows for source in row.by_source})


@dataclass
class EventCard:
    event: Event
    article: Article | None
    incident: Incident | None
    article_html: Markup
    title_html: Markup
    rows: list[ClaimRow] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {**self.event.to_dict(), "incident_id": self.incident.incident_id if self.incident else None}


def event_card(store: Store, event_id: str) -> EventCard:
    event = store.get_event(event_id)
    if event is None:
        raise NotFoundError(f"no event {event_id}")
    article = store.get_article(event.article_id)
    incident_id = store.incident_of_event(event_id)
    incident = store.get_incident(incident_id) if incident_id else None
    claims, estimates = (incident.claims, incident.estimates) if incident else (claims_of_event(event), {})
    return EventCard(
        event=event,
        article=article,
        incident=incident,
        article_html=highlight(article.text, event_spans([event])) if article else Markup(""),
        title_html=highlighted_title(article, [event]),
        rows=claim_rows(claims, estimates),
    )


def highlighted_title(article: Article | None, events: list[Event]) -> Markup:
    """The article's title with the events' headline evidence marked (empty when untitled)."""
    if article is None or not article.title:
        return Markup("")
    return highlight(article.title, evidence_spans(events, "title"))


@dataclass
class IncidentCard:
    incident: Incident
    events: list[Event]
    articles: list[Article]
    rows: list[ClaimRow]
    framing: list[OutletFraming]

    def to_json(self) -> dict[str, Any]:
        return {**self.incident.to_dict(), "framing": [outlet.to_dict() for outlet in self.framing]}


def incident_card(store: Store, incident_id: str, options: Options) -> IncidentCard:
    incident = store.get_incident(incident_id)
    if incident is None:
        raise NotFoundError(f"no incident {incident_id}")
    events = [event for event in map(store.get_event, incident.events) if event is not None]
    articles = [article for article in map(store.get_article, incident.articles) if article is not None]
    framing = incident_framing(incident, docs_from_articles(articles), load_lexicon(options.kb_dirs))
    return IncidentCard(incident, events, articles, claim_rows(incident.claims, incident.estimates), framing)


@dataclass
class IncidentsListing:
    filter: EventFilter
    incidents: list[Incident]
    page: Page

    def to_json(self) -> dict[str, Any]:
        return {
            **self.page.to_json(),
            "filter": self.filter.params(),
            "incidents": [i.to_dict() for i in self.incidents],
        }


def incidents_listing(store: Store, event_filter: EventFilter) -> IncidentsListing:
    """Incidents with a member event the filter matches, one page of them."""
    matching = event_filter.to_query()
    limit, offset = event_filter.limit, event_filter.offset
    return IncidentsListing(
        filter=event_filter,
        incidents=store.list_incidents(limit=limit, offset=offset, matching=matching),
        page=Page(store.count_incidents(matching=matching), limit, offset),
    )


@dataclass
class ArticlesListing:
    articles: list[Article]
    page: Page

    def to_json(self) -> dict[str, Any]:
        return {**self.page.to_json(), "articles": [article_summary(article) for article in self.articles]}


def articles_listing(store: Store, limit: int, offset: int) -> ArticlesListing:
    return ArticlesListing(
        store.list_articles(limit=limit, offset=offset), Page(store.count_articles(), limit, offset)
    )


@dataclass
class ArticleView:
    article: Article
    events: list[Event]
    article_html: Markup
    title_html: Markup

    def to_json(self) -> dict[str, Any]:
        return {
            **self.article.to_clean_dict(),
            "source": self.article.source,
            "events": [e.to_dict() for e in self.events],
        }


def article_view(store: Store, article_id: str, max_events: int) -> ArticleView:
    article = store.get_article(article_id)
    if article is None:
        raise NotFoundError(f"no article {article_id}")
    events = store.query_events(EventFilter(article_id=article_id, limit=max_events).to_query())
    return ArticleView(
        article, events, highlight(article.text, event_spans(events)), highlighted_title(article, events)
    )


def map_points(store: Store, event_filter: EventFilter) -> dict[str, Any]:
    """Markers for every event the filter matches (pagination ignored), and how many have none."""
    query = event_filter.to_query()
    # Points first: events are only ever added, so a count read after them is never smaller.
    points = store.map_points(query)
    matched = store.count_events(query)
    return {
        "filter": event_filter.params(),
        "matched": matched,
        "unmapped": matched - len(points),
        "points": points,
    }


def stored_articles(store: Store, page_size: int = 500) -> Iterator[Article]:
    offset = 0
    while batch := store.list_articles(limit=page_size, offset=offset):
        yield from batch
        offset += len(batch)


FRAMING_SORTS: tuple[str, ...] = ("articles", "-articles", "outlet", "-outlet", "terms", "-terms")


def term_uses(outlet: OutletFraming) -> int:
    return sum(use.count for uses in outlet.sides.values() for use in uses)


def ordered_outlets(outlets: list[OutletFraming], sort: str) -> list[OutletFraming]:
    """Outlets by name, articles read or term uses (FRAMING_SORTS); ties by name."""
    if sort not in FRAMING_SORTS:
        raise FilterError(f"sort must be one of {', '.join(FRAMING_SORTS)}, not {sort!r}")
    key, descending = sort.removeprefix("-"), sort.startswith("-")
    if key == "outlet":
        return sorted(outlets, key=lambda o: o.outlet.casefold(), reverse=descending)
    amount = (lambda o: len(o.articles)) if key == "articles" else term_uses
    sign = -1 if descending else 1
    return sorted(outlets, key=lambda o: (sign * amount(o), o.outlet.casefold()))


@dataclass
class SourcesView:
    """Per-source counts, and one page of outlets with the words each uses for each side."""

    sources: list[dict[str, Any]]
    framing: list[OutletFraming]
    sides: list[str]
    page: Page
    sort: str

    def to_json(self) -> dict[str, Any]:
        return {
            "sources": self.sources,
            **self.page.to_json(),
            "sort": self.sort,
            "sides": self.sides,
            "framing": [outlet.to_dict() for outlet in self.framing],
        }


def sources_view(
    store: Store,
    options: Options,
    framing: FramingCache,
    sort: str = "-articles",
    limit: int = 50,
    offset: int = 0,
) -> SourcesView:
    """The sources, and outlets as rows (sorted, one page): hundreds of outlets stay readable."""
    outlets = framing.framing(store, options)
    ordered = ordered_outlets(outlets, sort)
    sides = sorted({side for outlet in outlets for side in outlet.sides})
    return SourcesView(
        store.sources_summary(),
        ordered[offset : offset + limit],
        sides,
        Page(len(outlets), limit, offset),
        sort,
    )


@dataclass
class OutletView:
    """One outlet: its terms for each side, and how often it used each term month by month."""

    framing: OutletFraming
    months: list[str]
    terms: list[str]
    by_month: dict[str, dict[str, int]]

    def to_json(self) -> dict[str, Any]:
        return {**self.framing.to_dict(), "terms_by_month": self.by_month}


def outlet_view(store: Store, options: Options, framing: FramingCache, outlet: str) -> OutletView:
    found = [o for o in framing.framing(store, options) if o.outlet == outlet]
    if not found:
        raise NotFoundError(f"no outlet {outlet!r} among the stored articles")
    lexicon = load_lexicon(options.kb_dirs)
    members = set(found[0].articles)
    by_month: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for article in stored_articles(store):
        if article.article_id not in members:
            continue
        month = (article.published or "")[:7] or "undated"
        for sentence in sentences(article.text):
            for term in lexicon.find(sentence):
                by_month[month][term.term] += 1
    uses = [use for side in found[0].sides.values() for use in side]
    terms = [use.term for use in sorted(uses, key=lambda use: (-use.count, use.term))]
    months = sorted(by_month)
    return OutletView(found[0], months, terms, {month: dict(by_month[month]) for month in months})


class FramingCache:
    """Outlet framing over every stored article, recomputed only once articles were added.

    Reading the text of every article on each /sources request was most of its time.
    """

    def __init__(self) -> None:
        self._kept: tuple[tuple[int, Any], list[OutletFraming]] | None = None

    def framing(self, store: Store, options: Options) -> list[OutletFraming]:
        # The revision is read before the articles: one added in between is then already in
        # the result, and the next request (seeing a newer revision) merely recomputes it.
        revision = store.article_revision()
        kept = self._kept
        if kept is None or kept[0] != revision:
            docs = docs_from_articles(stored_articles(store))
            kept = (revision, outlet_framing(docs, load_lexicon(options.kb_dirs)))
            self._kept = kept  # one assignment: concurrent requests at worst compute it twice
        return kept[1]
