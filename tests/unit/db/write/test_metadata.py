"""Ingest of pages, Markdown and front-matter texts into a real store: what each source
says about itself is stored with its document, and a refused page stores nothing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from db import schema
from db.write import writer
from tests.paths import TEST_PAGES

PAGES = TEST_PAGES
NOTES = """---
title: Kettle Valley notes
url: https://notes.example.net/kettle
date: 2021-11-07
author: Hal Ostrander
---
## May 2, 1898

Work on the *branch line* begins at Kettle Crossing.
"""


def _documents(conn: sqlite3.Connection) -> dict[str, tuple[object, ...]]:
    rows = conn.execute("SELECT path, title, url, published, author, site FROM documents")
    return {Path(r[0]).name: tuple(r[1:]) for r in rows}


def test_folder_of_pages_notes_and_texts(tmp_path: Path) -> None:
    """Every kind of source in a folder is taken; metadata lands in the documents table."""
    texts = tmp_path / "texts"
    texts.mkdir()
    for page in ("news_site.html", "wiki_page.html", "no_article.html"):
        shutil.copy(PAGES / page, texts / page)
    shutil.copy(PAGES / "blog_post.html", texts / "blog_post.HTM")
    (texts / "notes.md").write_text(NOTES, encoding="utf-8")
    (texts / "plain.txt").write_text("Plain notes\n\nOn June 16, 2001 they met.\n", "utf-8")
    (texts / "image.png").write_bytes(b"\x89PNG")
    conn = schema.connect(tmp_path / "content.sqlite3", schema.CONTENT_SCHEMA)
    try:
        report = writer.ingest_paths(conn, [texts], workers=1)
        documents = _documents(conn)
        events = conn.execute("SELECT title FROM events ORDER BY id").fetchall()
    finally:
        conn.close()
    failed = {Path(o.path).name: o.reason for o in report.failed}
    assert failed == {
        "no_article.html": "no article text found in the page (a menu, a form or an empty page?)"
    }
    assert documents["news_site.html"] == (
        "Harbour museum reopens its whaling gallery",
        "https://courier.example.org/culture/2019/04/harbour-museum-reopens",
        "2019-04-12",
        "Maren Ellis",
        "The Coastline Courier",
    )
    assert documents["blog_post.HTM"][0] == "A railway that ran on letters"
    assert documents["wiki_page.html"][1:4] == (
        "https://wiki.example.com/wiki/Tollan_Observatory",
        None,
        None,
    )
    assert documents["notes.md"] == (
        "Kettle Valley notes",
        "https://notes.example.net/kettle",
        "2021-11-07",
        "Hal Ostrander",
        None,
    )
    assert documents["plain.txt"] == ("Plain notes", None, None, None, None)
    assert "no_article.html" not in documents
    assert ("Work on the branch line begins at Kettle Crossing.",) in events


def test_a_store_of_the_previous_version_gains_the_columns(tmp_path: Path) -> None:
    """Migration 6 on an existing file: its documents stay, with nothing known of them."""
    path = tmp_path / "old.sqlite3"
    conn = sqlite3.connect(path, isolation_level=None)
    schema.configure(conn)
    schema.migrate(conn, schema.CONTENT_SCHEMA, upto=5)
    conn.execute(
        "INSERT INTO documents (path, title, sha256, published, bytes, ingested_at)"
        " VALUES ('/t/a.txt', 'A', 'x', '2001-06-16', 1, '2024-01-01')"
    )
    conn.close()
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        row = conn.execute("SELECT title, published, url, author, site FROM documents").fetchone()
    finally:
        conn.close()
    assert version == schema.latest_version(schema.CONTENT_SCHEMA)
    assert row == ("A", "2001-06-16", None, None, None)
