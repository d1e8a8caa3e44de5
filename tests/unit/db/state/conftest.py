"""Both state backends, real: a SQLite file, and a database on the PostgreSQL server
this session starts (tests/conftest.py, postgres_server) and stops.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import asyncpg
import pytest

from db.state.backend import StateBackend, open_state
from tests.conftest import new_database

BACKENDS = ("sqlite", "postgres")


class FakeClock:
    """A settable clock."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 6, 16, 6, 0, tzinfo=UTC))


@dataclass(frozen=True)
class Backend:
    """One state store's place: a SQLite file or a PostgreSQL database of its own."""

    name: str
    location: Path | str

    async def open(self, clock: FakeClock) -> StateBackend:
        return await open_state(self.location, clock=clock)

    async def post_log_days(self, guild: int) -> list[date]:
        """The post-log days of a server, read on a connection of the test's own."""
        sql = "SELECT local_date FROM post_log WHERE guild_id = {} ORDER BY local_date"
        if isinstance(self.location, Path):
            with sqlite3.connect(self.location) as conn:
                rows = conn.execute(sql.format("?"), (guild,)).fetchall()
            return [date.fromisoformat(r[0]) for r in rows]
        server = await asyncpg.connect(self.location)
        try:
            return [r[0] for r in await server.fetch(sql.format("$1"), guild)]
        finally:
            await server.close()


async def fresh_backend(name: str, tmp_path: Path, request: pytest.FixtureRequest) -> Backend:
    """An empty store's place on the named backend."""
    if name == "sqlite":
        return Backend(name, tmp_path / "state.sqlite3")
    return Backend(name, await new_database(request))


@pytest.fixture(params=BACKENDS)
async def backend(request: pytest.FixtureRequest, tmp_path: Path) -> Backend:
    """Each test that takes it runs once on SQLite and once on PostgreSQL."""
    return await fresh_backend(str(request.param), tmp_path, request)


@pytest.fixture
async def state(backend: Backend, clock: FakeClock) -> AsyncIterator[StateBackend]:
    async with await backend.open(clock) as opened:
        yield opened
