"""Markdown in source texts shows as written: escaped where Discord renders markdown
(descriptions, field values), left alone where it does not (footers)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from bot.discord_bot.render import escape_markdown, shorten
from db.read.store import Store
from db.write.bootstrap import ensure_content
from tests.e2e.conftest import StartAlmanac
from tests.e2e.fake_discord import FakeDiscord

JSON = dict[str, Any]
COGS = ["cogs.onthisday", "cogs.quote", "cogs.timeline"]
FILE_NAME = "summit_notes_2001.txt"
SOURCE = (
    "June 16, 2001: Putin met Bush at the *Brdo* castle | the **first** summit_of_two.\n"
    "\n"
    "\u201cWe looked each other in the eye, and it was a **very** good _start_ for us "
    "both,\u201d Putin said.\n"
)


@pytest.fixture
async def markdown_store(tmp_path: Path) -> AsyncIterator[Store]:
    """The read Store over one text full of markdown characters."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / FILE_NAME).write_text(SOURCE, encoding="utf-8")
    path = tmp_path / "content.sqlite3"
    report = ensure_content(path, seeds)
    assert report is not None
    assert report.ok
    async with await Store.open(path) as store:
        yield store


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a **b** c", r"a \*\*b\*\* c"),
        ("putin_bush_2001.txt", r"putin\_bush\_2001.txt"),
        ("x | y ~z~ `c` [l](u)", r"x \| y \~z\~ \`c\` \[l\](u)"),
        ("back\\slash", r"back\\slash"),
        ("# Heading", r"\# Heading"),
        ("> quoted\n  - item", "\\> quoted\n  \\- item"),
        ("1. first\n22. second", "1\\. first\n22\\. second"),
        ("No markdown here, 2.5 percent - fine.", "No markdown here, 2.5 percent - fine."),
        ("2001. The year", "2001\\. The year"),
        ("  # indented heading", "  \\# indented heading"),
        ("- a dash first", "\\- a dash first"),
    ],
)
def test_escape_markdown(text: str, expected: str) -> None:
    assert escape_markdown(text) == expected


def test_a_cut_never_ends_in_half_an_escape() -> None:
    """shorten drops a trailing backslash, which would escape the ellipsis."""
    cut = shorten(escape_markdown("word " * 10 + "*" * 40), 60)
    assert cut.endswith("…")
    assert not cut[:-1].endswith("\\")


async def test_quote_shows_markdown_as_written(
    fake_discord: FakeDiscord, start_almanac: StartAlmanac, markdown_store: Store
) -> None:
    await start_almanac(markdown_store, COGS)
    message = await fake_discord.wait_for_reply(
        await fake_discord.send_command("quote", {"query": "eye"})
    )
    embed = message["embeds"][0]
    assert r"a \*\*very\*\* good \_start\_ for us" in embed["description"]
    assert FILE_NAME in embed["footer"]["text"]  # footers show text as it is


async def test_onthisday_and_timeline_escape_titles(
    fake_discord: FakeDiscord, start_almanac: StartAlmanac, markdown_store: Store
) -> None:
    await start_almanac(markdown_store, COGS)
    day = await fake_discord.wait_for_reply(
        await fake_discord.send_command("onthisday", {"date": "june 16"})
    )
    value = day["embeds"][0]["fields"][0]["value"]
    assert r"the \*Brdo\* castle \| the \*\*first\*\* summit\_of\_two" in value
    timeline = await fake_discord.wait_for_reply(await fake_discord.send_command("timeline", {}))
    embed = timeline["embeds"][0]
    assert r"\*Brdo\*" in embed["description"]
    sources = next(f["value"] for f in embed["fields"] if f["name"] == "Sources")
    assert FILE_NAME.replace("_", r"\_") in sources
