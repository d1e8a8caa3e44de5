"""/sources remove in Slack: a curator sees privately what would go, with Confirm and
Cancel whose value carries the document's id; Confirm runs db.write.curation's remove.

Who curates follows /daily's rule: workspace admins and owners, or the users
SLACK_CURATORS names; the check runs again on every press, as a value can be forged.
Finding the document and running the write are bot.answers.sources', shared with
Discord's /sources.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Final

from bot.answers.errors import UserError
from bot.answers.formatting import KEPT, moved_aside, removed_text
from bot.answers.sources import curating, named_document
from bot.slack_bot import buttons
from bot.slack_bot.render import SlackMessage, private, removal_message
from bot.slack_bot.text import safe
from db.write import curation

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
    store = almanac.store.path
    if store is None:
        raise RuntimeError("the store was not opened from a file")
    texts = almanac.settings.texts_dir
    removed = await curating(curation.remove, store, texts, document.path, stale=stale)
    outcome = removed.outcome
    where = moved_aside(removed.moved_to, texts)
    return private(safe(removed_text(document.title, outcome.events, outcome.quotes, where)))
