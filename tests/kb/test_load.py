"""load_kb: the packaged files, extended by a user's folder, with errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreport.errors import KnowledgeBaseError
from sitreport.kb import PACKAGE_KB, KnowledgeBase, forget_loaded_kb, load_kb
from sitreport.resolve import find_actors, find_places, find_sources, resolve_place

USER_KB = Path(__file__).with_name("fixtures") / "user_kb"


def test_load_is_cached_per_folder_set(kb: KnowledgeBase, user_kb: KnowledgeBase) -> None:
    assert load_kb() is kb
    assert load_kb([USER_KB]) is user_kb
    assert user_kb is not kb


def test_packaged_kb_covers_syria_and_its_neighbours(kb: KnowledgeBase) -> None:
    countries = {entry.country for entry in kb.places.entries}
    assert {"SY", "IQ", "LB", "JO", "TR", "IL"} <= countries
    syrian_governorates = {e.name for e in kb.places.entries if e.kind == "admin1" and e.country == "SY"}
    assert len(syrian_governorates) == 14
    assert all(entry.source for entry in kb.places.entries)


def test_built_gazetteer_stays_compact() -> None:
    assert (PACKAGE_KB / "places" / "gazetteer.csv").stat().st_size < 3_000_000


def test_user_folder_adds_places_and_aliases(kb: KnowledgeBase, user_kb: KnowledgeBase) -> None:
    assert not resolve_place("Tell Sample", kb).resolved
    village = resolve_place("Tel Sample", user_kb)
    assert (village.name, village.admin1, village.precision) == ("Tell Sample", "Daraa", 1)
    assert resolve_place("Daraa Sample Alias", user_kb).geonames_id == 170905


def test_user_folder_adds_actors_and_sources(user_kb: KnowledgeBase) -> None:
    assert [m.name for m in find_actors("Liwa Sample fought the Sample State Alias.", user_kb)] == [
        "Sample Brigade",
        "Islamic State",
    ]
    [generic] = find_sources("The sample watchdog said so.", user_kb)
    assert (generic.name, generic.generic) == ("Sample Monitor", True)


def test_user_places_do_not_leak_into_the_packaged_kb(kb: KnowledgeBase) -> None:
    assert find_places("Buses reached Tell Sample.", kb) == []


def test_missing_folder_is_an_error() -> None:
    with pytest.raises(KnowledgeBaseError, match="not found"):
        load_kb([USER_KB / "no-such-folder"])


def test_malformed_file_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "places").mkdir()
    (tmp_path / "places" / "additions.csv").write_text(
        "name,alternate_names,kind,admin1,country,lat,lon\nNowhere,,village,,SY,north,36\n", encoding="utf-8"
    )
    with pytest.raises(KnowledgeBaseError, match=r"additions\.csv:2"):
        load_kb([tmp_path])


def test_missing_column_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "actors.csv").write_text("name,aliases\nSomeone,Some\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match="missing column"):
        load_kb([tmp_path])


# Kinds that are areas without one district: the country, its governorates, regions, borders.
AREA_KINDS = ("country", "admin1", "region", "border")


def test_every_syrian_place_has_governorate_and_district(kb: KnowledgeBase) -> None:
    syrian = [e for e in kb.places.entries if e.country == "SY" and e.kind not in AREA_KINDS]
    assert len(syrian) > 1500  # GeoNames' ~300 Syrian towns alone would fail this
    assert [e.name for e in syrian if not e.admin1] == []
    assert [e.name for e in syrian if not e.admin2] == []


def test_conflict_places_cite_ucdp_and_arabic_names_are_kept(kb: KnowledgeBase) -> None:
    sources = [e.source for e in kb.places.entries if e.country == "SY"]
    assert sum("UCDP GED" in source for source in sources) > 1500
    arabic = [name for e in kb.places.entries for name in e.arabic_names]
    assert len(arabic) > 300
    assert all(any("\u0600" <= ch <= "\u06ff" for ch in name) for name in arabic)


def test_a_loaded_kb_is_reused_until_forgotten() -> None:
    """The gazetteer build rewrites the files and must then read them afresh."""
    first = load_kb()
    assert load_kb() is first
    forget_loaded_kb()
    assert load_kb() is not first
