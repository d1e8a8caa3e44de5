"""Bot processes sharing their state in PostgreSQL: real interpreters (shard_process.py)
running AlmanacBot on their shards against the stand-in, on a database of this
session's PostgreSQL server.

Every server is due in the same minute. Each is posted exactly once: by the process
of its shard; by one of two processes started for the same shards; and after one
process is killed (SIGKILL) mid-run and started again, the same local day. The
processes' posts together keep to Discord's 50 requests/s, which is the bot's, not a
process's: the stand-in answers 429 past it, and none comes.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
from collections import Counter
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path
from typing import Final

import asyncpg
import pytest

from bot.discord_bot.daily import CONCURRENCY
from db.state.records import STALE_CLAIM
from tests.conftest import new_database
from tests.e2e.fake_discord import FakeDiscord, FakeGuild, make_guild
from tests.e2e.shard_process import DUE, BotProcess, collector_paused, subscribe_due

SHARDS: Final = 2
RATE_LIMIT: Final = 50  # Discord's global REST limit, per bot
TIMEOUT: Final = 90.0


@dataclass
class Cluster:
    """The stand-in, the shared database and the bot processes of one test."""

    fake: FakeDiscord
    state_url: str
    content: Path
    folder: Path
    stack: contextlib.AsyncExitStack
    started: int = 0

    async def start(self, shards: str, of: int = SHARDS) -> BotProcess:
        """A bot process running `shards` of `of`, ready (every server of them cached)."""
        count = len(self.servers_of(shards, of))
        env = {
            **os.environ,
            "HOME": str(self.folder),
            "DISCORD_TOKEN": "fake-token",
            "ALMANAC_DB": str(self.content),
            "ALMANAC_STATE_URL": self.state_url,
            "DISCORD_API_BASE": self.fake.api_base,
            "DISCORD_GATEWAY": self.fake.gateway_url,
            "ALMANAC_SHARD_COUNT": str(of),
            "ALMANAC_SHARDS": shards,
            "ALMANAC_LOG_LEVEL": "WARNING",
        }
        self.started += 1
        log = self.folder / f"bot-{self.started}.log"
        bot = await BotProcess.start(env, count, DUE - timedelta(hours=1), log)
        self.stack.push_async_callback(bot.stop)
        return bot

    def servers_of(self, shards: str, of: int = SHARDS) -> list[int]:
        ids = {int(s) for s in shards.split(",")}
        return [g for g in self.fake.guilds if (g >> 22) % of in ids]

    def posts(self) -> Counter[int]:
        """Messages posted, by server."""
        return Counter(
            int(self.fake.messages[m]["guild_id"])
            for ids in self.fake.channel_posts.values()
            for m in ids
            if m in self.fake.messages
        )

    async def post_log(self) -> Counter[str]:
        """The day's post-log rows, by status."""
        conn = await asyncpg.connect(self.state_url)
        try:
            rows = await conn.fetch("SELECT status FROM post_log WHERE local_date = $1", DUE.date())
        finally:
            await conn.close()
        return Counter(r[0] for r in rows)


def servers(count: int) -> list[FakeGuild]:
    """`count` servers, spread evenly over the shards."""
    return [make_guild(f"s{i}", shard=(i % SHARDS, SHARDS)) for i in range(count)]


@contextlib.asynccontextmanager
async def cluster(
    request: pytest.FixtureRequest, content: Path, folder: Path, guilds: Sequence[FakeGuild]
) -> AsyncIterator[Cluster]:
    """The stand-in with `guilds`, each subscribed to a post at DUE in a fresh database."""
    url = await new_database(request)
    await subscribe_due(url, guilds)
    fake = FakeDiscord(guilds=guilds)
    await fake.start()
    try:
        async with contextlib.AsyncExitStack() as stack:
            yield Cluster(fake, url, content, folder, stack)
    finally:
        await fake.close()


