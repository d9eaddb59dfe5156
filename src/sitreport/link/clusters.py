"""Union-find over events, with a summary per cluster so a union is checked against all members.

Checking whole clusters (not just the pair that proposed the union) stops chains: A~B and
B~C must not put A with C when A and C come from the same article (unless they are a strike
and its toll), name different towns of one governorate, or allow no common day.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date

from sitreport.link.features import EventFeatures, PlaceKeys, doers_verdict, spots_fit
from sitreport.link.rules import LinkRules

ANY_DAY = (date.min.toordinal(), date.max.toordinal())


@dataclass(slots=True)
class Cluster:
    """What the members of one cluster jointly say; ``anchored`` when one names a town and a
    day of its own. ``spots`` are the members' places below governorate level, one per spot;
    ``from_day``..``to_day`` the days every member allows."""

    ids: set[str]
    articles: dict[str, set[str]]
    types: set[str]
    areas: set[str]
    spots: dict[str, PlaceKeys]
    from_day: int
    to_day: int
    actors: set[str]
    actor_kinds: set[str]
    actor_sides: set[str]
    anchored: bool
    dated: bool
    forbidden: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, event: EventFeatures, forbidden: set[str]) -> Cluster:
        """A one-event cluster. An event that never links on its own (no place or no days) is
        only ever in a cluster by an analyst's merge, and then constrains nothing."""
        days = event.possible or ANY_DAY
        return cls(
            ids={event.event_id},
            articles={event.article_id: {event.event_type}},
            types={event.event_type},
            areas={event.place.area} if event.place else set(),
            spots={event.place.spot: event.place} if event.place and event.place.spot else {},
            from_day=days[0],
            to_day=days[1],
            actors=set(event.actors),
            actor_kinds=set(event.actor_kinds),
            actor_sides=set(event.actor_sides),
            anchored=event.precise,
            dated=event.gives_a_day,
            forbidden=set(forbidden),
        )

    def absorb(self, other: Cluster) -> None:
        for mine, theirs in (
            (self.ids, other.ids),
            (self.types, other.types),
            (self.areas, other.areas),
            (self.actors, other.actors),
            (self.actor_kinds, other.actor_kinds),
            (self.actor_sides, other.actor_sides),
            (self.forbidden, other.forbidden),
        ):
            mine |= theirs
        for article, types in other.articles.items():
            self.articles.setdefault(article, set()).update(types)
        self.spots.update(other.spots)
        self.anchored = self.anchored or other.anchored
        self.dated = self.dated or other.dated
        self.from_day = max(self.from_day, other.from_day)
        self.to_day = min(self.to_day, other.to_day)


def dates_fit(first: Cluster, second: Cluster) -> bool:
    """Some day every member allows (``EventFeatures.possible``)."""
    return max(first.from_day, second.from_day) <= min(first.to_day, second.to_day)


def places_fit(first: Cluster, second: Cluster) -> bool:
    """One governorate (two villages of one name in two governorates are two places), and every
    spot of one is a spot of the other or near it (a district around a town)."""
    if first.areas and second.areas and first.areas != second.areas:
        return False
    return all(spots_fit(mine, theirs) for mine in first.spots.values() for theirs in second.spots.values())


def doers(first: Cluster, second: Cluster) -> str:
    """How the doers all members of one name compare with the other's (``doers_verdict``):
    weighed against a union, so a chain through a report naming no doer cannot quietly put a
    rebel attack and an army strike together."""
    return doers_verdict(first, second)


def articles_fit(first: Cluster, second: Cluster, rules: LinkRules) -> bool:
    """No article twice, except an article that tells a strike and its toll as two events
    (``LinkRules.told_apart``): extraction kept them apart, but they are one happening."""
    return all(
        rules.told_apart(mine, theirs)
        for article in first.articles.keys() & second.articles.keys()
        for mine in first.articles[article]
        for theirs in second.articles[article]
    )


def could_be_one(first: Cluster, second: Cluster, rules: LinkRules) -> bool:
    """Every automatic check: some member dated by itself, articles, compatible types, a common
    day, fitting places. Doers are evidence (``doers``, weighed by the engine), not a check.

    Reports with only their articles' days never make an incident among themselves: two
    articles of one week both mentioning strikes on a town say nothing of one strike."""
    return (
        (first.dated or second.dated)
        and articles_fit(first, second, rules)
        and all(rules.types_compatible(a, b) for a in first.types for b in second.types)
        and dates_fit(first, second)
        and places_fit(first, second)
    )


def kept_apart(first: Cluster, second: Cluster) -> bool:
    """An analyst split separates some member of one from some member of the other."""
    small, large = (first, second) if len(first.ids) <= len(second.ids) else (second, first)
    return not (small.ids.isdisjoint(large.forbidden) and small.forbidden.isdisjoint(large.ids))


def can_join(first: Cluster, second: Cluster, rules: LinkRules) -> bool:
    return could_be_one(first, second, rules) and not kept_apart(first, second)


class UnionFind:
    """Clusters keyed by a root event id, joined small into large.

    A cluster summary is built only when a union or a check first needs it: most reports of a
    large corpus have no candidate, and their summaries would be work and memory for nothing.
    """

    def __init__(self, event_ids: Iterable[str], make: Callable[[str], Cluster]) -> None:
        self.parent = {event_id: event_id for event_id in event_ids}
        self.make = make
        self.built: dict[str, Cluster] = {}

    def cluster(self, root: str) -> Cluster:
        if root not in self.built:
            self.built[root] = self.make(root)
        return self.built[root]

    def find(self, event_id: str) -> str:
        root = event_id
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[event_id] != root:  # path compression
            self.parent[event_id], event_id = root, self.parent[event_id]
        return root

    def union(self, first: str, second: str) -> None:
        large, small = self.find(first), self.find(second)
        if large == small:
            return
        if len(self.cluster(large).ids) < len(self.cluster(small).ids):
            large, small = small, large
        self.cluster(large).absorb(self.built.pop(small))
        self.parent[small] = large

    def groups(self) -> list[list[str]]:
        grouped: dict[str, list[str]] = defaultdict(list)
        for event_id in self.parent:
            grouped[self.find(event_id)].append(event_id)
        return [sorted(members) for members in grouped.values()]
