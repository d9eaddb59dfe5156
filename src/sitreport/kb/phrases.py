"""Words around a place name that change what it means (kb/places/phrases.csv).

``northern Syria`` is an area, not the country; ``Idlib province`` is the governorate, not the
city; ``the village of X`` makes X a place even when the gazetteer does not know it.
Columns: phrase, position (``before``/``after`` the name), effect:

- a compass effect (``north``, ``south-west``...; ``centre``): the part of the named area;
- ``admin1``: the governorate/province of the named place;
- ``countryside``: the governorate of a town named like it ("Idlib countryside"), else the
  area around the town ("Manbij countryside");
- ``area``: the surroundings of the named place (same point, looser precision);
- ``district``: a quarter of the named town ("Old City of X", "X's Old City"); the phrase's
  words alone ("the Old City") name no place, since every old town has one;
- ``city``: the town itself ("Raqqa city", "the cities of Raqqa and Tabqa"), never the
  governorate a town named like it may mean;
- ``cue``: the name that follows (or precedes) is a place even if unknown (a named miss);
- ``quarter``: the name is a quarter of the town named right after ("the Shahba neighbourhood of
  Aleppo"): only its namesakes near that town are meant, and with none near, the mention is a
  district of the town;
- ``patron``: the name is whom an armed group is loyal to ("pro-Turkey factions", "Ankara-loyal",
  "backed by Iran"), not where anything happens: it is no place, and names no country.
- ``outlet``: the name is a news outlet's ("Al Mayadeen TV", "Syria TV channel"), the teller and
  not the scene: it is no place, and names no country.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sitreport.errors import KnowledgeBaseError
from sitreport.kb.csvfiles import read_rows

PHRASE_COLUMNS = ("phrase", "position", "effect")
# Offsets of a compass part inside a box, as fractions of its height and width from the centre.
COMPASS: dict[str, tuple[float, float]] = {
    "centre": (0.0, 0.0),
    "north": (1 / 3, 0.0),
    "south": (-1 / 3, 0.0),
    "east": (0.0, 1 / 3),
    "west": (0.0, -1 / 3),
    "north-east": (1 / 3, 1 / 3),
    "north-west": (1 / 3, -1 / 3),
    "south-east": (-1 / 3, 1 / 3),
    "south-west": (-1 / 3, -1 / 3),
}
# Effects that say the name is no place at all there.
NOT_PLACE_EFFECTS = frozenset({"patron", "outlet"})
EFFECTS = frozenset(
    {*COMPASS, "admin1", "countryside", "area", "district", "city", "cue", "patron", "outlet", "quarter"}
)


@dataclass(frozen=True)
class PlacePhrase:
    words: tuple[str, ...]
    position: str
    effect: str


def read_phrases(paths: Iterable[Path]) -> list[PlacePhrase]:
    phrases = []
    for path, line, row in read_rows(paths, PHRASE_COLUMNS):
        if row["position"] not in ("before", "after") or row["effect"] not in EFFECTS:
            raise KnowledgeBaseError(
                f"{path}:{line}: position must be before/after, effect one of {sorted(EFFECTS)}"
            )
        words = tuple(row["phrase"].casefold().replace("-", " ").split())
        phrases.append(PlacePhrase(words, row["position"], row["effect"]))
    # Longest first, so 'the southern countryside of' wins over 'countryside of'.
    return sorted(phrases, key=lambda p: -len(p.words))
