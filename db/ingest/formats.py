"""A source file's text, in whichever form people keep it, parsed into records.

Plain text and Markdown may open with a front-matter block (db.ingest.front_matter);
Markdown loses its markup (db.ingest.markdown); a saved web page gives its article and
metadata (db.ingest.html). What the source says about itself comes first: its title is
the document's title, and its publication date anchors the text's relative and
year-less dates. Only the extractor's own guesses fill what it does not say.
"""

from __future__ import annotations

from db.ingest.front_matter import Metadata, split_front_matter
from db.ingest.html import read_page
from db.ingest.markdown import markdown_text
from db.ingest.pipeline import parse_document
from db.ingest.source import HTML_SUFFIXES, MARKDOWN_SUFFIXES
from db.records import ParsedDocument


def source_text(text: str, name: str) -> tuple[str, frozenset[int], Metadata]:
    """The text the extractor reads, the lines the source marks as headings, and the
    source's metadata; SourceError for a page with no article text."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if suffix in HTML_SUFFIXES:
        return read_page(text)
    body, meta = split_front_matter(text)
    if suffix in MARKDOWN_SUFFIXES:
        body, headings = markdown_text(body)
        return body, headings, meta
    return body, frozenset(), meta


def parse_source(text: str, name: str) -> ParsedDocument:
    """parse_document() of a source file's text, with what the source says about itself;
    SourceError for a page with no article text."""
    body, headings, meta = source_text(text, name)
    parsed = parse_document(body, name, published=meta.published, headings=headings)
    parsed.title = meta.title or parsed.title
    parsed.url = meta.url
    parsed.author = meta.author
    parsed.site = meta.site
    parsed.warnings[:0] = meta.warnings
    return parsed
