"""The four commands through the real discord.py client, on a store built from seeds/."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from dateutil import tz

from bot.answers.when import MonthDay
from bot.config import Settings
from bot.discord_bot.app import DEFAULT_EXTENSIONS, AlmanacBot
from cogs import _common
from cogs.help import command_lines
from db import schema
from db.read.store import Store
from db.state.sqlite import StateStore
from db.write.writer import ingest_paths
from tests.e2e.conftest import StartAlmanac
from tests.e2e.fake_discord import (
    FAST_READY,
    GUILD_ID,
    MEMBER_ID,
    FakeDiscord,
    command_problems,
    iter_components,
    running_bot,
)
from tests.paths import PROJECT_SEEDS

SEEDS = PROJECT_SEEDS
COGS = ["cogs.onthisday", "cogs.quote", "cogs.timeline", "cogs.sources"]
EPHEMERAL = 64
UPDATE_MESSAGE = 7
TIMEOUT = 5.0
JSON = dict[str, Any]


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content store built once from seeds/ by the real extractor."""
    path = tmp_path_factory.mktemp("e2e-seeds") / "content.sqlite3"
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        assert ingest_paths(conn, [SEEDS], workers=1).ok
    finally:
        conn.close()
    return path


@pytest.fixture
async def store(seeds_db: Path) -> AsyncIterator[Store]:
    """The read Store over the seeds database, closed after the test."""
    async with await Store.open(seeds_db) as opened:
        yield opened


@pytest.fixture
async def bot(start_almanac: StartAlmanac, store: Store) -> AlmanacBot:
    """An AlmanacBot running the command cogs against the stand-in (tree synced)."""
    return await start_almanac(store, COGS)


async def command(fake: FakeDiscord, name: str, options: JSON | None = None, **kw: Any) -> JSON:
    """Invoke a slash command and return the callback body the bot posted."""
    sent = await fake.send_command(name, options or {}, **kw)
    return await fake.wait_for_callback(sent, TIMEOUT)


def first_embed(body: JSON) -> JSON:
    """The first embed of a callback body (fails clearly when there is none)."""
    embeds: list[JSON] = body["data"].get("embeds") or []
    assert embeds, f"no embed in {body}"
    return embeds[0]


def embed_text(embed: JSON) -> str:
    """All the visible text of an embed, for loose assertions."""
    parts = [embed.get("title", ""), embed.get("description", "")]
    parts += [f"{f['name']}\n{f['value']}" for f in embed.get("fields", [])]
    parts.append(embed.get("footer", {}).get("text", ""))
    return "\n".join(parts)


def button_id(message: JSON, label: str) -> str:
    """The custom_id of the button whose label contains `label`."""
    for component in iter_components(message.get("components", [])):
        if label in (component.get("label") or ""):
            return str(component["custom_id"])
    raise AssertionError(f"no {label!r} button on {message.get('components')}")


