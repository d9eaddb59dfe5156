"""A user's --kb folder extends the packaged cleaning knowledge without code changes."""

from __future__ import annotations

from pathlib import Path

import pytest

from sitreport.clean import clean_document
from sitreport.clean.lexicon import load_lexicon
from sitreport.errors import KnowledgeBaseError

from .clean_samples import raw_document

PAGE = (
    "Sample Gazette promo: get the print edition delivered weekly.\n\n"
    "Militia fighters withdrew from two villages near Manbij on Friday, a council official said.\n\n"
    "KYIV (Ukrinform) - Officials said on Friday that talks on prisoner exchanges would continue."
)


def test_user_boilerplate_and_agencies_extend_the_packaged_ones(tmp_path: Path) -> None:
    (tmp_path / "cleaning").mkdir()
    (tmp_path / "cleaning" / "boilerplate.txt").write_text("^sample gazette promo:\n", encoding="utf-8")
    (tmp_path / "cleaning" / "wire_agencies.csv").write_text("name,aliases\nUkrinform,\n", encoding="utf-8")
    packaged = clean_document(raw_document(PAGE))
    extended = clean_document(raw_document(PAGE), kb_dirs=[tmp_path])
    assert "Sample Gazette promo" in packaged.text
    assert "Sample Gazette promo" not in extended.text
    assert load_lexicon([tmp_path]).wire_named("ukrinform") == "Ukrinform"
    assert load_lexicon([tmp_path]).wire_named("Reuters") == "Reuters"


def test_a_bad_user_pattern_is_a_knowledge_base_error(tmp_path: Path) -> None:
    (tmp_path / "cleaning").mkdir()
    (tmp_path / "cleaning" / "boilerplate.txt").write_text("(unclosed\n", encoding="utf-8")
    with pytest.raises(KnowledgeBaseError, match=r"boilerplate\.txt"):
        load_lexicon([tmp_path])
