"""Crashes: SIGKILL mid-ingest leaves every document old or new, never half; a broken or
missing content store is rebuilt from the seeds while the state store is left alone.
"""

from __future__ import annotations

import hashlib
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from db.ingest import parse_document
from db.records import TIMELINE_KEY_STEP
from db.state.sqlite import StateStore
from db.text import topic_words
from db.write.bootstrap import ensure_content, integrity_problems
from tests.paths import PROJECT_ROOT

ROOT = PROJECT_ROOT
SEED = 20240616
FILES = 300
EDITED = 100
KILLS_PER_PHASE = 5
GUILD = 1_100_000_000_000_000_100

PEOPLE = ["Ada Novak", "Ben Oduya", "Clara Ruiz", "Dmitri Volkov", "Erin Walsh", "Femi Adeyemi"]
PLACES = ["Lisbon", "Oslo", "Accra", "Lima", "Riga", "Perth", "Quito", "Hanoi"]
TOPICS = ["fisheries", "tariffs", "pipelines", "elections", "treaties", "harbours", "railways"]
MONTHS = ["January", "March", "May", "June", "August", "October", "December"]


def article(rng: random.Random, number: int, version: int) -> str:
    """A small dated text with events and attributed quotes, different for each file."""
    lines: list[str] = []
    for _ in range(rng.randint(1, 3)):
        a, b = rng.sample(PEOPLE, 2)
        month, day, year = rng.choice(MONTHS), rng.randint(1, 28), rng.randint(1950, 2020)
        place, topic = rng.choice(PLACES), rng.choice(TOPICS)
        lines.append(f"{month} {day}, {year}: {a} and {b} meet in {place} (file {number})")
        lines.append(
            f'The two leaders talked about {topic} for hours. "We will settle the {topic} '
            f'question this year, and for good," {a.split()[-1]} said. Version {version}.'
        )
        lines.append("")
    return "\n".join(lines)


@dataclass(frozen=True, slots=True)
class Expected:
    """What one version of a file must leave in the store."""

    events: int
    quotes: int
    served: int


def write_corpus(folder: Path, rng: random.Random, version: int, only: list[int] | None) -> None:
    """Write (or rewrite) the numbered files of one version."""
    for number in only if only is not None else range(FILES):
        (folder / f"doc_{number:03d}.txt").write_text(article(rng, number, version))


def expectations(folder: Path) -> dict[str, Expected]:
    """sha256 of each file's current text -> the rows parse_document gives it."""
    found: dict[str, Expected] = {}
    for path in folder.glob("*.txt"):
        text = path.read_text(encoding="utf-8")
        doc = parse_document(text, path.name)
        served = sum(not q.fragment for q in doc.quotes)
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        found[digest] = Expected(len(doc.events), len(doc.quotes), served)
    return found


def ingest(workdir: Path, db: Path) -> subprocess.Popen[bytes]:
    """`almanac ingest seeds --db FILE` in a child process."""
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    env["PYTHONPATH"] = str(ROOT)
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bot.process.cli",
            "ingest",
            "seeds",
            "--db",
            str(db),
            "--jobs",
            "1",
        ],
        cwd=workdir,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def stored_hashes(db: Path) -> set[str]:
    """The sha256 of every stored document, read while the writer runs (empty before it starts)."""
    if not db.exists():
        return set()
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.1)
        try:
            return {row[0] for row in conn.execute("SELECT sha256 FROM documents")}
        finally:
            conn.close()
    except sqlite3.Error:
        return set()


def kill_after(workdir: Path, db: Path, newest: set[str], rng: random.Random) -> bool:
    """Run an ingest and SIGKILL it after a random number of further documents are written.

    Returns True if the kill landed, False if the ingest finished first.
    """
    done = len(stored_hashes(db) & newest)
    left = len(newest) - done
    target = done + (rng.randrange(1, left) if left > 1 else 0)
    process = ingest(workdir, db)
    try:
        while process.poll() is None:
            if len(stored_hashes(db) & newest) >= target:
                process.send_signal(signal.SIGKILL)
                process.wait()
                return True
            time.sleep(0.002)
        return False
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


# The events_fts rowids of events (db.records.timeline_key, in SQL).
TIMELINE_KEYS = f"SELECT sort_key * {TIMELINE_KEY_STEP} + id FROM events"


def check_consistent(db: Path, versions: dict[str, dict[str, Expected]]) -> dict[str, str]:
    """Each document is one whole version of its file; returns path -> stored sha256."""
    conn = sqlite3.connect(db)
    try:
        assert integrity_problems(conn, "integrity_check") == []
        for table in ("events_fts", "quotes_fts"):
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        stored: dict[str, str] = {}
        rows = conn.execute("SELECT id, path, sha256 FROM documents").fetchall()
        for document_id, path, sha in rows:
            expected = versions[Path(path).name].get(sha)
            assert expected is not None, f"{path} holds a text that was never on disk"
            events, dated, quotes, served, events_fts, quotes_fts = conn.execute(
                "SELECT (SELECT count(*) FROM events WHERE document_id = :d),"
                " (SELECT count(*) FROM events WHERE document_id = :d AND year IS NOT NULL),"
                " (SELECT count(*) FROM quotes WHERE document_id = :d),"
                " (SELECT count(*) FROM quotes WHERE document_id = :d AND fragment = 0),"
                f" (SELECT count(*) FROM events_fts WHERE rowid IN ({TIMELINE_KEYS}"
                "   WHERE document_id = :d AND year IS NOT NULL)),"
                " (SELECT count(*) FROM quotes_fts WHERE rowid IN"
                "   (SELECT id FROM quotes WHERE document_id = :d))",
                {"d": document_id},
            ).fetchone()
            assert (events, quotes, served) == (expected.events, expected.quotes, expected.served)
            assert (events_fts, quotes_fts) == (dated, expected.served)
            stored[Path(path).name] = sha
        orphans = conn.execute(
            "SELECT (SELECT count(*) FROM events"
            "  WHERE document_id NOT IN (SELECT id FROM documents)),"
            " (SELECT count(*) FROM quotes WHERE document_id NOT IN (SELECT id FROM documents)),"
            f" (SELECT count(*) FROM events_fts WHERE rowid NOT IN ({TIMELINE_KEYS}"
            "   WHERE year IS NOT NULL)),"
            " (SELECT count(*) FROM quotes_fts WHERE rowid NOT IN (SELECT id FROM quotes))"
        ).fetchone()
        assert orphans == (0, 0, 0, 0)
        words: Counter[str] = Counter()
        for (text,) in conn.execute("SELECT text FROM quotes WHERE fragment = 0"):
            words.update(topic_words(text))
        assert dict(conn.execute("SELECT word, quotes FROM vocabulary")) == dict(words)
        return stored
    finally:
        conn.close()


