"""/onthisday: a month-day's first events and quotes in any year, and bounded counts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, NamedTuple, TypeVar

from db.read.rows import EVENT_COLUMNS, QUOTE_COLUMNS, SERVED_QUOTE, Reader, event_of, quote_of
from db.records import Event, Quote

T = TypeVar("T")

# /onthisday counts a day's events and quotes up to this many ("1,000+" beyond).
DAY_COUNT_MAX = 1_000
_DAY_COUNT = (
    "SELECT count(*) FROM (SELECT 1 FROM {table}"
    " WHERE month = ? AND day = ? AND day IS NOT NULL{extra} LIMIT ?)"
)
# A day's served quotes, counted from quotes_month_day alone (see schema migration 8).
QUOTES_DAY_COUNT = _DAY_COUNT.format(table="quotes", extra=f" AND {SERVED_QUOTE}")


class DayPage(NamedTuple, Generic[T]):
    """The first items of a month-day and how many it has, up to DAY_COUNT_MAX + 1."""

    items: list[T]
    total: int

    @classmethod
    def of(cls, items: list[T], rows: Sequence[Sequence[Any]]) -> DayPage[T]:
        """Items and the count that every row carries in its last column."""
        return cls(items, int(rows[0][-1]) if rows else 0)


async def events_on_counted(read: Reader, month: int, day: int, limit: int) -> DayPage[Event]:
    """The first `limit` events of a month-day in any year, oldest first (unknown
    years last), and how many there are (bounded: a busy day at a million events
    has thousands, and only the first are shown)."""
    rows = await read().execute_fetchall(
        f"SELECT {EVENT_COLUMNS}, ({_DAY_COUNT.format(table='events', extra='')})"
        " FROM events e JOIN documents d ON d.id = e.document_id"
        " WHERE e.month = ? AND e.day = ? AND e.day IS NOT NULL"
        " ORDER BY e.year IS NULL, e.year, e.id LIMIT ?",
        (month, day, DAY_COUNT_MAX + 1, month, day, limit),
    )
    found = list(rows)
    return DayPage.of([event_of(r) for r in found], found)


async def quotes_on_counted(read: Reader, month: int, day: int, limit: int) -> DayPage[Quote]:
    """The first `limit` served quotes (see SERVED_QUOTE) said on a month-day in any year,
    and how many there are (bounded)."""
    rows = await read().execute_fetchall(
        f"SELECT {QUOTE_COLUMNS}, ({QUOTES_DAY_COUNT})"
        " FROM quotes q JOIN documents d ON d.id = q.document_id"
        " LEFT JOIN people p ON p.id = q.speaker_id"
        f" WHERE q.month = ? AND q.day = ? AND q.day IS NOT NULL AND q.{SERVED_QUOTE}"
        " ORDER BY q.year IS NULL, q.year, q.id LIMIT ?",
        (month, day, DAY_COUNT_MAX + 1, month, day, limit),
    )
    found = list(rows)
    return DayPage.of([quote_of(r) for r in found], found)


async def anniversary_days(read: Reader) -> list[tuple[int, int]]:
    """Every (month, day) that has at least one event, sorted."""
    rows = await read().execute_fetchall(
        "SELECT DISTINCT month, day FROM events WHERE day IS NOT NULL ORDER BY month, day"
    )
    return [(int(m), int(d)) for m, d in rows]
