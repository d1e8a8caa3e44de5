"""What only the PostgreSQL state store does: its migrations table, and one line when
the database cannot be used. The rules every backend keeps are in test_backends.py."""

from __future__ import annotations

from pathlib import Path

import asyncpg
import pytest

from db import schema
from db.state.backend import StateStoreError
from db.state.postgres import SCHEMA, PostgresStateStore
from db.state.records import REST_TURNS
from tests.unit.db.state.conftest import Backend, FakeClock, fresh_backend


@pytest.fixture
async def database(tmp_path: Path, request: pytest.FixtureRequest) -> Backend:
    """An empty database of the test's own on the session's server."""
    return await fresh_backend("postgres", tmp_path, request)


async def migrations_applied(url: str) -> list[int]:
    conn = await asyncpg.connect(url)
    try:
        rows = await conn.fetch("SELECT version FROM almanac_migrations ORDER BY version")
    finally:
        await conn.close()
    return [int(r[0]) for r in rows]


async def test_migrations_are_recorded_once(database: Backend, clock: FakeClock) -> None:
    """Opening migrates to the latest version; opening again applies nothing more."""
    url = str(database.location)
    for _ in range(2):
        async with await PostgresStateStore.open(url, clock=clock):
            pass
        assert await migrations_applied(url) == [n for n, _ in schema.migrations(SCHEMA)]


async def test_newer_database_is_refused(database: Backend, clock: FakeClock) -> None:
    """A database migrated by a newer Almanac is refused in one line, and left as it was."""
    url = str(database.location)
    async with await PostgresStateStore.open(url, clock=clock):
        pass
    newer = schema.latest_version(SCHEMA) + 1
    conn = await asyncpg.connect(url)
    try:
        await conn.execute("INSERT INTO almanac_migrations (version) VALUES ($1)", newer)
    finally:
        await conn.close()
    with pytest.raises(StateStoreError, match=f"migration {newer}, newer than this Almanac"):
        await PostgresStateStore.open(url, clock=clock)
    assert (await migrations_applied(url))[-1] == newer


async def test_missing_database_is_one_line(database: Backend, clock: FakeClock) -> None:
    """A database that does not exist is named in one line, not a traceback."""
    url = str(database.location).replace("/state_", "/missing_", 1)
    with pytest.raises(StateStoreError, match="cannot connect") as raised:
        await PostgresStateStore.open(url, clock=clock)
    assert "\n" not in str(raised.value)
    assert "does not exist" in str(raised.value)


async def test_processes_share_one_request_budget(database: Backend, clock: FakeClock) -> None:
    """Two processes' stores on one database take turns from one schedule: the second
    process's first turn comes after the first process's two (Discord's limit is the bot's)."""
    turn = 100.0  # far longer than the test: the schedule is read, no timing measured
    async with (
        await PostgresStateStore.open(str(database.location), clock=clock) as first,
        await PostgresStateStore.open(str(database.location), clock=clock) as second,
    ):
        assert await first.reserve_turn(REST_TURNS, turn) == 0.0
        assert turn - 5 < await first.reserve_turn(REST_TURNS, turn) <= turn
        assert 2 * turn - 5 < await second.reserve_turn(REST_TURNS, turn) <= 2 * turn
