"""Headlines read as articles: places joined by "and", joint tolls, tolls raised to a figure,
and a long untitled line read as the headline it is.

Every sample headline here is written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitreport.records import Event

Extract = Callable[..., list[Event]]


def located(events: list[Event], event_type: str) -> set[str]:
    return {e.location.name for e in events if e.event_type == event_type and e.location}


def figures(events: list[Event]) -> set[tuple[str, int, str]]:
    return {(q.category, q.value, q.qualifier) for e in events for q in e.quantities}


def test_places_joined_by_and_are_one_event_each(extract: Extract) -> None:
    text = "Heavy clashes in Saraqib and Kafr Nabl"
    assert located(extract(text, title=text), "armed_clash") == {"Saraqib", "Kafranbel"}


def test_the_figure_stays_on_the_first_place_only(extract: Extract) -> None:
    text = "Warplanes kill 7 civilians in Ariha and Saraqib"
    events = [e for e in extract(text, title=text) if e.event_type == "remote_violence"]
    assert {e.location.name for e in events if e.location} == {"Ariha", "Saraqib"}
    assert sum(1 for e in events for q in e.quantities if q.category == "killed") == 1


def test_a_place_within_the_other_is_no_second_event(extract: Extract) -> None:
    text = "Shelling on Idlib city and Idlib province"
    assert len(located(extract(text, title=text), "remote_violence")) == 1


def test_a_toll_of_dead_and_wounded_bounds_each(extract: Extract) -> None:
    text = "Rocket fire kills and injures 14 people in Ariha"
    assert {("killed", 14, "max"), ("injured", 14, "max")} <= figures(extract(text, title=text))


def test_an_at_least_joint_toll_bounds_neither(extract: Extract) -> None:
    text = "At least 30 people were killed and wounded by shelling on Saraqib"
    assert ("killed", 30, "max") not in figures(extract(text, title=text))
    assert ("injured", 30, "max") not in figures(extract(text, title=text))


def test_a_toll_raised_to_a_figure_counts_the_dead(extract: Extract) -> None:
    text = "More deaths raise the toll of the Ariha market bombing to 19"
    assert ("killed", 19, "exact") in figures(extract(text, title=text))


def test_a_long_untitled_line_is_read_as_a_headline(extract: Extract) -> None:
    # over 25 words, so cleaning keeps no title; told in the headline's present tense
    text = (
        "A car bomb explosion in Azaz city kills 6 members of a faction in conjunction with a "
        "crowd gathered in the market square to protest against the rising prices of bread"
    )
    events = extract(text)
    assert ("killed", 6, "exact") in figures(events)


def test_a_headline_place_belongs_to_the_event_told_before_it(extract: Extract) -> None:
    text = "Shelling targets Saraqib and clashes break out in Ariha"
    events = extract(text, title=text)
    assert located(events, "remote_violence") == {"Saraqib"}
    assert located(events, "armed_clash") == {"Ariha"}


def test_a_headline_place_past_a_joiner_is_an_event_of_its_own(extract: Extract) -> None:
    # the parser hangs both places on the one event word; the joiner between them says two
    text = "Violent clashes in several areas in Saraqib and its surroundings, and renewed in Ariha"
    assert located(extract(text, title=text), "armed_clash") == {"Saraqib", "Ariha"}


def test_a_bare_number_before_dead_counts_the_dead(extract: Extract) -> None:
    text = "5 dead, mostly children, in raids on a town in Quneitra countryside"
    assert ("killed", 5, "exact") in figures(extract(text, title=text))


def test_each_of_two_glued_headlines_keeps_its_toll(extract: Extract) -> None:
    # a sample feed line: two headlines joined by a bare semicolon
    text = "Shelling kills 4 civilians in Ariha;11 killed by air strikes on Saraqib"
    found = figures(extract(text))
    assert {("killed", 4, "exact"), ("killed", 11, "exact")} <= found


def kinds(events: list[Event], category: str) -> set[tuple[int, str | None]]:
    return {(q.value, q.kind) for e in events for q in e.quantities if q.category == category}


def test_a_headline_verb_read_as_a_compound_takes_the_noun_after_it(extract: Extract) -> None:
    text = "SDF control al-Mansoura town in Raqqa countryside"
    assert located(extract(text, title=text), "territory_change")


def test_a_noun_modifier_in_a_headline_with_its_verb_stays_a_noun(extract: Extract) -> None:
    # only a headline whose root is no verb has its verb misread as a noun
    text = "Regime attack helicopters fly over Ariha"
    assert not located(extract(text, title=text), "armed_clash")


def test_the_parts_of_a_toll_of_people_are_told_beside_it(extract: Extract) -> None:
    text = "40 people were killed yesterday, including 9 soldiers and 12 civilians"
    found = kinds(extract(text, title=text), "killed")
    # the whole keeps no kind, so the parts are never added to it
    assert found == {(40, None), (9, "soldiers"), (12, "civilians")}


def test_the_parts_of_a_toll_of_one_kind_are_no_figures_of_their_own(extract: Extract) -> None:
    text = "Shelling kills 20 civilians including 6 children in Ariha"
    assert kinds(extract(text, title=text), "killed") == {(20, "civilians")}


def test_glued_headlines_of_a_titled_line_are_each_read_as_a_headline(extract: Extract) -> None:
    # cleaning takes a one-line file as its own title: each glued headline is a headline
    # (present tense is news), not a body sentence told as a habit
    text = "Shelling targets Saraqib;Aerial bombardment kills 9 in Ariha"
    events = extract(text, title=text)
    assert located(events, "remote_violence") == {"Saraqib", "Ariha"}
    assert ("killed", 9, "exact") in figures(events)


def test_an_adjective_before_its_noun_is_a_state(extract: Extract) -> None:
    text = "8 wounded fighters reach a hospital in Ariha"
    assert not any(q.category == "injured" for e in extract(text, title=text) for q in e.quantities)


# Headlines the parser reads oddly, each with its event and place (samples written here): a
# verb read as a plural noun ("targets"), or as the subject of its object; a capitalised plural
# taken for a name; a verbless clause hung as a second subject on the next clause's verb ("the
# clashes are not tried"); an event word made an adjective of the verb read as a noun ("shelling"
# of "target"); "IS" read as the verb "is".
HEADLINE_EVENTS = [
    ("Aerial bombardment targets Ariha", "remote_violence", "Ariha"),
    ("Aerial bombardment targets Aleppo", "remote_violence", "Aleppo"),
    ("Violent Clashes continue in Hama fronts", "armed_clash", "Hama"),
    (
        "Violent clashes on the outskirts of Ariha town and the regime forces are trying to advance",
        "armed_clash",
        "Ariha",
    ),
    ("Heavy shelling target Saraqib town", "remote_violence", "Saraqib"),
    ("IS shells army posts in Ariha", "remote_violence", "Ariha"),
]


@pytest.mark.parametrize(
    ("text", "event_type", "place"),
    HEADLINE_EVENTS,
    ids=["plural-noun", "subject-of-object", "capitalised", "second-subject", "modifier", "acronym"],
)
def test_a_headline_the_parser_reads_oddly_tells_its_event(
    extract: Extract, text: str, event_type: str, place: str
) -> None:
    assert located(extract(text, title=text), event_type) == {place}


# Headline tolls the parser reads oddly, each with the dead it tells (samples written here):
# a count of the dead raised to a figure, casualties risen to one, an adjective after its noun
# ("leaves 8 fighters dead"), a clause the parser hangs off a source name before a colon,
# bodies found, and a count raised by a verb sharing its subject with the verb before it.
HEADLINE_TOLLS = [
    ("More casualties raise to 9 the number of people killed in the shelling on Ariha", 9),
    ("Casualties of the Saraqib bombings rise to 14", 14),
    ("Shelling leaves 8 fighters dead in Ariha", 8),
    ("Monitor: 4 civilians were killed by shelling on Ariha", 4),
    ("3 bodies found in Ariha", 3),
    ("The Ariha massacre claims the lives of more people and raises to 41, the number of casualties", 41),
]


@pytest.mark.parametrize(
    ("text", "killed"),
    HEADLINE_TOLLS,
    ids=["raised", "risen", "left-dead", "colon", "bodies", "raised-by-the-subject-of-and"],
)
def test_a_headline_toll_the_parser_reads_oddly_counts_the_dead(
    extract: Extract, text: str, killed: int
) -> None:
    assert ("killed", killed, "exact") in figures(extract(text, title=text))


def test_an_event_word_modifying_a_plain_noun_is_a_kind_of_thing(extract: Extract) -> None:
    text = "Evacuation deal talks in Ariha"
    assert not located(extract(text, title=text), "evacuation")


def test_a_bomb_told_by_its_going_off_is_remote_violence(extract: Extract) -> None:
    text = "Two IEDs explode in Ariha market"
    assert located(extract(text, title=text), "remote_violence") == {"Ariha"}


# Monitors' headlines of violence told by a noun or a verb of their own (samples written here):
# fire told as "targeting on", a raid by warplanes, a side's losses, a funeral of the dead,
# an abduction with no verb, a stoning, a breach of a truce, fire on the ground around a place.
HEADLINE_NOUN_EVENTS = [
    ("The regime forces renew targeting on areas in Saraqib", "remote_violence"),
    ("Warplanes raid Saraqib", "remote_violence"),
    ("Losses in the regime forces in Saraqib", "casualties"),
    ("Funeral of 7 fighters of the factions in Saraqib", "casualties"),
    ("Abduction of a citizen in Saraqib", "violence_against_civilians"),
    ("The Islamic State stones a woman in Saraqib", "casualties"),
    ("Breaches of the truce in Saraqib escalate", "armed_clash"),
    ("The regime forces target the vicinity of Saraqib", "remote_violence"),
]


@pytest.mark.parametrize(
    ("text", "event_type"),
    HEADLINE_NOUN_EVENTS,
    ids=[
        "targeting",
        "warplane-raid",
        "losses",
        "funeral",
        "abduction",
        "stoning",
        "truce-breach",
        "vicinity",
    ],
)
def test_a_monitors_word_for_violence_tells_its_event(extract: Extract, text: str, event_type: str) -> None:
    assert located(extract(text, title=text), event_type) == {"Saraqib"}


# Monitors' headlines of violence by what is dropped or done, samples written here: warplanes'
# raids with words between, raids as such (air raids in this reporting), barrels dropped, a
# "re-" verb the tokenizer splits, the bodies of the dead (a plural the lemmatizer misreads), a
# quoted subject of a verb read as a noun, a patrol targeted, a verb sharing its partner's object.
HEADLINE_MORE_EVENTS = [
    ("Warplanes escalate the raids on Saraqib", "remote_violence"),
    ("Raids on the city of Saraqib", "remote_violence"),
    ("Helicopters drop 20 explosive barrels on Saraqib", "remote_violence"),
    ("The regime forces re-shell Saraqib", "remote_violence"),
    ("The Islamic State hangs the bodies of regime members in Saraqib", "casualties"),
    ("Corpses found in Saraqib", "casualties"),
    ("“Rebels” target Saraqib", "remote_violence"),
    ("Gunmen target a patrol of the regime forces in Saraqib", "remote_violence"),
    ("A checkpoint of the regime forces kills and detains a young man in Saraqib", "casualties"),
]


@pytest.mark.parametrize(
    ("text", "event_type"),
    HEADLINE_MORE_EVENTS,
    ids=[
        "two-words-between",
        "raids",
        "barrels",
        "re-shell",
        "bodies",
        "corpses",
        "quoted-subject",
        "patrol",
        "shared-object",
    ],
)
def test_a_monitors_headline_of_what_is_dropped_or_done_tells_its_event(
    extract: Extract, text: str, event_type: str
) -> None:
    assert located(extract(text, title=text), event_type) == {"Saraqib"}


def test_aid_dropped_from_the_air_is_no_strike(extract: Extract) -> None:
    text = "Aid containers dropped over Saraqib"
    assert not located(extract(text, title=text), "remote_violence")


def test_tens_of_people_count_people(extract: Extract) -> None:
    text = "Security forces arrest tens of young men in Saraqib"
    assert {e.event_type for e in extract(text, title=text)} & {"detention", "violence_against_civilians"}


def test_others_joined_to_a_toll_count_more_dead(extract: Extract) -> None:
    text = "3 casualties in the shelling on Saraqib and 4 others in a landmine explosion in Ariha"
    assert {("killed", 3, "exact"), ("killed", 4, "exact")} <= figures(extract(text, title=text))


def test_a_bare_raid_is_no_air_strike(extract: Extract) -> None:
    text = "Security forces raid a house in Saraqib"
    assert not located(extract(text, title=text), "remote_violence")


def test_a_funeral_counts_the_dead_it_buries(extract: Extract) -> None:
    text = "Funeral of 7 fighters of the factions in Saraqib"
    assert ("killed", 7, "exact") in figures(extract(text, title=text))


def test_places_listed_by_commas_are_one_event_each(extract: Extract) -> None:
    # the parser reads "al" of "Ras al-Ayn" as a word of its own and breaks the list
    text = "Fierce clashes on the fronts of Ayn Issa, Ras al-Ayn, and Tal Tamr"
    assert located(extract(text, title=text), "armed_clash") == {"Ain Issa", "Ras al-Ain", "Tal Tamr"}


def test_a_long_untitled_line_renewing_the_shelling_reports_it(extract: Extract) -> None:
    # "the shelling" refers back only in a clause under another ("since the siege began"): in
    # the line's main clause it is the news (a scraped line, its "of" after "number" lost)
    text = (
        "Regime forces and helicopters renew the shelling on the Eastern Ghouta and the number "
        "casualties and wounded of the day climbs to about 20 in Douma and Harasta"
    )
    assert "Eastern Ghouta" in located(extract(text), "remote_violence")
