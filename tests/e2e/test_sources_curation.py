"""/sources add and /sources remove through the real discord.py client and the stand-in:
the owner and curators add an attached text after a private preview and remove one after
another; anyone else is refused; bad files are refused in one line and leave nothing."""

from __future__ import annotations

import asyncio
import copy
import sqlite3
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers.formatting import CANCELLED, KEPT, NOT_A_CURATOR
from bot.discord_bot import app
from bot.discord_bot.app import AlmanacBot
from db import schema
from db.read.store import Store
from db.write.curation import MAX_ADDED_BYTES, PENDING, REMOVED
from db.write.writer import ingest_paths
from tests.e2e.conftest import StartAlmanac
from tests.e2e.fake_discord import ADMIN_ID, JSON, MEMBER_ID, FakeDiscord, iter_components
from tests.paths import PROJECT_SEEDS

TIMEOUT = 5.0
EPHEMERAL = 64
UPDATE_MESSAGE = 7
COGS = ["cogs.sources", "cogs.quote"]
CURATOR_ID = 1_100_000_000_000_000_777  # in ALMANAC_CURATORS, not the owner
ARTICLE = """\
---
title: Harbour council votes on the pier
date: 2011-03-04
url: https://example.org/harbour-pier
---
# Harbour council votes on the pier

The harbour council met on 3 March 2011 to vote on the new pier.

"The pier will be rebuilt before winter," said Mayor Ilse Varga.
"""


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    """The seeds in a store file of this test's own, which the bot may write to."""
    path = tmp_path / "content.sqlite3"
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        assert ingest_paths(conn, [PROJECT_SEEDS], workers=1).ok
    finally:
        conn.close()
    async with await Store.open(path) as opened:
        yield opened


@pytest.fixture
def texts(tmp_path: Path) -> Path:
    """The folder of added texts (made by the bot when it first saves one)."""
    return tmp_path / "texts"


@pytest.fixture
async def bot(
    store: Store, start_almanac: StartAlmanac, texts: Path, monkeypatch: pytest.MonkeyPatch
) -> AlmanacBot:
    """The bot with /sources and /quote, one curator, and a fast store watch (the store
    is set up first, so it is closed after the bot)."""
    monkeypatch.setattr(app, "STORE_WATCH", 0.05)
    return await start_almanac(store, COGS, texts_dir=texts, curators=frozenset({CURATOR_ID}))


def stored_titles(store: Store) -> list[str]:
    """The titles in the bot's store file, read on a connection of the test's own."""
    assert store.path is not None
    conn = sqlite3.connect(store.path)
    try:
        return [str(t) for (t,) in conn.execute("SELECT title FROM documents ORDER BY title")]
    finally:
        conn.close()


def files_under(folder: Path) -> list[str]:
    """Every file under folder, hidden subfolders included, relative to it."""
    if not folder.exists():
        return []
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def button(message: JSON, label: str) -> str:
    """The custom_id of the message's button with that label."""
    for component in iter_components(message.get("components", [])):
        if component.get("label") == label:
            return str(component["custom_id"])
    raise AssertionError(f"no {label!r} button on {message}")


async def add(
    fake: FakeDiscord, name: str, data: bytes, *, user_id: int = ADMIN_ID, size: int | None = None
) -> JSON:
    """Run /sources add with an attachment; the private reply, copied."""
    attachment = fake.attach(name, data, "text/plain; charset=utf-8", size=size)
    sent = await fake.send_command("sources add", {"file": attachment}, user_id=user_id)
    message = await fake.wait_for_reply(sent, TIMEOUT)
    assert message["flags"] & EPHEMERAL, message
    return copy.deepcopy(message)


async def press(fake: FakeDiscord, message: JSON, label: str, *, user_id: int = ADMIN_ID) -> JSON:
    """Press a button of a private preview; the message as the bot left it."""
    click = await fake.click_button(message, button(message, label), user_id=user_id)
    body = await fake.wait_for_callback(click, TIMEOUT)
    if body["type"] == UPDATE_MESSAGE:
        return dict(body["data"])
    if body["type"] == 4:  # answered privately instead (a refusal)
        return dict(body["data"])
    return await fake.wait_for_reply(click, TIMEOUT)  # deferred, then edited


async def eventually_quoted(fake: FakeDiscord, query: str, speaker: str) -> None:
    """/quote answers with speaker within TIMEOUT (the store watch reloads the lookups)."""
    deadline = time.monotonic() + TIMEOUT
    title = None
    while time.monotonic() < deadline:
        sent = await fake.send_command("quote", {"query": query}, user_id=CURATOR_ID)
        body = await fake.wait_for_callback(sent, TIMEOUT)
        embeds = body["data"].get("embeds") or [{}]
        title = embeds[0].get("title")
        if title == speaker:
            return
        await asyncio.sleep(0.1)
    raise AssertionError(f"/quote {query} answered {title!r}, not {speaker!r}")


