"""What incremental linking reads from the store: the neighbourhood of the events it links.

``link_new`` relinks the part of the candidate graph that reaches the new (or touched) events,
and its result equals a full relink when it is given every event that part's candidates are
computed from. This module finds that part by indexed, bounded queries instead of loading the
store:

- an event is *expanded* by reading, by the link-key index (store/linkkeys.py), every event of
  its area or spot whose days come within ``reach_days`` of its own (which holds every event
  its candidate lists and date-ordered neighbours are made of), with the stored incident it is
  in and the events analysts merged with it;
- events are read whole articles at a time, so each article's own day (``article_days``) is
  the one a full run computes;
- candidates are computed over everything read, and every event the seeds reach (by
  candidates, incidents or merges) is expanded in turn, until all the seeds reach is
  expanded. An edge between two expanded events is then exactly the edge of a full run, and
  nothing the seeds reach is left out.

In a dense ledger (a besieged city reported every day) the candidate graph chains through the
whole history, so that part would grow with the store. ``Options.settle_days`` bounds it: a
stored incident none of whose members' possible days come within ``settle_days`` of a seed's
is *settled*. Its members are read (with the whole incident) when an expanded event reaches
them, but they are not expanded, and ``link_new`` does not re-cluster the incident: new events
may join it, it is never split or rebuilt. Events in no incident yet (pending) never settle.
The cost then follows the density of the ledger around the seeds' days, not its length; with
``settle_days=None`` nothing settles and the result is that of a full relink.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sitreport.link.blocking import find_candidates
from sitreport.link.decisions import Decision, DecisionSet, read_decisions
from sitreport.link.engine import cycle_collector_paused, reachable
from sitreport.link.features import EventFeatures, article_days, event_features
from sitreport.link.rules import LinkRules, load_link_rules
from sitreport.options import Options
from sitreport.records import Event, Incident
from sitreport.store import Store
from sitreport.store.linkkeys import dayless_blocks, merged, neighbour_blocks


@dataclass
class Neighbourhood:
    """The events, incidents and publication dates incremental linking is given."""

    events: dict[str, Event] = field(default_factory=dict)
    incidents: dict[str, Incident] = field(default_factory=dict)
    published: dict[str, str] = field(default_factory=dict)
    features: dict[str, EventFeatures] = field(default_factory=dict)
    expanded: set[str] = field(default_factory=set)
    settled: set[str] = field(default_factory=set)  # ids of settled incidents


class Horizon:
    """The days within ``settle_days`` of the seeds' possible days: an event whose own days
    reach into them is live; an event that never links (no days) is always live."""

    def __init__(self, seeds: Iterable[EventFeatures], settle_days: int | None) -> None:
        self.everything = settle_days is None
        reach = settle_days or 0
        days = [(f.possible[0] - reach, f.possible[1] + reach) for f in seeds if f.possible is not None]
        self.ranges = merged(days)
        self.starts = [first for first, _ in self.ranges]

    def live(self, event: EventFeatures) -> bool:
        if self.everything or event.possible is None:
            return True
        # The last range starting on or before the event's last day is the only one it can meet.
        at = bisect_right(self.starts, event.possible[1]) - 1
        return at >= 0 and self.ranges[at][1] >= event.possible[0]


class NeighbourhoodReader:
    """Reads the neighbourhood of seed events from a store (see the module's docstring)."""

    def __init__(self, store: Store, options: Options, decisions: DecisionSet) -> None:
        self.store, self.options, self.decisions = store, options, decisions
        self.rules: LinkRules = load_link_rules(tuple(options.kb_dirs))
        self.partners: dict[str, set[str]] = {}
        for first, second in decisions.merges:
            self.partners.setdefault(first, set()).add(second)
            self.partners.setdefault(second, set()).add(first)
        self.found = Neighbourhood()

    def read(self, seeds: set[str]) -> Neighbourhood:
        """Everything linking the seeds (event ids) and their articles' other events needs,
        expanded until nothing new is reached but settled incidents."""
        self.place(seeds)
        self.widen(seeds)
        articles = {self.found.events[seed].article_id for seed in seeds if seed in self.found.events}
        everyone = {event_id for event_id, event in self.found.events.items() if event.article_id in articles}
        horizon = Horizon((self.found.features[n] for n in everyone), self.options.settle_days)
        while frontier := self.reached(everyone) - self.found.expanded - self.settled_events():
            self.place(frontier)
            self.found.settled |= {
                incident.incident_id
                for incident in self.found.incidents.values()
                if not any(horizon.live(self.found.features[member]) for member in incident.events)
            }
            self.widen(frontier - self.settled_events())
        return self.found

    def settled_events(self) -> set[str]:
        incidents = self.found.incidents
        return {member for incident_id in self.found.settled for member in incidents[incident_id].events}

    def place(self, event_ids: set[str]) -> None:
        """Read these events' articles, their stored incidents whole and their merge partners."""
        self.load_articles(self.store.articles_of_events(event_ids - self.found.events.keys()))
        for incident in self.store.incidents_of_events(event_ids - self.settled_events()):
            self.found.incidents[incident.incident_id] = incident
        linked = {member for incident in self.found.incidents.values() for member in incident.events}
        partners = {partner for event_id in event_ids for partner in self.partners.get(event_id, ())}
        self.load_articles(self.store.articles_of_events((linked | partners) - self.found.events.keys()))

    def widen(self, event_ids: set[str]) -> None:
        """Read every event whose candidates these events' own can be made of (expand them)."""
        window = self.options.link_window_days
        expanding = [self.found.features[n] for n in event_ids if n in self.found.features]
        blocks = [
            block
            for keys in expanding
            if keys.place is not None and keys.possible is not None
            for block in neighbour_blocks(
                keys.place.area, keys.place.spot, keys.precise, keys.possible, window
            )
        ]
        blocks += [
            block
            for keys in expanding
            if keys.dayless and keys.place is not None and keys.place.spot
            for block in dayless_blocks(keys.place.spot)
        ]
        near = self.store.events_near(blocks) - self.found.events.keys()
        self.load_articles(self.store.articles_of_events(near))
        self.found.expanded |= event_ids

    def load_articles(self, article_ids: Iterable[str]) -> None:
        """Read these articles' events whole and work out their link features."""
        wanted = set(article_ids)
        if not wanted:
            return
        events = self.store.events_of_articles(wanted)
        self.found.published.update(self.store.publication_dates(wanted))
        days = article_days(events, self.found.published)
        window = self.options.link_window_days
        for event in events:
            self.found.events[event.event_id] = event
            self.found.features[event.event_id] = event_features(
                event, self.rules, window, days.get(event.article_id)
            )

    def reached(self, seeds: set[str]) -> set[str]:
        """Ids of the events the seeds reach over what has been read so far."""
        features = [self.found.features[event_id] for event_id in sorted(self.found.features)]
        candidates = find_candidates(features, self.options.link_window_days, self.rules)
        present = seeds & self.found.features.keys()
        incidents = list(self.found.incidents.values())
        settled = self.settled_events()
        stops = {n for n, feature in enumerate(features) if feature.event_id in settled}
        indices = reachable(present, features, candidates, incidents, self.decisions, stops)
        return {features[n].event_id for n in indices}


def read_neighbourhood(
    store: Store, options: Options, decisions: Sequence[Decision], seeds: set[str]
) -> Neighbourhood:
    """The neighbourhood of the seed events (ids): what ``link_new`` needs to relink them.

    Reading builds thousands of small objects with no reference cycles; in an ingest the heap
    also holds the language model and knowledge base, which each full cycle collection
    re-scans (about 0.1 s each, one more per thousand events read), so it is paused."""
    with cycle_collector_paused():
        return NeighbourhoodReader(store, options, read_decisions(decisions)).read(seeds)
