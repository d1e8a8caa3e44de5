"""Every answer cites its source by title, with its link, publication date and author
where the source gives them: in the console text, the JSON and the Discord embeds. A
real store, ingested from the invented pages of tests/unit/pages by the real writer."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers.quote import find_quote
from bot.answers.requests import QuoteRequest, SourcesRequest, TimelineRequest
from bot.answers.sources import list_sources
from bot.answers.timeline import find_timeline
from bot.console.render import render_json, render_text
from bot.discord_bot.render import quote_embed, sources_embeds, timeline_embeds
from db import schema
from db.read.store import Store
from db.write.writer import ingest_paths
from tests.paths import TEST_PAGES

PAGES = TEST_PAGES
NEWS_URL = "https://courier.example.org/culture/2019/04/harbour-museum-reopens"
NEWS_CITE = (
    "Source: Harbour museum reopens its whaling gallery, by Maren Ellis, April 12, 2019"
    f" <{NEWS_URL}>"
)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    """A store of the news page, the blog post and a plain text with no metadata."""
    texts = tmp_path / "texts"
    texts.mkdir()
    shutil.copy(PAGES / "news_site.html", texts)
    shutil.copy(PAGES / "blog_post.html", texts)
    (texts / "plain.txt").write_text(
        "Harbour notes\n\nOn June 16, 2001 the harbour museum opened its doors.\n", "utf-8"
    )
    path = tmp_path / "content.sqlite3"
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        assert ingest_paths(conn, [texts], workers=1).ok
    finally:
        conn.close()
    async with await Store.open(path) as opened:
        yield opened


async def test_quote_cites_title_author_date_and_link(store: Store) -> None:
    """The console names the page by its title, author, date and URL; the JSON carries
    them; the embed links the speaker to the page and cites it in its footer."""
    answer = await find_quote(store, QuoteRequest("logbook"))
    assert answer.quote is not None
    assert NEWS_CITE in render_text(answer).splitlines()
    assert render_json(answer)["quote"]["source"] == {
        "title": "Harbour museum reopens its whaling gallery",
        "url": NEWS_URL,
        "published": "2019-04-12",
        "author": "Maren Ellis",
    }
    embed = quote_embed(answer)
    assert embed.url == NEWS_URL
    assert embed.footer.text is not None
    assert embed.footer.text.startswith(NEWS_CITE)


async def test_timeline_links_each_source(store: Store) -> None:
    """A page's events link to it; a text without a link keeps its file name."""
    answer = await find_timeline(store, TimelineRequest("museum"))
    text = render_text(answer)
    assert f"<{NEWS_URL}>" in text
    assert "Source: Harbour notes (plain.txt)" in text
    sources = next(f for f in timeline_embeds(answer)[0].fields if f.name == "Sources")
    assert sources.value is not None
    assert f"(<{NEWS_URL}>)" not in sources.value
    assert f"by Maren Ellis, April 12, 2019]({NEWS_URL})" in sources.value
    assert "Harbour notes (plain.txt)" in sources.value
    events = render_json(answer)["events"]
    assert {e["source"]["url"] for e in events} == {NEWS_URL, None}


async def test_sources_list_links_and_authors(store: Store) -> None:
    """/sources shows each document's author and link where known."""
    answer = await list_sources(store, SourcesRequest())
    text = render_text(answer)
    assert "by Hal Ostrander" in text
    assert "<https://signalbox.example.net/2021/11/a-railway-that-ran-on-letters/>" in text
    documents = {d["title"]: d for d in render_json(answer)["documents"]}
    assert documents["A railway that ran on letters"]["author"] == "Hal Ostrander"
    assert documents["Harbour notes"]["url"] is None
    description = sources_embeds(answer)[0].description or ""
    assert "](https://signalbox.example.net/2021/11/a-railway-that-ran-on-letters/)" in description
