"""One happening, one event: the reports of an article are merged into the happenings they tell.

The model has two rules, applied in three steps (a toll with its cause in one sentence, then
merging by type, then tolls told apart from their cause):

1. **Reports of one type merge** unless something tells them apart: different explicit places
   (a town and its governorate or country are not different), different dates (or date words),
   different ordinals ("the first group" / "a second batch"), civilians against fighters, or
   the same source giving a different figure for the same thing. A report merges into the most
   recent compatible event, so a repeated body or a headline restating the lead gives one event.
2. **A toll goes on the violent event that caused it** (ACLED puts fatalities on the event,
   not on a separate row): a ``casualties`` event joins a violent event (``[tolls]`` in
   kb/extraction/triggers.toml) told in the same sentence ("strikes left 10 dead"), else the
   latest compatible one told before it ("... shelled the town. Six civilians were killed"),
   else the first compatible one told after it (a lead giving the toll before its cause); a
   re-count ("the death toll rose to 16 overnight") is dated by the counting and joins whatever
   its date. Only a
   toll the article ties to no violent event, or one of a happening of its own (an execution, a
   massacre: ``own_happening`` rules), stays a ``casualties`` event. A report told only by a
   word of no particular kind ("attack": ``generic`` rules) joins a specific violent event the
   same way ("in a separate attack, a car bomb exploded" is one explosion).

When two reports merge, the more precise place wins where one lies within the other
("strikes in Syria" and "strikes in Idlib's Maarzita" are one happening at Maarzita).
"""

from __future__ import annotations

from datetime import date

from sitreport.extract.candidate import Candidate
from sitreport.extract.lexicon import ExtractionLexicon
from sitreport.kb.gazetteer import CITY_KIND
from sitreport.records import Place, Quantity

# Places of this precision or wider are regions, and 4 is a whole country
# (docs/knowledge-base.md, precision scale).
REGION_PRECISION = 3
COUNTRY_PRECISION = 4
# the key of a weekday no publication date resolved (sitreport.extract.dates)
WEEKDAY_KEY = "weekday:"


def part_of(a: str, b: str) -> bool:
    """ "western Mosul" is part of "Mosul": the name, with a compass word in front."""
    return a.endswith(" " + b)


def same_place(a: Place, b: Place) -> bool:
    """The same name, or a town named like the other's governorate (it may mean the
    governorate); a town the text called a city is not taken for its governorate beside
    another town, though a quarter of that governorate (its city's) still lies in it."""
    names_a = {a.name.lower(), (a.admin1 or "").lower()} - {""}
    names_b = {b.name.lower(), (b.admin1 or "").lower()} - {""}
    name_a, name_b = a.name.lower(), b.name.lower()
    a_in_b = name_a in names_b if not _city_beside_town(a, b) else name_a == name_b
    b_in_a = name_b in names_a if not _city_beside_town(b, a) else name_a == name_b
    return a_in_b or b_in_a or part_of(name_a, name_b) or part_of(name_b, name_a)


def _city_beside_town(city: Place, other: Place) -> bool:
    return city.kind == CITY_KIND and other.precision == 1


def may_lie_within(a: Place, b: Place) -> bool:
    """A place the gazetteer does not know may lie in any region ("near Kafr Nabudah" and
    "in Hama countryside" can be one report)."""
    return not a.resolved and (b.precision or 0) >= REGION_PRECISION


def lies_within(a: Place, b: Place) -> bool:
    """``a`` is a more precise place inside ``b``: b is a's country, a's governorate, or a
    region of a's country that belongs to no one governorate ("northern Syria")."""
    # a district or valley (precision 2) is told apart from the towns in it: "left Ain
    # al-Fijeh" and "evacuated from Wadi Barada" may be two departures
    if not (a.resolved and b.resolved) or (b.precision or 1) < REGION_PRECISION:
        return False
    if (b.precision or 1) <= (a.precision or 1):
        return False
    if a.country is None or a.country != b.country:
        return False
    if (b.precision or 1) >= COUNTRY_PRECISION or b.admin1 is None:
        return True
    return a.admin1 == b.admin1


def names_its_governorate(place: Place) -> bool:
    """A town that gives its name to its governorate ("Idlib", "Deir Ezzor"): named bare, it
    may mean either, and reports use it for both; called a city ("Idlib city"), it is the town."""
    return (
        place.resolved
        and place.precision == 1
        and place.kind != CITY_KIND
        and place.admin1 is not None
        and place.name == place.admin1
    )


def is_the_place(a: Place, b: Place) -> bool:
    """The very same place (``same_place`` also takes a town for its governorate)."""
    return (a.name, a.admin1, a.lat, a.lon) == (b.name, b.admin1, b.lat, b.lon)


