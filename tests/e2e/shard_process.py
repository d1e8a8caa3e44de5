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
import contextlib
import gc
import json
import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, Final

from bot.config import Settings
from bot.discord_bot.app import AlmanacBot
from bot.process.runtime import run as run_loop
from bot.process.runtime import tune_gc
from db.read.store import Store
from db.state.backend import open_state
from db.state.postgres import PostgresStateStore
from db.state.records import EmptyDay
from tests.e2e.fake_discord import FakeGuild
from tests.paths import PROJECT_ROOT

# The instant every server's daily post is due, in the tests and the bench.
DUE: Final = datetime(2026, 6, 16, 9, 0, tzinfo=UTC)
READY_TIMEOUT: Final = 60.0
ANSWER_TIMEOUT: Final = 120.0  # a run of 1,000 posts at 45/s takes 22 s
# Seconds discord.py waits for more GUILD_CREATEs before READY: longer than the
# harness's, since this process shares two cores with the others and the stand-in.
GUILD_READY: Final = 0.5


async def subscribe_due(state_url: str, guilds: Iterable[FakeGuild]) -> None:
    """Each server's first channel subscribed, the day before, to a post at DUE (UTC,
    nearest anniversary on an empty day) in the PostgreSQL state store at state_url."""
    async with await PostgresStateStore.open(
        state_url, clock=lambda: DUE - timedelta(days=1)
    ) as state:
        for guild in guilds:
            await state.subscribe(
                guild.id,
                channel_id=guild.channels[0].id,
                post_time=DUE.time(),
                timezone="UTC",
                empty_day=EmptyDay.NEAREST,
            )


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


# -- the driver's side ------------------------------------------------------------


@dataclass
class BotProcess:
    """A running shard process, driven line by line; its stderr goes to `log`."""

    process: asyncio.subprocess.Process
    log: Path

    @classmethod
    async def start(
        cls, env: Mapping[str, str], guilds: int, now: datetime, log: Path
    ) -> BotProcess:
        """Start one with these settings (environment) and clock; return it once ready."""
        with log.open("wb") as err:
            process = await asyncio.create_subprocess_exec(
                *(sys.executable, "-m", "tests.e2e.shard_process", str(guilds), now.isoformat()),
                env=dict(env),
                cwd=PROJECT_ROOT,
                stdin=asyncio.subprocess.PIPE,
                stdout=asyncio.subprocess.PIPE,
                stderr=err,
            )
        bot = cls(process, log)
        try:
            ready = await bot.answer(READY_TIMEOUT + 30)
        except BaseException:
            await bot.stop()
            raise
        if ready != "ready":
            await bot.stop()
            raise RuntimeError(f"the bot process said {ready!r} instead of ready")
        return bot

    async def say(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{line}\n".encode())
        await self.process.stdin.drain()

    async def answer(self, timeout: float = ANSWER_TIMEOUT) -> str:  # noqa: ASYNC109
        assert self.process.stdout is not None
        line = await asyncio.wait_for(self.process.stdout.readline(), timeout)
        if not line:
            raise RuntimeError(f"the bot process ended: {self.log.read_text()[-3000:]}")
        return line.decode().strip()

    async def run(self, now: datetime) -> Counter[str]:
        """Set the clock and run the poster once: its outcomes."""
        await self.say(f"clock {now.isoformat()}")
        await self.say("run")
        return Counter(json.loads(await self.answer()))

    async def stop(self) -> None:
        """End its stdin and wait; killed if it does not stop."""
        if self.process.returncode is not None:
            return
        assert self.process.stdin is not None
        self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), READY_TIMEOUT)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


def main(argv: list[str]) -> None:
    guilds, start = argv
    tune_gc()  # as `almanac run` does
    run_loop(serve(int(guilds), SetClock(datetime.fromisoformat(start))))


if __name__ == "__main__":
    main(sys.argv[1:])


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """No garbage collection in this process (the stand-in's) for the block: a full
    collection of the test session's (or the bench's) heap pauses the stand-in, and
    requests that wait meanwhile reach its rate limiter together, as they never reach
    Discord's."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
