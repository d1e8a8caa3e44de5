"""Daily posts through the real discord.py client, with a controlled clock.

The content store is built from seeds/ in a temporary folder; the state store is
a real SQLite file, reopened by a "restarted" bot where a test needs it, and every
test runs again on a PostgreSQL database of this session's server (the store several
processes share), but those of SQLite's own behaviour (SQLITE_ONLY).
"""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, cast

import pytest

from bot.config import Settings
from bot.discord_bot.app import AlmanacBot
from bot.discord_bot.daily import build_post
from cogs.daily import ABSENCE_GRACE, DailyCog
from db import schema
from db.read import store as store_module
from db.read.store import QueryTimeoutError, Store
from db.state.backend import StateBackend, open_state
from db.state.records import MAX_FAILURES, RETRY_FAILED, STALE_CLAIM, EmptyDay
from db.write.writer import ingest_paths
from tests.conftest import new_database
from tests.e2e.fake_discord import (
    ADMIN_USER,
    ANNOUNCEMENTS_ID,
    BOT_ID,
    BOT_USER,
    EVERYONE_PERMISSIONS,
    FAST_READY,
    GENERAL_ID,
    GUILD_ID,
    MEMBER_ID,
    FakeChannel,
    FakeDiscord,
    FakeGuild,
    FakeMember,
    FakeRole,
    running_bot,
)
from tests.paths import PROJECT_SEEDS

JSON = dict[str, Any]
SEEDS = PROJECT_SEEDS
EPHEMERAL = 1 << 6
MOSCOW_NINE = datetime(2026, 6, 16, 6, 0, tzinfo=UTC)  # 09:00 in Moscow
NEW_YORK_NINE = datetime(2026, 6, 16, 13, 0, tzinfo=UTC)  # 09:00 in New York
SECOND_GUILD = 1_100_000_000_000_000_400
SECOND_CHANNEL = 1_100_000_000_000_000_401
LOCKED_ID = 1_100_000_000_000_000_103


class FakeClock:
    """A settable clock the bot reads as `bot.clock`."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def set(self, now: datetime) -> None:
        self.now = now


@dataclass
class World:
    """Everything a daily test drives: the stand-in, the stores, the clock."""

    fake: FakeDiscord
    settings: Settings
    store: Store
    state_location: Path | str  # a SQLite file or a PostgreSQL URL
    clock: FakeClock
    stack: contextlib.AsyncExitStack

    @property
    def state_path(self) -> Path:
        """The SQLite state file, for the tests of SQLite's own behaviour."""
        assert isinstance(self.state_location, Path)
        return self.state_location

    async def open_state(self) -> StateBackend:
        """A state store on the shared file or database, as a (re)started process opens it."""
        opened = await open_state(self.state_location, clock=self.clock)
        self.stack.push_async_callback(opened.close)
        return opened

    @contextlib.asynccontextmanager
    async def bot(self) -> AsyncIterator[AlmanacBot]:
        """A running bot with its own state connection; stopped when the block ends."""
        state = await self.open_state()
        bot = AlmanacBot(
            self.settings,
            self.store,
            ["cogs.daily"],
            state=state,
            clock=self.clock,
            identify_interval=0,  # a restart need not wait for the last start's turn
            **FAST_READY,
        )
        async with running_bot(bot, self.fake) as running:
            yield running

    async def start(self) -> AlmanacBot:
        """A bot that runs until the end of the test."""
        return await self.stack.enter_async_context(self.bot())


