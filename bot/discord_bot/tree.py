"""The command tree: one place that turns errors into answers.

User mistakes (bad input, missing permission, cooldown, DM-only limits) get a
short ephemeral explanation. Anything else is a bug: it is logged with its
traceback and the user gets one polite line, never a stack trace.
"""

from __future__ import annotations

import logging
from typing import Any

import discord
from discord import app_commands

from bot.answers.bounds import slow_down
from bot.answers.errors import POLITE_FAILURE as POLITE_FAILURE  # the tests read it here
from bot.answers.errors import UserError
from bot.discord_bot.replies import reply

log = logging.getLogger("almanac")

# A button whose state no longer fits the store or that no button of ours reads:
# said instead of Discord's bare "This interaction failed".
OUT_OF_DATE = "This button is out of date; run {command} again."

# Names as Discord's client shows them, where they differ from the attribute name.
PERMISSION_LABELS = {"manage_guild": "Manage Server", "manage_channels": "Manage Channels"}


def permission_label(name: str) -> str:
    """'manage_guild' -> 'Manage Server'."""
    return PERMISSION_LABELS.get(name, name.replace("_", " ").title())


def explain(error: Exception) -> str | None:
    """The user-facing explanation of an expected error, or None for a bug."""
    if isinstance(error, app_commands.CommandInvokeError):
        error = error.original
    if isinstance(error, UserError):
        return error.explain()
    if isinstance(error, app_commands.NoPrivateMessage):
        return "This command only works in a server, not in direct messages."
    if isinstance(error, app_commands.MissingPermissions):
        needed = ", ".join(permission_label(p) for p in error.missing_permissions)
        return f"You need the {needed} permission to do that."
    if isinstance(error, app_commands.MissingRole):
        return f"You need the {error.missing_role} role to do that."
    if isinstance(error, app_commands.MissingAnyRole):
        roles = " or ".join(str(r) for r in error.missing_roles)
        return f"You need one of these roles to do that: {roles}."
    if isinstance(error, app_commands.BotMissingPermissions):
        needed = ", ".join(permission_label(p) for p in error.missing_permissions)
        return f"I need the {needed} permission here to do that."
    if isinstance(error, app_commands.CommandOnCooldown):
        return slow_down(error.retry_after)
    if isinstance(error, app_commands.TransformerError):
        return f"I couldn't understand {str(error.value)!r} for that option."
    if isinstance(error, app_commands.CheckFailure):
        return "You can't use this command here."
    return None


def out_of_date(command: str) -> str:
    """The line for a stale or unreadable button of `command` ('/timeline')."""
    return OUT_OF_DATE.format(command=command)


async def answer_error(interaction: discord.Interaction[Any], error: Exception, what: str) -> None:
    """Explain a user's mistake, or log a bug in `what` and say one polite line.

    Commands (through the tree) and buttons (cogs/_common.py) both answer here, so
    the same mistake reads the same wherever it is made.
    """
    message = explain(error)
    if message is None:
        log.error("%s failed", what, exc_info=getattr(error, "original", error))
        message = POLITE_FAILURE
    await answer_privately(interaction, message)


async def answer_privately(interaction: discord.Interaction[Any], message: str) -> None:
    """Reply ephemerally; autocomplete can only get (empty) choices."""
    try:
        if interaction.type is discord.InteractionType.autocomplete:
            if not interaction.response.is_done():
                await interaction.response.autocomplete([])
            return
        await reply(interaction, content=message, ephemeral=True)
    except discord.HTTPException:
        log.warning("Could not tell the user about an error", exc_info=True)


class AlmanacTree(app_commands.CommandTree[Any]):
    """Command tree whose `on_error` answers user mistakes and logs bugs."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: app_commands.AppCommandError
    ) -> None:
        command = interaction.command.qualified_name if interaction.command else "?"
        await answer_error(interaction, error, f"Command /{command}")
