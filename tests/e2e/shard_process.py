"""One bot process of test_shard_processes.py and the bench: AlmanacBot started as
`almanac run` starts it (settings from the environment: its shards, ALMANAC_STATE_URL,
the stand-in's endpoints), with a clock the driver sets.

`python -m tests.e2e.shard_process GUILDS START_ISO`

It prints `ready` once every shard is ready and GUILDS servers are cached, then reads
lines on stdin: `clock ISO` sets the clock; `run` runs the poster once and prints its
outcomes, counted, as one JSON line. The end of stdin stops it. The daily loop's own
ticks are stopped, so posts go out only on `run`, when the driver says.
"""

from __future__ import annotations

import asyncio
import json
import sys
from datetime import datetime
from typing import Any, Final

from bot.config import Settings
from bot.discord_bot.app import AlmanacBot
from bot.process.runtime import run as run_loop
from bot.process.runtime import tune_gc
from db.read.store import Store
from db.state.backend import open_state

READY_TIMEOUT: Final = 60.0
# Seconds discord.py waits for more GUILD_CREATEs before READY: longer than the
# harness's, since this process shares two cores with the others and the stand-in.
GUILD_READY: Final = 0.5


class SetClock:
    """The bot's clock: stands still wherever the driver last set it."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


async def _ready(bot: AlmanacBot, task: asyncio.Task[None], guilds: int) -> None:
    """Every shard ready and every expected server cached; the start's error if it ended."""
    async with asyncio.timeout(READY_TIMEOUT):
        while not (bot.is_ready() and len(bot.guilds) >= guilds):
            if task.done():
                task.result()
                raise RuntimeError("the bot stopped before it was ready")
            await asyncio.sleep(0.05)


async def serve(guilds: int, clock: SetClock) -> None:
    """Start the bot, say `ready`, obey stdin until it ends, then stop."""
    settings = Settings.from_env(env_file=None)
    async with (
        await Store.open(settings.db_path) as store,
        await open_state(settings.state_location, clock=clock) as state,
    ):
        bot = AlmanacBot(
            settings,
            store,
            ["cogs.daily"],
            state=state,
            clock=clock,
            identify_interval=0,
            guild_ready_timeout=GUILD_READY,
        )
        task = asyncio.create_task(bot.start(settings.require_token()))
        try:
            await _ready(bot, task, guilds)
            daily: Any = bot.get_cog("Daily")
            daily.tick.cancel()
            print("ready", flush=True)
            while line := await asyncio.to_thread(sys.stdin.readline):
                command, _, argument = line.strip().partition(" ")
                if command == "clock":
                    clock.now = datetime.fromisoformat(argument)
                elif command == "run":
                    report = await daily.run_now()
                    print(json.dumps(dict(report.count())), flush=True)
        finally:
            await bot.close()
            await asyncio.wait({task}, timeout=5)


def main(argv: list[str]) -> None:
    guilds, start = argv
    tune_gc()  # as `almanac run` does
    run_loop(serve(int(guilds), SetClock(datetime.fromisoformat(start))))


if __name__ == "__main__":
    main(sys.argv[1:])
