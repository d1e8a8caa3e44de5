"""/onthisday: what happened on a day of the year, and what was said that day."""

from __future__ import annotations

from discord import app_commands
from discord.ext import commands

from bot.answers.onthisday import on_this_day
from bot.answers.requests import OnThisDayRequest
from bot.discord_bot.app import AlmanacBot
from bot.discord_bot.render import Reply, on_this_day_embeds
from cogs._common import Interaction, answer_within, per_user_cooldown, send, server_today


class OnThisDayCog(commands.Cog, name="On this day"):
    """Anniversaries from the almanac for any day, by default today in the server's time zone."""

    def __init__(self, bot: AlmanacBot) -> None:
        self.bot = bot

    @app_commands.command(
        name="onthisday", description="What happened on this day in past years, and who said what"
    )
    @app_commands.rename(day="date")
    @app_commands.describe(day="A day such as june 16, 16 June, 06-16 or tomorrow (default: today)")
    @per_user_cooldown()
    async def onthisday(
        self, interaction: Interaction, day: app_commands.Range[str, 1, 40] | None = None
    ) -> None:
        """Parse the day (UserError explains a bad one), answer, render."""
        today = await server_today(interaction)
        request = OnThisDayRequest.parse(day, today)
        answer = await answer_within(interaction, on_this_day(self.bot.store, request))
        await send(interaction, Reply(embeds=on_this_day_embeds(answer)))


async def setup(bot: AlmanacBot) -> None:
    """Load the extension."""
    await bot.add_cog(OnThisDayCog(bot))
