"""The sample corpus in examples/ cleans without errors and without its sample labels."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from sitreport.clean import clean_document
from sitreport.records import MediaType, RawDocument

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
FILES = sorted(EXAMPLES.glob("*/sample_*"))
META_COLUMNS = ("url", "outlet", "published", "title")


def _file_document(path: Path) -> RawDocument:
    media_type: MediaType = "html" if path.suffix == ".html" else "text"
    return RawDocument(str(path), path.name, path.read_text(encoding="utf-8"), media_type)


def _corpus_documents() -> list[RawDocument]:
    with (EXAMPLES / "corpus.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    return [
        RawDocument(f"corpus.csv#{r['id']}", r["id"], r["text"], "text", {k: r[k] for k in META_COLUMNS})
        for r in rows
    ]


def test_the_corpus_has_a_dozen_samples() -> None:
    assert len(FILES) + len(_corpus_documents()) >= 12


@pytest.mark.parametrize(
    "raw", [_file_document(p) for p in FILES] + _corpus_documents(), ids=lambda r: r.name
)
def test_each_sample_cleans_to_a_titled_article(raw: RawDocument) -> None:
    article = clean_document(raw)
    assert article.title
    assert "sample" not in article.text.lower()
    assert len(article.text.split("\n\n")) >= 3


def test_the_wire_sample_pasted_twice_keeps_one_copy() -> None:
    article = clean_document(_file_document(EXAMPLES / "text" / "sample_03_tafas_evacuation_wire.txt"))
    assert article.text.count("Around 950 people") == 1
    assert (article.agency, article.dateline) == ("AFP", "BEIRUT")
