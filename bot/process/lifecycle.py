"""Process lifecycle for `almanac run` and `almanac sync`.

The stores are opened once here, handed to the bot, and closed on the way out;
a start-up problem becomes one readable line and a non-zero exit.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import discord

from bot.config import Settings, SettingsError
from bot.discord_bot.app import run_bot as run_discord_bot
from bot.discord_bot.app import sync_once
from bot.process.logs import setup_logging
from bot.process.runtime import freeze_startup_objects, tune_gc
from bot.process.runtime import run as run_loop
from db.read.store import Store
from db.state.backend import StateBackend, StateStoreError, open_state

log = logging.getLogger("almanac")


def run_bot(settings: Settings, content: Path) -> int:
    """Run the Discord bot until interrupted; the exit status says how it ended."""
    setup_logging(settings.log_level, settings.token)
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
        async with (
            await Store.open(content) as store,
            await _open_state(settings) as state,
        ):
            freeze_startup_objects()  # the store's in-memory indexes, modules, settings
            await run_discord_bot(settings, store, state)

    return _guarded(run)


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


def _guarded(main: Callable[[], Coroutine[Any, Any, None]]) -> int:
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
    except (OSError, discord.GatewayNotFound) as error:
        print(f"almanac: cannot reach Discord ({type(error).__name__})", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    return 0
