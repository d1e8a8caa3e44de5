"""Make sure a usable content store exists before anything reads it.

The content store is rebuildable from the source texts, but the file at its path
may hold more than the seeds (texts a user ingested) or may not be a content store
at all (a typo'd --db, the state store). So nothing here deletes a file: a missing
or empty store is built; an SQLite file that is damaged is moved aside and rebuilt;
anything else (not SQLite, another kind of store, a newer schema, locked, a folder,
no room or no permission) is refused with one line naming the file and the reason,
and left exactly as it was.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from db import schema
from db.write.writer import IngestReport, collect_sources, first_loader, ingest_paths

log = logging.getLogger("almanac.store")

_SQLITE_HEADER = b"SQLite format 3\x00"
# Tables every content store has had since its first migration.
_CONTENT_TABLES = frozenset(("documents", "events", "quotes"))
_STORE_FILES = ("", "-wal", "-shm", "-journal")


class CorruptStoreError(sqlite3.DatabaseError):
    """quick_check found damage that did not stop the file from opening."""


class StoreRefused(schema.SchemaError):
    """The file cannot serve as the content store; it was left exactly as it is."""


def integrity_problems(conn: sqlite3.Connection, pragma: str = "quick_check") -> list[str]:
    """What quick_check (or integrity_check) reports; empty when the file is sound."""
    if pragma not in ("quick_check", "integrity_check"):
        raise ValueError(pragma)
    return [str(line) for (line,) in conn.execute(f"PRAGMA {pragma}") if line != "ok"]


def source_folders(seeds: Path, texts: Path | None = None) -> list[Path]:
    """What the store is built from: the seeds, and the folder of texts added in chat
    (db.write.curation) once it holds one."""
    if texts is None or not texts.is_dir() or not collect_sources([texts])[0]:
        return [seeds]
    return [seeds, texts]


def ensure_content(
    path: Path, seeds: Path, *, check: bool = False, texts: Path | None = None
) -> IngestReport | None:
    """Build the store from seeds (and the added texts) when it has no documents; move a
    damaged one aside and rebuild it; refuse (StoreRefused) a file that is not a usable
    content store.

    check: quick-check the store even if nothing was written since its last check (a
    query just met damage).
    """
    _refuse_foreign(path)
    try:
        conn = _open_checked(path, check)
    except CorruptStoreError as exc:
        aside = _move_aside(path)
        log.warning(
            "content store %s is damaged (%s); moved it to %s and rebuilding from %s",
            path, exc, aside, seeds,
        )  # fmt: skip
        conn = _open_or_refuse(path)
    try:
        empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0]
        if not empty:
            return None  # during a first load too: answers come from what is there
        loader = first_loader(conn)
        if loader is not None and loader != os.getpid() and _running(loader):
            raise StoreRefused(
                f"{path} is being built by another process (pid {loader}); "
                "try again when it has finished"
            )
        return ingest_paths(conn, source_folders(seeds, texts))
    except sqlite3.OperationalError as exc:
        raise StoreRefused(f"{path}: {_reason(exc)}") from exc
    finally:
        conn.close()


def _running(pid: int) -> bool:
    """Whether a process of this id runs here (so a first load it recorded is under way)."""
    if os.name == "nt":
        return True  # os.kill(pid, 0) would end it there; the record clears when it ends
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


@contextmanager
def writing(path: Path, *, create: bool) -> Iterator[sqlite3.Connection]:
    """The content store opened to change it (ingest, remove), closed afterwards.

    A file that is not a content store is refused as ensure_content refuses it; with
    create false a missing store is refused too (nothing to remove from). A store
    another process keeps busy past schema.BUSY_TIMEOUT_MS is refused in one line
    naming it; what was committed before stays.
    """
    _refuse_foreign(path)
    if not create and not path.exists():
        raise StoreRefused(f"{path}: there is no content store there")
    conn = _open_or_refuse(path)
    try:
        yield conn
    except sqlite3.OperationalError as exc:
        if _is_busy(exc):
            raise StoreRefused(f"{path}: {_reason(exc)}") from exc
        raise
    finally:
        conn.close()


def _refuse_foreign(path: Path) -> None:
    """Refuse a folder, a file that is not SQLite, and an SQLite file of another kind."""
    if path.is_dir():
        raise StoreRefused(f"{path} is a folder, not a content store file")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except (FileNotFoundError, NotADirectoryError):
        return  # nothing there yet: whether it can be made is found out by making it
    except OSError as exc:
        raise StoreRefused(f"{path}: cannot read it ({exc.strerror})") from exc
    if not header:
        return  # an empty file: nothing to lose, the store is built into it
    if header != _SQLITE_HEADER:
        raise StoreRefused(
            f"{path} is not an Almanac content store (not an SQLite file); left as it is"
        )
    tables, version = _tables(path)
    latest = schema.latest_version(schema.CONTENT_SCHEMA)
    if version > latest:
        raise StoreRefused(
            f"{path} was written by a newer Almanac (schema {version}, this one knows "
            f"{latest}); left as it is"
        )
    if tables and not tables >= _CONTENT_TABLES:
        listed = ", ".join(sorted(tables)[:4])
        raise StoreRefused(
            f"{path} is an SQLite file of another kind (tables {listed}), not an Almanac "
            "content store; left as it is"
        )


def _tables(path: Path) -> tuple[set[str], int]:
    """The tables and schema version of an SQLite file, read without writing; nothing
    when they cannot be read (damage is judged when the file is opened for real)."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error:
        return set(), 0
    try:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        return {str(name) for (name,) in rows}, version
    except sqlite3.DatabaseError as exc:
        if _is_busy(exc):
            raise StoreRefused(f"{path}: {_reason(exc)}") from exc
        return set(), 0
    finally:
        conn.close()


