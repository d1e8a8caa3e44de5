"""ingest_paths writes documents in batches, a savepoint per document: a failing
document rolls back alone, and a crash loses only the uncommitted batch."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db import schema
from db.write import rows, writer
from tests.paths import PROJECT_SEEDS

TEXT = "On June {d}, 2001, event number {i} took place in the harbour town of Valdor.\n"


def _corpus(folder: Path, count: int) -> list[Path]:
    folder.mkdir()
    files = []
    for i in range(count):
        path = folder / f"doc{i:02d}.txt"
        path.write_text(f"Document {i}\n\n" + TEXT.format(d=i % 28 + 1, i=i), encoding="utf-8")
        files.append(path)
    return files


def _documents(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [r[0] for r in conn.execute("SELECT path FROM documents ORDER BY path")]
    finally:
        conn.close()


def test_failing_document_rolls_back_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One document whose rows cannot be stored fails; the rest of its batch is stored."""
    files = _corpus(tmp_path / "texts", 6)
    original = rows.insert_document

    def flaky(conn: sqlite3.Connection, key: str, *args: object) -> int:
        document_id = original(conn, key, *args)  # type: ignore[arg-type]
        if key.endswith("doc03.txt"):
            raise sqlite3.IntegrityError("simulated")
        return document_id

    monkeypatch.setattr(writer, "insert_document", flaky)
    db = tmp_path / "content.sqlite3"
    conn = schema.connect(db, schema.CONTENT_SCHEMA)
    report = writer.ingest_paths(conn, files, workers=1)
    conn.close()
    assert [o.status for o in report.outcomes] == ["added"] * 3 + ["failed"] + ["added"] * 2
    stored = _documents(db)
    assert len(stored) == 5
    assert not any(p.endswith("doc03.txt") for p in stored)


def test_crash_keeps_committed_batches_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception mid-run loses only the open batch; every stored document is complete."""
    monkeypatch.setattr(writer, "BATCH_DOCUMENTS", 2)
    files = _corpus(tmp_path / "texts", 7)
    original = rows.insert_document

    def crashing(conn: sqlite3.Connection, key: str, *args: object) -> int:
        if key.endswith("doc05.txt"):
            raise KeyboardInterrupt
        return original(conn, key, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(writer, "insert_document", crashing)
    db = tmp_path / "content.sqlite3"
    conn = schema.connect(db, schema.CONTENT_SCHEMA)
    with pytest.raises(KeyboardInterrupt):
        writer.ingest_paths(conn, files, workers=1)
    assert not conn.in_transaction
    conn.close()
    stored = _documents(db)
    # batches of two: doc00+01 and doc02+03 committed; doc04 was in the open batch
    assert [Path(p).name for p in stored] == ["doc00.txt", "doc01.txt", "doc02.txt", "doc03.txt"]
    check = sqlite3.connect(db)
    try:
        orphans = check.execute(
            "SELECT count(*) FROM events WHERE document_id NOT IN (SELECT id FROM documents)"
        ).fetchone()[0]
        per_document = check.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS"
            " (SELECT 1 FROM events e WHERE e.document_id = d.id)"
        ).fetchone()[0]
    finally:
        check.close()
    assert orphans == 0
    assert per_document == 0


def test_rerun_after_crash_completes_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Ingesting again after a crash adds what was lost and leaves the rest unchanged."""
    monkeypatch.setattr(writer, "BATCH_DOCUMENTS", 2)
    files = _corpus(tmp_path / "texts", 5)
    db = tmp_path / "content.sqlite3"
    conn = schema.connect(db, schema.CONTENT_SCHEMA)
    original = rows.insert_document

    def crashing(conn: sqlite3.Connection, key: str, *args: object) -> int:
        if key.endswith("doc03.txt"):
            raise KeyboardInterrupt
        return original(conn, key, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(writer, "insert_document", crashing)
    with pytest.raises(KeyboardInterrupt):
        writer.ingest_paths(conn, files, workers=1)
    monkeypatch.setattr(writer, "insert_document", original)
    report = writer.ingest_paths(conn, files, workers=1)
    conn.close()
    assert [o.status for o in report.outcomes] == ["unchanged"] * 2 + ["added"] * 3
    assert len(_documents(db)) == 5


SEEDS = PROJECT_SEEDS
_CHILDREN = ("aliases", "events", "event_people", "quotes", "event_days", "event_years")


def _child_counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in _CHILDREN}


