"""Shards through the real discord.py client: each process identifies for its own shards,
receives only their servers and interactions, and posts only for their servers.

Two AlmanacBots in this test process stand for two processes (the processes
themselves, sharing PostgreSQL, are in test_shard_processes.py).
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, cast

import pytest

from bot.config import Settings
from bot.discord_bot.app import AlmanacBot, shard_of
from cogs.daily import DailyCog
from db.read.store import Store
from db.state.backend import open_state
from db.state.records import IDENTIFY_TURNS, EmptyDay
from db.state.sqlite import StateStore
from tests.conftest import new_database
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import (
    FAST_READY,
    GUILD_ID,
    FakeDiscord,
    FakeGuild,
    make_guild,
)

DUE = datetime(2026, 6, 16, 9, 0, tzinfo=UTC)


@pytest.fixture
async def stack() -> AsyncIterator[contextlib.AsyncExitStack]:
    """Closes what a test opened (its state stores) after the bots stopped."""
    async with contextlib.AsyncExitStack() as opened:
        yield opened


def shard_bot(
    settings: Settings, store: Store, count: int | None, shards: tuple[int, ...] | None, **kw: Any
) -> AlmanacBot:
    """An AlmanacBot running `shards` of `count`, identifying without discord.py's 5 s wait."""
    return AlmanacBot(
        replace(settings, shard_count=count, shards=shards),
        store,
        kw.pop("extensions", ["cogs.quote"]),
        identify_interval=0,
        **FAST_READY | kw,
    )


def guilds_on_shards(count: int, each: int) -> list[FakeGuild]:
    return [make_guild(f"s{s}-{i}", shard=(s, count)) for s in range(count) for i in range(each)]


def callbacks(fake: FakeDiscord, interaction_id: int) -> int:
    """How many answers reached Discord for one interaction (a second one is refused)."""
    return sum(r.path.startswith(f"/interactions/{interaction_id}/") for r in fake.requests)


async def test_each_process_receives_only_its_shards(
    fake_discord: FakeDiscord, almanac_settings: Settings, seeded_store: Store, start_bot: StartBot
) -> None:
    """Shards 0 and 1 of 2 in two processes: each identifies as its shard, caches its
    servers, and is the only one to answer a command from one of them."""
    guilds = guilds_on_shards(2, 2)
    for guild in guilds:
        fake_discord.guilds[guild.id] = guild
    bots = [
        await start_bot(shard_bot(almanac_settings, seeded_store, 2, (shard,))) for shard in (0, 1)
    ]
    assert sorted(i["shard"] for i in fake_discord.identifies) == [[0, 2], [1, 2]]
    for shard, bot in enumerate(bots):
        assert {g.id for g in bot.guilds} == {
            g for g in fake_discord.guilds if shard_of(g, 2) == shard
        }
        assert bot.serves(guilds[2 * shard].id)
        assert not bot.serves(guilds[2 * (1 - shard)].id)
    for guild in guilds:
        sent = await fake_discord.send_command(
            "quote", {"query": "putin nato"}, channel_id=guild.channels[0].id
        )
        body = await fake_discord.wait_for_callback(sent)
        assert body["data"]["embeds"][0]["title"] == "Vladimir Putin"
        assert callbacks(fake_discord, sent.id) == 1


async def test_one_process_runs_the_count_discord_recommends(
    fake_discord: FakeDiscord, almanac_settings: Settings, seeded_store: Store, start_bot: StartBot
) -> None:
    """Without shard settings the bot asks Discord for the count and runs every shard."""
    fake_discord.shard_count = 3
    for guild in guilds_on_shards(3, 1):
        fake_discord.guilds[guild.id] = guild
    bot = await start_bot(shard_bot(almanac_settings, seeded_store, None, None))
    assert bot.shard_count == 3
    assert sorted(i["shard"] for i in fake_discord.identifies) == [[0, 3], [1, 3], [2, 3]]
    assert {g.id for g in bot.guilds} == set(fake_discord.guilds)
    assert all(bot.serves(g) for g in fake_discord.guilds)


