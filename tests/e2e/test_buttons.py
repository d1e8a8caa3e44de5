"""Buttons never stall: a forged, stale or spammed press gets a private line, through the
real discord.py client and the stand-in, on real SQLite stores."""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers import picture
from bot.config import Settings
from bot.discord_bot.app import AlmanacBot
from cogs._common import COOLDOWN_RATE
from db import schema
from db.read.store import Store
from db.write.writer import ingest_paths
from tests.e2e.conftest import StartAlmanac
from tests.e2e.fake_discord import (
    FAST_READY,
    JSON,
    MEMBER_ID,
    FakeDiscord,
    iter_components,
    running_bot,
)
from tests.e2e.test_commands import COGS, EPHEMERAL, TIMEOUT, UPDATE_MESSAGE, button_id
from tests.stores import many_documents

# An invented timeline of three events: one page, no quote by anyone in the seeds.
SMALL_TEXT = """\
The Harbour Bridge

March 3, 1999: The harbour bridge opened to traffic.
April 5, 2000: The harbour bridge closed for repairs.
May 7, 2001: The harbour bridge opened again.
"""


@pytest.fixture
async def bot(start_almanac: StartAlmanac, seeded_store: Store) -> AlmanacBot:
    """An AlmanacBot running the command cogs on the seeds (tree synced)."""
    return await start_almanac(seeded_store, COGS)


@pytest.fixture
async def small_store(tmp_path: Path) -> AsyncIterator[Store]:
    """A store of SMALL_TEXT alone: what a rebuilt store with fewer texts looks like."""
    text = tmp_path / "texts" / "bridge.txt"
    text.parent.mkdir()
    text.write_text(SMALL_TEXT, encoding="utf-8")
    path = tmp_path / "small.sqlite3"
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        assert ingest_paths(conn, [text.parent], workers=1).ok
    finally:
        conn.close()
    async with await Store.open(path) as store:
        yield store


async def sent_message(fake: FakeDiscord, name: str, options: JSON) -> JSON:
    """Run a command and return a copy of the message it posted (with its buttons): the
    stand-in's own record changes as buttons edit the message."""
    sent = await fake.send_command(name, options)
    await fake.wait_for_callback(sent, TIMEOUT)
    message = fake.original(sent)
    assert message is not None, f"/{name} posted no message"
    return copy.deepcopy(message)


def with_custom_id(message: JSON, old: str, new: str) -> JSON:
    """A copy of the message whose button `old` carries `new` (an older bot's or a forger's)."""
    forged = copy.deepcopy(message)
    for component in iter_components(forged.get("components", [])):
        if component.get("custom_id") == old:
            component["custom_id"] = new
            return forged
    raise AssertionError(f"no button {old!r} on the message")


def private_line(body: JSON) -> str:
    """The content of an ephemeral reply (fails clearly on any other answer)."""
    assert body["type"] == 4, body
    assert body["data"]["flags"] & EPHEMERAL, body
    content: str = body["data"]["content"]
    return content


async def restarted_on(
    fake: FakeDiscord,
    settings: Settings,
    start_almanac: StartAlmanac,
    before: Store,
    after: Store,
    name: str,
    options: JSON,
) -> JSON:
    """The message a bot on `before` posts for a command, answered next by a bot on `after`."""
    first = AlmanacBot(settings, before, COGS, **FAST_READY)
    async with running_bot(first, fake):
        message = await sent_message(fake, name, options)
    await start_almanac(after, COGS, sync=False)
    return message


# -- 1. forged or stale ---------------------------------------------------------


