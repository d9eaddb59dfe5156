"""Framing: which lexicon terms each sample outlet uses for each side, described, not judged."""

from __future__ import annotations

from pathlib import Path

from sitreport.link import link_events
from sitreport.link.framing import (
    docs_from_articles,
    incident_framing,
    load_lexicon,
    outlet_framing,
    side_by_side,
)
from sitreport.options import Options
from sitreport.records import Article

from .link_corpus import corpus_docs, corpus_events, corpus_published

LEXICON = load_lexicon()


def terms(framings: list, outlet: str, side: str) -> dict[str, int]:
    framing = next(f for f in framings if f.outlet == outlet)
    return {use.term: use.count for use in framing.sides.get(side, [])}


def test_each_outlet_gets_its_terms_with_counts_and_a_sentence() -> None:
    framings = outlet_framing(corpus_docs(), LEXICON)
    assert terms(framings, "Levant State Agency", "armed_opposition") == {"terrorist": 6}
    assert terms(framings, "Opposition Voice", "government") == {"regime": 3, "regime forces": 1}
    assert "revolutionary" in terms(framings, "Opposition Voice", "armed_opposition")
    state = next(f for f in framings if f.outlet == "Levant State Agency")
    use = state.sides["control_change"][0]
    assert (use.term, use.register) == ("liberated", "sympathetic")
    assert "liberated town" in use.example and use.article_id == "a01"


def test_one_incident_side_by_side() -> None:
    linked = link_events(corpus_events(), Options(), published=corpus_published())
    convoy = next(i for i in linked if "a01-e1" in i.events)
    table = side_by_side(incident_framing(convoy, corpus_docs(), LEXICON))
    opposition = table["armed_opposition"]
    assert sorted(opposition) == [
        "Levant State Agency",
        "Northern Wire",
        "Observatory Monitor Daily",
        "Opposition Voice",
    ]
    assert opposition["Levant State Agency"] == ["terrorist"]
    assert "militant" in opposition["Northern Wire"] and "rebel" in opposition["Observatory Monitor Daily"]
    assert "Regional Broadcaster" not in opposition  # a06 reports the other convoy


def test_the_file_name_stands_in_for_a_missing_outlet() -> None:
    article = Article(article_id="z", source="x", file="sample_z.txt", text="Sample: rebels seized the hill.")
    framings = outlet_framing(docs_from_articles([article]), LEXICON)
    assert framings[0].outlet == "sample_z.txt"
    assert terms(framings, "sample_z.txt", "control_change") == {"seized": 1}


def test_a_user_lexicon_extends_the_packaged_one(tmp_path: Path) -> None:
    (tmp_path / "framing.csv").write_text(
        "term,side,register,note\nfreedom squad,armed_opposition,sympathetic,\n"
    )
    lexicon = load_lexicon((tmp_path,))
    framings = outlet_framing([("z", "Sample Outlet", "The freedom squads and the rebels met.")], lexicon)
    assert terms(framings, "Sample Outlet", "armed_opposition") == {"freedom squad": 1, "rebel": 1}
