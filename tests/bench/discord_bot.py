"""The bot half of the 1,000-command benchmark, in a process of its own.

`python -m tests.bench.discord_bot STORE API_BASE GATEWAY STATE_DB` starts
AlmanacBot against the stand-in (which runs in the parent, as the real Discord
runs elsewhere), syncs the command tree, prints one JSON line `{"ready": ...}`,
and runs until a line arrives on stdin; it then prints `{"memory_kb": ...}` and exits.
Set ALMANAC_BENCH_PROFILE=path to write a cProfile of the event-loop thread (CPU time) there.
"""

from __future__ import annotations

import asyncio
import cProfile
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.discord_bot.app import DEFAULT_EXTENSIONS, AlmanacBot
from bot.process.runtime import freeze_startup_objects, tune_gc
from bot.process.runtime import run as run_loop
from db.read.store import Store
from db.state.sqlite import StateStore
from tests.bench.discord_load import rss
from tests.e2e.fake_discord import FAST_READY


async def _sync_all(bot: AlmanacBot) -> None:
    await bot.tree.sync()
    for guild in bot.guilds:
        if bot.tree.get_commands(guild=guild):
            await bot.tree.sync(guild=guild)


async def _stdin_line() -> str:
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(None, sys.stdin.readline)


async def run(store_path: Path, api_base: str, gateway: str, state_db: Path) -> None:
    """Run the bot until told to stop on stdin."""
    memory: dict[str, Any] = {"start": rss()}
    settings = Settings.from_env(
        {
            "DISCORD_TOKEN": "fake-token",
            "ALMANAC_DB": str(store_path),
            "ALMANAC_STATE_DB": str(state_db),
            "DISCORD_API_BASE": api_base,
            "DISCORD_GATEWAY": gateway,
        },
        env_file=None,
    )
    opened = time.perf_counter()
    async with (
        await Store.open(store_path, ranked_cache=0) as store,  # measure searches, not a cache
        await StateStore.open(settings.state_db_path) as state,
    ):
        freeze_startup_objects()  # as `almanac run` does
        bot = AlmanacBot(settings, store, DEFAULT_EXTENSIONS, state=state, **FAST_READY)
        task = asyncio.create_task(bot.start("fake-token"))
        await asyncio.wait_for(bot.wait_until_ready(), 60)
        await _sync_all(bot)
        memory["ready"] = rss()
        cpu = os.times()
        print(json.dumps({"ready": round(time.perf_counter() - opened, 2)}), flush=True)
        profile = os.environ.get("ALMANAC_BENCH_PROFILE")
        profiler = cProfile.Profile(time.thread_time) if profile else None  # CPU of the loop thread
        if profiler:
            profiler.enable()
        await _stdin_line()
        if profiler and profile:
            profiler.disable()
            profiler.dump_stats(profile)
        memory["after"] = rss()
        used = os.times()
        cpu_seconds = round(used.user + used.system - cpu.user - cpu.system, 2)
        await bot.close()
        await asyncio.wait({task}, timeout=5)
    print(json.dumps({"memory_kb": memory, "bot_cpu_seconds": cpu_seconds}), flush=True)


def main() -> None:
    """Entry point of the bot's process."""
    store, api_base, gateway, state_db = sys.argv[1:5]
    tune_gc()  # as `almanac run` does
    run_loop(run(Path(store), api_base, gateway, Path(state_db)))


if __name__ == "__main__":
    main()
