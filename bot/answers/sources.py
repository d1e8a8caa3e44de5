"""/sources: a page of the documents behind every answer, and what every chat service's
`/sources add` and `remove` share: finding the document named, running a curation step."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from bot.answers.bounds import answered_in_time
from bot.answers.errors import UserError
from bot.answers.requests import SourcesRequest
from db.read.store import Store
from db.records import DocumentSummary
from db.write.curation import CurationError, NotPendingError

T = TypeVar("T")

SOURCES_PAGE = 10


@dataclass(frozen=True, slots=True)
class Sources:
    """One page of the documents behind every answer, in path order."""

    documents: list[DocumentSummary]
    total: int = 0  # documents in the store
    page: int = 1
    pages: int = 1
    asked_page: int | None = None  # the page asked for, when it was past the end


@answered_in_time
async def list_sources(
    store: Store, request: SourcesRequest, *, per_page: int = SOURCES_PAGE
) -> Sources:
    """A page of the documents and what each contributed; a page past the end is the last.

    Paged because a store of 10^4 documents took 260-460 ms to list whole, in a reply
    beyond Discord's limits: a page reads only its rows, the total is a count.
    """
    total = await store.document_count()
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, request.page), pages)
    asked = request.page if request.page > pages else None
    documents = await store.documents(limit=per_page, offset=(page - 1) * per_page)
    return Sources(documents, total, page, pages, asked)


async def named_document(store: Store, typed: str) -> int | None:
    """The id a choice carries (digits), or the one document whose title or path holds
    typed; None when none or several do, so a remove never guesses."""
    typed = typed.strip()
    if typed.isascii() and typed.isdecimal() and len(typed) <= 19:
        return int(typed)
    matches = await store.documents_named(typed[:100], limit=2)
    return matches[0][0] if len(matches) == 1 else None


async def curating(work: Callable[..., T], *args: Any, stale: str) -> T:
    """Run a db.write.curation step in a thread (it opens a connection of its own); its
    refusal becomes the user's line, and a text or document no longer there adds `stale`
    (how to start again, in the chat service's words)."""
    try:
        return await asyncio.to_thread(work, *args)
    except NotPendingError as gone:
        raise UserError(f"{gone.reason}. {stale}") from None
    except CurationError as refusal:
        raise UserError(refusal.reason) from None
