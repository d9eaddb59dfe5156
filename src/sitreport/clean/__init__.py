"""The clean stage: a raw document to an article's body text and metadata.

Plain scraped text is read line by line (``plaintext``); HTML goes through trafilatura first
and its text is then read the same way, so captions and "Read more" links it keeps are
dropped too. Metadata a corpus row carried (``RawDocument.meta``) wins over what is read
from the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from sitreport.clean.dates import parse_published
from sitreport.clean.html import read_html
from sitreport.clean.lexicon import load_lexicon
from sitreport.clean.plaintext import PageParts, read_page
from sitreport.errors import InputError
from sitreport.records import Article, RawDocument

REQUIRES = ("RawDocument.content", "RawDocument.media_type", "RawDocument.meta")
ASSIGNS = (
    "Article.text",
    "Article.title",
    "Article.published",
    "Article.agency",
    "Article.dateline",
    "Article.outlet",
    "Article.url",
)

__all__ = ["ASSIGNS", "REQUIRES", "clean_document"]

PARAGRAPH_SEPARATOR = "\n\n"
NO_BODY = "no article text left after removing navigation, teasers and other boilerplate"


def _meta(raw: RawDocument, key: str) -> str | None:
    value = (raw.meta.get(key) or "").strip()
    return value or None


def _read_text(raw: RawDocument, text: str, kb_dirs: Iterable[Path]) -> PageParts:
    parts = read_page(text, load_lexicon(kb_dirs))
    if parts is None:
        raise InputError(raw.source, NO_BODY)
    return parts


def _clean_html(raw: RawDocument, kb_dirs: Iterable[Path]) -> Article:
    page = read_html(raw.content)
    if page is None:
        raise InputError(raw.source, "no article found in the HTML page")
    parts = _read_text(raw, page.text, kb_dirs)
    return _build(raw, parts, title=page.title, published=page.published, url=page.url, outlet=page.outlet)


def _build(raw: RawDocument, parts: PageParts, **page_meta: str | None) -> Article:
    """The article, each field from the corpus row first, then the page markup, then the text."""
    meta_published = parse_published(_meta(raw, "published") or "")

    def pick(key: str, from_text: str | None = None) -> str | None:
        return _meta(raw, key) or page_meta.get(key) or from_text

    return Article.build(
        raw,
        PARAGRAPH_SEPARATOR.join(parts.paragraphs),
        title=pick("title", parts.title),
        published=meta_published or page_meta.get("published") or parts.published,
        agency=parts.agency,
        dateline=parts.dateline,
        outlet=pick("outlet"),
        url=pick("url"),
    )


def clean_document(raw: RawDocument, kb_dirs: Iterable[Path] = ()) -> Article:
    """The article inside ``raw``; raises InputError when nothing article-like remains.

    ``kb_dirs`` are the user's ``--kb`` folders extending the packaged cleaning knowledge.
    """
    if raw.media_type == "html":
        return _clean_html(raw, kb_dirs)
    return _build(raw, _read_text(raw, raw.content, kb_dirs))
