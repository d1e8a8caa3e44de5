"""What only the SQLite state store does: its own file, apart from the content store,
in WAL mode. The rules every backend keeps are in test_backends.py.
"""

from __future__ import annotations

import asyncio
from datetime import time
from pathlib import Path

from db import schema
from db.state.records import EmptyDay
from db.state.sqlite import StateStore
from db.write.writer import ingest_paths
from tests.paths import PROJECT_SEEDS
from tests.unit.db.state.conftest import FakeClock

GUILD = 42
CHANNEL = 4200
SEEDS = PROJECT_SEEDS


async def subscribe(state: StateStore) -> None:
    await state.subscribe(
        GUILD,
        channel_id=CHANNEL,
        post_time=time(9, 0),
        timezone="Europe/Moscow",
        empty_day=EmptyDay.NEAREST,
    )


async def test_content_rebuild_does_not_touch_state(tmp_path: Path, clock: FakeClock) -> None:
    """The content store and the state are separate files: rebuilding one keeps the other."""
    content = tmp_path / "almanac.sqlite3"
    state_path = tmp_path / "state.sqlite3"
    async with await StateStore.open(state_path, clock=clock) as state:
        await subscribe(state)
    for _ in range(2):  # build, then delete and rebuild
        tables = await asyncio.to_thread(rebuild_content, content)
        assert "subscriptions" not in tables
    async with await StateStore.open(state_path, clock=clock) as state:
        sub = await state.subscription(GUILD)
        assert sub is not None
        assert sub.channel_id == CHANNEL


def rebuild_content(content: Path) -> set[str]:
    """Delete the content store and build it again from seeds/; its table names."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{content}{suffix}").unlink(missing_ok=True)
    conn = schema.connect(content, schema.CONTENT_SCHEMA)
    try:
        ingest_paths(conn, [SEEDS], workers=1)
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


async def test_state_file_is_migrated_and_wal(tmp_path: Path) -> None:
    """Opening creates the schema at the latest version in WAL mode."""
    path = tmp_path / "state.sqlite3"
    async with await StateStore.open(path):
        pass
    conn = schema.connect(path, schema.STATE_SCHEMA)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()
    assert version == schema.latest_version(schema.STATE_SCHEMA)
    assert mode == "wal"
