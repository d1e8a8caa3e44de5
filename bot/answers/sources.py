"""/sources: a page of the documents behind every answer."""

from __future__ import annotations

import math
from dataclasses import dataclass

from bot.answers.bounds import answered_in_time
from bot.answers.requests import SourcesRequest
from db.read.store import Store
from db.records import DocumentSummary

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
