"""Process lifecycle for `almanac run` and `almanac sync`.

The stores are opened once here, handed to the adapters (Discord, Slack or both,
depending on which tokens are set), and closed on the way out; a start-up problem
becomes one readable line and a non-zero exit.
"""

from __future__ import annotations

import asyncio
import logging
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import discord
from slack_sdk.errors import SlackApiError

from bot.answers.picture import share_pictures
from bot.config import Settings, SettingsError
from bot.discord_bot.app import run_bot as run_discord_bot
from bot.discord_bot.app import sync_once
from bot.process.logs import setup_logging
from bot.process.runtime import freeze_startup_objects, tune_gc
from bot.process.runtime import run as run_loop
from bot.slack_bot.app import run_slack
from bot.slack_bot.client import slack_error
from db.read.store import Store
from db.state.backend import StateBackend, StateStoreError, open_state

log = logging.getLogger("almanac")


NO_TOKEN = (
    "neither DISCORD_TOKEN nor SLACK_BOT_TOKEN is set: put one (or both) in the "
    "environment or .env (see the README)"
)


def run_bot(settings: Settings, content: Path) -> int:
    """Run the bot until interrupted, in Discord, Slack or both (whichever tokens are
    set); the exit status says how it ended."""
    setup_logging(settings.log_level, settings.token, more_secrets=settings.secrets)
    tune_gc()
    if not settings.runs_every_shard and settings.state_url is None:
        log.warning(
            "Running shards %s of %s with the SQLite state file: other processes do not"
            " share its claims or its rate budget; set ALMANAC_STATE_URL to a PostgreSQL"
            " database that every process shares",
            ",".join(map(str, settings.shards or ())),
            settings.shard_count,
        )

    async def run() -> None:
        if not (settings.runs_discord or settings.runs_slack):
            raise SettingsError(NO_TOKEN)
        async with (
            await Store.open(content) as store,
            await _open_state(settings) as state,
        ):
            freeze_startup_objects()  # the store's in-memory indexes, modules, settings
            share_pictures(settings.picture_cache)  # drawn once for the machine's processes
            adapters = []
            if settings.runs_discord:
                adapters.append(run_discord_bot(settings, store, state))
            if settings.runs_slack:
                adapters.append(run_slack(settings, store, state))
                if not settings.runs_discord:  # the Discord bot watches the store itself
                    adapters.append(store.watch())
            await _together(adapters)

    used = (("Discord", settings.runs_discord), ("Slack", settings.runs_slack))
    return _guarded(run, " or ".join(name for name, on in used if on) or "Discord")


async def _together(adapters: list[Coroutine[Any, Any, None]]) -> None:
    """Run the adapters side by side; when one stops with an error, stop the others
    and raise that error itself (one readable line), not a group of them."""
    tasks = [asyncio.create_task(adapter) for adapter in adapters]
    try:
        done, _ = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    finally:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    for task in done:
        task.result()


async def _open_state(settings: Settings) -> StateBackend:
    """The state store the settings name (PostgreSQL by URL, else the SQLite file)."""
    try:
        return await open_state(settings.state_location)
    except StateStoreError as error:
        raise StateStoreError(f"state store {settings.state_shown}: {error}") from None


def sync_commands(settings: Settings, content: Path, guild_id: int | None) -> int:
    """Publish the slash commands globally or to one server, then exit."""
    setup_logging(settings.log_level, settings.token)

    async def sync() -> None:
        async with await Store.open(content) as store:
            synced = await sync_once(settings, store, guild_id)
        where = f"server {guild_id}" if guild_id else "every server (global)"
        print(f"Published {len(synced)} commands to {where}.")

    return _guarded(sync)


def _guarded(main: Callable[[], Coroutine[Any, Any, None]], services: str = "Discord") -> int:
    """Run a coroutine function, turning known start-up failures into one line."""
    try:
        run_loop(main())
    except SettingsError as error:
        print(f"almanac: {error}", file=sys.stderr)
        return 2
    except StateStoreError as error:
        print(f"almanac: {error}", file=sys.stderr)
        return 1
    except discord.LoginFailure:
        print(
            "almanac: Discord refused the token (DISCORD_TOKEN): check it in .env", file=sys.stderr
        )
        return 2
    except discord.PrivilegedIntentsRequired:
        print("almanac: Discord refused the requested intents", file=sys.stderr)
        return 2
    except SlackApiError as error:
        print(
            f"almanac: Slack refused the bot token (SLACK_BOT_TOKEN): {slack_error(error)};"
            " check it in .env",
            file=sys.stderr,
        )
        return 2
    except (OSError, discord.GatewayNotFound) as error:
        print(f"almanac: cannot reach {services} ({type(error).__name__})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0
