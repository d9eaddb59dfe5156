"""Candidates for linking at a bounded cost per event, however dense the corpus gets.

Only linkable reports (a place and possible days, ``EventFeatures.linkable``) take part.
Precise reports (a town and a day or week of their own) are sorted by day per type group and
town; each is paired with the reports after it whose possible days (``EventFeatures.possible``)
overlap its own, at most NEIGHBOURS of them.

Vague reports (only a governorate, a district, or only their article's day) are not paired
wholesale with their area: each *probes* lists of reports keyed by governorate and time bucket
(``window + 1`` days wide, every report also in the next bucket so any two close enough share
one):
- when those lists hold more than PROBE_LIMIT entries, it reads the same lists narrowed to the
  reports sharing one of its figure buckets (category + power of two of the value);
- when even those hold more than PROBE_LIMIT entries and it names a town (only its article's
  day: a town report in a week of heavy reporting on its governorate), it reads the same lists
  narrowed to the reports of its town;
- past PROBE_LIMIT entries still, it gets no candidates: a report that fits that many others
  cannot say which one it is (docs/incidents.md, "Vague reports").
A report with no day at all (``EventFeatures.dayless``) reads the dated reports of its town and
type group over the whole corpus sharing one of its figure buckets, and gets no candidates past
PROBE_LIMIT entries.
Each report thus costs O(NEIGHBOURS + PROBE_LIMIT) after sorting, so time per event stays flat.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date

from sitreport.link.features import EventFeatures
from sitreport.link.rules import LinkRules

# Same town and type group, overlapping days: more reports than this after one report
# are a dense stream (a besieged city), and its partner is almost always among the nearest.
NEIGHBOURS = 12
# List entries a vague report may read; past this it narrows by figure, then gives up.
PROBE_LIMIT = 40

Key = tuple[Hashable, ...]
Pair = tuple[int, int]
Figure = tuple[str, int]  # estimate key, power-of-two bucket of the value
# The key part of a town's list of reports stated on one weekday, beside its figure buckets.
WEEKDAY = "weekday"
Dated = tuple[int, int, int]  # first and last possible day, event index: sorts into day order


def buckets(event: EventFeatures, window: int) -> range:
    """The time buckets a linkable event sits in."""
    if event.possible is None:
        return range(0)
    width = window + 1
    return range(event.possible[0] // width, event.possible[1] // width + 2)


def area_lists(event: EventFeatures, group: str, window: int) -> list[Key]:
    """The lists a linkable report sits in, which are also the lists a vague report reads."""
    if event.place is None:
        return []
    return [("area", group, event.place.area, bucket) for bucket in buckets(event, window)]


@dataclass
class Candidates:
    """Precise pairs (each once, lower index first) and, per vague report, what it may join."""

    pairs: list[Pair]
    probes: dict[int, list[int]]

    def edges(self) -> Iterator[Pair]:
        yield from self.pairs
        yield from ((vague, other) for vague, found in self.probes.items() for other in found)

    def within(self, keep: set[int], fixed: frozenset[int] | set[int] = frozenset()) -> Candidates:
        """The candidates among ``keep``, without those between ``fixed`` events (members of
        settled incidents, which are not re-clustered) or probing from one."""
        return Candidates(
            [pair for pair in self.pairs if keep.issuperset(pair) and not fixed.issuperset(pair)],
            {vague: found for vague, found in self.probes.items() if vague in keep and vague not in fixed},
        )


class BlockIndex:
    """The lists vague reports probe and the per-town day order of precise reports."""

    def __init__(self, events: Sequence[EventFeatures], window: int, rules: LinkRules) -> None:
        self.events, self.window = events, window
        self.groups = [rules.type_group(event.event_type) for event in events]
        self.lists: dict[Key, list[int]] = defaultdict(list)
        self.by_figure: dict[Key, dict[Hashable, list[int]]] = {}
        self.by_town: dict[Key, dict[Hashable, list[int]]] = {}
        self.precise: dict[tuple[str, str], list[Dated]] = defaultdict(list)
        for index, event in enumerate(events):
            for key in area_lists(event, self.groups[index], window):
                self.lists[key].append(index)
            if event.precise and event.place is not None and event.place.spot and event.possible:
                self.precise[(self.groups[index], event.place.spot)].append((*event.possible, index))
        self.towns = self.town_lists()

    def town_lists(self) -> dict[Key, list[int]]:
        """Dated reports by town, type group and figure bucket, for the towns and groups some
        report with no day probes: such a report can be any day's, so it reads its town's
        whole history, narrowed to its figures."""
        wanted = {
            (self.groups[index], event.place.spot)
            for index, event in enumerate(self.events)
            if event.dayless and event.place is not None and event.place.spot
        }
        towns: dict[Key, list[int]] = defaultdict(list)
        for index, event in enumerate(self.events):
            if event.place is None or event.dating not in ("stated", "report"):
                continue
            if (self.groups[index], event.place.spot) in wanted:
                for figure in event.figure_buckets:
                    towns[(self.groups[index], event.place.spot, *figure)].append(index)
                if event.stated_day is not None:
                    weekday = date.fromordinal(event.stated_day).weekday()
                    towns[(self.groups[index], event.place.spot, WEEKDAY, weekday)].append(index)
        return towns

    def candidates(self) -> Candidates:
        pairs = {pair for stream in self.precise.values() for pair in self.stream_pairs(stream)}
        probes = {
            n: self.probe(n, event)
            for n, event in enumerate(self.events)
            if event.linkable and not event.precise
        }
        probes.update((n, self.probe_town(n, event)) for n, event in enumerate(self.events) if event.dayless)
        return Candidates(sorted(pairs), {n: found for n, found in probes.items() if found})

    def stream_pairs(self, stream: list[Dated]) -> Iterator[Pair]:
        """Sorted-neighbourhood pairs of one town's precise reports: sorted by the first day
        each allows, a report pairs with those after it whose days overlap its own."""
        stream.sort()
        for position, (_first, last, index) in enumerate(stream):
            for first, _last, other in stream[position + 1 : position + 1 + NEIGHBOURS]:
                if first > last:
                    break
                yield min(index, other), max(index, other)

    def probe(self, index: int, event: EventFeatures) -> list[int]:
        keys = area_lists(event, self.groups[index], self.window)
        found = self.read(self.lists.get(key, []) for key in keys)
        if found is None:
            found = self.read(
                self.narrowed(key).get(figure, []) for key in keys for figure in event.figure_buckets
            )
        town = event.place.spot if event.place is not None and not event.place.district else None
        if found is None and town is not None:
            found = self.read(self.in_town(key).get(town, []) for key in keys)
        return [other for other in found or () if other != index]

    def probe_town(self, index: int, event: EventFeatures) -> list[int]:
        """The dated reports of a dayless report's town and type group stated on the weekday it
        names ("on Thursday"), else sharing one of its figure buckets; none when they hold more
        than PROBE_LIMIT entries: it could be any of them."""
        spot = event.place.spot if event.place else None
        lists = event.figure_buckets if event.weekday is None else [(WEEKDAY, event.weekday)]
        keys = [(self.groups[index], spot, *key) for key in lists]
        return self.read(self.towns.get(key, []) for key in keys) or []

    def narrowed(self, key: Key) -> dict[Hashable, list[int]]:
        """A list split by figure bucket (see ``split``)."""
        return self.split(self.by_figure, key, lambda event: event.figure_buckets)

    def in_town(self, key: Key) -> dict[Hashable, list[int]]:
        """A list split by town; governorate-level reports are in no town's part."""
        return self.split(self.by_town, key, lambda event: [event.place.spot] if event.place else [])

    def split(
        self,
        cache: dict[Key, dict[Hashable, list[int]]],
        key: Key,
        parts: Callable[[EventFeatures], Iterable[Hashable]],
    ) -> dict[Hashable, list[int]]:
        """A list split into ``parts`` on first need: each report is split once per list and
        splitting, so the total work stays linear, and lists nobody narrows are never split."""
        if key not in cache:
            split: dict[Hashable, list[int]] = defaultdict(list)
            for member in self.lists.get(key, []):
                for part in parts(self.events[member]):
                    split[part].append(member)
            cache[key] = split
        return cache[key]

    @staticmethod
    def read(lists: Iterable[list[int]]) -> list[int] | None:
        """The members of these lists, or None when they hold more than PROBE_LIMIT entries."""
        chosen = list(lists)
        if sum(map(len, chosen)) > PROBE_LIMIT:
            return None
        return sorted({member for members in chosen for member in members})


def find_candidates(events: Sequence[EventFeatures], window: int, rules: LinkRules) -> Candidates:
    """Every pair worth checking; ``events`` indices name the reports."""
    return BlockIndex(events, window, rules).candidates()
