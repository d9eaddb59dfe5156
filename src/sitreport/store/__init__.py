"""The store stage: the only code that touches a database (SQLite or PostgreSQL by URL)."""

from __future__ import annotations

from sitreport.store.query import FATALITIES_CATEGORY, SORTS, EventQuery
from sitreport.store.store import DECISION_ACTIONS, Store

REQUIRES = ("Article", "Event", "Incident")
# The store keeps records as they are and gives them back unchanged: it adds no fields.
ASSIGNS: tuple[str, ...] = ()

__all__ = ["ASSIGNS", "DECISION_ACTIONS", "FATALITIES_CATEGORY", "REQUIRES", "SORTS", "EventQuery", "Store"]
