"""Texts full of Slack mentions ping no one: not in answers, not in what users type."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from db.read.store import Store
from db.write.bootstrap import ensure_content
from tests.e2e.fake_slack import FakeSlack, Message

# Everything Slack would turn into a notification, written the way Slack reads it.
PINGS = re.compile(
    r"<!(channel|here|everyone)|<@[UW]|<!subteam|(?<![\w\u200b])@(channel|here|everyone)"
)
SOURCE = (
    "June 16, 2001: <!channel> Putin met Bush in Slovenia with <@U024BE7LH> & <!here>.\n"
    "\n"
    "\u201c@channel we agree on this, <!subteam^S012AB3CD|keepers> and <!everyone>, fully"
    " and completely and for good,\u201d Putin said.\n"
    "\n"
    "June 17, 2002: Bush called @here Putin about <@W0ABCDEF|jo> again.\n"
)


@pytest.fixture
async def slack_store(tmp_path: Path) -> AsyncIterator[Store]:
    """The app answers from a store built from one text full of Slack mentions."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "mentions.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "content.sqlite3"
    report = ensure_content(path, seeds)
    assert report is not None
    assert report.ok
    async with await Store.open(path) as store:
        yield store


def seen(fake_slack: FakeSlack) -> list[Message]:
    """Every message the channel or a user was shown."""
    return [*fake_slack.messages.values(), *(m for _, m in fake_slack.ephemerals)]


@pytest.mark.parametrize(
    ("command", "text", "inert"),
    [
        ("/onthisday", "june 16", "&lt;!channel&gt;"),
        ("/quote", "putin", "&lt;!subteam^S012AB3CD|keepers&gt;"),
        ("/timeline", "", "&lt;!channel&gt;"),
        ("/timeline", "slovenia", "&lt;@U024BE7LH&gt; &amp; &lt;!here&gt;"),
        # The user's own words, echoed back in a mistake's line.
        ("/quote", "<!channel> <@U024BE7LH> zebra", None),
        ("/onthisday", "<!here>", "&lt;!here&gt;"),
        ("/timeline", "@everyone from:<!subteam^S012AB3CD>", "&lt;!subteam^S012AB3CD&gt;"),
    ],
)
async def test_no_answer_pings(
    fake_slack: FakeSlack,
    slack_running: asyncio.Task[None],
    command: str,
    text: str,
    inert: str | None,
) -> None:
    """Answers quoting the text, and mistakes echoing the user, show mentions inertly."""
    sent = await fake_slack.send_command(command, text)
    posted = await fake_slack.wait_for_response(sent)
    shown = seen(fake_slack)
    assert len(shown) == 1
    everything = shown[0].all_text()
    assert PINGS.search(everything) is None, everything
    if inert is not None:
        assert inert in everything  # shown as written, pinging nobody
    assert not posted.body.get("link_names")
