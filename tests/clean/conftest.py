"""Fixtures of the clean tests."""

from __future__ import annotations

import pytest

from sitreport.clean.lexicon import CleaningLexicon, load_lexicon


@pytest.fixture(scope="session")
def lexicon() -> CleaningLexicon:
    """The packaged cleaning knowledge, without user folders."""
    return load_lexicon()
