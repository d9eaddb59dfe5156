"""Downloads of the current filter, written by the export stage (sitreport.export)."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from fastapi import HTTPException
from fastapi.responses import StreamingResponse

from sitreport.export.stored import write_stored
from sitreport.options import Options
from sitreport.serve.filters import EventFilter
from sitreport.serve.streaming import StreamedWrite
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


# Full downloads served at once. Each reads every matching event: 32 at once (when each built
# its file in memory) starved every other request for seconds and grew the server by 500 MB.
# Downloads now stream, but each still keeps a reader of the store busy for its length.
# Past this, a download is told to come back (503 with Retry-After) and light requests flow:
# with 32 clients downloading 10k events in a loop, light requests took p50 215 ms with two
# downloads at a time and 97 ms with one (bench/bench_integrity.py load).
MAX_CONCURRENT_DOWNLOADS = 1
RETRY_AFTER_SECONDS = 5


class DownloadSlots:
    """A bounded number of downloads in progress across the server's threads."""

    def __init__(self, count: int) -> None:
        self._slots = threading.BoundedSemaphore(count)

    def take(self) -> Callable[[], None]:
        """Take a slot now (503 when none is free); the function returned gives it back."""
        if not self._slots.acquire(blocking=False):
            retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
            raise HTTPException(503, "too many downloads at once; try again shortly", retry)
        return self._slots.release


def events_download(
    store: Store, event_filter: EventFilter, fmt: str, options: Options, slots: DownloadSlots
) -> StreamingResponse:
    """Every event the filter matches (pagination ignored) as an attachment in ``fmt``, streamed.

    The slot is taken before the response starts, so a refusal is still a 503, and given back
    when the file is written to the end, fails, or the client stops reading.
    """
    query = event_filter.to_query(offset=0)
    release = slots.take()
    try:
        body = StreamedWrite(
            lambda stream: write_stored(store, fmt, stream, query, kb_dirs=options.kb_dirs), on_end=release
        )
    except BaseException:
        release()
        raise
    download = DOWNLOAD_FORMATS[fmt]
    return StreamingResponse(
        body,
        media_type=download.media_type,
        headers={"Content-Disposition": f'attachment; filename="{download.file_name}"'},
    )
