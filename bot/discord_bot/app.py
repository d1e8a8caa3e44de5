"""The discord.py bot: settings and store in, slash commands out.

The bot is slash-commands only (no privileged intents, no message content),
never pings anyone (`AllowedMentions.none()`), and syncs its command tree only
when asked: to the dev guild on start when ALMANAC_DEV_GUILD is set and the process
runs every shard, globally through `almanac sync`. Discord allows few command
creates a day, and a process that runs some shards of a bot is one of several.

It runs on discord.py's AutoShardedClient: one gateway connection per shard, the
shards this process runs from the settings (every one, by default, in the count
Discord recommends). Discord sends each shard only its servers' events and
interactions, so a process answers and posts for its own servers only.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Any, Final

import aiohttp
import discord
import yarl
from discord import app_commands
from discord.ext import commands
from discord.gateway import DiscordWebSocket
from discord.http import Route

from bot.config import Settings
from bot.discord_bot.tree import AlmanacTree, answer_privately, out_of_date
from db.read.store import STORE_WATCH
from db.state.records import IDENTIFY_TURNS, utc_now

if TYPE_CHECKING:
    from db.read.store import Store
    from db.state.backend import StateBackend

log = logging.getLogger("almanac")

DEFAULT_EXTENSIONS: Final[tuple[str, ...]] = (
    "cogs.onthisday",
    "cogs.quote",
    "cogs.timeline",
    "cogs.sources",
    "cogs.daily",
    "cogs.help",
)
# Every custom_id of ours starts so ('almanac:timeline:…'); others (another library's
# on a shared message) are not ours to answer.
BUTTON_PREFIX: Final = "almanac:"
# Kept-alive HTTP connections to Discord at most (answers beyond wait for a free one).
HTTP_CONNECTIONS: Final = 64
# Seconds between two shards' IDENTIFYs: Discord starts one session per 5 s per bot
# (max_concurrency 1, as for every bot below 150,000 servers).
IDENTIFY_INTERVAL: Final = 5.0


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that receives a server's events: Discord's rule, (id >> 22) % count."""
    return (guild_id >> 22) % shard_count


def use_endpoints(api_base: str, gateway: str) -> None:
    """Point discord.py at a REST base and gateway (a rate-limit proxy, a stand-in).

    discord.py reads both from class attributes, so this is process-wide.
    """
    Route.BASE = api_base.rstrip("/")
    DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(gateway)


def bot_intents() -> discord.Intents:
    """Default intents without message content: slash commands need no privileged intent."""
    intents = discord.Intents.default()
    intents.message_content = False
    return intents


# Almanac never joins voice: discord.py's warnings about missing voice libraries
# would only alarm whoever reads the log.
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False


