"""Hostile option values through the real discord.py client: clean replies, no errors logged."""

from __future__ import annotations

import hashlib
import logging
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from bot.discord_bot.tree import POLITE_FAILURE
from db.read.store import Store
from tests.e2e.conftest import StartAlmanac
from tests.e2e.fake_discord import MEMBER_ID, FakeDiscord

COGS = ["cogs.onthisday", "cogs.quote", "cogs.timeline", "cogs.sources"]
EPHEMERAL = 1 << 6
JSON = dict[str, Any]

CASES: list[tuple[str, JSON]] = [
    ("quote", {"query": 'NEAR( "putin" OR nato* -x ^y :z )'}),
    ("quote", {"query": "'; DROP TABLE quotes; --"}),
    ("quote", {"query": "x" * 6000}),
    ("quote", {"query": ("putin nato " * 10)[:100]}),
    ("quote", {"query": "nato\x00\u202e\u200b \U0001f980"}),
    ("quote", {"query": "ｐｕｔｉｎ ｎａｔｏ"}),
    ("quote", {"query": "рutin"}),
    ("quote", {"speaker": "'; DROP TABLE people; --"}),
    ("quote", {"query": " ", "speaker": "\x00"}),
    ("timeline", {"query": "NEAR(", "from": "'; --", "to": "2008"}),
    ("timeline", {"query": '"*"'}),
    ("timeline", {"query": "nato", "from": "2008", "to": "2001"}),
    ("timeline", {"from": "99999"}),
    ("onthisday", {"date": "\x00"}),
    ("onthisday", {"date": "February 30"}),
    ("onthisday", {"date": "x" * 6000}),
]


def digest(path: Path) -> str:
    """Digest of every row of the content store."""
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.mark.parametrize(
    ("name", "options"), CASES, ids=[f"{n}-{i}" for i, (n, _) in enumerate(CASES)]
)
async def test_hostile_option_gets_a_clean_reply(
    fake_discord: FakeDiscord,
    start_almanac: StartAlmanac,
    seeded_store: Store,
    seeded_content: Path,
    caplog: pytest.LogCaptureFixture,
    name: str,
    options: JSON,
) -> None:
    """An answer or an ephemeral explanation with an example; nothing logged; store unchanged."""
    before = digest(seeded_content)
    await start_almanac(seeded_store, COGS)
    with caplog.at_level(logging.ERROR):
        sent = await fake_discord.send_command(name, options, user_id=MEMBER_ID)
        body = await fake_discord.wait_for_callback(sent)
    assert body["type"] == 4, body
    data = body["data"]
    assert data["allowed_mentions"] == {"parse": []}
    if data.get("flags", 0) & EPHEMERAL:
        assert "\nTry: `/" in data["content"], data["content"]
        assert POLITE_FAILURE not in data["content"]
        assert len(data["content"]) <= 2000
    else:
        assert data["embeds"], data
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert digest(seeded_content) == before


@pytest.mark.parametrize(
    ("focused", "value"),
    [
        ("query", "x" * 100),
        ("query", "NEAR( nato* "),
        ("query", "'; DROP TABLE quotes; --"),
        ("query", "\x00"),
        ("speaker", "\U0001f980" * 50),
        ("speaker", "рu"),
        ("speaker", ""),
    ],
)
async def test_hostile_autocomplete_gets_valid_choices(
    fake_discord: FakeDiscord,
    start_almanac: StartAlmanac,
    seeded_store: Store,
    focused: str,
    value: str,
) -> None:
    """Autocomplete of any typed value: at most 25 choices of 1 to 100 characters."""
    await start_almanac(seeded_store, COGS)
    sent = await fake_discord.send_autocomplete("quote", focused, value)
    choices = await fake_discord.wait_for_choices(sent)
    assert len(choices) <= 25
    assert all(1 <= len(c["name"]) <= 100 and 1 <= len(c["value"]) <= 100 for c in choices)
