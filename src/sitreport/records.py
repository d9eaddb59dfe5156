"""Plain typed records that flow between the stages.

Every stage takes and returns these; none of them knows about the database or the CLI.
Field names follow the output contract (docs/contract.md), so ``to_dict`` is the JSON shape.
"""

from __future__ import annotations

import copy
import hashlib
from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, Literal

EVENT_TYPES: tuple[str, ...] = (
    "evacuation",
    "surrender",
    "detention",
    "armed_clash",
    "remote_violence",
    "territory_change",
    "agreement",
    "weapons_handover",
    "casualties",
    "siege",
    "aid",
    "deployment",
    # ACLED's categories beyond the twelve above (kb/extraction/sub_events.toml)
    "violence_against_civilians",
    "protest",
    "riot",
)

QUANTITY_CATEGORIES: tuple[str, ...] = (
    "people",
    "fighters",
    "civilians",
    "families",
    "buses",
    "vehicles",
    "killed",
    "injured",
    "captured",
    "weapons",
    "displaced",
)

Qualifier = Literal["exact", "approx", "min", "max"]
ActorRole = Literal["actor", "target", "mediator", "affected"]
MediaType = Literal["text", "html"]


def stable_id(*parts: str, length: int = 16) -> str:
    """A short hex digest of the parts: the same inputs always give the same id."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()
    return digest[:length]


# Values ``dataclasses.asdict`` deep-copies to themselves: they are immutable.
_ATOMIC = frozenset({str, int, float, bool, type(None)})


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls))


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` of a record, step for step, without its deep copy of every
    string and number (a third of writing an event, for copies equal to the original)."""
    kind = type(value)
    if kind in _ATOMIC:
        return value
    if kind is list:
        return [_plain(item) for item in value]
    if hasattr(kind, "__dataclass_fields__"):
        return {name: _plain(getattr(value, name)) for name in _field_names(kind)}
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return kind(*[_plain(item) for item in value])
    if isinstance(value, (list, tuple)):
        return kind(_plain(item) for item in value)
    if isinstance(value, dict):
        return kind((_plain(key), _plain(item)) for key, item in value.items())
    return copy.deepcopy(value)


@dataclass
class RawDocument:
    """One document as read from disk or a corpus row, before any cleaning.

    ``meta`` carries what the container already knew (CSV/JSONL columns such as title,
    url, published, outlet); cleaning prefers it over what it can guess from the text.
    """

    source: str
    name: str
    content: str
    media_type: MediaType = "text"
    meta: dict[str, str] = field(default_factory=dict)


@dataclass
class Article:
    """A cleaned article: body text plus the metadata read out of the page."""

    article_id: str
    source: str
    file: str
    text: str
    raw_text: str = ""
    title: str | None = None
    published: str | None = None
    agency: str | None = None
    dateline: str | None = None
    outlet: str | None = None
    url: str | None = None

    @classmethod
    def build(cls, raw: RawDocument, text: str, **metadata: Any) -> Article:
        """An article whose id is the hash of its cleaned text (same text, same id)."""
        return cls(
            article_id=stable_id(text),
            source=raw.source,
            file=raw.name,
            text=text,
            raw_text=raw.content,
            **metadata,
        )

    def to_clean_dict(self) -> dict[str, Any]:
        """The ``sitreport clean --json`` contract shape."""
        return {
            "file": self.file,
            "title": self.title,
            "published": self.published,
            "agency": self.agency,
            "dateline": self.dateline,
            "outlet": self.outlet,
            "url": self.url,
            "article_id": self.article_id,
            "text": self.text,
        }


@dataclass
class Place:
    """A resolved (or knowingly unresolved) place.

    ``precision`` follows docs/knowledge-base.md (precision scale): 1 = the town or site
    itself, 2 = a district or area around a known point, 3 = a governorate/province or region,
    4 = a country.
    ``resolved`` is False for a named miss: the text named a place the knowledge base does
    not know, and the name is kept without coordinates rather than dropped or guessed.
    """

    name: str
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonames_id: int | None = None
    kind: str | None = None
    precision: int | None = None
    mention: str | None = None
    resolved: bool = True
    # District and sub-district (ACLED admin2/admin3), where the gazetteer knows them.
    admin2: str | None = None
    admin3: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Actor:
    """A canonical actor; ``inter`` is its ACLED interaction code (1 state forces … 8 external)."""

    name: str
    role: ActorRole = "actor"
    kind: str | None = None
    mention: str | None = None
    inter: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Quantity:
    category: str
    value: int
    qualifier: Qualifier = "exact"
    kind: str | None = None
    source: str | None = None
    text: str = ""
    start: int | None = None
    end: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Evidence:
    """A supporting span: offsets into ``Article.text`` when ``part`` is "text", or into
    ``Article.title`` when it is "title" (a headline is kept apart from the body text)."""

    start: int
    end: int
    text: str
    part: Literal["text", "title"] = "text"

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Event:
    """One event as read from one article (the ``sitreport extract`` contract)."""

    event_id: str
    article_id: str
    event_type: str
    source_file: str | None = None
    date: str | None = None
    date_precision: str | None = None
    date_text: str | None = None
    location: Place | None = None
    origin: Place | None = None
    destination: Place | None = None
    actors: list[Actor] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    sources: list[str] = field(default_factory=list)
    evidence: list[Evidence] = field(default_factory=list)
    confidence: float = 0.5
    outlet: str | None = None
    # ACLED's sub-event type and disorder type (sitreport.extract.typology)
    sub_event_type: str | None = None
    disorder_type: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Event:
        """Rebuild an event from its contract dict (the inverse of ``to_dict``)."""

        def place(value: dict[str, Any] | None) -> Place | None:
            return Place(**value) if value else None

        return cls(
            **{
                **data,
                "location": place(data.get("location")),
                "origin": place(data.get("origin")),
                "destination": place(data.get("destination")),
                "actors": [Actor(**a) for a in data.get("actors") or []],
                "quantities": [Quantity(**q) for q in data.get("quantities") or []],
                "evidence": [Evidence(**e) for e in data.get("evidence") or []],
            }
        )


@dataclass
class Claim:
    """One figure as one source gave it, inside an incident."""

    category: str
    value: int
    qualifier: Qualifier
    kind: str | None
    source: str | None
    article_id: str
    event_id: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Estimate:
    low: int
    best: int
    high: int | None

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class IncidentLink:
    """Why one member event is in its incident: the member it was joined to, how sure that link
    is (0 to 1), whether an analyst should check it, and a reason per aspect compared."""

    event_id: str
    linked_to: str
    score: float
    weak: bool
    reasons: dict[str, str]

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class Incident:
    """A real-world event as reported by one or more articles (``sitreport incidents``)."""

    incident_id: str
    event_type: str
    date: str | None
    location: Place | None
    events: list[str]
    articles: list[str]
    sources: list[str]
    claims: list[Claim]
    estimates: dict[str, Estimate]
    disputed: bool
    links: list[IncidentLink] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)


@dataclass
class ArticleResult:
    """One article and the events read from it. Here, not in ``pipeline``, so that a cluster's
    driver unpickles its workers' results without importing cleaning (which imports spaCy)."""

    article: Article
    events: list[Event] = field(default_factory=list)
