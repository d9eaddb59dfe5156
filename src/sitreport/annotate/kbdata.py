"""Reading the extraction knowledge (kb/extraction/*.toml), packaged file first, user files after.

A user file extends the packaged one key by key: lists are appended, tables merged and single
values replaced, so a user adds a trigger word or a hedge without copying the whole file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sitreport.errors import KnowledgeBaseError
from sitreport.kb import data_files

KB_FOLDER = "extraction"


def merge_tables(base: dict[str, Any], extension: dict[str, Any]) -> dict[str, Any]:
    """``base`` extended by ``extension``: lists appended, tables merged, scalars replaced."""
    merged = dict(base)
    for key, value in extension.items():
        current = merged.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            merged[key] = merge_tables(current, value)
        elif isinstance(current, list) and isinstance(value, list):
            merged[key] = current + [item for item in value if item not in current]
        else:
            merged[key] = value
    return merged


def read_table(name: str, extra_dirs: Iterable[Path] = ()) -> dict[str, Any]:
    """The merged content of ``kb/extraction/<name>`` and every user folder's file of that name."""
    paths = data_files(f"{KB_FOLDER}/{name}", extra_dirs)
    if not paths:
        raise KnowledgeBaseError(f"{KB_FOLDER}/{name}: no such knowledge-base file")
    table: dict[str, Any] = {}
    for path in paths:
        try:
            table = merge_tables(table, tomllib.loads(path.read_text(encoding="utf-8")))
        except tomllib.TOMLDecodeError as error:
            raise KnowledgeBaseError(f"{path}: not valid TOML ({error})") from error
    return table
