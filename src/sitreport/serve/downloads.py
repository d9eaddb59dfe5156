"""Downloads of the current filter, written by the export stage (sitreport.export)."""

from __future__ import annotations

import io
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fastapi import HTTPException, Response

from sitreport.export import write_records
from sitreport.options import Options
from sitreport.serve.filters import EventFilter
from sitreport.serve.views import all_events
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


# Full downloads served at once. Each reads every matching event and builds the file in
# memory: 32 at once starved every other request for seconds and grew the server by 500 MB.
# Past this, a download is told to come back (503 with Retry-After) and light requests flow:
# with 32 clients downloading 10k events in a loop, light requests took p50 215 ms with two
# downloads at a time and 97 ms with one (bench/bench_integrity.py load).
MAX_CONCURRENT_DOWNLOADS = 1
RETRY_AFTER_SECONDS = 5


class DownloadSlots:
    """A bounded number of downloads in progress across the server's threads."""

    def __init__(self, count: int) -> None:
        self._slots = threading.BoundedSemaphore(count)

    @contextmanager
    def taken(self) -> Iterator[None]:
        if not self._slots.acquire(blocking=False):
            retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
            raise HTTPException(503, "too many downloads at once; try again shortly", retry)
        try:
            yield
        finally:
            self._slots.release()


def events_download(store: Store, event_filter: EventFilter, fmt: str, options: Options) -> Response:
    """Every event the filter matches (pagination ignored) as an attachment in ``fmt``."""
    buffer = io.StringIO()
    write_records(all_events(store, event_filter), fmt, buffer, kb_dirs=options.kb_dirs)
    download = DOWNLOAD_FORMATS[fmt]
    return Response(
        buffer.getvalue(),
        media_type=download.media_type,
        headers={"Content-Disposition": f'attachment; filename="{download.file_name}"'},
    )
