"""How much two reports agree, aspect by aspect, and the readable reasons a link keeps.

Each aspect (place, days, type, figures, actors) gives a verdict worth some points; the sum
ranks candidate pairs (strongest joined first) and, over ``MAX_POINTS``, is how sure a link
is. Figures are evidence, never a requirement: disagreeing figures cost nothing, since outlets
disagreeing about one incident is what the ledger is there to show. Actors are evidence too:
outlets on opposite sides blame opposite doers for one attack, so conflicting doers cost
points rather than forbid the link, and such a link must still reach ``WEAK_POINTS``
(``outweighs``; the engine also weighs the doers of the two whole incidents being joined).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

from sitreport.link.features import EventFeatures, PlaceKeys, comparable, doers_verdict
from sitreport.records import IncidentLink

PLACE_POINTS = {"same place": 2, "nearby": 1, "inside": 1, "same area": 0}
DAY_POINTS = {"same stated day": 2, "overlapping days": 1, "same weekday": 1, "article day": 0, "no day": 0}
# The same exact count from two outlets identifies a happening better than two ranges that meet.
FIGURE_POINTS = {"same figure": 2, "agree": 1, "differ": 0, "none": 0}
ACTOR_POINTS = {"shared": 1, "none shared": 0, "conflicting": -3}
MAX_POINTS = 2 + 2 + 1 + 2 + 1
# Below this many points a link rests on little more than being possible (a governorate and
# an article's day): kept, but flagged for an analyst.
WEAK_POINTS = 3


@dataclass(frozen=True, slots=True)
class Agreement:
    place: str
    days: str
    same_type: bool
    figures: str
    actors: str

    @property
    def points(self) -> int:
        return (
            PLACE_POINTS[self.place]
            + DAY_POINTS[self.days]
            + self.same_type
            + FIGURE_POINTS[self.figures]
            + ACTOR_POINTS[self.actors]
        )

    @property
    def rests_on_article_day(self) -> bool:
        """A link where one report has only its article's day and little else agrees (under
        ``WEAK_POINTS``): "strikes near X" in an article of that week fits too much to say which;
        or whose figures differ: with no day of its own to tell it, "12 killed" in a town is
        another strike than the one of the week where 20 were killed (on FA-KES dev, each such
        link read was two strikes)."""
        return self.days == "article day" and (self.points < WEAK_POINTS or self.figures == "differ")

    def outweighs(self, doers: str) -> bool:
        """Whether this evidence carries a link when the doers of the two sides give ``doers``
        (``features.doers_verdict``): conflicting doers cost their points, and what remains must
        still make the link more than possible (``WEAK_POINTS``)."""
        points = self.points - ACTOR_POINTS[self.actors] + ACTOR_POINTS[doers]
        return doers != "conflicting" or points >= WEAK_POINTS


def place_verdict(first: PlaceKeys | None, second: PlaceKeys | None) -> str:
    if first is None or second is None or first.spot is None or second.spot is None:
        both_areas = first is None or second is None or (first.spot is None and second.spot is None)
        return "same area" if both_areas else "inside"
    return "same place" if first.spot == second.spot else "nearby"


def day_verdict(first: EventFeatures, second: EventFeatures) -> str:
    if "none" in (first.dating, second.dating):
        dayless, other = (first, second) if first.dating == "none" else (second, first)
        on_it = dayless.weekday is not None and other.on_weekday(dayless.weekday)
        return "same weekday" if on_it else "no day"
    if "article" in (first.dating, second.dating):
        return "article day"
    same = first.stated_day is not None and first.stated_day == second.stated_day
    return "same stated day" if same else "overlapping days"


def shared_figures(first: EventFeatures, second: EventFeatures) -> list[tuple[str, str]]:
    """Pairs of figure keys the two reports give that can be compared."""
    return [(mine, theirs) for mine in first.figures for theirs in second.figures if comparable(mine, theirs)]


def figures_verdict(first: EventFeatures, second: EventFeatures) -> str:
    """``same figure`` when both give one exact count, ``agree`` when some ranges meet."""
    shared = shared_figures(first, second)
    if not shared:
        return "none"
    pairs = [(a, b) for mine, theirs in shared for a in first.figures[mine] for b in second.figures[theirs]]
    if any(a.low == a.high == b.low == b.high for a, b in pairs):
        return "same figure"
    return "agree" if any(a.meets(b) for a, b in pairs) else "differ"


def alike_claims(first: EventFeatures, second: EventFeatures) -> int:
    """How many of ``first``'s figures ``second`` gives alike: the same count with the same
    bound ("at least 21" twice)."""
    return sum(
        any(a.low == b.low and a.high == b.high for theirs in second.figures if comparable(mine, theirs)
            for b in second.figures[theirs])
        for mine in first.figures
        for a in first.figures[mine]
    )


def identifies_without_day(first: EventFeatures, second: EventFeatures, agreement: Agreement) -> bool:
    """Enough for a report with no day at all (``EventFeatures.dayless``) to name ``second``'s
    incident: the same town, the same type, no conflicting doer, ``second``'s day on the
    report's weekday when it names one ("on Thursday"), and a figure both give alike or that
    weekday. Ranges that merely meet are not enough: "at least 15" meets every larger toll of
    the town's history. The engine joins it only to the incident giving the most of its figures
    alike, and to none when two fit as well (two Thursdays' strikes on the town)."""
    if first.weekday is not None and not second.on_weekday(first.weekday):
        return False
    return (
        agreement.place == "same place"
        and agreement.same_type
        and agreement.actors != "conflicting"
        and (first.weekday is not None or alike_claims(first, second) > 0)
    )


def compare(first: EventFeatures, second: EventFeatures) -> Agreement:
    return Agreement(
        place=place_verdict(first.place, second.place),
        days=day_verdict(first, second),
        same_type=first.event_type == second.event_type,
        figures=figures_verdict(first, second),
        actors=doers_verdict(first, second),
    )


def day_text(feature: EventFeatures) -> str:
    """Its days, or for a report with no day the weekday it names ("Thursday"), else "?"."""
    days = feature.possible
    if days is None:
        return "?" if feature.weekday is None else calendar.day_name[feature.weekday]
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
        "days": f"{agreement.days}: {day_text(first)} ({first.dating}) / "
        f"{day_text(second)} ({second.dating})",
        "type": f"{type_verdict(first, second, agreement)}: {first.event_type} / {second.event_type}",
        "figures": f"{agreement.figures}" + (f": {', '.join(keys)}" if keys else ""),
        "actors": actors_reason(first, second, agreement.actors),
    }


def actors_reason(first: EventFeatures, second: EventFeatures, verdict: str) -> str:
    if verdict == "shared":
        return "shared: " + ", ".join(sorted(first.actors & second.actors))
    if verdict == "conflicting":
        return f"conflicting: {', '.join(sorted(first.actors))} / {', '.join(sorted(second.actors))}"
    return verdict


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
