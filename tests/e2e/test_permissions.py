"""Every /daily configuration command is refused at run time to non-managers and in DMs.

Discord hides /daily from them (guild-only, Manage Server by default), but a server can
override that and a client can send anything: the bot checks again and saves nothing.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import discord
import pytest

from bot.config import Settings
from bot.discord_bot.app import AlmanacBot
from db.read.store import Store
from db.state.sqlite import StateStore
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import (
    ANNOUNCEMENTS_ID,
    FAST_READY,
    GUILD_ID,
    MEMBER_ID,
    FakeDiscord,
)

JSON = dict[str, Any]
EPHEMERAL = 1 << 6
NOW = datetime(2026, 6, 16, 5, 0, tzinfo=UTC)
SUBCOMMANDS: dict[str, JSON] = {
    "set": {"channel": ANNOUNCEMENTS_ID, "time": "09:00", "timezone": "Europe/Moscow"},
    "off": {},
    "status": {},
    "preview": {},
    "post-now": {},
    "timezone": {"timezone": "Europe/Moscow"},
}


@pytest.fixture
async def state(tmp_path: Path) -> AsyncIterator[StateStore]:
    """A fresh state store on a file, closed after the test."""
    async with await StateStore.open(tmp_path / "state.sqlite3", clock=lambda: NOW) as opened:
        yield opened


@pytest.fixture
async def daily_bot(
    start_bot: StartBot, almanac_settings: Settings, seeded_store: Store, state: StateStore
) -> AlmanacBot:
    """The bot with the daily cog (tree synced), on the seeds store and a fresh state store."""
    bot = AlmanacBot(
        almanac_settings, seeded_store, ["cogs.daily"], state=state, clock=lambda: NOW, **FAST_READY
    )
    return await start_bot(bot)


async def assert_nothing_saved(state: StateStore) -> None:
    """No subscription and no server time zone were stored."""
    assert await state.subscription(GUILD_ID) is None
    assert await state.guild_timezone(GUILD_ID) is None


async def test_daily_is_synced_for_managers_in_servers_only(
    daily_bot: AlmanacBot, fake_discord: FakeDiscord
) -> None:
    """The synced /daily needs Manage Server by default and is not offered in DMs."""
    schema = fake_discord.find_command("daily")
    assert schema is not None
    assert int(schema["default_member_permissions"]) == discord.Permissions(manage_guild=True).value
    assert schema.get("dm_permission") is False or 1 not in (schema.get("contexts") or [1])
    assert {o["name"] for o in schema["options"]} == set(SUBCOMMANDS)


@pytest.mark.parametrize(("sub", "options"), list(SUBCOMMANDS.items()), ids=list(SUBCOMMANDS))
async def test_non_manager_is_refused(
    daily_bot: AlmanacBot, fake_discord: FakeDiscord, state: StateStore, sub: str, options: JSON
) -> None:
    """A member without Manage Server gets an ephemeral refusal naming it; nothing is saved."""
    sent = await fake_discord.send_command(f"daily {sub}", options, user_id=MEMBER_ID)
    reply = await fake_discord.wait_for_reply(sent)
    assert reply["flags"] & EPHEMERAL
    assert reply["content"] == "You need the Manage Server permission to do that."
    assert fake_discord.channel_messages(ANNOUNCEMENTS_ID) == []
    await assert_nothing_saved(state)


DM_CASES = [pytest.param(sub, options, id=sub) for sub, options in SUBCOMMANDS.items()]


async def send_from_dm(fake: FakeDiscord, sub: str, options: JSON) -> JSON:
    """Deliver /daily <sub> from a DM, as a client that ignores the guild-only flag would."""
    with pytest.raises(AssertionError, match="guild-only"):
        await fake.send_command(f"daily {sub}", options, dm=True)
    data = fake._command_data(f"daily {sub}", options, guild_id=GUILD_ID)
    return await fake.wait_for_reply(await fake.send_interaction(2, data, dm=True))


@pytest.mark.parametrize(("sub", "options"), list(SUBCOMMANDS.items()), ids=list(SUBCOMMANDS))
async def test_dm_is_refused(
    daily_bot: AlmanacBot, fake_discord: FakeDiscord, state: StateStore, sub: str, options: JSON
) -> None:
    """A /daily interaction that arrives from a DM anyway is refused ephemerally; nothing saved."""
    reply = await send_from_dm(fake_discord, sub, options)
    assert reply["flags"] & EPHEMERAL
    assert "Something went wrong" not in reply["content"]
    assert fake_discord.channel_messages(ANNOUNCEMENTS_ID) == []
    await assert_nothing_saved(state)


@pytest.mark.parametrize(("sub", "options"), DM_CASES)
async def test_dm_refusal_says_why(
    daily_bot: AlmanacBot, fake_discord: FakeDiscord, sub: str, options: JSON
) -> None:
    """The DM refusal says the command only works in a server."""
    reply = await send_from_dm(fake_discord, sub, options)
    assert reply["content"] == "This command only works in a server, not in direct messages."
