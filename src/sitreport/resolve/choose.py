"""Picking one place among those that share a name, from what the article says around it."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from sitreport.kb import KnowledgeBase
from sitreport.kb.gazetteer import ADMIN1_KIND, COUNTRY_KIND, PlaceEntry, distance_km

# Weights of the evidence for one candidate; the reasons reported name the ones that fired.
HOME_COUNTRY = 2.0
# The gazetteer's other countries beat a namesake curated from further away (Libya's Tripoli)
# unless the article points there.
REGION_COUNTRY = 1.0
# As strong as the home country: 'Sinjar' beside Tal Afar, or 'the Libyan capital', overrides it.
COUNTRY_NEARBY = 2.0
GOVERNORATE_NEARBY = 1.5
GOVERNORATE_IN_ARTICLE = 1.0
NEAR_OTHER_PLACE_KM = (50.0, 150.0)
NEAR_OTHER_PLACE = (1.0, 0.5)
# Degrees of latitude and (at 42°N, the gazetteer's northern edge) longitude beyond which a point is
# surely further than the widest nearness limit: such points skip the haversine.
NEAR_LAT_DEGREES = NEAR_OTHER_PLACE_KM[-1] / 111.0
NEAR_LON_DEGREES = NEAR_OTHER_PLACE_KM[-1] / (111.0 * math.cos(math.radians(42.0)))
SETTLEMENT_OVER_AREA = 0.5
# A place the text spells exactly as one of its names beats one matched only through the
# spelling key ('Adra' is Adra, not Daraa's old variant 'Adraa'), population notwithstanding,
# while a governorate named nearby still decides between them.
SPELT_AS_NAMED = 1.0
ASKED_FOR_ADMIN1 = 3.0
# As strong as a spelling: 'al-Azraq field' is the oil field, not Aleppo's village al-Azraq.
KIND_AS_WRITTEN = 1.0


@dataclass(frozen=True)
class Context:
    """What the article tells about where it is: governorates and countries named near the
    mention (by a place or a demonym), governorates named anywhere, and the points of places it
    names without ambiguity."""

    admin1_nearby: frozenset[str] = frozenset()
    countries_nearby: frozenset[str] = frozenset()
    admin1_in_article: frozenset[str] = frozenset()
    points: tuple[tuple[float, float], ...] = ()
    countries_in_article: frozenset[str] = frozenset()


def choose(
    candidates: Sequence[int],
    kb: KnowledgeBase,
    context: Context,
    want_admin1: bool = False,
    spelt: frozenset[int] = frozenset(),
    kind: str | None = None,
) -> tuple[PlaceEntry, str]:
    """The best candidate entry and the reasons it won; ``spelt`` are the candidates the text
    writes exactly as one of their names, ``kind`` the kind of place the word after the name
    says it is."""
    unique = list(dict.fromkeys(candidates))
    if len(unique) == 1:
        return kb.places.entries[unique[0]], "the only place of this name"
    scored = [_score(kb.places.entries[i], kb, context, want_admin1, i in spelt, kind) for i in unique]
    best, (_, why) = max(scored, key=lambda pair: pair[1][0])
    return best, "; ".join([f"best of {len(scored)}", *why])


def _score(
    entry: PlaceEntry, kb: KnowledgeBase, context: Context, want_admin1: bool, spelt: bool, kind: str | None
) -> tuple[PlaceEntry, tuple[float, list[str]]]:
    score, why = math.log10(entry.population + 1) / 10, []
    if spelt:
        score += SPELT_AS_NAMED
        why.append("spelt as named")
    if kind and entry.kind == kind:
        score += KIND_AS_WRITTEN
        why.append(f"a {kind} as written")
    if entry.country in kb.rules.home_countries:
        score += HOME_COUNTRY
        why.append(f"in {entry.country}")
    elif entry.country in kb.rules.region_countries:
        score += REGION_COUNTRY
    if entry.country in context.countries_nearby:
        score += COUNTRY_NEARBY
        why.append(f"{entry.country} named nearby")
    if want_admin1 and entry.kind == ADMIN1_KIND:
        score += ASKED_FOR_ADMIN1
        why.append("governorate asked for")
    elif entry.kind not in (ADMIN1_KIND, COUNTRY_KIND):
        score += SETTLEMENT_OVER_AREA
    if entry.admin1 in context.admin1_nearby:
        score += GOVERNORATE_NEARBY
        why.append(f"{entry.admin1} named nearby")
    elif entry.admin1 in context.admin1_in_article:
        score += GOVERNORATE_IN_ARTICLE
        why.append(f"{entry.admin1} in article")
    nearest = _nearest_km(entry, context.points)
    for limit, weight in zip(NEAR_OTHER_PLACE_KM, NEAR_OTHER_PLACE, strict=True):
        if nearest is not None and nearest < limit:
            score += weight
            why.append(f"{nearest:.0f} km from another place named")
            break
    if entry.population:
        why.append(f"population {entry.population}")
    return entry, (score, why)


def _nearest_km(entry: PlaceEntry, points: Sequence[tuple[float, float]]) -> float | None:
    """Distance to the nearest point within the widest nearness limit, else None."""
    return min(
        (
            distance_km(entry.lat, entry.lon, lat, lon)
            for lat, lon in points
            if abs(lat - entry.lat) < NEAR_LAT_DEGREES and abs(lon - entry.lon) < NEAR_LON_DEGREES
        ),
        default=None,
    )
