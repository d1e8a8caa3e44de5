"""Write parsed documents into the content store: a savepoint per document, a
transaction per batch of documents.

Ingest is idempotent by content hash: an unchanged file is skipped, an edited
file replaces its old rows, and a failure rolls its document back (to its
savepoint) so the store is never half-written. Committing after every document
cost a third of the writer's time, so ingest_paths commits a batch at a time
(BATCH_DOCUMENTS, BATCH_BYTES or BATCH_SECONDS, whichever comes first): a crash
loses at most the uncommitted batch, and every document in the store is always
either its old or its new version, completely.

There is one writer and it is the serial part of ingest, so it does as little as
it can: the parse workers also turn each document into row values (DocumentRows),
and a load into an empty store leaves the indexes on unordered keys out until
the end (BULK_DEFERRED_INDEXES), so time per MB stays flat as the store grows.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final, Literal

from db import schema
from db.ingest import SOURCE_SUFFIXES, SourceError, parse_source, read_source
from db.records import ParsedDocument
from db.schema import SERVED_QUOTE
from db.write.rows import (
    DocumentRows,
    PendingWrites,
    delete_document,
    document_rows,
    drop_orphan_people,
    insert_document,
    optimize_search_after,
    pack_rows,
    unpack_rows,
)

# The warning for a text that gave nothing an answer could use.
NOTHING_FOUND = (
    "no dated event and no quote with a named speaker found:"
    " Almanac reads news articles, dated timelines and transcripts"
)

Status = Literal["added", "replaced", "unchanged", "failed", "removed"]

# A batch is committed after this many written documents, bytes of text or seconds.
BATCH_DOCUMENTS = 64
BATCH_BYTES = 8 * 1024 * 1024
BATCH_SECONDS = 1.0
# ... or, when more, after as many documents as 1/BATCH_GROWTH of those already
# stored: a commit rewrites pages spread over b-trees that grow with the store
# (the sha256 index, event_days, vocabulary, the FTS segments to merge), so
# batches grow with it and commits cost each document the same at any size.
BATCH_GROWTH = 8


@dataclass(slots=True)
class FileOutcome:
    """What ingest did with one file, for the report and the exit status."""

    path: str
    status: Status
    reason: str | None = None
    events: int = 0
    quotes: int = 0
    people: int = 0
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class IngestReport:
    """Outcomes of one ingest run, in the order the files were given."""

    outcomes: list[FileOutcome] = field(default_factory=list)
    # Stored documents under the folders given whose files are gone (see documents_gone).
    gone: list[str] = field(default_factory=list)

    @property
    def failed(self) -> list[FileOutcome]:
        """The files that could not be ingested."""
        return [o for o in self.outcomes if o.status == "failed"]

    @property
    def ok(self) -> bool:
        """True when no file failed."""
        return not self.failed


@dataclass(slots=True)
class _Parsed:
    """A source read and parsed, ready for the single writer."""

    key: str
    sha256: str
    size: int
    document: ParsedDocument | DocumentRows | None
    error: str | None


def document_key(path: Path) -> str:
    """How a document is named in the store: its absolute path, whatever the working
    directory (an edited file ingested from elsewhere replaces itself)."""
    return path.resolve().as_posix()


def shown_path(key: str) -> str:
    """A document's path as a person reads it here: relative to the working directory
    when under it. Stores of the first versions used this as the key itself.

    It runs for every document written, so a key in the form document_key gives (an
    absolute path with no empty, "." or ".." part) is compared as a string, which is
    what Path.relative_to does for such a path, at a hundredth of its cost.
    """
    cwd = _working_directory()
    if os.sep == "/" and key.startswith("/") and not _UNUSUAL_PART.search(key):
        if key == cwd:
            return "."
        under = cwd if cwd.endswith("/") else f"{cwd}/"
        return key[len(under) :] if key.startswith(under) else key
    try:
        return Path(key).relative_to(cwd).as_posix()
    except ValueError:
        return key


# A part of a path that Path folds away ("a//b", "a/./b") or resolve() would ("a/../b"),
# or a trailing slash: a key with one is compared by pathlib, not as a string.
_UNUSUAL_PART: Final = re.compile(r"//|/\.\.?(?:/|$)|/$")
_RESOLVED_CWD: dict[str, str] = {}  # os.getcwd() -> resolved: see _working_directory


def _working_directory() -> str:
    """The working directory, resolved: once per directory, as resolve() reads every
    part of the path from the disk (shown_path runs for every document written)."""
    cwd = os.getcwd()
    resolved = _RESOLVED_CWD.get(cwd)
    if resolved is None:
        if len(_RESOLVED_CWD) >= 64:  # a long-lived process that moves around
            _RESOLVED_CWD.clear()
        resolved = _RESOLVED_CWD[cwd] = Path(cwd).resolve().as_posix()
    return resolved


def _legacy_key(key: str) -> str | None:
    """The key a store of the first versions gave the same file, if it differs: such a
    row is taken over (renamed) by the absolute key."""
    shown = shown_path(key)
    return shown if shown != key else None


def collect_sources(paths: Iterable[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Expand folders into their text files; name each path that holds none.

    A folder's hidden subfolders (`.git`, an editor's, the `.pending` and `.removed`
    texts of db.write.curation) hold no sources: what waits or was taken out is not
    ingested by a rebuild.
    """
    files: list[Path] = []
    problems: list[FileOutcome] = []
    for path in paths:
        if path.is_dir():
            found = sorted(
                p for p in path.rglob("*") if _is_source(p) and not _in_hidden_folder(p, path)
            )
            if not found:
                reason = f"folder has no text files ({', '.join(SOURCE_SUFFIXES)})"
                problems.append(FileOutcome(str(path), "failed", reason))
            files.extend(found)
        elif path.is_file():
            refused = _not_a_source(path)
            if refused is None:
                files.append(path)
            else:
                problems.append(FileOutcome(str(path), "failed", refused))
        else:
            problems.append(FileOutcome(str(path), "failed", "no such file or folder"))
    return files, problems


