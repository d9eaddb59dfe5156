"""Fixtures shared by every test folder."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (seeds, gold, scorer): present in CI, absent in a bare clone."""
    reason = f"../shared is not beside the repo ({SHARED}): the acceptance tests need its seeds and gold"
    if not (SHARED / "seeds").is_dir() or not (SHARED / "gold").is_dir():
        pytest.skip(reason)
    return SHARED
