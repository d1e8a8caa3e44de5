"""Make sure a usable content store exists before anything reads it.

The content store is rebuildable from the source texts, so a missing, empty or
corrupt file is simply (re)built; server state lives in another file and is
never touched here.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from db import schema
from db.writer import IngestReport, ingest_paths

log = logging.getLogger("almanac.store")


def ensure_content(path: Path, seeds: Path) -> IngestReport | None:
    """Build the store from seeds when it has no documents; rebuild it when corrupt."""
    try:
        conn = schema.connect(path, schema.CONTENT_SCHEMA)
        empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0]
        conn.execute("PRAGMA quick_check").fetchone()
    except (schema.SchemaError, sqlite3.DatabaseError) as exc:
        log.warning("content store %s is unusable (%s); rebuilding it from %s", path, exc, seeds)
        _remove(path)
        conn = schema.connect(path, schema.CONTENT_SCHEMA)
        empty = True
    try:
        if not empty:
            return None
        return ingest_paths(conn, [seeds])
    finally:
        conn.close()


def _remove(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
