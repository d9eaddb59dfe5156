"""Union-find over events, with a summary per cluster so a union is checked against all members.

Checking whole clusters (not just the pair that proposed the union) stops chains: A~B and
B~C must not put A with C when A and C come from the same article, name different towns of
one governorate, or are dated further apart than the window.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from sitreport.link.claims import Interval
from sitreport.link.features import EventFeatures, types_compatible


@dataclass(slots=True)
class Cluster:
    """What the members of one cluster jointly say; ``anchored`` when one names a town and day."""

    ids: set[str]
    articles: set[str]
    types: set[str]
    spot: str | None
    from_day: int | None
    to_day: int | None
    figures: dict[str, list[Interval]]
    actors: set[str]
    actor_kinds: set[str]
    anchored: bool
    forbidden: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, event: EventFeatures, forbidden: set[str]) -> Cluster:
        return cls(
            ids={event.event_id},
            articles={event.article_id},
            types={event.event_type},
            spot=event.place.spot if event.place else None,
            from_day=event.possible[0] if event.possible else None,
            to_day=event.possible[1] if event.possible else None,
            figures={key: list(intervals) for key, intervals in event.figures.items()},
            actors=set(event.actors),
            actor_kinds=set(event.actor_kinds),
            anchored=event.precise,
            forbidden=set(forbidden),
        )

    def absorb(self, other: Cluster) -> None:
        for mine, theirs in (
            (self.ids, other.ids),
            (self.articles, other.articles),
            (self.types, other.types),
            (self.actors, other.actors),
            (self.actor_kinds, other.actor_kinds),
            (self.forbidden, other.forbidden),
        ):
            mine |= theirs
        for key, intervals in other.figures.items():
            self.figures.setdefault(key, []).extend(intervals)
        self.spot = self.spot or other.spot
        self.anchored = self.anchored or other.anchored
        if other.from_day is not None and other.to_day is not None:
            self.from_day = other.from_day if self.from_day is None else max(self.from_day, other.from_day)
            self.to_day = other.to_day if self.to_day is None else min(self.to_day, other.to_day)


def figures_agree(first: Mapping[str, Sequence[Interval]], second: Mapping[str, Sequence[Interval]]) -> bool:
    """Some category both report in which one's figure fits one of the other's."""
    return any(a.meets(b) for key in first.keys() & second.keys() for a in first[key] for b in second[key])


def dates_fit(first: Cluster, second: Cluster) -> bool:
    """Some day every dated member allows (``EventFeatures.possible``)."""
    if first.from_day is not None and second.from_day is not None:
        last = min(day for day in (first.to_day, second.to_day) if day is not None)
        return max(first.from_day, second.from_day) <= last
    # An undated report joins only on the very same spot and agreeing figures.
    return (
        first.spot is not None and first.spot == second.spot and figures_agree(first.figures, second.figures)
    )


def actors_conflict(first: Cluster, second: Cluster) -> bool:
    """Different named doers whose kinds are both known and differ (state vs rebels)."""
    if not (first.actors and second.actors) or first.actors & second.actors:
        return False
    return bool(first.actor_kinds and second.actor_kinds) and not first.actor_kinds & second.actor_kinds


def can_join(first: Cluster, second: Cluster) -> bool:
    small, large = (first, second) if len(first.ids) <= len(second.ids) else (second, first)
    return (
        first.articles.isdisjoint(second.articles)
        and all(types_compatible(a, b) for a in first.types for b in second.types)
        and (first.spot is None or second.spot is None or first.spot == second.spot)
        and dates_fit(first, second)
        and not actors_conflict(first, second)
        and small.ids.isdisjoint(large.forbidden)
        and small.forbidden.isdisjoint(large.ids)
    )


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
