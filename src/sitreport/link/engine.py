"""Events → incidents: candidates, ordered unions, vague reports attached, decisions; full and incremental."""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from itertools import pairwise

from sitreport.link.blocking import Candidates, find_candidates
from sitreport.link.clusters import Cluster, UnionFind, can_join, could_be_one, doers, kept_apart
from sitreport.link.decisions import Decision, DecisionSet, read_decisions
from sitreport.link.evidence import (
    Agreement,
    alike_claims,
    analyst_link,
    compare,
    explain,
    identifies_without_day,
)
from sitreport.link.features import EventFeatures, article_days, event_features
from sitreport.link.incident import build_incident
from sitreport.link.rules import LinkRules, load_link_rules
from sitreport.options import Options
from sitreport.records import Event, Incident, IncidentLink


class Linker:
    """Union-find over the members being linked, remembering the link that joined each pair of
    clusters: those links (one fewer than the members) are why each report is in its incident."""

    def __init__(
        self,
        features: Sequence[EventFeatures],
        members: Iterable[int],
        decisions: DecisionSet,
        rules: LinkRules,
    ) -> None:
        self.features, self.rules = features, rules
        by_id = {features[n].event_id: features[n] for n in members}
        self.union_find = UnionFind(
            by_id, lambda event_id: Cluster.of(by_id[event_id], decisions.forbidden_for(event_id))
        )
        self.links: list[IncidentLink] = []

    def root(self, index: int) -> str:
        return self.union_find.find(self.features[index].event_id)

    def fits(self, first: str, second: str, agreement: Agreement) -> bool:
        """Every check passes and the proposing pair's evidence outweighs the two incidents' doers."""
        clusters = self.union_find.cluster(first), self.union_find.cluster(second)
        return can_join(*clusters, self.rules) and agreement.outweighs(doers(*clusters))

    def join(self, first: int, second: int) -> None:
        """Join ``first``'s incident to ``second``'s, keeping why."""
        self.links.append(explain(self.features[first], self.features[second]))
        self.union_find.union(self.root(first), self.root(second))

    def keep(self, incident: Incident) -> None:
        """A settled incident (``link_new``): its members stay together for the reasons stored."""
        for first, second in pairwise(incident.events):
            self.union_find.union(first, second)
        self.links.extend(incident.links)

    def merge(self, first: str, second: str) -> None:
        """An analyst's merge: no checks, and the link says who decided."""
        if self.union_find.find(first) != self.union_find.find(second):
            self.links.append(analyst_link(second, first))
            self.union_find.union(first, second)


def group_events(
    features: Sequence[EventFeatures],
    candidates: Candidates,
    members: Iterable[int],
    decisions: DecisionSet,
    rules: LinkRules,
    settled: Sequence[Incident] = (),
) -> tuple[list[list[str]], list[IncidentLink]]:
    """Event ids of ``members`` (indices into ``features``) grouped into incidents, and the links
    that joined them. ``settled`` incidents (all their members among ``members``) start joined.

    Features must be sorted by event id: precise pairs are then joined, and vague reports
    attached, in an order fixed by content alone, so the result never depends on input order.
    """
    linker = Linker(features, members, decisions, rules)
    for incident in settled:
        linker.keep(incident)
    for first, second in decisions.merges:
        if first in linker.union_find.parent and second in linker.union_find.parent:
            linker.merge(first, second)
    scored = [(compare(features[pair[0]], features[pair[1]]), pair) for pair in candidates.pairs]
    ranked = sorted(scored, key=lambda scored_pair: (-scored_pair[0].points, scored_pair[1]))
    for agreement, (first, second) in ranked:
        roots = linker.root(first), linker.root(second)
        if roots[0] != roots[1] and linker.fits(*roots, agreement):
            linker.join(second, first)
    for vague in sorted(candidates.probes):
        attach(linker, vague, candidates.probes[vague])
    return linker.union_find.groups(), linker.links


def attach(linker: Linker, vague: int, found: Iterable[int]) -> None:
    """Join a vague report to the one incident it fits best, or to none when several fit equally.

    Fit is the best points with a member whose evidence outweighs the doers of the report and
    that incident (``Agreement.outweighs``); an incident with a precise member (town
    and day) outranks one made only of vague reports, which could themselves be anything.
    An incident an analyst split the report from still counts as a fit: the runner-up is not
    promoted by the analyst's "not that one". When either report has no date of its own (only
    its article's day), the pair must also agree on more than being possible (``WEAK_POINTS``):
    the same town with the same type, a matching figure or a shared actor, and no figure that
    disagrees (``Agreement.rests_on_article_day``): with no day to tell it, a different count is
    the best sign of a different strike. Between dated reports a disagreeing figure stops
    nothing: outlets disagreeing is what the incident is there to show.
    """
    own = linker.root(vague)
    union_find = linker.union_find
    best: dict[str, tuple[int, int]] = {}
    for other in found:
        root = linker.root(other)
        if root == own:
            continue
        agreement, weight = fit(linker.features[vague], linker.features[other])
        weighed = doers(union_find.cluster(own), union_find.cluster(root))
        if weight is not None and agreement.outweighs(weighed):
            best[root] = max(best.get(root, (-1, 0)), (weight, -other))
    ranked = sorted(
        (
            ((union_find.cluster(root).anchored, points), root, -negated)
            for root, (points, negated) in best.items()
            if could_be_one(union_find.cluster(own), union_find.cluster(root), linker.rules)
        ),
        reverse=True,
    )
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return
    if compare(linker.features[vague], linker.features[ranked[0][2]]).rests_on_article_day:
        return
    if not kept_apart(union_find.cluster(own), union_find.cluster(ranked[0][1])):
        linker.join(vague, ranked[0][2])


