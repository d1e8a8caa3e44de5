"""/timeline: a page of events in date order, the (bounded) count, first and last.

Without a topic the count comes from the count tables and pages from the date
index. With one, everything is read from events_fts, whose rowid is the timeline
key (db/records.timeline_key): FTS5 returns a topic's matches already in date
order and a date range is a rowid range, so no query visits an event that does
not match, wherever in time the matches fall.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.read.rows import Reader, events_by_id, fetch_within
from db.records import TIMELINE_KEY_STEP, Event, timeline_event_id
from db.text import fts_query

# Reading a topic's matches costs ~0.1 us each for one word and more for several
# common words together (their matches are intersected) at 10^6 events. So every read
# of a topic is bounded twice: by rows (its count stops at TIMELINE_COUNT_MAX, then
# "10,000+ events"; a page of an uncounted topic is not read deeper than
# TIMELINE_OFFSET_MAX matches) and by time (db.read.rows.within): a count or an end that
# runs out of time becomes a lower bound or unknown, and a page that does raises
# TopicTooBroadError, so the worst /timeline costs ~50 ms whatever its words.
TIMELINE_COUNT_MAX = 10_000
TIMELINE_OFFSET_MAX = 100_000
COUNT_WITHIN_MS = 10
PAGE_WITHIN_MS = 30

_IN_RANGE = "e.year IS NOT NULL AND e.sort_key BETWEEN ? AND ?"
_MATCHES = "FROM events_fts WHERE events_fts MATCH ? AND rowid BETWEEN ? AND ?"


class TopicTooBroadError(Exception):
    """A page of a topic that cannot be found quickly: too deep into too many matches."""


@dataclass(frozen=True, slots=True)
class TimelineSpan:
    """A page of the timeline, how many events match, and the span's first and last event.

    When total_is_lower_bound, at least `total` events match (counting all of a
    very common word would read every match).
    """

    events: list[Event]
    total: int
    total_is_lower_bound: bool
    first: Event | None
    last: Event | None


async def timeline_span(
    read: Reader,
    topic: Sequence[str],
    *,
    start: int | None,
    end: int | None,
    limit: int,
    offset: int,
) -> TimelineSpan:
    """A page of events with a known year in date order, the (bounded) count, first and last.

    start and end are inclusive sort keys (YYYYMMDD, unknown parts as 0).
    Bounded for any topic, in rows and in time: TopicTooBroadError for a page
    that cannot be found quickly (see TIMELINE_COUNT_MAX).
    """
    low = start if start is not None else -(10**9)
    high = end if end is not None else 10**9
    limit, offset = max(0, limit), max(0, offset)
    if not topic:
        return await _span_all(read, low, high, limit, offset)
    return await _span_topic(read, fts_query(list(topic)), low, high, limit, offset)


async def _span_all(read: Reader, low: int, high: int, limit: int, offset: int) -> TimelineSpan:
    total = await _count_range(read, low, high)
    end_at = min(offset + limit, total)
    page: list[int] = []
    if offset < end_at:
        # A page past the middle is read backwards from the end, so the last
        # page costs what the first one does.
        backwards = offset > total - end_at
        order = "e.sort_key DESC, e.id DESC" if backwards else "e.sort_key, e.id"
        rows = await read().execute_fetchall(
            f"SELECT e.id FROM events e WHERE {_IN_RANGE} ORDER BY {order} LIMIT ? OFFSET ?",
            (low, high, end_at - offset, total - end_at if backwards else offset),
        )
        page = [int(r[0]) for r in rows][:: -1 if backwards else 1]
    ends = await read().execute_fetchall(
        f"SELECT (SELECT e.id FROM events e WHERE {_IN_RANGE} ORDER BY e.sort_key, e.id"
        " LIMIT 1),"
        f" (SELECT e.id FROM events e WHERE {_IN_RANGE}"
        " ORDER BY e.sort_key DESC, e.id DESC LIMIT 1)",
        (low, high, low, high),
    )
    first, last = next(iter(ends))
    return await _span(read, page, total, False, first, last)


async def _span_topic(
    read: Reader, match: str, low: int, high: int, limit: int, offset: int
) -> TimelineSpan:
    """A topic's page, count and ends, read from events_fts in timeline-key order."""
    keys = (low * TIMELINE_KEY_STEP, high * TIMELINE_KEY_STEP + TIMELINE_KEY_STEP - 1)
    counted = await _count(read, match, keys, TIMELINE_COUNT_MAX)
    if counted is not None and counted <= TIMELINE_COUNT_MAX:
        total, bounded = counted, False
        end_at = min(offset + limit, total)
        page: list[int] = []
        if offset < end_at:
            # A page past the middle is read backwards from the end, so the last
            # page costs what the first one does.
            backwards = offset > total - end_at
            page = await _page(
                read,
                match,
                keys,
                "DESC" if backwards else "ASC",
                end_at - offset,
                total - end_at if backwards else offset,
            )
            page = page[::-1] if backwards else page
    else:
        if offset > TIMELINE_OFFSET_MAX:
            raise TopicTooBroadError(offset)
        page = await _page(read, match, keys, "ASC", limit + 1, offset)
        more = len(page) > limit
        page = page[:limit]
        # At least as many as were counted, and enough for the next page.
        total = max(min(counted or 0, TIMELINE_COUNT_MAX), offset + len(page) + more)
        bounded = True
        if not more:  # this page reached the end (or lies past it): count exactly
            exact = await _count(read, match, keys, offset + limit)
            if exact is None:
                raise TopicTooBroadError(offset)
            total, bounded = exact, False
    first = page[0] if page and offset == 0 else await _end(read, match, keys, "ASC")
    last = page[-1] if page and not bounded and offset + len(page) == total else None
    last = last if last is not None else await _end(read, match, keys, "DESC")
    return await _span(read, page, total, bounded, first, last)


