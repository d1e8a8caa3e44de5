"""Ingest progress: drawn in place on a terminal, silent anywhere else."""

from __future__ import annotations

import io
import sqlite3
import subprocess
import sys
from pathlib import Path

from bot.process.progress import MB, TerminalProgress, progress_line, terminal_progress
from db import schema
from db.write.writer import ingest_paths
from tests.paths import PROJECT_SEEDS


class Terminal(io.StringIO):
    """A text stream that says it is a terminal, as a real one would."""

    def isatty(self) -> bool:
        return True


def test_the_line_says_files_megabytes_rate_and_time_left() -> None:
    line = progress_line(1_234, 21_313, 56 * MB, 100 * MB, 14.0)
    assert line == "Ingesting 1,234 of 21,313 files, 56.0 of 100.0 MB, 4.0 MB/s, 11 s left"
    assert progress_line(0, 10, 0, MB, 0.0) == "Ingesting 0 of 10 files, 0.0 of 1.0 MB"
    assert progress_line(1, 10, MB // 10, MB, 0.5) == "Ingesting 1 of 10 files, 0.1 of 1.0 MB"
    assert progress_line(1, 10, MB, 1_000 * MB, 10.0).endswith("0.1 MB/s, 2 h 46 min left")


def test_quiet_when_the_output_is_not_a_terminal() -> None:
    assert terminal_progress(io.StringIO()) is None
    assert isinstance(terminal_progress(Terminal()), TerminalProgress)


def test_redraws_in_place_at_most_every_fifth_of_a_second() -> None:
    now = [0.0]
    screen = Terminal()
    drawer = TerminalProgress(screen, clock=lambda: now[0])
    for files in range(1, 100):
        now[0] += 0.01
        drawer(files, 100, files * 1000, 100_000)
    now[0] = 2.0
    drawer(100, 100, 100_000, 100_000)  # the last is always drawn
    draws = screen.getvalue().count("\r")
    assert 2 <= draws <= 7  # ~1 s of updates, one a fifth of a second, plus the last
    assert screen.getvalue().endswith(
        "Ingesting 100 of 100 files, 0.1 of 0.1 MB, 0.0 MB/s, 0 s left"
    )
    drawer.finish()
    assert screen.getvalue().endswith("\r")


def test_ingest_tells_every_file(tmp_path: Path) -> None:
    told: list[tuple[int, int, int, int]] = []
    conn: sqlite3.Connection = schema.connect(tmp_path / "c.sqlite3", schema.CONTENT_SCHEMA)
    try:
        ingest_paths(conn, [PROJECT_SEEDS], workers=1, progress=lambda *a: told.append(a))
    finally:
        conn.close()
    sizes = sum(p.stat().st_size for p in PROJECT_SEEDS.glob("*.txt"))
    assert [t[0] for t in told] == list(range(1, len(told) + 1))
    assert told[-1] == (len(told), len(told), sizes, sizes)


def test_an_ingest_into_a_pipe_prints_no_progress(tmp_path: Path) -> None:
    """Scripts and CI read the report alone."""
    store = str(tmp_path / "c.sqlite3")
    run = subprocess.run(
        [sys.executable, "-m", "bot.process.cli", "ingest", str(PROJECT_SEEDS), "--db", store],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "Ingesting" not in run.stderr + run.stdout
    assert "\r" not in run.stderr + run.stdout
    assert "2 documents" in run.stdout
