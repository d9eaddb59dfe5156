"""Reading the knowledge base's CSV files with errors that name the file and the line."""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path

from sitreport.errors import KnowledgeBaseError


def read_rows(paths: Iterable[Path], required: Iterable[str]) -> Iterator[tuple[Path, int, dict[str, str]]]:
    """Each row of each file as (path, line number, row), after checking the header."""
    needed = tuple(required)
    for path in paths:
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            missing = [column for column in needed if column not in (reader.fieldnames or ())]
            if missing:
                raise KnowledgeBaseError(f"{path}: missing column(s) {', '.join(missing)}")
            for row in reader:
                yield path, reader.line_num, {key: (value or "").strip() for key, value in row.items() if key}


def split_list(value: str) -> list[str]:
    """A pipe-separated cell ('IS|ISIS|Daesh') as a list, blanks dropped."""
    return [item.strip() for item in value.split("|") if item.strip()]


def parse_number(value: str, kind: type[int] | type[float], where: str) -> int | float | None:
    """An empty cell is None; anything else must parse, or the file is wrong."""
    if not value:
        return None
    try:
        return kind(value)
    except ValueError as error:
        raise KnowledgeBaseError(f"{where}: {value!r} is not a number") from error
