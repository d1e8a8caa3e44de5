"""What the Almanac cogs share: the reply path, deferring slow work, cooldowns, buttons,
the server's day.

Private to the cogs (the leading underscore keeps it from being loaded as an extension).
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from datetime import UTC, date, tzinfo
from typing import Any, ClassVar, TypeVar

import discord
from dateutil import tz
from discord import app_commands

from bot.answers.bounds import COOLDOWN_PER as COOLDOWN_PER  # one flood bound, every adapter
from bot.answers.bounds import COOLDOWN_RATE as COOLDOWN_RATE
from bot.discord_bot.app import AlmanacBot
from bot.discord_bot.render import Reply
from bot.discord_bot.replies import NO_MENTIONS, defer, reply
from bot.discord_bot.tree import answer_error

Interaction = discord.Interaction[AlmanacBot]

T = TypeVar("T")

# Answer within Discord's 3 s: work still running after this long is deferred first.
DEFER_AFTER = 1.5


class UserCooldown:
    """COOLDOWN_RATE uses per COOLDOWN_PER seconds for each user, of one command or button.

    Same behaviour as app_commands.checks.cooldown (CommandOnCooldown when used
    up), but discord.py's version scans every bucket on every use to drop expired
    ones: quadratic in a burst of many users (0.1 s of CPU over 1,000 commands).
    Here expired buckets are swept once per COOLDOWN_PER seconds instead.
    """

    def __init__(self) -> None:
        self._buckets: dict[int, app_commands.Cooldown] = {}
        self._swept = 0.0

    def use(self, interaction: discord.Interaction[Any]) -> None:
        """Count one use by the interaction's user; CommandOnCooldown when none is left."""
        now = interaction.created_at.timestamp()
        buckets = self._buckets
        if now - self._swept > COOLDOWN_PER:
            for key in [k for k, b in buckets.items() if now > b._last + b.per]:
                del buckets[key]
            self._swept = now
        bucket = buckets.get(interaction.user.id)
        if bucket is None or now > bucket._last + bucket.per:
            bucket = buckets[interaction.user.id] = app_commands.Cooldown(
                COOLDOWN_RATE, COOLDOWN_PER
            )
        retry_after = bucket.update_rate_limit(now)
        if retry_after is not None:
            raise app_commands.CommandOnCooldown(bucket, retry_after)


def per_user_cooldown() -> Callable[[T], T]:
    """A fresh per-user cooldown for one command (each command keeps its own buckets)."""
    cooldown = UserCooldown()

    async def predicate(interaction: Interaction) -> bool:
        cooldown.use(interaction)
        return True

    return app_commands.check(predicate)


class AlmanacButton:
    """What every button of ours does around its own work (`press`): a per-user
    cooldown like the commands', and any error answered, never dropped.

    discord.py only logs what a dynamic item's callback raises, and Discord then
    shows "This interaction failed". Here a UserError (a search that became too
    slow, a state the store no longer has) gets its private line and a bug the
    polite one, as a command's would. Mix in before discord.ui.DynamicItem.
    """

    # Each button class (Previous and Next are one) keeps its own buckets; a cog's
    # module, and so its classes, is loaded afresh for each bot.
    presses: ClassVar[UserCooldown]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.presses = UserCooldown()

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Press the button unless the user is pressing too often; answer whatever goes wrong."""
        try:
            self.presses.use(interaction)
            await self.press(interaction)
        except Exception as error:
            await answer_error(interaction, error, f"Button {type(self).__name__}")

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        """The button's own work."""
        raise NotImplementedError


def page_view(
    page: int, pages: int, button: Callable[[int, str, bool], discord.ui.Item[Any]]
) -> discord.ui.View | None:
    """Previous/Next buttons when there is more than one page; button(page, label,
    disabled) makes one that turns to that page."""
    if pages < 2:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(button(page - 1, "◀ Previous", page <= 1))
    view.add_item(button(page + 1, "Next ▶", page >= pages))
    return view


async def answer_within(interaction: Interaction, work: Coroutine[Any, Any, T]) -> T:
    """Run the answer; if it is not ready in DEFER_AFTER seconds, defer so Discord keeps waiting.

    A timer rather than a task and a wait per command: most answers take about a
    millisecond, and in a burst of a thousand the bookkeeping showed in the profile.
    """
    loop = asyncio.get_running_loop()
    deferring: list[asyncio.Task[None]] = []
    timer = loop.call_later(
        DEFER_AFTER, lambda: deferring.append(loop.create_task(defer(interaction)))
    )
    try:
        return await work
    finally:
        timer.cancel()
        if deferring:  # the answer must not race the deferral's own response
            await deferring[0]


async def send(
    interaction: Interaction, rendered: Reply, view: discord.ui.View | None = None
) -> None:
    """Send a rendered answer as the reply (never pinging anyone)."""
    if rendered.ephemeral and _deferred_publicly(interaction):
        await interaction.delete_original_response()  # else the "thinking" message stays public
    await reply(
        interaction,
        content=rendered.content,
        embeds=rendered.embeds or None,
        view=None if rendered.ephemeral else view,
        ephemeral=rendered.ephemeral,
        files=rendered.files(),
    )


def _deferred_publicly(interaction: Interaction) -> bool:
    kind = interaction.response.type
    return kind is discord.InteractionResponseType.deferred_channel_message


async def update(
    interaction: Interaction, rendered: Reply, view: discord.ui.View | None = None
) -> None:
    """Replace the clicked message with a new answer; an ephemeral one goes to the clicker."""
    if rendered.ephemeral:
        await reply(interaction, content=rendered.content, ephemeral=True)
        return
    kwargs: dict[str, Any] = {
        "embeds": rendered.embeds,
        "view": view,
        "allowed_mentions": NO_MENTIONS,
        "attachments": rendered.files(),  # the new picture, or none: the old one goes
    }
    if interaction.response.is_done():
        await interaction.edit_original_response(**kwargs)
    else:
        await interaction.response.edit_message(**kwargs)


async def server_today(interaction: Interaction) -> date:
    """Today's date in the server's time zone, else in the bot's default one."""
    return interaction.client.clock().astimezone(await server_zone(interaction)).date()


async def server_zone(interaction: Interaction) -> tzinfo:
    """The guild's chosen zone (kept in bot.state by the daily feature), else the bot's default."""
    bot = interaction.client
    name: str | None = None
    if bot.state is not None and interaction.guild_id is not None:
        name = await bot.state.guild_timezone(interaction.guild_id)
    zone = tz.gettz(name) if name else None
    return zone or tz.gettz(bot.settings.timezone) or UTC
