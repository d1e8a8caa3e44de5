"""Slack's rate limit: a 429 is waited out (Retry-After), never retried early, and no
answer is lost."""

from __future__ import annotations

import asyncio

from tests.e2e.fake_slack import FakeSlack


async def test_answers_wait_out_429s(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None]
) -> None:
    """Eight commands against a limit of two sends a second: the stand-in answers some
    429 with Retry-After; the app retries each after the wait, and all eight arrive."""
    fake_slack.set_rate_limit(2, 1.0)
    sent = await asyncio.gather(  # eight members: none is held back by the cooldown
        *(fake_slack.send_command("/quote", "putin nato", user=f"U0LOAD{i:03d}") for i in range(8))
    )
    for envelope in sent:
        await fake_slack.wait_for_response(envelope)
    assert fake_slack.rate_limited > 0
    assert fake_slack.early_retries == 0
    assert sorted(len(fake_slack.responses[e.response_id]) for e in sent) == [1] * 8
    assert len(fake_slack.messages) == 8
