"""One state store for Discord and Slack: each service posts its own servers' days,
and Discord's READY never takes a Slack workspace for a server that left."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any, cast

from bot.config import Settings
from bot.discord_bot.app import AlmanacBot
from bot.slack_bot.app import SlackAlmanac
from cogs.daily import ABSENCE_GRACE
from db.read.store import Store
from db.state.backend import StateBackend
from db.state.records import EmptyDay, slack_key
from tests.e2e.conftest import StartBot
from tests.e2e.fake_discord import ANNOUNCEMENTS_ID, FAST_READY, GUILD_ID
from tests.e2e.fake_slack import CHANNEL_ID, TEAM_ID, FakeSlack
from tests.e2e.slack.conftest import Clock

WORKSPACE = slack_key(TEAM_ID)
NINE = datetime(2026, 6, 16, 9, 0, tzinfo=UTC)


async def subscribe_both(state: StateBackend) -> None:
    """A Discord server and a Slack workspace, both posting at 09:00 UTC."""
    for server, channel in ((GUILD_ID, ANNOUNCEMENTS_ID), (WORKSPACE, slack_key(CHANNEL_ID))):
        await state.subscribe(
            server,
            channel_id=channel,
            post_time=time(9),
            timezone="UTC",
            empty_day=EmptyDay.NEAREST,
        )


def daily_cog(bot: AlmanacBot) -> Any:
    """The loaded Daily cog (its module is the extension's own copy: no isinstance)."""
    found = bot.get_cog("Daily")
    assert type(found).__name__ == "DailyCog"
    return cast(Any, found)


async def test_each_service_posts_its_own_servers(
    fake_slack: FakeSlack,
    slack_settings: Settings,
    almanac_settings: Settings,
    seeded_store: Store,
    slack_state: StateBackend,
    clock: Clock,
    start_bot: StartBot,
) -> None:
    """Both due at 09:00: the Discord poster posts the server only, the Slack poster the
    workspace only, each once."""
    await subscribe_both(slack_state)
    bot = AlmanacBot(
        almanac_settings,
        seeded_store,
        ["cogs.daily"],
        state=slack_state,
        clock=clock,
        **FAST_READY,
    )
    await start_bot(bot)  # its loop's first run, at 08:00, finds nothing due
    clock.now = NINE
    report = await daily_cog(bot).run_now()
    assert report.outcomes == {GUILD_ID: "posted"}
    async with SlackAlmanac(slack_settings, seeded_store, slack_state, clock=clock) as slack:
        assert await slack.poster.run_once() == {WORKSPACE: "posted"}
        assert await slack.poster.run_once() == {}
    assert (await daily_cog(bot).run_now()).outcomes == {}
    assert [m for m, _ in fake_slack.requests if m == "chat.postMessage"] == ["chat.postMessage"]


async def test_discord_ready_keeps_slack_workspaces(
    almanac_settings: Settings,
    seeded_store: Store,
    slack_state: StateBackend,
    clock: Clock,
    start_bot: StartBot,
) -> None:
    """READY lists only Discord servers: a workspace is never marked absent, so even
    after the grace period its settings stay."""
    await subscribe_both(slack_state)
    bot = AlmanacBot(
        almanac_settings,
        seeded_store,
        ["cogs.daily"],
        state=slack_state,
        clock=clock,
        **FAST_READY,
    )
    await start_bot(bot)
    cog = daily_cog(bot)
    await cog.on_ready()
    clock.now = clock.now + ABSENCE_GRACE * 2
    await cog.on_ready()
    assert sorted(await slack_state.guilds_with_settings()) == sorted([GUILD_ID, WORKSPACE])
    assert await slack_state.subscription(WORKSPACE) is not None
