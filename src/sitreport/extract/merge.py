"""One happening, one event: reports of the same event within an article are merged.

Two events of one type merge unless something tells them apart: different explicit places,
different dates (or date words), different ordinals ("the first group" / "a second batch"),
civilians against fighters, or the same source giving a different figure for the same thing.
A candidate merges into the most recent compatible event, so a repeated body or a headline
restating the lead gives one event.
"""

from __future__ import annotations

from sitreport.extract.candidate import Candidate
from sitreport.records import Place, Quantity

# Places of this precision or wider are regions (docs/knowledge-base.md, precision scale).
REGION_PRECISION = 3


def part_of(a: str, b: str) -> bool:
    """ "western Mosul" is part of "Mosul": the name, with a compass word in front."""
    return a.endswith(" " + b)


def same_place(a: Place, b: Place) -> bool:
    names_a = {a.name.lower(), (a.admin1 or "").lower()} - {""}
    names_b = {b.name.lower(), (b.admin1 or "").lower()} - {""}
    name_a, name_b = a.name.lower(), b.name.lower()
    return name_a in names_b or name_b in names_a or part_of(name_a, name_b) or part_of(name_b, name_a)


def may_lie_within(a: Place, b: Place) -> bool:
    """A place the gazetteer does not know may lie in any region ("near Kafr Nabudah" and
    "in Hama countryside" can be one report)."""
    return not a.resolved and (b.precision or 0) >= REGION_PRECISION


def places_compatible(a: Candidate, b: Candidate) -> bool:
    if not (a.place_explicit and b.place_explicit) or a.location is None or b.location is None:
        return True
    first, second = a.location, b.location
    return same_place(first, second) or may_lie_within(first, second) or may_lie_within(second, first)


def dates_compatible(a: Candidate, b: Candidate) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.date.date and b.date.date:
        shorter = min(len(a.date.date), len(b.date.date))
        return a.date.date[:shorter] == b.date.date[:shorter]
    return a.date.key == b.date.key


def figure_key(quantity: Quantity) -> tuple[str, str | None, str | None]:
    return quantity.category, (quantity.kind or "").lower() or None, quantity.source


def figures_compatible(a: Candidate, b: Candidate) -> bool:
    values = {figure_key(q): q.value for q in a.quantities if q.source}
    return all(values.get(figure_key(q), q.value) == q.value for q in b.quantities if q.source)


def compatible(a: Candidate, b: Candidate) -> bool:
    return (
        a.event_type == b.event_type
        and places_compatible(a, b)
        and dates_compatible(a, b)
        and (a.ordinal is None or b.ordinal is None or a.ordinal == b.ordinal)
        and not (a.distinguishing and b.distinguishing and not a.distinguishing & b.distinguishing)
        and figures_compatible(a, b)
    )


def add_quantities(into: Candidate, quantities: list[Quantity]) -> None:
    """Figures not already there; a headline figure (no offsets) yields to the body's."""
    for quantity in quantities:
        same = [q for q in into.quantities if q.category == quantity.category and q.value == quantity.value]
        if any(figure_key(q) == figure_key(quantity) and q.qualifier == quantity.qualifier for q in same):
            continue
        if quantity.start is None and same:
            continue
        into.quantities = [q for q in into.quantities if not (q.start is None and q in same)]
        into.quantities.append(quantity)


def absorb(into: Candidate, other: Candidate) -> None:
    # the body names the places more carefully than a headline does
    if into.headline_only and other.place_explicit:
        into.location, into.place_explicit = other.location, True
        into.origin = other.origin or into.origin
        into.destination = other.destination or into.destination
    into.evidence.extend(e for e in other.evidence if e not in into.evidence)
    into.headline_only = into.headline_only and other.headline_only
    into.sources.extend(s for s in other.sources if s not in into.sources)
    into.actors.extend(
        a for a in other.actors if (a.name, a.role) not in {(b.name, b.role) for b in into.actors}
    )
    add_quantities(into, other.quantities)
    if other.place_explicit and not into.place_explicit:
        into.location, into.place_explicit = other.location, True
    into.location = into.location or other.location
    into.origin = into.origin or other.origin
    into.destination = into.destination or other.destination
    if other.date is not None and (into.date is None or (other.date_explicit and not into.date_explicit)):
        into.date, into.date_explicit = other.date, other.date_explicit
    into.ordinal = into.ordinal or other.ordinal
    into.of_the_day = into.of_the_day or other.of_the_day
    into.theme_classes |= other.theme_classes
    into.strength = max(into.strength, other.strength)


def merge_target(merged: list[Candidate], candidate: Candidate) -> Candidate | None:
    """The most recent compatible event; a back-reference ("the evacuation followed a truce")
    joins the latest event of its type whatever date its sentence carries."""
    if candidate.back_reference:
        earlier = [m for m in merged if m.event_type == candidate.event_type]
        earlier = [m for m in earlier if places_compatible(m, candidate)]
        if earlier:
            return earlier[-1]
    return next((m for m in reversed(merged) if compatible(m, candidate)), None)


def merge_candidates(candidates: list[Candidate]) -> list[Candidate]:
    merged: list[Candidate] = []
    for candidate in candidates:
        target = merge_target(merged, candidate)
        if target is None:
            merged.append(candidate)
        else:
            absorb(target, candidate)
    return merged
