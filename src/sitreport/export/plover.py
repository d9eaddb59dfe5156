"""PLOVER-style JSON Lines: event type, mode and context per kb/export/plover_types.csv.

One object a line (like POLECAT's records): ``event_type``/``mode``/``context`` in PLOVER's
vocabulary, ``actors`` split into PLOVER's source actor and target sides, the location, the
date and every source. Our own type is kept as ``sitreport_type`` so nothing is lost.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any, TextIO

from sitreport.export.records import (
    ExportContext,
    Record,
    actors_of,
    date_precision_of,
    estimates_for,
    place_of,
    record_id,
    record_kind,
)
from sitreport.export.tables import load_tables
from sitreport.records import Actor

# Our roles on PLOVER's two sides: who acts ("source") and who is acted on ("target").
PLOVER_SIDE = {"actor": "source", "target": "target", "affected": "target", "mediator": "mediator"}


def actor_entry(actor: Actor) -> dict[str, Any]:
    return {"name": actor.name, "kind": actor.kind, "side": PLOVER_SIDE.get(actor.role, "other")}


def plover_record(record: Record, context: ExportContext) -> dict[str, Any]:
    mapped = load_tables(context.kb_dirs).plover.get(record.event_type)
    place = place_of(record)
    return {
        "id": record_id(record),
        "record": record_kind(record),
        "date": record.date,
        "date_precision": date_precision_of(record),
        "event_type": mapped.event_type if mapped else None,
        "mode": (mapped.mode or None) if mapped else None,
        "context": list(mapped.context) if mapped else [],
        "sitreport_type": record.event_type,
        "actors": [actor_entry(actor) for actor in actors_of(record, context)],
        "location": place.to_dict() if place else None,
        "sources": list(record.sources),
        "figures": {
            key: {"low": lo, "best": best, "high": hi}
            for key, (lo, best, hi) in estimates_for(record, context).items()
        },
    }


def write_plover(records: Iterable[Record], stream: TextIO, context: ExportContext) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(plover_record(record, context), ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count
