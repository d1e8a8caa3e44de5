"""Daily posts in Slack under a controlled clock: /daily set by an admin, the post at
the workspace's local time exactly once, and who may change it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, time

import pytest

from bot.config import Settings
from bot.slack_bot.app import SlackAlmanac, serve
from db.read.store import Store
from db.state.backend import StateBackend
from db.state.records import EmptyDay, slack_key, slack_message_key
from tests.e2e.fake_slack import (
    ADMIN_ID,
    CHANNEL_ID,
    JSON,
    MEMBER_ID,
    TEAM_ID,
    FakeSlack,
    Posted,
)
from tests.e2e.slack.conftest import Clock

WORKSPACE = slack_key(TEAM_ID)
# 08:00 UTC on June 16, 2026 is 11:00 in Moscow: that day's 09:00 has passed.
START = datetime(2026, 6, 16, 8, 0, tzinfo=UTC)


@pytest.fixture
async def almanac(
    fake_slack: FakeSlack,
    slack_settings: Settings,
    seeded_store: Store,
    slack_state: StateBackend,
    clock: Clock,
) -> AsyncIterator[SlackAlmanac]:
    """The Slack app connected over Socket Mode; its poster is run by the test."""
    clock.now = START
    async with SlackAlmanac(slack_settings, seeded_store, slack_state, clock=clock) as app:
        task = asyncio.create_task(serve(app, slack_settings))
        await fake_slack.wait_until(lambda: True if fake_slack.connected else None, "connect")
        try:
            yield app
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def daily(fake_slack: FakeSlack, text: str, user: str = ADMIN_ID) -> Posted:
    """What /daily answers `user` (always only to them)."""
    posted = await fake_slack.wait_for_response(
        await fake_slack.send_command("/daily", text, user=user)
    )
    assert posted.ephemeral
    return posted


def posts(fake_slack: FakeSlack) -> list[str]:
    """The chat.postMessage calls the stand-in took (their channels)."""
    return [
        str(args.get("channel"))
        for method, args in fake_slack.requests
        if method == "chat.postMessage"
    ]


async def test_daily_post_goes_out_once_at_local_time(
    fake_slack: FakeSlack, almanac: SlackAlmanac, clock: Clock, slack_state: StateBackend
) -> None:
    """Set at 11:00 Moscow time for 09:00: nothing today; tomorrow at 09:00 one post in
    the channel, however many runs follow; the post log records its message."""
    said = await daily(fake_slack, "set 09:00 timezone:Europe/Moscow")
    assert "Every day at *09:00* (Europe/Moscow)" in said.body["text"]
    assert f"<#{CHANNEL_ID}>" in said.body["text"]
    assert await almanac.poster.run_once() == {}
    clock.now = datetime(2026, 6, 17, 5, 59, tzinfo=UTC)  # 08:59 in Moscow
    assert await almanac.poster.run_once() == {}
    clock.now = datetime(2026, 6, 17, 6, 0, tzinfo=UTC)  # 09:00
    assert await almanac.poster.run_once() == {WORKSPACE: "posted"}
    for _ in range(3):
        assert await almanac.poster.run_once() == {}
    assert posts(fake_slack) == [CHANNEL_ID]
    message = list(fake_slack.messages.values())[-1]
    assert message.channel == CHANNEL_ID
    assert "June 1" in message.all_text()  # June 17's, or the nearest anniversary's
    assert "Source" in message.all_text()
    assert fake_slack.problems == []
    record = await slack_state.post_record(WORKSPACE, date(2026, 6, 17))
    assert record is not None
    assert record.status == "posted"
    assert record.message_id is not None


async def test_an_unknown_time_zone_pauses_and_says_why(
    fake_slack: FakeSlack,
    almanac: SlackAlmanac,
    slack_state: StateBackend,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A zone this machine's tzdata does not know pauses the workspace's post once, with
    the reason in /daily status, instead of failing and logging an error every run."""
    await slack_state.subscribe(
        WORKSPACE,
        channel_id=slack_key(CHANNEL_ID),
        post_time=time(9, 0),
        timezone="Mars/Olympus",
        empty_day=EmptyDay.NEAREST,
    )
    with caplog.at_level(logging.ERROR):
        assert await almanac.poster.run_once() == {}
        assert await almanac.poster.run_once() == {}
    assert [
        record.getMessage() for record in caplog.records if record.levelno >= logging.ERROR
    ] == []
    said = await daily(fake_slack, "status")
    assert "*Paused:* unknown time zone 'Mars/Olympus'" in said.body["text"]
    assert posts(fake_slack) == []


