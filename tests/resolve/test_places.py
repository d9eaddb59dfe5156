"""find_places / resolve_place / explain_places on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitreport.kb import KnowledgeBase
from sitreport.kb.gazetteer import distance_km
from sitreport.records import Place
from sitreport.resolve import explain_places, find_places, resolve_place

# Published coordinates of each town (GeoNames; al-Khuwayn from its position south-east of
# Maarat al-Numan), and how each may be written.
TRUE_POINTS = {
    "Daraa": (32.6189, 36.1021),
    "Idlib": (35.9306, 36.6339),
    "Quneitra": (33.1260, 35.8246),
    "Damascus": (33.5102, 36.2913),
    "Hama": (35.1318, 36.7578),
    "Al-Khowein": (35.55, 36.83),
}


@pytest.mark.parametrize("name", sorted(TRUE_POINTS))
def test_towns_land_within_30_km_of_their_true_position(name: str, kb: KnowledgeBase) -> None:
    [mention] = find_places(f"Buses reached {name} late on Thursday.", kb)
    lat, lon = TRUE_POINTS[name]
    assert mention.place.lat is not None and mention.place.lon is not None
    assert distance_km(mention.place.lat, mention.place.lon, lat, lon) < 30


def test_spans_point_at_the_words_in_the_text(kb: KnowledgeBase) -> None:
    text = "Fighters left al-Bab and Dara’a al-Balad for northern Syria."
    mentions = find_places(text, kb)
    assert [text[m.start : m.end] for m in mentions] == ["al-Bab", "Dara’a al-Balad", "northern Syria"]
    assert all(m.text == text[m.start : m.end] for m in mentions)


def test_regions_are_areas_with_a_coarser_precision(kb: KnowledgeBase) -> None:
    by_text = {m.text: m.place for m in find_places("From southern Damascus to northern Syria.", kb)}
    assert by_text["southern Damascus"].precision == 2
    assert by_text["southern Damascus"].admin1 == "Damascus"
    north = by_text["northern Syria"]
    assert north.precision == 3 and north.country == "SY"
    syria = resolve_place("Syria", kb)
    # The northern part lies north of the country's own point, not on it.
    assert north.lat is not None and syria.lat is not None and north.lat > syria.lat


def test_province_and_countryside_mean_the_governorate(kb: KnowledgeBase) -> None:
    for text in ("Shelling across Idlib province.", "Raids in the Idlib countryside."):
        [mention] = find_places(text, kb)
        assert (mention.place.name, mention.place.kind, mention.place.precision) == ("Idlib", "admin1", 3)
    [town] = find_places("Shelling in Idlib.", kb)
    assert town.place.precision == 1


@pytest.mark.parametrize(
    ("text", "mention"),
    [("Shells hit Idlib city.", "Idlib city"), ("the cities of Idlib and Ariha", "Idlib")],
)
def test_a_town_called_a_city_is_the_town(text: str, mention: str, kb: KnowledgeBase) -> None:
    """'Idlib city' is the town, never the governorate: the place says so by its kind."""
    first = find_places(text, kb)[0]
    assert (first.text, first.place.name, first.place.kind, first.place.precision) == (
        mention,
        "Idlib",
        "city",
        1,
    )


def test_governorate_named_nearby_settles_a_shared_name(kb: KnowledgeBase) -> None:
    # Two Syrian towns are called Suran: one in Hama, one in Aleppo.
    in_hama = resolve_place("Suran", kb, context=[resolve_place("Hama province", kb)])
    in_aleppo = resolve_place("Suran", kb, context=[resolve_place("Aleppo province", kb)])
    assert (in_hama.admin1, in_aleppo.admin1) == ("Hama", "Aleppo")


def test_home_country_wins_over_a_bigger_namesake_abroad(kb: KnowledgeBase) -> None:
    assert resolve_place("Bosra", kb).country == "SY"


def test_unknown_names_are_named_misses_never_guesses(kb: KnowledgeBase) -> None:
    missing = resolve_place("Zzyzx Junction", kb)
    assert missing == Place(name="Zzyzx Junction", mention="Zzyzx Junction", resolved=False)
    [mention] = find_places("Troops entered the village of Umm Qurun.", kb)
    assert mention.text == "Umm Qurun" and not mention.place.resolved and mention.place.lat is None


@pytest.mark.parametrize(
    "text",
    [
        "Abu Al-Majd Al-Homsi said the fighters were ready.",
        "Fighters of Ahrar al-Sham and Faylaq al-Rahman left.",
        "Hope is fading, and hope is all they had.",
        "Syrian and Iraqi officials met.",
        "The Homsi family returned.",
    ],
)
def test_person_group_and_common_words_are_not_places(text: str, kb: KnowledgeBase) -> None:
    assert find_places(text, kb) == []


@pytest.mark.parametrize(
    "text",
    [
        "Sample: pro-Turkey factions shelled the area.",
        "Sample: Ankara-loyal gunmen opened fire.",
        "Sample: fighters backed by Iran withdrew.",
        "Sample: factions loyal to Turkey advanced.",
    ],
)
def test_a_patron_of_armed_groups_is_no_place(text: str, kb: KnowledgeBase) -> None:
    assert find_places(text, kb) == []


def test_a_patron_names_no_country_for_namesakes_abroad(kb: KnowledgeBase) -> None:
    """Ras al-Ayn has a namesake in Turkey (Ceylanpinar); 'pro-Turkey' does not let it in."""
    [mention] = find_places("Sample: pro-Turkey factions entered Ras al-Ayn.", kb)
    assert mention.place.country == "SY" and mention.place.admin1 == "Al-Hasakah"


@pytest.mark.parametrize(
    "text",
    [
        "Sample: Turkish forces shelled Ras al-Ayn at dawn.",
        "Sample: the Turkish army entered Ras al-Ayn countryside.",
    ],
)
def test_an_actors_nationality_names_no_country_for_namesakes_abroad(text: str, kb: KnowledgeBase) -> None:
    """'Turkish forces' is who acts, not where: Ras al-Ayn stays the Syrian town."""
    [mention] = [m for m in find_places(text, kb) if "Ras al-Ayn" in m.text]
    assert mention.place.country == "SY" and mention.place.admin1 == "Al-Hasakah"


def test_a_demonym_outside_an_actors_name_still_names_its_country(kb: KnowledgeBase) -> None:
    [mention] = find_places("Sample: refugees reached the Turkish town of Ras al-Ayn.", kb)
    assert mention.place.country == "TR"


def test_a_quarter_of_a_named_town_is_not_a_namesake_elsewhere(kb: KnowledgeBase) -> None:
    """Sample sentence: Shahba is a town of As-Suwayda and, unlisted, a quarter of Aleppo."""
    [mention] = find_places("Sample: shells hit the Shahba neighbourhood of Aleppo.", kb)
    assert mention.text == "Shahba neighbourhood of Aleppo" and mention.place.admin1 == "Aleppo"
    assert mention.place.kind == "district" and mention.place.name == "Shahba Neighbourhood of Aleppo"


def test_a_quarter_known_near_its_town_stays_itself(kb: KnowledgeBase) -> None:
    quarter, town = find_places("Sample: shells hit the Barzeh neighbourhood in Damascus.", kb)
    assert quarter.text == "Barzeh neighbourhood" and quarter.place.name == "Barzeh"
    assert town.place.name == "Damascus"


def test_lower_case_words_are_not_places(kb: KnowledgeBase) -> None:
    assert find_places("the hama of the daraa", kb) == []


def test_explain_places_gives_one_row_per_mention(kb: KnowledgeBase) -> None:
    [row] = explain_places("Shelling hit Deraa.", kb)
    assert row["mention"] == "Deraa" and row["name"] == "Daraa" and row["admin1"] == "Daraa"
    assert row["country"] == "SY" and isinstance(row["lat"], float) and row["reason"]


@pytest.mark.parametrize("text", ["Snipers held the Old City of Mosul.", "Snipers held Mosul's old city."])
def test_old_city_is_a_district_of_the_town_named_with_it(text: str, kb: KnowledgeBase) -> None:
    [mention] = find_places(text, kb)
    mosul = resolve_place("Mosul", kb)
    assert (mention.place.kind, mention.place.precision, mention.place.country) == ("district", 2, "IQ")
    assert (mention.place.lat, mention.place.lon) == (mosul.lat, mosul.lon)


def test_a_district_phrase_alone_names_no_place(kb: KnowledgeBase) -> None:
    assert find_places("Shops in the Old City stayed shut.", kb) == []


@pytest.mark.parametrize(
    ("text", "border"),
    [
        ("Smugglers crossed the Syrian-Lebanese border.", "Lebanon-Syria border"),
        ("Troops massed on Turkey's border with Syria.", "Syria-Turkey border"),
        ("Aid waited at the border with Jordan.", "Jordan-Syria border"),
        ("Rockets fell near Naqoura, on the Israeli border.", "Israel-Lebanon border"),
        ("Fighters moved from Abu Kamal to the Iraqi border.", "Iraq-Syria border"),
    ],
)
def test_border_phrases_are_border_areas(text: str, border: str, kb: KnowledgeBase) -> None:
    [place] = [m.place for m in find_places(text, kb) if m.place.kind == "border"]
    assert (place.name, place.precision) == (border, 3)


def test_a_demonym_nearby_picks_the_namesake_in_its_country(kb: KnowledgeBase) -> None:
    [libyan] = find_places("Militias shelled Tripoli, the Libyan capital.", kb)
    [lebanese] = find_places("Gunmen clashed in Tripoli, the Lebanese port.", kb)
    assert (libyan.place.country, lebanese.place.country) == ("LY", "LB")


def test_a_town_nearby_outweighs_the_home_country(kb: KnowledgeBase) -> None:
    sinjar = next(m for m in find_places("Families fled Sinjar towards Tal Afar.", kb) if m.text == "Sinjar")
    assert sinjar.place.country == "IQ"
    assert resolve_place("Sinjar", kb).country == "SY"


def test_compass_part_of_a_town_named_like_its_governorate_is_the_governorate_part(kb: KnowledgeBase) -> None:
    [south] = find_places("Jets struck southern Idlib.", kb)
    assert (south.place.kind, south.place.precision, south.place.admin1) == ("region", 3, "Idlib")
    # A city of millions has parts of its own: 'southern Damascus' stays at the city.
    [city] = find_places("Jets struck southern Damascus.", kb)
    assert (city.place.kind, city.place.precision) == ("area", 2)


@pytest.mark.parametrize(
    ("text", "mention", "name"),
    [
        ("Sample: shells fell on Aleppos eastern districts.", "Aleppos", "Aleppo"),
        ("Sample: Daraas mayor spoke at dawn.", "Daraas", "Daraa"),
    ],
)
def test_a_possessive_that_lost_its_apostrophe_is_the_place(
    text: str, mention: str, name: str, kb: KnowledgeBase
) -> None:
    places = [(m.text, m.place.name) for m in find_places(text, kb) if m.place.resolved]
    assert (mention, name) in places


@pytest.mark.parametrize(
    "text", ["Sample: Hamas said the talks failed.", "Sample: The Allies met in Geneva."]
)
def test_a_short_name_or_another_spelling_plus_s_is_no_possessive(text: str, kb: KnowledgeBase) -> None:
    assert not [m for m in find_places(text, kb) if m.text in {"Hamas", "Allies"}]


def test_a_place_spelt_as_the_text_writes_it_beats_an_alternate_spelling(kb: KnowledgeBase) -> None:
    """'Adra' is Adra; Daraa lists 'Adraa' among its old spellings and is far bigger."""
    (mention,) = find_places("Sample: rebels shelled Adra at night.", kb)
    assert (mention.place.name, mention.place.admin1) == ("Adra", "Rif Dimashq")


@pytest.mark.parametrize(
    ("text", "found"), [("Sample: bombs fell on al-Dana.", True), ("Sample: a rally at Dana.", False)]
)
def test_a_hyphened_article_confirms_a_name_that_looks_english(
    text: str, found: bool, kb: KnowledgeBase
) -> None:
    """'Dana' is an English look-alike: 'al-Dana' is Idlib's Ad Dana, 'at Dana' is not."""
    assert any(m.place.name == "Ad Dana" for m in find_places(text, kb)) is found