@pytest.fixture(scope="session")
def content_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The content store built once from seeds/."""
    path = tmp_path_factory.mktemp("content") / "almanac.sqlite3"
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        ingest_paths(conn, [SEEDS], workers=1)
    finally:
        conn.close()
    return path


@contextlib.asynccontextmanager
async def new_world(
    fake: FakeDiscord, settings: Settings, content_path: Path, state: Path | str
) -> AsyncIterator[World]:
    async with contextlib.AsyncExitStack() as stack, await Store.open(content_path) as store:
        clock = FakeClock(MOSCOW_NINE - timedelta(hours=1))
        yield World(fake, settings, store, state, clock, stack)


@pytest.fixture(params=["sqlite", "postgres"])
async def world(
    request: pytest.FixtureRequest,
    fake_discord: FakeDiscord,
    almanac_settings: Settings,
    content_path: Path,
    tmp_path: Path,
) -> AsyncIterator[World]:
    """The world on each state backend in turn; SQLITE_ONLY tests on SQLite alone."""
    backend = request.param
    state = tmp_path / "state.sqlite3" if backend == "sqlite" else await new_database(request)
    async with new_world(fake_discord, almanac_settings, content_path, state) as made:
        yield made


# A test of SQLite's own behaviour (a locked file, a write from outside): SQLite alone.
SQLITE_ONLY = pytest.mark.parametrize("world", ["sqlite"], indirect=True)


def cog(bot: AlmanacBot) -> DailyCog:
    """The loaded cog (load_extension imports its own copy of the module: no isinstance)."""
    found = bot.get_cog("Daily")
    assert type(found).__name__ == "DailyCog"
    return cast(DailyCog, found)


async def command(fake: FakeDiscord, path: str, options: JSON | None = None, **kw: Any) -> JSON:
    """Run a slash command and return its (first visible) reply."""
    sent = await fake.send_command(path, options or {}, **kw)
    return await fake.wait_for_reply(sent)


async def subscribe(
    fake: FakeDiscord,
    *,
    channel: int = ANNOUNCEMENTS_ID,
    time: str = "09:00",
    timezone: str = "Europe/Moscow",
    **kw: Any,
) -> JSON:
    reply = await command(
        fake, "daily set", {"channel": channel, "time": time, "timezone": timezone}, **kw
    )
    assert reply["flags"] & EPHEMERAL
    return reply


def posts(fake: FakeDiscord, channel: int = ANNOUNCEMENTS_ID) -> list[JSON]:
    return fake.channel_messages(channel)


def text_of(message: JSON) -> str:
    """Everything readable in a message: content and embeds."""
    parts = [message.get("content") or ""]
    for embed in message.get("embeds", []):
        parts += [embed.get("title") or "", embed.get("description") or ""]
        parts += [f"{f['name']} {f['value']}" for f in embed.get("fields", [])]
    return "\n".join(parts)


def assert_no_mentions(fake: FakeDiscord) -> None:
    """Every message the bot created or edited disallowed all mentions."""
    bodies = fake.message_payloads()
    assert bodies
    for body in bodies:
        assert body.get("allowed_mentions", {}).get("parse") == [], body


@pytest.fixture
def second_guild() -> FakeGuild:
    """Another server, whose admin owns it."""
    return FakeGuild(
        id=SECOND_GUILD,
        name="Second",
        owner_id=ADMIN_USER.id,
        channels=[FakeChannel(SECOND_CHANNEL, "history")],
        roles=[FakeRole(SECOND_GUILD, "@everyone", EVERYONE_PERMISSIONS)],
        members=[FakeMember(BOT_USER), FakeMember(ADMIN_USER)],
    )


# -- the post ------------------------------------------------------------------


async def test_post_arrives_at_local_time(world: World) -> None:
    """09:00 Europe/Moscow: nothing at 05:59 UTC, the 2001 Slovenia meeting at 06:00, once."""
    bot = await world.start()
    reply = await subscribe(world.fake)
    assert f"<t:{int(MOSCOW_NINE.timestamp())}:F>" in reply["content"]
    world.clock.set(MOSCOW_NINE - timedelta(minutes=1))
    await cog(bot).run_now()
    assert posts(world.fake) == []
    world.clock.set(MOSCOW_NINE)
    await cog(bot).run_now()
    (message,) = await world.fake.wait_for_channel_messages(ANNOUNCEMENTS_ID)
    assert "Slovenia" in text_of(message)
    assert "2001" in text_of(message)
    world.clock.set(MOSCOW_NINE + timedelta(hours=3))
    await cog(bot).run_now()
    assert len(posts(world.fake)) == 1
    assert posts(world.fake, GENERAL_ID) == []
    assert_no_mentions(world.fake)


async def test_restart_after_posting_does_not_post_again(world: World) -> None:
    """A new bot instance on the same state file knows the day is done."""
    async with world.bot() as first:
        await subscribe(world.fake)
        world.clock.set(MOSCOW_NINE)
        await cog(first).run_now()
        await world.fake.wait_for_channel_messages(ANNOUNCEMENTS_ID)
    world.clock.set(MOSCOW_NINE + timedelta(minutes=1))
    second = await world.start()
    report = await cog(second).run_now()
    assert report.outcomes == {}
    assert len(posts(world.fake)) == 1


async def test_downtime_over_post_time_posts_late(world: World) -> None:
    """Down from 08:00 to 18:00 Moscow: the day's post comes late, the same local day."""
    async with world.bot():
        await subscribe(world.fake)
    world.clock.set(MOSCOW_NINE + timedelta(hours=9))
    bot = await world.start()
    await cog(bot).run_now()
    (message,) = await world.fake.wait_for_channel_messages(ANNOUNCEMENTS_ID)
    assert "Slovenia" in text_of(message)


