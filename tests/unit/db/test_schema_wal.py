"""Processes that open one new store at the same moment all get it, in WAL.

Switching a new file to WAL takes its lock; SQLite answers "database is locked" at once
to the others instead of waiting, which once failed the daily-post race test.
"""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

from db import schema

OPENERS = 4
ROUNDS = 25


def _open(path: str, start: multiprocessing.synchronize.Barrier) -> None:
    start.wait()
    schema.connect(path, schema.STATE_SCHEMA).close()


def test_processes_opening_a_new_store_at_once_all_succeed(tmp_path: Path) -> None:
    """ROUNDS new files, each opened by OPENERS processes let go together: every
    process exits cleanly and every file is in WAL (before the retry, about one
    opener in sixteen failed)."""
    context = multiprocessing.get_context("fork")
    for round_ in range(ROUNDS):
        path = str(tmp_path / f"state-{round_}.sqlite3")
        start = context.Barrier(OPENERS)
        openers = [context.Process(target=_open, args=(path, start)) for _ in range(OPENERS)]
        for opener in openers:
            opener.start()
        for opener in openers:
            opener.join(timeout=30)
        assert [opener.exitcode for opener in openers] == [0] * OPENERS
        with sqlite3.connect(path) as conn:
            assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