async def test_owner_adds_a_markdown_text_after_its_preview(
    bot: AlmanacBot, fake_discord: FakeDiscord, store: Store, texts: Path
) -> None:
    """The owner attaches a .md file: a private preview (title, link, counts, the quote
    with its speaker) with Confirm and Cancel; the text waits, unstored; Confirm stores it
    and /quote then finds its speaker."""
    before = stored_titles(store)
    preview = await add(fake_discord, "harbour pier.md", ARTICLE.encode())
    embed = preview["embeds"][0]
    assert embed["title"] == "Add “Harbour council votes on the pier”?"
    assert embed["url"] == "https://example.org/harbour-pier"
    assert "1 event, 1 quote" in embed["description"]
    assert "March 4, 2011" in embed["description"]
    quotes = next(f["value"] for f in embed["fields"] if f["name"] == "Quotes")
    assert "The pier will be rebuilt before winter" in quotes
    assert "Ilse Varga" in quotes
    assert stored_titles(store) == before
    waiting = files_under(texts)
    assert len(waiting) == 1
    assert waiting[0].startswith(f"{PENDING}/")
    assert waiting[0].endswith("/harbour_pier.md")

    done = await press(fake_discord, preview, "Confirm")
    assert done["content"].startswith("Added “harbour_pier.md”: 1 event, 1 quote.")
    assert done["embeds"] == []
    assert not done.get("components")
    assert files_under(texts) == ["harbour_pier.md"]
    assert "Harbour council votes on the pier" in stored_titles(store)
    await eventually_quoted(fake_discord, "varga pier", "Ilse Varga")

    again = await press(fake_discord, preview, "Confirm")  # the old preview, pressed again
    assert "no longer waiting" in again["content"]
    assert again["flags"] & EPHEMERAL


async def test_anyone_else_is_refused(
    bot: AlmanacBot, fake_discord: FakeDiscord, store: Store, texts: Path
) -> None:
    """A member who is neither the owner nor a curator gets one private line for add and
    remove, no documents to choose from, and cannot press a curator's Confirm."""
    before = stored_titles(store)
    refused = await add(fake_discord, "harbour.md", ARTICLE.encode(), user_id=MEMBER_ID)
    assert refused["content"] == NOT_A_CURATOR
    assert not refused.get("embeds")
    sent = await fake_discord.send_command("sources remove", {"document": "1"}, user_id=MEMBER_ID)
    assert (await fake_discord.wait_for_reply(sent, TIMEOUT))["content"] == NOT_A_CURATOR
    typed = await fake_discord.send_autocomplete(
        "sources remove", "document", "", user_id=MEMBER_ID
    )
    assert await fake_discord.wait_for_choices(typed, TIMEOUT) == []

    preview = await add(fake_discord, "harbour.md", ARTICLE.encode())  # the owner's
    pressed = await press(fake_discord, preview, "Confirm", user_id=MEMBER_ID)
    assert pressed["content"] == NOT_A_CURATOR
    assert stored_titles(store) == before
    assert files_under(texts)[0].startswith(f"{PENDING}/")  # still waiting for a curator


async def test_a_curator_named_in_the_settings_may_add(
    bot: AlmanacBot, fake_discord: FakeDiscord, store: Store
) -> None:
    """A user in ALMANAC_CURATORS, not the owner, adds a text as the owner would."""
    preview = await add(fake_discord, "harbour.txt", ARTICLE.encode(), user_id=CURATOR_ID)
    done = await press(fake_discord, preview, "Confirm", user_id=CURATOR_ID)
    assert done["content"].startswith("Added “harbour.txt”: 1 event, 1 quote.")
    assert "Harbour council votes on the pier" in stored_titles(store)


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("notes.pdf", b"%PDF-1.7 not a text", "notes.pdf: not a text source; attach a .txt"),
        ("big.txt", b"a" * (MAX_ADDED_BYTES + 1), "big.txt: too large (2 MB; limit is 2 MB)"),
        ("latin.txt", "Café society met on 3 March 2011.".encode("latin-1"), "not UTF-8 text"),
        ("link.txt", b"https://example.org/harbour-pier\n", "that is a link, not the text"),
        ("page.url", b"[InternetShortcut]\nURL=https://example.org/\n", "that is a link"),
        (
            "login.html",
            b"<html><body><form><input name='user'><button>Sign in</button></form></body></html>",
            "no article text",
        ),
        ("empty.md", b"  \n", "file is empty"),
    ],
)
async def test_bad_files_are_refused_in_one_line(
    bot: AlmanacBot,
    fake_discord: FakeDiscord,
    store: Store,
    texts: Path,
    name: str,
    data: bytes,
    expected: str,
) -> None:
    """A wrong type, a file past the limit, one not UTF-8, a link instead of the text, a
    page with no article: one private line, nothing stored, nothing kept."""
    before = stored_titles(store)
    refused = await add(fake_discord, name, data)
    assert expected in refused["content"]
    assert "\n" not in refused["content"].split("\nTry:")[0]
    assert not refused.get("components")
    assert stored_titles(store) == before
    assert files_under(texts) == []


