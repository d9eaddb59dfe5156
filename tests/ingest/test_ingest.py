"""Ingest: every layout it reads, and every bad input named with its reason."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sitreport.errors import InputError
from sitreport.ingest import read_inputs
from sitreport.ingest.decode import decode_bytes
from sitreport.options import Options
from sitreport.records import RawDocument

# Sample sentences written for these tests, not taken from any outlet.
ARABIC_SAMPLE = "دمشق - قالت وكالة الأنباء إن حافلات غادرت درعا صباح الخميس"
LATIN_SAMPLE = "Reportage: à Homs, les déplacés reçoivent de l'aide; café fermé."
WINDOWS_SAMPLE = "Reportage: à Homs, les déplacés reçoivent de l’aide — café fermé."


def read_all(*paths: Path, **options: object) -> list[RawDocument | InputError]:
    return list(read_inputs(paths, Options(**options)))  # type: ignore[arg-type]


def only_error(items: list[RawDocument | InputError]) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


def test_plain_text_file_is_one_text_document(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_text("Sample headline\n\nSample body sentence.", encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument)
    assert (doc.name, doc.media_type, doc.source) == ("report.txt", "text", str(path))


def test_html_is_recognised_by_suffix_and_by_content(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "b.txt").write_text("<!DOCTYPE html><html><body>y</body></html>", encoding="utf-8")
    docs = read_all(tmp_path / "a.html", tmp_path / "b.txt")
    assert [d.media_type for d in docs if isinstance(d, RawDocument)] == ["html", "html"]


def test_folder_is_read_recursively_in_name_order_skipping_other_files(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.txt").write_text("second", encoding="utf-8")
    (tmp_path / "a.txt").write_text("first", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    docs = read_all(tmp_path)
    assert [d.content for d in docs if isinstance(d, RawDocument)] == ["first", "second"]


def test_csv_corpus_gives_one_document_per_row_with_metadata(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text(
        "id,title,published,outlet,body\n"
        'r1,First sample,2019-03-02,Sample Wire,"Body one, with a comma."\n'
        "r2,Second sample,,Sample Daily,Body two.\n",
        encoding="utf-8",
    )
    docs = read_all(path, text_column="body")
    assert [d.name for d in docs if isinstance(d, RawDocument)] == ["corpus.csv#r1", "corpus.csv#r2"]
    first = docs[0]
    assert isinstance(first, RawDocument)
    assert first.content == "Body one, with a comma."
    assert first.meta == {"title": "First sample", "published": "2019-03-02", "outlet": "Sample Wire"}


def test_csv_fields_keep_their_paragraph_breaks(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text('id,text\nr1,"First paragraph.\n\nSecond paragraph."\n', encoding="utf-8")
    [doc] = read_all(path)
    assert isinstance(doc, RawDocument) and doc.content == "First paragraph.\n\nSecond paragraph."


def test_csv_without_the_named_column_says_which_columns_exist(tmp_path: Path) -> None:
    path = tmp_path / "corpus.csv"
    path.write_text("id,headline,content\n1,a,b\n", encoding="utf-8")
    error = only_error(read_all(path))
    assert "no 'text' column" in error.reason and "headline, content" in error.reason
    assert "--text-column" in error.reason


def test_jsonl_corpus_reads_good_lines_and_names_the_bad_ones(tmp_path: Path) -> None:
    path = tmp_path / "corpus.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "Body A", "url": "https://example.org/a"}),
        "{not json",
        json.dumps({"x": 1}),
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    items = read_all(path)
    assert isinstance(items[0], RawDocument) and items[0].meta == {"url": "https://example.org/a"}
    assert isinstance(items[1], InputError) and items[1].source.endswith("corpus.jsonl:2")
    assert isinstance(items[2], InputError) and "no 'text' column" in items[2].reason


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("empty.txt", b"", "empty file"),
        ("blank.txt", b"   \n\n ", "empty file"),
        ("image.txt", bytes(range(256)) * 4, "binary file"),
        ("zip.html", b"PK\x03\x04\x00\x00\x08\x00" * 20, "binary file"),
    ],
)
def test_unreadable_files_get_a_reason(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    error = only_error(read_all(path))
    assert reason in error.reason
    assert str(path) in str(error)


def test_control_bytes_without_zeros_are_binary_and_text_controls_are_text() -> None:
    # A sample: every control byte but NUL, then a line using only the text controls.
    with pytest.raises(InputError, match="binary file"):
        decode_bytes(bytes(range(1, 32)) * 40, "sample")
    line = "Sample\tline\f\r\n" * 50
    assert decode_bytes(line.encode(), "sample") == line


def test_missing_file_is_named_and_the_rest_still_read(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text("A sample body.", encoding="utf-8")
    items = read_all(tmp_path / "missing.txt", good)
    assert isinstance(items[0], InputError) and "no such file" in items[0].reason
    assert isinstance(items[1], RawDocument)


def test_oversized_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "big.txt"
    path.write_text("x" * 2000, encoding="utf-8")
    error = only_error(read_all(path, max_input_bytes=1000))
    assert "too large" in error.reason


@pytest.mark.parametrize(
    ("text", "encoding"), [(ARABIC_SAMPLE, "cp1256"), (LATIN_SAMPLE, "latin-1"), (WINDOWS_SAMPLE, "cp1252")]
)
def test_legacy_encodings_are_decoded(text: str, encoding: str) -> None:
    assert decode_bytes(text.encode(encoding), "sample") == text


def test_utf8_bom_is_dropped() -> None:
    assert decode_bytes("\ufeffHeadline".encode(), "sample") == "Headline"


@given(st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_any_utf8_text_decodes_to_itself(text: str) -> None:
    assert decode_bytes(text.encode("utf-8"), "sample") == text.removeprefix("\ufeff")


@given(st.binary(min_size=1, max_size=2000))
def test_decoding_any_bytes_gives_text_or_an_input_error(data: bytes) -> None:
    try:
        assert isinstance(decode_bytes(data, "sample"), str)
    except InputError as error:
        assert error.source == "sample"


WIDE_ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"]


@pytest.mark.parametrize("encoding", WIDE_ENCODINGS)
@pytest.mark.parametrize("text", [WINDOWS_SAMPLE, ARABIC_SAMPLE, f"{WINDOWS_SAMPLE}\n{ARABIC_SAMPLE}"])
def test_utf16_and_utf32_decode_with_or_without_a_byte_order_mark(text: str, encoding: str) -> None:
    # "utf-16"/"utf-32" write a byte-order mark; the -le/-be codecs write none.
    assert decode_bytes(text.encode(encoding), "sample") == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
@given(text=st.text(alphabet=st.characters(blacklist_categories=("Cc", "Cs")), min_size=1))
def test_any_text_with_a_byte_order_mark_decodes_to_itself(encoding: str, text: str) -> None:
    assert decode_bytes(text.encode(encoding), "sample") == text


def test_a_utf16_file_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "wide.txt"
    path.write_bytes(WINDOWS_SAMPLE.encode("utf-16"))
    [document] = read_all(path)
    assert isinstance(document, RawDocument) and document.content == WINDOWS_SAMPLE


def test_a_path_the_system_cannot_look_at_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    # A name over the file system's limit makes stat() fail (ENAMETOOLONG) even for root, the
    # same way an unreadable folder on the way fails for a user; both used to end the run.
    good = tmp_path / "good.txt"
    good.write_text("A sample body.", encoding="utf-8")
    unreadable = tmp_path / ("n" * 300 + ".txt")
    items = read_all(unreadable, good)
    assert isinstance(items[0], InputError) and "cannot be read" in items[0].reason
    assert isinstance(items[1], RawDocument)
