from __future__ import annotations

from pathlib import Path

import pytest

from sitreport.kb import KnowledgeBase, load_kb

USER_KB = Path(__file__).with_name("fixtures") / "user_kb"


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    return load_kb()


@pytest.fixture(scope="session")
def user_kb() -> KnowledgeBase:
    return load_kb([USER_KB])