def _not_a_source(path: Path) -> str | None:
    """Why a file named on the command line is not ingested (the rule for a folder's)."""
    if path.name.startswith("."):
        return "hidden file (a name starting with '.'), not a text source"
    if path.suffix.lower() not in SOURCE_SUFFIXES:
        return f"not a text source ({', '.join(SOURCE_SUFFIXES)})"
    return None


def _in_hidden_folder(path: Path, folder: Path) -> bool:
    """Whether path lies in a hidden folder (a name starting with '.') under folder."""
    return any(part.startswith(".") for part in path.relative_to(folder).parts[:-1])


def _is_source(path: Path) -> bool:
    return (
        path.is_file() and path.suffix.lower() in SOURCE_SUFFIXES and not path.name.startswith(".")
    )


def parse_file(path: Path) -> _Parsed:
    """Read and parse one file into row values; never raises for a bad file, reports it."""
    key = document_key(path)
    try:
        text = read_source(path)
        parsed = parse_source(text, path.name)
    except SourceError as exc:
        return _Parsed(key, "", 0, None, str(exc))
    except OSError as exc:
        return _Parsed(key, "", 0, None, exc.strerror or str(exc))
    data = text.encode("utf-8")
    rows = document_rows(parsed)
    return _Parsed(key, hashlib.sha256(data).hexdigest(), len(data), rows, None)


