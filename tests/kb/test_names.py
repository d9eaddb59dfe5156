"""Name keys: one key for the spellings of one name, different keys for different names."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreport.kb import KnowledgeBase, load_kb


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


@pytest.mark.parametrize(
    "spellings",
    [
        ("Shekh Meskin", "Ash Shaykh Miskin", "Sheikh Meskeen"),
        ("Talbiseh", "Tallbisah", "Talbisah"),
        ("Ma'ra al-Nu'man", "Maarat al-Numaan", "Ma'arrat al-Nu'man"),
        ("Manbej", "Manbij"),
        ("Kafr Nabl", "Kfar Nobol", "Kafar Nabel"),
        ("Deir Hafer", "Dayr Hafir"),
        ("Idlib", "Edlib"),
        ("al-Hamadaniyeh", "Hamdaniyah", "Hamdanieh"),
    ],
)
def test_vowel_swings_share_a_loose_key(spellings: tuple[str, ...], kb: KnowledgeBase) -> None:
    keys = {kb.rules.words_loose_key(kb.rules.content_words(s)) for s in spellings}
    assert len(keys) == 1 and "" not in keys


@pytest.mark.parametrize("pair", [("Daraya", "Daraa"), ("Homs", "Hama"), ("Manbij", "Mayadin")])
def test_different_names_keep_different_skeletons(pair: tuple[str, str], kb: KnowledgeBase) -> None:
    first, second = (kb.rules.loose_word_key(name) for name in pair)
    assert first != second


def test_short_names_have_no_loose_key(kb: KnowledgeBase) -> None:
    # Three consonants or fewer match too much English ('Get', 'Shell'): no loose key at all.
    assert kb.rules.words_loose_key(["Get"]) == ""
    assert kb.rules.words_loose_key(["Sweida"]) == ""


CONSONANTS = "bdfgklmnrstz"
VOWELS = "aiu"


@given(
    st.lists(st.tuples(st.sampled_from(CONSONANTS), st.sampled_from(VOWELS)), min_size=2, max_size=5),
    st.data(),
)
def test_loose_key_ignores_inner_vowels_and_doubled_letters(
    syllables: list[tuple[str, str]], data: st.DataObject
) -> None:
    kb = load_kb()
    word = "".join(c + v for c, v in syllables).capitalize()
    # Drop one inner vowel, or double one letter: the skeleton stays the same.
    inner = [i for i in range(1, len(word) - 1) if word[i] in VOWELS]
    at = data.draw(st.sampled_from(inner)) if inner else None
    variants = [word[:at] + word[at + 1 :]] if at else []
    double = data.draw(st.integers(min_value=1, max_value=len(word) - 1))
    variants.append(word[:double] + word[double] + word[double:])
    key = kb.rules.loose_word_key(word)
    assert all(kb.rules.loose_word_key(variant) == key for variant in variants)
