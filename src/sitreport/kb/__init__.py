"""The knowledge base: plain data files shipped in this folder, extended by the user's own.

Every stage that needs knowledge reads it through ``data_files`` so that a user folder given
with ``--kb DIR`` extends any file the same way: the packaged file first, then the user's
file at the same relative path (``DIR/places/additions.csv`` extends ``places/additions.csv``).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

PACKAGE_KB = Path(__file__).resolve().parent


def data_files(relative: str, extra_dirs: Iterable[Path] = ()) -> list[Path]:
    """The packaged file at ``relative`` (if any) followed by each user folder's file there."""
    candidates = [PACKAGE_KB / relative, *(Path(d) / relative for d in extra_dirs)]
    return [path for path in candidates if path.is_file()]
