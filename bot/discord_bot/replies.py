"""The one way the bot answers an interaction.

`reply` knows whether the interaction was already answered (first response,
followup, or a channel post once it expired) and always sends
`AllowedMentions.none()`: source texts and user input may contain @everyone or
role mentions, and the bot must never ping anyone.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

import discord

log = logging.getLogger("almanac")

NO_MENTIONS = discord.AllowedMentions.none()
# Unknown interaction (the 3 s window passed) and Unknown Webhook (the 15 min token expired).
EXPIRED_CODES = frozenset({10062, 10015})


async def reply(
    interaction: discord.Interaction[Any],
    *,
    content: str | None = None,
    embed: discord.Embed | None = None,
    embeds: Sequence[discord.Embed] | None = None,
    view: discord.ui.View | None = None,
    ephemeral: bool = False,
    files: Sequence[discord.File] = (),
) -> None:
    """Answer the interaction: the first response if none was sent, else a followup.

    If the interaction expired, a public answer is posted in the channel instead;
    an ephemeral one cannot be, and the NotFound propagates.
    """
    kwargs: dict[str, Any] = {"allowed_mentions": NO_MENTIONS, "ephemeral": ephemeral}
    if content is not None:
        kwargs["content"] = content
    if embed is not None:
        kwargs["embed"] = embed
    if embeds is not None:
        kwargs["embeds"] = list(embeds)
    if view is not None:
        kwargs["view"] = view
    if files:
        kwargs["files"] = list(files)
    try:
        if interaction.response.is_done():
            await interaction.followup.send(wait=True, **kwargs)
        else:
            await interaction.response.send_message(**kwargs)
    except discord.NotFound as error:
        if error.code not in EXPIRED_CODES or ephemeral:
            raise
        await _post_in_channel(interaction, kwargs)


async def _post_in_channel(interaction: discord.Interaction[Any], kwargs: dict[str, Any]) -> None:
    """The interaction expired (3 s without an answer, or 15 min): post a public answer
    in the channel instead, so it is not lost."""
    channel = interaction.channel
    if not isinstance(channel, discord.abc.Messageable):
        raise RuntimeError("the interaction expired and its channel is unknown")
    log.warning("Interaction %s expired; answering in the channel instead", interaction.id)
    kwargs.pop("ephemeral")
    await channel.send(**kwargs)


async def defer(interaction: discord.Interaction[Any], ephemeral: bool = False) -> None:
    """Acknowledge now (Discord allows 3 s), answer later with `reply`.

    A slash command shows "thinking…"; a component click defers the update of
    its message. Does nothing if the interaction was already answered.
    """
    if interaction.response.is_done():
        return
    thinking = interaction.type is discord.InteractionType.application_command
    await interaction.response.defer(ephemeral=ephemeral, thinking=thinking)
