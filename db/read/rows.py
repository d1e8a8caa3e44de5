"""Events and quotes read back as records: the columns every read query selects,
the row parsers, and lookups by id. Shared by the day, quote and timeline queries.

Each query asks `read` for a connection: the store hands out its read connections
round robin, one query at a time, so queries of concurrent answers overlap.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, TypeAlias

import aiosqlite

from db.records import Event, PartialDate, Quote, Source
from db.schema import SERVED_QUOTE as SERVED_QUOTE  # the readers' filter too

# The store's next read connection (Store._read).
Reader: TypeAlias = Callable[[], aiosqlite.Connection]

# A statement may carry its own time limit, read by the store's time limit (see
# db.read.store) as the statement starts: a query that can degrade gracefully (a count
# that becomes "10,000+") asks for less than the store's default.
_WITHIN = re.compile(r"/\* within (\d+) ms \*/ ")


def within(milliseconds: int, sql: str) -> str:
    """sql, interrupted if it runs longer than milliseconds (sqlite3 'interrupted')."""
    return f"/* within {milliseconds:d} ms */ {sql}"


def time_limit_of(sql: str) -> float | None:
    """The time limit in seconds that within() gave sql, or None."""
    found = _WITHIN.match(sql)
    return int(found[1]) / 1000 if found else None


def interrupted(error: Exception) -> bool:
    """True for the error of a statement stopped by its time limit."""
    return isinstance(error, sqlite3.OperationalError) and str(error) == "interrupted"


async def fetch_within(
    read: Reader, milliseconds: int, sql: str, parameters: Sequence[Any]
) -> list[Any] | None:
    """The rows of sql, or None when it ran past milliseconds (see within())."""
    try:
        return list(await read().execute_fetchall(within(milliseconds, sql), parameters))
    except sqlite3.OperationalError as error:
        if not interrupted(error):
            raise
        return None


# The cited document's columns, read by source_of() (d is the documents table).
SOURCE_COLUMNS = "d.path, d.title, d.url, d.published, d.author"
EVENT_COLUMNS = (
    "e.id, e.date, e.title, e.summary,"
    " (SELECT group_concat(p.name, char(31)) FROM event_people ep"
    "  JOIN people p ON p.id = ep.person_id WHERE ep.event_id = e.id), " + SOURCE_COLUMNS
)
QUOTE_COLUMNS = "q.id, p.name, q.text, q.date, q.context, q.fragment, " + SOURCE_COLUMNS


def source_of(row: Sequence[Any], at: int) -> Source:
    """The Source of a row whose SOURCE_COLUMNS start at index at."""
    path, title, url, published, author = row[at : at + 5]
    return Source(
        path=path,
        title=title,
        url=url,
        published=PartialDate.from_iso(published) if published else None,
        author=author,
    )


def event_of(row: Sequence[Any]) -> Event:
    """An Event from a row that starts with EVENT_COLUMNS."""
    people = tuple(sorted(row[4].split("\x1f"))) if row[4] else ()
    return Event(
        id=row[0],
        date=PartialDate.from_iso(row[1]),
        title=row[2],
        summary=row[3],
        people=people,
        source=source_of(row, 5),
    )


def quote_of(row: Sequence[Any]) -> Quote:
    """A Quote from a row that starts with QUOTE_COLUMNS."""
    return Quote(
        id=row[0],
        speaker=row[1],
        text=row[2],
        date=PartialDate.from_iso(row[3]) if row[3] else None,
        context=row[4],
        fragment=bool(row[5]),
        source=source_of(row, 6),
    )


async def quotes_by_id(read: Reader, ids: Sequence[int]) -> list[Quote]:
    """The quotes with these ids, in the order given (unknown ids left out)."""
    if not ids:
        return []
    marks = ",".join("?" * len(ids))
    rows = await read().execute_fetchall(
        f"SELECT {QUOTE_COLUMNS} FROM quotes q JOIN documents d ON d.id = q.document_id"
        f" LEFT JOIN people p ON p.id = q.speaker_id WHERE q.id IN ({marks})",
        tuple(ids),
    )
    by_id = {int(r[0]): quote_of(r) for r in rows}
    return [by_id[i] for i in ids if i in by_id]


async def events_by_id(read: Reader, ids: Sequence[int]) -> dict[int, Event]:
    """The events with these ids (repeats read once), by id."""
    wanted = sorted(set(ids))
    if not wanted:
        return {}
    marks = ",".join("?" * len(wanted))
    rows = await read().execute_fetchall(
        f"SELECT {EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id"
        f" WHERE e.id IN ({marks})",
        tuple(wanted),
    )
    return {int(r[0]): event_of(r) for r in rows}
