"""HTML pages through trafilatura (main text and metadata) and htmldate (publication date)."""

from __future__ import annotations

from dataclasses import dataclass

# Publication time as ISO minutes; htmldate reports midnight when a page gives only the day.
_HTML_DATE_FORMAT = "%Y-%m-%dT%H:%M"
_MIDNIGHT = "T00:00"


@dataclass(frozen=True)
class HtmlPage:
    """The article text and metadata trafilatura found in a page."""

    text: str
    title: str | None
    published: str | None
    url: str | None
    outlet: str | None


def _published(html: str) -> str | None:
    """The date the markup states (meta tags, time elements); no guessing from the URL or text."""
    # Imported on the first page: a run over plain text never pays for loading them.
    from htmldate import find_date as html_find_date

    try:
        found = html_find_date(
            html, outputformat=_HTML_DATE_FORMAT, original_date=True, extensive_search=False
        )
    except ValueError:
        return None
    if not found:
        return None
    return found.removesuffix(_MIDNIGHT)


def read_html(html: str) -> HtmlPage | None:
    """The main text and metadata of an HTML page, or None when it holds no article."""
    import trafilatura

    document = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if document is None or not (document.text or "").strip():
        return None
    return HtmlPage(
        text=document.text,
        title=(document.title or "").strip() or None,
        published=_published(html),
        url=document.url,
        outlet=document.sitename,
    )
