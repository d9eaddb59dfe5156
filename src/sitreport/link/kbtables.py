"""CSV tables from the knowledge base, packaged file first and each user folder's after it."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Sequence
from pathlib import Path

from sitreport.errors import KnowledgeBaseError
from sitreport.kb import data_files


def read_table(
    relative: str, columns: Sequence[str], extra_dirs: Iterable[Path] = ()
) -> list[dict[str, str]]:
    """Every row of every file at ``relative``; a file missing a needed column is an error."""
    paths = data_files(relative, extra_dirs)
    if not paths:
        raise KnowledgeBaseError(f"{relative}: no such knowledge-base file")
    rows: list[dict[str, str]] = []
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [name for name in columns if name not in (reader.fieldnames or [])]
            if missing:
                raise KnowledgeBaseError(f"{path}: missing column(s) {', '.join(missing)}")
            rows.extend({key: (value or "").strip() for key, value in row.items() if key} for row in reader)
    return rows
