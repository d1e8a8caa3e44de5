"""A saved web page as the article's text and metadata, read with trafilatura.

trafilatura is made for exactly this and well kept: it finds the main text among
menus, sidebars, comments and footers, and reads the title, author, publication date,
canonical URL and site name from a page's meta tags, JSON-LD and markup. Its text keeps
paragraphs, headings (as Markdown `#` lines) and lists, which db.ingest.markdown then
turns into the plain text the extractor reads, so headings still head sections.

Never compiled (see db.native): trafilatura is imported only when a page is read, so
neither the bot nor an ingest of plain texts pays for loading it.
"""

from __future__ import annotations

from typing import Final

from db.ingest.front_matter import Metadata, publication_date
from db.ingest.markdown import markdown_text
from db.ingest.source import SourceError
from db.records import PartialDate

NO_ARTICLE = "no article text found in the page (a menu, a form or an empty page?)"
# Fewer words than this is a page's furniture (a sign-in form, a cookie wall), not an article.
MIN_ARTICLE_WORDS: Final = 20
# The publication date only: a page's "last edited" date is no anchor for what it says.
_DATE_OPTIONS: Final = {"original_date": True, "extensive_search": False}


def read_page(html: str) -> tuple[str, frozenset[int], Metadata]:
    """The page's article as plain text for the extractor, its heading lines, and its
    metadata; SourceError when it holds no article text."""
    from trafilatura import bare_extraction  # here: see the module's docstring

    found = bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_formatting=True,
        date_extraction_params=dict(_DATE_OPTIONS),
    )
    if found is None or isinstance(found, dict):
        raise SourceError(NO_ARTICLE)
    text, headings = markdown_text(found.text or "")
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise SourceError(NO_ARTICLE)
    url = _clean(found.url)
    meta = Metadata(
        title=_clean(found.title),
        url=url,
        published=_publication_date(html, found.date, url),
        author=_author(found.author),
        site=_clean(found.sitename),
    )
    return text, headings, meta


def _publication_date(html: str, found: str | None, url: str | None) -> PartialDate | None:
    """The page's publication date, when the page states it for machines: in its head
    (a meta tag, JSON-LD), a <time datetime> or its URL (2019-04-12, 2019/04/12). A date
    found only in the page's words is most often a wiki's "last edited on" footer, or an
    infobox's "founded" date marked up as published, neither of which may date what the
    page says (it would become every undated quote's date)."""
    date = publication_date(found) if found else None
    if date is None or date.year is None or date.year < 1:
        return None
    iso = date.iso()
    head_end = html.lower().find("</head>")
    head = html[:head_end] if head_end >= 0 else ""
    stated = (iso in head, f'datetime="{iso}' in html, f"datetime='{iso}" in html)
    in_url = url is not None and (iso in url or iso.replace("-", "/") in url)
    return date if any(stated) or in_url else None


def _author(value: str | None) -> str | None:
    """The page's author(s), without a link given with the name: trafilatura splits
    "Hal Ostrander (https://notes.example.net/hal/)" into "Hal Ostrander https; Notes
    Example Net", and the link's pieces would be cited as authors."""
    cleaned = _clean(value)
    if cleaned is None:
        return None
    parts = cleaned.split("; ")
    for index, part in enumerate(parts):
        words = part.split()
        link = next((i for i, w in enumerate(words) if w.lower() in ("http", "https")), None)
        if link is not None:
            kept = [*parts[:index], " ".join(words[:link])]
            return "; ".join(p for p in kept if p) or None
    return cleaned


def _clean(value: str | None) -> str | None:
    """One line of text, or None for nothing."""
    if not value:
        return None
    return " ".join(value.split()) or None