@pytest.mark.parametrize(
    ("custom_id", "command"),
    [
        ("almanac:timeline:next", "/timeline"),  # an older format
        ("almanac:timeline:9999999::", "/timeline"),  # a page no timeline has
        ("almanac:timeline:2:20080101:20010101", "/timeline"),  # a span with nothing in it
        ("almanac:quote:99999:", "/quote"),
        ("almanac:quote:1:" + "z" * 13, "/quote"),  # an id no store can hold
        ("almanac:gone:1", "the command"),  # a button of a command there is no more
    ],
)
async def test_unreadable_button_of_ours_is_answered(
    bot: AlmanacBot,
    fake_discord: FakeDiscord,
    caplog: pytest.LogCaptureFixture,
    custom_id: str,
    command: str,
) -> None:
    """A press of a custom_id of ours that does not parse or fits no state: a private line
    that says the button is out of date and which command to run; nothing logged."""
    message = await sent_message(fake_discord, "timeline", {"full": True})
    forged = with_custom_id(message, button_id(message, "Next"), custom_id)
    with caplog.at_level(logging.ERROR):
        click = await fake_discord.click_button(forged, custom_id)
        line = private_line(await fake_discord.wait_for_callback(click, TIMEOUT))
    assert "out of date" in line
    assert f"run {command} again" in line
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_button_not_ours_is_left_alone(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """Another bot's or library's custom_id gets no answer from Almanac; ours still do."""
    message = await sent_message(fake_discord, "timeline", {"full": True})
    next_id = button_id(message, "Next")
    foreign = await fake_discord.click_button(
        with_custom_id(message, next_id, "otherbot:page:2"), "otherbot:page:2"
    )
    ours = await fake_discord.click_button(message, next_id)
    assert (await fake_discord.wait_for_callback(ours, TIMEOUT))["type"] == UPDATE_MESSAGE
    assert fake_discord.callback(foreign) is None


async def test_page_button_after_the_timeline_shrank(
    fake_discord: FakeDiscord,
    almanac_settings: Settings,
    start_almanac: StartAlmanac,
    seeded_store: Store,
    small_store: Store,
) -> None:
    """Next on page 1 of 2, once the store holds a one-page timeline: said privately, with
    what to run, and the message is left as it was."""
    message = await restarted_on(
        fake_discord,
        almanac_settings,
        start_almanac,
        seeded_store,
        small_store,
        "timeline",
        {"full": True},
    )
    click = await fake_discord.click_button(message, button_id(message, "Next"))
    line = private_line(await fake_discord.wait_for_callback(click, TIMEOUT))
    assert line.startswith("That timeline now has 1 page.")
    assert "run /timeline again" in line
    assert fake_discord.messages[int(message["id"])] == message


async def test_another_quote_after_its_matches_were_removed(
    fake_discord: FakeDiscord,
    almanac_settings: Settings,
    start_almanac: StartAlmanac,
    seeded_store: Store,
    small_store: Store,
) -> None:
    """'Another quote' for a search the store no longer matches: a private line that says
    so and what to do instead."""
    message = await restarted_on(
        fake_discord,
        almanac_settings,
        start_almanac,
        seeded_store,
        small_store,
        "quote",
        {"query": "putin"},
    )
    click = await fake_discord.click_button(message, button_id(message, "Another quote"))
    line = private_line(await fake_discord.wait_for_callback(click, TIMEOUT))
    assert line.startswith("No quote matches that search any more.")
    assert "`/quote`" in line


# -- 2. cooldown ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "options", "label"),
    [("timeline", {"full": True}, "Next"), ("quote", {"query": "putin"}, "Another quote")],
)
async def test_button_presses_have_the_commands_cooldown(
    bot: AlmanacBot, fake_discord: FakeDiscord, name: str, options: JSON, label: str
) -> None:
    """The sixth press within 30 s by one member is refused privately with the time to
    wait, as the sixth command is; another member's press still works."""
    message = await sent_message(fake_discord, name, options)
    custom_id = button_id(message, label)
    for _ in range(COOLDOWN_RATE):
        click = await fake_discord.click_button(message, custom_id)
        assert (await fake_discord.wait_for_callback(click, TIMEOUT))["type"] == UPDATE_MESSAGE
    click = await fake_discord.click_button(message, custom_id)
    line = private_line(await fake_discord.wait_for_callback(click, TIMEOUT))
    assert re.fullmatch(r"Slow down a little: try again in \d+ s\.", line), line
    other = await fake_discord.click_button(message, custom_id, user_id=MEMBER_ID)
    assert (await fake_discord.wait_for_callback(other, TIMEOUT))["type"] == UPDATE_MESSAGE


# -- 2b. /timeline: key moments and the full list ------------------------------


def labels(message: JSON) -> list[str]:
    """The labels of a message's buttons, in order."""
    return [str(c["label"]) for c in iter_components(message.get("components", [])) if "label" in c]


