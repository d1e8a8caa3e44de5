"""/timeline: a page of events in date order, the (bounded) count, first and last.

Without a topic the count comes from the count tables; with one, a rare topic
sorts its matches and a common one walks the date index (see TIMELINE_SORT_MAX).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from db.fetch import Reader, events_by_id
from db.records import Event
from db.text import fts_query

# /timeline with a topic. A topic with at most TIMELINE_SORT_MAX full-text matches
# is materialised (its matches in range, sorted): exact count, cheap pages. A
# commoner one walks the date index and tests each row against the FTS index
# (~25 us a row at 10^6 events), so a page costs (offset + limit) / density rows
# (page 1 of a word in 40% of events: ~0.5 ms; page 100: ~50 ms). Its count stops
# at TIMELINE_COUNT_MAX events in range and reads at most TIMELINE_COUNT_SCAN
# matches (FTS order, ~0.5 us each): then it is a lower bound ("1,000+ events").
TIMELINE_SORT_MAX = 2_000
TIMELINE_COUNT_MAX = 1_000
TIMELINE_COUNT_SCAN = 4_000

_MATCHED = "EXISTS (SELECT 1 FROM events_fts f WHERE events_fts MATCH ? AND f.rowid = e.id)"
_IN_RANGE = "e.year IS NOT NULL AND e.sort_key BETWEEN ? AND ?"


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
    Bounded for any topic: see TIMELINE_SORT_MAX and TIMELINE_COUNT_SCAN.
    """
    low = start if start is not None else 0
    high = end if end is not None else 10**9
    limit, offset = max(0, limit), max(0, offset)
    if not topic:
        return await _span_all(read, low, high, limit, offset)
    match = fts_query(list(topic))
    rows = await read().execute_fetchall(
        "SELECT count(*) FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?)",
        (match, max(TIMELINE_SORT_MAX, TIMELINE_COUNT_SCAN) + 1),
    )
    matches = int(next(iter(rows))[0])
    if matches <= TIMELINE_SORT_MAX:
        return await _span_sorted(read, match, low, high, limit, offset)
    return await _span_walked(read, match, matches, low, high, limit, offset)


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


async def _span_sorted(
    read: Reader, match: str, low: int, high: int, limit: int, offset: int
) -> TimelineSpan:
    """Few matches: every match in range, sorted; the count is exact."""
    rows = await read().execute_fetchall(
        "SELECT e.id FROM (SELECT rowid AS id FROM events_fts WHERE events_fts MATCH ?) f"
        f" JOIN events e ON e.id = f.id WHERE {_IN_RANGE} ORDER BY e.sort_key, e.id",
        (match, low, high),
    )
    ids = [int(r[0]) for r in rows]
    if not ids:
        return TimelineSpan([], 0, False, None, None)
    return await _span(read, ids[offset : offset + limit], len(ids), False, ids[0], ids[-1])


async def _span_walked(
    read: Reader, match: str, matches: int, low: int, high: int, limit: int, offset: int
) -> TimelineSpan:
    """Many matches: walk the date index, testing rows against the FTS index."""
    counted = await read().execute_fetchall(
        "SELECT count(*) FROM (SELECT 1 FROM (SELECT rowid AS id FROM events_fts"
        " WHERE events_fts MATCH ? LIMIT ?) f JOIN events e ON e.id = f.id"
        f" WHERE {_IN_RANGE} LIMIT ?)",
        (match, TIMELINE_COUNT_SCAN, low, high, TIMELINE_COUNT_MAX),
    )
    total = int(next(iter(counted))[0])
    bounded = matches > TIMELINE_COUNT_SCAN or total >= TIMELINE_COUNT_MAX
    rows = await read().execute_fetchall(
        f"SELECT e.id FROM events e WHERE {_IN_RANGE} AND {_MATCHED}"
        " ORDER BY e.sort_key, e.id LIMIT ? OFFSET ?",
        (low, high, match, limit + 1, offset),
    )
    page = [int(r[0]) for r in rows]
    more = len(page) > limit
    page = page[:limit]
    if bounded and (page or offset == 0):
        if not more:  # this page reached the end (or nothing matches): the count is exact
            total, bounded = offset + len(page), False
        else:
            total = max(total, offset + len(page) + 1)
    first = page[0] if page and offset == 0 else None
    last = page[-1] if page and not more else None
    if first is None or last is None:
        ends = await read().execute_fetchall(
            f"SELECT (SELECT e.id FROM events e WHERE {_IN_RANGE} AND {_MATCHED}"
            " ORDER BY e.sort_key, e.id LIMIT 1),"
            f" (SELECT e.id FROM events e WHERE {_IN_RANGE} AND {_MATCHED}"
            " ORDER BY e.sort_key DESC, e.id DESC LIMIT 1)",
            (low, high, match, low, high, match),
        )
        found_first, found_last = next(iter(ends))
        first = found_first if first is None else first
        last = found_last if last is None else last
    return await _span(read, page, total, bounded, first, last)


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