def narrow_to(candidates: list[Candidate], story_place: Place | None) -> None:
    """ "Strikes in Syria" in a story about Ariha: a country or region that contains the story's
    own place says no more than it, so the event is at the story's place. So does a town named
    like its governorate when the story's place is another town of that governorate ("a
    massacre in Deir Ezzor" over a line that names the village), unless an event is told at
    the story's place already: then the town is meant ("strikes on Raqqa and Tabqa")."""
    if story_place is None:
        return
    told_there = any(c.location is not None and is_the_place(c.location, story_place) for c in candidates)
    for candidate in candidates:
        wide = candidate.location
        if wide is None:
            continue
        if lies_within(story_place, wide) or (not told_there and within_governorate_named(story_place, wide)):
            candidate.location = story_place


def within_governorate_named(place: Place, capital: Place) -> bool:
    """``place`` is another town of the governorate that ``capital`` names."""
    return (
        names_its_governorate(capital)
        and place.resolved
        and place.precision == 1
        and place.country == capital.country
        and place.admin1 == capital.admin1
        and not names_its_governorate(place)
    )


def unknown_headline_place(a: Candidate, b: Candidate) -> bool:
    """ "Explosion Kills Four in Hometown of Assad Family": a headline's capitalised words may
    be read as a place the gazetteer does not know; such a place tells a headline report apart
    from no report of the body, which names the place the gazetteer knows."""
    return a.headline_only and not b.headline_only and a.location is not None and not a.location.resolved


def places_compatible(a: Candidate, b: Candidate) -> bool:
    if not (a.place_explicit and b.place_explicit) or a.location is None or b.location is None:
        return True
    if unknown_headline_place(a, b) or unknown_headline_place(b, a):
        return True
    first, second = a.location, b.location
    return (
        same_place(first, second)
        or lies_within(first, second)
        or lies_within(second, first)
        or may_lie_within(first, second)
        or may_lie_within(second, first)
    )


def may_fall_on(when: str, unresolved_key: str) -> bool:
    """Whether a date and words no publication date could resolve ("overnight", "on Tuesday")
    can be one day: only a weekday can say they are not ("05 Jul 2016" was a Tuesday)."""
    if not unresolved_key.startswith(WEEKDAY_KEY) or len(when) != len("2016-07-05"):
        return True
    # "tuesday", "tue", "tuesday night": the first three letters name the day
    return date.fromisoformat(when).strftime("%a").lower() == unresolved_key.removeprefix(WEEKDAY_KEY)[:3]


def dates_compatible(a: Candidate, b: Candidate) -> bool:
    if a.date is None or b.date is None:
        return True
    if a.date.date and b.date.date:
        shorter = min(len(a.date.date), len(b.date.date))
        return a.date.date[:shorter] == b.date.date[:shorter]
    if a.date.date or b.date.date:
        return may_fall_on(a.date.date or b.date.date or "", b.date.key if a.date.date else a.date.key)
    return a.date.key == b.date.key


def figure_key(quantity: Quantity) -> tuple[str, str | None, str | None]:
    return quantity.category, (quantity.kind or "").lower() or None, quantity.source


def figures_compatible(a: Candidate, b: Candidate) -> bool:
    values = {figure_key(q): q.value for q in a.quantities if q.source}
    return all(values.get(figure_key(q), q.value) == q.value for q in b.quantities if q.source)


def same_happening(a: Candidate, b: Candidate) -> bool:
    """Nothing tells the two reports apart in place or time."""
    return places_compatible(a, b) and dates_compatible(a, b)


def compatible(a: Candidate, b: Candidate) -> bool:
    return (
        a.event_type == b.event_type
        and same_happening(a, b)
        and (a.ordinal is None or b.ordinal is None or a.ordinal == b.ordinal)
        and not (a.distinguishing and b.distinguishing and not a.distinguishing & b.distinguishing)
        and figures_compatible(a, b)
    )


def add_quantities(into: Candidate, quantities: list[Quantity]) -> None:
    """Figures not already there; a headline figure (no offsets) yields to the body's."""
    for quantity in quantities:
        same = [q for q in into.quantities if q.category == quantity.category and q.value == quantity.value]
        if any(figure_key(q) == figure_key(quantity) and q.qualifier == quantity.qualifier for q in same):
            continue
        if quantity.start is None and same:
            continue
        into.quantities = [q for q in into.quantities if not (q.start is None and q in same)]
        into.quantities.append(quantity)


def absorb_place(into: Candidate, other: Candidate) -> None:
    """The body names places more carefully than a headline; a named place beats an inherited
    one; a place inside the one kept so far is more precise."""
    if not other.place_explicit or other.location is None:
        into.location = into.location or other.location
    elif (
        into.headline_only
        or not into.place_explicit
        or into.location is None
        or lies_within(other.location, into.location)
    ):
        into.location, into.place_explicit = other.location, True
        if into.headline_only:
            into.origin = other.origin or into.origin
            into.destination = other.destination or into.destination
    into.origin = into.origin or other.origin
    into.destination = into.destination or other.destination