async def test_downtime_past_midnight_skips_the_day(world: World) -> None:
    """Down until the next local day: the missed day is skipped and logged, not posted."""
    async with world.bot():
        await subscribe(world.fake)
    world.clock.set(MOSCOW_NINE + timedelta(hours=22))  # 07:00 Moscow on June 17
    bot = await world.start()
    await cog(bot).run_now()  # the loop's first tick may have done it already: same result
    assert posts(world.fake) == []
    state = await world.open_state()
    sub = await state.subscription(GUILD_ID)
    assert sub is not None
    assert sub.last is not None
    assert (str(sub.last.local_date), sub.last.status) == ("2026-06-16", "skipped")
    world.clock.set(MOSCOW_NINE + timedelta(days=1))
    await cog(bot).run_now()
    (message,) = await world.fake.wait_for_channel_messages(ANNOUNCEMENTS_ID)
    assert "June 17" in text_of(message) or "Nearest" in text_of(message)


async def test_each_server_posts_at_its_own_time(world: World, second_guild: FakeGuild) -> None:
    """Moscow posts at 06:00 UTC, New York at 13:00 UTC: each once, in its own channel."""
    bot = await world.start()
    await world.fake.add_guild(second_guild)
    await world.fake.wait_until(lambda: bot.get_guild(SECOND_GUILD), 5, "second guild")
    await subscribe(world.fake)
    await subscribe(
        world.fake,
        channel=SECOND_CHANNEL,
        timezone="America/New_York",
        channel_id=SECOND_CHANNEL,
    )
    world.clock.set(MOSCOW_NINE)
    await cog(bot).run_now()
    await world.fake.wait_for_channel_messages(ANNOUNCEMENTS_ID)
    assert posts(world.fake, SECOND_CHANNEL) == []
    world.clock.set(NEW_YORK_NINE)
    await cog(bot).run_now()
    (message,) = await world.fake.wait_for_channel_messages(SECOND_CHANNEL)
    assert "Slovenia" in text_of(message)
    assert len(posts(world.fake)) == 1
    assert_no_mentions(world.fake)


async def test_many_servers_due_the_same_minute(world: World) -> None:
    """Thirty servers due at once under a 50 req/s limit: each posted exactly once."""
    bot = await world.start()
    state = await world.open_state()
    channels = []
    for i in range(30):
        guild = FakeGuild(
            id=SECOND_GUILD + 1000 + i * 10,
            name=f"g{i}",
            owner_id=ADMIN_USER.id,
            channels=[FakeChannel(SECOND_GUILD + 1001 + i * 10, "daily")],
            roles=[FakeRole(SECOND_GUILD + 1000 + i * 10, "@everyone", EVERYONE_PERMISSIONS)],
            members=[FakeMember(BOT_USER), FakeMember(ADMIN_USER)],
        )
        await world.fake.add_guild(guild)
        await state.subscribe(
            guild.id,
            channel_id=guild.channels[0].id,
            post_time=MOSCOW_NINE.time(),
            timezone="UTC",
            empty_day=EmptyDay.NEAREST,
        )
        channels.append(guild.channels[0].id)
    await world.fake.wait_until(lambda: bot.get_guild(channels[-1] - 1), 5, "all guilds")
    world.fake.set_rate_limit(50, window=1.0)
    world.clock.set(MOSCOW_NINE)
    await cog(bot).run_now()
    await cog(bot).run_now()
    for channel in channels:
        assert len(posts(world.fake, channel)) == 1


@pytest.mark.parametrize(
    ("policy", "expected"),
    [
        (EmptyDay.SKIP, None),
        (EmptyDay.QUOTE, "Quote of the day — January 3"),
        (EmptyDay.NEAREST, "Nearest anniversary"),
    ],
)
async def test_empty_day_policies(world: World, policy: EmptyDay, expected: str | None) -> None:
    """A day without anniversaries is skipped, gets a quote, or the nearest anniversary."""
    embeds = await build_post(world.store, date(2026, 1, 3), policy)
    if expected is None:
        assert embeds is None
        return
    assert embeds is not None
    assert expected in (embeds[0].title or "")
    assert "January 3" in (embeds[0].description or "")