def test_replacing_leaves_no_orphans_and_foreign_keys_back_on(tmp_path: Path) -> None:
    """Ingest runs with foreign keys off: replacing a document still removes all its
    rows (delete_document deletes child rows itself), and foreign keys are on again
    afterwards, also after a failed run."""
    texts = tmp_path / "texts"
    texts.mkdir()
    for seed in sorted(SEEDS.iterdir()):
        (texts / seed.name).write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    replaced = tmp_path / "replaced.sqlite3"
    conn = schema.connect(replaced, schema.CONTENT_SCHEMA)
    assert not writer.ingest_paths(conn, [texts], workers=1).failed
    for path in texts.iterdir():  # an edit: the same rows, every one of them replaced
        path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    report = writer.ingest_paths(conn, [texts], workers=1)
    assert {o.status for o in report.outcomes} == {"replaced"}
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    after_replace = _child_counts(conn)
    conn.close()

    fresh = tmp_path / "fresh.sqlite3"
    conn = schema.connect(fresh, schema.CONTENT_SCHEMA)
    assert not writer.ingest_paths(conn, [texts], workers=1).failed
    assert _child_counts(conn) == after_replace
    assert all(after_replace[t] for t in ("aliases", "events", "event_people", "quotes"))
    conn.close()


def test_foreign_keys_back_on_after_a_crash(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An exception out of ingest leaves the connection with foreign keys on."""

    def crashing(*args: object) -> int:
        raise KeyboardInterrupt

    monkeypatch.setattr(writer, "insert_document", crashing)
    conn = schema.connect(tmp_path / "content.sqlite3", schema.CONTENT_SCHEMA)
    with pytest.raises(KeyboardInterrupt):
        writer.ingest_paths(conn, _corpus(tmp_path / "texts", 3), workers=1)
    assert conn.execute("PRAGMA foreign_keys").fetchone() == (1,)
    conn.close()


def _people_rows(path: Path) -> list[list[tuple[object, ...]]]:
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        return [
            conn.execute(sql).fetchall()
            for sql in (
                "SELECT id, name FROM people ORDER BY id",
                "SELECT person_id, alias, norm FROM aliases ORDER BY rowid",
                "SELECT speaker_id, text FROM quotes ORDER BY id",
                "SELECT event_id, person_id FROM event_people ORDER BY event_id, person_id",
            )
        ]
    finally:
        conn.close()


def test_people_of_a_failed_document_are_not_reused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """People a rolled-back document inserted are gone: a later document of the same
    batch naming them stores them again instead of using their rolled-back ids."""
    texts = tmp_path / "texts"
    texts.mkdir()
    first, second = sorted(SEEDS.iterdir())
    (texts / "a.txt").write_text(first.read_text(encoding="utf-8"), encoding="utf-8")
    (texts / "b.txt").write_text(first.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    (texts / "c.txt").write_text(second.read_text(encoding="utf-8"), encoding="utf-8")
    original = rows.insert_document

    def flaky(conn: sqlite3.Connection, key: str, *args: object) -> int:
        document_id = original(conn, key, *args)  # type: ignore[arg-type]
        if key.endswith("a.txt"):
            raise sqlite3.IntegrityError("simulated")
        return document_id

    monkeypatch.setattr(writer, "insert_document", flaky)
    failed = tmp_path / "failed.sqlite3"
    conn = schema.connect(failed, schema.CONTENT_SCHEMA)
    report = writer.ingest_paths(conn, sorted(texts.iterdir()), workers=1)
    conn.close()
    assert [o.status for o in report.outcomes] == ["failed", "added", "added"]
    monkeypatch.setattr(writer, "insert_document", original)
    clean = tmp_path / "clean.sqlite3"
    conn = schema.connect(clean, schema.CONTENT_SCHEMA)
    assert not writer.ingest_paths(conn, sorted(texts.iterdir())[1:], workers=1).failed
    conn.close()
    stored = _people_rows(failed)
    assert stored == _people_rows(clean)
    assert stored[0]
    assert stored[1]


def _quoted_corpus(folder: Path, count: int) -> list[Path]:
    """Texts each with an event and a served quote, so both search indexes fill."""
    files = _corpus(folder, count)
    for i, path in enumerate(files):
        quote = f'"The harbour of Valdor opened its gate number {i}," said Mara Quill.\n'
        path.write_text(path.read_text(encoding="utf-8") + "\n" + quote, encoding="utf-8")
    return files


def _segments(conn: sqlite3.Connection, table: str) -> int:
    """How many segments a full-text index holds (each has rows in its %_idx table)."""
    return int(conn.execute(f"SELECT count(DISTINCT segid) FROM {table}_idx").fetchone()[0])


def test_a_large_run_leaves_each_search_index_in_one_segment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A run that writes most of the store merges each full-text index into one segment;
    a small run after it leaves the merging to FTS5's automerge."""
    monkeypatch.setattr(writer, "BATCH_DOCUMENTS", 4)  # a commit, and a segment, per 4
    monkeypatch.setattr(writer, "BATCH_SECONDS", 1_000.0)
    files = _quoted_corpus(tmp_path / "texts", 40)
    conn = schema.connect(tmp_path / "content.sqlite3", schema.CONTENT_SCHEMA)
    try:
        writer.ingest_paths(conn, files[:36], workers=1)
        assert [_segments(conn, t) for t in rows.SEARCH_INDEXES] == [1, 1]
        writer.ingest_paths(conn, files[36:], workers=1)
        assert _segments(conn, "events_fts") == 2
        assert conn.execute("SELECT count(*) FROM events_fts").fetchone()[0] == 40
        found = conn.execute("SELECT count(*) FROM events_fts WHERE events_fts MATCH 'valdor'")
        assert found.fetchone()[0] == 40
    finally:
        conn.close()


def test_without_the_merge_a_batched_run_leaves_many_segments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What the merge is for: the same run, not merged, leaves a segment per commit."""
    monkeypatch.setattr(writer, "BATCH_DOCUMENTS", 4)
    monkeypatch.setattr(writer, "BATCH_SECONDS", 1_000.0)
    monkeypatch.setattr(writer, "optimize_search_after", lambda conn, written: False)
    files = _quoted_corpus(tmp_path / "texts", 36)
    conn = schema.connect(tmp_path / "content.sqlite3", schema.CONTENT_SCHEMA)
    try:
        writer.ingest_paths(conn, files, workers=1)
        assert _segments(conn, "events_fts") > 1
        assert _segments(conn, "quotes_fts") > 1
    finally:
        conn.close()


@pytest.mark.parametrize(
    "tail",
    ["", "/a.txt", "/sub/a.txt", "/.hidden/a.txt", "/a/./b.txt", "/a/../b.txt", "//a.txt", "/"],
)
def test_shown_path_reads_as_pathlib_does(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tail: str
) -> None:
    """shown_path compares a plain key as a string: it must answer as Path.relative_to."""
    here = tmp_path / "work"
    here.mkdir()
    monkeypatch.chdir(here)
    cwd = Path.cwd().resolve()
    for key in (f"{cwd.as_posix()}{tail}", f"{cwd.as_posix()}x{tail}", f"/elsewhere{tail}"):
        try:
            expected = Path(key).relative_to(cwd).as_posix()
        except ValueError:
            expected = key
        assert writer.shown_path(key) == expected, key
