"""Sources as people keep them: front matter, Markdown and saved web pages, and the
publication date their metadata gives (invented texts and pages, written for these tests)."""

from __future__ import annotations

import pytest

from db.ingest import SourceError, parse_source
from db.ingest.front_matter import publication_date, split_front_matter
from db.ingest.markdown import inline_text, markdown_text
from db.records import PartialDate
from tests.paths import TEST_PAGES
from tests.unit.db.ingest.helpers import events_on, quote_with

PAGES = TEST_PAGES

# -- front matter ---------------------------------------------------------------------

FRONT = """---
title: "The Kettle Valley letters: a history"
url: https://notes.example.net/kettle-valley
date: 2021-11-07
author: Hal Ostrander
layout: post
tags:
  - railways
---
Kettle notes

On October 14 the first mail train reached Upper Kettle, the station master said.
"""


def test_front_matter_is_read_and_blanked_out() -> None:
    """The four keys are read (a quoted value may hold a colon), other keys passed over,
    and the block's lines stay as blank lines so line numbers keep matching the file."""
    body, meta = split_front_matter(FRONT)
    assert meta.title == "The Kettle Valley letters: a history"
    assert meta.url == "https://notes.example.net/kettle-valley"
    assert meta.published == PartialDate(2021, 11, 7, "day")
    assert meta.author == "Hal Ostrander"
    assert meta.warnings == []
    assert body.count("\n") == FRONT.count("\n")
    assert body.lstrip("\n").startswith("Kettle notes")


def test_front_matter_gives_title_and_anchors_dates() -> None:
    """The block's title is the document's, and its date anchors a month-day."""
    doc = parse_source(FRONT, "kettle.txt")
    assert doc.title == "The Kettle Valley letters: a history"
    assert (doc.url, doc.author) == ("https://notes.example.net/kettle-valley", "Hal Ostrander")
    assert events_on(doc, "2021-10-14")


@pytest.mark.parametrize(
    ("block", "warning"),
    [
        ("title: A\nthis line is wrong\n", "front matter ignored: line 3 is not 'key: value'"),
        ("title: A\ntitle: B\n", "front matter ignored: 'title' is given twice (line 3)"),
        (
            "title: A\ndate: last spring\n",
            "front matter: date 'last spring' is not a full date (write 2019-04-12); ignored",
        ),
        (
            "url: www.example.org\n",
            "front matter: url 'www.example.org' is not an http(s) link; ignored",
        ),
    ],
)
def test_a_malformed_block_is_a_warning(block: str, warning: str) -> None:
    """A block that cannot be read is one warning, never an error; the text is still read."""
    text = f"---\n{block}---\nOn June 16, 2001 the leaders met in Ljubljana.\n"
    doc = parse_source(text, "notes.txt")
    assert warning in doc.warnings
    assert events_on(doc, "2001-06-16")
    assert "---" not in " ".join(e.title for e in doc.events)


def test_no_closing_fence_is_no_front_matter() -> None:
    """A text opening with a rule and no closing one within reach is left as it is."""
    text = "---\ntitle: nothing closes this\n" + "More text.\n" * 50
    assert split_front_matter(text) == (text, split_front_matter("")[1])


@pytest.mark.parametrize(
    ("value", "iso"),
    [
        ("2019-04-12", "2019-04-12"),
        ("2019-04-12T08:30:00+00:00", "2019-04-12"),
        ("12 April 2019", "2019-04-12"),
        ("April 12, 2019", "2019-04-12"),
        ("2019-02-30", None),
        ("April 2019", None),
        ("sometime", None),
    ],
)
def test_publication_date_forms(value: str, iso: str | None) -> None:
    """A full date in ISO form or as texts write it; anything less is no date."""
    found = publication_date(value)
    assert (found.iso() if found else None) == iso


# -- Markdown -------------------------------------------------------------------------

MARKDOWN = """# A railway that ran on letters

The **Kettle Valley** line was built to carry [mail](https://example.net/mail "Mail"), not *people*.

## May 2, 1898

Work on the line begins at `Kettle Crossing`. The engineer, Agnes Whitcombe, wrote: \
"The grade at the _third bridge_ is too steep for a **loaded** train."

## October 14, 1899

The first mail train reaches Upper Kettle. ![A train](train.jpg)

```python
print("not a quote from anyone, Jo Smith said")
```

> "We carried every [letter](https://example.net) this valley wrote," said station master
> Elias Fenn.

1. On March 3, 1911 a snow slide closes the *third* bridge.
2. A list item with snake_case_name and 5 * 3.
"""


def test_markdown_headings_are_sections() -> None:
    """A dated heading heads its section: the text under it takes its date."""
    doc = parse_source(MARKDOWN, "letters.md")
    assert doc.title == "A railway that ran on letters"
    assert [e.title for e in events_on(doc, "1898-05-02")] == [
        "Work on the line begins at Kettle Crossing."
    ]
    assert quote_with(doc, "third bridge").date == PartialDate(1898, 5, 2, "day")
    assert quote_with(doc, "every letter").date == PartialDate(1899, 10, 14, "day")


def test_markdown_markup_does_not_leak() -> None:
    """Emphasis, links, images, code and list marks are gone from quotes and events;
    code is nobody's words."""
    doc = parse_source(MARKDOWN, "letters.md")
    words = [q.text for q in doc.quotes] + [e.title for e in doc.events]
    words += [e.summary for e in doc.events]
    for mark in ("**", "_third", "](", "![", "`", "http", "1. "):
        assert not [w for w in words if mark in w], mark
    assert quote_with(doc, "third bridge").text == (
        "The grade at the third bridge is too steep for a loaded train."
    )
    assert quote_with(doc, "every letter").speaker == "Elias Fenn"
    assert not [q for q in doc.quotes if "not a quote" in q.text]
    assert [e.title for e in events_on(doc, "1911-03-03")] == [
        "On March 3, 1911 a snow slide closes the third bridge."
    ]


