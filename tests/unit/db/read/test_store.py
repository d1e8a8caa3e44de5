"""The content store: writer and read queries on real SQLite files."""

from __future__ import annotations

import io
import json
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from db import schema
from db.read.export import write_export
from db.read.onthisday import QUOTES_DAY_COUNT
from db.read.store import DOCUMENTS_PAGE, Store
from db.records import (
    EventRecord,
    ParsedDocument,
    PartialDate,
    PersonRecord,
    QuoteRecord,
    Span,
)
from db.write.rows import delete_document
from tests.stores import write_store

ADA = "Ada Novak"
BEN = "Ben Oduya"


def day(y: int, m: int, d: int) -> PartialDate:
    return PartialDate(y, m, d, "day")


def event(date: PartialDate, title: str, people: list[str]) -> EventRecord:
    return EventRecord(date, title, title + " (summary)", people, Span(0, 10))


def quote(
    speaker: str | None, text: str, date: PartialDate | None = None, fragment: bool = False
) -> QuoteRecord:
    return QuoteRecord(speaker, text, date, None, fragment, Span(0, len(text)))


def document(title: str = "Invented chronicle") -> ParsedDocument:
    return ParsedDocument(
        title=title,
        published=None,
        people=[
            PersonRecord(ADA, {"Novak", "the Valdorian premier"}),
            PersonRecord(BEN, {"Oduya", "Ben O."}),
        ],
        events=[
            event(day(1999, 3, 3), "Novak and Oduya meet in Lisbon", [ADA, BEN]),
            event(day(2004, 3, 3), "Treaty on fisheries signed", [ADA]),
            event(PartialDate(None, 3, 3, "month-day"), "Harbour festival", []),
            event(PartialDate(2010, None, None, "year"), "Census of the islands", [BEN]),
            event(day(2001, 7, 9), "Oduya visits the Valdorian capital", [BEN]),
        ],
        quotes=[
            quote(ADA, "The fisheries treaty is Valdoriaʼs promise to the sea.", day(2004, 3, 3)),
            quote(ADA, "We will not abandon the harbour towns.", day(1999, 3, 3)),
            quote(BEN, "The fisheries must be shared by every nation.", day(2001, 7, 9)),
            quote(None, "Nobody signs for the fishermen.", None),
            quote(None, "Fishermen first, fishermen always!", day(2004, 3, 3)),  # a banner
            quote(ADA, "betrayed", day(2004, 3, 3), fragment=True),
        ],
    )


@pytest.fixture
def content_path(tmp_path: Path) -> Path:
    """A content store file holding the invented document."""
    return write_store(tmp_path / "content.sqlite3", [("texts/chronicle.txt", document())])


@pytest.fixture
async def store(content_path: Path) -> AsyncIterator[Store]:
    """The read Store over that file, closed after the test."""
    opened = await Store.open(content_path)
    yield opened
    await opened.close()


def test_migrations_are_idempotent(tmp_path: Path) -> None:
    """Opening a store twice applies each migration once and records the version."""
    path = tmp_path / "s.sqlite3"
    for _ in range(2):
        conn = schema.connect(path, schema.CONTENT_SCHEMA)
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
        conn.close()
    assert version == schema.latest_version(schema.CONTENT_SCHEMA)
    assert mode == "wal"


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    """A store written by a newer Almanac is reported, not silently used."""
    path = tmp_path / "s.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    with pytest.raises(schema.SchemaError, match="newer"):
        schema.connect(path, schema.CONTENT_SCHEMA)


async def test_events_on_a_month_day_in_every_year(store: Store) -> None:
    """On-this-day finds both years and the month-day with unknown year, years first."""
    events = (await store.events_on_counted(3, 3)).items
    assert [e.date.iso() for e in events] == ["1999-03-03", "2004-03-03", "--03-03"]
    assert events[0].people == (ADA, BEN)
    assert events[0].source.path == "texts/chronicle.txt"


async def test_quotes_on_a_day_never_include_fragments(store: Store) -> None:
    """A scare-quote fragment and words nobody is named for are stored but not served."""
    page = await store.quotes_on_counted(3, 3)
    texts = [q.text for q in page.items]
    assert "betrayed" not in texts
    assert "Fishermen first, fishermen always!" not in texts
    assert len(texts) == 2
    assert page.total == 2


def test_a_days_served_quotes_are_counted_from_the_index_alone(content_path: Path) -> None:
    """/onthisday counts up to 1,000 of a day's served quotes: from the month-day index
    alone, never reading a quote's row to see whether it has a speaker (2.3 ms a day at
    10^6 quotes when it did)."""
    conn = sqlite3.connect(content_path)
    try:
        [(root,)] = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'quotes'")
        program = list(conn.execute("EXPLAIN " + QUOTES_DAY_COUNT, (3, 3, 1001)))
        [(count,)] = conn.execute(QUOTES_DAY_COUNT, (3, 3, 1001))
    finally:
        conn.close()
    table = {row[2] for row in program if row[1] == "OpenRead" and row[3] == root}
    assert table  # the plan has the table open (for the index's row ids), and yet:
    assert not [row for row in program if row[1] == "Column" and row[2] in table], program
    assert count == 2  # the unnamed speaker's banner and the fragment left out


async def test_quotes_of_unnamed_speakers_are_not_served_by_search(store: Store) -> None:
    """/quote never offers words the text gives to no one (a slogan on a banner)."""
    found = await store.search_quotes(["fishermen"])
    assert found == []
    assert [q.speaker for q in await store.search_quotes([])] == [ADA, ADA, BEN]


