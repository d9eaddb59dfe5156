"""CSV cells that a spreadsheet cannot run as formulas (OWASP, "CSV Injection").

A text cell beginning with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read by
Excel, LibreOffice and Google Sheets as a formula; article text and names are untrusted, so
every such cell gets a leading apostrophe, which spreadsheets show as text and drop. Numbers
(a negative longitude, say) are written as numbers: a spreadsheet never runs a number.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SafeDictWriter:
    """csv.DictWriter whose text cells are escaped as above. Rows end with CRLF (RFC 4180),
    which also makes the writer quote any cell holding a bare carriage return."""

    def __init__(self, stream: TextIO, fieldnames: Iterable[str]) -> None:
        self._writer = csv.DictWriter(stream, fieldnames=list(fieldnames), lineterminator="\r\n")

    def writeheader(self) -> None:
        self._writer.writeheader()

    def writerow(self, row: Mapping[str, Any]) -> None:
        self._writer.writerow({key: safe_cell(value) for key, value in row.items()})