async def test_a_file_said_to_be_too_large_is_never_downloaded(
    bot: AlmanacBot, fake_discord: FakeDiscord, texts: Path
) -> None:
    """The size Discord reports is checked before the download."""
    refused = await add(fake_discord, "big.md", b"small", size=MAX_ADDED_BYTES + 1)
    assert "too large" in refused["content"]
    assert not any(r.path.startswith("/cdn/") for r in fake_discord.requests)
    assert files_under(texts) == []


async def test_cancel_stores_nothing_and_deletes_only_its_copy(
    bot: AlmanacBot, fake_discord: FakeDiscord, store: Store, texts: Path
) -> None:
    """Cancel deletes the pending copy; an added text beside it is untouched."""
    kept = texts / "kept.txt"
    await asyncio.to_thread(texts.mkdir)
    await asyncio.to_thread(kept.write_text, "A user's own file.\n", encoding="utf-8")
    before = stored_titles(store)
    preview = await add(fake_discord, "harbour.md", ARTICLE.encode())
    cancelled = await press(fake_discord, preview, "Cancel")
    assert cancelled["content"] == CANCELLED
    assert stored_titles(store) == before
    assert files_under(texts) == ["kept.txt"]
    stale = await press(fake_discord, preview, "Confirm")
    assert "no longer waiting" in stale["content"]
    assert stored_titles(store) == before


async def test_remove_an_added_text_with_confirm(
    bot: AlmanacBot, fake_discord: FakeDiscord, store: Store, texts: Path
) -> None:
    """An added text is offered as you type; its preview names it with its counts; Cancel
    keeps it, Confirm removes it and moves its file aside, never deleting it."""
    preview = await add(fake_discord, "harbour.md", ARTICLE.encode())
    await press(fake_discord, preview, "Confirm")
    typed = await fake_discord.send_autocomplete("sources remove", "document", "harbour")
    choices = await fake_discord.wait_for_choices(typed, TIMEOUT)
    assert [c["name"] for c in choices] == ["Harbour council votes on the pier — harbour.md"]

    sent = await fake_discord.send_command("sources remove", {"document": choices[0]["value"]})
    shown = copy.deepcopy(await fake_discord.wait_for_reply(sent, TIMEOUT))
    assert shown["flags"] & EPHEMERAL
    assert shown["embeds"][0]["title"] == "Remove “Harbour council votes on the pier”?"
    assert "1 event · 1 quote" in shown["embeds"][0]["description"]
    assert (await press(fake_discord, shown, "Cancel"))["content"] == KEPT
    assert "Harbour council votes on the pier" in stored_titles(store)

    done = await press(fake_discord, shown, "Confirm")
    assert done["content"].startswith(
        "Removed “Harbour council votes on the pier” (1 event, 1 quote) from the store."
    )
    assert f"{REMOVED}/harbour.md" in done["content"]
    assert "Harbour council votes on the pier" not in stored_titles(store)
    assert files_under(texts) == [f"{REMOVED}/harbour.md"]
    stale = await press(fake_discord, shown, "Confirm")
    assert "no longer in the store" in stale["content"]


async def test_remove_a_document_outside_the_added_texts_leaves_its_file(
    bot: AlmanacBot, fake_discord: FakeDiscord, store: Store, texts: Path
) -> None:
    """A seed document typed by a unique part of its title leaves the store; its file
    stays where it is, and the answer says so."""
    seeds = sorted(p.name for p in PROJECT_SEEDS.iterdir())
    titles = stored_titles(store)
    sent = await fake_discord.send_command("sources remove", {"document": "Timeline 2001"})
    shown = copy.deepcopy(await fake_discord.wait_for_reply(sent, TIMEOUT))
    title = shown["embeds"][0]["title"].removeprefix("Remove “").removesuffix("”?")
    assert title in titles
    done = await press(fake_discord, shown, "Confirm")
    assert "was left where it is" in done["content"]
    assert title not in stored_titles(store)
    assert sorted(p.name for p in PROJECT_SEEDS.iterdir()) == seeds
    assert files_under(texts) == []


async def test_remove_of_a_document_nobody_has_is_explained(
    bot: AlmanacBot, fake_discord: FakeDiscord
) -> None:
    """A value that names no stored document gets one private line with an example."""
    sent = await fake_discord.send_command("sources remove", {"document": "no such text"})
    line = (await fake_discord.wait_for_reply(sent, TIMEOUT))["content"]
    assert line.startswith("No document in the store matches that")
    assert "Try: `/sources remove document: harbour`" in line
