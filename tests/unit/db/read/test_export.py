"""`almanac export` streams: the same bytes as the whole-store JSON of before, written
a chunk of rows at a time (memory bounded at any store size)."""

from __future__ import annotations

import hashlib
import io
import json
import random
import sqlite3
from pathlib import Path

import pytest

from db import schema
from db.ingest import parse_document
from db.read import export as exporter
from tests.paths import PROJECT_SEEDS
from tests.stores import write_store
from tests.unit.db.write.test_crash_ingest import article

SEEDS = PROJECT_SEEDS
DOCUMENTS = 300
# sha256 of the export of generated_store() as the whole-store exporter wrote it
# (json.dump of one dict, indent=2, ensure_ascii=False, then a newline), before streaming.
BEFORE = "c72bc54f83195437891732047888f40c48e1bb65eddfa320a7c45c8dabc4fb85"


def generated_store(path: Path) -> Path:
    """300 invented articles and the seeds (curly quotes, accents), under fixed keys."""
    rng = random.Random(12)
    documents = [
        (f"/texts/doc_{n:03d}.txt", parse_document(article(rng, n, 1), f"doc_{n:03d}.txt"))
        for n in range(DOCUMENTS)
    ]
    for seed in sorted(SEEDS.glob("*.txt")):
        documents.append(
            (f"/seeds/{seed.name}", parse_document(seed.read_text(encoding="utf-8"), seed.name))
        )
    return write_store(path, documents)


def exported(conn: sqlite3.Connection) -> str:
    """What `almanac export` prints."""
    out = io.StringIO()
    exporter.write_export(conn, out)
    return out.getvalue()


def test_export_is_byte_for_byte_what_it_was(tmp_path: Path) -> None:
    """The streamed export of a generated store has the digest of the export before."""
    conn = schema.connect(generated_store(tmp_path / "gen.sqlite3"), schema.CONTENT_SCHEMA)
    text = exported(conn)
    conn.close()
    assert text == json.dumps(json.loads(text), ensure_ascii=False, indent=2) + "\n"
    assert len(json.loads(text)["events"]) > 600
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == BEFORE


def test_export_of_an_empty_store(tmp_path: Path) -> None:
    """No rows: the three empty lists, as json.dump writes them."""
    conn = schema.connect(tmp_path / "empty.sqlite3", schema.CONTENT_SCHEMA)
    text = exported(conn)
    conn.close()
    assert text == '{\n  "documents": [],\n  "events": [],\n  "quotes": []\n}\n'


class _Counting(sqlite3.Connection):
    """A real connection that counts the rows SQLite has handed to Python."""

    rows = 0


class _Output(io.StringIO):
    """Notes how many rows had been read when the first event reached the output."""

    def __init__(self, conn: _Counting) -> None:
        super().__init__()
        self.conn = conn
        self.read_at_first_event: int | None = None

    def write(self, text: str) -> int:
        if self.read_at_first_event is None and '"precision"' in text:
            self.read_at_first_event = self.conn.rows
        return super().write(text)


def test_export_writes_rows_as_it_reads_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The first events are written after at most one chunk of them was read, not after
    the whole store: export holds a chunk of rows at a time."""
    monkeypatch.setattr(exporter, "EXPORT_CHUNK", 50)
    path = generated_store(tmp_path / "gen.sqlite3")
    conn = sqlite3.connect(path, factory=_Counting)

    def counted(cursor: sqlite3.Cursor, row: tuple[object, ...]) -> tuple[object, ...]:
        conn.rows += 1
        return row

    conn.row_factory = counted
    out = _Output(conn)
    exporter.write_export(conn, out)
    events = len(json.loads(out.getvalue() + "\n")["events"])
    documents = len(json.loads(out.getvalue() + "\n")["documents"])
    conn.close()
    assert out.read_at_first_event is not None
    assert out.read_at_first_event <= documents + 50
    assert conn.rows >= documents + events  # every row was read in the end
