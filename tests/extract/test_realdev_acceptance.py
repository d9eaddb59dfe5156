"""Real reporting nobody here wrote: FA-KES articles and UCDP headlines through ``sitreport extract``.

../shared/realdev holds the development halves (see its READMEs); the shared scorers judge the
output and the figures are pinned here. Only an explicit, explained change may lower a pin;
raise them as the tool improves. tools/realdev.py gives the same figures split into our dev part
and our held-out fifth.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

# FA-KES (score_fakes.py): the main event's governorate, death toll, event type for the cause,
# acting side, and the share of articles read.
# Pins of 2026-12-02 after issues 10/11/13 (cleaning, extraction, actors, gazetteer, typology);
# measured on the whole development half: 0.775, 0.873, 0.969, 0.824, 0.992; after the headline
# reading of issues 10/11: 0.785, 0.880, 0.969, 0.832, 0.992; running totals as background (branch
# alone: 0.795, 0.873, 0.966, 0.832, 0.992); both merged: 0.803, 0.880, 0.966, 0.832, 0.992.
# Places branch (stripped possessives, exact spellings, stray one-word quarters): place 0.810.
# Issue 10 (articles): presupposed attacks, perfect infinitives, war-wide tolls "from the
# conflict": 0.805, 0.885, 0.972, 0.832, 0.997. Headlines (toll parts, counts of the dead raised
# to a figure): 0.805, 0.888, 0.966, 0.832, 0.992. All merged: 0.815, 0.893, 0.972, 0.832, 0.997.
# Issue 10 (articles, second round: casualty words as no kind, "condemn" factive, recalled
# past perfects, borders of no one governorate): 0.823, 0.896, 0.972, 0.836, 0.997.
# Stop 21 (an unknown headline place yields to the body's; monitors' words for violence):
# 0.830, 0.898, 0.972, 0.836, 0.997. Stop 22 (war-scale tolls as background, injured counts
# no deaths): 0.838, 0.908, 0.972, 0.840, 0.997. Stop 22 end ("reports suggesting that forces
# killed" tell a claimed event): 0.841, 0.911, 0.975, 0.844, 1.000. Stop 23 (a speaker's or
# outlet's name, or where a speaker talked, is not the story's place; a name after a role
# noun is a person's; a city abroad opening a sentence with a dash is a dateline): place 0.858.
FAKES_PINNED = {"place": 0.85, "toll": 0.92, "cause": 0.97, "actor": 0.84, "covered": 1.0}
# The civilian toll (the scorer's detail line): 0.794 after the round's merge (victim groups
# summed, persons kinds in the plural); not pinned before. 0.805 after the second articles round,
# 0.830 after stop 22 ("persons" are people, wounded counts no deaths); 0.840 after stop 23
# (a headline's figure belongs to the casualty word listed right after it). Toll then 0.921.
FAKES_PINNED["civilian_toll"] = 0.83
# UCDP (score_ucdp.py): placed within 25 km, headline death figure read, headlines with events;
# and at most this share placed over 100 km away.
# Measured 0.751, 0.619, 0.876, far 0.038 after the cleaning of issue 10 (the far limit then went
# from 0.03 to 0.04 because 2.7 times as many headlines gave an event). Raised after the headline
# reading of issues 10/11 (full-stop parse, one event per place joined by "and", a headline place
# on the event before it, glued semicolons, joint tolls): measured 0.778, 0.700, 0.886, far 0.022.
# Raised after issue 10's UCDP part (headline verbs read as nouns, toll parts, counts of the dead
# raised to a figure, glued headlines of a titled line): measured 0.786, 0.808, 0.891, far 0.020;
# with the places work merged: 0.786, 0.811, 0.892, far 0.019. Raised after issue 10's second
# headline round ("IS" read as the name, a verbless clause hung on the next verb, event words
# made modifiers of a verb, bombs going off): measured 0.792, 0.815, 0.897, far 0.019; and after
# the places work of stop 20 (a reference point inside the region named, a governorate capital
# yielding to the story's town, glued name prefixes): measured alone 0.796, far 0.016; all of
# stop 20 merged: 0.801, 0.815, 0.897, far 0.016. Raised after stop 21's monitors' words for
# violence (targeting, warplane raids, losses, funerals, abductions, stonings; "citizens" as
# civilians; breaches of a truce, the vicinity of a place): measured 0.807, 0.817, 0.902, far 0.015.
# Raised after stop 22's places in a list the parse broke, untitled lines' main-clause "the
# shelling", HTML character references in plain text: measured 0.815, 0.818, 0.905, far 0.014.
# Raised after stop 23's headline classes (raids, dropped barrels, bodies, the subject of a
# nonfactual verb acts) and place rules (an actor's nationality names no country, the kind after a
# name picks the namesake): measured 0.823, 0.830, 0.908, far 0.011.
UCDP_PINNED = {"near": 0.82, "deaths": 0.82, "covered": 0.90}
# Far tightened from 0.03 at the round's merge (measured 0.019 on the whole set), then from
# 0.025 to 0.02 in stop 20 (measured 0.016), then to 0.015 at stop 22's merge (measured 0.012:
# a country an armed group answers to, "pro-Turkey", is no place), then to 0.01 at stop 23's
# (measured 0.007: an actor's nationality names no country, the kind after a name picks the namesake).
UCDP_FAR_AT_MOST = 0.01

Scorer = Callable[..., dict[str, float]]
Extracted = Callable[[Path], Path]
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def fakes_scores(fakes_texts: Path, extracted: Extracted, scorer: Scorer) -> dict[str, float]:
    return scorer("score_fakes.py", str(extracted(fakes_texts)))


@pytest.fixture(scope="module")
def ucdp_scores(ucdp_texts: Path, extracted: Extracted, scorer: Scorer) -> dict[str, float]:
    return scorer("score_ucdp.py", "score", str(extracted(ucdp_texts)))


@pytest.mark.parametrize("name", sorted(FAKES_PINNED))
def test_fakes_score_holds_its_pin(fakes_scores: dict[str, float], name: str) -> None:
    assert fakes_scores[name] >= FAKES_PINNED[name], fakes_scores


@pytest.mark.parametrize("name", sorted(UCDP_PINNED))
def test_ucdp_score_holds_its_pin(ucdp_scores: dict[str, float], name: str) -> None:
    assert ucdp_scores[name] >= UCDP_PINNED[name], ucdp_scores


def test_ucdp_far_placements_stay_rare(ucdp_scores: dict[str, float]) -> None:
    assert ucdp_scores["far"] <= UCDP_FAR_AT_MOST, ucdp_scores
