"""A test extension: one command per error path of the bot core."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.errors import UserError
from bot.discord_bot.replies import defer, reply

EXAMPLE = "/onthisday date: june 16"


class Sample(commands.Cog):
    """Commands that fail in the ways cogs can fail."""

    def __init__(self, bot: commands.Bot) -> None:
        self.bot = bot

    @app_commands.command(name="usererror", description="Fails with a user mistake")
    async def usererror(self, interaction: discord.Interaction) -> None:
        raise UserError("I couldn't read the date 'junk'.", example=EXAMPLE)

    @app_commands.command(name="bug", description="Fails with a bug")
    async def bug(self, interaction: discord.Interaction) -> None:
        raise RuntimeError("boom in the sample cog")

    @app_commands.command(name="latebug", description="Defers, then fails with a bug")
    async def latebug(self, interaction: discord.Interaction) -> None:
        await defer(interaction, ephemeral=True)
        raise RuntimeError("boom after defer")

    @app_commands.command(name="admin", description="Needs Manage Server")
    @app_commands.checks.has_permissions(manage_guild=True)
    async def admin(self, interaction: discord.Interaction) -> None:
        await reply(interaction, content="done", ephemeral=True)

    @app_commands.command(name="manager", description="Needs the Manager role")
    @app_commands.checks.has_role("Manager")
    async def manager(self, interaction: discord.Interaction) -> None:
        await reply(interaction, content="done", ephemeral=True)

    @app_commands.command(name="shout", description="Echoes text that may contain mentions")
    @app_commands.describe(text="What to say")
    async def shout(self, interaction: discord.Interaction, text: str) -> None:
        await defer(interaction)
        await reply(interaction, content=text)
        await reply(interaction, content=f"again: {text}", embed=discord.Embed(description=text))

    @app_commands.command(name="late", description="Answers after a pause")
    async def late(self, interaction: discord.Interaction) -> None:
        await asyncio.sleep(0.2)
        await reply(interaction, content="late answer")

    @app_commands.command(name="cool", description="Once a minute")
    @app_commands.checks.cooldown(1, 60)
    async def cool(self, interaction: discord.Interaction) -> None:
        await reply(interaction, content="cool")


async def setup(bot: commands.Bot) -> None:
    await bot.add_cog(Sample(bot))
