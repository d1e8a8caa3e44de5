"""The read side of the content store: long-lived aiosqlite read connections.

Every query is bounded (LIMIT, indexed lookups) because answers must come back
well inside Discord's 3 seconds even on a store of a million rows. Nothing here
knows about Discord; the answers layer shapes results for the adapters.

Store owns the connections, the in-memory lookups and their reload; the queries
live beside it, one module a command: db/read/onthisday.py (/onthisday),
db/read/quotes.py (/quote), db/read/timeline.py (/timeline), with the shared
columns and row parsers in db/read/rows.py. Their result types and bounds are
re-exported here; tune (or monkeypatch) a bound in the module that defines it.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import math
import sqlite3
import time
from collections.abc import Awaitable, Callable, Sequence
from contextvars import ContextVar
from pathlib import Path
from typing import Any, ParamSpec, Self, TypeVar

import aiosqlite

from db import schema
from db.read import onthisday as day_query
from db.read import quotes as quote_search
from db.read import timeline as timeline_query
from db.read.fts5_fast import AVERAGES, Bm25
from db.read.name_index import SpeakerIndex, TopicIndex
from db.read.onthisday import DAY_COUNT_MAX, DayPage
from db.read.quotes import QUOTE_CANDIDATES, QUOTE_EXACT_MAX, QuoteRanker, QuoteSearch
from db.read.rows import SERVED_QUOTE, interrupted, time_limit_of
from db.read.timeline import (
    KEY_MOMENTS,
    TIMELINE_COUNT_MAX,
    TIMELINE_OFFSET_MAX,
    Density,
    TimelineSpan,
    TopicTooBroadError,
)
from db.records import DocumentSummary, Event, PartialDate, Quote
from db.schema import AsyncClosing

__all__ = [
    "DAY_COUNT_MAX",
    "KEY_MOMENTS",
    "QUERY_TIME_LIMIT",
    "QUOTE_CANDIDATES",
    "QUOTE_EXACT_MAX",
    "RANKED_CACHE",
    "READERS",
    "STORE_WATCH",
    "TIMELINE_COUNT_MAX",
    "TIMELINE_OFFSET_MAX",
    "DayPage",
    "Density",
    "QueryTimeoutError",
    "QuoteSearch",
    "Store",
    "TimelineSpan",
    "TopicTooBroadError",
]

# Read connections (each aiosqlite connection is a thread of its own): SQLite
# releases the GIL while it runs, so queries of concurrent answers overlap.
READERS = 2
# Every query is bounded by design (~50 ms at 10^6 rows); this is the net under that
# design: a statement of a user's answer that runs longer is interrupted, so one
# crafted command can hold a reader for at most this long.
QUERY_TIME_LIMIT = 0.5
# The progress handler looks at the clock every this many SQLite VM steps (~0.1 ms).
_CLOCK_EVERY = 2_000

# How often a running bot checks whether another process changed the store (seconds).
STORE_WATCH = 2.0

log = logging.getLogger("almanac.store")

# Scheduled work (daily posts) reads on a connection of its own, so a burst of user
# commands never delays it; a task opts in with Store.use_own_connection().
_OWN_CONNECTION: ContextVar[bool] = ContextVar("almanac_own_connection", default=False)


# A document with its counts of events and served quotes (taken for its row only).
_DOCUMENT_COLUMNS = (
    "SELECT d.path, d.title, d.published,"
    " (SELECT count(*) FROM events e WHERE e.document_id = d.id),"
    f" (SELECT count(*) FROM quotes q WHERE q.document_id = d.id AND q.{SERVED_QUOTE}),"
    " d.url, d.author FROM documents d"
)
# /sources: a page in path order (the UNIQUE index on path, no sort), counts per row shown.
DOCUMENTS_PAGE = _DOCUMENT_COLUMNS + " ORDER BY d.path LIMIT ? OFFSET ?"
DOCUMENT_BY_ID = _DOCUMENT_COLUMNS + " WHERE d.id = ?"
# /sources remove's autocomplete: documents whose title or path holds what was typed, in
# path order. One row per file, not per event: the scan is over the documents alone,
# and it stops at the limit (the user's time limit is the net under a huge library).
DOCUMENTS_NAMED = (
    "SELECT id, title, path FROM documents"
    " WHERE title LIKE :like ESCAPE '\\' OR path LIKE :like ESCAPE '\\'"
    " ORDER BY path LIMIT :limit"
)


class QueryTimeoutError(Exception):
    """A user's query ran past QUERY_TIME_LIMIT and was interrupted."""


