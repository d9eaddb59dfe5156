"""Events → incidents: blocking, ordered unions, analyst decisions; full and incremental."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sitreport.link.blocking import BlockIndex
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


def group_events(features: Sequence[EventFeatures], window: int, decisions: DecisionSet) -> list[list[str]]:
    """Event ids grouped into incidents.

    Features must be sorted by event id: candidate pairs are then visited in an order fixed by
    content alone (strength, then ids), so the result never depends on input order.
    """
    clusters = {f.event_id: Cluster.of(f, decisions.forbidden_for(f.event_id)) for f in features}
    union_find = UnionFind(clusters)
    for first, second in decisions.merges:
        if first in clusters and second in clusters:
            union_find.union(first, second)
    index = BlockIndex(features, window)
    ranked = sorted(
        index.pairs(),
        key=lambda pair: (-pair_strength(features[pair[0]], features[pair[1]]), pair),
    )
    for first, second in ranked:
        roots = union_find.find(features[first].event_id), union_find.find(features[second].event_id)
        if roots[0] != roots[1] and can_join(
            union_find.clusters[roots[0]], union_find.clusters[roots[1]], window
        ):
            union_find.union(*roots)
    return union_find.groups()


def link_events(
    events: Iterable[Event], options: Options, decisions: Sequence[Decision] = ()
) -> list[Incident]:
    """Reports of one real event across articles grouped into incidents (docs/incidents.md)."""
    by_id = {event.event_id: event for event in events}
    rules = load_bound_rules(tuple(options.kb_dirs))
    features = [event_features(by_id[event_id], rules) for event_id in sorted(by_id)]
    groups = group_events(features, options.link_window_days, read_decisions(decisions))
    incidents = [build_incident([by_id[event_id] for event_id in group], rules) for group in groups]
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
    changed. Only the neighbourhood that can reach them is relinked: events sharing a block
    with them, the incidents those belong to, and merge partners, repeated until closed.
    Pairs never cross that boundary, so the result equals a full ``link_events`` run.
    Returns the incidents to write (new or changed) and the ids of incidents to delete.
    """
    fresh = list(new_events)
    everything = {**events_by_id, **{event.event_id: event for event in fresh}}
    incidents = list(existing)
    seeds = {event.event_id for event in fresh} | (set(touched) & everything.keys())
    affected_ids = neighbourhood(seeds, everything, incidents, options, read_decisions(decisions))
    relinked = link_events((everything[i] for i in affected_ids), options, decisions)
    before = {incident.incident_id for incident in incidents if affected_ids.intersection(incident.events)}
    after = {incident.incident_id for incident in relinked}
    return [i for i in relinked if i.incident_id not in before], sorted(before - after)


def neighbourhood(
    seeds: set[str],
    events: Mapping[str, Event],
    incidents: Sequence[Incident],
    options: Options,
    decisions: DecisionSet,
) -> set[str]:
    """Event ids closed under "could be paired with", incident membership and merge decisions."""
    rules = load_bound_rules(tuple(options.kb_dirs))
    ids = sorted(events)
    features = [event_features(events[event_id], rules) for event_id in ids]
    position = {event_id: n for n, event_id in enumerate(ids)}
    index = BlockIndex(features, options.link_window_days)
    incident_of = {event_id: incident.events for incident in incidents for event_id in incident.events}
    partners: dict[str, list[str]] = {}
    for first, second in decisions.merges:
        partners.setdefault(first, []).append(second)
        partners.setdefault(second, []).append(first)
    found, frontier = set(seeds), list(seeds)
    while frontier:
        event_id = frontier.pop()
        near = [ids[n] for n in index.neighbours(position[event_id], features[position[event_id]])]
        near += [*incident_of.get(event_id, ()), *partners.get(event_id, ())]
        fresh = [other for other in near if other in position and other not in found]
        found.update(fresh)
        frontier.extend(fresh)
    return found
