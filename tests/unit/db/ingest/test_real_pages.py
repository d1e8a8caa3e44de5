"""Real saved web pages, one from each of three sites' layouts (tests/data/pages, with
their sources and licences): what Almanac reads from each, and what ingest stores."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from db import schema
from db.ingest import parse_source
from db.records import ParsedDocument, PartialDate
from db.write import writer
from tests.paths import REAL_PAGES
from tests.unit.db.ingest.helpers import events_on, quote_with

WIKIPEDIA = "wikipedia_mozilla.html"
WIKIMEDIA_NEWS = "wikimedia_news_turkey.html"
BLOG = "ebb_kuhn_blog.html"


def _page(name: str) -> ParsedDocument:
    return parse_source((REAL_PAGES / name).read_text(encoding="utf-8"), name)


@pytest.mark.parametrize(
    ("page", "title", "url", "published", "site"),
    [
        (WIKIPEDIA, "Mozilla", "https://en.wikipedia.org/wiki/Mozilla", None, "en.wikipedia.org"),
        (
            WIKIMEDIA_NEWS,
            "Access to Wikipedia restored in Turkey after more than two and a half years",
            "https://wikimediafoundation.org/news/2020/01/15/"
            "access-to-wikipedia-restored-in-turkey-after-more-than-two-and-a-half-years/",
            "2020-01-15",
            "Wikimedia Foundation",
        ),
        # No canonical link and no machine-stated date: the date is the byline's
        # ("Tuesday 15 October 2019 by Bradley M. Kuhn"), read from the text.
        (BLOG, "On Recent Controversial Events", None, "2019-10-15", None),
    ],
)
def test_real_page_metadata(
    page: str, title: str, url: str | None, published: str | None, site: str | None
) -> None:
    """The article's title (not the <title> with the site's name), its canonical URL and
    its publication date; a wiki's infobox date ("Founded: February 28, 1998") and
    "last modified" footer are no publication date."""
    doc = _page(page)
    assert doc.title == title
    assert doc.url == url
    assert (doc.published.iso() if doc.published else None) == published
    if site is not None:
        assert doc.site == site


def test_wikipedia_article_history() -> None:
    """The history's dated sentences are events; its reference list's "Retrieved" notes
    are not; undated quotes stay undated rather than taking an infobox date."""
    doc = _page(WIKIPEDIA)
    assert [e.title[:42] for e in events_on(doc, "1998-01-23")] == [
        "On January 23, 1998, Netscape made two ann"
    ]
    assert [e.title for e in events_on(doc, "2004-02-09")] == [
        "The current name, Firefox, was chosen on February 9, 2004."
    ]
    assert events_on(doc, "2012-07-16")[0].title.startswith("On July 16, 2012, Mitchell Baker")
    assert not [e for e in doc.events if e.title.startswith(("Retrieved", "Archived"))]
    eich = quote_with(doc, "not a complete solution")
    assert (eich.speaker, eich.date) == ("Brendan Eich", None)
    words = " ".join([e.summary for e in doc.events] + [q.text for q in doc.quotes])
    for furniture in ("Navigation menu", "last modified", "Jump to", "Privacy policy"):
        assert furniture not in words


def test_wikimedia_news_quote_and_ruling() -> None:
    """A news page: the spokesperson's quote takes the publication date, and the court
    ruling a sentence behind a footnote mark ("restored.* This") is its own event."""
    doc = _page(WIKIMEDIA_NEWS)
    maher = quote_with(doc, "reunited with the people of Turkey")
    assert maher.speaker == "Katherine Maher"
    # "..., Executive Director of the Wikimedia Foundation. "At Wikimedia ...": hers too.
    assert quote_with(doc, "At Wikimedia we are committed").speaker == "Katherine Maher"
    assert maher.date == PartialDate(2020, 1, 15, "day")
    assert [e.title[:48] for e in events_on(doc, "2019-12-26")] == [
        "This latest development follows a 26 December 20"
    ]


def test_blog_relative_date_counts_from_the_byline() -> None:
    """A relative date counts from the byline's date ("until two days ago" in a post of
    15 October 2019 is 13 October), and the author tag "Bradley M. Kuhn
    (http://ebb.org/bkuhn/)" gives the name alone."""
    doc = _page(BLOG)
    assert doc.author == "Bradley M Kuhn"
    assert events_on(doc, "2019-10-13")[0].title.startswith("I have been silent the last month")
    assert events_on(doc, "2019-03")


def test_real_pages_through_ingest(tmp_path: Path) -> None:
    """Ingest of the three pages into a real store: each is a document with its title and
    link, and its events and quotes are stored under it."""
    texts = tmp_path / "texts"
    shutil.copytree(REAL_PAGES, texts, ignore=shutil.ignore_patterns("*.md"))
    conn = schema.connect(tmp_path / "content.sqlite3", schema.CONTENT_SCHEMA)
    try:
        report = writer.ingest_paths(conn, [texts], workers=1)
        rows = conn.execute(
            "SELECT d.path, d.title, d.url,"
            " (SELECT count(*) FROM events e WHERE e.document_id = d.id),"
            " (SELECT count(*) FROM quotes q WHERE q.document_id = d.id)"
            " FROM documents d"
        ).fetchall()
        speakers = {
            r[0]
            for r in conn.execute(
                "SELECT p.name FROM quotes q JOIN people p ON p.id = q.speaker_id"
            )
        }
    finally:
        conn.close()
    assert report.failed == []
    stored = {
        Path(path).name: (title, url, events, quotes) for path, title, url, events, quotes in rows
    }
    assert set(stored) == {WIKIPEDIA, WIKIMEDIA_NEWS, BLOG}
    assert stored[WIKIPEDIA][:2] == ("Mozilla", "https://en.wikipedia.org/wiki/Mozilla")
    assert all(events > 0 for _, _, events, _ in stored.values())
    assert stored[WIKIMEDIA_NEWS][3] > 0
    assert {"Katherine Maher", "Brendan Eich"} <= speakers
