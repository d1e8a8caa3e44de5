"""Real content stores for tests, written the way the writer writes them."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from db import schema
from db.records import ParsedDocument
from db.rows import insert_document


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
