"""Answers computed once, free of any adapter: the cogs, the console and --json
all render these same results.
"""

from __future__ import annotations

import difflib
import functools
import math
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, ParamSpec, TypeVar

from bot.answers.errors import UserError
from bot.answers.when import MonthDay, is_leap_day_fallback, nearest_days
from db.read.store import DAY_COUNT_MAX as DAY_COUNT_MAX  # the renderers' bound too
from db.read.store import QueryTimeoutError, Store, TopicTooBroadError
from db.records import DocumentSummary, Event, Quote
from db.text import STOPWORDS, words

TIMELINE_PAGE = 8
SOURCES_PAGE = 10
# The longest search a command takes (the Discord options say the same): a search is
# a few words, and a longer text would be looked up word by word in every index.
QUERY_MAX: Final = 100
TOO_SLOW: Final = "That search took too long to answer. Try fewer or rarer words."
# Words a /timeline topic may AND together: FTS5 intersects their matches in one
# uninterruptible pass, ~0.1 us a match per word (a few words in 40% of 10^6 events
# each cost ~100 ms; four are the most a topic needs).
TOPIC_WORDS_MAX: Final = 4
# /onthisday reads only what it shows; the rest of a busy day is counted, up to
# DAY_COUNT_MAX (the renderers show more as "1,000+").
DAY_EVENTS = 10
DAY_QUOTES = 5
QUOTE_MORE = 5  # other matches a quote answer carries besides the best one
# When a speaker has no quote on a topic: the best quotes on it read, people named.
OTHERS_READ = 20
OTHERS_SHOWN = 3


@dataclass(frozen=True, slots=True)
class OnThisDay:
    """Anniversaries of one month-day, and the nearest ones when there are none."""

    day: MonthDay
    today: date
    events: list[Event]  # the first DAY_EVENTS, oldest first
    quotes: list[Quote]  # the first DAY_QUOTES
    before: MonthDay | None = None
    after: MonthDay | None = None
    # How many the day has in all; counting stops past DAY_COUNT_MAX ("1,000+").
    events_total: int = 0
    quotes_total: int = 0

    @property
    def events_counted(self) -> int:
        """events_total, or the number shown when the answer was built without totals."""
        return max(self.events_total, len(self.events))

    @property
    def quotes_counted(self) -> int:
        """quotes_total, or the number shown when the answer was built without totals."""
        return max(self.quotes_total, len(self.quotes))


@dataclass(frozen=True, slots=True)
class QuoteAnswer:
    """The best quote for a query, the rest of the matches, and why none matched."""

    query: str
    speakers: list[str]
    topic: list[str]
    quote: Quote | None
    more: list[Quote]
    total: int
    unmatched: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    # When the speakers have no quote on the topic: who has (up to OTHERS_SHOWN).
    others: list[str] = field(default_factory=list)
    # True when at least `total` quotes match: only a bounded sample is ranked.
    total_is_lower_bound: bool = False
    # True when every match had been shown ("Another quote") and the round began again.
    restarted: bool = False


@dataclass(frozen=True, slots=True)
class Timeline:
    """One page of events in date order with a summary of the whole span."""

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


@dataclass(frozen=True, slots=True)
class Sources:
    """One page of the documents behind every answer, in path order."""

    documents: list[DocumentSummary]
    total: int = 0  # documents in the store
    page: int = 1
    pages: int = 1


P = ParamSpec("P")
T = TypeVar("T")


