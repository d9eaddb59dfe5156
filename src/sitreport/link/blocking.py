"""Candidate pairs without comparing everything with everything.

Dated events sit in blocks keyed by (type group, area, time bucket); buckets are
``window + 1`` days wide and each event also sits in the next bucket, so any two events
close enough to link share a block. Undated events can only link on the same spot, so they
are paired with the events (dated or not) of that spot alone. Cost grows with the sum of
squared block sizes, which stays near-linear while blocks stay small.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from sitreport.link.features import EventFeatures, type_group

BlockKey = tuple[str, str, int]
SpotKey = tuple[str, str]


def time_keys(event: EventFeatures, window: int) -> list[BlockKey]:
    """The blocks a dated event sits in (none for undated or placeless events)."""
    if event.days is None or event.place is None:
        return []
    width = window + 1
    first, last = event.days[0] // width, event.days[1] // width
    group = type_group(event.event_type)
    return [(group, event.place.area, bucket) for bucket in range(first, last + 2)]


def spot_key(event: EventFeatures) -> SpotKey | None:
    if event.place is None or event.place.spot is None:
        return None
    return (type_group(event.event_type), event.place.spot)


class BlockIndex:
    """Which events sit in which block: built once, then probed for pairs or neighbourhoods."""

    def __init__(self, events: Sequence[EventFeatures], window: int) -> None:
        self.window = window
        self.by_time: dict[BlockKey, list[int]] = defaultdict(list)
        self.dated_by_spot: dict[SpotKey, list[int]] = defaultdict(list)
        self.undated_by_spot: dict[SpotKey, list[int]] = defaultdict(list)
        for index, event in enumerate(events):
            self.add(index, event)

    def add(self, index: int, event: EventFeatures) -> None:
        for key in time_keys(event, self.window):
            self.by_time[key].append(index)
        spot = spot_key(event)
        if spot is not None:
            (self.dated_by_spot if event.days else self.undated_by_spot)[spot].append(index)

    def pairs(self) -> Iterator[tuple[int, int]]:
        """Every candidate pair once, lower index first."""
        seen: set[tuple[int, int]] = set()
        for members in self.by_time.values():
            for pair in combinations(members, 2):
                if pair not in seen:
                    seen.add(pair)
                    yield pair
        for spot, undated in self.undated_by_spot.items():
            for pair in combinations(undated, 2):
                yield pair
            for first in undated:
                for second in self.dated_by_spot.get(spot, ()):
                    yield (min(first, second), max(first, second))

    def neighbours(self, index: int, event: EventFeatures) -> Iterator[int]:
        """Events that could be paired with this one (a superset of its candidate pairs)."""
        for key in time_keys(event, self.window):
            yield from self.by_time.get(key, ())
        spot = spot_key(event)
        if spot is not None:
            yield from self.undated_by_spot.get(spot, ())
            if not event.days:
                yield from self.dated_by_spot.get(spot, ())
