"""db.write.curation: the files and store writes behind /sources add and remove, on
real files and a real SQLite store: nothing unconfirmed is stored or rebuilt from,
nothing of a user's is deleted, and every refusal leaves everything as it was."""

from __future__ import annotations

import os
import re
import sqlite3
import time
from pathlib import Path

import pytest

from db import schema
from db.write import curation
from db.write.bootstrap import ensure_content, source_folders
from db.write.curation import (
    MAX_ADDED_BYTES,
    PENDING,
    REMOVED,
    CurationError,
    NotPendingError,
)
from db.write.writer import collect_sources, ingest_paths

TEXT = """Harbour council votes

The harbour council met on 3 March 2011 to vote on the new pier.

"The pier will be rebuilt before winter," said Mayor Ilse Varga.
"""


@pytest.fixture
def store(tmp_path: Path) -> Path:
    """An empty content store file (migrated)."""
    path = tmp_path / "content.sqlite3"
    schema.connect(path, schema.CONTENT_SCHEMA).close()
    return path


def titles(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [str(t) for (t,) in conn.execute("SELECT title FROM documents ORDER BY title")]
    finally:
        conn.close()


def files_under(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


@pytest.mark.parametrize(
    ("given", "saved"),
    [
        ("harbour.md", "harbour.md"),
        ("../../etc/passwd.txt", "passwd.txt"),
        ("..\\evil.html", "evil.html"),
        (".env.txt", "env.txt"),
        ("a b;c.txt", "a_b_c.txt"),
        ("x" * 300 + ".htm", "x" * 96 + ".htm"),
        (".txt", "txt"),
    ],
)
def test_saved_name_is_a_plain_file_name(given: str, saved: str) -> None:
    """No folders, no leading dot, no odd characters, a bounded length."""
    assert curation.saved_name(given) == saved


@pytest.mark.parametrize(
    ("name", "size", "reason"),
    [
        ("notes.pdf", 10, "not a text source"),
        ("notes", 10, "not a text source"),
        ("page.url", 10, "that is a link"),
        ("big.txt", MAX_ADDED_BYTES + 1, "too large (2 MB; limit is 2 MB)"),
    ],
)
def test_check_upload_refuses_before_downloading(name: str, size: int, reason: str) -> None:
    with pytest.raises(CurationError, match=re.escape(reason)):
        curation.check_upload(name, size)


@pytest.mark.parametrize("name", ["a.txt", "a.TEXT", "a.md", "a.html", "a.HTM"])
def test_check_upload_takes_every_source_type(name: str) -> None:
    assert curation.check_upload(name, MAX_ADDED_BYTES) == name


def test_stage_then_confirm_stores_the_text_from_the_texts_folder(
    tmp_path: Path, store: Path
) -> None:
    """A staged text waits unstored and is left out of a folder's ingest; confirmed, it
    is in the texts folder and the store."""
    texts = tmp_path / "texts"
    staged = curation.stage(texts, "harbour.txt", TEXT.encode())
    assert staged.document.title == "Harbour council votes"
    assert staged.path == texts / PENDING / staged.digest / "harbour.txt"
    assert collect_sources([texts])[0] == []  # a rebuild leaves it out
    assert titles(store) == []

    outcome = curation.confirm(store, texts, staged.digest)
    assert (outcome.status, outcome.events, outcome.quotes) == ("added", 1, 1)
    assert files_under(texts) == ["harbour.txt"]
    assert titles(store) == ["Harbour council votes"]
    with pytest.raises(NotPendingError):
        curation.confirm(store, texts, staged.digest)


def test_confirm_never_overwrites_a_file_of_the_same_name(tmp_path: Path, store: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "harbour.txt").write_text("The user's own.\n", encoding="utf-8")
    staged = curation.stage(texts, "harbour.txt", TEXT.encode())
    outcome = curation.confirm(store, texts, staged.digest)
    assert Path(outcome.path).name == "harbour-2.txt"
    assert (texts / "harbour.txt").read_text(encoding="utf-8") == "The user's own.\n"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("latin.txt", "Café on 3 March 2011.".encode("latin-1"), "not UTF-8 text"),
        ("link.md", b"  <https://example.org/a-page>\n", "that is a link"),
        ("empty.txt", b"\n\n", "file is empty"),
        ("nul.txt", b"text\x00more", "looks binary"),
        ("keys.txt", b"DISCORD_TOKEN=abc.def.ghi\n", "holds a secret"),
        ("blank.html", b"<html><body><nav>Home</nav></body></html>", "no article text"),
    ],
)
def test_stage_refuses_what_ingest_would_and_keeps_nothing(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    texts = tmp_path / "texts"
    with pytest.raises(CurationError, match=reason):
        curation.stage(texts, name, data)
    assert not texts.exists() or files_under(texts) == []


def test_discard_deletes_only_the_pending_copy(tmp_path: Path) -> None:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "kept.txt").write_text(TEXT, encoding="utf-8")
    staged = curation.stage(texts, "harbour.txt", TEXT.encode())
    assert curation.discard(texts, staged.digest)
    assert files_under(texts) == ["kept.txt"]
    assert not curation.discard(texts, staged.digest)
    assert not curation.discard(texts, "../kept")  # not a digest: never a path