async def test_empty_day_skip_is_logged(world: World) -> None:
    """With the skip policy an empty day posts nothing and is logged as skipped, once."""
    bot = await world.start()
    await command(
        world.fake,
        "daily set",
        {"channel": ANNOUNCEMENTS_ID, "time": "09:00", "timezone": "UTC", "empty_day": "skip"},
    )
    world.clock.set(datetime(2027, 1, 3, 9, 0, tzinfo=UTC))
    await cog(bot).run_now()
    assert posts(world.fake) == []
    last = (await (await world.open_state()).subscription(GUILD_ID)).last  # type: ignore[union-attr]
    assert last is not None
    assert (last.local_date, last.status) == (date(2027, 1, 3), "skipped")


# -- exactly once when a post outlives its claim ---------------------------------

AFTER_STALE = MOSCOW_NINE + STALE_CLAIM + timedelta(minutes=1)


async def kill_mid_post(world: World) -> int:
    """The day's post reaches the stand-in, then the bot dies before the answer: the id."""
    world.fake.hold_posts(ANNOUNCEMENTS_ID)
    async with world.bot() as bot:
        await subscribe(world.fake)
        world.clock.set(MOSCOW_NINE)
        run = asyncio.create_task(cog(bot).run_now())
        (sent,) = await world.fake.wait_for_channel_messages(ANNOUNCEMENTS_ID)
        run.cancel()  # as SIGKILL: nothing after the request runs
        with contextlib.suppress(asyncio.CancelledError):
            await run
    world.fake.release_posts(ANNOUNCEMENTS_ID)
    return int(sent["id"])


async def assert_posted_once(world: World, message_id: int) -> None:
    """One message in the channel, and the post log holds it as the day's post."""
    assert [int(m["id"]) for m in posts(world.fake)] == [message_id]
    state = await world.open_state()
    record = await state.post_record(GUILD_ID, MOSCOW_NINE.date())
    assert record is not None
    assert (record.status, record.message_id) == ("posted", message_id)


async def test_killed_mid_post_the_retry_finds_the_post_in_history(world: World) -> None:
    """Killed while Discord's answer was on its way, restarted after the nonce window and
    the stale-claim delay: the retry reads the channel, finds its post, sends nothing."""
    sent = await kill_mid_post(world)
    world.fake.expire_nonces()
    world.clock.set(AFTER_STALE)
    bot = await world.start()
    await cog(bot).run_now()
    await assert_posted_once(world, sent)


async def test_killed_mid_post_the_retry_is_deduplicated_by_its_nonce(world: World) -> None:
    """Without Read Message History the retry sends again, with the day's nonce: Discord
    (the stand-in) answers with the first message and creates none."""
    sent = await kill_mid_post(world)
    world.fake.fail_history(ANNOUNCEMENTS_ID, 403)
    world.clock.set(AFTER_STALE)
    bot = await world.start()
    await cog(bot).run_now()
    await assert_posted_once(world, sent)


@SQLITE_ONLY
async def test_post_sent_while_the_state_store_is_locked_is_not_sent_again(world: World) -> None:
    """The post goes out but recording it fails (another writer holds the state store
    past its 5 s busy timeout): the stale claim's retry records it instead of resending."""
    bot = await world.start()
    await subscribe(world.fake)
    world.fake.hold_posts(ANNOUNCEMENTS_ID)
    world.clock.set(MOSCOW_NINE)
    run = asyncio.create_task(cog(bot).run_now())
    (sent,) = await world.fake.wait_for_channel_messages(ANNOUNCEMENTS_ID)
    locker = sqlite3.connect(world.state_path, isolation_level=None)
    try:
        locker.execute("BEGIN IMMEDIATE")
        world.fake.release_posts(ANNOUNCEMENTS_ID)
        report = await run
    finally:
        locker.close()
    assert report.outcomes == {GUILD_ID: "failed"}
    world.fake.expire_nonces()
    world.clock.set(AFTER_STALE)
    await cog(bot).run_now()
    await assert_posted_once(world, int(sent["id"]))


def unix(moment: datetime) -> str:
    """How a reply shows an instant: <t:…:F>."""
    return f"<t:{int(moment.timestamp())}:F>"


async def test_status_tells_the_truth_about_an_unconfirmed_post(world: World) -> None:
    """After a post whose answer never came, status says so and when it will be looked
    for (not "due now" for ever); once found, it is the last post, with its link."""
    sent = await kill_mid_post(world)
    world.clock.set(MOSCOW_NINE + timedelta(minutes=1))
    bot = await world.start()
    status = (await command(world.fake, "daily status"))["content"]
    assert "due now" not in status
    assert "not confirmed" in status
    assert "**Next post:** " in status
    assert unix(MOSCOW_NINE + STALE_CLAIM) in status
    world.fake.expire_nonces()
    world.clock.set(AFTER_STALE)
    await cog(bot).run_now()
    status = (await command(world.fake, "daily status"))["content"]
    assert f"Tuesday 16 June 2026 — https://discord.com/channels/{GUILD_ID}/" in status
    assert f"/{ANNOUNCEMENTS_ID}/{sent}" in status
    assert unix(MOSCOW_NINE + timedelta(days=1)) in status
    assert "not confirmed" not in status