def test_a_one_word_quarter_far_from_the_places_named_around_it_is_not_meant(kb: KnowledgeBase) -> None:
    """Sample: Shaar is a quarter of Aleppo; beside Homs province it is another place."""
    places = [m.place.name for m in find_places("Sample: an assault on Shaar in Homs province.", kb)]
    assert "Shaar" not in places and "Homs" in places


@pytest.mark.parametrize(
    "text", ["Sample: barrel bombs hit the Shaar neighbourhood of Aleppo.", "Sample: barrel bombs hit Shaar."]
)
def test_a_quarter_beside_its_city_or_alone_is_kept(text: str, kb: KnowledgeBase) -> None:
    assert any(m.place.name == "Shaar" and m.place.admin1 == "Aleppo" for m in find_places(text, kb))


def test_a_quarter_named_with_its_city_is_kept_beside_another_city(kb: KnowledgeBase) -> None:
    text = "Sample: mortars hit Damascus while a car bomb exploded in the Old City of Homs."
    assert any(m.place.admin1 == "Homs" and m.place.precision == 2 for m in find_places(text, kb))


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a governorate's name right after a place of it, joined by "in" or a comma
        ("Gunmen attacked a post near Kafr Zita in Hama.", "Hama", "admin1"),
        ("A jet was shot down near the village of Maasaran, Idlib.", "Idlib", "admin1"),
        ("Airstrikes hit Atareb town in Aleppo.", "Aleppo", "admin1"),
        # not after a place of another governorate, nor after "and"
        ("Clashes broke out in Daraa, Quneitra and Homs.", "Quneitra", "populated_place"),
        ("Airstrikes hit Atareb and Aleppo.", "Aleppo", "populated_place"),
    ],
)
def test_a_governorate_named_after_a_place_of_it_is_the_governorate(
    text: str, name: str, kind: str, kb: KnowledgeBase
) -> None:
    [mention] = [m for m in find_places(text, kb) if m.text == name]
    assert mention.place.kind == kind


