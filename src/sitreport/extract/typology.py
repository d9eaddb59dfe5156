"""ACLED's typology for each event: its sub-event type and disorder type, read from the evidence.

The weapon or means named in the event's sentences, who the victims were and who took the
ground decide the sub-event type (kb/extraction/sub_events.toml). An "attack" told with its
weapon becomes an event of that weapon ("a chemical attack" is remote violence); a toll takes
its cause's sub-event type, and its type too when nothing else in the article reports that
cause. docs/events.md ("Typology") lists the rules.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from sitreport.annotate.kbdata import read_table
from sitreport.errors import KnowledgeBaseError
from sitreport.records import EVENT_TYPES, Event, Quantity

TABLE = "sub_events.toml"
ACTING_ROLES = frozenset({"actor"})
VICTIM_ROLES = frozenset({"target", "affected"})
CIVILIANS_INTER = 7


@dataclass(frozen=True)
class AcledClass:
    event_type: str
    disorder_type: str


@dataclass(frozen=True)
class SubEventRule:
    """One row of [[rule]]: see the header of kb/extraction/sub_events.toml."""

    types: frozenset[str]
    cues: tuple[re.Pattern[str], ...]
    not_cues: tuple[re.Pattern[str], ...]
    actor_inter: frozenset[int]
    civilians: bool
    no_killed: bool
    event_type: str | None
    sub_event_type: str


@dataclass(frozen=True)
class Typology:
    rules: tuple[SubEventRule, ...]
    defaults: Mapping[str, str]
    acled: Mapping[str, AcledClass]
    civilian_words: re.Pattern[str]
    # the types a rule may change (a toll keeps its own: see the header of sub_events.toml)
    retypable: frozenset[str]


@dataclass(frozen=True)
class EventFacts:
    """What the rules look at: the evidence text, the actors' inter codes, the victims."""

    text: str
    acting_inter: frozenset[int]
    civilian_victims: bool
    killed: bool
    # cue -> whether the text has it: the rules share their cue lists, searched once per event
    found: dict[re.Pattern[str], bool] = field(default_factory=dict, compare=False, repr=False)

    def has(self, cue: re.Pattern[str]) -> bool:
        """Whether ``cue`` occurs in the text."""
        hit = self.found.get(cue)
        if hit is None:
            hit = self.found[cue] = cue.search(self.text) is not None
        return hit


def word_pattern(words: Iterable[str]) -> re.Pattern[str]:
    """One case-insensitive pattern for whole words; "*" ends a word with any ending."""
    return re.compile(r"(?<![\w-])(?:" + "|".join(map(phrase_pattern, words)) + r")(?![\w])", re.IGNORECASE)


def phrase_pattern(phrase: str) -> str:
    pieces = (
        re.escape(piece.rstrip("*")) + (r"[\w-]*" if piece.endswith("*") else "") for piece in phrase.split()
    )
    return r"\s+".join(pieces)


def cue_patterns(names: Iterable[str], cues: Mapping[str, re.Pattern[str]]) -> tuple[re.Pattern[str], ...]:
    unknown = [name for name in names if name not in cues]
    if unknown:
        raise KnowledgeBaseError(f"extraction/{TABLE}: unknown cue list(s) {', '.join(unknown)}")
    return tuple(cues[name] for name in names)


def known_type(value: str | None, where: str) -> str | None:
    if value is not None and value not in EVENT_TYPES:
        raise KnowledgeBaseError(f"extraction/{TABLE}: {where}: unknown event type {value!r}")
    return value


def sub_event_rule(
    entry: Mapping[str, Any], cues: Mapping[str, re.Pattern[str]], acled: Mapping[str, Any]
) -> SubEventRule:
    sub_event = entry.get("sub_event_type", "")
    if sub_event not in acled:
        raise KnowledgeBaseError(
            f"extraction/{TABLE}: a rule's sub_event_type {sub_event!r} is not in [acled]"
        )
    types = [known_type(name, "rule types") for name in entry.get("types", [])]
    return SubEventRule(
        types=frozenset(name for name in types if name),
        cues=cue_patterns(entry.get("cues", []), cues),
        not_cues=cue_patterns(entry.get("not_cues", []), cues),
        actor_inter=frozenset(int(code) for code in entry.get("actor_inter", [])),
        civilians=bool(entry.get("civilians", False)),
        no_killed=bool(entry.get("no_killed", False)),
        event_type=known_type(entry.get("event_type"), f"rule for {sub_event}"),
        sub_event_type=sub_event,
    )