def test_remove_moves_an_added_file_aside(tmp_path: Path, store: Path) -> None:
    texts = tmp_path / "texts"
    outcome = curation.confirm(store, texts, curation.stage(texts, "h.txt", TEXT.encode()).digest)
    removed = curation.remove(store, texts, outcome.path)
    assert (removed.outcome.events, removed.outcome.quotes) == (1, 1)
    assert removed.moved_to == texts / REMOVED / "h.txt"
    assert files_under(texts) == [f"{REMOVED}/h.txt"]
    assert titles(store) == []
    with pytest.raises(NotPendingError):
        curation.remove(store, texts, outcome.path)


def test_remove_leaves_a_file_outside_the_texts_folder(tmp_path: Path, store: Path) -> None:
    own = tmp_path / "mine" / "h.txt"
    own.parent.mkdir()
    own.write_text(TEXT, encoding="utf-8")
    conn = schema.connect(store, schema.CONTENT_SCHEMA)
    try:
        assert ingest_paths(conn, [own], workers=1).ok
    finally:
        conn.close()
    removed = curation.remove(store, tmp_path / "texts", own.resolve().as_posix())
    assert removed.moved_to is None
    assert own.read_text(encoding="utf-8") == TEXT
    assert titles(store) == []


def test_a_rebuild_takes_the_added_texts_but_not_the_waiting_or_removed(tmp_path: Path) -> None:
    """The store is rebuildable from the seeds and the texts folder alone."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "seed.txt").write_text(TEXT.replace("Harbour", "Seed"), encoding="utf-8")
    texts = tmp_path / "texts"
    assert source_folders(seeds, texts) == [seeds]
    (texts / PENDING / ("0" * 64)).mkdir(parents=True)
    (texts / PENDING / ("0" * 64) / "waiting.txt").write_text(TEXT, encoding="utf-8")
    (texts / REMOVED).mkdir()
    (texts / REMOVED / "gone.txt").write_text(TEXT.replace("Harbour", "Gone"), encoding="utf-8")
    assert source_folders(seeds, texts) == [seeds]  # nothing added yet: no "no text files"
    (texts / "added.txt").write_text(TEXT.replace("Harbour", "Added"), encoding="utf-8")
    assert source_folders(seeds, texts) == [seeds, texts]

    path = tmp_path / "rebuilt.sqlite3"
    report = ensure_content(path, seeds, texts=texts)
    assert report is not None
    assert report.ok
    assert titles(path) == ["Added council votes", "Seed council votes"]


def test_a_preview_left_waiting_a_day_is_cleared_by_the_next_add(tmp_path: Path) -> None:
    """A pending copy nobody confirmed or cancelled goes after PENDING_KEPT, when the
    next text is staged; a fresh one stays, and nothing but our digest folders is touched."""
    texts = tmp_path / "texts"
    old = curation.stage(texts, "harbour.txt", TEXT.encode())
    stranger = texts / curation.PENDING / "notes"
    stranger.mkdir()
    (stranger / "mine.txt").write_text("a user's own file", encoding="utf-8")
    day_ago = time.time() - curation.PENDING_KEPT - 60
    os.utime(old.path.parent, (day_ago, day_ago))
    stranger_time = day_ago - 3600
    os.utime(stranger, (stranger_time, stranger_time))
    fresh = curation.stage(texts, "pier.txt", (TEXT + "\nMore.").encode())
    assert not old.path.parent.exists()
    assert fresh.path.exists()
    assert (stranger / "mine.txt").exists()
    assert curation.pending_file(texts, old.digest) is None
    assert curation.expire_pending(texts) == 0
