"""/timeline: the matching events in date order, paged with Previous/Next buttons.

A page button carries its page and the date bounds in its custom_id and reads
the query back from the message, so paging needs no memory in the process.
"""

from __future__ import annotations

import re
from typing import Any, Self

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.bounds import QUERY_MAX
from bot.answers.errors import UserError
from bot.answers.formatting import plural
from bot.answers.requests import TimelineRequest
from bot.answers.timeline import Timeline, find_timeline
from bot.discord_bot.app import BUTTON_PREFIX, AlmanacBot
from bot.discord_bot.render import read_search, timeline_reply
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

PREFIX = f"{BUTTON_PREFIX}timeline:"


class TimelinePage(
    AlmanacButton,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.compile(
        re.escape(PREFIX) + r"(?P<page>[0-9]{1,7}):(?P<start>[0-9]{0,9}):(?P<end>[0-9]{0,9})"
    ),
):
    """A Previous or Next button that turns the message to another page."""

    def __init__(
        self,
        page: int,
        start: int | None,
        end: int | None,
        *,
        label: str = "Page",
        disabled: bool = False,
    ) -> None:
        custom_id = f"{PREFIX}{page}:{_bound(start)}:{_bound(end)}"
        super().__init__(
            discord.ui.Button(
                label=label,
                style=discord.ButtonStyle.secondary,
                custom_id=custom_id,
                disabled=disabled,
            )
        )
        self.page = page
        self.start = start
        self.end = end

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> Self:
        """Rebuild the button from its custom_id (also after a restart)."""
        start = int(match["start"]) if match["start"] else None
        end = int(match["end"]) if match["end"] else None
        return cls(int(match["page"]), start, end)

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        """Show the requested page in place; a page the timeline no longer has is explained."""
        query, _ = read_search(interaction.message)
        store: Store = interaction.client.store
        try:
            request = TimelineRequest(query, start=self.start, end=self.end, page=self.page)
        except UserError:  # a button of ours never holds a bad range: it was edited or forged
            raise UserError(out_of_date("/timeline")) from None
        answer = await answer_within(interaction, find_timeline(store, request))
        if not answer.events:
            raise UserError(f"That timeline has no events any more. {out_of_date('/timeline')}")
        if answer.page != self.page:  # find_timeline moved a page it lacks into range
            pages = plural(answer.pages, "page")
            raise UserError(f"That timeline now has {pages}. {out_of_date('/timeline')}")
        view = timeline_view(answer, self.start, self.end)
        await update(interaction, timeline_reply(answer), view)


def _bound(value: int | None) -> str:
    return "" if value is None else str(value)


def timeline_view(answer: Timeline, start: int | None, end: int | None) -> discord.ui.View | None:
    """Previous/Next buttons when the timeline has more than one page."""
    return page_view(
        answer.page,
        answer.pages,
        lambda page, label, disabled: TimelinePage(
            page, start, end, label=label, disabled=disabled
        ),
    )


class TimelineCog(commands.Cog, name="Timeline"):
    """Chronological summaries of the events matching a query, between optional bounds."""

    def __init__(self, bot: AlmanacBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        """Let page buttons on old messages work (they carry their own state)."""
        self.bot.add_dynamic_items(TimelinePage)

    async def cog_unload(self) -> None:
        """Stop answering the page buttons when the extension is unloaded."""
        self.bot.remove_dynamic_items(TimelinePage)

    @app_commands.command(name="timeline", description="The events that match, in date order")
    @app_commands.rename(start="from", end="to")
    @app_commands.describe(
        query="Words to look for, e.g. nato (default: every event)",
        start="A year or a full date to start from, e.g. 2001 or 2001-06-16",
        end="A year or a full date to stop at, e.g. 2008 or 2008-04-06",
    )
    @per_user_cooldown()
    async def timeline(
        self,
        interaction: Interaction,
        query: app_commands.Range[str, 1, QUERY_MAX] | None = None,
        start: app_commands.Range[str, 1, 20] | None = None,
        end: app_commands.Range[str, 1, 20] | None = None,
    ) -> None:
        """Parse the bounds (UserError explains bad ones), answer page 1, add page buttons."""
        request = TimelineRequest.parse(query, start, end)
        answer = await answer_within(interaction, find_timeline(self.bot.store, request))
        await send(
            interaction, timeline_reply(answer), timeline_view(answer, request.start, request.end)
        )


async def setup(bot: AlmanacBot) -> None:
    """Load the extension."""
    await bot.add_cog(TimelineCog(bot))