async def test_set_after_a_refused_post_promises_the_real_retry(world: World) -> None:
    """Refused at 09:00, permissions fixed, /daily set at 09:01: the reply names the retry
    (09:10), not 09:00, and the post comes then."""
    bot = await world.start()
    await subscribe(world.fake)
    world.fake.fail_channel(ANNOUNCEMENTS_ID, 403)
    world.clock.set(MOSCOW_NINE)
    await cog(bot).run_now()
    world.fake.fail_channel(ANNOUNCEMENTS_ID, None)
    world.clock.set(MOSCOW_NINE + timedelta(minutes=1))
    reply = await subscribe(world.fake)
    assert unix(MOSCOW_NINE + RETRY_FAILED) in reply["content"]
    assert unix(MOSCOW_NINE) not in reply["content"]
    world.clock.set(MOSCOW_NINE + RETRY_FAILED)
    await cog(bot).run_now()
    assert len(posts(world.fake)) == 1


async def test_post_now_posts_today_once(world: World) -> None:
    """/daily post-now before the post time posts today's post and links it; the
    scheduled run and a second post-now then post nothing more."""
    bot = await world.start()
    await subscribe(world.fake)
    world.clock.set(MOSCOW_NINE - timedelta(minutes=30))
    reply = await command(world.fake, "daily post-now")
    assert reply["flags"] & EPHEMERAL
    (message,) = posts(world.fake)
    assert "Slovenia" in text_of(message)
    assert reply["content"].startswith("Posted today's post")
    assert f"/{ANNOUNCEMENTS_ID}/{message['id']}" in reply["content"]
    world.clock.set(MOSCOW_NINE)
    await cog(bot).run_now()
    again = await command(world.fake, "daily post-now")
    assert again["content"].startswith("Today's post had already gone out")
    assert len(posts(world.fake)) == 1


async def test_post_now_never_takes_a_post_in_flight(world: World) -> None:
    """A post whose answer has not come back yet is not sent again by hand."""
    await kill_mid_post(world)
    world.clock.set(MOSCOW_NINE + timedelta(minutes=1))
    await world.start()
    reply = await command(world.fake, "daily post-now")
    assert "Nothing new was posted" in reply["content"]
    assert "not confirmed" in reply["content"]
    assert len(posts(world.fake)) == 1


async def test_post_now_takes_a_day_given_up(world: World) -> None:
    """A day claimed twice without a confirmed post is given up; post-now by hand looks
    in the channel, finds the first attempt's post and records it, sending nothing."""
    sent = await kill_mid_post(world)
    world.clock.set(AFTER_STALE)
    state = await world.open_state()  # a second process takes the stale claim and dies
    assert await state.claim_post(GUILD_ID, MOSCOW_NINE.date(), ANNOUNCEMENTS_ID)
    world.fake.expire_nonces()
    world.clock.set(AFTER_STALE + STALE_CLAIM)
    await world.start()
    status = (await command(world.fake, "daily status"))["content"]
    assert "gave the day up" in status
    assert unix(MOSCOW_NINE + timedelta(days=1)) in status
    reply = await command(world.fake, "daily post-now")
    assert reply["content"].startswith("Today's post had already gone out")
    await assert_posted_once(world, sent)


# -- one server's trouble is its own -------------------------------------------


async def subscribe_two(
    world: World, bot: AlmanacBot, second: FakeGuild, settings: list[tuple[str, time]]
) -> None:
    """The default server and `second`, posting at the given zones and times."""
    await world.fake.add_guild(second)
    await world.fake.wait_until(lambda: bot.get_guild(SECOND_GUILD), 5, "second guild")
    state = await world.open_state()
    targets = [(GUILD_ID, ANNOUNCEMENTS_ID), (SECOND_GUILD, SECOND_CHANNEL)]
    for (guild, channel), (name, at) in zip(targets, settings, strict=True):
        await state.subscribe(
            guild, channel_id=channel, post_time=at, timezone=name, empty_day=EmptyDay.NEAREST
        )


