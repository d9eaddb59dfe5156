"""A writer that fills a text stream, served as a stream of bytes without holding the file.

The export stage writes to a text stream; a web download of a large store must not build the
whole file in memory first. The writer runs in a thread of its own and hands its output over in
chunks through a short queue, so it is never more than a few chunks ahead of the client
(backpressure), and it stops when the client stops reading.
"""

from __future__ import annotations

import contextlib
import io
import logging
import queue
import threading
import time
from collections.abc import Callable, Iterator
from typing import TextIO

CHUNK_CHARS = 64 * 1024
CHUNKS_AHEAD = 4
# A client that takes nothing for this long is gone (a closed connection does not always reach
# the iterator); the writer then stops and gives its download slot back.
STALLED_SECONDS = 60.0
POLL_SECONDS = 0.25

log = logging.getLogger(__name__)


class Cancelled(Exception):
    """The reader went away: the writer stops where it is."""


class _End:
    """Put on the queue after the last chunk: how the writer finished."""

    def __init__(self, error: BaseException | None = None) -> None:
        self.error = error


class ChunkedText(io.TextIOBase):
    """A text stream that passes its text on, encoded, in chunks of about ``chunk_chars``."""

    def __init__(self, hand_over: Callable[[bytes], None], chunk_chars: int) -> None:
        super().__init__()
        self._hand_over = hand_over
        self._chunk_chars = chunk_chars
        self._parts: list[str] = []
        self._size = 0

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        self._parts.append(text)
        self._size += len(text)
        if self._size >= self._chunk_chars:
            self.flush()
        return len(text)

    def flush(self) -> None:
        if self._size:
            chunk = "".join(self._parts).encode("utf-8")
            self._parts, self._size = [], 0
            self._hand_over(chunk)


class StreamedWrite(Iterator[bytes]):
    """Iterate over the bytes ``write(stream)`` writes, while it writes them.

    ``on_end`` runs once in the writer's thread when it finishes, fails or is cancelled
    (a download slot is given back there). ``close()`` cancels the writer.
    """

    def __init__(
        self,
        write: Callable[[TextIO], object],
        on_end: Callable[[], None] = lambda: None,
        *,
        chunk_chars: int = CHUNK_CHARS,
        chunks_ahead: int = CHUNKS_AHEAD,
        stalled_seconds: float = STALLED_SECONDS,
    ) -> None:
        self._queue: queue.Queue[bytes | _End] = queue.Queue(maxsize=chunks_ahead)
        self._stopped = threading.Event()
        self._stalled_seconds = stalled_seconds
        self._finished = False
        stream = ChunkedText(self._hand_over, chunk_chars)
        self._thread = threading.Thread(target=self._run, args=(write, stream, on_end), daemon=True)
        self._thread.start()

    def _hand_over(self, item: bytes | _End) -> None:
        deadline = time.monotonic() + self._stalled_seconds
        while not self._stopped.is_set():
            try:
                self._queue.put(item, timeout=POLL_SECONDS)
                return
            except queue.Full:
                if time.monotonic() > deadline:
                    self._stopped.set()
        raise Cancelled

    def _run(
        self, write: Callable[[TextIO], object], stream: ChunkedText, on_end: Callable[[], None]
    ) -> None:
        end = _End()
        try:
            write(stream)  # type: ignore[arg-type]  # a TextIOBase is a text stream
            stream.flush()
        except Cancelled:
            log.info("download stopped: the client stopped reading")
            on_end()
            return
        except Exception as error:  # the client must learn the file is cut short
            log.exception("download failed while being written")
            end = _End(error)
        on_end()
        with contextlib.suppress(Cancelled):
            self._hand_over(end)

    def __next__(self) -> bytes:
        if self._finished:
            raise StopIteration
        item = self._queue.get()
        if isinstance(item, _End):
            self._finished = True
            if item.error is not None:
                raise RuntimeError("the download was cut short by an error") from item.error
            raise StopIteration
        return item

    def close(self) -> None:
        self._finished = True
        self._stopped.set()