@pytest.mark.parametrize(
    ("topic", "speakers", "expected"),
    [
        (["fisheries"], [], 2),
        (["fisheries"], [BEN], 1),
        (["fishery"], [], 2),  # porter stemming
        (["valdoria's"], [], 1),  # U+02BC apostrophe in the text, ASCII in the query
        (["valdoria’s"], [], 1),  # U+2019 in the query
        ([], [ADA], 2),
        (["harbour"], [BEN], 0),
        (["betrayed"], [], 0),
        (['"', "NEAR(", "*"], [], 0),  # FTS syntax is quoted, never parsed
    ],
)
async def test_search_quotes(
    store: Store, topic: list[str], speakers: list[str], expected: int
) -> None:
    """Topic words AND together, speakers filter, apostrophes fold, syntax is inert."""
    assert len(await store.search_quotes(topic, speakers)) == expected


async def test_search_excludes_seen_quotes(store: Store) -> None:
    """The ids already shown are skipped, so 'another quote' moves on."""
    first = await store.search_quotes(["fisheries"], [])
    rest = await store.search_quotes(["fisheries"], [], exclude=[first[0].id])
    assert [q.id for q in rest] == [q.id for q in first[1:]]


async def test_speaker_aliases_resolve(store: Store) -> None:
    """Any alias or name word names the person; unknown words name nobody."""
    assert store.speakers_named("novak") == {ADA}
    assert store.speakers_named("ben o") == {BEN}
    assert store.speakers_named("Ada Novak") == {ADA}
    assert store.speakers_named("lisbon") == set()
    assert store.complete_speaker("od") == [BEN]


async def test_topic_completion_orders_by_use(store: Store) -> None:
    """Prefix completion offers the words most quotes use first, never fragments."""
    assert store.complete_topic("fish")[0] == "fisheries"
    assert "betrayed" not in store.complete_topic("be")


async def test_timeline_is_chronological_and_bounded(store: Store) -> None:
    """Only events with a year, in date order, within the bounds, with a total."""
    span = await store.timeline_span(limit=10)
    assert [e.date.iso() for e in span.events] == [
        "1999-03-03",
        "2001-07-09",
        "2004-03-03",
        "2010",
    ]
    assert (span.total, span.total_is_lower_bound) == (4, False)
    bounded = await store.timeline_span(start=20000000, end=20041231, limit=10)
    assert [e.date.iso() for e in bounded.events] == ["2001-07-09", "2004-03-03"]
    assert bounded.total == 2
    matched = await store.timeline_span(["treaty"], limit=10)
    assert [e.title for e in matched.events] == ["Treaty on fisheries signed"]


async def test_documents_count_what_they_hold(store: Store) -> None:
    """Sources report events and served quotes per document."""
    [doc] = await store.documents()
    assert (doc.title, doc.events, doc.quotes) == ("Invented chronicle", 5, 3)
    assert await store.document_count() == 1


async def test_documents_named_and_by_id(store: Store) -> None:
    """/sources remove finds a document by any part of its title or path, the LIKE
    wildcards typed being plain characters, and reads it back by id with its counts."""
    [(found, title, path)] = await store.documents_named("CHRONIC")
    assert (title, path) == ("Invented chronicle", "texts/chronicle.txt")
    assert await store.documents_named("texts/chron") == [(found, title, path)]
    assert await store.documents_named("%") == []
    assert await store.documents_named("_nvented") == []
    assert await store.documents_named("chronicle", limit=0) == []
    doc = await store.document(found)
    assert doc is not None
    assert (doc.title, doc.events, doc.quotes) == ("Invented chronicle", 5, 3)
    assert await store.document(found + 1) is None


def test_documents_page_walks_the_path_index(content_path: Path) -> None:
    """A /sources page reads the documents in path order from the path index: no sort
    of every document, no scan of a table for the counts."""
    conn = sqlite3.connect(content_path)
    try:
        plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + DOCUMENTS_PAGE, (10, 20))]
    finally:
        conn.close()
    assert plan[0] == "SCAN d USING INDEX sqlite_autoindex_documents_1", plan
    assert not [step for step in plan if "TEMP B-TREE" in step], plan
    assert all(step.startswith("SEARCH") for step in plan[1:] if "SUBQUERY" not in step), plan


def test_delete_document_removes_every_trace(content_path: Path) -> None:
    """Replacing a document leaves no rows, search entries or vocabulary behind."""
    conn = schema.connect(content_path, schema.CONTENT_SCHEMA)
    conn.execute("BEGIN")
    delete_document(conn, 1)
    conn.execute("COMMIT")
    for table in ("documents", "events", "quotes", "quotes_fts", "events_fts", "vocabulary"):
        assert conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0, table
    conn.close()


def test_export_shape(content_path: Path) -> None:
    """Export follows docs/DESIGN.md: ISO dates, month-day as --MM-DD, fragments flagged."""
    conn = schema.connect(content_path, schema.CONTENT_SCHEMA)
    out = io.StringIO()
    write_export(conn, out)
    conn.close()
    data = json.loads(out.getvalue())
    assert data["documents"] == [
        {"path": "texts/chronicle.txt", "title": "Invented chronicle", "published": None}
    ]
    assert {e["date"] for e in data["events"]} == {
        "1999-03-03",
        "2004-03-03",
        "--03-03",
        "2010",
        "2001-07-09",
    }
    fragment = next(q for q in data["quotes"] if q["text"] == "betrayed")
    assert fragment["fragment"] is True
    assert fragment["speaker"] == ADA
    unknown = next(q for q in data["quotes"] if q["speaker"] is None)
    assert unknown["date"] is None