def test_sigkill_during_ingest_leaves_whole_documents(tmp_path: Path) -> None:
    """Ten SIGKILLs at random points of a 300-file ingest and of a re-ingest of 100 edits."""
    rng = random.Random(SEED)
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    db = tmp_path / "content.sqlite3"
    write_corpus(seeds, rng, 1, None)
    first = expectations(seeds)
    versions = {f"doc_{n:03d}.txt": dict(first) for n in range(FILES)}

    landed = 0
    for _ in range(KILLS_PER_PHASE):
        landed += kill_after(tmp_path, db, set(first), rng)
        check_consistent(db, versions)
    assert ingest(tmp_path, db).wait() == 0
    assert set(check_consistent(db, versions).values()) == set(first)

    edited = sorted(rng.sample(range(FILES), EDITED))
    write_corpus(seeds, rng, 2, edited)
    second = expectations(seeds)
    for name in versions:
        versions[name].update(second)
    for _ in range(KILLS_PER_PHASE):
        landed += kill_after(tmp_path, db, set(second), rng)
        stored = check_consistent(db, versions)
        untouched = {f"doc_{n:03d}.txt" for n in range(FILES)} - {
            f"doc_{n:03d}.txt" for n in edited
        }
        assert all(stored[name] in first for name in untouched)
    assert ingest(tmp_path, db).wait() == 0
    final = check_consistent(db, versions)
    assert set(final.values()) == set(second)
    assert len(final) == FILES
    assert landed >= KILLS_PER_PHASE  # most kills hit a running ingest, not a finished one


# -- a broken content store is rebuilt; the state store is never touched ------------------


def garbage(size: int) -> bytes:
    """Deterministic noise."""
    return random.Random(size).randbytes(size)


def overwrite(offset: Callable[[int], int], length: Callable[[int], int]) -> Callable[[Path], None]:
    """A corruption that writes noise over [offset, offset + length) of the file."""

    def corrupt(path: Path) -> None:
        size = path.stat().st_size
        with path.open("r+b") as handle:
            handle.seek(offset(size))
            handle.write(garbage(length(size)))

    return corrupt


CORRUPTIONS: dict[str, Callable[[Path], None]] = {
    "garbage-after-header": overwrite(lambda s: 100, lambda s: s - 100),
    "garbage-on-page-3": overwrite(lambda s: 2 * 4096, lambda s: 4096),
    "garbage-on-last-half": overwrite(lambda s: s // 2, lambda s: s - s // 2),
    "truncated-to-half": lambda p: os.truncate(p, p.stat().st_size // 2),
    "zero-bytes": lambda p: os.truncate(p, 0),
    "deleted": lambda p: p.unlink(),
}


def file_digests(folder: Path, prefix: str) -> dict[str, str]:
    """sha256 of every file of one store (main file, -wal, -shm)."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.glob(f"{prefix}*")}


@pytest.mark.parametrize("corrupt", list(CORRUPTIONS.values()), ids=list(CORRUPTIONS))
async def test_broken_content_store_rebuilt_state_untouched(
    tmp_path: Path, corrupt: Callable[[Path], None]
) -> None:
    """ensure_content rebuilds a damaged or missing content store, moving a damaged file
    aside rather than deleting it; state.sqlite3 is unchanged."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    write_corpus(seeds, random.Random(SEED), 1, list(range(3)))
    content = tmp_path / "almanac.sqlite3"
    state_path = tmp_path / "state.sqlite3"
    assert ensure_content(content, seeds) is not None
    async with await StateStore.open(state_path) as state:
        await state.set_guild_timezone(GUILD, "Europe/Moscow")
    conn = sqlite3.connect(content)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    before = file_digests(tmp_path, "state.sqlite3")

    corrupt(content)
    damaged = content.read_bytes() if content.exists() else b""
    report = ensure_content(content, seeds)
    if damaged:  # an SQLite file with damage is kept beside the new store, byte for byte
        (aside,) = [n for n in os.listdir(tmp_path) if n[-1].isdigit() and ".damaged-" in n]
        assert (tmp_path / aside).read_bytes() == damaged

    assert report is not None
    assert report.ok
    assert [o.status for o in report.outcomes] == ["added"] * 3
    conn = sqlite3.connect(content)
    try:
        assert integrity_problems(conn, "integrity_check") == []
        assert conn.execute("SELECT count(*) FROM documents").fetchone()[0] == 3
    finally:
        conn.close()
    assert ensure_content(content, seeds) is None  # healthy now: left as it is
    assert file_digests(tmp_path, "state.sqlite3") == before
    async with await StateStore.open(state_path) as state:
        assert await state.guild_timezone(GUILD) == "Europe/Moscow"