async def test_a_skipped_date_in_one_zone_stops_no_post(
    world: World, second_guild: FakeGuild
) -> None:
    """Samoa skipped 2011-12-30. On the 31st a server there (posting at 00:00) and one in
    Moscow both post: the Samoan server's "yesterday" used to raise and end every run."""
    world.clock.set(datetime(2011, 12, 29, 12, 0, tzinfo=UTC))
    bot = await world.start()
    settings = [("Pacific/Apia", time(0, 0)), ("Europe/Moscow", time(9, 0))]
    await subscribe_two(world, bot, second_guild, settings)
    world.clock.set(datetime(2011, 12, 31, 6, 0, tzinfo=UTC))  # 10:00 Moscow, 20:00 Apia
    report = await cog(bot).run_now()
    assert report.outcomes == {GUILD_ID: "posted", SECOND_GUILD: "posted"}
    assert len(posts(world.fake)) == 1
    assert len(posts(world.fake, SECOND_CHANNEL)) == 1


@SQLITE_ONLY
async def test_one_failing_subscription_does_not_stop_the_others(
    world: World, second_guild: FakeGuild
) -> None:
    """The state store refuses one server's writes (a real trigger): that server's run
    fails and is logged, the other server still posts."""
    bot = await world.start()
    await subscribe_two(world, bot, second_guild, [("Europe/Moscow", time(9, 0))] * 2)
    refuse = sqlite3.connect(world.state_path)
    try:
        refuse.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON post_log"
            f" WHEN NEW.guild_id = {GUILD_ID} BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    finally:
        refuse.close()
    world.clock.set(MOSCOW_NINE + timedelta(days=1))  # yesterday missed: a write for each
    report = await cog(bot).run_now()
    assert report.outcomes == {GUILD_ID: "failed", SECOND_GUILD: "posted"}
    assert len(posts(world.fake, SECOND_CHANNEL)) == 1
    assert posts(world.fake) == []


# -- failures and cleanup ------------------------------------------------------


async def test_forbidden_is_recorded_shown_and_pauses(world: World) -> None:
    """A 403 is shown by /daily status; MAX_FAILURES of them pause the subscription."""
    bot = await world.start()
    await subscribe(world.fake)
    world.fake.fail_channel(ANNOUNCEMENTS_ID, 403)
    world.clock.set(MOSCOW_NINE)
    report = await cog(bot).run_now()
    assert report.outcomes == {GUILD_ID: "failed"}
    status = (await command(world.fake, "daily status"))["content"]
    assert "Last error" in status
    assert "403" in status
    for _ in range(MAX_FAILURES - 1):
        world.clock.set(world.clock.now + RETRY_FAILED)
        await cog(bot).run_now()
    status = (await command(world.fake, "daily status"))["content"]
    assert "Paused" in status
    world.fake.fail_channel(ANNOUNCEMENTS_ID, None)
    world.clock.set(world.clock.now + RETRY_FAILED)
    assert (await cog(bot).run_now()).outcomes == {}
    assert posts(world.fake) == []
    await subscribe(world.fake)  # /daily set again resumes
    await cog(bot).run_now()
    await world.fake.wait_for_channel_messages(ANNOUNCEMENTS_ID)


async def test_an_unknown_time_zone_pauses_and_says_why(world: World) -> None:
    """A zone this machine's tzdata does not know (the state came from a machine whose
    tzdata knows more) pauses the post, and /daily status says why instead of failing."""
    bot = await world.start()
    state = await world.open_state()
    await state.subscribe(
        GUILD_ID,
        channel_id=ANNOUNCEMENTS_ID,
        post_time=time(9, 0),
        timezone="Mars/Olympus",
        empty_day=EmptyDay.NEAREST,
    )
    world.clock.set(MOSCOW_NINE)
    assert (await cog(bot).run_now()).outcomes == {}
    status = (await command(world.fake, "daily status"))["content"]
    assert "**Paused:** unknown time zone 'Mars/Olympus'" in status
    assert (await cog(bot).run_now()).outcomes == {}
    assert posts(world.fake) == []


async def test_deleted_channel_pauses_and_removed_guild_forgets(world: World) -> None:
    """CHANNEL_DELETE pauses with a reason; GUILD_DELETE forgets the server's settings."""
    bot = await world.start()
    await subscribe(world.fake)
    state = await world.open_state()
    await world.fake.delete_channel(ANNOUNCEMENTS_ID)

    async def paused() -> bool:
        sub = await state.subscription(GUILD_ID)
        return sub is not None and sub.paused_reason is not None

    await wait_for(paused, "the subscription paused")
    status = (await command(world.fake, "daily status"))["content"]
    assert "deleted" in status
    await world.fake.remove_guild(GUILD_ID)

    async def forgotten() -> bool:
        return await state.subscription(GUILD_ID) is None

    await wait_for(forgotten, "the subscription removed")
    assert bot.get_guild(GUILD_ID) is None


