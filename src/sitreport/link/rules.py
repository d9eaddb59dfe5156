"""What linking reads from the knowledge base: compatible types, running-total cues, strict bounds.

Read once per set of knowledge-base folders (``kb/link/README.md`` describes the files).
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from sitreport.kb import data_files
from sitreport.link.claims import BoundRules, load_bound_rules
from sitreport.link.kbtables import read_table
from sitreport.link.names import normalise_name

_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class LinkRules:
    """``compatible``: unordered type pairs one happening may be told as; ``within_article``: those
    that are one happening even when one article tells both; ``yields``: (type, type it yields
    to as an incident's type); ``groups``: each type's blocking group (the connected set of
    compatible types, named by its smallest member); ``generic_kinds``: figure kinds that name
    no group ("people"), normalised; ``opposing_kinds``: pairs of actor kinds on opposite sides;
    ``sides``: each actor's side of the war (``kb/actors.csv``), by folded name, compared for
    doers of ``sided_kinds``; ``weekdays``: weekday words to the weekday (Monday 0)."""

    compatible: frozenset[frozenset[str]]
    within_article: frozenset[frozenset[str]]
    yields: frozenset[tuple[str, str]]
    groups: dict[str, str]
    running_total: re.Pattern[str] | None
    largest: dict[str, int]
    bounds: BoundRules
    generic_kinds: frozenset[str]
    opposing_kinds: frozenset[frozenset[str]]
    sides: dict[str, str]
    sided_kinds: frozenset[str]
    weekdays: dict[str, int]

    def types_compatible(self, first: str, second: str) -> bool:
        return first == second or frozenset({first, second}) in self.compatible

    def told_apart(self, first: str, second: str) -> bool:
        """One article's two events of these types can be one happening (a strike and its toll)."""
        return frozenset({first, second}) in self.within_article

    def incident_type(self, told: Counter[str]) -> str:
        """The type of an incident whose members tell these types: a type yields to a compatible
        one that is the more specific telling (a toll to its strike, a clash to a strike), then
        the most told wins, ties by name."""
        kept = [t for t in told if not any((t, other) in self.yields for other in told)]
        return min(kept or told, key=lambda t: (-told[t], t))

    def type_group(self, event_type: str) -> str:
        return self.groups.get(event_type, event_type)

    def is_running_total(self, text: str | None) -> bool:
        return bool(text and self.running_total and self.running_total.search(text))

    def names_both_sides(self, kinds: set[str]) -> bool:
        """Doers of these kinds include both sides of some opposing pair (``opposing_kinds.csv``)."""
        return any(pair <= kinds for pair in self.opposing_kinds)

    def side_of(self, actor: str, kind: str | None) -> str | None:
        """The side of the war a doer of a sided kind (``sided_kinds.csv``) fights on
        (``kb/actors.csv``); None for other kinds and unknown sides."""
        return self.sides.get(normalise_name(actor)) if kind in self.sided_kinds else None

    def weekday_of(self, text: str | None) -> int | None:
        """The weekday (Monday 0) date words name ("on Thursday", or "Saturdays" as extraction
        reads a possessive whose apostrophe scraping dropped); None when they name none."""
        words = [w for word in _WORD.findall((text or "").casefold()) for w in (word, word.removesuffix("s"))]
        return next((self.weekdays[word] for word in words if word in self.weekdays), None)

    def is_war_total(self, category: str, value: int) -> bool:
        """Larger than any one incident's figure of this category can be."""
        return value > self.largest.get(category, value)


def connected_groups(pairs: frozenset[frozenset[str]]) -> dict[str, str]:
    """Each type to the smallest name of its connected set: compatible types must meet in one block."""
    group: dict[str, str] = {}
    for pair in sorted(sorted(pair) for pair in pairs):
        names = {group.get(name, name) for name in pair}
        root = min(names)
        for event_type, current in list(group.items()):
            if current in names:
                group[event_type] = root
        for name in pair:
            group[name] = root
    return group


def cue_pattern(cues: list[str]) -> re.Pattern[str] | None:
    if not cues:
        return None
    words = sorted((re.escape(cue.casefold()) for cue in cues), key=len, reverse=True)
    return re.compile(rf"\b(?:{'|'.join(words)})\b", re.IGNORECASE)


@cache
def load_link_rules(extra_dirs: tuple[Path, ...] = ()) -> LinkRules:
    columns = ("first", "second", "within_article", "incident_type")
    rows = read_table("link/compatible_types.csv", columns, extra_dirs)
    pairs = frozenset(frozenset({row["first"].strip(), row["second"].strip()}) for row in rows)
    within = frozenset(
        frozenset({row["first"].strip(), row["second"].strip()})
        for row in rows
        if row["within_article"].strip().casefold() == "yes"
    )
    yields = frozenset(
        (loser, row["incident_type"].strip())
        for row in rows
        for loser in (row["first"].strip(), row["second"].strip())
        if loser != row["incident_type"].strip()
    )
    cues = [row["cue"].strip() for row in read_table("link/running_totals.csv", ("cue",), extra_dirs)]
    limits = read_table("link/incident_limits.csv", ("category", "largest"), extra_dirs)
    return LinkRules(
        compatible=pairs,
        within_article=within,
        yields=yields,
        groups=connected_groups(pairs),
        running_total=cue_pattern([cue for cue in cues if cue]),
        largest={row["category"].strip(): int(row["largest"]) for row in limits},
        bounds=load_bound_rules(extra_dirs),
        generic_kinds=frozenset(
            normalise_name(row["kind"]) for row in read_table("link/generic_kinds.csv", ("kind",), extra_dirs)
        ),
        opposing_kinds=frozenset(
            frozenset({row["first"].strip(), row["second"].strip()})
            for row in read_table("link/opposing_kinds.csv", ("first", "second"), extra_dirs)
        ),
        sides={
            normalise_name(row["name"]): row["side"].strip()
            for row in read_table("actors.csv", ("name", "side"), extra_dirs)
            if row["side"].strip()
        },
        sided_kinds=frozenset(
            row["kind"].strip() for row in read_table("link/sided_kinds.csv", ("kind",), extra_dirs)
        ),
        weekdays=read_weekdays(extra_dirs),
    )


def read_weekdays(extra_dirs: tuple[Path, ...]) -> dict[str, int]:
    """Weekday words of the date knowledge (``kb/extraction/dates.toml``, Monday first; a user
    file's list is read the same way, seven names a language) to the weekday they name."""
    words: dict[str, int] = {}
    for path in data_files("extraction/dates.toml", extra_dirs):
        names = tomllib.loads(path.read_text(encoding="utf-8")).get("weekdays", [])
        words.update((name.casefold(), n % 7) for n, name in enumerate(names))
    return words
