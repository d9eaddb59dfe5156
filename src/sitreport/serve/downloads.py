"""Downloads of the current filter, written by the export stage (sitreport.export)."""

from __future__ import annotations

import io
from dataclasses import dataclass

from fastapi import Response

from sitreport.export.stored import write_stored
from sitreport.options import Options
from sitreport.serve.filters import EventFilter
from sitreport.store import Store


@dataclass(frozen=True)
class DownloadFormat:
    media_type: str
    file_name: str


DOWNLOAD_FORMATS: dict[str, DownloadFormat] = {
    "jsonl": DownloadFormat("application/x-ndjson", "events.jsonl"),
    "csv": DownloadFormat("text/csv", "events.csv"),
    "geojson": DownloadFormat("application/geo+json", "events.geojson"),
    "acled": DownloadFormat("text/csv", "events-acled.csv"),
    "plover": DownloadFormat("application/json", "events-plover.json"),
}


def events_download(store: Store, event_filter: EventFilter, fmt: str, options: Options) -> Response:
    """Every event the filter matches (pagination ignored) as an attachment in ``fmt``."""
    buffer = io.StringIO()
    write_stored(store, fmt, buffer, event_filter.to_query(offset=0), kb_dirs=options.kb_dirs)
    download = DOWNLOAD_FORMATS[fmt]
    return Response(
        buffer.getvalue(),
        media_type=download.media_type,
        headers={"Content-Disposition": f'attachment; filename="{download.file_name}"'},
    )
