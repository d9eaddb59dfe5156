"""The civilian toll of an event whose dead are told only as groups of civilians.

"Eleven children were killed", "three women and five children died": a coder counts these dead
as civilians, as ACLED and the casualty monitors do. When every death figure of an event counts
a group of civilians (``civilians`` in kb/extraction/nouns.toml: children, women, the
elderly...), the event also gets their civilian toll: the largest figure of each group, added
up, unless a civilian figure the article gives already counts as many. A death figure of
anyone else ("23 killed, including 8 children") leaves the civilian toll unknown.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

from sitreport.extract.candidate import Candidate
from sitreport.extract.lexicon import ExtractionLexicon
from sitreport.records import Quantity

# The noun class, and the kind of the civilian toll (the contract's example kind for `killed`).
CIVILIANS = "civilians"
EMPTY = Quantity("killed", 0)


@lru_cache(maxsize=8)
def civilian_groups(lexicon: ExtractionLexicon) -> frozenset[str]:
    """The kinds that name a group of civilians, as figures give them (in the plural); once per
    lexicon (a lexicon is hashed by identity), not once per event."""
    nouns = [noun for noun, classes in lexicon.noun_classes.items() if CIVILIANS in classes]
    return frozenset(lexicon.plural(noun) for noun in nouns) - {CIVILIANS}


def covering(parts: list[Quantity], text: str) -> Quantity:
    """One figure spanning the words of all the parts (joined, for a headline's)."""
    starts = [q.start for q in parts if q.start is not None]
    ends = [q.end for q in parts if q.end is not None]
    if len(starts) < len(parts) or len(ends) < len(parts):
        return replace(parts[0], text=" and ".join(q.text for q in parts), start=None, end=None)
    return replace(parts[0], text=text[min(starts) : max(ends)], start=min(starts), end=max(ends))


def add_civilian_toll(candidate: Candidate, lexicon: ExtractionLexicon, text: str) -> None:
    """The dead of each civilian group, added up, as the event's civilian toll (``text`` is
    the article body the figures' offsets point into)."""
    groups = civilian_groups(lexicon)
    by_group: dict[str, Quantity] = {}
    told = 0
    for quantity in candidate.quantities:
        head = (quantity.kind or "").lower().split()[-1:]
        if quantity.category != lexicon.toll_category:
            continue
        if head == [CIVILIANS]:
            told = max(told, quantity.value)
        elif not head or head[0] not in groups:
            return
        elif quantity.value > by_group.get(head[0], EMPTY).value:
            by_group[head[0]] = quantity
    total = sum(q.value for q in by_group.values())
    if total > told:
        parts = sorted(by_group.values(), key=lambda q: q.start or 0)
        toll = parts[0] if len(parts) == 1 else covering(parts, text)
        candidate.quantities.append(replace(toll, value=total, kind=CIVILIANS))
