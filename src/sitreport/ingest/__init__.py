"""Ingest: read files, folders and corpora into RawDocuments, one per article.

Bad inputs are not raised but yielded as ``InputError`` values, so that one broken file never
stops the others and the caller can report each in one line.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import BinaryIO

from sitreport.errors import InputError
from sitreport.ingest.decode import decode_bytes, read_limited, unreadable
from sitreport.options import Options
from sitreport.records import RawDocument

REQUIRES: tuple[str, ...] = ("paths",)
ASSIGNS: tuple[str, ...] = ("RawDocument",)

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
TEXT_SUFFIXES = {".txt", ".text", ""}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
CORPUS_SUFFIXES = {".csv", ".tsv", *JSONL_SUFFIXES}
READABLE_SUFFIXES = HTML_SUFFIXES | TEXT_SUFFIXES | CORPUS_SUFFIXES
# Corpus columns that carry metadata, by the names corpora commonly use for them.
META_COLUMNS = {
    "title": ("title", "headline"),
    "published": ("published", "date", "publish_date", "published_at", "pubdate"),
    "url": ("url", "link"),
    "outlet": ("outlet", "source", "site", "publisher", "domain"),
}

# csv rows can hold whole articles; the default field limit (128 KiB) is too small for some.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_inputs(paths: Iterable[str | Path], options: Options) -> Iterator[RawDocument | InputError]:
    """Every document under ``paths``, in order; folders are read recursively, sorted by name.
    Files are read one at a time, as the documents are asked for."""
    for item in input_files(paths):
        if isinstance(item, InputError):
            yield item
        else:
            yield from read_file(item, options)


def input_files(paths: Iterable[str | Path]) -> Iterator[Path | InputError]:
    """The files ``paths`` name, folders expanded (recursively, sorted by name); only names are
    held, so a cluster's driver can hand files to workers without reading them."""
    for given in paths:
        path = Path(given)
        try:
            is_folder = path.is_dir()
        except OSError as error:  # e.g. a folder on the way that may not be entered
            yield unreadable(path, error)
            continue
        if is_folder:
            yield from _folder_files(path)
        else:
            yield path


def _folder_files(folder: Path) -> Iterator[Path | InputError]:
    try:
        files = sorted(p for p in folder.rglob("*") if p.is_file() and not p.name.startswith("."))
    except OSError as error:
        yield unreadable(folder, error)
        return
    readable = [p for p in files if p.suffix.lower() in READABLE_SUFFIXES]
    if not readable:
        yield InputError(str(folder), "folder holds no .txt, .html, .csv or .jsonl files")
    yield from readable


def read_file(path: Path, options: Options) -> Iterator[RawDocument | InputError]:
    """The documents in one file: one for a page, one per row for a corpus."""
    if path.suffix.lower() in JSONL_SUFFIXES and streamable(path):
        yield from read_jsonl_range(path, options.text_column)
        return
    try:
        data = read_limited(path, options.max_input_bytes)
        text = decode_bytes(data, str(path))
    except InputError as error:
        yield error
        return
    suffix = path.suffix.lower()
    if suffix in {".csv", ".tsv"}:
        yield from _read_csv(path, text, options.text_column, "\t" if suffix == ".tsv" else ",")
    elif suffix in {".jsonl", ".ndjson"}:
        yield from _read_jsonl(path, text, options.text_column)
    else:
        yield RawDocument(source=str(path), name=path.name, content=text, media_type=_media_type(path, text))


def _media_type(path: Path, text: str) -> str:
    if path.suffix.lower() in HTML_SUFFIXES:
        return "html"
    head = text.lstrip()[:200].lower()
    return "html" if head.startswith(("<!doctype html", "<html")) else "text"


def _read_csv(path: Path, text: str, text_column: str, delimiter: str) -> Iterator[RawDocument | InputError]:
    # A stream, not splitlines(): quoted fields hold whole articles with their line breaks.
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    columns = reader.fieldnames or []
    if text_column not in columns:
        yield _missing_column(path, text_column, columns)
        return
    for number, row in enumerate(reader, start=1):
        yield _row_document(path, number, {k: v for k, v in row.items() if k is not None}, text_column)