def absorb(into: Candidate, other: Candidate) -> None:
    absorb_place(into, other)
    into.evidence.extend(e for e in other.evidence if e not in into.evidence)
    into.headline_only = into.headline_only and other.headline_only
    into.sources.extend(s for s in other.sources if s not in into.sources)
    into.actors.extend(
        a for a in other.actors if (a.name, a.role) not in {(b.name, b.role) for b in into.actors}
    )
    add_quantities(into, other.quantities)
    if other.date is not None and (into.date is None or (other.date_explicit and not into.date_explicit)):
        into.date, into.date_explicit = other.date, other.date_explicit
    into.ordinal = into.ordinal or other.ordinal
    into.of_the_day = into.of_the_day or other.of_the_day
    into.own_happening = into.own_happening or other.own_happening
    into.generic = into.generic and other.generic
    into.recount = into.recount and other.recount
    into.strength = max(into.strength, other.strength)


def merge_target(merged: list[Candidate], candidate: Candidate) -> Candidate | None:
    """The most recent compatible event; a back-reference ("the evacuation followed a truce")
    joins the latest event of its type whatever date its sentence carries."""
    if candidate.back_reference:
        earlier = [m for m in merged if m.event_type == candidate.event_type]
        earlier = [m for m in earlier if places_compatible(m, candidate)]
        if earlier:
            return earlier[-1]
    fitting = (m for m in reversed(merged) if compatible(m, candidate) and not told_elsewhere(candidate, m))
    return next(fitting, None)


def merge_by_type(candidates: list[Candidate]) -> list[Candidate]:
    """Reports of one type and one happening become one event."""
    merged: list[Candidate] = []
    for candidate in candidates:
        target = merge_target(merged, candidate)
        if target is None:
            merged.append(candidate)
        else:
            absorb(target, candidate)
            # kept here, not in absorb: a toll folded into a strike does not make the strike
            # one "of civilians" that no other report of it could join
            target.theme_classes |= candidate.theme_classes
    return merged


def shares_sentence(a: Candidate, b: Candidate) -> bool:
    return any(evidence in b.evidence for evidence in a.evidence)


def toll_bearer(
    events: list[Candidate], index: int, lexicon: ExtractionLexicon, sentence_only: bool
) -> Candidate | None:
    """The violent event the toll at ``index`` belongs to: told in the same sentence, else
    (unless ``sentence_only``) the latest before it, else the first after it, of the same happening."""
    toll = events[index]
    bearers = [
        (position, event)
        for position, event in enumerate(events)
        if event.event_type in lexicon.toll_bearers
        and not event.generic
        and event is not toll
        and (places_compatible(event, toll) if toll.recount else same_happening(event, toll))
    ]
    in_sentence = [event for _, event in bearers if shares_sentence(event, toll)]
    if sentence_only:
        return next(iter(in_sentence), None)
    before = [event for position, event in bearers if position < index]
    after = [event for position, event in bearers if position > index and not told_elsewhere(event, toll)]
    return next(iter(in_sentence or before[::-1] or after), None)


def told_elsewhere(later: Candidate, earlier: Candidate) -> bool:
    """A report with no place of its own, told before any other, is at the story's place ("the
    attack left 100 dead" after a line on Khan Sheikhoun): a later report placed elsewhere ("the
    air force also struck Douma on Monday", or a line after it) is another happening."""
    if earlier.place_explicit or earlier.headline_only or earlier.location is None or later.location is None:
        return False
    here, there = earlier.location, later.location
    return not (same_place(here, there) or lies_within(here, there) or lies_within(there, here))


def fold_tolls(events: list[Candidate], lexicon: ExtractionLexicon, sentence_only: bool) -> list[Candidate]:
    """Each toll (and each generic "attack") on the specific violent event it belongs to, if
    the article tells of one."""
    kept: list[Candidate] = []
    for index, event in enumerate(events):
        is_toll = event.event_type == lexicon.toll_event and not event.own_happening
        foldable = is_toll or event.generic
        bearer = toll_bearer(events, index, lexicon, sentence_only) if foldable else None
        if bearer is None:
            kept.append(event)
        else:
            absorb(bearer, event)
    return kept


def merge_candidates(candidates: list[Candidate], lexicon: ExtractionLexicon) -> list[Candidate]:
    """The article's happenings: a toll told with its cause goes on it at once ("strikes on
    Atareb killed 61" stays apart from another sentence's toll), then reports merge by type,
    then the remaining tolls go on the violent event they follow or precede."""
    in_sentence = fold_tolls(candidates, lexicon, sentence_only=True)
    return fold_tolls(merge_by_type(in_sentence), lexicon, sentence_only=False)
