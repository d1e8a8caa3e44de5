"""/sources in Slack over many documents: Previous and Next turn the list in place."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from db.read.store import Store
from db.write.bootstrap import ensure_content
from tests.e2e.fake_slack import FakeSlack

DOCUMENTS = 23  # three pages of ten


@pytest.fixture
async def slack_store(tmp_path: Path) -> AsyncIterator[Store]:
    """A store of 23 short invented chronicles."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(DOCUMENTS):
        (seeds / f"chronicle-{n:02d}.txt").write_text(
            f"Harbour chronicle {n}\n\nMay {n + 1}, 1901: the mill at berth {n} reopened.\n",
            encoding="utf-8",
        )
    path = tmp_path / "content.sqlite3"
    report = ensure_content(path, seeds)
    assert report is not None
    assert report.ok
    async with await Store.open(path) as store:
        yield store


async def test_sources_pages_turn_in_place(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None]
) -> None:
    """Page 1 of 3, Next to 2 and 3 (no Next there), Previous back to 2."""
    first = await fake_slack.wait_for_message(await fake_slack.send_command("/sources"))
    assert "Page 1 of 3 · 23 documents" in first.all_text()
    assert "chronicle-00.txt" in first.all_text()
    message = first
    for action_id, expected, shown in [
        ("almanac_sources_next", "Page 2 of 3", "chronicle-10.txt"),
        ("almanac_sources_next", "Page 3 of 3", "chronicle-22.txt"),
        ("almanac_sources_previous", "Page 2 of 3", "chronicle-19.txt"),
    ]:
        message = await fake_slack.wait_for_message(await fake_slack.press(message, action_id))
        assert message.ts == first.ts
        assert expected in message.all_text()
        assert shown in message.all_text()
    assert fake_slack.problems == []


async def test_sources_page_past_the_end_shows_the_last(
    fake_slack: FakeSlack, slack_running: asyncio.Task[None]
) -> None:
    """A page number past the end shows the last page and says so."""
    message = await fake_slack.wait_for_message(await fake_slack.send_command("/sources", "page:9"))
    assert "There is no page 9: page 3 is the last." in message.all_text()
    assert [b["action_id"] for b in message.buttons()] == ["almanac_sources_previous"]
