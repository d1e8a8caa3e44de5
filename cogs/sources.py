"""/sources: the documents every answer is drawn from, a page at a time.

A page button carries its page in its custom_id, so paging needs no memory in
the process and works after a restart.
"""

from __future__ import annotations

import re
from typing import Any, Self

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.errors import UserError
from bot.answers.formatting import plural
from bot.answers.requests import SourcesRequest
from bot.answers.sources import Sources, list_sources
from bot.discord_bot.app import BUTTON_PREFIX, AlmanacBot
from bot.discord_bot.render import Reply, sources_embeds
from bot.discord_bot.tree import out_of_date
from cogs._common import (
    AlmanacButton,
    Interaction,
    answer_within,
    page_view,
    per_user_cooldown,
    send,
    update,
)
from db.read.store import Store

PREFIX = f"{BUTTON_PREFIX}sources:"


class SourcesPage(
    AlmanacButton,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.compile(re.escape(PREFIX) + r"(?P<page>[0-9]{1,7})"),
):
    """A Previous or Next button that turns the list to another page."""

    def __init__(self, page: int, *, label: str = "Page", disabled: bool = False) -> None:
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                custom_id=f"{PREFIX}{page}",
                disabled=disabled,
            )
        )
        self.page = page

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> Self:
        """Rebuild the button from its custom_id (also after a restart)."""
        return cls(int(match["page"]))

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        """Show the requested page in place; a page the list no longer has is explained."""
        store: Store = interaction.client.store
        answer = await answer_within(interaction, list_sources(store, SourcesRequest(self.page)))
        if answer.page != self.page:  # list_sources moved a page it lacks into range
            pages = plural(answer.pages, "page")
            raise UserError(f"The list of sources now has {pages}. {out_of_date('/sources')}")
        await update(interaction, Reply(embeds=sources_embeds(answer)), sources_view(answer))


def sources_view(answer: Sources) -> discord.ui.View | None:
    """Previous/Next buttons when the documents fill more than one page."""
    return page_view(
        answer.page,
        answer.pages,
        lambda page, label, disabled: SourcesPage(page, label=label, disabled=disabled),
    )


class SourcesCog(commands.Cog, name="Sources"):
    """Lists the source documents with what each contributed, so answers can be checked."""

    def __init__(self, bot: AlmanacBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        """Let page buttons on old messages work (they carry their own state)."""
        self.bot.add_dynamic_items(SourcesPage)

    async def cog_unload(self) -> None:
        """Stop answering the page buttons when the extension is unloaded."""
        self.bot.remove_dynamic_items(SourcesPage)

    @app_commands.command(name="sources", description="The documents behind the almanac's answers")
    @per_user_cooldown()
    async def sources(self, interaction: Interaction) -> None:
        """Answer with the first page of documents and their counts, and page buttons."""
        answer = await answer_within(interaction, list_sources(self.bot.store, SourcesRequest()))
        await send(interaction, Reply(embeds=sources_embeds(answer)), sources_view(answer))


async def setup(bot: AlmanacBot) -> None:
    """Load the extension."""
    await bot.add_cog(SourcesCog(bot))
