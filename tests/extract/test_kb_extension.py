"""A user's --kb folder extends the extraction knowledge without code changes."""

from __future__ import annotations

from pathlib import Path

from sitreport.annotate import annotate
from sitreport.extract import extract_events
from sitreport.extract.lexicon import load_extraction_lexicon
from sitreport.kb import load_kb
from sitreport.options import Options

from .conftest import sample_article

TEXT = "Forty fighters were exfiltrated from Homs on Monday."


def events_with(kb_dirs: tuple[Path, ...]) -> list[str]:
    kb = load_kb(kb_dirs)
    [(article, doc)] = list(annotate([sample_article(TEXT)], Options(kb_dirs=kb_dirs)))
    return [event.event_type for event in extract_events(article, doc, kb)]


def test_user_trigger_file_adds_an_event_word(tmp_path: Path) -> None:
    assert "evacuation" not in events_with(())
    folder = tmp_path / "extraction"
    folder.mkdir()
    (folder / "triggers.toml").write_text(
        '[[trigger]]\ntype = "evacuation"\nlemmas = ["exfiltrate"]\ntheme = ["persons"]\n', encoding="utf-8"
    )
    assert "evacuation" in events_with((tmp_path,))


def test_user_lists_are_appended_not_replaced(tmp_path: Path) -> None:
    folder = tmp_path / "extraction"
    folder.mkdir()
    (folder / "nouns.toml").write_text('[classes]\nfighters = ["peshmerga"]\n', encoding="utf-8")
    lexicon = load_extraction_lexicon((tmp_path,))
    assert lexicon.category_of("peshmerga") == "fighters"
    assert lexicon.category_of("militant") == "fighters"
