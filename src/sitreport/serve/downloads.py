"""Downloads of the current filter, written by the export stage (sitreport.export)."""

from __future__ import annotations

import io

from fastapi import Response

from sitreport.serve.filters import EventFilter
from sitreport.serve.views import all_events
from sitreport.store import Store

DOWNLOAD_MEDIA_TYPES: dict[str, str] = {
    "jsonl": "application/x-ndjson",
    "csv": "text/csv",
    "geojson": "application/geo+json",
}


def events_download(store: Store, event_filter: EventFilter, fmt: str) -> Response:
    """Every event the filter matches (pagination ignored) as an attachment in ``fmt``."""
    from sitreport.export import write_records  # TEMP until the export stage lands

    buffer = io.StringIO()
    write_records(all_events(store, event_filter), fmt, buffer)
    return Response(
        buffer.getvalue(),
        media_type=DOWNLOAD_MEDIA_TYPES[fmt],
        headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'},
    )
