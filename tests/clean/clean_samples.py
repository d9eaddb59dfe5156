"""Helpers for the clean tests: sample pages written for the project."""

from __future__ import annotations

from pathlib import Path

from sitreport.clean import clean_document
from sitreport.records import Article, MediaType, RawDocument

PAGES = Path(__file__).resolve().parent / "pages"


def raw_document(content: str, media_type: MediaType = "text", **meta: str) -> RawDocument:
    return RawDocument(source="sample", name="sample.txt", content=content, media_type=media_type, meta=meta)


def clean_page(name: str) -> Article:
    """A sample page from tests/clean/pages, cleaned."""
    path = PAGES / name
    media_type: MediaType = "html" if path.suffix == ".html" else "text"
    raw = RawDocument(str(path), path.name, path.read_text(encoding="utf-8"), media_type)
    return clean_document(raw)