def fit(vague: EventFeatures, other: EventFeatures) -> tuple[Agreement, int | None]:
    """How well a vague report fits another: its points; for a report with no day at all, how
    many of its figures the other gives alike (``identifies_without_day``), since points for
    place and type would tie every strike of its town's history. None: it cannot join it."""
    agreement = compare(vague, other)
    if not vague.dayless:
        return agreement, agreement.points
    if not identifies_without_day(vague, other, agreement):
        return agreement, None
    return agreement, alike_claims(vague, other)


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
    events: Iterable[Event],
    options: Options,
    decisions: Sequence[Decision] = (),
    published: Mapping[str, str] | None = None,
) -> list[Incident]:
    """Reports of one real event across articles grouped into incidents (docs/incidents.md).

    ``published`` gives articles' publication dates (article id → ISO date): an event with no
    date of its own can then link on its article's day.
    """
    by_id = {event.event_id: event for event in events}
    rules = load_link_rules(tuple(options.kb_dirs))
    with cycle_collector_paused():
        features = features_of(by_id, options, rules, published or {})
        candidates = find_candidates(features, options.link_window_days, rules)
        return incidents_of(
            by_id, features, candidates, range(len(features)), rules, read_decisions(decisions)
        )


def features_of(
    events: Mapping[str, Event],
    options: Options,
    rules: LinkRules,
    published: Mapping[str, str],
    known: Mapping[str, EventFeatures] | None = None,
) -> list[EventFeatures]:
    """Features sorted by event id, which fixes the order pairs and vague reports are visited in.
    Those in ``known`` (worked out by the caller for the same events, whole articles and
    publication dates) are taken as they are."""
    known = known or {}
    days = article_days(events.values(), published)
    window = options.link_window_days
    return [
        known[event_id]
        if event_id in known
        else event_features(events[event_id], rules, window, days.get(events[event_id].article_id))
        for event_id in sorted(events)
    ]


def incidents_of(
    events: Mapping[str, Event],
    features: Sequence[EventFeatures],
    candidates: Candidates,
    members: Iterable[int],
    rules: LinkRules,
    decisions: DecisionSet,
    settled: Sequence[Incident] = (),
) -> list[Incident]:
    groups, links = group_events(features, candidates, members, decisions, rules, settled)
    group_of = {event_id: n for n, group in enumerate(groups) for event_id in group}
    links_of: dict[int, list[IncidentLink]] = defaultdict(list)
    for link in links:
        links_of[group_of[link.event_id]].append(link)
    incidents = [
        build_incident([events[event_id] for event_id in group], rules, links_of[n])
        for n, group in enumerate(groups)
    ]
    return sorted(incidents, key=lambda incident: incident.incident_id)


def link_new(
    existing: Iterable[Incident],
    new_events: Iterable[Event],
    events_by_id: Mapping[str, Event],
    options: Options,
    decisions: Sequence[Decision] = (),
    touched: Iterable[str] = (),
    published: Mapping[str, str] | None = None,
    settled: Collection[str] = (),
    known: Mapping[str, EventFeatures] | None = None,
) -> tuple[list[Incident], list[str]]:
    """Update stored incidents for new events (or new decisions) without relinking the world.

    ``events_by_id`` holds every stored event; ``touched`` names events whose decisions
    changed. Candidates are found over every event (cheap: bounded per event), but only the
    part of the candidate graph that reaches the new or touched events is relinked, together
    with the incidents it touches and merge partners. No candidate crosses that boundary, so
    the result equals a full ``link_events`` run (with the same ``published``).

    ``settled`` names stored incidents (of ``existing``) that are not re-clustered: the graph
    is not followed past their members, their members stay together and new events may still
    join them (sitreport.neighbourhood says which incidents are settled). With none settled
    the result is that of a full run. ``known`` gives features already worked out for some of
    the events (sitreport.neighbourhood's), so they are not worked out twice.
    Returns the incidents to write (new or changed) and the ids of incidents to delete.
    """
    fresh = list(new_events)
    everything = {**events_by_id, **{event.event_id: event for event in fresh}}
    incidents = list(existing)
    kept = [incident for incident in incidents if incident.incident_id in settled]
    chosen = read_decisions(decisions)
    # A new event can change its article's day (``article_days``), so its article's other
    # events are relinked with it.
    fresh_articles = {event.article_id for event in fresh}
    seeds = {event_id for event_id, event in everything.items() if event.article_id in fresh_articles}
    seeds |= set(touched) & everything.keys()
    rules = load_link_rules(tuple(options.kb_dirs))
    with cycle_collector_paused():
        features = features_of(everything, options, rules, published or {}, known)
        candidates = find_candidates(features, options.link_window_days, rules)
        position = {feature.event_id: n for n, feature in enumerate(features)}
        fixed = {position[event_id] for incident in kept for event_id in incident.events}
        affected = reachable(seeds, features, candidates, incidents, chosen, fixed)
        reached = [incident for incident in kept if affected.intersection(map(position.get, incident.events))]
        affected |= {position[event_id] for incident in reached for event_id in incident.events}
        relinked = incidents_of(
            everything, features, candidates.within(affected, fixed), sorted(affected), rules, chosen, reached
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
    stops: Collection[int] = (),
) -> set[int]:
    """Indices of the events connected to the seeds by candidates, incidents or merges; ``stops``
    are reached but not followed further (members of settled incidents)."""
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
        event = frontier.pop()
        if event in stops:
            continue
        fresh = [other for other in links[event] if other not in found]
        found.update(fresh)
        frontier.extend(fresh)
    return found
