"""Source texts full of mentions ping no one: not in answers, not in the daily post."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.config import Settings
from bot.discord_bot.app import AlmanacBot
from bot.discord_bot.render import defuse_mentions, shorten
from db.read.store import Store
from db.state.sqlite import StateStore
from db.write.bootstrap import ensure_content
from tests.e2e.conftest import StartAlmanac, StartBot
from tests.e2e.fake_discord import ANNOUNCEMENTS_ID, FAST_READY, FakeDiscord

JSON = dict[str, Any]
COGS = ["cogs.onthisday", "cogs.quote", "cogs.timeline"]
MOSCOW_NINE = datetime(2026, 6, 16, 6, 0, tzinfo=UTC)
RAW_MENTIONS = ("@everyone", "@here", "<@&123>", "<@456>", "<@!789>")
SOURCE = (
    "June 16, 2001: @everyone Putin met Bush in Slovenia with <@&123> and <@456>.\n"
    "\n"
    "\u201c@here we agree on this, <@456> and <@&123> and <@!789>, fully and completely "
    "and for good,\u201d Putin said.\n"
    "\n"
    "June 17, 2002: Bush called @here Putin about <@&123> again.\n"
)


@pytest.fixture
def mention_content(tmp_path: Path) -> Path:
    """A content store built from a seeds folder holding one text full of mentions."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "mentions.txt").write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "content.sqlite3"
    report = ensure_content(path, seeds)
    assert report is not None
    assert report.ok
    return path


@pytest.fixture
async def mention_store(mention_content: Path) -> AsyncIterator[Store]:
    """The read Store over the mention text."""
    async with await Store.open(mention_content) as store:
        yield store


def strings(value: Any) -> Iterator[str]:
    """Every string inside a JSON value."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def assert_pings_no_one(fake: FakeDiscord) -> None:
    """Every created or edited message disallows all mentions and shows none raw."""
    bodies = fake.message_payloads()
    assert bodies
    for body in bodies:
        assert body.get("allowed_mentions") == {"parse": []}, body
        for text in strings({k: v for k, v in body.items() if k != "allowed_mentions"}):
            assert not [m for m in RAW_MENTIONS if m in text], text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@everyone", "@\u200beveryone"),
        ("@here now", "@\u200bhere now"),
        ("<@&123>", "<@\u200b&123>"),
        ("<@456>", "<@\u200b456>"),
        ("<@!789>", "<@\u200b!789>"),
        ("mail me at a@b.example", "mail me at a@b.example"),
        ("<#123> <t:100:D>", "<#123> <t:100:D>"),
        ("@\u200beveryone <@\u200b1>", "@\u200beveryone <@\u200b1>"),
    ],
)
def test_defuse_mentions(text: str, expected: str) -> None:
    """Mention syntax gets a zero-width space after '@'; other text and a second pass unchanged."""
    assert defuse_mentions(text) == expected
    assert shorten(text, 100) == expected


def test_shorten_keeps_its_limit_when_defusing() -> None:
    """The inserted zero-width spaces count towards the limit."""
    assert len(shorten("@everyone " * 100, 50)) <= 50


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("quote", {"query": "agree"}),
        ("quote", {}),
        ("onthisday", {"date": "june 16"}),
        ("timeline", {}),
        ("timeline", {"query": "@everyone <@&123>"}),
        ("quote", {"query": "@everyone nothingmatches"}),
    ],
)
async def test_answers_ping_no_one(
    fake_discord: FakeDiscord,
    start_almanac: StartAlmanac,
    mention_store: Store,
    name: str,
    options: JSON,
) -> None:
    """/quote, /onthisday and /timeline over a text of mentions send no live mention."""
    await start_almanac(mention_store, COGS)
    sent = await fake_discord.send_command(name, options)
    message = await fake_discord.wait_for_reply(sent)
    assert message.get("embeds") or message.get("content")
    assert_pings_no_one(fake_discord)


async def test_quote_shows_defused_mentions(
    fake_discord: FakeDiscord, start_almanac: StartAlmanac, mention_store: Store
) -> None:
    """The quote still reads as written, with the mentions made inert."""
    await start_almanac(mention_store, COGS)
    sent = await fake_discord.send_command("quote", {"query": "agree"})
    message = await fake_discord.wait_for_reply(sent)
    description = message["embeds"][0]["description"]
    assert description.startswith("\u201c@\u200bhere we agree on this, <@\u200b456>")


async def test_daily_post_pings_no_one(
    fake_discord: FakeDiscord,
    start_bot: StartBot,
    almanac_settings: Settings,
    mention_store: Store,
    tmp_path: Path,
) -> None:
    """The daily post of a day whose anniversaries are full of mentions pings no one."""
    now = [MOSCOW_NINE - timedelta(hours=1)]  # subscribe at 08:00, post at 09:00 Moscow
    async with await StateStore.open(tmp_path / "state.sqlite3", clock=lambda: now[0]) as state:
        bot = AlmanacBot(
            almanac_settings,
            mention_store,
            ["cogs.daily"],
            state=state,
            clock=lambda: now[0],
            **FAST_READY,
        )
        await start_bot(bot)
        options = {"channel": ANNOUNCEMENTS_ID, "time": "09:00", "timezone": "Europe/Moscow"}
        await fake_discord.wait_for_reply(await fake_discord.send_command("daily set", options))
        now[0] = MOSCOW_NINE
        cog: Any = bot.get_cog("Daily")
        await cog.run_now()
        (post,) = await fake_discord.wait_for_channel_messages(ANNOUNCEMENTS_ID)
        assert "Slovenia" in post["embeds"][0]["fields"][0]["value"]
        assert_pings_no_one(fake_discord)
        await bot.close()
