"""Names folded for comparison, shared by the knowledge-base rules and the event features."""

from __future__ import annotations

import re
import unicodedata

_NOT_WORD = re.compile(r"[^a-z0-9]+")


def normalise_name(name: str) -> str:
    """Case, accents, apostrophes and hyphens folded: "Dara'a" and "Daraa" compare equal."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")
    return _NOT_WORD.sub("", folded.casefold())
