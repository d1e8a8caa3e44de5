"""The state store on real SQLite: exactly-once claims, persistence, failures, separation."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest

from db import schema
from db.state.records import MAX_FAILURES, RETRY_FAILED, STALE_CLAIM, EmptyDay, retry_at
from db.state.sqlite import StateStore
from db.write.writer import ingest_paths
from tests.paths import PROJECT_SEEDS

GUILD = 42
CHANNEL = 4200
DAY = date(2026, 6, 16)
SEEDS = PROJECT_SEEDS


class FakeClock:
    """A settable clock."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, delta: timedelta) -> None:
        self.now += delta


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 6, 16, 6, 0, tzinfo=UTC))


@pytest.fixture
async def state(tmp_path: Path, clock: FakeClock) -> AsyncIterator[StateStore]:
    async with await StateStore.open(tmp_path / "state.sqlite3", clock=clock) as opened:
        yield opened


async def subscribe(state: StateStore, guild: int = GUILD) -> None:
    await state.subscribe(
        guild,
        channel_id=CHANNEL,
        post_time=time(9, 0),
        timezone="Europe/Moscow",
        empty_day=EmptyDay.NEAREST,
    )


async def test_claim_is_exactly_once(state: StateStore) -> None:
    """The first claim of a server's day wins; a second is refused; another day is free."""
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    assert not await state.claim_post(GUILD, DAY, CHANNEL)
    assert await state.claim_post(GUILD, DAY + timedelta(days=1), CHANNEL)
    assert await state.claim_post(GUILD + 1, DAY, CHANNEL)


async def test_concurrent_claims_on_one_connection(state: StateStore) -> None:
    """Many simultaneous claims of one day through one store: one winner."""
    results = await asyncio.gather(*(state.claim_post(GUILD, DAY, CHANNEL) for _ in range(20)))
    assert results.count(True) == 1


async def test_concurrent_claims_across_processes(tmp_path: Path, clock: FakeClock) -> None:
    """Two stores on the same file (two bot processes) claiming at once: one winner."""
    path = tmp_path / "shared.sqlite3"
    async with (
        await StateStore.open(path, clock=clock) as first,
        await StateStore.open(path, clock=clock) as second,
    ):
        claims = [s.claim_post(GUILD, DAY, CHANNEL) for s in (first, second) for _ in range(5)]
        results = await asyncio.gather(*claims)
    assert results.count(True) == 1


async def test_claim_survives_restart(tmp_path: Path, clock: FakeClock) -> None:
    """A posted day stays posted after the store is reopened."""
    path = tmp_path / "state.sqlite3"
    async with await StateStore.open(path, clock=clock) as state:
        await subscribe(state)
        assert await state.claim_post(GUILD, DAY, CHANNEL)
        await state.mark_posted(GUILD, DAY, 777)
    clock.advance(timedelta(hours=1))
    async with await StateStore.open(path, clock=clock) as reopened:
        assert not await reopened.claim_post(GUILD, DAY, CHANNEL)
        last = await reopened.last_post(GUILD)
        assert last is not None
        assert (last.local_date, last.message_id, last.status) == (DAY, 777, "posted")


async def test_reopened_store_keeps_settings(tmp_path: Path, clock: FakeClock) -> None:
    """Subscription and server time zone persist across a reopen."""
    path = tmp_path / "state.sqlite3"
    async with await StateStore.open(path, clock=clock) as state:
        await subscribe(state)
        await state.set_guild_timezone(GUILD + 1, "Asia/Tokyo")
    async with await StateStore.open(path, clock=clock) as reopened:
        sub = await reopened.subscription(GUILD)
        assert sub is not None
        assert (sub.channel_id, sub.post_time, sub.timezone) == (CHANNEL, time(9), "Europe/Moscow")
        assert sub.since == clock.now
        assert await reopened.guild_timezone(GUILD) == "Europe/Moscow"
        assert await reopened.guild_timezone(GUILD + 1) == "Asia/Tokyo"
        assert await reopened.guild_timezone(GUILD + 2) is None


async def test_stale_claim_is_retried_once(state: StateStore, clock: FakeClock) -> None:
    """A claim left by a crash is taken over once after STALE_CLAIM, never twice."""
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    clock.advance(STALE_CLAIM - timedelta(seconds=1))
    assert not await state.claim_post(GUILD, DAY, CHANNEL)  # maybe still posting
    clock.advance(timedelta(seconds=1))
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    clock.advance(STALE_CLAIM * 3)
    assert not await state.claim_post(GUILD, DAY, CHANNEL)