async def test_guild_removed_while_offline_is_forgotten_after_the_grace(world: World) -> None:
    """A server missing from READY is only marked absent; a READY after ABSENCE_GRACE
    that still leaves it out forgets it."""
    async with world.bot():
        await subscribe(world.fake)
    world.fake.guilds.pop(GUILD_ID)  # removed while the bot is offline: no GUILD_DELETE
    state = await world.open_state()
    async with world.bot():
        await asyncio.sleep(0.2)  # the on_ready listener runs as a task of its own
        assert await state.subscription(GUILD_ID) is not None
    world.clock.set(world.clock() + ABSENCE_GRACE + timedelta(hours=1))
    await world.start()

    async def forgotten() -> bool:
        return await state.subscription(GUILD_ID) is None

    await wait_for(forgotten, "the subscription removed")
    assert await state.guilds_with_settings() == []


@SQLITE_ONLY
async def test_another_bots_ready_forgets_nothing(world: World) -> None:
    """A state file first used by another bot user (production, under a staging token):
    neither READY nor GUILD_DELETE of this bot removes any server's settings."""
    async with world.bot():
        await subscribe(world.fake)
    state = await world.open_state()
    other_bot = sqlite3.connect(world.state_path)
    try:
        with other_bot:
            other_bot.execute("UPDATE owner SET bot_user_id = bot_user_id + 1")
    finally:
        other_bot.close()
    world.fake.guilds.pop(GUILD_ID)
    world.clock.set(world.clock() + ABSENCE_GRACE * 3)
    async with world.bot():
        await asyncio.sleep(0.2)
    async with world.bot():
        await asyncio.sleep(0.2)
    assert await state.guilds_with_settings() == [GUILD_ID]
    assert await state.subscription(GUILD_ID) is not None


async def test_guilds_still_present_keep_their_settings_at_ready(world: World) -> None:
    """A restart alone forgets nothing."""
    async with world.bot():
        await subscribe(world.fake)
    bot = await world.start()
    assert bot.get_guild(GUILD_ID) is not None
    await asyncio.sleep(0.2)  # the on_ready listener runs as a task of its own: let it
    state = await world.open_state()
    assert await state.guilds_with_settings() == [GUILD_ID]
    assert await state.subscription(GUILD_ID) is not None


async def wait_for(check: Callable[[], Awaitable[bool]], what: str) -> None:
    """Poll an async check (state changes made by gateway listeners), for 5 s at most."""
    for _ in range(250):
        if await check():
            return
        await asyncio.sleep(0.02)
    raise TimeoutError(f"timed out waiting for {what}")


# -- the commands --------------------------------------------------------------


async def test_non_manager_is_refused(world: World) -> None:
    """A member without Manage Server gets an ephemeral refusal and nothing is saved."""
    await world.start()
    reply = await command(
        world.fake,
        "daily set",
        {"channel": ANNOUNCEMENTS_ID, "time": "09:00", "timezone": "Europe/Moscow"},
        user_id=MEMBER_ID,
    )
    assert reply["flags"] & EPHEMERAL
    assert "Manage Server" in reply["content"]
    state = await world.open_state()
    assert await state.subscription(GUILD_ID) is None


async def test_dm_is_refused(world: World) -> None:
    """/daily is synced guild-only; a DM interaction that arrives anyway is refused."""
    await world.start()
    with pytest.raises(AssertionError, match="guild-only"):
        await world.fake.send_command("daily status", dm=True)
    schema = world.fake.find_command("daily")
    assert schema is not None
    data = {
        "id": schema["id"],
        "name": "daily",
        "type": 1,
        "options": [{"type": 1, "name": "status", "options": []}],
    }
    sent = await world.fake.send_interaction(2, data, dm=True)
    reply = await world.fake.wait_for_reply(sent)
    assert reply["flags"] & EPHEMERAL
    assert "server" in reply["content"]


