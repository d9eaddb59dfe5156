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

The cost follows the size of the connected part around the new events, not of the store.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sitreport.link.blocking import find_candidates
from sitreport.link.decisions import Decision, DecisionSet, read_decisions
from sitreport.link.engine import reachable
from sitreport.link.features import EventFeatures, article_days, event_features
from sitreport.link.rules import LinkRules, load_link_rules
from sitreport.options import Options
from sitreport.records import Event, Incident
from sitreport.store import Store
from sitreport.store.linkkeys import neighbour_blocks


@dataclass
class Neighbourhood:
    """The events, incidents and publication dates incremental linking is given."""

    events: dict[str, Event] = field(default_factory=dict)
    incidents: dict[str, Incident] = field(default_factory=dict)
    published: dict[str, str] = field(default_factory=dict)
    features: dict[str, EventFeatures] = field(default_factory=dict)
    expanded: set[str] = field(default_factory=set)


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
        expanded until nothing new is reached."""
        self.expand(seeds)
        articles = {self.found.events[seed].article_id for seed in seeds if seed in self.found.events}
        everyone = {event_id for event_id, event in self.found.events.items() if event.article_id in articles}
        while frontier := self.reached(everyone) - self.found.expanded:
            self.expand(frontier)
        return self.found

    def expand(self, event_ids: set[str]) -> None:
        self.load_articles(self.store.articles_of_events(event_ids - self.found.events.keys()))
        for incident in self.store.incidents_of_events(event_ids):
            self.found.incidents[incident.incident_id] = incident
        linked = {member for incident in self.found.incidents.values() for member in incident.events}
        partners = {partner for event_id in event_ids for partner in self.partners.get(event_id, ())}
        self.load_articles(self.store.articles_of_events((linked | partners) - self.found.events.keys()))
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
        indices = reachable(present, features, candidates, incidents, self.decisions)
        return {features[n].event_id for n in indices}


def read_neighbourhood(
    store: Store, options: Options, decisions: Sequence[Decision], seeds: set[str]
) -> Neighbourhood:
    """The neighbourhood of the seed events (ids): what ``link_new`` needs to relink them."""
    return NeighbourhoodReader(store, options, read_decisions(decisions)).read(seeds)