class AlmanacBot(commands.AutoShardedBot):
    """The Almanac bot.

    Cogs reach the content store as `bot.store`, server state as `bot.state`, the
    settings as `bot.settings` and the time as `bot.clock()` (aware, UTC).
    """

    def __init__(
        self,
        settings: Settings,
        store: Store,
        extensions: Sequence[str] = DEFAULT_EXTENSIONS,
        *,
        state: StateBackend | None = None,
        clock: Callable[[], datetime] = utc_now,
        sync_dev_guild: bool = True,
        serving: bool = True,
        identify_interval: float = IDENTIFY_INTERVAL,
        **options: Any,
    ) -> None:
        if settings.shards is not None:
            options["shard_ids"] = list(settings.shards)
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=bot_intents(),
            allowed_mentions=discord.AllowedMentions.none(),
            tree_cls=AlmanacTree,
            shard_count=settings.shard_count,
            **options,
        )
        self.identify_interval = identify_interval
        self.settings = settings
        self.store = store
        self.state = state
        self.clock = clock
        self.extension_names = tuple(extensions)
        self.sync_dev_guild = sync_dev_guild
        self.serving = serving  # False for `almanac sync`: it only uploads the commands
        self._store_watch: asyncio.Task[None] | None = None
        self._button_templates: dict[type[discord.ui.DynamicItem[Any]], re.Pattern[str]] = {}

    def serves(self, guild_id: int) -> bool:
        """Whether a server is on one of this process's shards (its daily post is ours)."""
        shards = self.settings.shards
        count = self.shard_count
        return shards is None or count is None or shard_of(guild_id, count) in shards

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """Space the IDENTIFYs of the whole bot by identify_interval (Discord's 5 s): the
        turns come from the state store, so processes sharing one in PostgreSQL start
        their shards one after another; without a store, discord.py's own spacing."""
        if self.identify_interval <= 0:
            return
        if self.state is None:
            delay = 0.0 if initial else self.identify_interval
        else:
            delay = await self.state.reserve_turn(IDENTIFY_TURNS, self.identify_interval)
        if delay > 0:
            await asyncio.sleep(delay)

    def add_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        """Register buttons, remembering their templates for on_interaction."""
        super().add_dynamic_items(*items)
        for item in items:
            self._button_templates[item] = item.__discord_ui_compiled_template__

    def remove_dynamic_items(self, *items: type[discord.ui.DynamicItem[Any]]) -> None:
        """Unregister buttons (an unloaded cog's): their presses are then out of date."""
        super().remove_dynamic_items(*items)
        for item in items:
            self._button_templates.pop(item, None)

    async def on_interaction(self, interaction: discord.Interaction[Any]) -> None:
        """Answer a press of a button of ours that no registered button reads.

        discord.py drops a custom_id that matches no template without a word (an
        older format, a forged or unloaded button), and Discord then shows "This
        interaction failed". A matching one is answered by its button.
        """
        if interaction.type is not discord.InteractionType.component or interaction.data is None:
            return
        custom_id = str(interaction.data.get("custom_id", ""))
        if not custom_id.startswith(BUTTON_PREFIX):
            return
        if any(t.fullmatch(custom_id) for t in self._button_templates.values()):
            return
        name = custom_id.removeprefix(BUTTON_PREFIX).partition(":")[0]
        command = f"/{name}" if self.tree.get_command(name) else "the command"
        await answer_privately(interaction, out_of_date(command))

    async def login(self, token: str) -> None:
        """Apply the configured endpoints, then log in (runs setup_hook)."""
        use_endpoints(self.settings.api_base, self.settings.gateway)
        if self.http.connector is discord.utils.MISSING:
            # discord.py's default pool is unbounded: a burst of answers opens a
            # connection each (and a TLS handshake each, on the real Discord).
            # A bounded pool reuses kept-alive connections instead.
            self.http.connector = aiohttp.TCPConnector(limit=HTTP_CONNECTIONS)
        await super().login(token)

    async def setup_hook(self) -> None:
        """Load the extensions; sync to the dev guild only, if one is configured; watch
        the content store for texts added or removed while the bot runs."""
        for name in self.extension_names:
            await self.load_extension(name)
        if self.serving and self.store is not None:  # the e2e tests run some bots storeless
            watch = self.store.watch(STORE_WATCH)
            self._store_watch = asyncio.create_task(watch, name="store watch")
        if (
            self.sync_dev_guild
            and self.settings.dev_guild is not None
            and self.settings.runs_every_shard
        ):
            synced = await self.sync_commands(self.settings.dev_guild)
            log.info("Synced %d commands to dev guild %s", len(synced), self.settings.dev_guild)

    async def close(self) -> None:
        """Stop watching the store, then close the client."""
        if self._store_watch is not None:
            self._store_watch.cancel()
        await super().close()

    async def sync_commands(self, guild_id: int | None) -> list[app_commands.AppCommand]:
        """Upload the command tree: globally (None) or to one guild, global commands copied."""
        if guild_id is None:
            return await self.tree.sync()
        guild = discord.Object(id=guild_id)
        self.tree.copy_global_to(guild=guild)
        return await self.tree.sync(guild=guild)

    async def on_ready(self) -> None:
        user = self.user
        log.info("Connected as %s (%s) in %d guilds", user, user and user.id, len(self.guilds))


async def run_bot(
    settings: Settings,
    store: Store,
    state: StateBackend,
    extensions: Sequence[str] = DEFAULT_EXTENSIONS,
) -> None:
    """Run the bot until it is closed (the `almanac run` path)."""
    token = settings.require_token()
    async with AlmanacBot(settings, store, extensions, state=state) as bot:
        await bot.start(token)


async def sync_once(
    settings: Settings,
    store: Store,
    guild_id: int | None,
    extensions: Sequence[str] = DEFAULT_EXTENSIONS,
) -> list[app_commands.AppCommand]:
    """Log in over REST only, sync the tree, and return (the `almanac sync` path)."""
    token = settings.require_token()
    async with AlmanacBot(settings, store, extensions, sync_dev_guild=False, serving=False) as bot:
        await bot.login(token)
        return await bot.sync_commands(guild_id)
