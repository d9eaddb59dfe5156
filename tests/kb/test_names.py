"""Name keys: one key for the spellings of one name, different keys for different names."""

from __future__ import annotations

import pytest

from sitreport.kb import KnowledgeBase


@pytest.mark.parametrize(
    "spellings",
    [
        ("Daraa", "Dara'a", "Dara’a", "Deraa", "Dar'a", "Daara", "Dar‘ā"),
        ("Al-Khowein", "al-Khuwayn", "Khuwein"),
        ("Deir ez-Zor", "Deir al-Zour", "Deir ez Zor"),
        ("Sheikh Maqsoud", "Shaykh Maqsud"),
        ("Tal Abyad", "Tell Abiad"),
        ("Hama", "Hamah"),
    ],
)
def test_spellings_of_one_name_share_a_key(spellings: tuple[str, ...], kb: KnowledgeBase) -> None:
    assert len({kb.rules.name_key(s) for s in spellings}) == 1


@pytest.mark.parametrize(
    "pair", [("Homs", "Homsi"), ("Hama", "Hamas"), ("Idlib", "Irbid"), ("Daraa", "Douma")]
)
def test_different_names_keep_different_keys(pair: tuple[str, str], kb: KnowledgeBase) -> None:
    first, second = pair
    assert kb.rules.name_key(first) != kb.rules.name_key(second)


def test_articles_are_dropped_but_not_english_words(kb: KnowledgeBase) -> None:
    assert kb.rules.name_key("as-Suwayda") == kb.rules.name_key("Suwayda")
    assert len(kb.rules.name_key("the monitor").split()) == 2
