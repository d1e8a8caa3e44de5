"""Running a bot against the stand-in: FAST_READY, make_bot and running_bot."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from typing import TYPE_CHECKING, Any, TypeVar

import discord
from discord.ext import commands

from bot.discord_bot.app import AlmanacBot, use_endpoints
from tests.e2e.fake_discord.waiting import BotCrashedError

if TYPE_CHECKING:
    from tests.e2e.fake_discord import FakeDiscord

BotT = TypeVar("BotT", bound=discord.Client)


# Seconds discord.py waits for more GUILD_CREATEs before READY (default 2).
FAST_READY: dict[str, Any] = {"guild_ready_timeout": 0.05}


def make_bot(**options: Any) -> commands.Bot:
    """A plain commands.Bot for harness tests: default intents, fast ready."""
    return commands.Bot(
        command_prefix="!", intents=discord.Intents.default(), **FAST_READY | options
    )


@contextlib.asynccontextmanager
async def running_bot(
    bot: BotT,
    fake: FakeDiscord,
    *,
    token: str = "fake-token",
    ready_timeout: float = 10.0,
    sync: bool = True,
) -> AsyncIterator[BotT]:
    """Run `bot.start()` against the stand-in until ready; close it on exit.

    A plain bot is pointed at the stand-in with the same `use_endpoints` that
    AlmanacBot applies from its Settings. The start task is watched, so a crash
    in the bot (a KeyError while parsing a gateway payload, say) fails the
    waiting test at once instead of hanging it. With `sync`, the command tree
    is synced so the stand-in knows the option types of every command.
    """
    if not isinstance(bot, AlmanacBot):
        use_endpoints(fake.api_base, fake.gateway_url)
    task = asyncio.create_task(bot.start(token), name="bot.start")
    fake.watch(task)
    try:
        await _wait_ready(bot, task, ready_timeout)
        if sync and isinstance(bot, commands.Bot | commands.AutoShardedBot):
            await _sync_all(bot)
        yield bot
    finally:
        await bot.close()
        await _finish(task, fake)


async def _wait_ready(
    bot: discord.Client,
    task: asyncio.Task[None],
    ready_timeout: float,
) -> None:
    ready = asyncio.ensure_future(bot.wait_until_ready())
    done, _ = await asyncio.wait(
        {ready, task}, timeout=ready_timeout, return_when=asyncio.FIRST_COMPLETED
    )
    if ready in done:
        return
    ready.cancel()
    if task.done():
        task.result()  # re-raise why the bot could not start
        raise BotCrashedError("the bot stopped before it was ready")
    raise TimeoutError(f"bot not ready after {ready_timeout}s")


async def _sync_all(bot: commands.Bot | commands.AutoShardedBot) -> None:
    await bot.tree.sync()
    for guild in bot.guilds:
        if bot.tree.get_commands(guild=guild):
            await bot.tree.sync(guild=guild)


async def _finish(task: asyncio.Task[None], fake: FakeDiscord) -> None:
    """Wait for the start task; report a crash nobody has reported yet."""
    done, _ = await asyncio.wait({task}, timeout=5)
    if not done:
        task.cancel()
        await asyncio.wait({task}, timeout=5)
    if task not in fake._watched:
        return  # a wait_* already raised BotCrashedError for it
    fake._watched.remove(task)
    if not task.cancelled() and task.exception() is not None:
        raise BotCrashedError("the bot task failed") from task.exception()