async def test_posted_day_is_never_reclaimed(state: StateStore, clock: FakeClock) -> None:
    """Neither staleness nor time reopens a posted day."""
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    await state.mark_posted(GUILD, DAY, 1)
    clock.advance(timedelta(hours=20))
    assert not await state.claim_post(GUILD, DAY, CHANNEL)


async def test_failures_pause_after_max(state: StateStore, clock: FakeClock) -> None:
    """Each refused post is counted and retried after a pause; MAX_FAILURES in a row pause."""
    await subscribe(state)
    for attempt in range(1, MAX_FAILURES + 1):
        assert await state.claim_post(GUILD, DAY, CHANNEL), attempt
        paused = await state.mark_failed(GUILD, DAY, "403 Forbidden")
        assert paused == (attempt == MAX_FAILURES)
        assert not await state.claim_post(GUILD, DAY, CHANNEL)  # not before RETRY_FAILED
        clock.advance(RETRY_FAILED)
    sub = await state.subscription(GUILD)
    assert sub is not None
    assert sub.failures == MAX_FAILURES
    assert sub.last_error == "403 Forbidden"
    assert sub.paused_reason is not None
    assert not sub.active
    assert await state.active_subscriptions() == []


async def test_success_resets_failures_and_set_resumes(state: StateStore) -> None:
    """A post that goes out clears the streak; /daily set clears a pause."""
    await subscribe(state)
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    await state.mark_failed(GUILD, DAY, "boom")
    await state.pause(GUILD, "manual")
    await subscribe(state)
    sub = await state.subscription(GUILD)
    assert sub is not None
    assert (sub.failures, sub.paused_reason, sub.last_error) == (0, None, None)
    assert [s.guild_id for s in await state.active_subscriptions()] == [GUILD]


async def test_changing_a_subscription_keeps_its_start(state: StateStore, clock: FakeClock) -> None:
    """Only a new subscription starts now; changing or resuming keeps today owed."""
    await subscribe(state)
    started = clock.now
    clock.advance(timedelta(hours=5))
    await state.pause(GUILD, "3 failed posts in a row")
    await subscribe(state)
    sub = await state.subscription(GUILD)
    assert sub is not None
    assert sub.since == started
    assert sub.active


async def test_disable_and_enable(state: StateStore) -> None:
    """/daily off keeps the settings but stops the posts."""
    assert not await state.set_enabled(GUILD, False)  # nothing to turn off
    await subscribe(state)
    assert await state.set_enabled(GUILD, False)
    assert await state.active_subscriptions() == []
    sub = await state.subscription(GUILD)
    assert sub is not None
    assert not sub.enabled


async def test_active_subscriptions_carry_latest_log_row(state: StateStore) -> None:
    """The poster's one query brings each server's latest post-log row."""
    await subscribe(state)
    await state.mark_skipped(GUILD, DAY - timedelta(days=1), CHANNEL, "missed")
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    (sub,) = await state.active_subscriptions()
    assert sub.last is not None
    assert (sub.last.local_date, sub.last.status) == (DAY, "claimed")


async def test_skip_never_overwrites_a_post(state: StateStore) -> None:
    """Marking a posted day skipped changes nothing."""
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    await state.mark_posted(GUILD, DAY, 5)
    await state.mark_skipped(GUILD, DAY, CHANNEL, "late")
    last = await state.last_post(GUILD)
    assert last is not None
    assert last.message_id == 5


async def test_remove_guild_forgets_settings_keeps_log(state: StateStore) -> None:
    """Leaving a server deletes its settings; its log still blocks a second post that day."""
    await subscribe(state)
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    await state.mark_posted(GUILD, DAY, 9)
    await state.remove_guild(GUILD)
    assert await state.subscription(GUILD) is None
    assert await state.guild_timezone(GUILD) is None
    assert not await state.claim_post(GUILD, DAY, CHANNEL)


async def test_channel_deleted_pauses_with_reason(state: StateStore) -> None:
    """A deleted channel pauses the subscriptions posting there and says why."""
    await subscribe(state)
    await subscribe(state, GUILD + 1)
    assert sorted(await state.channel_deleted(CHANNEL)) == [GUILD, GUILD + 1]
    sub = await state.subscription(GUILD)
    assert sub is not None
    assert sub.paused_reason == "the channel was deleted"
    assert await state.channel_deleted(CHANNEL + 1) == []


