"""/sources: the documents every answer is drawn from, a page at a time (`list`), and
the texts the bot's owner and curators add and remove while it runs (`add`, `remove`).

Every button carries its state in its custom_id (a page; the pending text's content
hash; a document's id), so it needs no memory in the process and works after a
restart. The files and store writes behind add and remove are db.write.curation's,
run in a thread on a connection of their own; the store watch then reloads lookups.
"""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any, Self

import discord
from discord import app_commands
from discord.ext import commands

from bot.answers.errors import UserError
from bot.answers.formatting import (
    CANCELLED,
    KEPT,
    NOT_A_CURATOR,
    added_text,
    moved_aside,
    plural,
    removed_text,
)
from bot.answers.requests import SourcesRequest
from bot.answers.sources import Sources, curating, list_sources, named_document
from bot.discord_bot.app import BUTTON_PREFIX, AlmanacBot
from bot.discord_bot.render import (
    Reply,
    added_preview_embed,
    removal_preview_embed,
    shorten,
    sources_embeds,
)
from bot.discord_bot.replies import NO_MENTIONS, defer, reply
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
from db.write import curation
from db.write.curation import MAX_ADDED_BYTES, CurationError, megabytes

PREFIX = f"{BUTTON_PREFIX}sources:"
# How a user names these commands in a hint.
LIST, ADD, REMOVE = "/sources list", "/sources add", "/sources remove"
ATTACH_HINT = (
    f"A .txt, .md or .html file (a saved page), UTF-8, at most {megabytes(MAX_ADDED_BYTES)}"
)


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
            raise UserError(f"The list of sources now has {pages}. {out_of_date(LIST)}")
        await update(interaction, Reply(embeds=sources_embeds(answer)), sources_view(answer))


def sources_view(answer: Sources) -> discord.ui.View | None:
    """Previous/Next buttons when the documents fill more than one page."""
    return page_view(
        answer.page,
        answer.pages,
        lambda page, label, disabled: SourcesPage(page, label=label, disabled=disabled),
    )


async def may_curate(interaction: Interaction) -> bool:
    """The bot's owner (as Discord's application says) or a curator named in the settings."""
    bot = interaction.client
    return interaction.user.id in bot.settings.curators or await bot.is_owner(interaction.user)


async def require_curator(interaction: Interaction) -> None:
    """UserError (one private line) for anyone else."""
    if not await may_curate(interaction):
        raise UserError(NOT_A_CURATOR)


def store_path(interaction: Interaction) -> Path:
    """The content store file the bot reads, which the curation writes go to."""
    path = interaction.client.store.path
    if path is None:
        raise RuntimeError("the store was not opened from a file")
    return path


async def settle(interaction: Interaction, text: str) -> None:
    """Replace the private preview with its outcome, buttons gone."""
    kwargs: dict[str, Any] = {
        "content": shorten(text, 2000),
        "embeds": [],
        "view": None,
        "allowed_mentions": NO_MENTIONS,
    }
    if interaction.response.is_done():
        await interaction.edit_original_response(**kwargs)
    else:
        await interaction.response.edit_message(**kwargs)


class _Confirmation(AlmanacButton):
    """A button of a private add or remove preview: only a curator's press counts."""

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Refuse anyone else before the button's own work (a custom_id can be forged)."""
        try:
            await require_curator(interaction)
        except UserError as error:
            await reply(interaction, content=error.explain(), ephemeral=True)
            return
        await super().callback(interaction)


_DIGEST = "(?P<digest>[0-9a-f]{64})"


class AddChoice(
    _Confirmation,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.compile(re.escape(PREFIX) + r"(?P<action>add|cancel):" + _DIGEST),
):
    """Confirm (add) or Cancel the pending text the custom_id names by its content hash."""

    def __init__(self, digest: str, *, add: bool = True) -> None:
        action = "add" if add else "cancel"
        super().__init__(
            discord.ui.Button(
                label="Confirm" if add else "Cancel",
                style=discord.ButtonStyle.success if add else discord.ButtonStyle.secondary,
                custom_id=f"{PREFIX}{action}:{digest}",
            )
        )
        self.digest = digest
        self.add = add

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> Self:
        """Rebuild the button from its custom_id (also after a restart)."""
        return cls(match["digest"], add=match["action"] == "add")

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        """Confirm: ingest the text and say what it gave. Cancel: delete the pending copy
        the bot made, and nothing else. A text no longer waiting is out of date."""
        texts = interaction.client.settings.texts_dir
        if not self.add:
            if not await asyncio.to_thread(curation.discard, texts, self.digest):
                raise UserError(f"That text is no longer waiting. {out_of_date(ADD)}")
            await settle(interaction, CANCELLED)
            return
        work = curating(
            curation.confirm, store_path(interaction), texts, self.digest, stale=out_of_date(ADD)
        )
        outcome = await answer_within(interaction, work)
        await settle(
            interaction, added_text(Path(outcome.path).name, outcome.events, outcome.quotes)
        )


