"""JSON Lines in the output contract's shape: one event or incident a line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TextIO

from sitreport.export.records import ExportContext, Record


def write_jsonl(records: Iterable[Record], stream: TextIO, context: ExportContext) -> int:
    count = 0
    for record in records:
        stream.write(json.dumps(record.to_dict(), ensure_ascii=False, allow_nan=False) + "\n")
        count += 1
    return count