def _read_jsonl(path: Path, text: str, text_column: str) -> Iterator[RawDocument | InputError]:
    for number, line in enumerate(text.splitlines(), start=1):
        yield from _jsonl_row(path, number, line, text_column)


def _jsonl_row(path: Path, number: int, line: str, text_column: str) -> Iterator[RawDocument | InputError]:
    if not line.strip():
        return
    try:
        row = json.loads(line)
    except json.JSONDecodeError as error:
        yield InputError(f"{path}:{number}", f"line is not JSON ({error.msg})")
        return
    if not isinstance(row, dict) or text_column not in row:
        columns = list(row) if isinstance(row, dict) else []
        yield _missing_column(Path(f"{path}:{number}"), text_column, columns)
        return
    yield _row_document(path, number, row, text_column)


# Bytes of a file's head that show whether it is in a wide encoding (UTF-16/32 text has zero
# bytes), which cannot be cut at newline bytes.
HEAD_BYTES = 4096
READ_BYTES = 1 << 20


def streamable(path: Path) -> bool:
    """A JSONL corpus that can be read line by line, whatever its size (memory holds one line),
    unless it is empty or in a wide encoding: those are read whole, where the errors say what
    is wrong."""
    try:
        with path.open("rb") as handle:
            head = handle.read(HEAD_BYTES)
    except OSError:
        return False
    return bool(head.strip()) and b"\x00" not in head


def read_jsonl_range(
    path: Path, text_column: str, start: int = 0, end: int | None = None
) -> Iterator[RawDocument | InputError]:
    """The rows of a JSONL corpus whose lines begin in bytes [start, end), read line by line and
    numbered as in the whole file: a cluster's workers each read their own range of one file."""
    try:
        with path.open("rb") as handle:
            number = _line_starts_before(handle, start)
            while end is None or handle.tell() < end:
                raw = handle.readline()
                if not raw:
                    return
                number += 1
                try:
                    line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
                except UnicodeDecodeError:
                    try:
                        line = decode_bytes(raw, f"{path}:{number}")
                    except InputError as error:
                        yield error
                        continue
                yield from _jsonl_row(path, number, line.replace("\x00", ""), text_column)
    except OSError as error:
        yield unreadable(path, error)


def _line_starts_before(handle: BinaryIO, start: int) -> int:
    """Count the lines that begin before ``start`` and leave the handle at the first line that
    begins at or after it."""
    if start <= 0:
        return 0
    counted = 0
    handle.seek(0)
    while handle.tell() < start - 1:
        counted += handle.read(min(READ_BYTES, start - 1 - handle.tell())).count(b"\n")
    if handle.read(1) != b"\n":
        handle.readline()  # the line under way at ``start`` belongs to the range before
    return counted + 1


def _missing_column(path: Path, text_column: str, columns: list[str]) -> InputError:
    found = ", ".join(columns) if columns else "none"
    return InputError(
        str(path), f"no '{text_column}' column (found: {found}); name the body column with --text-column"
    )


def _row_document(
    path: Path, number: int, row: dict[str, object], text_column: str
) -> RawDocument | InputError:
    body = row.get(text_column)
    row_id = str(row.get("id") or number)
    source = f"{path}#{row_id}"
    if not isinstance(body, str) or not body.strip():
        return InputError(source, f"row {number} has an empty '{text_column}'")
    return RawDocument(
        source=source,
        name=f"{path.name}#{row_id}",
        content=body,
        media_type=_media_type(path, body),
        meta=_row_meta(row),
    )


def _row_meta(row: dict[str, object]) -> dict[str, str]:
    meta: dict[str, str] = {}
    for field, names in META_COLUMNS.items():
        for name in names:
            value = row.get(name)
            if isinstance(value, str) and value.strip():
                meta[field] = value.strip()
                break
    return meta