class RemoveConfirm(
    _Confirmation,
    discord.ui.DynamicItem[discord.ui.Button[Any]],
    template=re.compile(re.escape(PREFIX) + r"(?P<action>remove|keep):(?P<id>[0-9]{1,19})"),
):
    """Confirm (remove) or Cancel (keep) the removal of the document the custom_id names."""

    def __init__(self, document_id: int, *, remove: bool = True) -> None:
        action = "remove" if remove else "keep"
        super().__init__(
            discord.ui.Button(
                label="Confirm" if remove else "Cancel",
                style=discord.ButtonStyle.danger if remove else discord.ButtonStyle.secondary,
                custom_id=f"{PREFIX}{action}:{document_id}",
            )
        )
        self.document_id = document_id
        self.remove = remove

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> Self:
        """Rebuild the button from its custom_id (also after a restart)."""
        return cls(int(match["id"]), remove=match["action"] == "remove")

    async def press(self, interaction: discord.Interaction[Any]) -> None:
        """Remove the document and move its added file aside; one already gone is out of
        date."""
        if not self.remove:
            await settle(interaction, KEPT)
            return
        store: Store = interaction.client.store
        document = await store.document(self.document_id)
        if document is None:
            raise UserError(f"That document is no longer in the store. {out_of_date(REMOVE)}")
        texts: Path = interaction.client.settings.texts_dir
        work = curating(
            curation.remove,
            store_path(interaction),
            texts,
            document.path,
            stale=out_of_date(REMOVE),
        )
        removed = await answer_within(interaction, work)
        where = moved_aside(removed.moved_to, texts)
        text = removed_text(document.title, removed.outcome.events, removed.outcome.quotes, where)
        await settle(interaction, text)


def add_view(digest: str) -> discord.ui.View:
    """Confirm and Cancel under an add preview."""
    view = discord.ui.View(timeout=None)
    view.add_item(AddChoice(digest))
    view.add_item(AddChoice(digest, add=False))
    return view


def remove_view(document_id: int) -> discord.ui.View:
    """Confirm and Cancel under a removal preview."""
    view = discord.ui.View(timeout=None)
    view.add_item(RemoveConfirm(document_id))
    view.add_item(RemoveConfirm(document_id, remove=False))
    return view


BUTTONS = (SourcesPage, AddChoice, RemoveConfirm)


class SourcesCog(
    commands.GroupCog,
    group_name="sources",
    group_description="The texts behind the almanac's answers",
):
    """Lists the source documents with what each contributed, so answers can be checked;
    lets the owner and curators add and remove texts."""

    def __init__(self, bot: AlmanacBot) -> None:
        self.bot = bot

    async def cog_load(self) -> None:
        """Let the buttons on old messages work (they carry their own state)."""
        self.bot.add_dynamic_items(*BUTTONS)

    async def cog_unload(self) -> None:
        """Stop answering the buttons when the extension is unloaded."""
        self.bot.remove_dynamic_items(*BUTTONS)

    @app_commands.command(name="list", description="The documents behind the almanac's answers")
    @per_user_cooldown()
    async def list_documents(self, interaction: Interaction) -> None:
        """Answer with the first page of documents and their counts, and page buttons."""
        answer = await answer_within(interaction, list_sources(self.bot.store, SourcesRequest()))
        await send(interaction, Reply(embeds=sources_embeds(answer)), sources_view(answer))

    @app_commands.command(
        name="add", description="(Owner, curators) Add a text: preview it, then confirm"
    )
    @app_commands.describe(file=ATTACH_HINT)
    @per_user_cooldown()
    async def add(self, interaction: Interaction, file: discord.Attachment) -> None:
        """Save the attachment as a pending text and show privately what it would add."""
        await require_curator(interaction)
        try:
            curation.check_upload(file.filename, file.size)  # before downloading anything
        except CurationError as refusal:
            raise UserError(refusal.reason, example=f"{ADD} file: article.html") from None
        await defer(interaction, ephemeral=True)
        data = await file.read()
        texts = self.bot.settings.texts_dir
        staged = await curating(curation.stage, texts, file.filename, data, stale=out_of_date(ADD))
        embed = added_preview_embed(staged.document, staged.path.name)
        await reply(interaction, embed=embed, view=add_view(staged.digest), ephemeral=True)

    @app_commands.command(
        name="remove", description="(Owner, curators) Remove a text: preview it, then confirm"
    )
    @app_commands.describe(document="Start typing its title or file name")
    @per_user_cooldown()
    async def remove(self, interaction: Interaction, document: str) -> None:
        """Show privately what would go, with Confirm and Cancel."""
        await require_curator(interaction)
        found = await named_document(self.bot.store, document)
        summary = None if found is None else await self.bot.store.document(found)
        if summary is None:
            raise UserError(
                "No document in the store matches that; pick one from the list as you type.",
                example=f"{REMOVE} document: harbour",
            )
        await reply(
            interaction,
            embed=removal_preview_embed(summary),
            view=remove_view(found or 0),
            ephemeral=True,
        )

    @remove.autocomplete("document")
    async def complete_document(
        self, interaction: Interaction, current: str
    ) -> list[app_commands.Choice[str]]:
        """Stored documents whose title or file name holds what was typed (none to others)."""
        if not await may_curate(interaction):
            return []
        found = await self.bot.store.documents_named(current[:100])
        return [
            app_commands.Choice(name=shorten(f"{title} — {Path(path).name}", 100), value=str(id_))
            for id_, title, path in found
        ]


async def setup(bot: AlmanacBot) -> None:
    """Load the extension."""
    await bot.add_cog(SourcesCog(bot))
