"""find_actors / find_sources on sentences written for these tests."""

from __future__ import annotations

import pytest

from sitreport.kb import KnowledgeBase
from sitreport.resolve import find_actors, find_sources


def actor_names(text: str, kb: KnowledgeBase) -> list[str]:
    return [m.name for m in find_actors(text, kb)]


def test_actor_aliases_resolve_to_canonical_names(kb: KnowledgeBase) -> None:
    text = "ISIS and Daesh cells fought regime forces, while HTS and the FSA held Idlib."
    assert actor_names(text, kb) == [
        "Islamic State",
        "Islamic State",
        "Syrian government",
        "Hayat Tahrir al-Sham",
        "Free Syrian Army",
    ]


def test_transliterated_group_names_match(kb: KnowledgeBase) -> None:
    assert actor_names("Hayaat Tahrir Al-Shaam rejected it.", kb) == ["Hayat Tahrir al-Sham"]


def test_short_aliases_match_only_as_acronyms(kb: KnowledgeBase) -> None:
    assert actor_names("It is what it is, said the US envoy.", kb) == []
    [mention] = find_actors("The IS group claimed it.", kb)
    assert (mention.text, mention.name, mention.inter) == ("IS group", "Islamic State", 2)


def test_actor_kinds_carry_acled_inter_codes(kb: KnowledgeBase) -> None:
    inters = {m.name: m.inter for m in find_actors("Russian military police and Hezbollah deployed.", kb)}
    assert inters == {"Russia": 8, "Hezbollah": 3}


def test_full_source_names_are_not_generic(kb: KnowledgeBase) -> None:
    [sohr] = find_sources("The Syrian Observatory for Human Rights reported it.", kb)
    assert (sohr.name, sohr.kind, sohr.generic) == ("SOHR", "monitor", False)


def test_referring_expressions_are_flagged_generic(kb: KnowledgeBase) -> None:
    text = "The Britain-based monitor said so, and state media denied it."
    found = {(m.text, m.name, m.generic) for m in find_sources(text, kb)}
    assert found == {("The Britain-based monitor", "SOHR", True), ("state media", "SANA", True)}


def test_military_bodies_resolve_to_their_organisation(kb: KnowledgeBase) -> None:
    text = "The Russian Centre for Reconciliation and the Russian General Staff said."
    assert {m.name for m in find_sources(text, kb)} == {"Russian military"}


def test_agencies_and_outlets(kb: KnowledgeBase) -> None:
    text = "Agence France-Presse, Reuters and Zaman al-Wasl reported, citing SANA."
    assert [m.name for m in find_sources(text, kb)] == ["AFP", "Reuters", "Zaman al-Wasl", "SANA"]


@pytest.mark.parametrize(
    ("text", "mention", "name", "kind"),
    [
        ("Shelling kills six near Hama: monitor", "monitor", "SOHR", "monitor"),
        ("Rebels quit two villages, monitor says", "monitor", "SOHR", "monitor"),
        ("A monitor counted forty dead.", "monitor", "SOHR", "monitor"),
        ("The UK-based Observatory gave a higher toll.", "The UK-based Observatory", "SOHR", "monitor"),
        ("The Observatory's chief told reporters.", "The Observatory's chief", "SOHR", "monitor"),
        ("The head of the Observatory disputed it.", "The head of the Observatory", "SOHR", "monitor"),
        ("The state-run agency carried the statement.", "The state-run agency", "SANA", "state agency"),
        ("The official agency named the dead.", "The official agency", "SANA", "state agency"),
        ("State television aired it.", "State television", "Syrian state television", "state agency"),
        ("A military source denied the report.", "military source", "Syrian military source", "military"),
        ("Security sources said so.", "Security sources", "Syrian military source", "military"),
    ],
)
def test_generic_references_name_their_source_kind(
    text: str, mention: str, name: str, kind: str, kb: KnowledgeBase
) -> None:
    found = [(m.text, m.name, m.kind) for m in find_sources(text, kb) if m.generic]
    assert found == [(mention, name, kind)]


def test_named_military_source_is_not_generic(kb: KnowledgeBase) -> None:
    [mention] = find_sources("A Syrian army source confirmed it.", kb)
    assert (mention.name, mention.generic) == ("Syrian military source", False)


def test_a_longer_outlet_name_wins_over_the_bare_monitor(kb: KnowledgeBase) -> None:
    assert [m.name for m in find_sources("Middle East Monitor reported it.", kb)] == ["Middle East Monitor"]


def test_a_generic_name_stands_for_the_one_named_actor_it_may_mean(kb: KnowledgeBase) -> None:
    text = "The jihadists lost the hill. Islamic State fighters had held it for a year."
    assert [(m.text, m.name) for m in find_actors(text, kb)] == [
        ("jihadists", "Islamic State"),
        ("Islamic State", "Islamic State"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The jihadists lost the hill.",
        "The jihadists lost the hill that HTS and the Islamic State had both held.",
    ],
)
def test_a_generic_name_with_no_or_several_candidates_names_nobody(text: str, kb: KnowledgeBase) -> None:
    assert "jihadists" not in [m.text for m in find_actors(text, kb)]
