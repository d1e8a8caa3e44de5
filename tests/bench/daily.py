"""Daily posts: 1,000 servers due the same minute against a stand-in enforcing 50 requests/s.

Run in a fresh process (`python -m tests.bench.daily STORE`); prints one JSON
object. The bot's clock is injected (as in tests/e2e/test_daily.py): the bot
starts an hour before the post time, every server is cached, then the clock
moves to the post time and one poster run is timed. A second run must post
nothing: every channel should hold exactly one message.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any

from bot.config import Settings
from bot.discord_bot.app import AlmanacBot
from db.read.store import Store
from db.state.records import EmptyDay
from db.state.sqlite import StateStore
from tests.bench.report import ms
from tests.e2e.fake_discord import FAST_READY, FakeDiscord, make_guild, running_bot

SERVERS = 1000
RATE_LIMIT = 50  # requests per second, Discord's global REST limit
DUE = datetime(2026, 6, 16, 9, 0, tzinfo=UTC)


class Clock:
    """An injected clock that runs in real time from wherever it was last set."""

    def __init__(self, now: datetime) -> None:
        self.set(now)

    def set(self, now: datetime) -> None:
        """Jump to now."""
        self._base = now
        self._started = time.monotonic()

    def __call__(self) -> datetime:
        return self._base + timedelta(seconds=time.monotonic() - self._started)


async def run(store_path: Path, servers: int = SERVERS) -> dict[str, Any]:
    """Subscribe every server, start the bot, make the post time come, time the posts."""
    guilds = [make_guild(f"bench-{i}") for i in range(servers)]
    channels = [g.channels[0].id for g in guilds]
    fake = FakeDiscord(guilds=guilds)
    await fake.start()
    clock = Clock(DUE - timedelta(hours=1))
    try:
        with tempfile.TemporaryDirectory(prefix="almanac-bench-") as folder:
            settings = Settings.from_env(
                {
                    "DISCORD_TOKEN": "fake-token",
                    "ALMANAC_DB": str(store_path),
                    "ALMANAC_STATE_DB": str(Path(folder) / "state.sqlite3"),
                    "ALMANAC_PICTURE_CACHE": str(Path(folder) / "pictures"),
                    "DISCORD_API_BASE": fake.api_base,
                    "DISCORD_GATEWAY": fake.gateway_url,
                },
                env_file=None,
            )
            async with (
                await Store.open(store_path) as store,
                await StateStore.open(settings.state_db_path, clock=clock) as state,
            ):
                for guild, channel in zip(guilds, channels, strict=True):
                    await state.subscribe(
                        guild.id,
                        channel_id=channel,
                        post_time=clock_time(DUE.hour, DUE.minute),
                        timezone="UTC",
                        empty_day=EmptyDay.NEAREST,
                    )
                bot = AlmanacBot(
                    settings, store, ["cogs.daily"], state=state, clock=clock, **FAST_READY
                )
                async with running_bot(bot, fake, ready_timeout=120, sync=False):
                    await fake.wait_until(
                        lambda: True if len(bot.guilds) >= servers else None, 120, "every guild"
                    )
                    result = await _post_all(bot, fake, clock, channels)
    finally:
        await fake.close()
    return result


async def _post_all(
    bot: AlmanacBot, fake: FakeDiscord, clock: Clock, channels: list[int]
) -> dict[str, Any]:
    cog: Any = bot.get_cog("Daily")
    fake.set_rate_limit(RATE_LIMIT, window=1.0)
    clock.set(DUE)
    started = time.monotonic()
    first = await cog.run_now()
    seconds = time.monotonic() - started
    second = await cog.run_now()
    counts = [len(fake.channel_messages(c)) for c in channels]
    posted = [
        r.time
        for r in fake.requests
        if r.method == "POST" and r.path.startswith("/channels/") and r.status == 200
    ]
    floor = len(channels) / RATE_LIMIT
    return {
        "servers": len(channels),
        "rate_limit_per_s": RATE_LIMIT,
        "seconds": round(seconds, 3),
        "floor_seconds": floor,
        "ratio_to_floor": round(seconds / floor, 3),
        "first_to_last_post_seconds": round(max(posted) - min(posted), 3) if posted else None,
        "posted": sum(1 for c in counts if c >= 1),
        "duplicates": sum(c - 1 for c in counts if c > 1),
        "misses": sum(1 for c in counts if c == 0),
        "responses_429": fake.rate_limited_count,
        "first_run": dict(first.count()),
        "second_run": dict(second.count()),
        "mean_ms_per_post": ms(seconds / max(1, len(posted))),
    }


def main() -> None:
    """Entry point of the child process: one JSON object on stdout."""
    servers = int(sys.argv[2]) if len(sys.argv) > 2 else SERVERS
    print(json.dumps(asyncio.run(run(Path(sys.argv[1]), servers))))


if __name__ == "__main__":
    main()
