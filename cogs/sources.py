"""/sources: the documents every answer is drawn from."""

from __future__ import annotations

from discord import app_commands
from discord.ext import commands

from bot import answers
from bot.discord_app import AlmanacBot
from bot.render_discord import Reply, sources_embeds
from cogs._common import Interaction, answer_within, per_user_cooldown, send


class SourcesCog(commands.Cog, name="Sources"):
    """Lists the source documents with what each contributed, so answers can be checked."""

    def __init__(self, bot: AlmanacBot) -> None:
        self.bot = bot

    @app_commands.command(name="sources", description="The documents behind the almanac's answers")
    @per_user_cooldown()
    async def sources(self, interaction: Interaction) -> None:
        """Answer with every document and its event and quote counts."""
        answer = await answer_within(interaction, answers.sources(self.bot.store))
        await send(interaction, Reply(embeds=sources_embeds(answer)))


async def setup(bot: AlmanacBot) -> None:
    """Load the extension."""
    await bot.add_cog(SourcesCog(bot))
