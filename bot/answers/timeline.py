"""/timeline: the key moments of the matching events, or a page of them in date order,
with the span they cover."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Final

from bot.answers.bounds import answered_in_time
from bot.answers.errors import UserError
from bot.answers.requests import TimelineRequest
from db.read.store import Store, TopicTooBroadError
from db.records import Event
from db.text import STOPWORDS, words

TIMELINE_PAGE = 8

# Words a /timeline topic may AND together: FTS5 intersects their matches in one
# uninterruptible pass, ~0.1 us a match per word (a few words in 40% of 10^6 events
# each cost ~100 ms; four are the most a topic needs).
TOPIC_WORDS_MAX: Final = 4

PAGE_MAX: Final = 1_000_000  # a page number beyond any store; larger ones are read as it


@dataclass(frozen=True, slots=True)
class Timeline:
    """One page of events in date order with a summary of the whole span.

    key_moments: when the span is longer than a page and the full list was not asked
    for, the most salient events spread over it (db.read.timeline.key_moments), shown
    instead of the page; empty otherwise. people are those of the events shown.
    """

    query: str
    events: list[Event]
    total: int
    page: int
    pages: int
    first: Event | None
    last: Event | None
    people: list[str]
    # True when at least `total` events match (a very common word is not counted
    # whole); pages is then a lower bound too.
    total_is_lower_bound: bool = False
    # The page asked for, when it was past the end and the last page is shown instead.
    asked_page: int | None = None
    key_moments: list[Event] = field(default_factory=list)
    full: bool = False

    @property
    def shown(self) -> list[Event]:
        """The events an adapter lists: the key moments, or else the page."""
        return self.key_moments or self.events


def timeline_topic(query: str) -> list[str]:
    """The words of a query a timeline follows: each once, stop words left out."""
    return list(dict.fromkeys(w for w in words(query) if w not in STOPWORDS))


@answered_in_time
async def find_timeline(
    store: Store, request: TimelineRequest, *, per_page: int = TIMELINE_PAGE
) -> Timeline:
    """The key moments of a span longer than a page, or a page of matching events in date
    order (request.full, or a page past the first); the header spans all of them."""
    query, start, end, page = request.query, request.start, request.end, request.page
    topic = timeline_topic(query)
    if len(topic) > TOPIC_WORDS_MAX:
        raise UserError(
            f"A timeline follows up to {TOPIC_WORDS_MAX} words at once; that was {len(topic)}.",
            example="/timeline query: apollo moon landing",
        )
    asked = page
    page = min(max(1, page), PAGE_MAX)
    try:
        span = await store.timeline_span(
            topic, start=start, end=end, limit=per_page, offset=(page - 1) * per_page
        )
        pages = max(1, math.ceil(span.total / per_page))
        if not span.events and span.total and page > pages:  # past the end: the last page
            page = pages
            span = await store.timeline_span(
                topic, start=start, end=end, limit=per_page, offset=(page - 1) * per_page
            )
    except TopicTooBroadError:
        raise UserError(
            f"Page {page:,} of “{query}” is too deep to find quickly: so many events match."
            " Narrow it with a year range or rarer words.",
            example=f"/timeline query: {query} from: 2001 to: 2008",
        ) from None
    moments: list[Event] = []
    summary = not request.full and page == 1 and span.total > len(span.events)
    if summary and span.first is not None and span.last is not None:
        moments = await store.key_moments(topic, span.first, span.last, matches=span.total)
    people = sorted({p for e in (moments or span.events) for p in e.people})
    return Timeline(
        query=query,
        events=span.events,
        total=span.total,
        page=min(page, pages),
        pages=pages,
        first=span.first,
        last=span.last,
        people=people,
        total_is_lower_bound=span.total_is_lower_bound,
        asked_page=asked if asked > min(page, pages) else None,
        key_moments=moments,
        full=request.full,
    )
