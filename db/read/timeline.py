"""/timeline: a page of events in date order, the (bounded) count, first and last.

Without a topic the count comes from the count tables and pages from the date
index. With one, everything is read from events_fts, whose rowid is the timeline
key (db/records.timeline_key): FTS5 returns a topic's matches already in date
order and a date range is a rowid range, so no query visits an event that does
not match, wherever in time the matches fall.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from typing import Final, NamedTuple

from db.read.rows import Reader, events_by_id, fetch_within
from db.records import SALIENCE_MAX, TIMELINE_KEY_STEP, Event, timeline_event_id, timeline_key
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
    counted, last_key = await _count_and_last(read, match, keys, TIMELINE_COUNT_MAX)
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
    last = page[-1] if page and not bounded and offset + len(page) == total else last_key
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


async def _count_and_last(
    read: Reader, match: str, keys: tuple[int, int], cap: int
) -> tuple[int | None, int | None]:
    """_count() and the last match (_end DESC) in one statement; (None, None) when it ran
    out of time (the last match is then looked for on its own)."""
    rows = await fetch_within(
        read,
        COUNT_WITHIN_MS,
        f"SELECT (SELECT count(*) FROM (SELECT 1 {_MATCHES} LIMIT ?)),"
        f" (SELECT rowid {_MATCHES} ORDER BY rowid DESC LIMIT 1)",
        (match, *keys, cap + 1, match, *keys),
    )
    if rows is None:
        return None, None
    count, last = rows[0]
    return int(count), (timeline_event_id(int(last)) if last is not None else None)


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


# -- key moments ------------------------------------------------------------------
# A span with more matches than a page opens with its key moments: the span (first to
# last match) is cut into KEY_MOMENT_BUCKETS equal stretches of time and each gives its
# most salient event (events.salience, computed at ingest), so no stretch of years is
# left out; the slots of empty stretches go to the busiest. Bounded in rows: a span of at
# most KEY_MOMENT_EXACT_MAX matches is read whole (exact); a larger one is sampled, in
# one statement: KEY_MOMENT_SAMPLE events of each stretch (without a topic its most
# salient, by a seek per salience level on events_salience; with one, its first
# matches, a rowid range of events_fts each). Where stretches are empty, the busiest
# are sampled again in KEY_MOMENT_FINER shorter stretches (twice at most), so a busy
# year is told by its months: at most three statements and 40 * 8 candidates.
KEY_MOMENTS: Final = 8
KEY_MOMENT_BUCKETS: Final = 8
KEY_MOMENT_SAMPLE: Final = 8
KEY_MOMENT_FINER: Final = 16
KEY_MOMENT_ZOOMS: Final = 2
KEY_MOMENT_EXACT_MAX = 512
KEY_MOMENTS_WITHIN_MS = 30

# A date as a position on a line whose steps are about a day (13 month slots of 32 day
# slots a year, the 0s for a month or year alone): sort keys jump from 20011231 to
# 20020000, so equal stretches of sort keys would leave whole stretches empty.
_SLOTS_MONTH: Final = 32
_SLOTS_YEAR: Final = 13 * _SLOTS_MONTH


def date_position(sort_key: int) -> int:
    """A sort key (YYYYMMDD) as a day-like position, evenly spaced through the year."""
    year, rest = divmod(sort_key, 10_000)
    month, day = divmod(rest, 100)
    return year * _SLOTS_YEAR + month * _SLOTS_MONTH + day


def _sort_key_at(position: int) -> int:
    """The sort key of a date position (inverse of date_position, in range)."""
    year, rest = divmod(position, _SLOTS_YEAR)
    month, day = divmod(rest, _SLOTS_MONTH)
    return year * 10_000 + month * 100 + day


class Candidate(NamedTuple):
    """A matching event that may be a key moment: its timeline key and salience."""

    id: int
    key: int
    salience: int


def stretches(first: int, last: int, parts: int) -> list[tuple[int, int]]:
    """[first, last] (timeline keys) in up to `parts` contiguous inclusive key ranges,
    equal in time; a span within one day is cut by event id instead."""
    low_day, high_day = first // TIMELINE_KEY_STEP, last // TIMELINE_KEY_STEP
    if low_day == high_day:
        cuts = [first + (last + 1 - first) * i // parts for i in range(parts + 1)]
    else:
        low, high = date_position(low_day), date_position(high_day) + 1
        cuts = [
            _sort_key_at(low + (high - low) * i // parts) * TIMELINE_KEY_STEP
            for i in range(parts + 1)
        ]
        cuts[0], cuts[-1] = first, last + 1
    return [(a, b - 1) for a, b in pairwise(cuts) if a < b]


def choose_key_moments(
    candidates: Sequence[Candidate], first: int, last: int, count: int
) -> list[int]:
    """The ids of up to `count` key moments among candidates (keys in [first, last]),
    in date order.

    The span is cut into up to KEY_MOMENT_BUCKETS equal stretches of time; each that
    holds a candidate gets a slot, and slots left over go one by one to the stretch
    with the most candidates not yet given a slot. A stretch with one slot gives its
    most salient candidate (nearest its middle among equals); one with more is cut
    again the same way, so a busy year is told through its own stretches too.
    """
    chosen = _choose(list(candidates), first, last, count)
    return [c.id for c in sorted(chosen, key=lambda c: c.key)]


def _choose(candidates: list[Candidate], low: int, high: int, count: int) -> list[Candidate]:
    if count <= 0 or len(candidates) <= count:
        return candidates[: max(0, count)]
    buckets = stretches(low, high, min(count, KEY_MOMENT_BUCKETS))
    groups = [[c for c in candidates if a <= c.key <= b] for a, b in buckets]
    slots = [1 if group else 0 for group in groups]
    for _ in range(count - sum(slots)):
        spare = max(range(len(groups)), key=lambda i: (len(groups[i]) - slots[i], -i))
        if len(groups[spare]) <= slots[spare]:
            break
        slots[spare] += 1
    chosen: list[Candidate] = []
    for (a, b), group, slot in zip(buckets, groups, slots, strict=True):
        if slot == 1:
            middle = (a + b) // 2
            chosen.append(max(group, key=lambda c: (c.salience, -abs(c.key - middle), -c.key)))
        elif slot > 1:
            chosen += _choose(group, a, b, slot)
    return chosen


async def key_moments(
    read: Reader,
    topic: Sequence[str],
    first: Event,
    last: Event,
    *,
    count: int = KEY_MOMENTS,
    matches: int = 0,
) -> list[Event]:
    """Up to `count` key moments of the matches from first to last (the span's ends),
    in date order: the most salient of each stretch of time (see KEY_MOMENTS).

    matches: how many are known to match (timeline_span's total, or a lower bound); more
    than KEY_MOMENT_EXACT_MAX goes straight to sampling.
    """
    low = timeline_key(_sort_key(first), first.id)
    high = timeline_key(_sort_key(last), last.id)
    match = fts_query(list(topic)) if topic else None
    candidates = None
    if matches <= KEY_MOMENT_EXACT_MAX:
        candidates = await _candidates(read, match, [(low, high)], KEY_MOMENT_EXACT_MAX + 1)
    if candidates is None or len(candidates) > KEY_MOMENT_EXACT_MAX:
        candidates = await _sampled(read, match, stretches(low, high, KEY_MOMENT_BUCKETS))
    if not candidates:
        return []
    ids = choose_key_moments(candidates, low, high, count)
    by_id = await events_by_id(read, ids)
    return [by_id[i] for i in ids if i in by_id]


async def _sampled(
    read: Reader, match: str | None, buckets: list[tuple[int, int]]
) -> list[Candidate] | None:
    """KEY_MOMENT_SAMPLE candidates of each bucket. While fewer stretches hold candidates
    than there are moments to show, the full ones (where the matches crowd: a busy
    year) are sampled again in KEY_MOMENT_FINER shorter stretches, at most
    KEY_MOMENT_ZOOMS times."""
    parts, found = buckets, await _candidates(read, match, buckets, KEY_MOMENT_SAMPLE)
    if found is None:
        return None
    for _ in range(KEY_MOMENT_ZOOMS):
        counts = [sum(1 for c in found if a <= c.key <= b) for a, b in parts]
        crowded = [part for part, n in zip(parts, counts, strict=True) if n >= KEY_MOMENT_SAMPLE]
        if not crowded or sum(1 for n in counts if n) >= KEY_MOMENTS:
            break
        per = max(2, KEY_MOMENT_FINER // len(crowded))
        finer = [part for a, b in crowded for part in stretches(a, b, per)]
        again = await _candidates(read, match, finer, KEY_MOMENT_SAMPLE)
        if again is None:
            break
        found = [c for c in found if not any(a <= c.key <= b for a, b in crowded)] + again
        parts = sorted([p for p in parts if p not in crowded] + finer)
    return found


def _sort_key(event: Event) -> int:
    year, month, day = event.date.sort_key()
    return year * 10_000 + month * 100 + day


async def _candidates(
    read: Reader, match: str | None, ranges: Sequence[tuple[int, int]], limit: int
) -> list[Candidate] | None:
    """The first `limit` matches of each key range with their salience, in one statement;
    None when it ran out of time."""
    if match is None:
        # Per range, its events level by level from the most salient (a seek each on
        # events_salience), the first `limit` of them: the range's most salient events.
        arm = (
            f"SELECT * FROM (SELECT e.id, e.sort_key * {TIMELINE_KEY_STEP} + e.id, e.salience"
            " FROM events e WHERE e.salience = ?"
            " AND e.year IS NOT NULL AND (e.sort_key, e.id) BETWEEN (?, ?) AND (?, ?)"
            " ORDER BY e.sort_key, e.id LIMIT ?)"
        )
        levels = range(SALIENCE_MAX, -1, -1)
        one = f"SELECT * FROM ({' UNION ALL '.join([arm] * len(levels))} LIMIT ?)"
        parameters: list[int | str] = []
        for low, high in ranges:
            bounds = [*divmod(low, TIMELINE_KEY_STEP), *divmod(high, TIMELINE_KEY_STEP)]
            for level in levels:
                parameters += [level, *bounds, limit]
            parameters.append(limit)
        sql = " UNION ALL ".join([one] * len(ranges))
    else:
        arm = f"SELECT * FROM (SELECT rowid AS k {_MATCHES} ORDER BY rowid LIMIT ?)"
        parameters = []
        for low, high in ranges:
            parameters += [match, low, high, limit]
        keys = " UNION ALL ".join([arm] * len(ranges))
        sql = (
            "SELECT e.id, m.k, e.salience FROM"
            f" ({keys}) AS m JOIN events e"
            f" ON e.id = ((m.k % {TIMELINE_KEY_STEP}) + {TIMELINE_KEY_STEP}) % {TIMELINE_KEY_STEP}"
        )
    rows = await fetch_within(read, KEY_MOMENTS_WITHIN_MS, sql, parameters)
    if rows is None:
        return None
    return [Candidate(int(r[0]), int(r[1]), int(r[2])) for r in rows]


# -- density ------------------------------------------------------------------------
# /timeline's picture shows how the matches spread over the span: a count for each of
# DENSITY_BINS equal stretches of time. Bounded: without a topic the counts come from
# the count tables (a row a year, or a row a day for a span under DENSITY_BINS years);
# with one, each stretch is counted up to DENSITY_CAP matches, all in one statement
# within DENSITY_WITHIN_MS (then there is no density to show).
DENSITY_BINS: Final = 48
DENSITY_CAP = 2_000
DENSITY_WITHIN_MS = 100


@dataclass(frozen=True, slots=True)
class Density:
    """Matches per stretch of a span: bins are inclusive timeline-key ranges in date
    order; capped when some count stopped at DENSITY_CAP."""

    bins: list[tuple[int, int]]
    counts: list[int]
    capped: bool


async def timeline_density(
    read: Reader, topic: Sequence[str], first: Event, last: Event
) -> Density | None:
    """How the matches from first to last spread over the span; None when it took too long."""
    low = timeline_key(_sort_key(first), first.id)
    high = timeline_key(_sort_key(last), last.id)
    bins = stretches(low, high, DENSITY_BINS)
    if topic:
        arm = f"SELECT count(*) FROM (SELECT 1 {_MATCHES} LIMIT ?)"
        match = fts_query(list(topic))
        parameters: list[int | str] = []
        for a, b in bins:
            parameters += [match, a, b, DENSITY_CAP]
        sql = "SELECT (" + "), (".join([arm] * len(bins)) + ")"
        rows = await fetch_within(read, DENSITY_WITHIN_MS, sql, parameters)
        if rows is None:
            return None
        counts = [int(n) for n in rows[0]]
        return Density(bins, counts, any(n >= DENSITY_CAP for n in counts))
    low_day, high_day = _sort_key(first), _sort_key(last)
    if high_day // 10_000 - low_day // 10_000 >= DENSITY_BINS:  # a row a year
        totals = await read().execute_fetchall(
            "SELECT year * 10000, events FROM event_years WHERE year BETWEEN ? AND ?",
            (low_day // 10_000, high_day // 10_000),
        )
    else:  # a row a day: fewer than DENSITY_BINS * 366 rows
        totals = await read().execute_fetchall(
            "SELECT sort_key, events FROM event_days WHERE sort_key BETWEEN ? AND ?",
            (low_day, high_day),
        )
    counts = [0] * len(bins)
    starts = [a // TIMELINE_KEY_STEP for a, _ in bins]
    for sort_key, events in totals:
        counts[max(0, bisect_right(starts, int(sort_key)) - 1)] += int(events)
    return Density(bins, counts, False)