async def test_subscribe_is_atomic(state: StateStore) -> None:
    """A subscription that cannot be saved leaves the time zone unchanged too."""
    await state.set_guild_timezone(GUILD, "Asia/Tokyo")
    with pytest.raises(Exception, match="CHECK"):
        await state.subscribe(
            GUILD,
            channel_id=CHANNEL,
            post_time=time(9),
            timezone="Europe/Moscow",
            empty_day="sometimes",  # type: ignore[arg-type]
        )
    assert await state.guild_timezone(GUILD) == "Asia/Tokyo"
    assert await state.subscription(GUILD) is None


async def test_content_rebuild_does_not_touch_state(tmp_path: Path, clock: FakeClock) -> None:
    """The content store and the state are separate files: rebuilding one keeps the other."""
    content = tmp_path / "almanac.sqlite3"
    state_path = tmp_path / "state.sqlite3"
    async with await StateStore.open(state_path, clock=clock) as state:
        await subscribe(state)
    for _ in range(2):  # build, then delete and rebuild
        tables = await asyncio.to_thread(rebuild_content, content)
        assert "subscriptions" not in tables
    async with await StateStore.open(state_path, clock=clock) as state:
        sub = await state.subscription(GUILD)
        assert sub is not None
        assert sub.channel_id == CHANNEL


def rebuild_content(content: Path) -> set[str]:
    """Delete the content store and build it again from seeds/; its table names."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{content}{suffix}").unlink(missing_ok=True)
    conn = schema.connect(content, schema.CONTENT_SCHEMA)
    try:
        ingest_paths(conn, [SEEDS], workers=1)
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    finally:
        conn.close()


async def test_state_file_is_migrated_and_wal(tmp_path: Path) -> None:
    """Opening creates the schema at the latest version in WAL mode."""
    path = tmp_path / "state.sqlite3"
    async with await StateStore.open(path):
        pass
    conn = schema.connect(path, schema.STATE_SCHEMA)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    finally:
        conn.close()
    assert version == schema.latest_version(schema.STATE_SCHEMA)
    assert mode == "wal"


async def post_log_days(state: StateStore, guild: int) -> list[str]:
    rows = await state._read(
        "SELECT local_date FROM post_log WHERE guild_id = ? ORDER BY local_date", (guild,)
    )
    return [row[0] for row in rows]


async def test_prune_post_log_keeps_recent_days_and_each_latest(state: StateStore) -> None:
    """Days older than the window go; a server's latest row and latest posted row stay."""
    today = date(2026, 6, 16)
    for back in (200, 150, 100, 91, 90, 10):  # guild 1 posts on each of these days
        day = today - timedelta(days=back)
        assert await state.claim_post(1, day, CHANNEL)
        await state.mark_posted(1, day, 1000 + back)
    quiet = today - timedelta(days=300)  # guild 2: posted long ago, then one skipped day
    assert await state.claim_post(2, quiet, CHANNEL)
    await state.mark_posted(2, quiet, 7)
    await state.mark_skipped(2, today - timedelta(days=120), CHANNEL, "empty day")

    assert await state.prune_post_log(today, keep_days=90) == 4

    assert await post_log_days(state, 1) == ["2026-03-18", "2026-06-06"]  # 90 and 10 days back
    assert await post_log_days(state, 2) == [quiet.isoformat(), "2026-02-16"]
    last = await state.last_post(2)
    assert last is not None
    assert last.local_date == quiet
    assert await state.prune_post_log(today, keep_days=90) == 0


@pytest.mark.parametrize("status", ["claimed", "failed"])
async def test_retry_at_is_when_the_claim_is_taken(
    state: StateStore, clock: FakeClock, status: str
) -> None:
    """retry_at (what /daily status promises) agrees with claim_post to the second."""
    await subscribe(state)
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    if status == "failed":
        await state.mark_failed(GUILD, DAY, "403")
    record = await state.post_record(GUILD, DAY)
    assert record is not None
    retry = retry_at(record)
    assert retry is not None
    clock.now = retry - timedelta(seconds=1)
    assert not await state.claim_post(GUILD, DAY, CHANNEL)
    clock.now = retry
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    again = await state.post_record(GUILD, DAY)
    assert again is not None
    assert retry_at(again) is None  # a claim taken twice is never taken again
