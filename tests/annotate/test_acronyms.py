"""A party's acronym that spells an English word ("IS") is parsed as the name it is.

The sample headlines and actors are written for these tests.
"""

from __future__ import annotations

from sitreport.annotate import annotate
from sitreport.annotate.acronyms import acronym_norms
from sitreport.kb.aliases import ActorEntry
from sitreport.options import Options
from sitreport.records import Article, stable_id


def actor(*aliases: str) -> ActorEntry:
    return ActorEntry(name=aliases[0], aliases=aliases, kind="rebel group", inter=2, wikidata=None, side=None)


def parsed(text: str) -> dict[str, tuple[str, str]]:
    """Each word of the one-line sample with its dependency and part of speech."""
    article = Article(article_id=stable_id(text), source="sample", file="sample.txt", text=text)
    [(_, doc)] = list(annotate([article], Options()))
    return {t.text: (t.dep_, t.pos_) for t in doc}


def test_an_acronym_spelling_a_function_word_takes_the_norm_of_another_alias() -> None:
    norms = acronym_norms([actor("Sample Front", "AS", "SF", "SFG"), actor("Other Group", "OG")])
    assert norms == {"AS": "sf"}


def test_a_party_with_no_other_acronym_is_left_alone() -> None:
    assert acronym_norms([actor("Sample Front", "AS", "Front")]) == {}


def test_is_as_the_subject_of_a_headline_leaves_the_verb_a_verb() -> None:
    words = parsed("IS shells army posts near Palmyra")
    assert words["IS"][0] == "nsubj"
    assert words["shells"] == ("ROOT", "VERB")


def test_a_line_in_capitals_keeps_its_verb() -> None:
    assert parsed("THE ROAD IS OPEN AGAIN")["IS"][1] == "AUX"
