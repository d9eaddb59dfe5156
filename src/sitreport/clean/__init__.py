"""The clean stage: a raw document to an article's body text and metadata.

Plain scraped text is read line by line (``plaintext``); HTML goes through trafilatura first
and its text is then read the same way, so captions and "Read more" links it keeps are
dropped too. A plain-text input with no paragraph long enough to lead (a headline alone, a
one-line flash) is an article whose text is that headline; an HTML page like that is an index.
Metadata a corpus row carried (``RawDocument.meta``) wins over what is read from the page.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import unescape
from pathlib import Path

from sitreport.clean.dates import parse_published
from sitreport.clean.html import read_html
from sitreport.clean.lexicon import CleaningLexicon, load_lexicon
from sitreport.clean.plaintext import PageParts, read_page
from sitreport.clean.title import without_site_name
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
NO_HTML_ARTICLE = "no article found in the HTML page"


def _meta(raw: RawDocument, key: str) -> str | None:
    value = (raw.meta.get(key) or "").strip()
    return value or None


def _read_text(raw: RawDocument, text: str, lexicon: CleaningLexicon) -> PageParts:
    parts = read_page(text, lexicon)
    if parts is None:
        raise InputError(raw.source, NO_BODY)
    return parts


def _clean_html(raw: RawDocument, lexicon: CleaningLexicon) -> Article:
    page = read_html(raw.content)
    if page is None:
        raise InputError(raw.source, NO_HTML_ARTICLE)
    parts = _read_text(raw, page.text, lexicon)
    # A headline feed is plain text; an HTML page whose main text has no paragraph is an index.
    if parts.short:
        raise InputError(raw.source, NO_HTML_ARTICLE)
    page_meta = {"title": page.title, "published": page.published, "url": page.url, "outlet": page.outlet}
    return _build(raw, parts, lexicon, page_meta)


def _build(
    raw: RawDocument, parts: PageParts, lexicon: CleaningLexicon, page_meta: dict[str, str | None]
) -> Article:
    """The article, each field from the corpus row first, then the page markup, then the text.

    The title loses the site's name wherever it came from ("... | Jordan Times").
    """
    meta_published = parse_published(_meta(raw, "published") or "")

    def pick(key: str, from_text: str | None = None) -> str | None:
        return _meta(raw, key) or page_meta.get(key) or from_text

    title = pick("title", parts.title)
    return Article.build(
        raw,
        PARAGRAPH_SEPARATOR.join(parts.paragraphs),
        title=without_site_name(title, lexicon) if title else None,
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
    lexicon = load_lexicon(kb_dirs)
    if raw.media_type == "html":
        return _clean_html(raw, lexicon)
    # scraped feeds keep HTML character references in plain text ("Maarrat al-Nu&#8217;man")
    return _build(raw, _read_text(raw, unescape(raw.content), lexicon), lexicon, {})
