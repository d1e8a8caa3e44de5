"""Texts added and removed while the bot runs reach /quote and autocomplete, no restart."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.discord_bot import app
from db import schema
from db.read.store import Store
from db.write.writer import ingest_paths, remove_documents
from tests.e2e.conftest import StartAlmanac
from tests.e2e.fake_discord import FakeDiscord
from tests.paths import PROJECT_SEEDS

TIMEOUT = 5.0
ADDED = """Harbour council meets

The harbour council met on 3 March 2011 to vote on the new pier.

"The pier will be rebuilt before winter," said Mayor Ilse Varga.
"""


def _ingest(path: Path, folder: Path) -> None:
    """What `almanac ingest` does, from its own connection (another writer)."""
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        assert ingest_paths(conn, [folder], workers=1).ok
    finally:
        conn.close()


def _remove(path: Path, target: Path) -> None:
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        remove_documents(conn, [target])
    finally:
        conn.close()


@pytest.fixture
async def live_store(tmp_path: Path) -> AsyncIterator[tuple[Path, Store]]:
    """A store of the seeds in a file of this test's own, open for the bot."""
    path = tmp_path / "content.sqlite3"
    _ingest(path, PROJECT_SEEDS)
    async with await Store.open(path) as store:
        yield path, store


async def _speakers(fake: FakeDiscord, typed: str) -> list[str]:
    sent = await fake.send_autocomplete("quote", "speaker", typed)
    return [c["name"] for c in await fake.wait_for_choices(sent, TIMEOUT)]


async def _eventually(check: object, what: str) -> None:
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        if await check():  # type: ignore[operator]
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"not within {TIMEOUT} s: {what}")


async def test_texts_added_and_removed_while_running(
    start_almanac: StartAlmanac,
    fake_discord: FakeDiscord,
    live_store: tuple[Path, Store],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A text ingested by another process is served by /quote and offered by autocomplete
    within seconds; once removed, it is neither."""
    monkeypatch.setattr(app, "STORE_WATCH", 0.05)
    path, store = live_store
    await start_almanac(store, ["cogs.quote"])
    assert await _speakers(fake_discord, "var") == []

    folder = tmp_path / "texts"
    folder.mkdir()
    (folder / "harbour.txt").write_text(ADDED, encoding="utf-8")
    await asyncio.to_thread(_ingest, path, folder)

    async def offered() -> bool:
        return "Ilse Varga" in await _speakers(fake_discord, "var")

    await _eventually(offered, "the new speaker offered by autocomplete")
    sent = await fake_discord.send_command("quote", {"query": "varga pier"})
    body = await fake_discord.wait_for_callback(sent, TIMEOUT)
    assert body["data"]["embeds"][0]["title"] == "Ilse Varga"

    await asyncio.to_thread(_remove, path, folder / "harbour.txt")

    async def gone() -> bool:
        return "Ilse Varga" not in await _speakers(fake_discord, "var")

    await _eventually(gone, "the removed speaker no longer offered")