@pytest.mark.parametrize(
    ("text", "admin1"),
    [
        ("Sample: jets bombed the al-Azraq field area.", "Deir ez-Zor"),
        ("Sample: shelling hit al-Azraq village.", "Aleppo"),
    ],
)
def test_the_kind_written_after_a_name_picks_the_namesake_of_that_kind(
    text: str, admin1: str, kb: KnowledgeBase
) -> None:
    """Sample sentences: al-Azraq is a village of Aleppo and an oil field of Deir ez-Zor."""
    [mention] = find_places(text, kb)
    assert mention.place.admin1 == admin1


def test_an_underscore_left_for_a_hyphen_joins_a_name(kb: KnowledgeBase) -> None:
    """Sample: a scraper wrote 'al_Shughour' for 'al-Shughour'."""
    [mention] = find_places("Sample: shells fell on Jisr al_Shughour.", kb)
    assert (mention.text, mention.place.name) == ("Jisr al_Shughour", "Jisr al-Shughur")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Sample: jets struck Rnkous near Zabadani while shells hit Idlib province.", True),
        ("Sample: jets struck Rnkous while shells hit Idlib province.", False),
    ],
)
def test_a_loose_spelling_beside_another_governorate_needs_a_town_of_its_own_nearby(
    text: str, kept: bool, kb: KnowledgeBase
) -> None:
    """Rnkous is Rif Dimashq's Rankus, read by its skeleton; Zabadani lies beside it."""
    assert any(m.place.name == "Rankus" for m in find_places(text, kb)) is kept


@pytest.mark.parametrize(
    "text",
    ["Sample: five people died, Al Mayadeen TV reported.", "Sample: Syria TV channel showed the strike."],
)
def test_a_news_outlet_is_no_place(text: str, kb: KnowledgeBase) -> None:
    assert find_places(text, kb) == []


def test_a_town_named_like_an_outlet_is_still_a_place(kb: KnowledgeBase) -> None:
    [mention] = find_places("Sample: clashes broke out in Al Mayadeen.", kb)
    assert mention.place.admin1 == "Deir ez-Zor"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        # sample sentences: the role noun in running text makes the next names a person's
        ("Sample: the UN sent disarmament official Angela Kane to Damascus.", ["Damascus"]),
        ("Sample: local activist Mansoor Hussain said Aleppo was hit.", ["Aleppo"]),
        # capitalised, in a title-case headline, it opens no name
        ("Sample: Activist Says Aleppo Hit Again", ["Aleppo"]),
    ],
)
def test_a_name_after_a_role_noun_is_a_persons(text: str, kept: list[str], kb: KnowledgeBase) -> None:
    assert [m.place.name for m in find_places(text, kb)] == kept