def iter_parsed(files: Sequence[Path], workers: int = 1) -> Iterator[_Parsed]:
    """Parsed files in order, as soon as each is ready, so writing overlaps parsing."""
    if workers <= 1 or len(files) < 2:
        yield from (parse_file(f) for f in files)
        return
    chunk = max(1, min(16, len(files) // (workers * 8)))
    with ProcessPoolExecutor(max_workers=workers, initializer=_start_worker) as pool:
        for key, sha256, size, packed, error in pool.map(_parse_packed, files, chunksize=chunk):
            rows = None if packed is None else unpack_rows(packed)
            yield _Parsed(key, sha256, size, rows, error)


_Packed = tuple[str, str, int, bytes | None, str | None]


def _parse_packed(path: Path) -> _Packed:
    """parse_file() in a worker, its rows packed to send back (pack_rows: cheaper than pickle)."""
    parsed = parse_file(path)
    rows = parsed.document
    packed = pack_rows(rows) if isinstance(rows, DocumentRows) else None
    return parsed.key, parsed.sha256, parsed.size, packed, parsed.error


# Parse workers run this much nicer than the writer. With as many workers as
# cores, the writer is one process more than there are cores: at equal priority
# it gets a fair share only, falls behind, and finishes its backlog alone on one
# core after the workers are done. Ahead of them, it writes each file as it
# comes, the workers use the rest, and parsed files do not pile up in memory.
WORKER_NICENESS = 10
# A worker's young generation is collected after this many net allocations
# (CPython's default is 700). Parsing a document makes tens of thousands of
# short-lived objects, nearly all freed by reference counting alone, so the
# default threshold runs collections that find almost nothing.
WORKER_GC_YOUNG_THRESHOLD = 20_000


def _start_worker() -> None:
    """Prepare a parse worker: lower priority and a collector tuned for parsing."""
    if hasattr(os, "nice"):  # not on Windows
        os.nice(WORKER_NICENESS)
    gc.freeze()  # what a forked worker inherits is never garbage: never walk it
    _, older, oldest = gc.get_threshold()
    gc.set_threshold(WORKER_GC_YOUNG_THRESHOLD, older, oldest)


# Told after each file is parsed: (files done, files in all, bytes done, bytes in all).
Progress = Callable[[int, int, int, int], None]


def ingest_paths(
    conn: sqlite3.Connection,
    paths: Sequence[Path],
    *,
    workers: int | None = None,
    progress: Progress | None = None,
) -> IngestReport:
    """Ingest files and folders into the open content store."""
    files, problems = collect_sources(paths)
    count = workers if workers is not None else min(os.cpu_count() or 1, 4)
    parsed = iter_parsed(files, count)
    if progress is not None:
        parsed = _told(parsed, files, progress)
    report = write_batches(conn, parsed)
    report.outcomes[:0] = problems
    report.gone = documents_gone(conn, paths)
    return report


def _told(
    parsed: Iterator[_Parsed], files: Sequence[Path], progress: Progress
) -> Iterator[_Parsed]:
    """The parsed files, telling `progress` as each one comes (sizes known up front)."""
    sizes = [_size(f) for f in files]
    total = sum(sizes)
    done = 0
    for number, item in enumerate(parsed, start=1):
        done += sizes[number - 1] if number <= len(sizes) else 0
        progress(number, len(files), done, total)
        yield item


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:  # gone since it was listed: parse_file reports it
        return 0


def documents_gone(conn: sqlite3.Connection, paths: Sequence[Path]) -> list[str]:
    """Stored documents, under the folders (or at the paths) given, whose files no longer
    exist. Ingest only reports them: a file may be gone for a moment (an unmounted disk,
    a rename in progress), and removing its document is the user's call (remove_documents).
    """
    gone: list[str] = []
    for path in paths:
        if path.is_file():
            continue
        key = document_key(path)
        rows = conn.execute(
            "SELECT path FROM documents WHERE path = ? OR (path >= ? AND path < ?) ORDER BY path",
            (key, f"{key}/", f"{key}0"),  # '0' follows '/': every key under the folder
        )
        gone.extend(str(stored) for (stored,) in rows if not Path(stored).exists())
    return list(dict.fromkeys(gone))


@dataclass(slots=True)
class Removal:
    """What remove_documents did: the documents removed, or the paths it could not find."""

    removed: list[FileOutcome] = field(default_factory=list)
    unknown: list[str] = field(default_factory=list)


def stored_keys(path: Path) -> list[str]:
    """Every key a document for path may be stored under: its absolute key, the path as
    given (a key copied from a report) and a first-version key (relative to here)."""
    key = document_key(path)
    return list(dict.fromkeys([key, path.as_posix(), shown_path(key)]))


def remove_documents(conn: sqlite3.Connection, paths: Sequence[Path]) -> Removal:
    """Remove the documents of the paths given, all in one transaction, or none of them
    when any path is not in the store (a mistyped path must not leave half a removal)."""
    result = Removal()
    conn.execute("BEGIN IMMEDIATE")
    try:
        found: dict[int, str] = {}
        for path in paths:
            keys = stored_keys(path)
            marks = ", ".join("?" * len(keys))
            rows = conn.execute(f"SELECT id, path FROM documents WHERE path IN ({marks})", keys)
            matched = rows.fetchall()
            if not matched:
                result.unknown.append(str(path))
            found.update((int(row_id), str(key)) for row_id, key in matched)
        if result.unknown:
            conn.execute("ROLLBACK")
            return result
        for row_id, key in found.items():
            events, quotes = conn.execute(
                "SELECT (SELECT count(*) FROM events WHERE document_id = :d),"
                f" (SELECT count(*) FROM quotes WHERE document_id = :d AND {SERVED_QUOTE})",
                {"d": row_id},
            ).fetchone()
            delete_document(conn, row_id)
            result.removed.append(FileOutcome(key, "removed", events=events, quotes=quotes))
        drop_orphan_people(conn)
        note_write(conn)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return result


def write_batches(conn: sqlite3.Connection, parsed: Iterable[_Parsed]) -> IngestReport:
    """Write parsed files into the open content store, a batch per transaction.

    The write lock is taken only to write a batch that is ready, never while waiting
    for the parser, so another process can write (or a reader build missing indexes)
    between batches; a store that stays busy past schema.BUSY_TIMEOUT_MS raises
    sqlite3.OperationalError ("database is locked"), the batches before it committed.

    Into an empty store this is a bulk load (see _Batch): the indexes it leaves
    out are built before this returns, also when it raises (or, if the store is
    busy, by the next schema.connect).
    """
    report = IngestReport()
    batch = _Batch(conn, report.outcomes)
    first_load = _claim_first_load(conn)
    restore = _ingest_pragmas(conn)
    try:
        try:
            for item in parsed:
                batch.add(item)
            batch.commit()
        except BaseException:
            batch.abandon()
            raise
        finally:
            schema.restore_indexes(conn, schema.CONTENT_SCHEMA)
        drop_orphan_people(conn)
        written = (o for o in report.outcomes if o.status in ("added", "replaced"))
        optimize_search_after(conn, sum(o.events + o.quotes for o in written))
    finally:
        for name, value in restore.items():
            conn.execute(f"PRAGMA {name} = {value}")
        if first_load:
            _release_first_load(conn)
    return report


def first_loader(conn: sqlite3.Connection) -> int | None:
    """The process id of the first load under way in this store, if one is recorded."""
    row = conn.execute("SELECT loader FROM store_state").fetchone()
    return None if row is None or row[0] is None else int(row[0])


def note_write(conn: sqlite3.Connection) -> None:
    """Count a run that changes the store, so that its next open checks it (build.py)."""
    conn.execute("UPDATE store_state SET writes = writes + 1")


def _claim_first_load(conn: sqlite3.Connection) -> bool:
    """Note the run's writes; record this process as the store's first load when it
    holds no documents yet."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        note_write(conn)
        empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM documents)").fetchone()[0]
        if empty:
            conn.execute("UPDATE store_state SET loader = ?", (os.getpid(),))
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    return bool(empty)


def _release_first_load(conn: sqlite3.Connection) -> None:
    """Clear the first-load record; when the store is busy the record stays, and a
    reader sees that its process has ended (build.py)."""
    with contextlib.suppress(sqlite3.OperationalError):
        conn.execute("UPDATE store_state SET loader = NULL WHERE loader = ?", (os.getpid(),))


# For the ingest connection only, while ingesting: a bigger page cache (the
# indexes of a large store stay in memory), temporary b-trees in memory, and
# fewer WAL checkpoints. Durability is untouched: WAL and synchronous=NORMAL stay.
# Foreign keys are off: checking them cost the writer 7% (a parent lookup per
# row), and the writer's rows refer only to the document it has just inserted and
# to people it has just looked up; delete_document removes child rows itself
# instead of relying on ON DELETE CASCADE.
_INGEST_PRAGMAS = {
    "cache_size": -65536,
    "temp_store": 2,
    "wal_autocheckpoint": 8000,
    "foreign_keys": 0,
}


def _ingest_pragmas(conn: sqlite3.Connection) -> dict[str, int]:
    """Set _INGEST_PRAGMAS; the values they had, to restore afterwards."""
    restore = {}
    for name, value in _INGEST_PRAGMAS.items():
        restore[name] = int(conn.execute(f"PRAGMA {name}").fetchone()[0])
        conn.execute(f"PRAGMA {name} = {value:d}")
    return restore


# Secondary indexes on keys in no particular order (dates, speakers, people,
# names). Each batch adds rows all over them, and its commit writes every page it
# touched: with 64-document batches that reached 3 WAL pages per page of data at
# 30 MB and kept growing with the store. Loading an empty store, ingest leaves
# them out and builds each once at the end (sorted, in one pass).
BULK_DEFERRED_INDEXES = (
    "aliases_norm",
    "event_people_person",
    "events_month_day",
    "events_salience",
    "events_sort",
    "quotes_month_day",
    "quotes_speaker",
)


class _Batch:
    """Documents written in one transaction, each inside its own savepoint.

    Parsed documents wait in memory until the batch is full, and are then written
    and committed at once: the write lock is held for the writing only.

    Search rows and vocabulary counts of the batch's documents are gathered as
    they are written and stored once, just before the batch commits (PendingWrites).

    The run's first transaction drops BULK_DEFERRED_INDEXES when the store holds
    no documents yet (a bulk load); the caller restores them at the end. Nothing
    reads them meanwhile (the writer's lookups use other indexes), and rows stay
    whole and committed batch by batch: a crash leaves a store missing only
    indexes, which schema.connect builds on the next open.
    """

    def __init__(self, conn: sqlite3.Connection, outcomes: list[FileOutcome]) -> None:
        self._conn = conn
        self._outcomes = outcomes
        self._waiting: list[_Parsed] = []
        self._pending: list[FileOutcome] = []
        self._bytes = 0
        self._started = 0.0
        self._deferred = PendingWrites()
        self._first = True
        self._stored = 0  # documents in the store, as of the last commit

    def add(self, parsed: _Parsed) -> None:
        """Queue one parsed document; write and commit the batch once it is full."""
        if not self._waiting:
            self._started = time.monotonic()
        self._waiting.append(parsed)
        self._bytes += parsed.size
        if (
            len(self._waiting) >= max(BATCH_DOCUMENTS, self._stored // BATCH_GROWTH)
            or self._bytes >= BATCH_BYTES
            or time.monotonic() - self._started >= BATCH_SECONDS
        ):
            self.commit()

    def _write(self, parsed: _Parsed) -> None:
        """Write one document into the open transaction (opening one if need be)."""
        if not self._conn.in_transaction:
            self._begin()
        outcome = _write_document(self._conn, parsed, self._deferred)
        self._outcomes.append(outcome)
        if not self._conn.in_transaction:  # SQLite gave up the whole transaction
            self._fail_pending(outcome.reason or "the batch was rolled back")
        elif outcome.status in ("added", "replaced"):
            self._pending.append(outcome)

    def _begin(self) -> None:
        self._conn.execute("BEGIN IMMEDIATE")
        self._deferred = PendingWrites()
        if self._first:
            self._first = False
            self._stored = self._conn.execute("SELECT count(*) FROM documents").fetchone()[0]
            if not self._stored:
                for name in BULK_DEFERRED_INDEXES:
                    self._conn.execute(f"DROP INDEX IF EXISTS {name}")

    def commit(self) -> None:
        """Write the waiting documents and commit them; on failure they are reported failed."""
        waiting, self._waiting, self._bytes = self._waiting, [], 0
        for parsed in waiting:
            self._write(parsed)
        if self._conn.in_transaction:
            try:
                self._deferred.write(self._conn)
                self._conn.execute("COMMIT")
            except sqlite3.Error as exc:
                self.abandon()
                self._fail_pending(f"could not be stored: {exc}")
            else:
                self._stored += sum(o.status == "added" for o in self._pending)
        self._pending = []
        self._deferred = PendingWrites()

    def abandon(self) -> None:
        """Roll the open batch back (the store keeps what the last commit left)."""
        self._waiting, self._bytes = [], 0
        self._deferred = PendingWrites()
        if self._conn.in_transaction:
            self._conn.execute("ROLLBACK")

    def _fail_pending(self, reason: str) -> None:
        for outcome in self._pending:
            outcome.status = "failed"
            outcome.reason = reason
        self._pending = []
        self._deferred = PendingWrites()


def _write_document(
    conn: sqlite3.Connection, parsed: _Parsed, deferred: PendingWrites | None = None
) -> FileOutcome:
    """Replace or add one document inside a savepoint: on error it alone is undone.

    With deferred given, the document's search rows and vocabulary changes are
    added to it once the document is stored (the caller writes them before
    committing); without, they are written here.
    """
    if parsed.document is None:
        return FileOutcome(parsed.key, "failed", parsed.error)
    document = parsed.document
    existing: tuple[int, str] | None = None
    twin: tuple[int, str] | None = None
    for row_id, path, sha256 in conn.execute(
        "SELECT id, path, sha256 FROM documents WHERE path = ? OR sha256 = ?",
        (parsed.key, parsed.sha256),
    ):
        if path == parsed.key:
            existing = (row_id, sha256)
        elif twin is None or row_id < twin[0]:
            twin = (row_id, path)
    legacy = _legacy_key(parsed.key) if existing is None else None
    if legacy is not None:
        found = conn.execute(
            "SELECT id, sha256 FROM documents WHERE path = ?", (legacy,)
        ).fetchone()
        if found is not None:
            conn.execute("UPDATE documents SET path = ? WHERE id = ?", (parsed.key, found[0]))
            existing = (int(found[0]), str(found[1]))
            if twin is not None and twin[0] == existing[0]:
                twin = None  # the same row, under its old name
    if existing is not None and existing[1] == parsed.sha256:
        return _outcome(parsed.key, "unchanged", document)
    if twin is not None:
        return FileOutcome(parsed.key, "unchanged", f"same text as {twin[1]}")
    if existing is not None and deferred is not None:
        deferred.write_search(conn)  # the old version's search rows may be pending
    own = PendingWrites()
    conn.execute("SAVEPOINT document")
    try:
        if existing is not None:
            delete_document(conn, existing[0], own)
        known = deferred.people if deferred is not None else None
        insert_document(conn, parsed.key, parsed.sha256, parsed.size, document, own, known)
        if deferred is None:
            own.write(conn)
    except sqlite3.Error as exc:
        if conn.in_transaction:  # else SQLite already rolled everything back
            conn.execute("ROLLBACK TO document")
            conn.execute("RELEASE document")
        return FileOutcome(parsed.key, "failed", f"could not be stored: {exc}")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK TO document")
            conn.execute("RELEASE document")
        raise
    conn.execute("RELEASE document")
    if deferred is not None:
        deferred.merge(own)
    return _outcome(parsed.key, "added" if existing is None else "replaced", document)


def _outcome(key: str, status: Status, document: ParsedDocument | DocumentRows) -> FileOutcome:
    """The report of a stored document. Its quotes are those /quote and /sources serve
    (QuoteRecord.served): whole words by someone the text names."""
    if isinstance(document, DocumentRows):
        people = document.people
        served = len(document.quote_search)  # search rows are made for served quotes only
    else:
        people = len(document.people)
        served = sum(1 for q in document.quotes if q.served)
    warnings = list(document.warnings)
    if not document.events and not served:
        warnings.append(NOTHING_FOUND)
    return FileOutcome(
        key, status, events=len(document.events), quotes=served, people=people, warnings=warnings
    )
