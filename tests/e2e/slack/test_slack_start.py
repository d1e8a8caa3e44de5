"""Starting with Slack: a refused token, a missing token, one failing adapter."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from bot.config import Settings
from bot.process.lifecycle import _together, run_bot
from tests.e2e.fake_slack import FakeSlack
from tests.e2e.running import TIMEOUT, almanac_run


async def test_refused_slack_token_is_one_line(
    fake_slack: FakeSlack, seeded_content: Path, tmp_path: Path
) -> None:
    """`almanac run` with a token Slack refuses stops with one line naming the setting
    and Slack's reason, exit 2, the token never shown."""
    token = "xoxb-0000-revoked-token-value"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SLACK_"))}
    env |= {
        "SLACK_BOT_TOKEN": token,
        "SLACK_APP_TOKEN": "xapp-1-A0-invented-app-token",
        "SLACK_API_BASE": fake_slack.api_base,
        "ALMANAC_DB": str(seeded_content),
        "ALMANAC_STATE_DB": str(tmp_path / "state.sqlite3"),
    }
    async with almanac_run(env, tmp_path) as process:
        _, stderr = await asyncio.wait_for(process.communicate(), TIMEOUT)
    err = stderr.decode().strip()
    assert process.returncode == 2, err[-2000:]
    assert err.splitlines() == [
        "almanac: Slack refused the bot token (SLACK_BOT_TOKEN): invalid_auth; check it in .env"
    ]
    assert token not in err


def test_no_token_at_all_is_one_line(
    tmp_path: Path, seeded_content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`almanac run` with neither DISCORD_TOKEN nor SLACK_BOT_TOKEN says so, exit 2."""
    settings = Settings.from_env({"HOME": str(tmp_path)}, env_file=None)
    assert run_bot(settings, seeded_content) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("almanac: neither DISCORD_TOKEN nor SLACK_BOT_TOKEN is set")
    assert len(err.splitlines()) == 1


async def test_one_adapter_failing_stops_the_other() -> None:
    """When one adapter stops with an error, the other is cancelled and that error is
    raised itself, not inside a group."""
    stopped = asyncio.Event()

    async def runs_forever() -> None:
        try:
            await asyncio.Event().wait()
        finally:
            stopped.set()

    async def fails() -> None:
        await asyncio.sleep(0)
        raise RuntimeError("the Slack side broke")

    with pytest.raises(RuntimeError, match="the Slack side broke"):
        await _together([runs_forever(), fails()])
    assert stopped.is_set()
