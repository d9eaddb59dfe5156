"""The cleaning knowledge (kb/cleaning/*) loaded once per set of user folders."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sitreport.errors import KnowledgeBaseError
from sitreport.kb import data_files

KB_FOLDER = "cleaning"


@dataclass(frozen=True)
class CleaningLexicon:
    """Patterns and word lists the cleaner classifies lines with."""

    boilerplate: tuple[re.Pattern[str], ...]
    link_line: re.Pattern[str]
    tail_marker: re.Pattern[str]
    glued_furniture: re.Pattern[str]
    glued_tail: re.Pattern[str]
    social_words: frozenset[str]
    credit_words: frozenset[str]
    # stamp words besides the date, time zones included
    date_line_words: frozenset[str]
    time_zones: frozenset[str]
    stamp_openers: frozenset[str]
    dateline_exclusions: frozenset[str]
    filing_cities: frozenset[str]
    site_names: frozenset[str]
    # " - YouTube", " | Jordan Times": a site's name set after a headline by a spaced dash or bar
    site_suffix: re.Pattern[str]
    photo_words: frozenset[str]
    # alias (lower case) -> canonical agency name
    wire_agencies: dict[str, str]
    # an agency's name opening a line, then a dash or a capitalised word: "AFP Eleven ...", "SANA-One ..."
    wire_credit_start: re.Pattern[str]
    # the first word of every agency alias (lower case)
    wire_first_words: frozenset[str]

    def wire_named(self, text: str) -> str | None:
        """The canonical agency when ``text`` is exactly one of its names."""
        return self.wire_agencies.get(text.strip().lower())

    def may_open_wire_name(self, word: str) -> bool:
        """Whether an agency's name may start with ``word`` (one word, no spaces around it)."""
        return word.lower() in self.wire_first_words

    def is_site_name(self, text: str) -> bool:
        """``text`` is exactly a news site's or a wire agency's name."""
        return text.strip().lower() in self.site_names or self.wire_named(text) is not None


def _entries(relative: str, extra_dirs: Iterable[Path]) -> list[str]:
    """Every non-comment, non-blank line of the packaged file and the user's files."""
    lines: list[str] = []
    for path in data_files(f"{KB_FOLDER}/{relative}", extra_dirs):
        for raw in path.read_text(encoding="utf-8").splitlines():
            entry = raw.strip()
            if entry and not entry.startswith("#"):
                lines.append(entry)
    return lines


def _words(relative: str, extra_dirs: Iterable[Path]) -> frozenset[str]:
    return frozenset(w.lower() for w in _entries(relative, extra_dirs))


def _compile(pattern: str, relative: str) -> re.Pattern[str]:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except re.error as exc:
        raise KnowledgeBaseError(f"{KB_FOLDER}/{relative}: bad pattern {pattern!r}: {exc}") from exc


def _alternation(entries: list[str], template: str, relative: str) -> re.Pattern[str]:
    """One pattern matching any entry, placed into ``template`` at ``{}``."""
    joined = "|".join(f"(?:{entry})" for entry in entries) or r"(?!)"
    return _compile(template.format(joined), relative)


def _wire_agencies(extra_dirs: Iterable[Path]) -> dict[str, str]:
    relative = "wire_agencies.csv"
    agencies: dict[str, str] = {}
    for path in data_files(f"{KB_FOLDER}/{relative}", extra_dirs):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                name = (row.get("name") or "").strip()
                if not name:
                    raise KnowledgeBaseError(f"{path}: a row has no name")
                for alias in [name, *(row.get("aliases") or "").split("|")]:
                    if alias.strip():
                        agencies[alias.strip().lower()] = name
    return agencies


def _credit_start(agencies: dict[str, str]) -> re.Pattern[str]:
    names = sorted(agencies, key=len, reverse=True)
    return _alternation(
        [re.escape(name) for name in names],
        r"^(?P<agency>{})(?:\s*[-–—]\s*|\s+)(?=[\"“]?(?-i:[A-Z0-9]))",
        "wire_agencies.csv",
    )


@lru_cache(maxsize=8)
def _load(extra_dirs: tuple[Path, ...]) -> CleaningLexicon:
    agencies = _wire_agencies(extra_dirs)
    return CleaningLexicon(
        boilerplate=tuple(_compile(p, "boilerplate.txt") for p in _entries("boilerplate.txt", extra_dirs)),
        link_line=_alternation(
            _entries("link_prefixes.txt", extra_dirs), r"^(?:{})\s*[:|»–—-]\s*\S", "link_prefixes.txt"
        ),
        tail_marker=_alternation(
            _entries("tail_markers.txt", extra_dirs), r"^(?:{})\s*:?$", "tail_markers.txt"
        ),
        glued_furniture=_alternation(
            _entries("glued_furniture.txt", extra_dirs), r"^(?:{})(?=\s|$)", "glued_furniture.txt"
        ),
        glued_tail=_alternation(
            _entries("glued_tail_markers.txt", extra_dirs),
            r"(?<=[.!?\"'”’)\]])\s+(?:\.\.\.\s*)?(?:[\d,]+\s+)*(?P<marker>(?:{}))\b",
            "glued_tail_markers.txt",
        ),
        social_words=_words("social_words.txt", extra_dirs),
        credit_words=_words("credit_words.txt", extra_dirs),
        date_line_words=_words("date_line_words.txt", extra_dirs) | _words("time_zones.txt", extra_dirs),
        time_zones=_words("time_zones.txt", extra_dirs),
        stamp_openers=_words("stamp_openers.txt", extra_dirs),
        dateline_exclusions=_words("dateline_exclusions.txt", extra_dirs),
        filing_cities=_words("filing_cities.txt", extra_dirs),
        site_names=_words("site_names.txt", extra_dirs),
        site_suffix=_alternation(
            [re.escape(name) for name in _entries("site_names.txt", extra_dirs)],
            r"\s[-–—|]\s(?:{})(?![\w-])",
            "site_names.txt",
        ),
        photo_words=_words("photo_words.txt", extra_dirs),
        wire_agencies=agencies,
        wire_credit_start=_credit_start(agencies),
        wire_first_words=frozenset(alias.split()[0] for alias in agencies),
    )


def load_lexicon(extra_dirs: Iterable[Path] = ()) -> CleaningLexicon:
    """The packaged cleaning knowledge extended by the user's folders (cached)."""
    return _load(tuple(Path(d) for d in extra_dirs))
