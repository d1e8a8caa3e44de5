"""The state store's rules, each proven on both backends (SQLite and PostgreSQL, real).

Every test here takes the `state` or `backend` fixture of conftest.py, so it runs
once per backend: the bot may be pointed at either and must see the same store.
"""

from __future__ import annotations

import asyncio
from datetime import date, time, timedelta

import pytest

from db.state.backend import StateBackend
from db.state.records import (
    IDENTIFY_TURNS,
    MAX_FAILURES,
    PAUSED_AFTER_FAILURES,
    REST_TURNS,
    RETRY_FAILED,
    STALE_CLAIM,
    EmptyDay,
    retry_at,
)
from tests.unit.db.state.conftest import Backend, FakeClock

GUILD = 42
CHANNEL = 4200
DAY = date(2026, 6, 16)


async def subscribe(state: StateBackend, guild: int = GUILD) -> None:
    await state.subscribe(
        guild,
        channel_id=CHANNEL,
        post_time=time(9, 0),
        timezone="Europe/Moscow",
        empty_day=EmptyDay.NEAREST,
    )


async def test_claim_is_exactly_once(state: StateBackend) -> None:
    """The first claim of a server's day wins; a second is refused; another day is free."""
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    assert not await state.claim_post(GUILD, DAY, CHANNEL)
    assert await state.claim_post(GUILD, DAY + timedelta(days=1), CHANNEL)
    assert await state.claim_post(GUILD + 1, DAY, CHANNEL)


async def test_concurrent_claims_on_one_connection(state: StateBackend) -> None:
    """Many simultaneous claims of one day through one store: one winner."""
    results = await asyncio.gather(*(state.claim_post(GUILD, DAY, CHANNEL) for _ in range(20)))
    assert results.count(True) == 1


async def test_concurrent_claims_across_stores(backend: Backend, clock: FakeClock) -> None:
    """Two stores on the same place (two bot processes) claiming at once: one winner."""
    async with await backend.open(clock) as first, await backend.open(clock) as second:
        claims = [s.claim_post(GUILD, DAY, CHANNEL) for s in (first, second) for _ in range(5)]
        results = await asyncio.gather(*claims)
    assert results.count(True) == 1


async def test_claim_survives_restart(backend: Backend, clock: FakeClock) -> None:
    """A posted day stays posted after the store is reopened."""
    async with await backend.open(clock) as state:
        await subscribe(state)
        assert await state.claim_post(GUILD, DAY, CHANNEL)
        await state.mark_posted(GUILD, DAY, 777)
    clock.advance(timedelta(hours=1))
    async with await backend.open(clock) as reopened:
        assert not await reopened.claim_post(GUILD, DAY, CHANNEL)
        last = await reopened.last_post(GUILD)
        assert last is not None
        assert (last.local_date, last.message_id, last.status) == (DAY, 777, "posted")


async def test_reopened_store_keeps_settings(backend: Backend, clock: FakeClock) -> None:
    """Subscription and server time zone persist across a reopen."""
    async with await backend.open(clock) as state:
        await subscribe(state)
        await state.set_guild_timezone(GUILD + 1, "Asia/Tokyo")
    async with await backend.open(clock) as reopened:
        sub = await reopened.subscription(GUILD)
        assert sub is not None
        assert (sub.channel_id, sub.post_time, sub.timezone) == (CHANNEL, time(9), "Europe/Moscow")
        assert sub.since == clock.now
        assert await reopened.guild_timezone(GUILD) == "Europe/Moscow"
        assert await reopened.guild_timezone(GUILD + 1) == "Asia/Tokyo"
        assert await reopened.guild_timezone(GUILD + 2) is None


async def test_stale_claim_is_retried_once(state: StateBackend, clock: FakeClock) -> None:
    """A claim left by a crash is taken over once after STALE_CLAIM, never twice."""
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    clock.advance(STALE_CLAIM - timedelta(seconds=1))
    assert not await state.claim_post(GUILD, DAY, CHANNEL)  # maybe still posting
    clock.advance(timedelta(seconds=1))
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    clock.advance(STALE_CLAIM * 3)
    assert not await state.claim_post(GUILD, DAY, CHANNEL)


async def test_posted_day_is_never_reclaimed(state: StateBackend, clock: FakeClock) -> None:
    """Neither staleness nor time reopens a posted day."""
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    await state.mark_posted(GUILD, DAY, 1)
    clock.advance(timedelta(hours=20))
    assert not await state.claim_post(GUILD, DAY, CHANNEL)


async def test_failures_pause_after_max(state: StateBackend, clock: FakeClock) -> None:
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


async def test_success_resets_failures_and_set_resumes(state: StateBackend) -> None:
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


async def test_changing_a_subscription_keeps_its_start(
    state: StateBackend, clock: FakeClock
) -> None:
    """Only a new subscription starts now; changing or resuming keeps today owed."""
    await subscribe(state)
    started = clock.now
    clock.advance(timedelta(hours=5))
    await state.pause(GUILD, PAUSED_AFTER_FAILURES)
    await subscribe(state)
    sub = await state.subscription(GUILD)
    assert sub is not None
    assert sub.since == started
    assert sub.active


async def test_disable_and_enable(state: StateBackend) -> None:
    """/daily off keeps the settings but stops the posts."""
    assert not await state.set_enabled(GUILD, False)  # nothing to turn off
    await subscribe(state)
    assert await state.set_enabled(GUILD, False)
    assert await state.active_subscriptions() == []
    sub = await state.subscription(GUILD)
    assert sub is not None
    assert not sub.enabled


