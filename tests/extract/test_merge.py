"""The happening model (sitreport.extract.merge) on reports built by hand.

Each test builds the reports an article would give (type, sentence, place, date, figures) and
checks what the merge makes of them: one event per happening, tolls on their causes.
"""

from __future__ import annotations

from collections.abc import Callable

from sitreport.extract.candidate import Candidate
from sitreport.extract.dates import DateReading
from sitreport.extract.lexicon import load_extraction_lexicon
from sitreport.extract.merge import dates_compatible, lies_within, merge_candidates, narrow_to
from sitreport.records import Event, Evidence, Place, Quantity

SYRIA = Place("Syria", country="SY", kind="country", precision=4)
IDLIB_PROVINCE = Place("Idlib", admin1="Idlib", country="SY", kind="admin1", precision=3)
NORTHERN_SYRIA = Place("northern Syria", country="SY", kind="region", precision=3)
ARIHA = Place("Ariha", admin1="Idlib", country="SY", precision=1)
DOUMA = Place("Douma", admin1="Rif Dimashq", country="SY", precision=1)
WADI_BARADA = Place("Wadi Barada", admin1="Rif Dimashq", country="SY", precision=2)
AIN_AL_FIJEH = Place("Ain al-Fijeh", admin1="Rif Dimashq", country="SY", precision=1)


def sentence(number: int) -> Evidence:
    """The evidence span of the article's sentence ``number`` (sentences 40 characters apart)."""
    return Evidence(number * 40, number * 40 + 39, f"sentence {number}")


def report(
    event_type: str,
    in_sentence: int,
    place: Place | None = None,
    killed: int | None = None,
    day: str | None = None,
    **flags: bool,
) -> Candidate:
    candidate = Candidate(event_type, 0.8, [sentence(in_sentence)], headline_only=False, **flags)
    candidate.location, candidate.place_explicit = place, place is not None
    if killed is not None:
        candidate.quantities = [Quantity("killed", killed, start=in_sentence * 40, end=in_sentence * 40 + 2)]
    if day is not None:
        candidate.date, candidate.date_explicit = DateReading(day, "day", day, day), True
    return candidate


def merged(*reports: Candidate) -> list[tuple[str, str | None, list[int]]]:
    events = merge_candidates(list(reports), load_extraction_lexicon())
    return [(e.event_type, e.location.name if e.location else None, figures(e)) for e in events]


def figures(event: Candidate) -> list[int]:
    return [quantity.value for quantity in event.quantities]


def test_a_toll_told_with_its_strike_is_the_strike_s() -> None:
    assert merged(report("remote_violence", 0, ARIHA), report("casualties", 0, ARIHA, killed=10)) == [
        ("remote_violence", "Ariha", [10])
    ]


def test_a_toll_told_after_the_strike_goes_on_the_latest_strike_before_it() -> None:
    events = merged(
        report("remote_violence", 0, ARIHA, day="2018-03-05"),
        report("casualties", 1, killed=17),
    )
    assert events == [("remote_violence", "Ariha", [17])]


def test_a_toll_told_before_its_cause_goes_on_the_strike_after_it() -> None:
    assert merged(report("casualties", 0, ARIHA, killed=9), report("remote_violence", 1)) == [
        ("remote_violence", "Ariha", [9])
    ]


def test_a_toll_elsewhere_stays_apart() -> None:
    events = merged(report("remote_violence", 0, ARIHA), report("casualties", 1, DOUMA, killed=3))
    assert events == [("remote_violence", "Ariha", []), ("casualties", "Douma", [3])]


def test_a_toll_another_day_stays_apart() -> None:
    events = merged(
        report("remote_violence", 0, ARIHA, day="2018-03-05"),
        report("casualties", 1, ARIHA, killed=4, day="2018-03-01"),
    )
    assert [e[0] for e in events] == ["remote_violence", "casualties"]


def test_a_toll_with_no_violent_event_stays_a_casualties_event() -> None:
    assert merged(report("casualties", 0, DOUMA, killed=5)) == [("casualties", "Douma", [5])]


def test_an_execution_keeps_its_own_toll() -> None:
    events = merged(
        report("remote_violence", 0, DOUMA),
        report("casualties", 0, DOUMA, killed=12, own_happening=True),
    )
    assert events == [("remote_violence", "Douma", []), ("casualties", "Douma", [12])]


def test_a_generic_attack_is_the_specific_violence_of_its_happening() -> None:
    attack = report("armed_clash", 0, DOUMA, generic=True)
    events = merged(attack, report("remote_violence", 0, DOUMA, killed=8))
    assert events == [("remote_violence", "Douma", [8])]


def test_a_generic_attack_with_nothing_more_specific_stays_a_clash() -> None:
    assert merged(report("armed_clash", 0, DOUMA, generic=True)) == [("armed_clash", "Douma", [])]


def test_a_town_inside_the_country_or_province_is_one_happening_at_the_town() -> None:
    for wide in (SYRIA, IDLIB_PROVINCE, NORTHERN_SYRIA):
        events = merged(report("remote_violence", 0, wide, killed=20), report("remote_violence", 1, ARIHA))
        assert events == [("remote_violence", "Ariha", [20])]


def test_two_towns_are_two_happenings() -> None:
    assert len(merged(report("remote_violence", 0, ARIHA), report("remote_violence", 1, DOUMA))) == 2


