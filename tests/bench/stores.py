"""Build large content stores by writing generated records through db.write.rows.insert_document.

Parsing 100+ MB of text into 10^6 rows would not fit the benchmark's time budget,
so the big stores skip the extractor; the writer, schema and FTS are the real ones.
Records are generated in a worker process while this process writes.
"""

from __future__ import annotations

import sqlite3
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from db import schema
from db.write.rows import insert_document, optimize_search_after
from tests.bench.records import GeneratedDocument, generated_document, people_for

PER_DOCUMENT = 100
DOCUMENTS_PER_TRANSACTION = 200


@dataclass(frozen=True, slots=True)
class BuiltStore:
    """A store file and how it was made."""

    path: Path
    events: int
    quotes: int
    documents: int
    seconds: float
    bytes: int


def _document(seed: int, events: int, quotes: int, count: int, index: int) -> GeneratedDocument:
    e = events * (index + 1) // count - events * index // count
    q = quotes * (index + 1) // count - quotes * index // count
    return generated_document(seed, index, e, q, people_for(events))


def build_store(path: Path, events: int, quotes: int, seed: int) -> BuiltStore:
    """A fresh content store at path holding exactly `events` events and `quotes` quotes."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    count = max(1, -(-max(events, quotes) // PER_DOCUMENT))
    started = time.perf_counter()
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        make = partial(_document, seed, events, quotes, count)
        with ProcessPoolExecutor(max_workers=1) as pool:
            batch: list[GeneratedDocument] = []
            for generated in pool.map(make, range(count), chunksize=16):
                batch.append(generated)
                if len(batch) >= DOCUMENTS_PER_TRANSACTION:
                    _write(conn, batch)
                    batch = []
            _write(conn, batch)
        optimize_search_after(conn, events + quotes)  # as the writer does after a first load
        conn.execute("PRAGMA optimize")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    seconds = time.perf_counter() - started
    return BuiltStore(path, events, quotes, count, seconds, path.stat().st_size)


def _write(conn: sqlite3.Connection, batch: list[GeneratedDocument]) -> None:
    if not batch:
        return
    conn.execute("BEGIN IMMEDIATE")
    for generated in batch:
        insert_document(conn, generated.key, generated.sha256, generated.size, generated.document)
    conn.execute("COMMIT")
