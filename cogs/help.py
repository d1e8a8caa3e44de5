"""/help: every command the bot has, what it does and an example, privately.

The list is read from the command tree itself, so a new command appears here by
being registered; its example comes from EXAMPLES, which a test keeps complete.
"""

from __future__ import annotations

from typing import Final

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord_bot.app import AlmanacBot
from bot.discord_bot.render import add_field, new_embed, set_footer
from bot.discord_bot.replies import reply
from cogs._common import Interaction

# One example per command, by qualified name ("daily set"), as a user would type it.
EXAMPLES: Final[dict[str, str]] = {
    "onthisday": "/onthisday date: june 16",
    "quote": "/quote query: putin nato",
    "timeline": "/timeline query: nato from: 2001 to: 2008",
    "sources list": "/sources list",
    "sources add": "/sources add file: harbour-museum.html",
    "sources remove": "/sources remove document: harbour",
    "help": "/help",
    "daily set": "/daily set channel: #history time: 09:00 timezone: Europe/Moscow",
    "daily timezone": "/daily timezone timezone: Europe/Moscow",
    "daily status": "/daily status",
    "daily preview": "/daily preview",
    "daily post-now": "/daily post-now",
    "daily off": "/daily off",
}


def command_lines(tree: app_commands.CommandTree[AlmanacBot]) -> list[tuple[str, str]]:
    """(/name, what it does and an example) for every command, subcommands spelled out."""
    found: list[tuple[str, str]] = []
    for command in tree.get_commands(type=discord.AppCommandType.chat_input):
        if isinstance(command, app_commands.ContextMenu):
            continue
        subcommands = command.commands if isinstance(command, app_commands.Group) else [command]
        for each in subcommands:
            example = EXAMPLES.get(each.qualified_name)
            text = each.description + (f"\n`{example}`" if example else "")
            found.append((f"/{each.qualified_name}", text))
    return found


class HelpCog(commands.Cog):
    """/help."""

    def __init__(self, bot: AlmanacBot) -> None:
        self.bot = bot

    @app_commands.command(name="help", description="Every command, what it does, an example")
    async def help(self, interaction: Interaction) -> None:
        """Answer privately: the list is for the one who asked."""
        embed = new_embed("Almanac commands")
        for name, text in command_lines(self.bot.tree):
            add_field(embed, name, text)
        set_footer(embed, "Manage Server is needed for the /daily settings.")
        await reply(interaction, embed=embed, ephemeral=True)


async def setup(bot: AlmanacBot) -> None:
    """Load the extension."""
    await bot.add_cog(HelpCog(bot))