async def test_synced_commands_are_valid(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """The synced payload has the four commands, all within Discord's limits."""
    names = {c["name"] for c in fake_discord.global_commands}
    assert names == {"onthisday", "quote", "timeline", "sources"}
    assert command_problems(fake_discord.global_commands) == []
    quote = fake_discord.find_command("quote")
    assert quote is not None
    autocompleted = {o["name"] for o in quote["options"] if o.get("autocomplete")}
    assert autocompleted == {"query", "speaker"}
    timeline = fake_discord.find_command("timeline")
    assert timeline is not None
    assert [o["name"] for o in timeline["options"]] == ["query", "from", "to", "full"]


async def test_quote_putin_nato(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """/quote query: putin nato → an embed with a Putin quote on NATO, its source, no pings."""
    body = await command(fake_discord, "quote", {"query": "putin nato"})
    assert body["type"] == 4
    embed = first_embed(body)
    assert embed["title"] == "Vladimir Putin"
    assert "nato" in embed["description"].lower()
    assert embed["footer"]["text"].startswith("Source: ")
    assert ".txt" in embed["footer"]["text"]
    assert body["data"]["allowed_mentions"]["parse"] == []


async def test_onthisday_june_16(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """/onthisday date: 06-16 → the 2001 meeting in Slovenia, with its source."""
    body = await command(fake_discord, "onthisday", {"date": "06-16"})
    embed = first_embed(body)
    text = embed_text(embed)
    assert "2001" in text
    assert "Slovenia" in text
    assert "Source" in embed["footer"]["text"]
    assert body["data"]["allowed_mentions"]["parse"] == []


async def test_timeline_nato_in_order(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """/timeline query: nato → the 2001 event listed before the 2008 one."""
    body = await command(fake_discord, "timeline", {"query": "nato"})
    header, _, lines = first_embed(body)["description"].partition("\n\n")
    assert "2008" in header
    assert lines.index("**June 16, 2001**") < lines.index("**April 6, 2008**")


async def test_another_quote_button(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """'Another quote' edits the message with a different matching quote, each time."""
    sent = await fake_discord.send_command("quote", {"query": "putin"})
    await fake_discord.wait_for_callback(sent, TIMEOUT)
    message = fake_discord.original(sent)
    assert message is not None
    shown = [message["embeds"][0]["description"]]
    for _ in range(2):
        click = await fake_discord.click_button(message, button_id(message, "Another quote"))
        body = await fake_discord.wait_for_callback(click, TIMEOUT)
        assert body["type"] == UPDATE_MESSAGE
        assert body["data"]["allowed_mentions"]["parse"] == []
        embed = first_embed(body)
        assert embed["title"] == "Vladimir Putin"
        assert embed["description"] not in shown
        shown.append(embed["description"])
        assert f"quote {len(shown)} of " in embed["footer"]["text"]
        message = fake_discord.messages[int(message["id"])]


async def test_buttons_survive_a_restart(
    fake_discord: FakeDiscord,
    almanac_settings: Settings,
    start_almanac: StartAlmanac,
    store: Store,
) -> None:
    """A button sent by one bot process is answered by the next: its state is in the message."""
    before = AlmanacBot(almanac_settings, store, COGS, **FAST_READY)
    async with running_bot(before, fake_discord):
        sent = await fake_discord.send_command("quote", {"query": "putin"})
        await fake_discord.wait_for_callback(sent, TIMEOUT)
    message = fake_discord.original(sent)
    assert message is not None
    first = message["embeds"][0]["description"]
    await start_almanac(store, COGS, sync=False)
    click = await fake_discord.click_button(message, button_id(message, "Another quote"))
    body = await fake_discord.wait_for_callback(click, TIMEOUT)
    assert body["type"] == UPDATE_MESSAGE
    assert first_embed(body)["description"] != first


async def test_timeline_next_page(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """Next turns the full list to page 2 in place; Previous is enabled there."""
    sent = await fake_discord.send_command("timeline", {"full": True})
    first = first_embed(await fake_discord.wait_for_callback(sent, TIMEOUT))
    assert first["footer"]["text"].startswith("Page 1 of ")
    message = fake_discord.original(sent)
    assert message is not None
    click = await fake_discord.click_button(message, button_id(message, "Next"))
    body = await fake_discord.wait_for_callback(click, TIMEOUT)
    assert body["type"] == UPDATE_MESSAGE
    second = first_embed(body)
    assert second["footer"]["text"].startswith("Page 2 of ")
    assert second["description"] != first["description"]
    previous = next(
        c for c in iter_components(body["data"]["components"]) if "Previous" in c.get("label", "")
    )
    assert not previous.get("disabled")


async def test_speaker_autocomplete(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """Typing 'pu' in the speaker option offers Vladimir Putin (at most 25 choices)."""
    sent = await fake_discord.send_autocomplete("quote", "speaker", "pu")
    choices = await fake_discord.wait_for_choices(sent, TIMEOUT)
    assert {"name": "Vladimir Putin", "value": "Vladimir Putin"} in choices
    assert len(choices) <= 25


async def test_query_autocomplete(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """Typing 'putin na' in the query completes the last word with a quoted topic."""
    sent = await fake_discord.send_autocomplete("quote", "query", "putin na")
    choices = await fake_discord.wait_for_choices(sent, TIMEOUT)
    assert "putin nato" in [c["value"] for c in choices]
    assert all(len(c["name"]) <= 100 for c in choices)


async def test_bad_date_is_ephemeral_with_example(
    bot: AlmanacBot, fake_discord: FakeDiscord
) -> None:
    """A date that is not one → an ephemeral explanation with a working example."""
    body = await command(fake_discord, "onthisday", {"date": "February 30"})
    assert body["data"]["flags"] & EPHEMERAL
    assert "Try: `/onthisday date: june 16`" in body["data"]["content"]


async def test_unknown_speaker_is_ephemeral_with_suggestion(
    bot: AlmanacBot, fake_discord: FakeDiscord
) -> None:
    """/quote speaker: Pootin → privately says who did not match and suggests Vladimir Putin."""
    body = await command(fake_discord, "quote", {"query": "nato", "speaker": "Pootin"})
    assert body["data"]["flags"] & EPHEMERAL
    assert "Pootin" in body["data"]["content"]
    assert "Vladimir Putin" in body["data"]["content"]


async def test_sources(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """/sources lists both seed documents with their counts; the "_" of their names is
    escaped, so Discord shows the names as written rather than as italics."""
    embed = first_embed(await command(fake_discord, "sources list"))
    for seed in SEEDS.glob("*.txt"):
        assert seed.name.replace("_", "\\_") in embed["description"]
    assert embed["footer"]["text"].startswith("2 documents")


async def test_cooldown_is_ephemeral(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """The sixth /sources within 30 s from one member is refused privately; others still work."""
    for _ in range(5):
        body = await command(fake_discord, "sources list")
        assert not body["data"].get("flags", 0) & EPHEMERAL
    refused = await command(fake_discord, "sources list")
    assert refused["data"]["flags"] & EPHEMERAL
    assert "try again" in refused["data"]["content"]
    other = await command(fake_discord, "sources list", user_id=MEMBER_ID)
    assert not other["data"].get("flags", 0) & EPHEMERAL


async def test_no_message_can_ping(bot: AlmanacBot, fake_discord: FakeDiscord) -> None:
    """Every message body the commands sent carries allowed_mentions with nothing parsed."""
    await command(fake_discord, "quote", {"query": "bush"})
    await command(fake_discord, "onthisday", {"date": "september 11"})
    await command(fake_discord, "timeline", {"query": "iraq", "from": "2003"})
    payloads = fake_discord.message_payloads()
    assert len(payloads) == 3
    assert all(p["allowed_mentions"]["parse"] == [] for p in payloads)


def day_titles(zone: str) -> set[str]:
    """The /onthisday titles of today in a zone (two around midnight, so a test cannot flake)."""
    now = datetime.now(tz.gettz(zone))
    days = {now.date(), datetime.now(tz.gettz(zone)).date()}
    return {f"On this day — {MonthDay(d.month, d.day).label()}" for d in days}


@pytest.mark.parametrize(
    ("server_zone", "dm", "expected_zone"),
    [
        (None, False, "Pacific/Pago_Pago"),  # the server chose nothing: the bot's default
        ("Pacific/Kiritimati", False, "Pacific/Kiritimati"),  # the server's own zone
        ("Pacific/Kiritimati", True, "Pacific/Pago_Pago"),  # a DM has no server
    ],
)
async def test_onthisday_defaults_to_today_in_the_server_zone(
    start_almanac: StartAlmanac,
    fake_discord: FakeDiscord,
    store: Store,
    tmp_path: Path,
    server_zone: str | None,
    dm: bool,
    expected_zone: str,
) -> None:
    """/onthisday without a date uses today in the server's zone, else the bot's default."""
    bot = await start_almanac(store, COGS, timezone="Pacific/Pago_Pago")  # UTC-11
    async with await StateStore.open(tmp_path / "state.sqlite3") as state:
        if server_zone:
            await state.set_guild_timezone(GUILD_ID, server_zone)  # UTC+14: another date
        bot.state = state
        body = await command(fake_discord, "onthisday", dm=dm)
    assert first_embed(body)["title"] in day_titles(expected_zone)


async def test_slow_answer_is_deferred_then_sent(
    bot: AlmanacBot, fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    """When the answer is slow the command defers first, then the answer replaces 'thinking'."""
    monkeypatch.setattr(_common, "DEFER_AFTER", 0.0)
    sent = await fake_discord.send_command("quote", {"query": "putin nato"})
    assert (await fake_discord.wait_for_callback(sent, TIMEOUT))["type"] == 5
    message = await fake_discord.wait_for_reply(sent, TIMEOUT)
    assert message["embeds"][0]["title"] == "Vladimir Putin"


async def test_slow_private_answer_stays_private(
    bot: AlmanacBot, fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deferred answer that should be ephemeral drops the public 'thinking' message."""
    monkeypatch.setattr(_common, "DEFER_AFTER", 0.0)
    sent = await fake_discord.send_command("quote", {"query": "zzzqx"})
    [private] = await fake_discord.wait_for_followups(sent, 1, TIMEOUT)
    assert private["flags"] & EPHEMERAL
    assert "zzzqx" in private["content"]
    assert fake_discord.original(sent) is None


async def test_slow_button_edits_the_message(
    bot: AlmanacBot, fake_discord: FakeDiscord, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A slow page turn defers the update, then edits the same message."""
    sent = await fake_discord.send_command("timeline", {"full": True})
    await fake_discord.wait_for_callback(sent, TIMEOUT)
    message = fake_discord.original(sent)
    assert message is not None
    monkeypatch.setattr(_common, "DEFER_AFTER", 0.0)
    click = await fake_discord.click_button(message, button_id(message, "Next"))
    assert (await fake_discord.wait_for_callback(click, TIMEOUT))["type"] == 6

    def turned() -> JSON | None:
        edited = fake_discord.messages[int(message["id"])]
        footer = edited["embeds"][0]["footer"]["text"]
        return edited if footer.startswith("Page 2 of ") else None

    await fake_discord.wait_until(turned, TIMEOUT, "the page to turn")


async def test_help_lists_every_command_with_an_example(
    fake_discord: FakeDiscord, start_almanac: StartAlmanac, store: Store
) -> None:
    """/help, privately: each command of the running bot (the /daily ones spelled out)
    with its description and an example that starts with the command itself."""
    bot = await start_almanac(store, DEFAULT_EXTENSIONS)
    body = await command(fake_discord, "help")
    assert body["data"]["flags"] & EPHEMERAL
    fields = {f["name"]: f["value"] for f in first_embed(body).get("fields", [])}
    registered = command_lines(bot.tree)
    assert [name for name, _ in registered] == list(fields)
    names = ("/onthisday", "/quote", "/timeline", "/sources list", "/sources add", "/help")
    for name in (*names, "/sources remove", "/daily set"):
        assert name in fields
    for name, text in fields.items():
        assert f"\n`{name}" in text, f"{name} has no example"