def _open_checked(path: Path, check: bool) -> sqlite3.Connection:
    """The store opened and migrated, quick-checked when it was written since its last
    check or its file suggests damage; CorruptStoreError when damaged.

    quick_check reads every page (3.8-8.4 s at 10^6 rows), so a store is checked
    once after each ingest or remove, not on every read-only open.
    """
    suspect = check or _looks_truncated(path)
    conn = _open_or_refuse(path)
    try:
        writes, checked = conn.execute("SELECT writes, checked FROM store_state").fetchone()
        if writes == checked and not suspect:
            return conn
        problems = integrity_problems(conn)
    except sqlite3.DatabaseError as exc:
        conn.close()
        if _is_busy(exc):
            raise StoreRefused(f"{path}: {_reason(exc)}") from exc
        raise CorruptStoreError(str(exc)) from exc
    if problems:
        conn.close()
        raise CorruptStoreError("; ".join(problems[:3]))
    _note_checked(conn, int(writes))
    return conn


def _note_checked(conn: sqlite3.Connection, writes: int) -> None:
    """Record that the store was sound as of `writes`; a store busy with a writer keeps
    its old record (and is checked again next time) rather than wait for it."""
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        conn.execute("UPDATE store_state SET checked = max(checked, ?)", (writes,))
    except sqlite3.OperationalError as exc:
        if not _is_busy(exc):
            raise
    finally:
        conn.execute(f"PRAGMA busy_timeout = {schema.BUSY_TIMEOUT_MS:d}")


def _looks_truncated(path: Path) -> bool:
    """Whether the file is shorter than its header says (a cut copy, a full disk): a
    sign of damage that costs 100 bytes to read, where quick_check reads every page."""
    try:
        with path.open("rb") as handle:
            header = handle.read(100)
        size = path.stat().st_size
    except OSError:
        return False
    if len(header) < 100 or not header.startswith(_SQLITE_HEADER):
        return False
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    valid = header[24:28] == header[92:96]  # the page count is current (SQLite file format)
    return valid and size < pages * page_size


def _open_or_refuse(path: Path) -> sqlite3.Connection:
    """schema.connect, with damage told apart from every other reason it can fail."""
    existed = path.exists()
    try:
        return schema.connect(path, schema.CONTENT_SCHEMA)
    except schema.SchemaError as exc:
        cause = exc.__cause__
        if isinstance(cause, sqlite3.DatabaseError) and is_damage(cause):
            raise CorruptStoreError(str(cause)) from exc
        if not existed and path.exists() and path.stat().st_size == 0:
            path.unlink()  # the empty file this call made (a full disk), not the user's
        reason = _reason(cause) if isinstance(cause, sqlite3.Error) else str(exc)
        raise StoreRefused(f"{path}: {reason}") from exc
    except OSError as exc:
        raise StoreRefused(f"{path}: cannot create it ({exc.strerror})") from exc


def is_damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether SQLite's error says the file is damaged (not busy, full or read-only)."""
    message = str(exc).lower()
    return "malformed" in message or "not a database" in message or "corrupt" in message


def _is_busy(exc: sqlite3.Error) -> bool:
    message = str(exc).lower()
    return "locked" in message or "busy" in message


def _reason(exc: BaseException | None) -> str:
    """One line a user can act on, from SQLite's message."""
    if isinstance(exc, sqlite3.Error) and _is_busy(exc):
        waited = schema.BUSY_TIMEOUT_MS / 1000
        return f"locked by another process (waited {waited:g} s); try again when it has finished"
    message = str(exc).lower()
    if "full" in message:
        return "the disk is full"
    if "readonly" in message or "read-only" in message or "unable to open" in message:
        return "cannot write there (a read-only folder or file?)"
    return str(exc)


def _move_aside(path: Path) -> Path:
    """Rename the damaged store and its companions out of the way; nothing is deleted."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    for suffix in _STORE_FILES:
        source = Path(f"{path}{suffix}")
        if source.exists():
            source.rename(Path(f"{aside}{suffix}"))
    return aside
