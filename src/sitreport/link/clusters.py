"""Union-find over events, with a summary per cluster so a union is checked against all members.

Checking whole clusters (not just the pair that proposed the union) stops chains: A~B and
B~C must not put A with C when A and C come from the same article, name different towns of
one governorate, or are dated further apart than the window.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sitreport.link.claims import Interval
from sitreport.link.features import EventFeatures, types_compatible


@dataclass
class Cluster:
    """What the members of one cluster jointly say."""

    ids: set[str]
    articles: set[str]
    types: set[str]
    spot: str | None
    max_first: int | None
    min_last: int | None
    stated: set[int]
    figures: dict[str, list[Interval]]
    actors: set[str]
    actor_kinds: set[str]
    forbidden: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, event: EventFeatures, forbidden: set[str]) -> Cluster:
        return cls(
            ids={event.event_id},
            articles={event.article_id},
            types={event.event_type},
            spot=event.place.spot if event.place else None,
            max_first=event.days[0] if event.days else None,
            min_last=event.days[1] if event.days else None,
            stated={event.stated_day} if event.stated_day is not None else set(),
            figures={key: list(intervals) for key, intervals in event.figures.items()},
            actors=set(event.actors),
            actor_kinds=set(event.actor_kinds),
            forbidden=set(forbidden),
        )

    def absorb(self, other: Cluster) -> None:
        for mine, theirs in (
            (self.ids, other.ids),
            (self.articles, other.articles),
            (self.types, other.types),
            (self.stated, other.stated),
            (self.actors, other.actors),
            (self.actor_kinds, other.actor_kinds),
            (self.forbidden, other.forbidden),
        ):
            mine |= theirs
        for key, intervals in other.figures.items():
            self.figures.setdefault(key, []).extend(intervals)
        self.spot = self.spot or other.spot
        if other.max_first is not None and other.min_last is not None:
            self.max_first = (
                other.max_first if self.max_first is None else max(self.max_first, other.max_first)
            )
            self.min_last = other.min_last if self.min_last is None else min(self.min_last, other.min_last)


def figures_agree(first: Mapping[str, Sequence[Interval]], second: Mapping[str, Sequence[Interval]]) -> bool:
    """Some category both report in which one's figure fits one of the other's."""
    return any(a.meets(b) for key in first.keys() & second.keys() for a in first[key] for b in second[key])


def dates_fit(first: Cluster, second: Cluster, window: int) -> bool:
    if len(first.stated | second.stated) > 1:
        return False
    if first.max_first is not None and second.max_first is not None:
        earliest_end = min(x for x in (first.min_last, second.min_last) if x is not None)
        return max(first.max_first, second.max_first) - earliest_end <= window
    # An undated report joins only on the very same spot and agreeing figures.
    return (
        first.spot is not None and first.spot == second.spot and figures_agree(first.figures, second.figures)
    )


def actors_conflict(first: Cluster, second: Cluster) -> bool:
    """Different named doers whose kinds are both known and differ (state vs rebels)."""
    if not (first.actors and second.actors) or first.actors & second.actors:
        return False
    return bool(first.actor_kinds and second.actor_kinds) and not first.actor_kinds & second.actor_kinds


def can_join(first: Cluster, second: Cluster, window: int) -> bool:
    small, large = (first, second) if len(first.ids) <= len(second.ids) else (second, first)
    return (
        first.articles.isdisjoint(second.articles)
        and all(types_compatible(a, b) for a in first.types for b in second.types)
        and (first.spot is None or second.spot is None or first.spot == second.spot)
        and dates_fit(first, second, window)
        and not actors_conflict(first, second)
        and small.ids.isdisjoint(large.forbidden)
        and small.forbidden.isdisjoint(large.ids)
    )


class UnionFind:
    """Clusters keyed by a root event id, joined small into large."""

    def __init__(self, clusters: dict[str, Cluster]) -> None:
        self.parent = {event_id: event_id for event_id in clusters}
        self.clusters = clusters

    def find(self, event_id: str) -> str:
        root = event_id
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[event_id] != root:  # path compression
            self.parent[event_id], event_id = root, self.parent[event_id]
        return root

    def union(self, first: str, second: str) -> None:
        large, small = self.find(first), self.find(second)
        if len(self.clusters[large].ids) < len(self.clusters[small].ids):
            large, small = small, large
        if large == small:
            return
        self.clusters[large].absorb(self.clusters.pop(small))
        self.parent[small] = large

    def groups(self) -> list[list[str]]:
        return [sorted(cluster.ids) for cluster in self.clusters.values()]
