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


class CorruptStoreError(sqlite3.DatabaseError):
    """quick_check found damage that did not stop the file from opening."""


def integrity_problems(conn: sqlite3.Connection, pragma: str = "quick_check") -> list[str]:
    """What quick_check (or integrity_check) reports; empty when the file is sound."""
    if pragma not in ("quick_check", "integrity_check"):
        raise ValueError(pragma)
    return [str(line) for (line,) in conn.execute(f"PRAGMA {pragma}") if line != "ok"]


def ensure_content(path: Path, seeds: Path) -> IngestReport | None:
    """Build the store from seeds when it has no documents; rebuild it when corrupt."""
    conn: sqlite3.Connection | None = None
    try:
        conn = schema.connect(path, schema.CONTENT_SCHEMA)
        empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0]
        problems = integrity_problems(conn)
        if problems:
            raise CorruptStoreError("; ".join(problems[:3]))
    except (schema.SchemaError, sqlite3.DatabaseError) as exc:
        if conn is not None:
            conn.close()
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
