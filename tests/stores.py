"""Real content stores for tests, written the way the writer writes them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from db import schema
from db.records import EventRecord, ParsedDocument, PartialDate, Span
from db.write.rows import insert_document


def write_store(path: Path, documents: Iterable[tuple[str, ParsedDocument]]) -> Path:
    """A content store file holding (key, document) pairs, in one transaction."""
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        conn.execute("BEGIN")
        for key, document in documents:
            insert_document(conn, key, f"sha256-of-{key}", 10, document)
        conn.execute("COMMIT")
    finally:
        conn.close()
    return path


def many_documents(path: Path, count: int) -> Path:
    """A store of `count` one-event documents, texts/doc-001.txt upwards (for paging)."""

    def document(i: int) -> ParsedDocument:
        title = f"Council session {i}"
        event = EventRecord(PartialDate(2000 + i, 6, 1, "day"), title, f"{title}.", [], Span(0, 1))
        return ParsedDocument(f"Chronicle {i:03d}", None, [], [event], [])

    return write_store(path, ((f"texts/doc-{i:03d}.txt", document(i)) for i in range(1, count + 1)))