async def test_status_shows_next_post_in_local_and_discord_time(world: World) -> None:
    """Status gives the local time, <t:…:F> and <t:…:R>, and 'none yet' before any post."""
    await world.start()
    await subscribe(world.fake)
    status = (await command(world.fake, "daily status"))["content"]
    unix = int(MOSCOW_NINE.timestamp())
    assert f"<t:{unix}:F>" in status
    assert f"<t:{unix}:R>" in status
    assert "09:00" in status
    assert "Europe/Moscow" in status
    assert "none yet" in status


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({"time": "25:00", "timezone": "Europe/Moscow"}, "not a real time"),
        ({"time": "09:00", "timezone": "Europe/Moskow"}, "Europe/Moscow"),
    ],
)
async def test_set_rejects_bad_input(world: World, options: JSON, expected: str) -> None:
    """A bad time or zone is explained (with a suggestion) and nothing is saved."""
    await world.start()
    reply = await command(world.fake, "daily set", {"channel": ANNOUNCEMENTS_ID, **options})
    assert reply["flags"] & EPHEMERAL
    assert expected in reply["content"]
    state = await world.open_state()
    assert await state.subscription(GUILD_ID) is None


class LockedChannel(FakeChannel):
    """A channel whose overwrite denies the bot Send Messages."""

    def payload(self, guild_id: int | None = None) -> JSON:
        data = super().payload(guild_id)
        deny = str(1 << 11)  # send_messages
        data["permission_overwrites"] = [{"id": str(BOT_ID), "type": 1, "allow": "0", "deny": deny}]
        return data


async def test_set_refuses_a_channel_the_bot_cannot_post_in(world: World) -> None:
    """The bot checks its own permissions in the channel before saving anything."""
    world.fake.guilds[GUILD_ID].channels.append(LockedChannel(LOCKED_ID, "locked", position=2))
    await world.start()
    reply = await command(
        world.fake,
        "daily set",
        {"channel": LOCKED_ID, "time": "09:00", "timezone": "Europe/Moscow"},
    )
    assert "Send Messages" in reply["content"]
    state = await world.open_state()
    assert await state.subscription(GUILD_ID) is None


async def test_timezone_autocomplete(world: World) -> None:
    """Time zone autocomplete answers at most 25 matching names."""
    await world.start()
    sent = await world.fake.send_autocomplete("daily set", "timezone", "europe/mos")
    choices = await world.fake.wait_for_choices(sent)
    assert choices[0]["value"] == "Europe/Moscow"
    assert len(choices) <= 25


async def test_timezone_command_sets_server_zone(world: World) -> None:
    """/daily timezone sets the zone /onthisday uses, without any subscription."""
    await world.start()
    reply = await command(world.fake, "daily timezone", {"timezone": "asia/tokyo"})
    assert "Asia/Tokyo" in reply["content"]
    state = await world.open_state()
    assert await state.guild_timezone(GUILD_ID) == "Asia/Tokyo"


async def test_preview_is_ephemeral_and_posts_nothing(world: World) -> None:
    """Preview shows today's post to the manager only and does not use up the day."""
    bot = await world.start()
    await subscribe(world.fake)
    world.clock.set(MOSCOW_NINE - timedelta(minutes=30))
    reply = await command(world.fake, "daily preview")
    assert reply["flags"] & EPHEMERAL
    assert "Slovenia" in text_of(reply)
    assert posts(world.fake) == []
    world.clock.set(MOSCOW_NINE)
    await cog(bot).run_now()
    await world.fake.wait_for_channel_messages(ANNOUNCEMENTS_ID)


async def test_off_stops_posts(world: World) -> None:
    """/daily off keeps the settings and posts nothing."""
    bot = await world.start()
    await subscribe(world.fake)
    reply = await command(world.fake, "daily off")
    assert "off" in reply["content"]
    world.clock.set(MOSCOW_NINE)
    await cog(bot).run_now()
    assert posts(world.fake) == []


async def test_the_daily_loop_reads_on_its_own_connection(
    world: World, content_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """User reads that are out of time at once still leave the day's post to go out:
    the loop's task reads on the store's own connection, which has no time limit."""
    monkeypatch.setattr(store_module, "QUERY_TIME_LIMIT", 0.0)
    monkeypatch.setattr(store_module, "_CLOCK_EVERY", 1)  # look at the clock every step
    async with await Store.open(content_path) as jammed:
        with pytest.raises(QueryTimeoutError):  # what a user's command meets now
            await jammed.events_on_counted(6, 16)
        world.store = jammed
        bot = await world.start()
        await subscribe(world.fake)
        world.clock.set(MOSCOW_NINE)
        await cog(bot).tick()  # one turn of the loop, in this task
        (message,) = await world.fake.wait_for_channel_messages(ANNOUNCEMENTS_ID)
        assert "Slovenia" in text_of(message)
