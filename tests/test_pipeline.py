"""The streaming flow in worker processes: the same results, in input order, cut short cleanly."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from sitreport import extract, pipeline
from sitreport.clean import clean_document
from sitreport.errors import InputError
from sitreport.extract import extract_events
from sitreport.options import Options
from sitreport.pipeline import ArticleResult, process_paths, process_texts
from sitreport.records import RawDocument

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SITREPORT = Path(sys.executable).with_name("sitreport")
# Long enough to take a few seconds after the model is loaded (written for these tests).
SAMPLE_REPORT = """Convoy leaves besieged town of Talbiseh, monitor says

About 300 fighters and their families left Talbiseh in northern Homs province for Idlib on Sunday \
aboard 12 buses, the Syrian Observatory for Human Rights said.

Shelling on Douma killed 14 civilians on Saturday, the monitor said, and government forces \
arrested 20 men in Harasta.
"""


def outcome(item: ArticleResult | InputError) -> tuple[str, object]:
    if isinstance(item, InputError):
        return ("error", str(item))
    return (item.article.source, [event.to_dict() for event in item.events])


@pytest.fixture
def inputs(tmp_path: Path) -> list[Path]:
    """The examples, with bad inputs in between, so errors must keep their place too."""
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 8)
    examples = sorted((EXAMPLES / "text").glob("*.txt")) + sorted((EXAMPLES / "html").glob("*.html"))
    bad = [tmp_path / "empty.txt", tmp_path / "binary.txt"]
    return [*examples[:3], bad[0], *examples[3:], bad[1], EXAMPLES / "corpus.csv"]


def test_workers_give_what_one_process_gives_in_the_same_order(inputs: list[Path]) -> None:
    alone = [outcome(item) for item in process_paths(inputs, Options(show_progress=False))]
    # Chunks of two documents: the first chunk is read here, the rest by two forked workers.
    in_workers = Options(show_progress=False, jobs=2, batch_size=2)
    pooled = [outcome(item) for item in process_paths(inputs, in_workers)]
    # Articles in input order with the same events; errors are reported as met, which depends on
    # how far spaCy has read ahead, so only their order among themselves is fixed.
    assert [row for row in pooled if row[0] != "error"] == [row for row in alone if row[0] != "error"]
    assert [row for row in pooled if row[0] == "error"] == [row for row in alone if row[0] == "error"]
    assert sum(kind == "error" for kind, _ in alone) == 2
    assert sum(bool(events) for _, events in alone) >= 5


# A second sample report written for these tests.
OTHER_REPORT = "Airstrikes killed 9 people in Saraqeb in Idlib province on Monday, activists said.\n"


def whole(item: ArticleResult | InputError) -> object:
    if isinstance(item, InputError):
        return str(item)
    return item.article, [event.to_dict() for event in item.events]


@pytest.mark.parametrize(("memory", "cleanings", "readings"), [(pipeline.REPEAT_MEMORY, 3, 2), (1, 6, 4)])
def test_a_copy_of_a_text_in_another_file_gets_what_reading_it_afresh_gives(
    monkeypatch: pytest.MonkeyPatch, memory: int, cleanings: int, readings: int
) -> None:
    texts = [SAMPLE_REPORT, OTHER_REPORT, "", SAMPLE_REPORT, OTHER_REPORT, OTHER_REPORT, ""]
    documents = [RawDocument(f"feed/{n}.txt", f"{n}.txt", text) for n, text in enumerate(texts)]
    options = Options(show_progress=False)
    afresh = [whole(item) for document in documents for item in process_texts([document], options)]
    cleaned: list[str] = []
    read: list[str] = []
    monkeypatch.setattr(pipeline, "REPEAT_MEMORY", memory)
    monkeypatch.setattr(pipeline, "clean_document", lambda document, **rest: cleaned.append(document.name)
                        or clean_document(document, **rest))
    monkeypatch.setattr(extract, "extract_events", lambda article, *rest: read.append(article.file)
                        or extract_events(article, *rest))
    together = [whole(item) for item in process_texts(documents, options)]
    errors = [row for row in together if isinstance(row, str)]
    assert [row for row in together if row not in errors] == [row for row in afresh if row not in errors]
    assert errors == [row for row in afresh if isinstance(row, str)]
    assert len(errors) == 2
    assert all(events for article, events in (row for row in together if row not in errors))
    # Remembering one text, 3.txt, 4.txt and the last error are cleaned and read again (another
    # text came between), 5.txt is not.
    assert (len(cleaned), len(read)) == (cleanings, readings)


def children_of(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(child) for child in path.read_text().split()] if path.exists() else []


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][:1]
    except FileNotFoundError:
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads process children from /proc (Linux)")
def test_a_killed_extract_run_keeps_whole_articles_and_leaves_no_workers(tmp_path: Path) -> None:
    # More files than one chunk (batch_size 32), so that workers are running when it is killed.
    for number in range(80):
        # each text its own, or copies after the first would not be read again (Repeats)
        text = f"{SAMPLE_REPORT}\nFiled as report {number}.\n"
        (tmp_path / f"report_{number:02d}.txt").write_text(text, encoding="utf-8")
    files = sorted(str(path) for path in tmp_path.glob("*.txt"))
    env = {**os.environ, "NO_COLOR": "1"}
    process = subprocess.Popen([str(SITREPORT), "extract", "--jobs", "2", *files],
                               stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    assert process.stdout is not None
    lines = []
    # The first 32 files are read before any worker starts; a line of file 40 is a worker's.
    while not lines or "report_40" not in lines[-1]:
        line = process.stdout.readline().decode()
        assert line, "the run ended before reaching report_40"
        lines.append(line)
    workers = children_of(process.pid)
    process.send_signal(signal.SIGKILL)
    process.wait()
    lines += process.stdout.read().decode().splitlines(keepends=True)
    assert workers, "a run of 80 files with --jobs 2 should have started workers"
    events = [json.loads(line) for line in lines]  # every line written is whole
    per_file: dict[str, int] = {}
    for event in events:
        per_file[event["source_file"]] = per_file.get(event["source_file"], 0) + 1
    # Each article written out was written out entirely: all copies read alike.
    assert len(set(per_file.values())) == 1, per_file
    deadline = time.monotonic() + 60
    while any(alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not any(alive(pid) for pid in workers), "workers outlived their killed parent"
