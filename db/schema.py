"""Open SQLite files with the right pragmas and bring their schema up to date; close
the stores built on them with `async with`.

Each .sql file is a list of migrations headed `-- migration N`; PRAGMA
user_version records the last one applied, so opening an old file upgrades it
and opening a current one does nothing. Opening also builds any index of the
file's version that it lacks: a bulk load (db/write/writer.py) leaves some out until
it ends, and may not get to the end.
"""

from __future__ import annotations

import logging
import re
import sqlite3
import time
from functools import cache
from importlib import resources
from pathlib import Path
from types import TracebackType
from typing import Self

CONTENT_SCHEMA = "schema.sql"
STATE_SCHEMA = "state/state.sql"  # the state store keeps its migrations in its own room

# How long a connection waits for another one's write lock before SQLite gives up
# ("database is locked"): ingest holds it only while it writes a batch (about a second).
BUSY_TIMEOUT_MS = 5000
_WAL_RETRY_S = 0.005  # between tries to switch a new file to WAL (_use_wal)

# A quote an answer may serve (db.records.QuoteRecord.served, in SQL): whole words by
# someone the text names. A quote of an unnamed speaker (a slogan, a sign) stays in the
# store but is never offered as one.
SERVED_QUOTE = "fragment = 0 AND speaker_id IS NOT NULL"

_MIGRATION_HEADER = re.compile(r"^-- migration (\d+)\s*$", re.MULTILINE)

log = logging.getLogger("almanac.store")


class SchemaError(Exception):
    """The file is not a store this version of Almanac can use."""


def migrations(schema_name: str) -> list[tuple[int, str]]:
    """The numbered migration scripts of one schema file, in order."""
    text = resources.files("db").joinpath(schema_name).read_text(encoding="utf-8")
    parts = _MIGRATION_HEADER.split(text)
    numbered = [(int(parts[i]), parts[i + 1]) for i in range(1, len(parts), 2)]
    return sorted(numbered)


def latest_version(schema_name: str) -> int:
    """The user_version a fully migrated file of this schema has."""
    return migrations(schema_name)[-1][0]


def connect(path: Path | str, schema_name: str) -> sqlite3.Connection:
    """A connection with WAL, foreign keys and the schema applied, every index present."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        configure(conn)
        # First: migrations expect their version's indexes. Not waiting: a writer holding
        # the lock is a bulk load that builds them itself when it ends.
        restore_indexes(conn, schema_name, wait=False)
        migrate(conn, schema_name)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise SchemaError(f"{path}: {exc}") from exc
    except SchemaError:
        conn.close()
        raise
    return conn


def configure(conn: sqlite3.Connection) -> None:
    """Pragmas every connection needs."""
    _use_wal(conn)
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch the file to WAL. When several processes open one new file at the same
    moment, SQLite answers "database is locked" at once to all but one of them rather
    than wait (its busy handler is not called where waiting could deadlock), so the
    switch is tried again, for BUSY_TIMEOUT_MS at most, as a busy wait would."""
    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(_WAL_RETRY_S)


def migrate(conn: sqlite3.Connection, schema_name: str, upto: int | None = None) -> None:
    """Apply every migration newer than the file's user_version (up to upto), each atomically."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    latest = latest_version(schema_name)
    if current > latest:
        raise SchemaError(f"schema version {current} is newer than this Almanac ({latest})")
    for number, script in migrations(schema_name):
        if number <= current or (upto is not None and number > upto):
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            # Read again under the write lock: another process opening the same new file
            # at the same moment may have applied this migration while we waited.
            if conn.execute("PRAGMA user_version").fetchone()[0] < number:
                for statement in _statements(script):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number:d}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """Split a migration into statements (sqlite3.complete_statement knows quoting)."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        if not pending and line.lstrip().startswith("--"):
            continue
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements


@cache
def schema_indexes(schema_name: str, version: int) -> tuple[tuple[str, str], ...]:
    """Every index a file of this schema at this version has: (name, CREATE INDEX)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrate(conn, schema_name, upto=version)
        found = conn.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
        )
        return tuple(found.fetchall())
    finally:
        conn.close()


def restore_indexes(conn: sqlite3.Connection, schema_name: str, *, wait: bool = True) -> None:
    """Build the indexes of the file's schema version that it lacks, in one transaction.

    An interrupted bulk load leaves its rows whole but some indexes missing; the
    next open builds them. When that cannot be done now (another connection keeps
    the write lock past busy_timeout, or at all when not wait; a read-only file, a
    full disk) the next open tries again: the rows are complete either way, only
    slower to query.
    """
    if not _missing_indexes(conn, schema_name):
        return
    if not wait:
        conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for sql in _missing_indexes(conn, schema_name):  # again, now that the lock is ours
                conn.execute(sql)
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
    except sqlite3.OperationalError as exc:
        busy = "locked" in str(exc) or "busy" in str(exc)
        log.log(
            logging.INFO if busy and not wait else logging.WARNING,
            "the store's missing indexes are left for the next open: %s",
            exc,
        )
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS:d}")


def _missing_indexes(conn: sqlite3.Connection, schema_name: str) -> list[str]:
    """CREATE INDEX statements of the file's schema version that the file does not have."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if not 0 < version <= latest_version(schema_name):  # new, or newer than this code
        return []
    present = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    return [sql for name, sql in schema_indexes(schema_name, version) if name not in present]


class AsyncClosing:
    """Gives `async with` to a store with an async close(): one definition for both stores."""

    async def close(self) -> None:
        """Release what the object holds."""
        raise NotImplementedError

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.close()
