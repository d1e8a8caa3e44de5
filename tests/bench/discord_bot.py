"""The bot half of the 1,000-command benchmark, in a process of its own.

`python -m tests.bench.discord_bot STORE API_BASE GATEWAY STATE [SHARD_COUNT SHARDS]`
starts AlmanacBot against the stand-in (which runs in the parent, as the real Discord
runs elsewhere), syncs the command tree, prints one JSON line `{"ready": ...}`,
and runs until a line other than `cpu` arrives on stdin; it then prints
`{"memory_kb": ...}` and exits. Each `cpu` line is answered with `{"cpu_seconds": ...}`,
the process's CPU time so far, so a driver of several bots measures one window for all.
ALMANAC_PICTURE_CACHE in the environment is the folder of /timeline pictures the bots
of one run share, as `almanac run` shares them; the drivers give each run a fresh one,
so no run finds pictures an earlier one drew.
STATE is a SQLite file or a postgresql:// URL (several processes share one); with
SHARD_COUNT and SHARDS the process runs those shards only, and only the process
of shard 0 syncs the commands.
Set ALMANAC_BENCH_PROFILE=path to write a cProfile of the event-loop thread (CPU time) there.
"""

from __future__ import annotations

import asyncio
import cProfile
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.answers.picture import share_pictures
from bot.config import Settings
from bot.discord_bot.app import DEFAULT_EXTENSIONS, AlmanacBot
from bot.process.runtime import freeze_startup_objects, tune_gc
from bot.process.runtime import run as run_loop
from db.read.store import Store
from db.state.backend import is_postgres_url, open_state
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


async def run(
    store_path: Path, api_base: str, gateway: str, state: str, shards: Sequence[str] = ()
) -> None:
    """Run the bot until told to stop on stdin."""
    memory: dict[str, Any] = {"start": rss()}
    where = "ALMANAC_STATE_URL" if is_postgres_url(state) else "ALMANAC_STATE_DB"
    settings = Settings.from_env(
        {
            "DISCORD_TOKEN": "fake-token",
            "ALMANAC_DB": str(store_path),
            where: state,
            "DISCORD_API_BASE": api_base,
            "DISCORD_GATEWAY": gateway,
            "ALMANAC_PICTURE_CACHE": os.environ["ALMANAC_PICTURE_CACHE"],
            **dict(zip(("ALMANAC_SHARD_COUNT", "ALMANAC_SHARDS"), shards, strict=False)),
        },
        env_file=None,
    )
    opened = time.perf_counter()
    async with (
        await Store.open(store_path, ranked_cache=0) as store,  # measure searches, not a cache
        await open_state(settings.state_location) as state_store,
    ):
        freeze_startup_objects()  # as `almanac run` does
        share_pictures(settings.picture_cache)
        bot = AlmanacBot(
            settings,
            store,
            DEFAULT_EXTENSIONS,
            state=state_store,
            identify_interval=0,  # the stand-in does not limit sessions; start at once
            **FAST_READY,
        )
        task = asyncio.create_task(bot.start("fake-token"))
        await asyncio.wait_for(bot.wait_until_ready(), 60)
        if settings.shards is None or 0 in settings.shards:
            await _sync_all(bot)
        memory["ready"] = rss()
        cpu = os.times()
        print(json.dumps({"ready": round(time.perf_counter() - opened, 2)}), flush=True)
        profile = os.environ.get("ALMANAC_BENCH_PROFILE")
        profiler = cProfile.Profile(time.thread_time) if profile else None  # CPU of the loop thread
        if profiler:
            profiler.enable()
        while (await _stdin_line()).strip() == "cpu":  # the driver's clock: CPU so far
            now = os.times()
            print(json.dumps({"cpu_seconds": now.user + now.system}), flush=True)
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
    store, api_base, gateway, state = sys.argv[1:5]
    tune_gc()  # as `almanac run` does
    run_loop(run(Path(store), api_base, gateway, state, sys.argv[5:7]))


if __name__ == "__main__":
    main()
