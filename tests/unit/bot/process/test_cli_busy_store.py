"""A store that is a folder, busy, or being built: one line, never a traceback, never
the seeds written into a store another process is loading.

The other process is real (a child Python holding SQLite's write lock, or a first
load paused between two files, as it is while it waits for the parser).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.process.cli import main
from db import schema
from db.write import writer
from tests.paths import PROJECT_ROOT

ROOT = PROJECT_ROOT
GOOD = """March 3, 1999: Ada Novak and Ben Oduya meet in Lisbon
The two premiers met for the first time. "We will share the fisheries," Novak said.
"""

HOLD_LOCK = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
sys.stdin.readline()
conn.execute("ROLLBACK")
"""

# A first load (write_batches into an empty store) that waits for a line on stdin
# before each file, as the writer waits for its parse workers.
PAUSED_LOAD = """
import sys
from pathlib import Path
from db import schema
from db.write import writer
writer.BATCH_DOCUMENTS = 1
conn = schema.connect(sys.argv[1], schema.CONTENT_SCHEMA)
def files():
    for name in sys.argv[2:]:
        print("waiting", flush=True)
        sys.stdin.readline()
        yield writer.parse_file(Path(name))
writer.write_batches(conn, files())
print("done", flush=True)
"""


def _child(script: str, *args: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.Popen(
        [sys.executable, "-c", script, *args],
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )


def _step(child: subprocess.Popen[str], expect: str) -> None:
    """Wait until the child says it reached `expect`."""
    assert child.stdout is not None
    assert child.stdout.readline().strip() == expect


def _go(child: subprocess.Popen[str]) -> None:
    """Let the child go on (a line on its stdin)."""
    assert child.stdin is not None
    child.stdin.write("\n")
    child.stdin.flush()


@pytest.fixture
def children() -> Iterator[list[subprocess.Popen[str]]]:
    """Child processes of a test, ended with it."""
    started: list[subprocess.Popen[str]] = []
    yield started
    for child in started:
        if child.poll() is None:
            child.kill()
        child.wait()


def _documents(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [str(r[0]) for r in conn.execute("SELECT path FROM documents ORDER BY path")]
    finally:
        conn.close()


@pytest.mark.parametrize(
    "command",
    [["ingest", "a.txt"], ["remove", "a.txt"], ["export"], ["ask", "/sources"]],
    ids=["ingest", "remove", "export", "ask"],
)
def test_db_on_a_folder_is_one_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]
) -> None:
    """--db naming a folder: every command refuses in one line and touches nothing."""
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    folder = tmp_path / "stores"
    folder.mkdir()
    assert main([*command, "--db", str(folder)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"almanac: {folder} is a folder, not a content store file"
    ]
    assert list(folder.iterdir()) == []


def test_ingest_into_a_busy_store_waits_then_refuses_in_one_line(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    children: list[subprocess.Popen[str]],
) -> None:
    """Another process keeps the write lock past the wait: one line naming the store;
    once it lets go, the same ingest stores the file."""
    source = tmp_path / "a.txt"
    source.write_text(GOOD, encoding="utf-8")
    schema.connect(db_path, schema.CONTENT_SCHEMA).close()
    monkeypatch.setattr(schema, "BUSY_TIMEOUT_MS", 200)
    holder = _child(HOLD_LOCK, str(db_path))
    children.append(holder)
    _step(holder, "locked")
    assert main(["ingest", "a.txt"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"almanac: {db_path}: locked by another process (waited 0.2 s); "
        "try again when it has finished"
    ]
    _go(holder)
    assert holder.wait() == 0
    assert main(["ingest", "a.txt"]) == 0
    assert _documents(db_path) == [source.resolve().as_posix()]


def test_writer_holds_no_lock_while_it_waits_for_the_parser(tmp_path: Path) -> None:
    """Between two parsed files the write lock is free: another connection can take it."""
    files = []
    for number in range(3):
        path = tmp_path / f"doc{number}.txt"
        path.write_text(GOOD.replace("1999", str(1990 + number)), encoding="utf-8")
        files.append(path)
    db = tmp_path / "content.sqlite3"
    conn = schema.connect(db, schema.CONTENT_SCHEMA)
    other = sqlite3.connect(db, isolation_level=None, timeout=0)
    free: list[bool] = []

    def parsed() -> Iterator[writer._Parsed]:
        for path in files:
            try:
                other.execute("BEGIN IMMEDIATE")
                other.execute("ROLLBACK")
                free.append(True)
            except sqlite3.OperationalError:
                free.append(False)
            yield writer.parse_file(path)

    report = writer.write_batches(conn, parsed())
    other.close()
    conn.close()
    assert [o.status for o in report.outcomes] == ["added"] * 3
    assert free == [True, True, True]


def test_ask_during_a_first_load_says_so_and_adds_no_seeds(
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    children: list[subprocess.Popen[str]],
) -> None:
    """While another process loads an empty store, ask says it is being built (the
    seeds are not written into it); once a document is in, ask answers from it."""
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(GOOD, encoding="utf-8")
    second.write_text(GOOD.replace("Lisbon", "Porto"), encoding="utf-8")
    loader = _child(PAUSED_LOAD, str(db_path), str(first), str(second))
    children.append(loader)
    _step(loader, "waiting")
    assert main(["ask", "/sources"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line == (
        f"almanac: {db_path} is being built by another process (pid {loader.pid}); "
        "try again when it has finished"
    )
    assert _documents(db_path) == []
    _go(loader)
    _step(loader, "waiting")  # first.txt is committed; the load waits for second.txt
    assert main(["ask", "/sources"]) == 0
    assert "first.txt" in capsys.readouterr().out
    _go(loader)
    _step(loader, "done")
    assert loader.wait() == 0
    assert _documents(db_path) == [first.resolve().as_posix(), second.resolve().as_posix()]