class _TimeLimit:
    """Interrupts a statement that runs past its deadline.

    SQLite calls `started` (a trace callback) as each statement begins and
    `expired` (a progress handler) while it runs, both in the connection's thread.
    """

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.deadline = math.inf

    def started(self, sql: str) -> None:
        if sql.startswith("-- "):  # a statement run inside this one (FTS5, a trigger)
            return
        own = time_limit_of(sql)
        self.deadline = time.monotonic() + (self.seconds if own is None else own)

    def expired(self) -> int:
        return 1 if time.monotonic() > self.deadline else 0


async def _limited(conn: aiosqlite.Connection, seconds: float) -> aiosqlite.Connection:
    limit = _TimeLimit(seconds)
    await conn.set_trace_callback(limit.started)
    await conn.set_progress_handler(limit.expired, _CLOCK_EVERY)
    return conn


# Ranked /quote candidate lists kept per search until the next reload().
RANKED_CACHE = 256


def _migrate(path: Path | str) -> None:
    """Apply migrations; connect and close in the same thread, as sqlite3 requires."""
    schema.connect(path, schema.CONTENT_SCHEMA).close()


P = ParamSpec("P")
T = TypeVar("T")


def _time_limited(method: Callable[P, Awaitable[T]]) -> Callable[P, Awaitable[T]]:
    """The query, with QueryTimeoutError for a statement the time limit interrupted."""

    @functools.wraps(method)
    async def limited(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await method(*args, **kwargs)
        except sqlite3.OperationalError as error:
            if not interrupted(error):
                raise
            raise QueryTimeoutError(f"a query ran past {QUERY_TIME_LIMIT} s") from error

    return limited


class Store(AsyncClosing):
    """Read queries over the content store, plus small in-memory indexes."""

    def __init__(
        self,
        conn: aiosqlite.Connection,
        readers: Sequence[aiosqlite.Connection] = (),
        *,
        ranked_cache: int = RANKED_CACHE,
    ) -> None:
        """conn: reloads and tasks that use_own_connection(); readers: answers to users
        (conn too when there are none)."""
        self._conn = conn
        self._readers = list(readers) or [conn]
        self._next_reader = 0
        self._ranker = QuoteRanker(Bm25({}, b""), ranked_cache)
        self._speakers = SpeakerIndex(())
        self._topics = TopicIndex(())
        self._loaded_version: int | None = None  # PRAGMA data_version at the last load
        self.path: Path | None = None  # the file open() opened: where writers write

    @classmethod
    async def open(cls, path: Path | str, *, ranked_cache: int = RANKED_CACHE) -> Self:
        """Open (and migrate) the content store at path and load its indexes.

        ranked_cache: how many searches keep their ranked candidates (0: none).
        """
        await asyncio.to_thread(_migrate, path)
        conns: list[aiosqlite.Connection] = []
        try:
            for _ in range(1 + max(1, READERS)):
                conns.append(await aiosqlite.connect(path))
                await conns[-1].execute("PRAGMA query_only = ON")
            readers = [await _limited(conn, QUERY_TIME_LIMIT) for conn in conns[1:]]
            store = cls(conns[0], readers, ranked_cache=ranked_cache)
            store.path = Path(path)
            await store.reload()
        except BaseException:
            # Each connection is a thread that keeps the process alive until closed:
            # a store that fails to load (damage met on reading) must not hang the exit.
            for conn in conns:
                await conn.close()
            raise
        return store

    async def close(self) -> None:
        """Close the connections."""
        for conn in {id(c): c for c in (self._conn, *self._readers)}.values():
            await conn.close()

    async def interrupt(self) -> None:
        """Stop the statements running on the read connections (a cancelled answer's),
        so that the next query or close() does not wait for them."""
        for conn in self._readers:
            await conn.interrupt()

    @staticmethod
    def use_own_connection() -> None:
        """Read on the store's own connection from now on in this task (and tasks it
        starts): for scheduled work that a burst of user commands must not delay."""
        _OWN_CONNECTION.set(True)

    def _read(self) -> aiosqlite.Connection:
        """The task's own connection, or the next user read connection, round robin."""
        if _OWN_CONNECTION.get():
            return self._conn
        self._next_reader = (self._next_reader + 1) % len(self._readers)
        return self._readers[self._next_reader]

    async def reload(self) -> None:
        """Rebuild the in-memory speaker and topic lookups from one snapshot of the store,
        then swap them in at once: answers use the old lookups or the new, never a mix."""
        await self._conn.execute("BEGIN")  # one read snapshot for every statement below
        try:
            version = await self._data_version()
            # Only people with a quote to serve: autocomplete offers no one /quote cannot
            # answer for, and a name of someone only written about stays a topic word.
            rows = await self._conn.execute_fetchall(
                "WITH speakers AS MATERIALIZED ("
                f"SELECT DISTINCT speaker_id AS id FROM quotes WHERE {SERVED_QUOTE})"
                " SELECT p.name, a.norm FROM people p JOIN aliases a ON a.person_id = p.id"
                " WHERE p.id IN speakers"
                " UNION SELECT p.name, NULL FROM people p WHERE p.id IN speakers"
            )
            vocabulary = await self._conn.execute_fetchall("SELECT word, quotes FROM vocabulary")
            averages = await self._conn.execute_fetchall(AVERAGES)
        finally:
            await self._conn.execute("COMMIT")
        speakers = SpeakerIndex((str(name), norm) for name, norm in rows)
        topics = TopicIndex((str(w), int(n)) for w, n in vocabulary)
        block = bytes(next(iter(averages))[0]) if averages else b""
        self._speakers, self._topics = speakers, topics
        self._ranker.bm25 = Bm25(dict(topics.counts), block)
        self._ranker.cache.clear()
        self._loaded_version = version

    async def reload_if_changed(self) -> bool:
        """reload() when another connection (an `almanac ingest` or `remove`) committed
        since the last load: how a running bot sees added, changed and removed texts."""
        if await self._data_version() == self._loaded_version:
            return False
        await self.reload()
        return True

    async def watch(self, every: float = STORE_WATCH) -> None:
        """reload_if_changed() every `every` seconds until cancelled: a running bot (each
        adapter's process) sees `almanac ingest` and `remove` of another process without a
        restart. A store busy or damaged for a moment is tried again at the next check."""
        while True:
            await asyncio.sleep(every)
            try:
                if await self.reload_if_changed():
                    log.info("The content store changed: its lookups were reloaded")
            except Exception:
                log.exception("Could not reload the content store's lookups")

    async def _data_version(self) -> int:
        """SQLite's count of commits by other connections, as this connection sees it."""
        rows = await self._conn.execute_fetchall("PRAGMA data_version")
        return int(next(iter(rows))[0])

    # -- people and topics ----------------------------------------------------

    def speakers_named(self, phrase: str) -> set[str]:
        """Canonical names a word or phrase can refer to ("putin", "bush jr")."""
        return self._speakers.named(phrase)

    def speaker_names(self) -> list[str]:
        """Every known person, sorted."""
        return list(self._speakers.names)

    def complete_speaker(self, prefix: str, limit: int = 25) -> list[str]:
        """Speakers whose name or any word of it starts with prefix (alphabetical)."""
        return self._speakers.complete(prefix, limit)

    def complete_topic(self, prefix: str, limit: int = 25) -> list[str]:
        """Most quoted words starting with prefix."""
        return self._topics.complete(prefix, limit)

    def is_topic_word(self, word: str) -> bool:
        """True when some served quote uses the word."""
        return word in self._topics

    # -- on this day: db/read/onthisday.py ----------------------------------------

    @_time_limited
    async def events_on_counted(self, month: int, day: int, limit: int = 10) -> DayPage[Event]:
        """The first `limit` events of a month-day in any year, oldest first (unknown
        years last), and how many there are (bounded: a busy day at a million events
        has thousands, and only the first are shown)."""
        return await day_query.events_on_counted(self._read, month, day, limit)

    @_time_limited
    async def quotes_on_counted(self, month: int, day: int, limit: int = 5) -> DayPage[Quote]:
        """The first `limit` quotes (never fragments) said on a month-day in any year,
        and how many there are (bounded)."""
        return await day_query.quotes_on_counted(self._read, month, day, limit)

    @_time_limited
    async def anniversary_days(self) -> list[tuple[int, int]]:
        """Every (month, day) that has at least one event, sorted."""
        return await day_query.anniversary_days(self._read)

    # -- quotes: db/read/quotes.py -------------------------------------------

    async def search_quotes(
        self,
        topic: Sequence[str],
        speakers: Sequence[str] = (),
        *,
        exclude: Sequence[int] = (),
        limit: int = 10,
    ) -> list[Quote]:
        """Quotes matching every topic word (stemmed), by any of the speakers, best first.

        FTS5's bm25() counts every row matching each term before scoring the
        first one (7+ ms for a word in 250k quotes), so a bounded candidate set
        is scored here with the same formula and column weights instead.
        """
        search = await self.search_quotes_counted(topic, speakers, exclude=exclude, limit=limit)
        return search.quotes

    @_time_limited
    async def search_quotes_counted(
        self,
        topic: Sequence[str],
        speakers: Sequence[str] = (),
        *,
        exclude: Sequence[int] = (),
        limit: int = 10,
    ) -> QuoteSearch:
        """search_quotes, and how many quotes match in all (at most QUOTE_CANDIDATES).

        Only the `limit` quotes returned are read in full; the count is the size
        of the ranked candidate set, so it costs no extra query.
        """
        return await quote_search.search_quotes_counted(
            self._read, self._ranker, topic, speakers, exclude=exclude, limit=limit
        )

    # -- timeline: db/read/timeline.py ---------------------------------------

    @_time_limited
    async def timeline_span(
        self,
        topic: Sequence[str] = (),
        *,
        start: int | None = None,
        end: int | None = None,
        limit: int = 10,
        offset: int = 0,
    ) -> TimelineSpan:
        """A page of events with a known year in date order, the (bounded) count, first and last.

        start and end are inclusive sort keys (YYYYMMDD, unknown parts as 0).
        Bounded for any topic: see TIMELINE_COUNT_MAX and TIMELINE_OFFSET_MAX.
        """
        return await timeline_query.timeline_span(
            self._read, topic, start=start, end=end, limit=limit, offset=offset
        )

    @_time_limited
    async def key_moments(
        self,
        topic: Sequence[str],
        first: Event,
        last: Event,
        *,
        count: int = KEY_MOMENTS,
        matches: int = 0,
    ) -> list[Event]:
        """Up to `count` key moments of the topic's matches from first to last (a span's
        ends, from timeline_span), in date order: the most salient of each stretch of time.

        matches: how many are known to match (timeline_span's total). Bounded: see
        db.read.timeline.KEY_MOMENT_EXACT_MAX.
        """
        return await timeline_query.key_moments(
            self._read, topic, first, last, count=count, matches=matches
        )

    @_time_limited
    async def timeline_density(
        self, topic: Sequence[str], first: Event, last: Event
    ) -> Density | None:
        """How the topic's matches from first to last spread over the span (for the
        timeline's picture); None when counting them took too long."""
        return await timeline_query.timeline_density(self._read, topic, first, last)

    @_time_limited
    async def version(self) -> int:
        """How many runs have changed the store (ingest, remove): what a cache of answers
        drawn from it is keyed by."""
        rows = await self._read().execute_fetchall("SELECT writes FROM store_state")
        return int(next(iter(rows), (0,))[0])

    # -- sources --------------------------------------------------------------

    @_time_limited
    async def documents(self, limit: int = 10, offset: int = 0) -> list[DocumentSummary]:
        """A page of source documents in path order, each with its event and served quote
        counts: the path index walks to the page (counts are taken for its rows only)."""
        rows = await self._read().execute_fetchall(DOCUMENTS_PAGE, (limit, offset))
        return [_summary(r) for r in rows]

    @_time_limited
    async def document(self, document_id: int) -> DocumentSummary | None:
        """One document with its counts, by its id (what /sources remove's choices carry)."""
        rows = list(await self._read().execute_fetchall(DOCUMENT_BY_ID, (document_id,)))
        return _summary(rows[0]) if rows else None

    @_time_limited
    async def documents_named(self, typed: str, limit: int = 25) -> list[tuple[int, str, str]]:
        """(id, title, path) of documents whose title or path holds typed, path order."""
        escaped = typed.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        rows = await self._read().execute_fetchall(
            DOCUMENTS_NAMED, {"like": f"%{escaped}%", "limit": limit}
        )
        return [(int(r[0]), str(r[1]), str(r[2])) for r in rows]

    @_time_limited
    async def document_count(self) -> int:
        """How many documents the store holds (SQLite counts a b-tree's pages, not its rows)."""
        rows = await self._read().execute_fetchall("SELECT count(*) FROM documents")
        return int(next(iter(rows))[0])


def _summary(row: Any) -> DocumentSummary:
    """A row of _DOCUMENT_COLUMNS."""
    return DocumentSummary(
        path=row[0],
        title=row[1],
        published=PartialDate.from_iso(row[2]) if row[2] else None,
        events=int(row[3]),
        quotes=int(row[4]),
        url=row[5],
        author=row[6],
    )