async def _count(read: Reader, match: str, keys: tuple[int, int], cap: int) -> int | None:
    """How many matches, counting at most cap + 1; None when that ran out of time."""
    rows = await fetch_within(
        read,
        COUNT_WITHIN_MS,
        f"SELECT count(*) FROM (SELECT 1 {_MATCHES} LIMIT ?)",
        (match, *keys, cap + 1),
    )
    return None if rows is None else int(rows[0][0])


async def _page(
    read: Reader, match: str, keys: tuple[int, int], order: str, limit: int, offset: int
) -> list[int]:
    """Event ids of matches in timeline-key order (ASC or DESC) from offset."""
    rows = await fetch_within(
        read,
        PAGE_WITHIN_MS,
        f"SELECT rowid {_MATCHES} ORDER BY rowid {order} LIMIT ? OFFSET ?",
        (match, *keys, limit, offset),
    )
    if rows is None:
        raise TopicTooBroadError(offset)
    return [timeline_event_id(int(r[0])) for r in rows]


async def _end(read: Reader, match: str, keys: tuple[int, int], order: str) -> int | None:
    """The first (ASC) or last (DESC) match; None when there is none or it took too long."""
    rows = await fetch_within(
        read,
        COUNT_WITHIN_MS,
        f"SELECT rowid {_MATCHES} ORDER BY rowid {order} LIMIT 1",
        (match, *keys),
    )
    return timeline_event_id(int(rows[0][0])) if rows else None


async def _span(
    read: Reader,
    page: list[int],
    total: int,
    bounded: bool,
    first: int | None,
    last: int | None,
) -> TimelineSpan:
    """Fetch the page and the two ends in one query."""
    ends = [i for i in (first, last) if i is not None]
    by_id = await events_by_id(read, [*page, *ends])
    return TimelineSpan(
        events=[by_id[i] for i in page if i in by_id],
        total=total,
        total_is_lower_bound=bounded,
        first=by_id.get(first) if first is not None else None,
        last=by_id.get(last) if last is not None else None,
    )


async def _count_range(read: Reader, low: int, high: int) -> int:
    """Events with a known year whose sort key is in [low, high], from the count tables."""
    first_year = low // 10_000 + (1 if low % 10_000 else 0)
    last_year = high // 10_000 - (0 if high % 10_000 >= 1231 else 1)
    if first_year > last_year:
        rows = await read().execute_fetchall(
            "SELECT coalesce(sum(events), 0) FROM event_days WHERE sort_key BETWEEN ? AND ?",
            (low, high),
        )
    else:
        rows = await read().execute_fetchall(
            "SELECT (SELECT coalesce(sum(events), 0) FROM event_years"
            "        WHERE year BETWEEN ? AND ?)"
            " + (SELECT coalesce(sum(events), 0) FROM event_days"
            "    WHERE sort_key BETWEEN ? AND ?)"
            " + (SELECT coalesce(sum(events), 0) FROM event_days"
            "    WHERE sort_key BETWEEN ? AND ?)",
            (
                first_year,
                last_year,
                low,
                first_year * 10_000 - 1,
                (last_year + 1) * 10_000,
                high,
            ),
        )
    return int(next(iter(rows))[0])
