"""CSV tables from the knowledge base, packaged file first and each user folder's after it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from sitreport.errors import KnowledgeBaseError
from sitreport.kb import data_files
from sitreport.kb.csvfiles import read_rows


def read_table(
    relative: str, columns: Sequence[str], extra_dirs: Iterable[Path] = ()
) -> list[dict[str, str]]:
    """Every row of every file at ``relative``; a missing file or column is an error."""
    paths = data_files(relative, extra_dirs)
    if not paths:
        raise KnowledgeBaseError(f"{relative}: no such knowledge-base file")
    return [row for _path, _line, row in read_rows(paths, columns)]
