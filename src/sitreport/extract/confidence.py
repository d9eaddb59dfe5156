"""How much an extracted event can be trusted, from 0 to 1 (the formula is in docs/events.md)."""

from __future__ import annotations

from sitreport.extract.candidate import Candidate

WEIGHTS = {"trigger": 0.3, "place": 0.2, "date": 0.15, "source": 0.2, "figures": 0.1, "repeated": 0.05}


def place_score(candidate: Candidate) -> float:
    if candidate.location is None and candidate.origin is None and candidate.destination is None:
        return 0.0
    return 1.0 if candidate.place_explicit else 0.5


def date_score(candidate: Candidate) -> float:
    if candidate.date is None:
        return 0.3
    if not candidate.date_explicit:
        return 0.5
    return 1.0 if candidate.date.date else 0.6


def confidence(candidate: Candidate) -> float:
    score = (
        WEIGHTS["trigger"] * candidate.strength
        + WEIGHTS["place"] * place_score(candidate)
        + WEIGHTS["date"] * date_score(candidate)
        + WEIGHTS["source"] * (1.0 if candidate.sources else 0.0)
        + WEIGHTS["figures"] * (1.0 if candidate.quantities else 0.0)
        + WEIGHTS["repeated"] * (1.0 if len(candidate.evidence) > 1 else 0.0)
    )
    if candidate.headline_only:
        score *= 0.8
    return round(min(max(score, 0.0), 1.0), 3)
