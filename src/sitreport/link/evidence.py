"""How much two reports agree, aspect by aspect, and the readable reasons a link keeps.

Each aspect (place, days, type, figures, actors) gives a verdict worth some points; the sum
ranks candidate pairs (strongest joined first) and, over ``MAX_POINTS``, is how sure a link
is. Figures are evidence, never a requirement: disagreeing figures cost nothing, since outlets
disagreeing about one incident is what the ledger is there to show.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sitreport.link.features import EventFeatures, PlaceKeys, comparable
from sitreport.records import IncidentLink

PLACE_POINTS = {"same place": 2, "nearby": 1, "inside": 1, "same area": 0}
DAY_POINTS = {"same stated day": 2, "overlapping days": 1, "article day": 0}
MAX_POINTS = 2 + 2 + 1 + 1 + 1
# Below this many points a link rests on little more than being possible (a governorate and
# an article's day): kept, but flagged for an analyst.
WEAK_POINTS = 3


@dataclass(frozen=True, slots=True)
class Agreement:
    place: str
    days: str
    same_type: bool
    figures: str
    shared_actors: bool

    @property
    def points(self) -> int:
        return (
            PLACE_POINTS[self.place]
            + DAY_POINTS[self.days]
            + self.same_type
            + (self.figures == "agree")
            + self.shared_actors
        )


def place_verdict(first: PlaceKeys | None, second: PlaceKeys | None) -> str:
    if first is None or second is None or first.spot is None or second.spot is None:
        both_areas = first is None or second is None or (first.spot is None and second.spot is None)
        return "same area" if both_areas else "inside"
    return "same place" if first.spot == second.spot else "nearby"


def day_verdict(first: EventFeatures, second: EventFeatures) -> str:
    if "article" in (first.dating, second.dating):
        return "article day"
    same = first.stated_day is not None and first.stated_day == second.stated_day
    return "same stated day" if same else "overlapping days"


def shared_figures(first: EventFeatures, second: EventFeatures) -> list[tuple[str, str]]:
    """Pairs of figure keys the two reports give that can be compared."""
    return [(mine, theirs) for mine in first.figures for theirs in second.figures if comparable(mine, theirs)]


def figures_verdict(first: EventFeatures, second: EventFeatures) -> str:
    shared = shared_figures(first, second)
    if not shared:
        return "none"
    agree = any(
        a.meets(b) for mine, theirs in shared for a in first.figures[mine] for b in second.figures[theirs]
    )
    return "agree" if agree else "differ"


def compare(first: EventFeatures, second: EventFeatures) -> Agreement:
    return Agreement(
        place=place_verdict(first.place, second.place),
        days=day_verdict(first, second),
        same_type=first.event_type == second.event_type,
        figures=figures_verdict(first, second),
        shared_actors=bool(first.actors & second.actors),
    )


def pair_points(first: EventFeatures, second: EventFeatures) -> int:
    return compare(first, second).points


def day_text(days: tuple[int, int] | None) -> str:
    if days is None:
        return "?"
    first, last = (date.fromordinal(day).isoformat() for day in days)
    return first if first == last else f"{first}..{last}"


def type_verdict(first: EventFeatures, second: EventFeatures, agreement: Agreement) -> str:
    if agreement.same_type:
        return "same"
    return "one article's strike and its toll" if first.article_id == second.article_id else "compatible"


def reasons(first: EventFeatures, second: EventFeatures, agreement: Agreement) -> dict[str, str]:
    """One readable line per aspect, naming what each report said."""
    names = [feature.place.name if feature.place else "?" for feature in (first, second)]
    keys = sorted({key for pair in shared_figures(first, second) for key in pair})
    return {
        "place": f"{agreement.place}: {names[0]} / {names[1]}",
        "days": f"{agreement.days}: {day_text(first.possible)} ({first.dating}) / "
        f"{day_text(second.possible)} ({second.dating})",
        "type": f"{type_verdict(first, second, agreement)}: {first.event_type} / {second.event_type}",
        "figures": f"{agreement.figures}" + (f": {', '.join(keys)}" if keys else ""),
        "actors": "shared: " + ", ".join(sorted(first.actors & second.actors))
        if agreement.shared_actors
        else "none shared",
    }


def explain(joined: EventFeatures, anchor: EventFeatures) -> IncidentLink:
    """The link that brought ``joined`` into the incident through ``anchor``."""
    agreement = compare(joined, anchor)
    points = agreement.points
    return IncidentLink(
        event_id=joined.event_id,
        linked_to=anchor.event_id,
        score=round(points / MAX_POINTS, 2),
        weak=points < WEAK_POINTS,
        reasons=reasons(joined, anchor, agreement),
    )


def analyst_link(event_id: str, anchor: str) -> IncidentLink:
    return IncidentLink(
        event_id=event_id, linked_to=anchor, score=1.0, weak=False, reasons={"decision": "analyst merge"}
    )
