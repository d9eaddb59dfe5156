"""Candidate pairs without comparing everything with everything.

Dated events sit in time buckets ``window + 1`` days wide (each event also in the next
bucket, so any two events close enough to link share one). Within a bucket and type group:
- events naming a town pair only with events naming the same town;
- events naming only a governorate pair with every dated event of that governorate, since
  the town they mean is unknown: the only place where the cost grows with the area's density;
- undated events can only link on the same town, so they pair with that town's events.
Cost grows with the sum of squared block sizes, which stays near-linear while blocks are small.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import combinations

from sitreport.link.features import EventFeatures, type_group

TimeKey = tuple[str, str, int]
SpotKey = tuple[str, str]


def buckets(event: EventFeatures, window: int) -> range:
    """The time buckets a dated event sits in (empty for an undated one)."""
    if event.days is None:
        return range(0)
    width = window + 1
    return range(event.days[0] // width, event.days[1] // width + 2)


class BlockIndex:
    """Which events sit in which block: built once, then probed for pairs or neighbourhoods."""

    def __init__(self, events: Sequence[EventFeatures], window: int) -> None:
        self.window = window
        self.by_spot_time: dict[TimeKey, list[int]] = defaultdict(list)
        self.spots_by_area_time: dict[TimeKey, list[int]] = defaultdict(list)
        self.areas_by_area_time: dict[TimeKey, list[int]] = defaultdict(list)
        self.dated_by_spot: dict[SpotKey, list[int]] = defaultdict(list)
        self.undated_by_spot: dict[SpotKey, list[int]] = defaultdict(list)
        for index, event in enumerate(events):
            self.add(index, event)

    def add(self, index: int, event: EventFeatures) -> None:
        if event.place is None:
            return
        group, spot, area = type_group(event.event_type), event.place.spot, event.place.area
        for bucket in buckets(event, self.window):
            if spot is None:
                self.areas_by_area_time[(group, area, bucket)].append(index)
            else:
                self.by_spot_time[(group, spot, bucket)].append(index)
                self.spots_by_area_time[(group, area, bucket)].append(index)
        if spot is not None:
            (self.dated_by_spot if event.days else self.undated_by_spot)[(group, spot)].append(index)

    def raw_pairs(self) -> Iterator[tuple[int, int]]:
        for block in (self.by_spot_time, self.areas_by_area_time, self.undated_by_spot):
            for members in block.values():
                yield from combinations(members, 2)
        for key, vague in self.areas_by_area_time.items():
            yield from ((a, b) for a in vague for b in self.spots_by_area_time.get(key, ()))
        for key, undated in self.undated_by_spot.items():
            yield from ((a, b) for a in undated for b in self.dated_by_spot.get(key, ()))

    def pairs(self) -> set[tuple[int, int]]:
        """Every candidate pair once, lower index first."""
        return {(min(a, b), max(a, b)) for a, b in self.raw_pairs()}

    def neighbours(self, index: int, event: EventFeatures) -> Iterator[int]:
        """Events that could be paired with this one (a superset of its candidate pairs)."""
        if event.place is None:
            return
        group, spot, area = type_group(event.event_type), event.place.spot, event.place.area
        for bucket in buckets(event, self.window):
            yield from self.areas_by_area_time.get((group, area, bucket), ())
            if spot is None:
                yield from self.spots_by_area_time.get((group, area, bucket), ())
            else:
                yield from self.by_spot_time.get((group, spot, bucket), ())
        if spot is not None:
            yield from self.undated_by_spot.get((group, spot), ())
            if not event.days:
                yield from self.dated_by_spot.get((group, spot), ())
