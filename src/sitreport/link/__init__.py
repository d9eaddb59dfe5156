"""Link: reports of one real event across articles grouped into incidents.

``link_events`` links a whole corpus; ``link_new`` updates stored incidents for new events or
new analyst decisions; ``expand_decision`` turns a decision naming incidents into event-level
decisions for the store. docs/incidents.md describes the rules.
"""

from __future__ import annotations

from sitreport.link.decisions import expand_decision
from sitreport.link.engine import link_events, link_new

REQUIRES = ("Event",)
ASSIGNS = ("Incident",)

__all__ = ["ASSIGNS", "REQUIRES", "expand_decision", "link_events", "link_new"]