async def test_a_shard_process_posts_only_for_its_servers(
    stack: contextlib.AsyncExitStack,  # first: set up before the bots, closed after them
    fake_discord: FakeDiscord,
    almanac_settings: Settings,
    seeded_store: Store,
    start_bot: StartBot,
    tmp_path: Path,
) -> None:
    """Every server due at once: shard 0's process posts shard 0's servers and does not
    even look at the others, which shard 1's process then posts."""
    guilds = guilds_on_shards(2, 3)
    for guild in guilds:
        fake_discord.guilds[guild.id] = guild
    now = [DUE - timedelta(hours=1)]
    clock = lambda: now[0]  # noqa: E731
    bots = []
    for shard in (0, 1):
        state = await stack.enter_async_context(
            await StateStore.open(tmp_path / "state.sqlite3", clock=clock)
        )
        bots.append(
            await start_bot(
                shard_bot(
                    almanac_settings,
                    seeded_store,
                    2,
                    (shard,),
                    extensions=["cogs.daily"],
                    state=state,
                    clock=clock,
                )
            )
        )
    for guild in (*guilds, fake_discord.guilds[GUILD_ID]):
        await state.subscribe(
            guild.id,
            channel_id=guild.channels[0].id,
            post_time=DUE.time(),
            timezone="UTC",
            empty_day=EmptyDay.NEAREST,
        )
    now[0] = DUE + timedelta(minutes=1)
    for shard, bot in enumerate(bots):
        daily = cast(DailyCog, bot.get_cog("Daily"))
        report = await daily.run_now()
        mine = {g for g in fake_discord.guilds if shard_of(g, 2) == shard}
        assert report.outcomes == dict.fromkeys(mine, "posted")
    posted = Counter(
        int(fake_discord.messages[m]["guild_id"])
        for ids in fake_discord.channel_posts.values()
        for m in ids
    )
    assert posted == Counter(set(fake_discord.guilds))


async def test_only_a_process_running_every_shard_syncs_at_start(
    fake_discord: FakeDiscord, almanac_settings: Settings, seeded_store: Store, start_bot: StartBot
) -> None:
    """With ALMANAC_DEV_GUILD set, a process running shard 1 of 2 publishes nothing at
    start (one of several would publish once each); one running both shards does."""
    dev = replace(almanac_settings, dev_guild=GUILD_ID)
    await start_bot(shard_bot(dev, seeded_store, 2, (1,)), sync=False)
    assert fake_discord.guild_commands == {}
    assert fake_discord.global_commands == []
    await start_bot(shard_bot(dev, seeded_store, 2, (0, 1)), sync=False)
    assert [c["name"] for c in fake_discord.guild_commands[GUILD_ID]] == ["quote"]
    assert fake_discord.global_commands == []


async def test_identifies_take_turns_shared_in_postgresql(
    request: pytest.FixtureRequest,
    stack: contextlib.AsyncExitStack,  # first: set up before the bots, closed after them
    almanac_settings: Settings,
    seeded_store: Store,
    start_bot: StartBot,
) -> None:
    """A shard process's IDENTIFY takes the bot's next identify turn from PostgreSQL, so
    another process sharing the database must wait its interval before its own."""
    interval = 100.0  # seconds: far longer than the test; the schedule is read, not timed
    url = await new_database(request)
    state = await stack.enter_async_context(await open_state(url))
    await start_bot(
        AlmanacBot(
            replace(almanac_settings, shard_count=2, shards=(0,)),
            seeded_store,
            ["cogs.quote"],
            state=state,
            identify_interval=interval,
            **FAST_READY,
        )
    )
    other = await stack.enter_async_context(await open_state(url))
    assert interval - 5 < await other.reserve_turn(IDENTIFY_TURNS, interval) <= interval
