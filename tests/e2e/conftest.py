"""Fixtures that run the real discord.py client against the loopback stand-in.

    async def test_quote(fake_discord: FakeDiscord, start_almanac: StartAlmanac,
                         seeded_store: Store) -> None:
        await start_almanac(seeded_store, ["cogs.quote"])
        sent = await fake_discord.send_command("quote", {"query": "putin nato"})
        message = await fake_discord.wait_for_reply(sent)      # the visible answer
        body = fake_discord.callback(sent)                      # raw callback {"type","data"}

Autocomplete: `send_autocomplete("quote", "query", "pu")` then `wait_for_choices`.
Buttons: `click_button(message, "custom_id")` then `wait_for_callback` / `messages[id]`.
Channel posts: `wait_for_channel_messages(channel_id, count)`.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import discord
import pytest
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.config import Settings
from bot.discord_bot.app import AlmanacBot
from tests.e2e.fake_discord import FAST_READY, FakeDiscord, running_bot
from tests.e2e.running import started

if TYPE_CHECKING:
    from db.read.store import Store

BotT = TypeVar("BotT", bound=discord.Client)


class StartBot(Protocol):
    """Type of the `start_bot` fixture."""

    async def __call__(self, bot: BotT, *, sync: bool = True) -> BotT: ...


class StartAlmanac(Protocol):
    """Type of the `start_almanac` fixture."""

    async def __call__(
        self,
        store: Any = None,
        extensions: Sequence[str] = (),
        *,
        sync: bool = True,
        **settings: Any,
    ) -> AlmanacBot: ...


@pytest.fixture(autouse=True)
def _restore_endpoints() -> Iterator[None]:
    """Route.BASE and DEFAULT_GATEWAY are process-wide: put them back after each test."""
    base, gateway = Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY
    yield
    Route.BASE, DiscordWebSocket.DEFAULT_GATEWAY = base, gateway


@pytest.fixture
async def fake_discord() -> AsyncIterator[FakeDiscord]:
    """A started stand-in with the default guild; closed after the test."""
    async with started(FakeDiscord()) as fake:
        yield fake


@pytest.fixture
def almanac_settings(fake_discord: FakeDiscord, tmp_path: Path) -> Settings:
    """Settings pointing at the stand-in, with databases under tmp_path."""
    return Settings.from_env(
        {
            "DISCORD_TOKEN": "fake-token",
            "ALMANAC_DB": str(tmp_path / "almanac.sqlite3"),
            "DISCORD_API_BASE": fake_discord.api_base,
            "DISCORD_GATEWAY": fake_discord.gateway_url,
        },
        env_file=None,
    )


@pytest.fixture(scope="session")
def seeded_content(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content store built once per session from the project's seeds/ (read-only use)."""
    from bot.config import PROJECT_SEEDS
    from db.write.bootstrap import ensure_content

    path = tmp_path_factory.mktemp("content") / "almanac.sqlite3"
    ensure_content(path, PROJECT_SEEDS)
    return path


@pytest.fixture
async def seeded_store(seeded_content: Path) -> AsyncIterator[Store]:
    """The real Store over the seeds, opened for one test and closed after it."""
    from db.read.store import Store

    store = await Store.open(seeded_content)
    try:
        yield store
    finally:
        await store.close()


@pytest.fixture
async def start_bot(fake_discord: FakeDiscord) -> AsyncIterator[StartBot]:
    """`await start_bot(bot)` runs any discord.py bot until ready; all are closed after."""
    async with contextlib.AsyncExitStack() as stack:

        async def start(bot: BotT, *, sync: bool = True) -> BotT:
            return await stack.enter_async_context(running_bot(bot, fake_discord, sync=sync))

        yield start


@pytest.fixture
def start_almanac(almanac_settings: Settings, start_bot: StartBot) -> StartAlmanac:
    """`await start_almanac(store, ["cogs.quote"])` runs an AlmanacBot until ready.

    Keyword arguments override Settings fields (e.g. dev_guild=GUILD_ID).
    """

    async def start(
        store: Any = None,
        extensions: Sequence[str] = (),
        *,
        sync: bool = True,
        **settings: Any,
    ) -> AlmanacBot:
        bot = AlmanacBot(replace(almanac_settings, **settings), store, extensions, **FAST_READY)
        return await start_bot(bot, sync=sync)

    return start