def test_a_district_does_not_swallow_the_towns_in_it() -> None:
    assert not lies_within(AIN_AL_FIJEH, WADI_BARADA)
    assert lies_within(ARIHA, IDLIB_PROVINCE) and not lies_within(DOUMA, IDLIB_PROVINCE)


def test_an_unresolved_weekday_must_fall_on_the_date() -> None:
    tuesday = report("remote_violence", 0, day="2016-07-05")  # a Tuesday
    on = report("remote_violence", 1)
    on.date = DateReading(None, None, "on Tuesday", "weekday:tuesday")
    assert dates_compatible(tuesday, on)
    on.date = DateReading(None, None, "on Monday", "weekday:monday")
    assert not dates_compatible(tuesday, on)


def test_a_country_or_region_yields_to_the_story_s_place_inside_it() -> None:
    in_syria = report("remote_violence", 0, SYRIA)
    narrow_to([in_syria], ARIHA)
    assert in_syria.location == ARIHA
    in_douma = report("remote_violence", 0, DOUMA)
    narrow_to([in_douma], ARIHA)
    in_province = report("remote_violence", 0, IDLIB_PROVINCE)
    narrow_to([in_province], DOUMA)
    assert (in_douma.location, in_province.location) == (DOUMA, IDLIB_PROVINCE)


def test_a_recount_joins_its_strike_whatever_day_it_was_counted() -> None:
    events = merged(
        report("remote_violence", 0, ARIHA, killed=14, day="2018-02-20"),
        report("casualties", 1, killed=16, day="2018-02-21", recount=True),
    )
    assert events == [("remote_violence", "Ariha", [14, 16])]


def test_a_town_named_like_its_governorate_yields_to_another_town_of_it() -> None:
    idlib_city = Place("Idlib", admin1="Idlib", country="SY", precision=1)
    in_idlib = report("remote_violence", 0, idlib_city)
    narrow_to([in_idlib], ARIHA)
    assert in_idlib.location == ARIHA
    # not when the story's town has an event of its own: the town named was meant
    in_idlib, in_ariha = report("remote_violence", 0, idlib_city), report("armed_clash", 1, ARIHA)
    narrow_to([in_idlib, in_ariha], ARIHA)
    assert in_idlib.location == idlib_city
    # nor a town of another governorate
    in_douma = report("remote_violence", 0, DOUMA)
    narrow_to([in_douma], ARIHA)
    assert in_douma.location == DOUMA


def test_a_town_called_a_city_neither_yields_to_nor_merges_with_another_town_of_its_governorate() -> None:
    idlib_city = Place("Idlib", admin1="Idlib", country="SY", precision=1, kind="city")
    in_idlib = report("remote_violence", 0, idlib_city)
    narrow_to([in_idlib], ARIHA)
    assert in_idlib.location == idlib_city
    events = merged(report("remote_violence", 0, idlib_city), report("remote_violence", 1, ARIHA))
    assert sorted(name for _, name, _ in events) == ["Ariha", "Idlib"]


def test_a_quarter_of_a_city_merges_with_the_city() -> None:
    """ "A blast in the city of Aleppo" and "the blast hit the Salaheddin quarter": one event."""
    aleppo_city = Place("Aleppo", admin1="Aleppo", country="SY", precision=1, kind="city")
    quarter = Place("Salah al-Din", admin1="Aleppo", country="SY", precision=2, kind="district")
    events = merged(report("remote_violence", 0, aleppo_city), report("remote_violence", 1, quarter))
    assert len(events) == 1


def test_an_event_at_a_border_of_several_governorates_is_at_the_story_place(
    extract: Callable[..., list[Event]],
) -> None:
    """The Syria-Turkey border runs through five governorates: in a story about Azaz, strikes
    "on a road leading to the Turkish border" are at Azaz (a sample written for this test)."""
    text = (
        "Rebels shelled government positions in Azaz on Monday. Later on Monday, army jets bombed"
        " a road leading to the Turkish border, killing 7 rebels."
    )
    events = extract(text, title="Shelling in Azaz", published="2016-10-06")
    struck = [e for e in events if any(q.value == 7 for q in e.quantities)]
    assert [(e.location.name, e.location.admin1) for e in struck if e.location] == [("Azaz", "Aleppo")]


def test_a_headline_place_the_gazetteer_does_not_know_yields_to_the_body_s() -> None:
    # headline capitals read as a place ("Blast Kills Four in Hometown of ...") tell the
    # headline report apart from no body report, but still from another headline's place
    def headline(in_sentence: int, place: Place) -> Candidate:
        candidate = report("remote_violence", in_sentence, place, killed=4)
        candidate.headline_only = True
        return candidate

    unknown = Place("Hometown", resolved=False)
    body = report("remote_violence", 1, ARIHA, killed=4)
    assert merged(headline(0, unknown), body) == [("remote_violence", "Ariha", [4])]
    assert len(merged(headline(0, unknown), headline(1, DOUMA))) == 2


def at_story_place(candidate: Candidate) -> Candidate:
    """A report that names no place of its own, placed at the story's place."""
    candidate.place_explicit = False
    return candidate


def test_a_toll_at_the_story_s_place_does_not_go_on_a_later_strike_elsewhere() -> None:
    # a story on Ariha: "the attack left 100 dead", then "warplanes also struck Douma, killing 32"
    events = merged(
        at_story_place(report("casualties", 0, ARIHA, killed=100)),
        report("casualties", 1, DOUMA, killed=32),
        report("remote_violence", 1, DOUMA),
    )
    assert ("casualties", "Ariha", [100]) in events
    assert ("remote_violence", "Douma", [32]) in events
