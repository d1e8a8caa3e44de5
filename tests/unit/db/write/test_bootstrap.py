"""The content store is never deleted to recover: foreign files are refused as they are.

Each case is a file a user could point --db or ALMANAC_DB at by mistake, or a store
that a newer Almanac wrote; ensure_content must leave it byte for byte as it was and
say in one line what is wrong.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from db import schema
from db.state.sqlite import StateStore
from db.write import bootstrap as build
from db.write.bootstrap import StoreRefused, ensure_content
from db.write.writer import ingest_paths
from tests.paths import PROJECT_SEEDS

SEEDS = PROJECT_SEEDS


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _notes(folder: Path) -> Path:
    path = folder / "notes.txt"
    path.write_text("My notes on the harbour, kept for years.\n", encoding="utf-8")
    return path


async def _state(folder: Path) -> Path:
    path = folder / "state.sqlite3"
    async with await StateStore.open(path) as state:
        await state.set_guild_timezone(42, "Europe/Oslo")
    return path


def _newer(folder: Path) -> Path:
    path = folder / "newer.sqlite3"
    assert ensure_content(path, SEEDS) is not None
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 999")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def _other_sqlite(folder: Path) -> Path:
    path = folder / "photos.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, caption TEXT)")
    conn.execute("INSERT INTO photos (caption) VALUES ('the harbour at dawn')")
    conn.commit()
    conn.close()
    return path


@pytest.mark.parametrize(
    ("make", "reason"),
    [
        (_notes, "not an SQLite file"),
        (_newer, "newer Almanac"),
        (_other_sqlite, "another kind"),
    ],
    ids=["text-file", "newer-schema", "other-sqlite"],
)
def test_foreign_files_are_refused_untouched(
    tmp_path: Path, make: Callable[[Path], Path], reason: str
) -> None:
    """A text file, a store from a newer Almanac or another SQLite file: refused, intact."""
    path = make(tmp_path)
    before = _digest(path)
    with pytest.raises(StoreRefused, match=reason):
        ensure_content(path, SEEDS)
    assert _digest(path) == before
    assert not list(tmp_path.glob("*.damaged-*"))


async def test_state_store_is_refused_untouched(tmp_path: Path) -> None:
    """Pointing the content store at the state store keeps every server's settings."""
    path = await _state(tmp_path)
    with pytest.raises(StoreRefused, match="another kind"):
        ensure_content(path, SEEDS)
    async with await StateStore.open(path) as state:
        assert await state.guild_timezone(42) == "Europe/Oslo"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    """--db on a folder says so in one line."""
    with pytest.raises(StoreRefused, match="is a folder"):
        ensure_content(tmp_path, SEEDS)


def test_a_store_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    """A path under a file (no folder can be made there): one line, nothing touched."""
    notes = _notes(tmp_path)
    before = _digest(notes)
    with pytest.raises(StoreRefused, match="cannot create"):
        ensure_content(notes / "almanac.sqlite3", SEEDS)
    assert _digest(notes) == before


def test_a_sound_store_keeps_what_was_ingested(tmp_path: Path) -> None:
    """A healthy store with more than the seeds is opened as it is, documents and all."""
    path = tmp_path / "almanac.sqlite3"
    assert ensure_content(path, SEEDS) is not None
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    count = conn.execute("SELECT count(*) FROM documents").fetchone()[0]
    conn.close()
    assert ensure_content(path, SEEDS) is None
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == count
    conn.close()


def test_quick_check_runs_once_after_each_write_not_on_every_open(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full check reads every page (seconds at 10^6 rows): it runs on the first open
    after a build, an ingest or a remove, and read-only opens after that skip it."""
    checks: list[str] = []
    real = build.integrity_problems

    def counted(conn: sqlite3.Connection, pragma: str = "quick_check") -> list[str]:
        checks.append(pragma)
        return real(conn, pragma)

    monkeypatch.setattr(build, "integrity_problems", counted)
    path = tmp_path / "almanac.sqlite3"
    assert ensure_content(path, SEEDS) is not None  # the build
    checks.clear()
    opens = [ensure_content(path, SEEDS) for _ in range(3)]
    assert opens == [None, None, None]
    assert len(checks) == 1
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    assert ingest_paths(conn, [_notes(tmp_path)], workers=1).ok
    conn.close()
    assert ensure_content(path, SEEDS) is None
    assert ensure_content(path, SEEDS) is None
    assert len(checks) == 2


def test_a_store_cut_short_after_its_check_is_still_moved_aside(tmp_path: Path) -> None:
    """A file shorter than its header says is checked though nothing was written since
    its last check: the damaged file is moved aside, byte for byte, and rebuilt."""
    path = tmp_path / "almanac.sqlite3"
    assert ensure_content(path, SEEDS) is not None
    assert ensure_content(path, SEEDS) is None  # checked, sound
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    os.truncate(path, path.stat().st_size // 2)
    damaged = path.read_bytes()
    report = ensure_content(path, SEEDS)
    assert report is not None
    assert report.ok
    [aside] = tmp_path.glob("almanac.sqlite3.damaged-*[0-9]")
    assert aside.read_bytes() == damaged