def _answered_in_time(
    answer: Callable[P, Coroutine[Any, Any, T]],
) -> Callable[P, Coroutine[Any, Any, T]]:
    """The answer, or a UserError when the store stopped one of its queries for time."""

    @functools.wraps(answer)
    async def in_time(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await answer(*args, **kwargs)
        except QueryTimeoutError:
            raise UserError(TOO_SLOW) from None

    return in_time


def checked_search(text: str) -> str:
    """The search text, or a UserError when it is longer than any search needs."""
    if len(text) > QUERY_MAX:
        raise UserError(
            f"That search is {len(text):,} characters long; I read up to {QUERY_MAX}.",
            example="/quote putin nato",
        )
    return text


@_answered_in_time
async def on_this_day(store: Store, day: MonthDay, today: date) -> OnThisDay:
    """Events and quotes of a month-day; 28 February also brings 29 February in common years."""
    days = [day]
    if is_leap_day_fallback(day, today):
        days.append(MonthDay(2, 29))
    events: list[Event] = []
    quotes: list[Quote] = []
    events_total = quotes_total = 0
    for each in days:
        day_events = await store.events_on_counted(each.month, each.day, DAY_EVENTS)
        day_quotes = await store.quotes_on_counted(each.month, each.day, DAY_QUOTES)
        events += day_events.items
        quotes += day_quotes.items
        events_total += day_events.total
        quotes_total += day_quotes.total
    if events or quotes:
        return OnThisDay(
            day,
            today,
            events[:DAY_EVENTS],
            quotes[:DAY_QUOTES],
            events_total=events_total,
            quotes_total=quotes_total,
        )
    before, after = nearest_days(await store.anniversary_days(), day)
    return OnThisDay(day, today, [], [], before, after)


@_answered_in_time
async def find_quote(
    store: Store, query: str, speaker: str | None = None, *, seen: Sequence[int] = ()
) -> QuoteAnswer:
    """Split the query into speakers and topic, then the best unseen matching quote."""
    checked_search(query)
    checked_search(speaker or "")
    speakers, topic = split_query(store, query)
    if speaker and speaker.strip():
        named = store.speakers_named(speaker)
        if not named:
            return _no_speaker(store, query, speaker, topic)
        speakers = sorted(named)
    # Only what is shown is read in full; the count comes with the ranking (bounded).
    search = await store.search_quotes_counted(topic, speakers, exclude=seen, limit=1 + QUOTE_MORE)
    restarted = bool(search.total and not search.quotes)
    if restarted:  # every match was shown: start the round again, and say so
        search = await store.search_quotes_counted(topic, speakers, limit=1 + QUOTE_MORE)
    unseen = search.quotes
    if not unseen:
        unknown = [w for w in topic if not store.is_topic_word(w)]
        if speakers and topic and not unknown:  # known words: others may have said them
            others = await _others_on(store, topic, speakers)
            if others:
                return QuoteAnswer(query, speakers, topic, None, [], 0, topic, others=others)
        unmatched = unknown or topic
        suggestions = _close_topics(store, unmatched)
        return QuoteAnswer(query, speakers, topic, None, [], 0, unmatched, suggestions)
    return QuoteAnswer(
        query,
        speakers,
        topic,
        unseen[0],
        unseen[1:],
        search.total,
        total_is_lower_bound=search.total_is_lower_bound,
        restarted=restarted,
    )


async def _others_on(store: Store, topic: list[str], speakers: list[str]) -> list[str]:
    """Up to OTHERS_SHOWN people quoted on the topic, most relevant first, not the speakers."""
    found = await store.search_quotes(topic, limit=OTHERS_READ)
    named = (q.speaker for q in found if q.speaker and q.speaker not in speakers)
    return list(dict.fromkeys(named))[:OTHERS_SHOWN]


def split_query(store: Store, query: str) -> tuple[list[str], list[str]]:
    """Words that name a known person (alone or as a pair) filter; the rest is topic."""
    tokens = [w for w in words(query) if w]
    speakers: set[str] = set()
    topic: list[str] = []
    i = 0
    while i < len(tokens):
        pair = " ".join(tokens[i : i + 2])
        if i + 1 < len(tokens) and store.speakers_named(pair):
            speakers |= store.speakers_named(pair)
            i += 2
            continue
        named = store.speakers_named(tokens[i])
        if named:
            speakers |= named
        elif tokens[i] not in STOPWORDS and tokens[i] not in topic:
            topic.append(tokens[i])
        i += 1
    return sorted(speakers), topic


def _no_speaker(store: Store, query: str, speaker: str, topic: list[str]) -> QuoteAnswer:
    close = difflib.get_close_matches(speaker, store.speaker_names(), n=3, cutoff=0.4)
    close += [n for n in store.complete_speaker(speaker, 3) if n not in close]
    return QuoteAnswer(query, [], topic, None, [], 0, [speaker], close[:3])


def _close_topics(store: Store, unmatched: Sequence[str]) -> list[str]:
    suggestions: list[str] = []
    for word in unmatched:
        candidates = store.complete_topic(word[:3], limit=200)
        suggestions += difflib.get_close_matches(word, candidates, n=3, cutoff=0.6)
    return list(dict.fromkeys(suggestions))[:5]


PAGE_MAX: Final = 1_000_000  # a page number beyond any store; larger ones are read as it


@_answered_in_time
async def timeline(
    store: Store,
    query: str = "",
    *,
    start: int | None = None,
    end: int | None = None,
    page: int = 1,
    per_page: int = TIMELINE_PAGE,
) -> Timeline:
    """A page of matching events in date order; the header spans all of them."""
    topic = list(dict.fromkeys(w for w in words(checked_search(query)) if w not in STOPWORDS))
    if len(topic) > TOPIC_WORDS_MAX:
        raise UserError(
            f"A timeline follows up to {TOPIC_WORDS_MAX} words at once; that was {len(topic)}.",
            example="/timeline query: apollo moon landing",
        )
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
    people = sorted({p for e in span.events for p in e.people})
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
    )


@_answered_in_time
async def sources(store: Store, page: int = 1, per_page: int = SOURCES_PAGE) -> Sources:
    """A page of the documents and what each contributed; a page past the end is the last.

    Paged because a store of 10^4 documents took 260-460 ms to list whole, in a reply
    beyond Discord's limits: a page reads only its rows, the total is a count.
    """
    total = await store.document_count()
    pages = max(1, math.ceil(total / per_page))
    page = min(max(1, page), pages)
    documents = await store.documents(limit=per_page, offset=(page - 1) * per_page)
    return Sources(documents, total, page, pages)
