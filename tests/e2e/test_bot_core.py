"""AlmanacBot's core through the real discord.py client: errors, mentions, sync."""

from __future__ import annotations

import logging
from typing import Any

import pytest

from bot.config import Settings
from bot.discord_bot.app import AlmanacBot, sync_once
from bot.discord_bot.tree import POLITE_FAILURE
from db.read.store import Store
from tests.e2e.conftest import StartAlmanac
from tests.e2e.fake_discord import (
    GENERAL_ID,
    GUILD_ID,
    MEMBER_ID,
    FakeDiscord,
    command_problems,
)

SAMPLE = ["tests.e2e.ext_sample"]
EPHEMERAL = 64


@pytest.fixture
async def bot(start_almanac: StartAlmanac) -> AlmanacBot:
    """An AlmanacBot with only the sample extension; the store is not needed here."""
    return await start_almanac(None, SAMPLE)


async def test_user_error_is_an_ephemeral_explanation(
    bot: AlmanacBot, fake_discord: FakeDiscord, caplog: pytest.LogCaptureFixture
) -> None:
    """A UserError becomes an ephemeral reply with the example, and is not logged as a bug."""
    sent = await fake_discord.send_command("usererror")
    body = await fake_discord.wait_for_callback(sent)
    assert body["type"] == 4
    assert body["data"]["flags"] & EPHEMERAL
    assert body["data"]["content"] == (
        "I couldn't read the date 'junk'.\nTry: `/onthisday date: june 16`"
    )
    assert not [r for r in caplog.records if r.name == "almanac" and r.levelno >= logging.ERROR]


@pytest.mark.parametrize(
    ("command", "message"), [("bug", "boom in the sample cog"), ("latebug", "boom after defer")]
)
async def test_bug_is_logged_and_answered_politely(
    bot: AlmanacBot,
    fake_discord: FakeDiscord,
    caplog: pytest.LogCaptureFixture,
    command: str,
    message: str,
) -> None:
    """Any other exception is logged with its traceback; the user gets one polite line."""
    sent = await fake_discord.send_command(command)
    answer = await fake_discord.wait_for_reply(sent)
    assert answer["content"] == POLITE_FAILURE
    assert answer["flags"] & EPHEMERAL
    logged = [r for r in caplog.records if r.name == "almanac" and r.levelno == logging.ERROR]
    assert len(logged) == 1
    assert logged[0].exc_info is not None
    assert isinstance(logged[0].exc_info[1], RuntimeError)
    assert message in caplog.text
    assert "Traceback" in caplog.text


@pytest.mark.parametrize(
    ("command", "dm", "expected"),
    [
        ("admin", False, "You need the Manage Server permission to do that."),
        ("manager", False, "You need the Manager role to do that."),
        ("manager", True, "This command only works in a server, not in direct messages."),
    ],
)
async def test_check_failures_are_explained(
    bot: AlmanacBot, fake_discord: FakeDiscord, command: str, dm: bool, expected: str
) -> None:
    """Missing permissions or roles and DM limits get a short ephemeral explanation."""
    sent = await fake_discord.send_command(command, user_id=MEMBER_ID, dm=dm)
    answer = await fake_discord.wait_for_reply(sent)
    assert answer["content"] == expected
    assert answer["flags"] & EPHEMERAL


