"""ACLED's typology read from an event's evidence (kb/extraction/sub_events.toml).

The sentences below are samples written for these tests, not article text.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreport.errors import KnowledgeBaseError
from sitreport.extract.typology import classify, classify_article, load_typology, word_pattern
from sitreport.records import EVENT_TYPES, Actor, Event, Evidence, Quantity

# ACLED Codebook (2023): every sub-event type under its event type and disorder type.
CODEBOOK = {
    "Battles": ["Armed clash", "Government regains territory", "Non-state actor overtakes territory"],
    "Explosions/Remote violence": [
        "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED", "Grenade",
    ],
    "Violence against civilians": ["Sexual violence", "Attack", "Abduction/forced disappearance"],
    "Protests": ["Peaceful protest", "Protest with intervention", "Excessive force against protesters"],
    "Riots": ["Violent demonstration", "Mob violence"],
    "Strategic developments": [
        "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
        "Headquarters or base established", "Looting/property destruction",
        "Non-violent transfer of territory", "Other",
    ],
}  # fmt: skip
DISORDER_TYPES = {
    "Political violence",
    "Demonstrations",
    "Political violence; Demonstrations",
    "Strategic developments",
}


def sample(event_type: str, sentence: str, actors: list[Actor] | None = None, **kwargs: object) -> Event:
    return Event(
        event_id="sample",
        article_id="sample",
        event_type=event_type,
        evidence=[Evidence(0, len(sentence), sentence)],
        actors=actors or [],
        **kwargs,  # type: ignore[arg-type]
    )


def killed(value: int, kind: str | None = None) -> Quantity:
    return Quantity("killed", value, kind=kind)


def test_the_kb_lists_exactly_the_codebooks_sub_events() -> None:
    acled = load_typology().acled
    assert {name: c.event_type for name, c in acled.items()} == {
        sub: event_type for event_type, subs in CODEBOOK.items() for sub in subs
    }
    assert {c.disorder_type for c in acled.values()} <= DISORDER_TYPES


def test_every_event_type_has_a_default() -> None:
    defaults = load_typology().defaults
    assert set(EVENT_TYPES) <= set(defaults)


RV, VAC, AC = "remote_violence", "violence_against_civilians", "armed_clash"
TOLL = "casualties"  # a toll keeps its type and takes the sub-event of what caused it


@pytest.mark.parametrize(
    ("event_type", "sentence", "expected_type", "sub_event"),
    [
        ("remote_violence", "Warplanes carried out raids on the village.", RV, "Air/drone strike"),
        ("remote_violence", "Mortar shells hit the market.", RV, "Shelling/artillery/missile attack"),
        ("remote_violence", "A car bomb went off near the bakery.", RV, "Remote explosive/landmine/IED"),
        ("armed_clash", "The chemical attack on the town left dozens choking.", RV, "Chemical weapon"),
        ("armed_clash", "A suicide attack hit the checkpoint.", RV, "Suicide bomb"),
        ("casualties", "Ten people died in air strikes on the town.", TOLL, "Air/drone strike"),
        ("casualties", "Militants executed twelve men in the square.", TOLL, "Attack"),
        ("detention", "Gunmen kidnapped three aid workers.", VAC, "Abduction/forced disappearance"),
        ("armed_clash", "Fierce clashes broke out as artillery pounded the front.", AC, "Armed clash"),
        ("remote_violence", "Air defences intercepted two missiles.", RV, "Disrupted weapons use"),
        ("protest", "Hundreds protested in the square.", "protest", "Peaceful protest"),
        ("protest", "Police fired tear gas to disperse people who protested.", "protest",
         "Protest with intervention"),
        ("protest", "Troops opened fire on people who protested, killing four.", "protest",
         "Excessive force against protesters"),
        ("agreement", "A truce was agreed on Monday.", "agreement", "Agreement"),
        ("casualties", "Coalition strikes killed nine people.", TOLL, "Air/drone strike"),
        ("armed_clash", "Two explosive rounds hit a club.", RV, "Remote explosive/landmine/IED"),
        ("armed_clash", "Troops clashed with gunmen, then intercepted a drone.", AC, "Armed clash"),
        ("territory_change", "Regime troops seized the last supply route.", "territory_change",
         "Government regains territory"),
    ],
)  # fmt: skip
def test_the_sub_event_comes_from_the_weapon_and_the_victims(
    event_type: str, sentence: str, expected_type: str, sub_event: str
) -> None:
    event = classify(sample(event_type, sentence))
    assert (event.event_type, event.sub_event_type) == (expected_type, sub_event)
    assert event.disorder_type == load_typology().acled[sub_event].disorder_type


def test_a_toll_takes_the_type_of_its_cause_only_when_nothing_else_reports_it() -> None:
    sentence = "Twelve civilians died when artillery shelled the town."
    toll = sample("casualties", sentence, quantities=[killed(12, "civilians")])
    strike = replace(sample("remote_violence", sentence), event_id="strike")
    beside = classify_article([toll, strike])
    assert [(e.event_type, e.sub_event_type) for e in beside] == [
        ("casualties", "Shelling/artillery/missile attack"),
        ("remote_violence", "Shelling/artillery/missile attack"),
    ]
    (alone,) = classify_article([toll])
    assert (alone.event_type, alone.sub_event_type) == (
        "remote_violence",
        "Shelling/artillery/missile attack",
    )


def test_territory_goes_by_who_took_it() -> None:
    sentence = "The town was captured on Sunday."
    army = [Actor("Sample army", inter=1)]
    rebels = [Actor("Sample rebels", inter=2)]
    assert (
        classify(sample("territory_change", sentence, army)).sub_event_type == "Government regains territory"
    )
    assert (
        classify(sample("territory_change", sentence, rebels)).sub_event_type
        == "Non-state actor overtakes territory"
    )
    handed = "The town was handed over to the army without a fight."
    assert (
        classify(sample("territory_change", handed, army)).sub_event_type
        == "Non-violent transfer of territory"
    )


def test_a_toll_without_its_means_is_an_attack_on_civilians_only_when_civilians_died() -> None:
    sentence = "Seven died on Tuesday, the monitor said."
    civilians = classify(sample("casualties", sentence, quantities=[killed(7, "civilians")]))
    fighters = classify(sample("casualties", sentence, quantities=[killed(7, "fighters")]))
    assert (civilians.event_type, civilians.sub_event_type) == ("casualties", "Attack")
    assert (fighters.event_type, fighters.sub_event_type) == ("casualties", "Armed clash")


def test_an_armed_group_holding_civilians_abducts_them() -> None:
    sentence = "The group seized several people at a checkpoint."
    group = [Actor("Sample group", inter=2), Actor("Civilians", role="target", inter=7)]
    state = [Actor("Sample police", inter=1), Actor("Civilians", role="target", inter=7)]
    assert classify(sample("detention", sentence, group)).sub_event_type == "Abduction/forced disappearance"
    assert classify(sample("detention", sentence, state)).sub_event_type == "Arrests"


def test_a_user_rule_naming_an_unknown_sub_event_is_refused(tmp_path) -> None:  # type: ignore[no-untyped-def]
    folder = tmp_path / "extraction"
    folder.mkdir()
    (folder / "sub_events.toml").write_text('[[rule]]\ntypes = ["aid"]\nsub_event_type = "Picnic"\n')
    with pytest.raises(KnowledgeBaseError, match="Picnic"):
        load_typology((tmp_path,))


WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=8)
NON_WORD = st.text(alphabet=" .,;:!?()\"'\n", max_size=3)


@given(WORD, WORD, NON_WORD, NON_WORD)
def test_a_cue_matches_whole_words_only(word: str, other: str, before: str, after: str) -> None:
    pattern = word_pattern([word])
    assert pattern.search(f"{before}{word.upper()}{after}")
    assert not pattern.search(f"{other}{word}{other}")
    assert word_pattern([word + "*"]).search(f"{before}{word}{other}{after}")
