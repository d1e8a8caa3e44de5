"""Hostile command input on the real store built from seeds/: clean answers, store unchanged.

Each command is answered the way its cog answers it (parse, answer, render for Discord):
a normal answer, or an ephemeral explanation with a `Try:` example; never an exception.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import discord
import pytest

from bot.answers.errors import UserError
from bot.answers.onthisday import on_this_day
from bot.answers.quote import find_quote
from bot.answers.requests import OnThisDayRequest, QuoteRequest, TimelineRequest
from bot.answers.timeline import find_timeline
from bot.answers.when import parse_bound, parse_day
from bot.config import PROJECT_SEEDS
from bot.console.repl import answer_line
from bot.discord_bot.render import (
    CONTENT_MAX,
    Reply,
    on_this_day_embeds,
    quote_reply,
    timeline_reply,
)
from bot.discord_bot.tree import POLITE_FAILURE
from cogs.quote import speaker_choices, topic_choices
from db.read.store import Store
from db.write.bootstrap import ensure_content

TODAY = date(2026, 6, 16)
DISCORD_TOTAL = 6000  # characters of all string options of one command
AUTOCOMPLETE_MAX = 100  # characters of a focused autocomplete value

FTS_SYNTAX = {
    "quote-mark": '"',
    "two-quote-marks": '""',
    "star": "*",
    "prefix-star": "nato*",
    "near-open": "NEAR(",
    "near-call": "NEAR(putin nato, 2)",
    "and": "AND",
    "or": "OR",
    "not": "NOT",
    "trailing-and": "putin AND",
    "leading-or": "OR nato",
    "not-term": "nato NOT putin",
    "minus": "-",
    "minus-term": "-nato",
    "caret": "^",
    "caret-term": "^nato",
    "colon": ":",
    "column-filter": "text:nato",
    "speaker-column": "speaker:p1",
    "column-set": "{text context}: nato",
    "open-paren": "(",
    "close-paren": ")",
    "unbalanced-paren": "(nato",
}
SQL_INJECTION = {
    "drop-table": "'; DROP TABLE quotes; --",
    "or-true": "1' OR '1'='1",
    "double-quote-delete": '"; DELETE FROM documents; --',
    "paren-drop": "nato'); DROP TABLE events;--",
}
SIZES = {
    "6000-x": "x" * DISCORD_TOTAL,
    "6000-words": ("nato " * 1200)[:DISCORD_TOTAL],
    "6000-many-words": " ".join(f"w{i}ord" for i in range(1000))[:DISCORD_TOTAL],
    "100-a": "a" * AUTOCOMPLETE_MAX,
    "100-words": ("putin nato " * 10)[:AUTOCOMPLETE_MAX],
    "empty": "",
    "space": " ",
    "whitespace": "\t\n \u00a0\u2003",
}
UNICODE = {
    "fullwidth": "ｐｕｔｉｎ ｎａｔｏ",
    "cyrillic-er": "рutin nato",
    "cyrillic-i": "putіn nato",
    "cyrillic-a": "nаto",
    "combining-acute": "pu\u0301tin nato",
    "combining-flood": "nato" + "\u0301" * 500,
    "nul-after": "nato\x00",
    "nul-only": "\x00",
    "nul-flood": "\x00" * 100,
    "emoji": "\U0001f980",
    "flag": "nato \U0001f1f7\U0001f1fa",
    "zwj-family": "\U0001f468\u200d\U0001f469\u200d\U0001f467 putin",
    "rtl-override": "\u202enato",
    "zero-width-inside": "na\u200bto",
    "everyone": "@everyone nato",
    "role-mention": "<@&123> nato",
}
HOSTILE = FTS_SYNTAX | SQL_INJECTION | SIZES | UNICODE


def dump_digest(path: Path) -> str:
    """A digest of every row of the store (schema and data), to prove nothing changed."""
    conn = sqlite3.connect(path)
    try:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()
    finally:
        conn.close()


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The content store as the bot builds it on first use: ensure_content over seeds/."""
    path = tmp_path_factory.mktemp("hostile") / "almanac.sqlite3"
    report = ensure_content(path, PROJECT_SEEDS)
    assert report is not None
    assert report.ok
    return path


@pytest.fixture
async def store(seeds_db: Path) -> AsyncIterator[Store]:
    """The read Store; after the test, every row of the file must be as it was."""
    before = dump_digest(seeds_db)
    async with await Store.open(seeds_db) as opened:
        yield opened
    assert dump_digest(seeds_db) == before


async def respond(store: Store, command: str, value: str) -> Reply:
    """Answer one option value the way the command's cog does, UserError included."""
    try:
        if command == "quote":
            return quote_reply(await find_quote(store, QuoteRequest(value)))
        if command == "quote-speaker":
            return quote_reply(await find_quote(store, QuoteRequest("", value)), value)
        if command == "timeline":
            return timeline_reply(await find_timeline(store, TimelineRequest(value)))
        if command == "timeline-from":
            start = parse_bound(value, end=False)
            return timeline_reply(await find_timeline(store, TimelineRequest("", start=start)))
        if command == "onthisday":
            day = parse_day(value, TODAY)
            return Reply(
                embeds=on_this_day_embeds(await on_this_day(store, OnThisDayRequest(day, TODAY)))
            )
    except UserError as error:
        return Reply(content=error.explain(), ephemeral=True)
    raise AssertionError(f"unknown command {command}")