def test_markdown_keeps_one_line_per_line() -> None:
    """Line numbers in warnings are the file's."""
    assert markdown_text(MARKDOWN)[0].count("\n") == MARKDOWN.count("\n")
    doc = parse_source("# Notes\n\n```\ncode\n```\n\nOn February 30, 2001 nothing.\n", "n.md")
    assert "impossible date 'February 30, 2001' at line 7" in doc.warnings


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("**bold** and __strong__ and *em* and _em_", "bold and strong and em and em"),
        ("snake_case_name, 5 * 3 and 2*3", "snake_case_name, 5 * 3 and 2*3"),
        (
            "[a link](http://x.org) and [ref][1] and <https://y.org>",
            "a link and ref and https://y.org",
        ),
        ("~~struck~~ and \\*escaped\\* and <span>tag</span>", "struck and *escaped* and tag"),
        ("a note[^1] and a mark<sup>[2]</sup>.", "a note and a mark."),
        ("[" * 5000 + "x", "[" * 5000 + "x"),
    ],
)
def test_inline_markup(line: str, words: str) -> None:
    """Inline marks go, the words (and text that only looks like markup) stay."""
    assert inline_text(line) == words


# -- saved web pages ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("page", "title", "url", "published", "author", "site"),
    [
        (
            "news_site.html",
            "Harbour museum reopens its whaling gallery",
            "https://courier.example.org/culture/2019/04/harbour-museum-reopens",
            "2019-04-12",
            "Maren Ellis",
            "The Coastline Courier",
        ),
        (
            "blog_post.html",
            "A railway that ran on letters",
            "https://signalbox.example.net/2021/11/a-railway-that-ran-on-letters/",
            "2021-11-07",
            "Hal Ostrander",
            "signalbox.example.net",
        ),
        (
            "wiki_page.html",
            "Tollan Observatory",
            "https://wiki.example.com/wiki/Tollan_Observatory",
            None,  # only a "last edited" date in its footer: no publication date
            None,
            "OpenHistory Wiki",
        ),
    ],
)
def test_page_metadata(
    page: str, title: str, url: str, published: str | None, author: str | None, site: str
) -> None:
    """Title, canonical URL, publication date, author and site from the page's metadata,
    never from its <title> with the site's name or from page furniture."""
    doc = parse_source((PAGES / page).read_text(encoding="utf-8"), page)
    assert doc.title == title
    assert doc.url == url
    assert (doc.published.iso() if doc.published else None) == published
    assert doc.author == author
    assert doc.site == site


def test_news_page_dates_and_quotes() -> None:
    """The article's text, not its menus: the publication date anchors its dates."""
    doc = parse_source((PAGES / "news_site.html").read_text(encoding="utf-8"), "news_site.html")
    assert events_on(doc, "2019-04-11")  # "on Thursday", the day before it was published
    assert events_on(doc, "2019-01-19")
    assert events_on(doc, "2019-03-03")
    assert quote_with(doc, "logbook").speaker == "Ida Brennholt"
    words = " ".join([e.summary for e in doc.events] + [q.text for q in doc.quotes])
    for furniture in ("Subscribe", "Most read", "Ferry timetable", "All rights", "Photo:"):
        assert furniture not in words


def test_blog_page_headings_and_list() -> None:
    """A blog post's timeline list and quotes; its comments are left out."""
    doc = parse_source((PAGES / "blog_post.html").read_text(encoding="utf-8"), "blog_post.html")
    assert [e.title for e in events_on(doc, "1899-10-14")] == [
        "The first mail train reaches Upper Kettle."
    ]
    assert events_on(doc, "1934-08-01")
    assert quote_with(doc, "every letter").speaker == "Elias Fenn"
    assert not [q for q in doc.quotes if "Best job" in q.text]


def test_wiki_page_timeline_without_edit_links_or_notes() -> None:
    """A wiki's "[edit]" links and note numbers do not reach the quotes."""
    doc = parse_source((PAGES / "wiki_page.html").read_text(encoding="utf-8"), "wiki_page.html")
    assert events_on(doc, "1890-06-21")
    assert events_on(doc, "1887")
    quote = quote_with(doc, "looks up")
    assert quote.text == "A town that looks up will never be small."
    assert quote.speaker == "Rosa Achterberg"
    assert quote.date is None


@pytest.mark.parametrize(
    "html",
    [
        (PAGES / "no_article.html").read_text(encoding="utf-8"),
        "<html><head><title>Empty</title></head><body></body></html>",
        "not html at all",
    ],
)
def test_a_page_without_article_text_is_refused(html: str) -> None:
    """One clear reason, so nothing is stored."""
    with pytest.raises(SourceError, match="no article text found in the page"):
        parse_source(html, "page.html")


@pytest.mark.parametrize(
    ("given", "author"),
    [
        ("Hal Ostrander (https://notes.example.net/hal/)", "Hal Ostrander"),
        ("Hal Ostrander, https://notes.example.net", "Hal Ostrander"),
        ("Hal Ostrander and Mara Quill", "Hal Ostrander; Mara Quill"),
    ],
)
def test_a_link_given_with_the_author_is_no_author(given: str, author: str) -> None:
    """'Name (https://site/path)' in a page's author tag cites the name, not the link's
    pieces as further authors."""
    words = "The harbour museum reopened its whaling gallery on Thursday after a repair. "
    page = (
        f'<html><head><title>Reopened</title><meta name="author" content="{given}">'
        f"</head><body><article><h1>Reopened</h1><p>{words * 4}</p></article></body></html>"
    )
    assert parse_source(page, "page.html").author == author