async def test_post_now_is_still_once_a_day(
    fake_slack: FakeSlack, almanac: SlackAlmanac, clock: Clock
) -> None:
    """post-now posts today's post; a second post-now and the scheduled run post nothing."""
    await daily(fake_slack, "set 09:00 timezone:UTC")
    first = await daily(fake_slack, "post-now")
    assert "Posted today's post" in first.body["text"]
    again = await daily(fake_slack, "post-now")
    assert "already gone out" in again.body["text"]
    clock.now = datetime(2026, 6, 16, 9, 0, tzinfo=UTC)
    assert await almanac.poster.run_once() == {}
    assert posts(fake_slack) == [CHANNEL_ID]
    assert "On this day — June 16" in list(fake_slack.messages.values())[-1].all_text()


@pytest.mark.parametrize("text", ["set 09:00 timezone:UTC", "off", "timezone UTC", "post-now"])
async def test_only_admins_change_the_daily_post(
    fake_slack: FakeSlack, almanac: SlackAlmanac, text: str
) -> None:
    """A member who is not a workspace admin is refused privately; nothing changes."""
    said = await daily(fake_slack, text, user=MEMBER_ID)
    assert "Only workspace admins and owners" in said.body["text"]
    assert almanac.state is not None
    assert await almanac.state.subscription(WORKSPACE) is None
    assert posts(fake_slack) == []


async def test_a_named_manager_may_change_it(
    fake_slack: FakeSlack,
    slack_settings: Settings,
    seeded_store: Store,
    slack_state: StateBackend,
    clock: Clock,
) -> None:
    """SLACK_DAILY_MANAGERS lets a member who is not an admin set the daily post."""
    settings = replace(slack_settings, slack_daily_managers=frozenset({MEMBER_ID}))
    async with SlackAlmanac(settings, seeded_store, slack_state, clock=clock) as app:
        assert await app.may_manage_daily(MEMBER_ID)
        assert await app.may_manage_daily(ADMIN_ID)  # an admin still may
        assert not await app.may_manage_daily("U0STRANGER")


async def test_status_and_preview(fake_slack: FakeSlack, almanac: SlackAlmanac) -> None:
    """status tells the settings and the next post; preview shows today's post privately."""
    not_yet = await daily(fake_slack, "status")
    assert "not set up here" in not_yet.body["text"]
    await daily(fake_slack, "set 21:30 timezone:Europe/Moscow empty:quote")
    status = await daily(fake_slack, "status")
    assert "*Daily posts:* on" in status.body["text"]
    assert "21:30 (Europe/Moscow)" in status.body["text"]
    assert "a quote of the day" in status.body["text"]
    preview = await daily(fake_slack, "preview", user=MEMBER_ID)  # anyone may preview
    assert "On this day — June 16" in str(preview.body["blocks"])
    assert posts(fake_slack) == []


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("set 25:00 timezone:UTC", "25:00"),
        ("set 09:00 timezone:Mars/Olympus", "Mars/Olympus"),
        ("set 09:00 timezone:UTC empty:sometimes", "empty is nearest, quote or skip"),
        ("set 09:00", "Which time zone"),
        ("weekly", "/daily has no"),
    ],
)
async def test_daily_mistakes(
    fake_slack: FakeSlack, almanac: SlackAlmanac, text: str, says: str
) -> None:
    """A mistake in /daily is one private line; nothing is saved."""
    said = await daily(fake_slack, text)
    assert says in said.body["text"]
    assert almanac.state is not None
    assert await almanac.state.subscription(WORKSPACE) is None


async def test_onthisday_follows_the_workspace_time_zone(
    fake_slack: FakeSlack, almanac: SlackAlmanac, clock: Clock
) -> None:
    """/daily timezone sets the workspace's today: 22:30 UTC is the next day in Auckland."""
    clock.now = datetime(2026, 6, 16, 22, 30, tzinfo=UTC)
    await daily(fake_slack, "timezone Pacific/Auckland")
    message = await fake_slack.wait_for_message(await fake_slack.send_command("/onthisday"))
    assert "On this day — June 17" in message.all_text()