def assert_clean(reply: Reply) -> None:
    """A normal answer within Discord's limits, or an ephemeral explanation with an example."""
    if reply.ephemeral:
        assert reply.content
        assert len(reply.content) <= CONTENT_MAX
        assert "\nTry: `/" in reply.content, reply.content
        assert POLITE_FAILURE not in reply.content
        return
    assert reply.embeds
    assert sum(len(e) for e in reply.embeds) <= DISCORD_TOTAL
    for embed in reply.embeds:
        assert isinstance(embed, discord.Embed)
        assert embed.title
        assert len(embed.title) <= 256
        assert len(embed.description or "") <= 4096


COMMANDS = ["quote", "quote-speaker", "timeline", "timeline-from", "onthisday"]


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("value", list(HOSTILE.values()), ids=list(HOSTILE))
async def test_hostile_value_answered_cleanly(store: Store, command: str, value: str) -> None:
    """Every hostile value in every command gives a clean answer or an explained refusal."""
    assert_clean(await respond(store, command, value))


@pytest.mark.parametrize(
    ("hostile", "plain"),
    [
        ("nato*", "nato"),
        ("-nato", "nato"),
        ("^nato", "nato"),
        ("(nato", "nato"),
        ("OR nato", "nato"),
        ('"nato"', "nato"),
        ("NEAR(putin nato, 2)", "near putin nato"),
        ("text:nato", "text nato"),
        ("'; DROP TABLE quotes; --", "drop table quotes"),
        ("ｐｕｔｉｎ ｎａｔｏ", "putin nato"),
        ("na\u200bto", "nato"),
        ("nato\x00", "nato"),
        ("nato \U0001f1f7\U0001f1fa", "nato"),
        ("\U0001f468\u200d\U0001f469\u200d\U0001f467 putin", "putin"),
        ('"', ""),
        ("AND", ""),
        ("\x00" * 100, ""),
        ("\t\n \u00a0\u2003", ""),
    ],
)
async def test_syntax_is_only_words(store: Store, hostile: str, plain: str) -> None:
    """FTS and SQL syntax, fullwidth forms and invisible characters count only as their words."""
    got, want = (
        await find_quote(store, QuoteRequest(hostile)),
        await find_quote(store, QuoteRequest(plain)),
    )
    assert (got.speakers, got.topic, got.total) == (want.speakers, want.topic, want.total)
    assert (got.quote and got.quote.id) == (want.quote and want.quote.id)
    line, base = (
        await find_timeline(store, TimelineRequest(hostile)),
        await find_timeline(store, TimelineRequest(plain)),
    )
    assert [e.id for e in line.events] == [e.id for e in base.events]
    assert line.total == base.total


@pytest.mark.parametrize(
    ("query", "unmatched", "suggestion"),
    [
        ("рutin nato", "рutin", None),
        ("putіn nato", "putіn", "putin"),
        ("pu\u0301tin nato", "pútin", None),
        ("nаto", "nаto", None),
    ],
    ids=["cyrillic-er", "cyrillic-i", "combining-acute", "cyrillic-a"],
)
async def test_look_alikes_are_not_the_real_word(
    store: Store, query: str, unmatched: str, suggestion: str | None
) -> None:
    """A homoglyph of a name or word matches nothing: an ephemeral 'no quote' naming it."""
    answer = await find_quote(store, QuoteRequest(query))
    assert answer.quote is None
    assert answer.speakers == []
    assert answer.unmatched == [unmatched]
    if suggestion is not None:
        assert suggestion in answer.suggestions
    reply = quote_reply(answer)
    assert reply.ephemeral
    assert reply.content is not None
    assert f"“{unmatched}”" in reply.content


@pytest.mark.parametrize("value", [*HOSTILE.values(), "p", "pu", "put", "nato n"], ids=repr)
async def test_autocomplete_choices_valid(store: Store, value: str) -> None:
    """Autocomplete on any value: at most 25 choices, each 1 to 100 characters."""
    for choices in (speaker_choices(store, value), topic_choices(store, value)):
        assert len(choices) <= 25
        for choice in choices:
            assert 1 <= len(choice.name) <= 100
            assert 1 <= len(str(choice.value)) <= 100


@pytest.mark.parametrize(
    "line",
    [
        "/quote '; DROP TABLE quotes; --",
        '/quote NEAR( "',
        "/quote speaker:'; DROP TABLE people; --",
        "/timeline nato page:²",
        "/timeline nato page:0",
        "/timeline nato page:-1",
        "/timeline from:99999",
        "/onthisday date:\x00",
        "/onthisday February 30",
        "/nosuchcommand",
        "/",
        "/quote " + "x" * DISCORD_TOTAL,
    ],
)
async def test_console_line_never_raises_anything_but_user_error(store: Store, line: str) -> None:
    """The console and `almanac ask` answer any line or explain it (UserError with a message)."""
    explained: str | None = None
    try:
        await answer_line(store, line, TODAY)
    except UserError as error:
        explained = error.explain()
    if explained is not None:
        assert explained
        assert len(explained) <= CONTENT_MAX


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("x" * DISCORD_TOTAL, "I couldn't read 'xxxxxxxx"),
        ("\x00", "I couldn't read '\\x00' as a date."),
        ("February 30", "'February 30' is not a real date."),
        ("99999-01-01", "I couldn't read '99999-01-01' as a date."),
        ("<@&123>", "I couldn't read '<@&123>' as a date."),
    ],
    ids=["6000-chars", "nul", "february-30", "year-99999", "role-mention"],
)
def test_bad_day_is_echoed_short_and_visible(value: str, message: str) -> None:
    """A bad date is quoted back at most 60 characters long, controls escaped, with an example."""
    with pytest.raises(UserError) as caught:
        parse_day(value, TODAY)
    text = caught.value.explain()
    assert text.startswith(message)
    assert text.endswith("Try: `/onthisday date: june 16`")
    assert len(caught.value.message) < 120
