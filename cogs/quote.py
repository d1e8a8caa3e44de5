"""/quote: a real, attributed quote, with a button that serves another one.

The button keeps everything it needs outside the process: the shown quote ids
in its custom_id, the search in the message's author line. Any click, by anyone,
after a restart, works the same, and two users never share state.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, Self

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.bounds import QUERY_MAX
from bot.answers.errors import UserError
from bot.answers.quote import QuoteAnswer, find_quote
from bot.answers.requests import QuoteRequest
from bot.discord_bot.app import BUTTON_PREFIX, AlmanacBot
from bot.discord_bot.render import quote_reply, read_search
from cogs._common import (
    AlmanacButton,
    Interaction,
    answer_within,
    per_user_cooldown,
    send,
    update,
)
from db.read.store import Store

CUSTOM_ID_MAX = 100
PREFIX = f"{BUTTON_PREFIX}quote:"
# A quote id in base 36: 12 digits hold any id SQLite can (36^12 < 2^63); a longer one
# was never ours (forged), and the button says it is out of date.
_ID = r"[0-9a-z]{1,12}"
NONE_LEFT = (
    "No quote matches that search any more. Try `/quote` with other words,"
    " or `/sources` to see what the almanac holds."
)
CHOICES_MAX = 25
CHOICE_MAX = 100


def encode_seen(shown: int, seen: Sequence[int]) -> str:
    """'almanac:quote:<shown>:<ids in base 36>', keeping the newest ids that fit in 100 chars."""
    head = f"{PREFIX}{min(shown, 9999)}:"
    kept: list[str] = []
    for quote_id in reversed(seen):
        candidate = [_base36(quote_id), *kept]
        if len(head) + len(".".join(candidate)) > CUSTOM_ID_MAX:
            break
        kept = candidate
    return head + ".".join(kept)


def decode_seen(text: str) -> tuple[int, ...]:
    """Inverse of the id part of encode_seen."""
    return tuple(int(token, 36) for token in text.split(".") if token)


def _base36(number: int) -> str:
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    out = ""
    while True:
        number, rest = divmod(number, 36)
        out = digits[rest] + out
        if number == 0:
            return out


class AnotherQuote(
    AlmanacButton,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.compile(
        re.escape(PREFIX) + rf"(?P<shown>[0-9]{{1,4}}):(?P<seen>(?:{_ID}(?:\.{_ID})*)?)"
    ),
):
    """The 'Another quote' button: serves the next unseen match of the message's search."""

    def __init__(self, shown: int, seen: Sequence[int]) -> None:
        super().__init__(
            discord.ui.Button(
                label="Another quote",
                emoji="🔁",
                style=discord.ButtonStyle.secondary,
                custom_id=encode_seen(shown, seen),
            )
        )
        self.shown = shown
        self.seen = tuple(seen)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> Self:
        """Rebuild the button from its custom_id (also after a restart)."""
        return cls(int(match["shown"]), decode_seen(match["seen"]))

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        """Edit the message in place with the next quote; explain privately if none is left."""
        query, speaker = read_search(interaction.message)
        store: Store = interaction.client.store
        answer = await answer_within(
            interaction, find_quote(store, QuoteRequest(query, speaker, seen=self.seen))
        )
        if answer.quote is None:
            raise UserError(NONE_LEFT)
        shown, seen = _next(self.shown, self.seen, answer.quote.id)
        await update(
            interaction,
            quote_reply(answer, speaker, shown),
            another_quote_view(answer, shown, seen),
        )


def _next(shown: int, seen: Sequence[int], served: int) -> tuple[int, tuple[int, ...]]:
    """Count and ids after serving a quote; a repeat means every match was shown: start over."""
    if served in seen:
        return 1, (served,)
    return shown + 1, (*seen, served)


def another_quote_view(
    answer: QuoteAnswer, shown: int = 1, seen: Sequence[int] = ()
) -> discord.ui.View | None:
    """The button, when there is another match to show."""
    if answer.quote is None or answer.total < 2:
        return None
    view = discord.ui.View(timeout=None)
    view.add_item(AnotherQuote(shown, seen or (answer.quote.id,)))
    return view


def speaker_choices(store: Store, current: str) -> list[app_commands.Choice[str]]:
    """Known speakers whose name (or a word of it) starts with what was typed."""
    names = store.complete_speaker(current[:CHOICE_MAX], CHOICES_MAX)
    return [app_commands.Choice(name=n, value=n) for n in names if len(n) <= CHOICE_MAX]


def topic_choices(store: Store, current: str) -> list[app_commands.Choice[str]]:
    """Complete the word being typed with quoted topics and speaker surnames."""
    head, _, last = current[:CHOICE_MAX].rpartition(" ")
    prefix = f"{' '.join(head.split())} " if head.strip() else ""
    surnames = [n.split()[-1].lower() for n in store.complete_speaker(last, 5)] if last else []
    words = [*surnames, *store.complete_topic(last, CHOICES_MAX)]
    options = dict.fromkeys(prefix + w for w in words if w)
    return [app_commands.Choice(name=o, value=o) for o in options if len(o) <= CHOICE_MAX][
        :CHOICES_MAX
    ]


class QuoteCog(commands.Cog, name="Quotes"):
    """Attributed quotes: free text splits into speakers and topic; a button serves more."""

    def __init__(self, bot: AlmanacBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        """Let 'Another quote' buttons on old messages work (they carry their own state)."""
        self.bot.add_dynamic_items(AnotherQuote)

    async def cog_unload(self) -> None:
        """Stop answering the buttons when the extension is unloaded."""
        self.bot.remove_dynamic_items(AnotherQuote)

    @app_commands.command(
        name="quote", description="A real, attributed quote: who said it, when, where"
    )
    @app_commands.describe(
        query="Words to look for; a person's name filters by speaker (e.g. putin nato)",
        speaker="Only quotes by this person",
    )
    @per_user_cooldown()
    async def quote(
        self,
        interaction: Interaction,
        query: app_commands.Range[str, 1, QUERY_MAX] | None = None,
        speaker: app_commands.Range[str, 1, QUERY_MAX] | None = None,
    ) -> None:
        """Answer with the best match and an 'Another quote' button, or say what did not match."""
        answer = await answer_within(
            interaction, find_quote(self.bot.store, QuoteRequest(query or "", speaker))
        )
        await send(interaction, quote_reply(answer, speaker), another_quote_view(answer))

    @quote.autocomplete("speaker")
    async def _speaker_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return speaker_choices(self.bot.store, current)

    @quote.autocomplete("query")
    async def _query_autocomplete(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        return topic_choices(self.bot.store, current)


async def setup(bot: AlmanacBot) -> None:
    """Load the extension."""
    await bot.add_cog(QuoteCog(bot))
