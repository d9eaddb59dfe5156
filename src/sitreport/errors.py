"""Exceptions with messages a user can act on."""

from __future__ import annotations


class SitreportError(Exception):
    """Base class: anything sitreport raises on purpose."""


class InputError(SitreportError):
    """An input that cannot be read as an article; the message names it and says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason

    def __reduce__(self) -> tuple[type[InputError], tuple[str, str]]:
        # Errors travel back from Dask workers; the default pickling would lose the fields.
        return (InputError, (self.source, self.reason))


class KnowledgeBaseError(SitreportError):
    """A knowledge-base file that is missing or malformed."""


class StoreError(SitreportError):
    """The database could not be reached or written."""