async def test_admin_passes_the_check(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """A member with Manage Server runs the command."""
    sent = await fake_discord.send_command("admin")
    assert (await fake_discord.wait_for_reply(sent))["content"] == "done"


async def test_cooldown_is_explained(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """A second call within the cooldown gets a "slow down" reply."""
    first = await fake_discord.send_command("cool")
    assert (await fake_discord.wait_for_reply(first))["content"] == "cool"
    second = await fake_discord.send_command("cool")
    answer = await fake_discord.wait_for_reply(second)
    assert answer["content"].startswith("Slow down a little: try again in ")


async def test_no_payload_can_mention(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """Every message the bot sends carries allowed_mentions with an empty parse list."""
    sent = await fake_discord.send_command("shout", {"text": "@everyone <@&123> hi"})
    await fake_discord.wait_for_followups(sent, count=2)
    for command in ("usererror", "bug", "cool"):
        await fake_discord.wait_for_reply(await fake_discord.send_command(command))
    payloads = fake_discord.message_payloads()
    assert len(payloads) >= 5
    for payload in payloads:
        assert payload["allowed_mentions"]["parse"] == [], payload


async def test_synced_commands_are_valid(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """The command payload the stand-in received respects Discord's limits."""
    assert {c["name"] for c in fake_discord.global_commands} == {
        "usererror",
        "bug",
        "latebug",
        "admin",
        "manager",
        "shout",
        "late",
        "cool",
    }
    assert command_problems(fake_discord.global_commands) == []


def test_command_problems_catches_bad_definitions() -> None:
    """The validator reports names, descriptions and option order Discord would reject."""
    bad = {
        "name": "Bad Name",
        "description": "",
        "type": 1,
        "options": [
            {"name": "opt", "description": "x", "type": 3},
            {"name": "req", "description": "y" * 101, "type": 3, "required": True},
        ],
    }
    problems = command_problems([bad])
    assert any("name 'Bad Name'" in p for p in problems)
    assert any("description must be 1-100 characters, has 0" in p for p in problems)
    assert any("required options must come before" in p for p in problems)
    assert any("has 101" in p for p in problems)


async def test_no_sync_on_start_without_dev_guild(
    start_almanac: StartAlmanac, fake_discord: FakeDiscord
) -> None:
    """Starting does not upload commands unless a dev guild is configured."""
    bot = await start_almanac(None, SAMPLE, sync=False)
    assert bot.store is None
    assert not [r for r in fake_discord.requests if r.method == "PUT"]


async def test_dev_guild_sync_on_start(
    start_almanac: StartAlmanac, fake_discord: FakeDiscord
) -> None:
    """With ALMANAC_DEV_GUILD, start syncs to that guild only, and its commands work there."""
    await start_almanac(None, SAMPLE, sync=False, dev_guild=GUILD_ID)
    assert fake_discord.global_commands == []
    assert {c["name"] for c in fake_discord.guild_commands[GUILD_ID]} >= {"usererror", "bug"}
    sent = await fake_discord.send_command("admin")
    assert "guild_id" in sent.payload["data"]
    assert (await fake_discord.wait_for_reply(sent))["content"] == "done"


async def test_slash_only_intents(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """The bot identifies without the privileged message content intent."""
    intents = fake_discord.identifies[0]["intents"]
    assert not intents & (1 << 15)  # MESSAGE_CONTENT
    assert not intents & (1 << 1)  # GUILD_MEMBERS


async def test_expired_interaction_answers_in_channel(
    bot: AlmanacBot, fake_discord: FakeDiscord
) -> None:
    """An answer that comes after the interaction expired is posted in the channel."""
    sent = await fake_discord.send_command("late")
    fake_discord.expire_interaction(sent)
    [message] = await fake_discord.wait_for_channel_messages(GENERAL_ID)
    assert message["content"] == "late answer"
    assert fake_discord.callback(sent) is None


@pytest.mark.parametrize("guild_id", [None, GUILD_ID])
async def test_sync_once(
    almanac_settings: Settings, fake_discord: FakeDiscord, guild_id: int | None
) -> None:
    """`almanac sync` logs in over REST only and uploads the tree globally or to one guild."""
    no_store: Any = None  # the sample extension never touches the store
    synced = await sync_once(almanac_settings, no_store, guild_id, SAMPLE)
    assert {c.name for c in synced} >= {"usererror", "bug"}
    recorded = (
        fake_discord.global_commands if guild_id is None else fake_discord.guild_commands[GUILD_ID]
    )
    assert {c["name"] for c in recorded} == {c.name for c in synced}
    assert not fake_discord.identifies  # no gateway connection


async def test_sync_says_nothing_of_daily_posts(
    almanac_settings: Settings,
    fake_discord: FakeDiscord,
    seeded_store: Store,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """`almanac sync` loads every real extension to upload them, and posts nothing: it
    must not warn that daily posts will not run."""
    with caplog.at_level(logging.INFO):
        synced = await sync_once(almanac_settings, seeded_store, None)
    assert "daily" in {c.name for c in synced}
    assert not [r for r in caplog.records if "daily" in r.getMessage().lower()]


async def test_seeded_store_reaches_the_bot(
    start_almanac: StartAlmanac, seeded_store: Store
) -> None:
    """The real store built from seeds/ is what cogs find as `bot.store`."""
    bot = await start_almanac(seeded_store, SAMPLE, sync=False)
    assert bot.store is seeded_store
    assert await seeded_store.documents()
