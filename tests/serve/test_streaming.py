"""Streamed downloads: the bytes arrive while the writer writes, never far ahead of the reader,
and the writer stops (giving its slot back) when the reader goes away or it fails."""

from __future__ import annotations

import threading
import time
from typing import TextIO

import httpx
import pytest
from fastapi.testclient import TestClient

from sitreport.serve.streaming import StreamedWrite


def numbered_lines(count: int) -> list[str]:
    return [f"line {number}: Dar\u02bfa, \u062f\u0631\u0639\u0627\n" for number in range(count)]


class Recorder:
    """A writer of numbered lines that records how far it got and when it ended."""

    def __init__(self, count: int, fail_at: int | None = None) -> None:
        self.lines = numbered_lines(count)
        self.fail_at = fail_at
        self.written = 0
        self.ended = threading.Event()

    def write(self, stream: TextIO) -> None:
        for number, line in enumerate(self.lines):
            if number == self.fail_at:
                raise ValueError("the store went away")
            stream.write(line)
            self.written += 1

    def end(self) -> None:
        self.ended.set()


def wait_until_still(recorder: Recorder) -> int:
    """How far the writer got once it stopped moving (blocked on a full queue)."""
    seen = -1
    while seen != recorder.written:
        seen = recorder.written
        time.sleep(0.2)
    return seen


def test_the_bytes_are_the_text_written_in_order_across_chunks() -> None:
    recorder = Recorder(500)
    body = b"".join(StreamedWrite(recorder.write, recorder.end, chunk_chars=100))
    assert body.decode("utf-8") == "".join(recorder.lines)
    assert recorder.ended.wait(5)


def test_the_writer_stays_a_few_chunks_ahead_of_a_reader_that_waits() -> None:
    recorder = Recorder(10_000)
    line_chars = len(recorder.lines[0])
    body = StreamedWrite(recorder.write, recorder.end, chunk_chars=line_chars * 10, chunks_ahead=2)
    ahead = wait_until_still(recorder)
    # two chunks queued, one waiting to be queued, one being filled: about 40 lines, not 10,000
    assert ahead <= 45
    next(body)
    assert wait_until_still(recorder) > ahead
    body.close()
    assert recorder.ended.wait(5)


def test_a_reader_that_goes_away_stops_the_writer_and_ends_it() -> None:
    recorder = Recorder(10_000)
    body = StreamedWrite(recorder.write, recorder.end, chunk_chars=50, chunks_ahead=1)
    next(body)
    body.close()
    assert recorder.ended.wait(5)
    assert recorder.written < 10_000
    with pytest.raises(StopIteration):
        next(body)


def test_a_reader_that_stalls_is_taken_as_gone() -> None:
    recorder = Recorder(10_000)
    StreamedWrite(recorder.write, recorder.end, chunk_chars=50, chunks_ahead=1, stalled_seconds=0.5)
    assert recorder.ended.wait(5)
    assert recorder.written < 10_000


def test_a_writer_that_fails_cuts_the_stream_short_with_an_error() -> None:
    recorder = Recorder(100, fail_at=60)
    body = StreamedWrite(recorder.write, recorder.end, chunk_chars=len(recorder.lines[0]) * 10)
    received = []
    with pytest.raises(RuntimeError, match="cut short") as failure:
        for chunk in body:
            received.append(chunk)
    assert isinstance(failure.value.__cause__, ValueError)
    assert b"".join(received).decode("utf-8") == "".join(recorder.lines[:60])
    assert recorder.ended.is_set()


def test_a_download_gives_its_slot_back_when_read_to_the_end(client: TestClient) -> None:
    # the app serves one download at a time: a slot kept after the end would refuse the second
    for _ in range(3):
        response = client.get("/api/events.csv")
        assert response.status_code == 200 and response.text.startswith("event_id,")


def test_a_download_is_sent_in_chunks_as_written_not_as_one_body(live_server: str) -> None:
    with httpx.stream("GET", f"{live_server}/api/events.jsonl") as response:
        assert response.status_code == 200
        assert response.headers.get("transfer-encoding") == "chunked"
        assert "content-length" not in response.headers
        assert sum(1 for line in response.iter_lines() if line) > 0