async def test_processes_of_each_shard_post_each_server_once_under_the_limit(
    request: pytest.FixtureRequest, seeded_content: Path, tmp_path: Path
) -> None:
    """120 servers due at once, shard 0 and shard 1 in two processes: each server is
    posted once, by its shard's process, and the bot never passes 50 requests/s."""
    async with cluster(request, seeded_content, tmp_path, servers(120)) as world:
        bots = [await world.start("0"), await world.start("1")]
        world.fake.set_rate_limit(RATE_LIMIT, window=1.0)
        with collector_paused():  # the stand-in's own pauses are not the bot's rate
            outcomes = await asyncio.gather(*(bot.run(DUE) for bot in bots))
        assert outcomes == [Counter(posted=60), Counter(posted=60)]
        assert world.posts() == Counter(set(world.fake.guilds))
        assert world.fake.rate_limited_count == 0
        assert world.fake.errors == []
        assert await world.post_log() == Counter(posted=120)


async def test_two_processes_started_for_the_same_shards_post_once(
    request: pytest.FixtureRequest, seeded_content: Path, tmp_path: Path
) -> None:
    """Two processes both running every shard (a deploy's overlap): one post a server."""
    async with cluster(request, seeded_content, tmp_path, servers(40)) as world:
        bots = [await world.start("0,1"), await world.start("0,1")]
        outcomes = await asyncio.gather(*(bot.run(DUE) for bot in bots))
        assert sum(outcomes, Counter()) == Counter(posted=40, taken=40)
        assert world.posts() == Counter(set(world.fake.guilds))
        assert await world.post_log() == Counter(posted=40)


async def test_processes_of_a_reshard_overlapping_post_once(
    request: pytest.FixtureRequest, seeded_content: Path, tmp_path: Path
) -> None:
    """A reshard from 2 to 4 shards while the old processes still run: shard 0 of 2 and
    shards 0 and 2 of 4 (the same servers, counted anew) post them once between them."""
    async with cluster(request, seeded_content, tmp_path, servers(40)) as world:
        old, new = await world.start("0"), await world.start("0,2", of=4)
        assert set(world.servers_of("0")) == set(world.servers_of("0,2", of=4))
        outcomes = await asyncio.gather(old.run(DUE), new.run(DUE))
        assert sum(outcomes, Counter()) == Counter(posted=20, taken=20)
        assert world.posts() == Counter(world.servers_of("0"))
        assert await world.post_log() == Counter(posted=20)


async def test_a_process_killed_mid_run_posts_the_rest_the_same_day(
    request: pytest.FixtureRequest, seeded_content: Path, tmp_path: Path
) -> None:
    """Shard 0's process is SIGKILLed mid-run, its last servers not yet posted and as many
    posts as it sends at once on their way, unanswered; started again after the
    stale-claim delay, it finds those in their channels and posts the rest the same
    local day: every server once."""
    async with cluster(request, seeded_content, tmp_path, servers(40)) as world:
        mine = world.servers_of("0")  # in the poster's order (by id)
        waiting = mine[10 : 10 + CONCURRENCY]  # posted, unanswered: every slot taken
        channels = [world.fake.guilds[g].channels[0].id for g in waiting]
        for channel in channels:
            world.fake.hold_posts(channel)
        victim, other = await world.start("0"), await world.start("1")
        await victim.say(f"clock {DUE.isoformat()}")
        await victim.say("run")
        others = asyncio.create_task(other.run(DUE))
        for channel in channels:
            await world.fake.wait_for_channel_messages(channel, timeout=TIMEOUT)
        victim.process.kill()  # SIGKILL: nothing more of it runs
        await victim.process.wait()
        assert await others == Counter(posted=20)
        for channel in channels:
            world.fake.release_posts(channel)
        world.fake.expire_nonces()  # the retry must find them, not lean on the nonce
        unposted = set(world.fake.guilds) - set(world.posts())
        assert unposted == set(mine[10 + CONCURRENCY :])

        again = await world.start("0")
        outcomes = await again.run(DUE + STALE_CLAIM + timedelta(minutes=1))
        assert outcomes == Counter(found=CONCURRENCY, posted=len(unposted))
        assert world.posts() == Counter(set(world.fake.guilds))
        assert await world.post_log() == Counter(posted=40)