@lru_cache(maxsize=8)
def load_typology(extra_dirs: tuple[Path, ...] = ()) -> Typology:
    table = read_table(TABLE, extra_dirs)
    acled = {
        name: AcledClass(row["event_type"], row["disorder_type"]) for name, row in table["acled"].items()
    }
    cues = {name: word_pattern(words) for name, words in table["cues"].items()}
    defaults = dict(table["default"])
    missing = [name for name in EVENT_TYPES if defaults.get(name) not in acled]
    if missing:
        raise KnowledgeBaseError(
            f"extraction/{TABLE}: [default] lacks a known sub-event for {', '.join(missing)}"
        )
    rules = tuple(sub_event_rule(entry, cues, acled) for entry in table.get("rule", []))
    retypable = frozenset(known_type(name, "[retype]") or "" for name in table["retype"]["types"])
    return Typology(rules, defaults, acled, cues["civilians"], retypable)


def civilian_figure(quantity: Quantity) -> bool:
    return quantity.category == "civilians" or (quantity.kind or "").casefold().startswith("civilian")


def event_facts(event: Event, civilian_words: re.Pattern[str]) -> EventFacts:
    text = " ".join(span.text for span in event.evidence)
    victims = [actor for actor in event.actors if actor.role in VICTIM_ROLES]
    civilian_victims = (
        any(actor.inter == CIVILIANS_INTER for actor in victims)
        or any(civilian_figure(quantity) for quantity in event.quantities)
        or civilian_words.search(text) is not None
    )
    return EventFacts(
        text=text,
        acting_inter=frozenset(
            actor.inter for actor in event.actors if actor.role in ACTING_ROLES and actor.inter
        ),
        civilian_victims=civilian_victims,
        killed=any(quantity.category == "killed" for quantity in event.quantities),
    )


def fits(rule: SubEventRule, event_type: str, facts: EventFacts) -> bool:
    return (
        event_type in rule.types
        and (not rule.cues or any(facts.has(cue) for cue in rule.cues))
        and not any(facts.has(cue) for cue in rule.not_cues)
        and (not rule.actor_inter or bool(rule.actor_inter & facts.acting_inter))
        and (not rule.civilians or facts.civilian_victims)
        and (not rule.no_killed or not facts.killed)
    )


@dataclass(frozen=True)
class Reading:
    """What the rules say of one event: the type its cause gives it (if any) and its sub-event."""

    suggested_type: str | None
    sub_event_type: str


def read(event: Event, typology: Typology) -> Reading:
    """The first rule that fits, else the type's default sub-event."""
    facts = event_facts(event, typology.civilian_words)
    rule = next((rule for rule in typology.rules if fits(rule, event.event_type, facts)), None)
    if rule is None:
        return Reading(None, typology.defaults[event.event_type])
    return Reading(rule.event_type, rule.sub_event_type)


def typed_as(event: Event, event_type: str, sub_event: str, typology: Typology) -> Event:
    disorder = typology.acled[sub_event].disorder_type
    return replace(event, event_type=event_type, sub_event_type=sub_event, disorder_type=disorder)


def own_type(event: Event, reading: Reading, typology: Typology) -> str:
    """The type a rule gives, where [retype] lets it change this event's type."""
    if reading.suggested_type and event.event_type in typology.retypable:
        return reading.suggested_type
    return event.event_type


def classify(event: Event, extra_dirs: tuple[Path, ...] = ()) -> Event:
    """The event with its sub-event and disorder type (and, when its weapon says so, its type)."""
    typology = load_typology(extra_dirs)
    reading = read(event, typology)
    return typed_as(event, own_type(event, reading, typology), reading.sub_event_type, typology)


def spans(event: Event) -> set[tuple[str, int, int]]:
    return {(span.part, span.start, span.end) for span in event.evidence}


def classify_article(events: list[Event], extra_dirs: tuple[Path, ...] = ()) -> list[Event]:
    """Every event of one article classified. A toll keeps its type while another event of the
    article reports its cause in the same sentence ("killed when artillery shelled..."); a toll
    that is the only report of its cause ("died in air strikes", no strike event) becomes it."""
    typology = load_typology(extra_dirs)
    readings = [read(event, typology) for event in events]
    types = [own_type(event, reading, typology) for event, reading in zip(events, readings, strict=True)]
    classified = []
    for event, reading, event_type in zip(events, readings, types, strict=True):
        cause = reading.suggested_type
        if cause and event_type == event.event_type and not reported_beside(event, cause, events, types):
            event_type = cause
        classified.append(typed_as(event, event_type, reading.sub_event_type, typology))
    return classified


def reported_beside(event: Event, event_type: str, events: list[Event], types: list[str]) -> bool:
    """Whether another event of ``event_type`` shares a sentence with ``event``."""
    own = spans(event)
    return any(
        other is not event and other_type == event_type and own & spans(other)
        for other, other_type in zip(events, types, strict=True)
    )


def default_sub_event(event_type: str, extra_dirs: tuple[Path, ...] = ()) -> str:
    return load_typology(extra_dirs).defaults.get(event_type, "Other")


def acled_class(sub_event_type: str | None, extra_dirs: tuple[Path, ...] = ()) -> AcledClass | None:
    """ACLED's event type and disorder type for a sub-event type."""
    return load_typology(extra_dirs).acled.get(sub_event_type or "")