async def test_active_subscriptions_carry_latest_log_row(state: StateBackend) -> None:
    """The poster's one query brings each server's latest post-log row."""
    await subscribe(state)
    await state.mark_skipped(GUILD, DAY - timedelta(days=1), CHANNEL, "missed")
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    (sub,) = await state.active_subscriptions()
    assert sub.last is not None
    assert (sub.last.local_date, sub.last.status) == (DAY, "claimed")


async def test_skip_never_overwrites_a_post(state: StateBackend) -> None:
    """Marking a posted day skipped changes nothing."""
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    await state.mark_posted(GUILD, DAY, 5)
    await state.mark_skipped(GUILD, DAY, CHANNEL, "late")
    last = await state.last_post(GUILD)
    assert last is not None
    assert last.message_id == 5


async def test_remove_guild_forgets_settings_keeps_log(state: StateBackend) -> None:
    """Leaving a server deletes its settings; its log still blocks a second post that day."""
    await subscribe(state)
    assert await state.claim_post(GUILD, DAY, CHANNEL)
    await state.mark_posted(GUILD, DAY, 9)
    await state.remove_guild(GUILD)
    assert await state.subscription(GUILD) is None
    assert await state.guild_timezone(GUILD) is None
    assert not await state.claim_post(GUILD, DAY, CHANNEL)


async def test_channel_deleted_pauses_with_reason(state: StateBackend) -> None:
    """A deleted channel pauses the subscriptions posting there and says why."""
    await subscribe(state)
    await subscribe(state, GUILD + 1)
    assert sorted(await state.channel_deleted(CHANNEL)) == [GUILD, GUILD + 1]
    sub = await state.subscription(GUILD)
    assert sub is not None
    assert sub.paused_reason == "the channel was deleted"
    assert await state.channel_deleted(CHANNEL + 1) == []


async def test_subscribe_is_atomic(state: StateBackend) -> None:
    """A subscription that cannot be saved leaves the time zone unchanged too."""
    await state.set_guild_timezone(GUILD, "Asia/Tokyo")
    with pytest.raises(Exception, match=r"(?i)check constraint"):
        await state.subscribe(
            GUILD,
            channel_id=CHANNEL,
            post_time=time(9),
            timezone="Europe/Moscow",
            empty_day="sometimes",  # type: ignore[arg-type]
        )
    assert await state.guild_timezone(GUILD) == "Asia/Tokyo"
    assert await state.subscription(GUILD) is None


async def test_prune_post_log_keeps_recent_days_and_each_latest(
    backend: Backend, state: StateBackend
) -> None:
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

    assert await backend.post_log_days(1) == [date(2026, 3, 18), date(2026, 6, 6)]  # 90, 10 back
    assert await backend.post_log_days(2) == [quiet, date(2026, 2, 16)]
    last = await state.last_post(2)
    assert last is not None
    assert last.local_date == quiet
    assert await state.prune_post_log(today, keep_days=90) == 0


@pytest.mark.parametrize("status", ["claimed", "failed"])
async def test_retry_at_is_when_the_claim_is_taken(
    state: StateBackend, clock: FakeClock, status: str
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


async def test_first_bot_owns_the_store(state: StateBackend) -> None:
    """The first bot user to ask owns the store; another (a staging bot) never does."""
    assert await state.is_owner(1001)
    assert not await state.is_owner(2002)
    assert await state.is_owner(1001)


async def test_absent_servers_are_forgotten_after_the_grace(
    state: StateBackend, clock: FakeClock
) -> None:
    """A server missing from READY is marked, kept through the grace, then forgotten;
    one that comes back in time is kept and its mark cleared."""
    grace = timedelta(days=7)
    for guild in (1, 2, 3):
        await state.set_guild_timezone(guild, "UTC")
    assert await state.mark_absent({1}, grace) == []  # 2 and 3 marked absent now
    clock.advance(grace - timedelta(seconds=1))
    assert await state.mark_absent({1, 3}, grace) == []  # 3 came back: unmarked
    clock.advance(timedelta(seconds=1))
    assert await state.mark_absent({1}, grace) == [2]  # 3 marked again, from now
    assert await state.guilds_with_settings() == [1, 3]
    clock.advance(grace)
    assert await state.mark_absent({1}, grace) == [3]
    assert await state.guilds_with_settings() == [1]


# A turn far longer than the test takes, so the schedule's arithmetic is read exactly
# whatever the machine's speed (no timing is measured).
TURN = 100.0


async def test_turns_are_one_interval_apart(state: StateBackend) -> None:
    """The first turn is now; each next one an interval after the one before."""
    delays = [await state.reserve_turn(REST_TURNS, TURN) for _ in range(4)]
    assert delays[0] == 0.0
    for n, delay in enumerate(delays[1:], start=1):
        assert n * TURN - 5 < delay <= n * TURN


async def test_each_schedule_of_turns_is_its_own(state: StateBackend) -> None:
    """REST turns taken leave the IDENTIFY turns free, and the other way round."""
    await state.reserve_turn(REST_TURNS, TURN)
    assert await state.reserve_turn(IDENTIFY_TURNS, TURN) == 0.0
    assert TURN - 5 < await state.reserve_turn(REST_TURNS, TURN) <= TURN
    assert TURN - 5 < await state.reserve_turn(IDENTIFY_TURNS, TURN) <= TURN
