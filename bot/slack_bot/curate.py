"""/sources add and remove in Slack: a curator sees privately what would be added or
go, with Confirm and Cancel whose value carries the pending text's hash or the
document's id; Confirm runs db.write.curation's confirm or remove.

A file cannot be attached to a Slack slash command, so `/sources add` says how to add
one: share it with the app in a direct message. The app hears `file_shared` there
(and only there: files shared in channels are not its business), downloads the file
with the bot token (files.info, then url_private_download) and posts the preview in
that direct message, which only the curator sees.

Who curates follows /daily's rule: workspace admins and owners, or the users
SLACK_CURATORS names; the check runs again on every press, as a value can be forged.
Finding the document and running the write are bot.answers.sources', shared with
Discord's /sources.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final

import aiohttp
from slack_sdk.errors import SlackApiError

from bot.answers.errors import UserError
from bot.answers.formatting import CANCELLED, KEPT, added_text, moved_aside, removed_text
from bot.answers.sources import curating, named_document
from bot.slack_bot import buttons
from bot.slack_bot.client import slack_error
from bot.slack_bot.render import (
    SlackMessage,
    added_message,
    explained,
    private,
    removal_message,
    settled,
)
from bot.slack_bot.text import safe
from db.ingest import SOURCE_SUFFIXES
from db.write import curation
from db.write.curation import MAX_ADDED_BYTES, CurationError, megabytes

if TYPE_CHECKING:
    from bot.slack_bot.app import SlackAlmanac

NOT_A_CURATOR: Final = (
    "Only workspace admins and owners (or the users SLACK_CURATORS names) can add or"
    " remove sources."
)
REMOVE: Final = "/sources remove"
REMOVE_EXAMPLE: Final = "/sources remove harbour museum"
NO_MATCH: Final = (
    "No one document in the store matches that: give words of its title or file name"
    " that only it holds (`/sources` lists them)."
)
GONE: Final = "That document is no longer in the store"
ADD: Final = "/sources add"
ADD_HINT: Final = (
    "Share the text with me in a direct message (Almanac → Messages, then attach the"
    f" file): a {', '.join(SOURCE_SUFFIXES)} file, UTF-8, at most"
    f" {megabytes(MAX_ADDED_BYTES)}. I answer there with what it yields and Confirm and"
    " Cancel; nothing is stored before Confirm."
)
NOT_DOWNLOADED: Final = "Slack did not hand over that file; share it again in a moment."
DIRECT_MESSAGE: Final = "D"  # how a direct message's channel id begins


def store_path(almanac: SlackAlmanac) -> Path:
    """The content store file the app reads, which the curation writes go to."""
    path = almanac.store.path
    if path is None:
        raise RuntimeError("the store was not opened from a file")
    return path


async def ask_add(almanac: SlackAlmanac, user: str) -> SlackMessage:
    """How to add a text in Slack, for a curator."""
    await require_curator(almanac, user)
    return private(ADD_HINT)


async def shared_file(almanac: SlackAlmanac, event: dict[str, Any]) -> SlackMessage | None:
    """The answer to a file shared with the app in a direct message (None for a file
    shared anywhere else): the preview of a curator's text, or one line saying why not;
    a refused file is never kept, one too large or of another type never downloaded."""
    channel, user = str(event.get("channel_id", "")), str(event.get("user_id", ""))
    if not channel.startswith(DIRECT_MESSAGE):
        return None
    try:
        await require_curator(almanac, user)
        info = await almanac.client.files_info(file=str(event.get("file_id", "")))
        file = info.get("file") or {}
        name = str(file.get("name") or "text")
        try:
            curation.check_upload(name, int(file.get("size") or 0))
        except CurationError as refusal:
            raise UserError(refusal.reason) from None
        data = await download(almanac, str(file.get("url_private_download") or ""))
        texts = almanac.settings.texts_dir
        stale = buttons.OUT_OF_DATE.format(command=ADD)
        staged = await curating(curation.stage, texts, name, data, stale=stale)
    except UserError as error:
        return explained(error)
    except SlackApiError as error:
        raise UserError(f"{NOT_DOWNLOADED} ({slack_error(error)})") from None
    return added_message(staged.document, staged.path.name, staged.digest)


async def download(almanac: SlackAlmanac, url: str) -> bytes:
    """A shared file's bytes, with the bot token (Slack's private file URLs want it),
    at most one byte past MAX_ADDED_BYTES (stage then refuses it as too large)."""
    if not url.startswith(("https://", "http://")):
        raise UserError(NOT_DOWNLOADED)
    headers = {"Authorization": f"Bearer {almanac.settings.slack_bot_token}"}
    data = bytearray()
    try:
        async with almanac.session.get(url, headers=headers) as response:
            if response.status != 200:
                raise UserError(NOT_DOWNLOADED)
            async for chunk in response.content.iter_chunked(64 * 1024):
                data += chunk
                if len(data) > MAX_ADDED_BYTES:
                    break
    except aiohttp.ClientError:
        raise UserError(NOT_DOWNLOADED) from None
    return bytes(data)


async def press_add(almanac: SlackAlmanac, user: str, action_id: str, value: str) -> SlackMessage:
    """Confirm: ingest the pending text and say what it gave. Cancel: delete the app's
    pending copy and nothing else. A text no longer waiting is out of date."""
    await require_curator(almanac, user)
    digest = buttons.read_add(value)
    texts = almanac.settings.texts_dir
    stale = buttons.OUT_OF_DATE.format(command=ADD)
    if action_id == buttons.SOURCES_CANCEL:
        if not await asyncio.to_thread(curation.discard, texts, digest):
            raise UserError(f"That text is no longer waiting. {stale}")
        return settled(CANCELLED)
    outcome = await curating(curation.confirm, store_path(almanac), texts, digest, stale=stale)
    await almanac.store.reload_if_changed()  # /quote knows its speakers at once
    return settled(safe(added_text(Path(outcome.path).name, outcome.events, outcome.quotes)))


async def require_curator(almanac: SlackAlmanac, user: str) -> None:
    """UserError (one private line) for anyone but a curator."""
    if not await almanac.is_admin_or(user, almanac.settings.slack_curators):
        raise UserError(NOT_A_CURATOR)


async def ask_removal(almanac: SlackAlmanac, user: str, words: str) -> SlackMessage:
    """The private preview of `/sources remove words`, or UserError when no one document
    matches (never a guess between several)."""
    await require_curator(almanac, user)
    found = await named_document(almanac.store, words) if words.strip() else None
    summary = None if found is None else await almanac.store.document(found)
    if found is None or summary is None:
        raise UserError(NO_MATCH, example=REMOVE_EXAMPLE)
    return removal_message(summary, found)


async def press_removal(
    almanac: SlackAlmanac, user: str, action_id: str, value: str
) -> SlackMessage:
    """Confirm: remove the document and say where its file went. Cancel: nothing changes.
    A document already gone is out of date."""
    await require_curator(almanac, user)
    document_id = buttons.read_remove(value)
    if action_id == buttons.SOURCES_KEEP:
        return private(KEPT)
    stale = buttons.OUT_OF_DATE.format(command=REMOVE)
    document = await almanac.store.document(document_id)
    if document is None:
        raise UserError(f"{GONE}. {stale}")
    texts = almanac.settings.texts_dir
    removed = await curating(
        curation.remove, store_path(almanac), texts, document.path, stale=stale
    )
    await almanac.store.reload_if_changed()  # its speakers go from /quote at once
    outcome = removed.outcome
    where = moved_aside(removed.moved_to, texts)
    return private(safe(removed_text(document.title, outcome.events, outcome.quotes, where)))