async def test_timeline_opens_with_key_moments_and_turns_to_the_full_list(
    bot: AlmanacBot, fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    """/timeline on the seeds: 8 key moments of 16 events and a Full list button; Full list
    turns to page 1 of the list in place, and Key moments turns back."""
    monkeypatch.setattr(picture, "PICTURE_WAIT", 30.0)  # a slow machine still gets it
    # A drawing an earlier test left running must not count as busy here: this one
    # queues behind it in the drawer's thread and is waited for.
    monkeypatch.setattr(picture, "_drawing", None)
    message = await sent_message(fake_discord, "timeline", {})
    [embed] = message["embeds"]
    assert embed["image"]["url"] == "attachment://timeline.png"
    assert embed["description"].startswith("**8 key moments of 16 events**")
    assert embed["footer"]["text"] == "Full list: 2 pages in date order"
    assert labels(message) == ["Full list ▶"]
    click = await fake_discord.click_button(message, button_id(message, "Full list"))
    body = await fake_discord.wait_for_callback(click, TIMEOUT)
    assert body["type"] == UPDATE_MESSAGE
    assert body["data"]["embeds"][0]["footer"]["text"] == "Page 1 of 2"
    assert "image" not in body["data"]["embeds"][0]
    assert labels(body["data"]) == ["◀ Previous", "Next ▶", "Key moments"]
    turned = copy.deepcopy(fake_discord.messages[int(message["id"])])
    click = await fake_discord.click_button(turned, button_id(turned, "Key moments"))
    body = await fake_discord.wait_for_callback(click, TIMEOUT)
    assert body["type"] == UPDATE_MESSAGE
    assert body["data"]["embeds"][0]["description"] == embed["description"]
    assert body["data"]["embeds"][0]["image"]["url"] == "attachment://timeline.png"


async def test_a_page_button_of_before_key_moments_still_turns_pages(
    bot: AlmanacBot, fake_discord: FakeDiscord
) -> None:
    """A Next button an older Almanac made (page 2, no bounds) turns to page 2 of the list."""
    message = await sent_message(fake_discord, "timeline", {})
    old = "almanac:timeline:2::"
    forged = with_custom_id(message, button_id(message, "Full list"), old)
    click = await fake_discord.click_button(forged, old)
    body = await fake_discord.wait_for_callback(click, TIMEOUT)
    assert body["type"] == UPDATE_MESSAGE
    assert body["data"]["embeds"][0]["footer"]["text"] == "Page 2 of 2"


async def test_full_option_opens_the_full_list(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """/timeline full: True starts at page 1 of every event in date order."""
    message = await sent_message(fake_discord, "timeline", {"full": True})
    assert message["embeds"][0]["footer"]["text"] == "Page 1 of 2"
    assert "key moments" not in message["embeds"][0]["description"]


# -- 3. /sources paged ----------------------------------------------------------


@pytest.fixture
async def shelf(tmp_path: Path) -> AsyncIterator[Store]:
    """A store of 25 documents: three pages of /sources."""
    async with await Store.open(many_documents(tmp_path / "shelf.sqlite3", 25)) as store:
        yield store


def document_lines(body: JSON) -> list[str]:
    """The document lines of a /sources answer."""
    description: str = body["data"]["embeds"][0]["description"]
    return description.splitlines()


async def test_sources_pages_with_previous_and_next(
    start_almanac: StartAlmanac, fake_discord: FakeDiscord, shelf: Store
) -> None:
    """/sources shows 10 of 25 documents with the count and page; Next turns to the next
    10 in place, and Previous is enabled there."""
    await start_almanac(shelf, COGS)
    sent = await fake_discord.send_command("sources list", {})
    body = await fake_discord.wait_for_callback(sent, TIMEOUT)
    first = document_lines(body)
    assert len(first) == 10
    assert "doc-001.txt" in first[0]
    assert body["data"]["embeds"][0]["footer"]["text"] == "Page 1 of 3 · 25 documents"
    message = copy.deepcopy(fake_discord.original(sent))
    assert message is not None
    click = await fake_discord.click_button(message, button_id(message, "Next"))
    turned = await fake_discord.wait_for_callback(click, TIMEOUT)
    assert turned["type"] == UPDATE_MESSAGE
    second = document_lines(turned)
    assert len(second) == 10
    assert "doc-011.txt" in second[0]
    assert turned["data"]["embeds"][0]["footer"]["text"] == "Page 2 of 3 · 25 documents"
    assert turned["data"]["allowed_mentions"]["parse"] == []
    buttons = {c.get("label"): c for c in iter_components(turned["data"]["components"])}
    assert not buttons["◀ Previous"].get("disabled")
    assert not buttons["Next ▶"].get("disabled")


async def test_sources_page_button_after_the_store_shrank(
    fake_discord: FakeDiscord,
    almanac_settings: Settings,
    start_almanac: StartAlmanac,
    shelf: Store,
    seeded_store: Store,
) -> None:
    """Next on page 1 of 3, once the store holds one page of documents: said privately."""
    message = await restarted_on(
        fake_discord, almanac_settings, start_almanac, shelf, seeded_store, "sources list", {}
    )
    click = await fake_discord.click_button(message, button_id(message, "Next"))
    line = private_line(await fake_discord.wait_for_callback(click, TIMEOUT))
    assert line.startswith("The list of sources now has 1 page.")
    assert "run /sources list again" in line
