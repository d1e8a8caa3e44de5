"""`almanac run` with Slack's tokens: its own process answers `/quote putin nato` over
Socket Mode, and stops cleanly on Ctrl-C; HTTP mode answers a signed request."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import os
import shutil
import socket
import time
from pathlib import Path
from urllib.parse import urlencode

import aiohttp

from tests.e2e.fake_slack import FakeSlack
from tests.e2e.running import TIMEOUT, almanac_run, interrupted

SECRET = "invented-signing-secret-0123456789"


def slack_env(fake_slack: FakeSlack, seeded_content: Path, tmp_path: Path) -> dict[str, str]:
    content = tmp_path / "almanac.sqlite3"
    shutil.copy(seeded_content, content)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SLACK_"))}
    return {
        **env,
        "SLACK_BOT_TOKEN": "xoxb-0000-invented-bot-token",
        "SLACK_API_BASE": fake_slack.api_base,
        "ALMANAC_DB": str(content),
        "ALMANAC_STATE_DB": str(tmp_path / "state.sqlite3"),
    }


async def test_almanac_run_answers_in_slack(
    fake_slack: FakeSlack, seeded_content: Path, tmp_path: Path
) -> None:
    """With SLACK_BOT_TOKEN and SLACK_APP_TOKEN only, `almanac run` is the Slack app."""
    env = slack_env(fake_slack, seeded_content, tmp_path)
    env["SLACK_APP_TOKEN"] = "xapp-1-A0-invented-app-token"
    async with almanac_run(env, tmp_path) as process:
        await fake_slack.wait_until(
            lambda: True if fake_slack.connected else None, "the app to connect", TIMEOUT
        )
        message = await fake_slack.wait_for_message(
            await fake_slack.send_command("/quote", "putin nato")
        )
        assert "Vladimir Putin" in message.all_text()
        await interrupted(process)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def signed(body: str, secret: str = SECRET) -> dict[str, str]:
    """Slack's request signature (v0) over a body."""
    stamp = str(int(time.time()))
    digest = hmac.new(secret.encode(), f"v0:{stamp}:{body}".encode(), hashlib.sha256)
    return {
        "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": f"v0={digest.hexdigest()}",
        "Content-Type": "application/x-www-form-urlencoded",
    }


async def test_http_mode_answers_signed_requests_only(
    fake_slack: FakeSlack, seeded_content: Path, tmp_path: Path
) -> None:
    """With the signing secret instead of the app token, the app listens on SLACK_PORT:
    a signed /quote is acked at once and answered, and a signed press of its Another
    quote button replaces the answer; wrongly signed ones are refused."""
    port = free_port()
    env = slack_env(fake_slack, seeded_content, tmp_path)
    env |= {"SLACK_SIGNING_SECRET": SECRET, "SLACK_PORT": str(port)}
    response_id, response_url = fake_slack.new_response_url()
    command = {
        "team_id": "T0ALMANAC1",
        "channel_id": "C0HISTORY1",
        "user_id": "U0MEMBER1",
        "command": "/quote",
        "text": "putin nato",
        "api_app_id": "A0ALMANAC1",
        "response_url": response_url,
        "trigger_id": "1.trigger",
    }
    body = urlencode(command)
    url = f"http://127.0.0.1:{port}/slack/events"
    async with almanac_run(env, tmp_path) as process:
        async with aiohttp.ClientSession() as session:
            status = None
            for _ in range(int(TIMEOUT / 0.2)):  # until the app listens
                try:
                    async with session.post(url, data=body, headers=signed(body, "wrong")) as bad:
                        status = bad.status
                    break
                except aiohttp.ClientConnectorError:
                    await asyncio.sleep(0.2)
            assert status == 401
            async with session.post(url, data=body, headers=signed(body)) as good:
                assert good.status == 200
        posted = await fake_slack.wait_until(
            lambda: next(iter(fake_slack.responses[response_id]), None), "the answer", TIMEOUT
        )
        assert not posted.ephemeral
        assert "Vladimir Putin" in str(posted.body["blocks"])
        message = list(fake_slack.messages.values())[-1]
        assert "Vladimir Putin" in message.all_text()

        # A press of the answer's button: block_actions, posted as a signed form.
        payload, pressed_id = fake_slack.press_payload(message, "almanac_quote_another")
        press = urlencode({"payload": json.dumps(payload)})
        async with aiohttp.ClientSession() as session:
            async with session.post(url, data=press, headers=signed(press, "wrong")) as bad:
                assert bad.status == 401
            assert fake_slack.responses[pressed_id] == []
            async with session.post(url, data=press, headers=signed(press)) as good:
                assert good.status == 200
        replaced = await fake_slack.wait_until(
            lambda: next(iter(fake_slack.responses[pressed_id]), None), "the press", TIMEOUT
        )
        assert replaced.body["replace_original"] is True
        assert "Quote 2 of" in fake_slack.messages[message.ts].all_text()
        await interrupted(process)
