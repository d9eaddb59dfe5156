"""Which place an event takes among those its sentence names.

Every sample sentence here is written for these tests.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from sitreport.records import Event

Extract = Callable[..., list[Event]]


def located(events: list[Event]) -> set[str]:
    return {e.location.name for e in events if e.location}


@pytest.mark.parametrize(
    ("headline", "place"),
    [
        # a village named as a reference point inside the governorate named as the location
        ("Gunmen attack a checkpoint near Kafr Zita in Hama", "Kafr Zita"),
        # "east of" whose "of" the parser hangs on the event word: still a reference point
        ("Gunmen carry out an attack in al-Busayrah town east of Deir Ezzor", "Al Busayrah"),
    ],
)
def test_the_event_takes_the_most_precise_place_meant(extract: Extract, headline: str, place: str) -> None:
    assert located(extract(headline, title=headline)) == {place}


def test_a_reference_point_outside_the_region_named_does_not_place_the_event(extract: Extract) -> None:
    headline = "Clashes erupt in the Idlib countryside near Hama"
    assert located(extract(headline, title=headline)) == {"Idlib"}


@pytest.mark.parametrize(
    ("headline", "place"),
    [
        # a town named like its governorate, over a line naming a village of that governorate
        ("Warplanes kill 9 in Deir Ezzor;March 3rd: Al Mayadin, Deir Ezzor governorate, Syria", "Al-Mayadin"),
        ("Five die in an air strike near Idlib;5 killed in airstrikes on Saraqib", "Saraqib"),
    ],
)
def test_a_town_named_like_its_governorate_yields_to_the_story_town(
    extract: Extract, headline: str, place: str
) -> None:
    assert located(extract(headline, title=headline)) == {place}


def test_the_town_named_like_its_governorate_stays_when_the_story_town_has_its_own_event(
    extract: Extract,
) -> None:
    headline = "Clashes erupt in Idlib and air strikes hit Saraqib"
    assert {"Idlib", "Saraqib"} <= located(extract(headline, title=headline))



def test_a_town_called_a_city_is_the_town_beside_another_town_of_its_governorate(extract: Extract) -> None:
    """'the cities of Raqqa and Tabqa': Raqqa is the town, not the governorate Tabqa lies in."""
    headline = "Air strikes hit the cities of Raqqa and Tabqa overnight"
    assert located(extract(headline, title=headline)) == {"Raqqa", "Tabqa"}


def test_a_place_on_the_border_of_another_takes_the_event(extract: Extract) -> None:
    """'on the border of Suwayda' says where the area lies: the event is in the area."""
    headline = "Regime troops battle IS in the Tulul al-Safa area on the border of Suwayda"
    assert located(extract(headline, title=headline)) == {"Tulul as Safa"}


def test_a_place_name_inside_an_actors_name_places_nothing(extract: Extract) -> None:
    """'Al-Furat Shield factions' name an armed side: 'Al-Furat' is no site of the event."""
    headline = "Al-Furat Shield factions advance in the northern Aleppo countryside"
    assert located(extract(headline, title=headline)) == {"northern Aleppo"}


@pytest.mark.parametrize(
    "text",
    [
        # the launch site as the sentence's only place, in a sentence of its own
        "Shells struck the market in Ariha on Monday, killing four people. "
        "The shells were fired from army positions near Kafranbel, residents said.",
        # the launch site beside the place struck
        "Rockets launched from Jobar struck the centre of Damascus on Monday, killing four people.",
    ],
)
def test_where_fire_came_from_is_not_where_it_struck(extract: Extract, text: str) -> None:
    events = [e for e in extract(text, published="2022-02-07") if e.event_type == "remote_violence"]
    assert len(events) == 1
    assert located(events) <= {"Ariha", "Damascus"} and located(events)


def test_a_humanitarian_convoy_setting_off_is_aid_where_it_goes(extract: Extract) -> None:
    text = "A humanitarian convoy of 20 trucks set off from Aleppo city towards Sarmada on Tuesday."
    events = extract(text, published="2022-08-09")
    assert [(e.event_type, e.location.name if e.location else None) for e in events] == [("aid", "Sarmada")]


def test_a_speaker_named_like_a_place_is_not_where_the_story_is(extract: Extract) -> None:
    """A kunya that is also a village's name ('Abu Kamal') names who told the story: the event
    with no place of its own takes the town the lead names."""
    text = (
        "A rocket hit a rebel-held town overnight killing 9 people. A local activist who goes by "
        "the name Abu Kamal said on Monday that the town of Tal Rifaat had no fighters in it."
    )
    assert located(extract(text, title="Rocket kills 9 in rebel-held town")) == {"Tal Rifaat"}


def test_where_a_speaker_talked_is_not_where_the_event_was(extract: Extract) -> None:
    """'said in Amman': Jordan is where the opposition spoke, not where the shelling killed."""
    text = (
        "An opposition spokesman said in Amman the shelling had killed 40 people. "
        "Footage from districts east of Damascus showed the damage."
    )
    events = extract(text, title="Opposition says shelling killed 40")
    assert "Amman" not in located(events) and "Damascus" in located(events)


def test_a_military_unit_after_a_place_preposition_is_no_place(extract: Extract) -> None:
    """'from Division 30' names a party: the event stays at the place the sentence names."""
    text = "Gunmen abducted eight fighters from Division 30 near Azaz on Monday."
    assert located(extract(text)) == {"Azaz"}


def test_a_city_abroad_opening_a_sentence_with_a_dash_is_a_dateline(extract: Extract) -> None:
    """A dateline left inside the page after a repeated headline: the copy was filed in Beirut."""
    text = "Beirut- Rebel factions launched an assault on government districts of Aleppo killing 8 people."
    assert located(extract(text, title="Rebels shell Aleppo")) == {"Aleppo"}
