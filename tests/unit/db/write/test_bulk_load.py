"""A bulk load into an empty store defers six indexes; every open restores missing ones."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from db import schema
from db.write.writer import BULK_DEFERRED_INDEXES, ingest_paths
from tests.paths import PROJECT_SEEDS

SEEDS = PROJECT_SEEDS


def _indexes(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'index' AND sql NOT NULL")
        return {str(name) for (name,) in rows}
    finally:
        conn.close()


def _ingest(path: Path, sources: list[Path]) -> None:
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        report = ingest_paths(conn, sources, workers=1)
    finally:
        conn.close()
    assert not report.failed


def test_a_bulk_load_ends_with_every_index(tmp_path: Path) -> None:
    """The deferred indexes are rebuilt when the load ends, and the store is sound."""
    path = tmp_path / "content.sqlite3"
    _ingest(path, [SEEDS])
    assert set(BULK_DEFERRED_INDEXES) <= _indexes(path)
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()


def test_an_interrupted_load_gets_its_indexes_back_on_open(tmp_path: Path) -> None:
    """As if a bulk load was killed before its end: the next open builds what is missing,
    with the same definitions, and the rows are untouched."""
    path = tmp_path / "content.sqlite3"
    _ingest(path, [SEEDS])
    conn = sqlite3.connect(path)
    try:
        wanted = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
        rows = conn.execute("SELECT count(*) FROM events").fetchone()
        for name in BULK_DEFERRED_INDEXES:
            conn.execute(f"DROP INDEX {name}")
        conn.commit()
    finally:
        conn.close()
    assert not set(BULK_DEFERRED_INDEXES) & _indexes(path)
    schema.connect(path, schema.CONTENT_SCHEMA).close()
    conn = sqlite3.connect(path)
    try:
        got = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
        assert got == wanted
        assert conn.execute("SELECT count(*) FROM events").fetchone() == rows
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        conn.close()
