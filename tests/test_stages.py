"""The package layout is the data flow: every stage states what it needs and what it adds."""

from __future__ import annotations

import importlib

import pytest

STAGES = ("ingest", "clean", "annotate", "resolve", "extract", "store", "link", "export", "serve")


@pytest.mark.parametrize("stage", STAGES)
def test_every_stage_declares_requires_and_assigns(stage: str) -> None:
    module = importlib.import_module(f"sitreport.{stage}")
    for name in ("REQUIRES", "ASSIGNS"):
        value = getattr(module, name, None)
        assert isinstance(value, tuple), f"sitreport.{stage}.{name} should be a tuple of record fields"
        assert all(isinstance(item, str) for item in value)
    assert module.REQUIRES, f"sitreport.{stage} should say what it needs"
