"""The stand-in speaks enough Discord for the real discord.py client."""

from __future__ import annotations

import asyncio
from typing import Any

import aiohttp
import discord
import pytest
from discord import app_commands
from discord.ext import commands

from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import (
    ADMIN_ID,
    ANNOUNCEMENTS_ID,
    BOT_ID,
    FAST_READY,
    GENERAL_ID,
    GUILD_ID,
    MEMBER_ID,
    BotCrashedError,
    FakeDiscord,
    make_bot,
    make_guild,
)

FRUITS = ["apple", "apricot", "banana", "cherry"]


class PingView(discord.ui.View):
    """One button that edits its own message."""

    @discord.ui.button(label="Ping", custom_id="standin:ping")
    async def ping(self, interaction: discord.Interaction, button: discord.ui.Button[Any]) -> None:
        await interaction.response.edit_message(content=f"pong {interaction.user.id}", view=None)


async def _fruit_choices(
    interaction: discord.Interaction, current: str
) -> list[app_commands.Choice[str]]:
    return [app_commands.Choice(name=f, value=f) for f in FRUITS if f.startswith(current)]


def sample_bot() -> commands.Bot:
    """A bot with one command per stand-in feature under test."""
    bot = make_bot()

    @bot.tree.command(description="Say it back")
    async def echo(interaction: discord.Interaction, text: str, times: int = 1) -> None:
        await interaction.response.send_message(" ".join([text] * times))

    @bot.tree.command(description="Pick a fruit")
    @app_commands.autocomplete(fruit=_fruit_choices)
    async def pick(interaction: discord.Interaction, fruit: str) -> None:
        await interaction.response.send_message(fruit)

    @bot.tree.command(description="A message with a button")
    async def button(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("press", view=PingView())

    @bot.tree.command(description="Who is asking, from where")
    async def whoami(interaction: discord.Interaction) -> None:
        where = "dm" if interaction.guild is None else interaction.guild.name
        manage = interaction.permissions.manage_guild
        await interaction.response.send_message(f"{interaction.user.id} {where} {manage}")

    @bot.tree.command(description="Defer, then answer twice")
    async def slow(interaction: discord.Interaction) -> None:
        await interaction.response.defer(ephemeral=True, thinking=True)
        await interaction.followup.send("first")
        await interaction.followup.send("second")

    @bot.tree.command(description="Only in servers")
    @app_commands.guild_only()
    async def serveronly(interaction: discord.Interaction) -> None:
        await interaction.response.send_message("ok")

    daily = app_commands.Group(name="daily", description="Daily posts")

    @daily.command(name="set", description="Choose a channel")
    async def daily_set(interaction: discord.Interaction, channel: discord.TextChannel) -> None:
        await interaction.response.send_message(f"channel {channel.id} {channel.name}")

    bot.tree.add_command(daily)
    return bot


@pytest.fixture
async def bot(start_bot: StartBot) -> commands.Bot:
    """The sample bot, running and synced against the stand-in."""
    return await start_bot(sample_bot())


async def test_login_ready_and_guild(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """The client logs in, identifies, becomes ready and caches the guild and its channels."""
    assert bot.user is not None
    assert bot.user.id == BOT_ID
    guild = bot.get_guild(GUILD_ID)
    assert guild is not None
    assert guild.name == "Almanac Test"
    assert {c.id for c in guild.text_channels} == {GENERAL_ID, ANNOUNCEMENTS_ID}
    assert guild.owner_id == ADMIN_ID
    assert guild.me is not None
    paths = [(r.method, r.path) for r in fake_discord.requests]
    assert ("GET", "/users/@me") in paths
    assert ("GET", "/oauth2/applications/@me") in paths
    assert fake_discord.identifies[0]["intents"] == bot.intents.value
    assert {c["name"] for c in fake_discord.global_commands} >= {"echo", "pick", "daily"}


async def test_responses_are_exactly_application_json(fake_discord: FakeDiscord) -> None:
    """JSON answers carry no charset (discord.py would not parse them) and unknown routes 404."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{fake_discord.api_base}/users/@me") as response:
            assert response.headers["Content-Type"] == "application/json"
        async with session.get(f"{fake_discord.api_base}/no/such/route") as response:
            assert response.status == 404
            assert await response.json() == {"message": "Unknown", "code": 0}
    assert [r.path for r in fake_discord.unknown_routes] == ["/no/such/route"]


async def test_slash_command_callback(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """A slash command with options reaches the bot and its callback is recorded."""
    sent = await fake_discord.send_command("echo", {"text": "hello", "times": 2})
    body = await fake_discord.wait_for_callback(sent)
    assert body["type"] == 4
    assert body["data"]["content"] == "hello hello"
    reply = await fake_discord.wait_for_reply(sent)
    assert reply["content"] == "hello hello"
    assert reply["channel_id"] == str(GENERAL_ID)


async def test_subcommand_with_channel_option(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """A subcommand's channel option arrives resolved, typed from the synced definition."""
    sent = await fake_discord.send_command("daily set", {"channel": ANNOUNCEMENTS_ID})
    reply = await fake_discord.wait_for_reply(sent)
    assert reply["content"] == f"channel {ANNOUNCEMENTS_ID} announcements"


async def test_deferred_then_followups(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """A thinking defer is replaced by the first followup; the second is a new message."""
    sent = await fake_discord.send_command("slow")
    body = await fake_discord.wait_for_callback(sent)
    assert body["type"] == 5
    followups = await fake_discord.wait_for_followups(sent, count=2)
    assert [m["content"] for m in followups] == ["first", "second"]
    reply = await fake_discord.wait_for_reply(sent)
    assert reply["content"] == "first"
    assert reply["flags"] & 64  # the defer made it ephemeral


async def test_second_response_is_refused(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """Only the first callback of an interaction is accepted, as on Discord (code 40060)."""
    sent = await fake_discord.send_command("echo", {"text": "once"})
    await fake_discord.wait_for_callback(sent)
    url = f"{fake_discord.api_base}/interactions/{sent.id}/{sent.token}/callback"
    body = {"type": 4, "data": {"content": "twice"}}
    async with aiohttp.ClientSession() as session, session.post(url, json=body) as response:
        assert response.status == 400
        assert (await response.json())["code"] == 40060


async def test_autocomplete(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """Autocomplete gets the focused partial value and its choices are recorded."""
    sent = await fake_discord.send_autocomplete("pick", "fruit", "ap")
    choices = await fake_discord.wait_for_choices(sent)
    assert [c["name"] for c in choices] == ["apple", "apricot"]


async def test_button_click(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """A click on a button the bot sent reaches its view, which edits the message."""
    sent = await fake_discord.send_command("button")
    message = await fake_discord.wait_for_reply(sent)
    click = await fake_discord.click_button(message, "standin:ping", user_id=MEMBER_ID)
    body = await fake_discord.wait_for_callback(click)
    assert body["type"] == 7
    assert fake_discord.messages[int(message["id"])]["content"] == f"pong {MEMBER_ID}"


@pytest.mark.parametrize(
    ("user_id", "dm", "expected"),
    [
        (ADMIN_ID, False, f"{ADMIN_ID} Almanac Test True"),
        (MEMBER_ID, False, f"{MEMBER_ID} Almanac Test False"),
        (MEMBER_ID, True, f"{MEMBER_ID} dm False"),
    ],
)
async def test_who_is_asking(
    bot: commands.Bot, fake_discord: FakeDiscord, user_id: int, dm: bool, expected: str
) -> None:
    """Guild members carry their permissions; a DM interaction has a user and no guild."""
    sent = await fake_discord.send_command("whoami", user_id=user_id, dm=dm)
    reply = await fake_discord.wait_for_reply(sent)
    assert reply["content"] == expected


async def test_guild_only_command_is_not_delivered_in_dm(
    bot: commands.Bot, fake_discord: FakeDiscord
) -> None:
    """Like Discord, the stand-in will not deliver a guild-only command from a DM."""
    with pytest.raises(AssertionError, match="guild-only"):
        await fake_discord.send_command("serveronly", dm=True)
    sent = await fake_discord.send_command("serveronly")
    assert (await fake_discord.wait_for_reply(sent))["content"] == "ok"


@pytest.mark.parametrize(("status", "error"), [(403, discord.Forbidden), (404, discord.NotFound)])
async def test_channel_send_errors(
    bot: commands.Bot, fake_discord: FakeDiscord, status: int, error: type[Exception]
) -> None:
    """A channel set to fail answers 403/404 and the bot sees Forbidden/NotFound."""
    fake_discord.fail_channel(GENERAL_ID, status)
    channel = bot.get_channel(GENERAL_ID)
    assert isinstance(channel, discord.TextChannel)
    with pytest.raises(error):
        await channel.send("hello")
    fake_discord.fail_channel(GENERAL_ID, None)
    await channel.send("hello again")
    assert [m["content"] for m in fake_discord.channel_messages(GENERAL_ID)] == ["hello again"]


async def test_rate_limit_is_retried(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """Global 429s (with retry_after) are absorbed by discord.py's retries: nothing is lost."""
    fake_discord.set_rate_limit(4, window=0.2)
    channel = bot.get_channel(ANNOUNCEMENTS_ID)
    assert isinstance(channel, discord.TextChannel)
    await asyncio.gather(*(channel.send(f"post {i}") for i in range(12)))
    posted = fake_discord.channel_messages(ANNOUNCEMENTS_ID)
    assert sorted(m["content"] for m in posted) == sorted(f"post {i}" for i in range(12))
    assert fake_discord.rate_limited_count > 0
    assert any(r.status == 429 for r in fake_discord.requests)


async def test_guild_and_channel_delete(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """CHANNEL_DELETE and GUILD_DELETE update the client's cache."""
    await fake_discord.delete_channel(ANNOUNCEMENTS_ID)
    await fake_discord.wait_until(
        lambda: True if bot.get_channel(ANNOUNCEMENTS_ID) is None else None, 2, "channel gone"
    )
    await fake_discord.remove_guild(GUILD_ID)
    await fake_discord.wait_until(
        lambda: True if bot.get_guild(GUILD_ID) is None else None, 2, "guild gone"
    )


async def test_bot_crash_fails_fast(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """A gateway payload discord.py cannot parse ends the bot and the waiting test at once."""
    await fake_discord.dispatch("INTERACTION_CREATE", {"id": "1", "type": 2})
    # Waiting out the 10 s would end in the stand-in's time-out error, not this one.
    with pytest.raises(BotCrashedError):
        await fake_discord.wait_until(lambda: None, 10, "something that never comes")


async def test_guild_join(bot: commands.Bot, fake_discord: FakeDiscord) -> None:
    """A guild added while running arrives by GUILD_CREATE and its channels accept posts."""
    guild = make_guild("Second", channels=2)
    await fake_discord.add_guild(guild)
    await fake_discord.wait_until(lambda: bot.get_guild(guild.id), 2, "the new guild")
    channel = bot.get_channel(guild.channels[1].id)
    assert isinstance(channel, discord.TextChannel)
    await channel.send("hi")
    assert fake_discord.channel_messages(channel.id)[0]["guild_id"] == str(guild.id)


async def test_auto_sharded_bot(start_bot: StartBot, fake_discord: FakeDiscord) -> None:
    """AutoShardedBot asks /gateway/bot for a shard count and gets READY with `shard`."""
    bot = commands.AutoShardedBot(
        commands.when_mentioned, intents=discord.Intents.default(), **FAST_READY
    )
    await start_bot(bot, sync=False)
    assert bot.shard_count == 1
    assert bot.get_guild(GUILD_ID) is not None
    assert ("GET", "/gateway/bot") in [(r.method, r.path) for r in fake_discord.requests]
    assert fake_discord.identifies[0]["shard"] == [0, 1]
