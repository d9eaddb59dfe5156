"""Words that tie a passage to a country without naming a place (kb/places/demonyms.csv).

"Tripoli, the Libyan capital" is in Libya and "the Iraqi town of Sinjar" in Iraq: a demonym
near a shared name is evidence for the namesake in that country, as a named town would be.
It is never a place mention itself ("Syrian forces" names no place).
Columns: country (ISO 3166-1 alpha-2), words (``|``-separated).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitreport.errors import KnowledgeBaseError
from sitreport.kb.csvfiles import read_rows, split_list

DEMONYM_COLUMNS = ("country", "words")


def read_demonyms(paths: Iterable[Path]) -> dict[str, str]:
    """Folded word -> country code; a later file's word wins."""
    countries: dict[str, str] = {}
    for path, line, row in read_rows(paths, DEMONYM_COLUMNS):
        if not row["country"]:
            raise KnowledgeBaseError(f"{path}:{line}: every row needs a country")
        countries.update(dict.fromkeys((w.casefold() for w in split_list(row["words"])), row["country"]))
    return countries