async def test_a_lost_answer_is_not_posted_twice(
    fake_slack: FakeSlack, almanac: SlackAlmanac, clock: Clock, slack_state: StateBackend
) -> None:
    """Slack posts but its answer is lost: the day stays claimed (pending), nothing is
    resent at once; the retry 5 minutes later finds the post by its metadata in the
    channel's history and records it instead of posting again."""
    await daily(fake_slack, "set 09:00 timezone:UTC")
    fake_slack.lose_answers = 1
    clock.now = datetime(2026, 6, 17, 9, 0, tzinfo=UTC)
    assert await almanac.poster.run_once() == {WORKSPACE: "pending"}
    assert posts(fake_slack) == [CHANNEL_ID]  # no resend on the dropped connection
    assert await almanac.poster.run_once() == {WORKSPACE: "taken"}  # the claim is held
    clock.now = datetime(2026, 6, 17, 9, 6, tzinfo=UTC)  # past the stale-claim wait
    assert await almanac.poster.run_once() == {WORKSPACE: "found"}
    assert posts(fake_slack) == [CHANNEL_ID]
    (message,) = fake_slack.messages.values()
    record = await slack_state.post_record(WORKSPACE, date(2026, 6, 17))
    assert record is not None
    assert record.status == "posted"
    assert record.message_id == slack_message_key(message.ts)


async def test_a_post_that_never_arrived_is_sent_on_retry(
    fake_slack: FakeSlack, almanac: SlackAlmanac, clock: Clock
) -> None:
    """A retried claim whose post is not in the channel's history posts it, once."""
    await daily(fake_slack, "set 09:00 timezone:UTC")
    fake_slack.lose_answers = 1
    clock.now = datetime(2026, 6, 17, 9, 0, tzinfo=UTC)
    assert await almanac.poster.run_once() == {WORKSPACE: "pending"}
    fake_slack.messages.clear()  # it never reached the channel after all
    clock.now = datetime(2026, 6, 17, 9, 6, tzinfo=UTC)
    assert await almanac.poster.run_once() == {WORKSPACE: "posted"}
    assert len(fake_slack.messages) == 1
    assert await almanac.poster.run_once() == {}


OTHER_TEAM = "T0OTHER01"


async def subscribe_other(state: StateBackend) -> int:
    """A second workspace's daily post, set straight in the shared state: its key."""
    other = slack_key(OTHER_TEAM)
    await state.subscribe(
        other,
        channel_id=slack_key("C0OTHER01"),
        post_time=START.time(),
        timezone="UTC",
        empty_day=EmptyDay.NEAREST,
    )
    return other


async def forgotten(state: StateBackend, workspace: int) -> None:
    """Wait until the workspace's daily settings are gone (an event is answered after its
    ack); a guard, not a timing: an app that never forgets fails here."""
    for _ in range(1500):  # 30 s at most
        if await state.subscription(workspace) is None:
            return
        await asyncio.sleep(0.02)
    raise AssertionError(f"workspace {workspace}'s daily settings were never forgotten")


@pytest.mark.parametrize(
    "event",
    [{"type": "app_uninstalled"}, {"type": "tokens_revoked", "tokens": {"bot": ["U0ALMBOT1"]}}],
    ids=["app_uninstalled", "bot_token_revoked"],
)
async def test_uninstalled_workspace_is_forgotten(
    fake_slack: FakeSlack, almanac: SlackAlmanac, slack_state: StateBackend, event: JSON
) -> None:
    """The app uninstalled from a workspace, or its bot token revoked there (an Events API
    envelope over Socket Mode): that workspace's daily settings are forgotten and it is
    not posted to; another workspace's stay."""
    await daily(fake_slack, "set 09:00 timezone:UTC")
    other = await subscribe_other(slack_state)
    envelope = await fake_slack.send_event(event)
    await forgotten(slack_state, WORKSPACE)
    assert envelope.acked_at is not None
    assert await slack_state.subscription(other) is not None
    assert WORKSPACE not in await slack_state.guilds_with_settings()


async def test_a_users_revoked_token_forgets_nothing(
    fake_slack: FakeSlack, almanac: SlackAlmanac, slack_state: StateBackend
) -> None:
    """A user's own token revoked (no bot token in the event) leaves the workspace's daily
    post alone: the bot still serves it. (The other workspace's uninstall, sent after it,
    is the point by which the first event has been handled.)"""
    await daily(fake_slack, "set 09:00 timezone:UTC")
    other = await subscribe_other(slack_state)
    await fake_slack.send_event({"type": "tokens_revoked", "tokens": {"oauth": [MEMBER_ID]}})
    await fake_slack.send_event({"type": "app_uninstalled"}, team=OTHER_TEAM)
    await forgotten(slack_state, other)
    assert await slack_state.subscription(WORKSPACE) is not None
