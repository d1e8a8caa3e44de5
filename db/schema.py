"""Open SQLite files with the right pragmas and bring their schema up to date.

Each .sql file is a list of migrations headed `-- migration N`; PRAGMA
user_version records the last one applied, so opening an old file upgrades it
and opening a current one does nothing.
"""

from __future__ import annotations

import re
import sqlite3
from importlib import resources
from pathlib import Path

CONTENT_SCHEMA = "schema.sql"
STATE_SCHEMA = "state.sql"

_MIGRATION_HEADER = re.compile(r"^-- migration (\d+)\s*$", re.MULTILINE)


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
    """A connection with WAL, foreign keys and the schema applied."""
    if str(path) != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        configure(conn)
        migrate(conn, schema_name)
    except sqlite3.DatabaseError as exc:
        conn.close()
        raise SchemaError(f"{path}: {exc}") from exc
    return conn


def configure(conn: sqlite3.Connection) -> None:
    """Pragmas every connection needs."""
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")


def migrate(conn: sqlite3.Connection, schema_name: str) -> None:
    """Apply every migration newer than the file's user_version, each atomically."""
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    latest = latest_version(schema_name)
    if current > latest:
        raise SchemaError(f"schema version {current} is newer than this Almanac ({latest})")
    for number, script in migrations(schema_name):
        if number <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
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
