"""Analyst decisions: "merge" and "split" between events, kept and re-applied on every run.

Decisions are stored between *event* ids, because incident ids change whenever membership
does. ``expand_decision`` turns a decision naming incidents into event-level decisions at the
moment it is made. For one pair of events the latest decision wins; a split blocks automatic
linking only, so explicit merges that contradict it (through a third event) still happen.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sitreport.errors import SitreportError
from sitreport.records import Incident

Decision = tuple[str, str, str]
ACTIONS = ("merge", "split")


@dataclass(frozen=True)
class DecisionSet:
    merges: tuple[tuple[str, str], ...]
    splits: dict[str, set[str]]

    def forbidden_for(self, event_id: str) -> set[str]:
        return self.splits.get(event_id, set())


def read_decisions(decisions: Sequence[Decision]) -> DecisionSet:
    """The effective decisions: per unordered pair, the latest action."""
    latest: dict[tuple[str, str], str] = {}
    for action, first, second in decisions:
        if action not in ACTIONS:
            raise SitreportError(f"unknown link decision {action!r}: expected one of {', '.join(ACTIONS)}")
        if first != second:
            latest[(min(first, second), max(first, second))] = action
    splits: dict[str, set[str]] = {}
    for (first, second), action in latest.items():
        if action == "split":
            splits.setdefault(first, set()).add(second)
            splits.setdefault(second, set()).add(first)
    return DecisionSet(tuple(pair for pair, action in latest.items() if action == "merge"), splits)


def expand_decision(
    action: str, first: str, second: str, incidents: Mapping[str, Incident]
) -> list[Decision]:
    """Event-level decisions for a decision naming event ids or incident ids.

    ``merge X Y`` ties every member of both to one of them: joining just one member of each
    would leave the rest to automatic linking, which had kept them apart for a reason.
    ``split X Y`` separates every member of X from every member of Y, so
    ``split EVENT INCIDENT`` takes one event out of its incident.
    """
    if action not in ACTIONS:
        raise SitreportError(f"unknown link decision {action!r}: expected one of {', '.join(ACTIONS)}")
    left, right = members(first, incidents), members(second, incidents)
    if action == "merge":
        anchor, *others = dict.fromkeys([*left, *right])
        return [(action, anchor, other) for other in others]
    return [(action, a, b) for a in left for b in right if a != b]


def members(identifier: str, incidents: Mapping[str, Incident]) -> list[str]:
    incident = incidents.get(identifier)
    return sorted(incident.events) if incident else [identifier]
