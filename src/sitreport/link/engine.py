"""Events → incidents: candidates, ordered unions, vague reports attached, decisions; full and incremental."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import pairwise

from sitreport.link.blocking import Candidates, find_candidates
from sitreport.link.claims import load_bound_rules
from sitreport.link.clusters import Cluster, UnionFind, can_join, figures_agree
from sitreport.link.decisions import Decision, DecisionSet, read_decisions
from sitreport.link.features import EventFeatures, event_features
from sitreport.link.incident import build_incident
from sitreport.options import Options
from sitreport.records import Event, Incident


def pair_strength(first: EventFeatures, second: EventFeatures) -> int:
    """How much two reports agree beyond being compatible; stronger pairs are joined first."""
    spot = first.place.spot if first.place else None
    same_spot = spot is not None and second.place is not None and spot == second.place.spot
    return (
        2 * same_spot
        + (first.days is not None and first.days == second.days)
        + bool(first.actors & second.actors)
        + figures_agree(first.figures, second.figures)
    )


def group_events(
    features: Sequence[EventFeatures],
    candidates: Candidates,
    members: Iterable[int],
    decisions: DecisionSet,
) -> list[list[str]]:
    """Event ids of ``members`` (indices into ``features``) grouped into incidents.

    Features must be sorted by event id: precise pairs are then joined, and vague reports
    attached, in an order fixed by content alone, so the result never depends on input order.
    """
    by_id = {features[n].event_id: features[n] for n in members}
    union_find = UnionFind(
        by_id, lambda event_id: Cluster.of(by_id[event_id], decisions.forbidden_for(event_id))
    )
    for first, second in decisions.merges:
        if first in by_id and second in by_id:
            union_find.union(first, second)
    ranked = sorted(
        candidates.pairs, key=lambda pair: (-pair_strength(features[pair[0]], features[pair[1]]), pair)
    )
    for first, second in ranked:
        roots = union_find.find(features[first].event_id), union_find.find(features[second].event_id)
        if roots[0] != roots[1] and can_join(union_find.cluster(roots[0]), union_find.cluster(roots[1])):
            union_find.union(*roots)
    for vague in sorted(candidates.probes):
        attach(union_find, features, vague, candidates.probes[vague])
    return union_find.groups()


def attach(
    union_find: UnionFind, features: Sequence[EventFeatures], vague: int, found: Iterable[int]
) -> None:
    """Join a vague report to the one incident it fits best, or to none when several fit equally.

    Fit is the best ``pair_strength`` with a member; an incident with a precise member (town
    and day) outranks one made only of vague reports, which could themselves be anything.
    """
    own = union_find.find(features[vague].event_id)
    fits: dict[str, int] = {}
    for other in found:
        root = union_find.find(features[other].event_id)
        if root != own:
            fits[root] = max(fits.get(root, 0), pair_strength(features[vague], features[other]))
    ranked = sorted(
        (
            ((union_find.cluster(root).anchored, score), root)
            for root, score in fits.items()
            if can_join(union_find.cluster(own), union_find.cluster(root))
        ),
        reverse=True,
    )
    if len(ranked) == 1 or (ranked and ranked[0][0] > ranked[1][0]):
        union_find.union(own, ranked[0][1])


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Linking builds millions of small objects without reference cycles; the cycle collector
    would re-scan the whole heap (the corpus included) again and again and find nothing, which
    made time per event grow with corpus size. Reference counting still frees everything."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def link_events(
    events: Iterable[Event], options: Options, decisions: Sequence[Decision] = ()
) -> list[Incident]:
    """Reports of one real event across articles grouped into incidents (docs/incidents.md)."""
    by_id = {event.event_id: event for event in events}
    with cycle_collector_paused():
        features = features_of(by_id, options)
        candidates = find_candidates(features, options.link_window_days)
        return incidents_of(
            by_id, features, candidates, range(len(features)), options, read_decisions(decisions)
        )


def features_of(events: Mapping[str, Event], options: Options) -> list[EventFeatures]:
    """Features sorted by event id, which fixes the order pairs and vague reports are visited in."""
    rules = load_bound_rules(tuple(options.kb_dirs))
    return [event_features(events[event_id], rules, options.link_window_days) for event_id in sorted(events)]


def incidents_of(
    events: Mapping[str, Event],
    features: Sequence[EventFeatures],
    candidates: Candidates,
    members: Iterable[int],
    options: Options,
    decisions: DecisionSet,
) -> list[Incident]:
    rules = load_bound_rules(tuple(options.kb_dirs))
    groups = group_events(features, candidates, members, decisions)
    incidents = [build_incident([events[event_id] for event_id in group], rules) for group in groups]
    return sorted(incidents, key=lambda incident: incident.incident_id)


def link_new(
    existing: Iterable[Incident],
    new_events: Iterable[Event],
    events_by_id: Mapping[str, Event],
    options: Options,
    decisions: Sequence[Decision] = (),
    touched: Iterable[str] = (),
) -> tuple[list[Incident], list[str]]:
    """Update stored incidents for new events (or new decisions) without relinking the world.

    ``events_by_id`` holds every stored event; ``touched`` names events whose decisions
    changed. Candidates are found over every event (cheap: bounded per event), but only the
    part of the candidate graph that reaches the new or touched events is relinked, together
    with the incidents it touches and merge partners. No candidate crosses that boundary, so
    the result equals a full ``link_events`` run.
    Returns the incidents to write (new or changed) and the ids of incidents to delete.
    """
    fresh = list(new_events)
    everything = {**events_by_id, **{event.event_id: event for event in fresh}}
    incidents = list(existing)
    chosen = read_decisions(decisions)
    seeds = {event.event_id for event in fresh} | (set(touched) & everything.keys())
    with cycle_collector_paused():
        features = features_of(everything, options)
        candidates = find_candidates(features, options.link_window_days)
        affected = reachable(seeds, features, candidates, incidents, chosen)
        relinked = incidents_of(
            everything, features, candidates.within(affected), sorted(affected), options, chosen
        )
    affected_ids = {features[n].event_id for n in affected}
    before = {incident.incident_id for incident in incidents if affected_ids.intersection(incident.events)}
    after = {incident.incident_id for incident in relinked}
    return [i for i in relinked if i.incident_id not in before], sorted(before - after)


def reachable(
    seeds: set[str],
    features: Sequence[EventFeatures],
    candidates: Candidates,
    incidents: Sequence[Incident],
    decisions: DecisionSet,
) -> set[int]:
    """Indices of the events connected to the seeds by candidates, incidents or merges."""
    position = {feature.event_id: n for n, feature in enumerate(features)}
    links: dict[int, list[int]] = defaultdict(list)
    tied = [
        *candidates.edges(),
        *((position[a], position[b]) for a, b in decisions.merges if a in position and b in position),
    ]
    for incident in incidents:
        stored = [position[event_id] for event_id in incident.events if event_id in position]
        tied.extend(pairwise(stored))
    for first, second in tied:
        links[first].append(second)
        links[second].append(first)
    found = {position[event_id] for event_id in seeds}
    frontier = list(found)
    while frontier:
        fresh = [other for other in links[frontier.pop()] if other not in found]
        found.update(fresh)
        frontier.extend(fresh)
    return found
