"""/timeline: the key moments of the matching events, and the full list in date order,
paged with Previous/Next buttons.

A button carries its page (or `k` for the key moments) and the date bounds in its
custom_id and reads the query back from the message, so paging needs no memory in the
process. Every numbered page is of the full list, so buttons made before there were
key moments still turn the pages they did.
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
from bot.answers.picture import timeline_picture, warm_up
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
KEY_MOMENTS_PAGE = "k"  # the page of a Key moments button's custom_id
FULL_LIST_LABEL = "Full list ▶"
KEY_MOMENTS_LABEL = "Key moments"


class TimelinePage(
    AlmanacButton,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.compile(
        re.escape(PREFIX)
        + r"(?P<page>[0-9]{1,7}|"
        + KEY_MOMENTS_PAGE
        + r"):(?P<start>[0-9]{0,9}):(?P<end>[0-9]{0,9})"
    ),
):
    """A Previous, Next or Full list button that turns the message to a page of the full
    list, or a Key moments button (page None) that turns it back to the key moments."""

    def __init__(
        self,
        page: int | None,
        start: int | None,
        end: int | None,
        *,
        label: str = "Page",
        disabled: bool = False,
    ) -> None:
        shown = KEY_MOMENTS_PAGE if page is None else str(page)
        custom_id = f"{PREFIX}{shown}:{_bound(start)}:{_bound(end)}"
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
        page = None if match["page"] == KEY_MOMENTS_PAGE else int(match["page"])
        return cls(page, start, end)

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        """Show the requested page in place; a page the timeline no longer has is explained."""
        query, _ = read_search(interaction.message)
        store: Store = interaction.client.store
        full = self.page is not None
        try:
            request = TimelineRequest(
                query, start=self.start, end=self.end, page=self.page or 1, full=full
            )
        except UserError:  # a button of ours never holds a bad range: it was edited or forged
            raise UserError(out_of_date("/timeline")) from None
        answer = await answer_within(interaction, find_timeline(store, request))
        if not answer.events:
            raise UserError(f"That timeline has no events any more. {out_of_date('/timeline')}")
        if full and answer.page != self.page:  # find_timeline moved a page it lacks into range
            pages = plural(answer.pages, "page")
            raise UserError(f"That timeline now has {pages}. {out_of_date('/timeline')}")
        view = timeline_view(answer, self.start, self.end)
        picture = await timeline_picture(store, answer)
        await update(interaction, timeline_reply(answer, picture), view)


def _bound(value: int | None) -> str:
    return "" if value is None else str(value)


def timeline_view(answer: Timeline, start: int | None, end: int | None) -> discord.ui.View | None:
    """Full list under the key moments; Previous/Next (and Key moments) under a page of
    the full list when it has more than one page."""
    if answer.key_moments:
        moments = discord.ui.View(timeout=None)
        moments.add_item(TimelinePage(1, start, end, label=FULL_LIST_LABEL))
        return moments
    view = page_view(
        answer.page,
        answer.pages,
        lambda page, label, disabled: TimelinePage(
            page, start, end, label=label, disabled=disabled
        ),
    )
    if view is not None:
        view.add_item(TimelinePage(None, start, end, label=KEY_MOMENTS_LABEL))
    return view


class TimelineCog(commands.Cog, name="Timeline"):
    """Chronological summaries of the events matching a query, between optional bounds."""

    def __init__(self, bot: AlmanacBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        """Let page buttons on old messages work (they carry their own state); load the
        picture's library in its own thread now, not in the first answer's time."""
        self.bot.add_dynamic_items(TimelinePage)
        if self.bot.serving:
            warm_up()

    async def cog_unload(self) -> None:
        """Stop answering the page buttons when the extension is unloaded."""
        self.bot.remove_dynamic_items(TimelinePage)

    @app_commands.command(name="timeline", description="The events that match, in date order")
    @app_commands.rename(start="from", end="to")
    @app_commands.describe(
        query="Words to look for, e.g. nato (default: every event)",
        start="A year or a full date to start from, e.g. 2001 or 2001-06-16",
        end="A year or a full date to stop at, e.g. 2008 or 2008-04-06",
        full="Every event in date order, a page at a time, instead of the key moments",
    )
    @per_user_cooldown()
    async def timeline(
        self,
        interaction: Interaction,
        query: app_commands.Range[str, 1, QUERY_MAX] | None = None,
        start: app_commands.Range[str, 1, 20] | None = None,
        end: app_commands.Range[str, 1, 20] | None = None,
        full: bool = False,
    ) -> None:
        """Parse the bounds (UserError explains bad ones), answer with the key moments (or
        page 1 of the full list), add the buttons."""
        request = TimelineRequest.parse(query, start, end, full=full)
        answer = await answer_within(interaction, self._answer(request))
        await send(
            interaction,
            timeline_reply(*answer),
            timeline_view(answer[0], request.start, request.end),
        )

    async def _answer(self, request: TimelineRequest) -> tuple[Timeline, bytes | None]:
        """The answer and its picture (drawn in a worker thread, remembered)."""
        answer = await find_timeline(self.bot.store, request)
        return answer, await timeline_picture(self.bot.store, answer)


async def setup(bot: AlmanacBot) -> None:
    """Load the extension."""
    await bot.add_cog(TimelineCog(bot))
