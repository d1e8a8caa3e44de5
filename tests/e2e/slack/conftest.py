"""Fixtures that run the real Slack app (`run_slack`: slack_bolt's AsyncApp over
slack_sdk's Socket Mode client) against the loopback stand-in in tests/e2e/fake_slack.

    async def test_quote(fake_slack: FakeSlack, slack_running: None) -> None:
        sent = await fake_slack.send_command("/quote", "putin nato")
        message = await fake_slack.wait_for_message(sent)   # what the channel shows
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.config import Settings
from bot.slack_bot.app import run_slack
from db.read.store import Store
from db.state.backend import StateBackend, open_state
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.running import started

NOW = datetime(2026, 6, 16, 8, 0, tzinfo=UTC)


class Clock:
    """A controlled time for the app: tests move it."""

    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
async def fake_slack() -> AsyncIterator[FakeSlack]:
    """A started Slack stand-in; closed after the test."""
    async with started(FakeSlack()) as fake:
        yield fake


@pytest.fixture
def slack_settings(fake_slack: FakeSlack, tmp_path: Path) -> Settings:
    """Settings for Socket Mode against the stand-in, with the stores under tmp_path."""
    return Settings.from_env(
        {
            "SLACK_BOT_TOKEN": "xoxb-0000-invented-bot-token",
            "SLACK_APP_TOKEN": "xapp-1-A0-invented-app-token",
            "SLACK_API_BASE": fake_slack.api_base,
            "ALMANAC_DB": str(tmp_path / "almanac.sqlite3"),
            "HOME": str(tmp_path),
        },
        env_file=None,
    )


@pytest.fixture
def clock() -> Clock:
    """The app's time, set by the test."""
    return Clock()


@pytest.fixture
async def slack_state(tmp_path: Path, clock: Clock) -> AsyncIterator[StateBackend]:
    """A real SQLite state store for the test, on the test's clock."""
    async with await open_state(tmp_path / "state.sqlite3", clock=clock) as state:
        yield state


@pytest.fixture
def slack_store(seeded_store: Store) -> Store:
    """The content store the app answers from: the seeds (a module may override it)."""
    return seeded_store


@pytest.fixture
async def slack_running(
    fake_slack: FakeSlack,
    slack_settings: Settings,
    slack_store: Store,
    slack_state: StateBackend,
    clock: Clock,
) -> AsyncIterator[asyncio.Task[None]]:
    """`almanac run`'s Slack path, connected over Socket Mode; cancelled after the test."""
    task = asyncio.create_task(run_slack(slack_settings, slack_store, slack_state, clock=clock))

    def ready() -> bool | None:
        if task.done():
            task.result()  # raises what stopped it
        return True if fake_slack.connected else None

    await fake_slack.wait_until(ready, "the Slack app to connect over Socket Mode")
    try:
        yield task
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
