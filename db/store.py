"""The read side of the content store: one long-lived aiosqlite connection.

Every query is bounded (LIMIT, indexed lookups) because answers must come back
well inside Discord's 3 seconds even on a store of a million rows. Nothing here
knows about Discord; the answers layer shapes results for the adapters.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Generic, NamedTuple, Self, TypeVar

import aiosqlite

from db import schema
from db.closing import AsyncClosing
from db.lookup import SpeakerIndex, TopicIndex
from db.rank import Bm25
from db.records import DocumentSummary, Event, PartialDate, Quote, Source
from db.text import fts_query

T = TypeVar("T")

# How many FTS matches /quote ranks at most: bm25 over every match of a very
# common word is the known trap at scale, so rank a bounded candidate set (the
# first matches in store order). A search of several words with at most this
# many matches is ranked exactly (one word: see QUOTE_EXACT_MAX); a commoner one
# is ranked within that sample, and its count is shown as a lower bound ("200+").
# Scoring costs about 4 us a candidate (FTS5's highlight() re-reads and
# re-tokenises the row), the dearest part of /quote: 400 candidates made a
# common word cost 3 ms of CPU.
QUOTE_CANDIDATES = 200
# A single topic word with at most this many matches is ranked exactly (term
# counts from highlight(), about 4 us a row); a commoner one within its sample
# by presence per column (see _CANDIDATES_COUNTED), about ten times cheaper.
QUOTE_EXACT_MAX = 50

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

# /onthisday counts a day's events and quotes up to this many ("1,000+" beyond).
DAY_COUNT_MAX = 1_000
_DAY_COUNT = (
    "SELECT count(*) FROM (SELECT 1 FROM {table}"
    " WHERE month = ? AND day = ? AND day IS NOT NULL{extra} LIMIT ?)"
)

# The candidates of a ranked /quote search come back as ONE row, a JSON array.
# SQLite then does all of highlight()'s work (the dearest part of /quote) in one
# step, without the GIL, in the reader's thread; row by row, that thread needed
# the GIL back after every row, and in a burst it waited on the event loop for it.
# Parameters: ?1 the MATCH expression, ?2 QUOTE_CANDIDATES (one more is read, to
# know whether the bound was reached).
_CANDIDATES = (
    "SELECT json_group_array(json_array(id, {text}, {context}, hex(sz))) FROM ("
    "SELECT f.rowid AS id, highlight(quotes_fts, 0, char(1), char(2)) AS t,"
    " highlight(quotes_fts, 1, char(1), char(2)) AS c, s.sz AS sz FROM quotes_fts f"
    " JOIN quotes_fts_docsize s ON s.id = f.rowid WHERE quotes_fts MATCH ?1 LIMIT ?2 + 1)"
)
_CANDIDATES_HIGHLIGHTED = _CANDIDATES.format(text="t", context="c")
# One topic word: only its count per column leaves SQLite (?3: the word in the text
# column, ?4: QUOTE_EXACT_MAX). Exact when it has at most ?4 matches. A commoner
# word is ranked within its sample without highlight(): a row has the word once in
# the text, or else once in the context (a rowid-range query on the text column
# tells which), so the shortest quotes that use it in their words come first.
_CANDIDATES_COUNTED = (
    "SELECT CASE WHEN (SELECT count(*) FROM (SELECT rowid FROM quotes_fts"
    " WHERE quotes_fts MATCH ?1 LIMIT ?4 + 1)) <= ?4 THEN ("
    + _CANDIDATES.format(
        text="length(t) - length(replace(t, char(1), ''))",
        context="ifnull(length(c) - length(replace(c, char(1), '')), 0)",
    )
    + ") ELSE (WITH c AS MATERIALIZED (SELECT f.rowid AS id, s.sz AS sz FROM quotes_fts f"
    " JOIN quotes_fts_docsize s ON s.id = f.rowid WHERE f.quotes_fts MATCH ?1 LIMIT ?2 + 1),"
    " t AS MATERIALIZED (SELECT g.rowid AS id FROM quotes_fts g WHERE g.quotes_fts MATCH ?3"
    " AND g.rowid BETWEEN (SELECT min(id) FROM c) AND (SELECT max(id) FROM c))"
    " SELECT json_group_array(json_array(c.id, c.id IN t, c.id NOT IN t, hex(c.sz))) FROM c)"
    " END"
)

_MATCHED = "EXISTS (SELECT 1 FROM events_fts f WHERE events_fts MATCH ? AND f.rowid = e.id)"
_IN_RANGE = "e.year IS NOT NULL AND e.sort_key BETWEEN ? AND ?"

# Read connections (each aiosqlite connection is a thread of its own): SQLite
# releases the GIL while it runs, so queries of concurrent answers overlap.
READERS = 2
# Ranked /quote candidate lists kept per search until the next reload().
RANKED_CACHE = 256

_EVENT_COLUMNS = (
    "e.id, e.date, e.title, e.summary, d.path, d.title,"
    " (SELECT group_concat(p.name, char(31)) FROM event_people ep"
    "  JOIN people p ON p.id = ep.person_id WHERE ep.event_id = e.id)"
)
_QUOTE_COLUMNS = "q.id, p.name, q.text, q.date, q.context, q.fragment, d.path, d.title"


def _event(row: Sequence[Any]) -> Event:
    people = tuple(sorted(row[6].split("\x1f"))) if row[6] else ()
    return Event(
        id=row[0],
        date=PartialDate.from_iso(row[1]),
        title=row[2],
        summary=row[3],
        people=people,
        source=Source(path=row[4], title=row[5]),
    )


def _quote(row: Sequence[Any]) -> Quote:
    return Quote(
        id=row[0],
        speaker=row[1],
        text=row[2],
        date=PartialDate.from_iso(row[3]) if row[3] else None,
        context=row[4],
        fragment=bool(row[5]),
        source=Source(path=row[6], title=row[7]),
    )


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


class DayPage(NamedTuple, Generic[T]):
    """The first items of a month-day and how many it has, up to DAY_COUNT_MAX + 1."""

    items: list[T]
    total: int

    @classmethod
    def of(cls, items: list[T], rows: Sequence[Sequence[Any]]) -> DayPage[T]:
        """Items and the count that every row carries in its last column."""
        return cls(items, int(rows[0][-1]) if rows else 0)


class QuoteSearch(NamedTuple):
    """The quotes of a search to show, and how many match (bounded: see QUOTE_CANDIDATES)."""

    quotes: list[Quote]
    total: int
    total_is_lower_bound: bool


def _migrate(path: Path | str) -> None:
    """Apply migrations; connect and close in the same thread, as sqlite3 requires."""
    schema.connect(path, schema.CONTENT_SCHEMA).close()


class Store(AsyncClosing):
    """Read queries over the content store, plus small in-memory indexes."""

    def __init__(
        self,
        conn: aiosqlite.Connection,
        readers: Sequence[aiosqlite.Connection] = (),
        *,
        ranked_cache: int = RANKED_CACHE,
    ) -> None:
        self._conn = conn
        self._ranked_cache = ranked_cache
        self._readers = [conn, *readers]
        self._next_reader = 0
        self._ranked: dict[tuple[str, str], list[int]] = {}
        self._speakers = SpeakerIndex(())
        self._topics = TopicIndex(())
        self._bm25 = Bm25({}, b"")

    @classmethod
    async def open(cls, path: Path | str, *, ranked_cache: int = RANKED_CACHE) -> Self:
        """Open (and migrate) the content store at path and load its indexes.

        ranked_cache: how many searches keep their ranked candidates (0: none).
        """
        await asyncio.to_thread(_migrate, path)
        conns = [await aiosqlite.connect(path) for _ in range(max(1, READERS))]
        for conn in conns:
            await conn.execute("PRAGMA query_only = ON")
        store = cls(conns[0], conns[1:], ranked_cache=ranked_cache)
        await store.reload()
        return store

    async def close(self) -> None:
        """Close the connections."""
        for conn in self._readers:
            await conn.close()

    def _read(self) -> aiosqlite.Connection:
        """The next read connection, round robin."""
        self._next_reader = (self._next_reader + 1) % len(self._readers)
        return self._readers[self._next_reader]

    async def reload(self) -> None:
        """Rebuild the in-memory speaker and topic lookups after an ingest."""
        self._ranked = {}
        rows = await self._conn.execute_fetchall(
            "SELECT p.name, a.norm FROM people p JOIN aliases a ON a.person_id = p.id"
            " UNION SELECT p.name, NULL FROM people p"
            " WHERE p.id IN (SELECT speaker_id FROM quotes WHERE fragment = 0)"
        )
        self._speakers = SpeakerIndex((str(name), norm) for name, norm in rows)
        vocabulary = await self._conn.execute_fetchall("SELECT word, quotes FROM vocabulary")
        self._topics = TopicIndex((str(w), int(n)) for w, n in vocabulary)
        averages = await self._conn.execute_fetchall(
            "SELECT block FROM quotes_fts_data WHERE id = 1"
        )
        block = bytes(next(iter(averages))[0]) if averages else b""
        self._bm25 = Bm25(dict(self._topics.counts), block)

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

    # -- on this day ----------------------------------------------------------

    async def events_on_counted(self, month: int, day: int, limit: int = 10) -> DayPage[Event]:
        """The first `limit` events of a month-day in any year, oldest first (unknown
        years last), and how many there are (bounded: a busy day at a million events
        has thousands, and only the first are shown)."""
        rows = await self._read().execute_fetchall(
            f"SELECT {_EVENT_COLUMNS}, ({_DAY_COUNT.format(table='events', extra='')})"
            " FROM events e JOIN documents d ON d.id = e.document_id"
            " WHERE e.month = ? AND e.day = ? AND e.day IS NOT NULL"
            " ORDER BY e.year IS NULL, e.year, e.id LIMIT ?",
            (month, day, DAY_COUNT_MAX + 1, month, day, limit),
        )
        found = list(rows)
        return DayPage.of([_event(r) for r in found], found)

    async def quotes_on_counted(self, month: int, day: int, limit: int = 5) -> DayPage[Quote]:
        """The first `limit` quotes (never fragments) said on a month-day in any year,
        and how many there are (bounded)."""
        count = _DAY_COUNT.format(table="quotes", extra=" AND fragment = 0")
        rows = await self._read().execute_fetchall(
            f"SELECT {_QUOTE_COLUMNS}, ({count})"
            " FROM quotes q JOIN documents d ON d.id = q.document_id"
            " LEFT JOIN people p ON p.id = q.speaker_id"
            " WHERE q.month = ? AND q.day = ? AND q.day IS NOT NULL AND q.fragment = 0"
            " ORDER BY q.year IS NULL, q.year, q.id LIMIT ?",
            (month, day, DAY_COUNT_MAX + 1, month, day, limit),
        )
        found = list(rows)
        return DayPage.of([_quote(r) for r in found], found)

    async def anniversary_days(self) -> list[tuple[int, int]]:
        """Every (month, day) that has at least one event, sorted."""
        rows = await self._read().execute_fetchall(
            "SELECT DISTINCT month, day FROM events WHERE day IS NOT NULL ORDER BY month, day"
        )
        return [(int(m), int(d)) for m, d in rows]

    # -- quotes ---------------------------------------------------------------

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
        speaker_ids = await self._person_ids(speakers)
        if speakers and not speaker_ids:
            return QuoteSearch([], 0, False)
        clauses: list[str] = []
        if topic:
            clauses.append("{text context}: (" + fts_query(list(topic)) + ")")
        if speaker_ids:
            clauses.append("speaker: (" + " OR ".join(f'"p{i}"' for i in speaker_ids) + ")")
        if not clauses:
            rows = await self._read().execute_fetchall(
                "SELECT rowid FROM quotes_fts ORDER BY rowid LIMIT ?", (QUOTE_CANDIDATES + 1,)
            )
            ranked = [int(r[0]) for r in rows]
        elif not topic:  # speaker only: every score is zero, rowid order (see Bm25.rank)
            rows = await self._read().execute_fetchall(
                "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid LIMIT ?",
                (" AND ".join(clauses), QUOTE_CANDIDATES + 1),
            )
            ranked = [int(r[0]) for r in rows]
        else:
            ranked = await self._ranked_candidates(" AND ".join(clauses), list(topic))
        bounded = len(ranked) > QUOTE_CANDIDATES
        ranked = ranked[:QUOTE_CANDIDATES]
        excluded = set(exclude)
        chosen = [rowid for rowid in ranked if rowid not in excluded][:limit]
        found = await self._quotes_by_id(chosen)
        return QuoteSearch(found, len(ranked), bounded)

    async def _ranked_candidates(self, match: str, topic: list[str]) -> list[int]:
        """The bounded candidate set of a search, ranked; kept until reload() (the store
        only changes through an ingest, which reloads), so a repeated search is not re-ranked."""
        key = (match, "\x1f".join(topic))
        cached = self._ranked.get(key)
        if cached is not None:
            return cached
        single = len(topic) == 1
        args: tuple[str | int, ...]
        if single:
            in_text = "{text}: (" + fts_query(topic) + ")"
            exact = min(QUOTE_EXACT_MAX, QUOTE_CANDIDATES)
            sql, args = _CANDIDATES_COUNTED, (match, QUOTE_CANDIDATES, in_text, exact)
        else:
            sql, args = _CANDIDATES_HIGHLIGHTED, (match, QUOTE_CANDIDATES)
        rows = await self._read().execute_fetchall(sql, args)
        candidates = json.loads(next(iter(rows))[0])  # [rowid, text, context, docsize hex]
        if single:
            ranked = self._bm25.rank_counted(candidates, topic[0])
        else:
            ranked = self._bm25.rank(candidates, topic)
        if self._ranked_cache > 0:
            if len(self._ranked) >= self._ranked_cache:
                self._ranked.pop(next(iter(self._ranked)))
            self._ranked[key] = ranked
        return ranked

    async def _quotes_by_id(self, ids: Sequence[int]) -> list[Quote]:
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = await self._read().execute_fetchall(
            f"SELECT {_QUOTE_COLUMNS} FROM quotes q JOIN documents d ON d.id = q.document_id"
            f" LEFT JOIN people p ON p.id = q.speaker_id WHERE q.id IN ({marks})",
            tuple(ids),
        )
        by_id = {int(r[0]): _quote(r) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    async def _person_ids(self, names: Sequence[str]) -> list[int]:
        if not names:
            return []
        marks = ",".join("?" * len(names))
        rows = await self._read().execute_fetchall(
            f"SELECT id FROM people WHERE name IN ({marks}) ORDER BY id", tuple(names)
        )
        return [int(r[0]) for r in rows]

    # -- timeline -------------------------------------------------------------

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
        Bounded for any topic: see TIMELINE_SORT_MAX and TIMELINE_COUNT_SCAN.
        """
        low = start if start is not None else 0
        high = end if end is not None else 10**9
        limit, offset = max(0, limit), max(0, offset)
        if not topic:
            return await self._span_all(low, high, limit, offset)
        match = fts_query(list(topic))
        rows = await self._read().execute_fetchall(
            "SELECT count(*) FROM (SELECT rowid FROM events_fts WHERE events_fts MATCH ? LIMIT ?)",
            (match, max(TIMELINE_SORT_MAX, TIMELINE_COUNT_SCAN) + 1),
        )
        matches = int(next(iter(rows))[0])
        if matches <= TIMELINE_SORT_MAX:
            return await self._span_sorted(match, low, high, limit, offset)
        return await self._span_walked(match, matches, low, high, limit, offset)

    async def _span_all(self, low: int, high: int, limit: int, offset: int) -> TimelineSpan:
        total = await self._count_range(low, high)
        end_at = min(offset + limit, total)
        page: list[int] = []
        if offset < end_at:
            # A page past the middle is read backwards from the end, so the last
            # page costs what the first one does.
            backwards = offset > total - end_at
            order = "e.sort_key DESC, e.id DESC" if backwards else "e.sort_key, e.id"
            rows = await self._read().execute_fetchall(
                f"SELECT e.id FROM events e WHERE {_IN_RANGE} ORDER BY {order} LIMIT ? OFFSET ?",
                (low, high, end_at - offset, total - end_at if backwards else offset),
            )
            page = [int(r[0]) for r in rows][:: -1 if backwards else 1]
        ends = await self._read().execute_fetchall(
            f"SELECT (SELECT e.id FROM events e WHERE {_IN_RANGE} ORDER BY e.sort_key, e.id"
            " LIMIT 1),"
            f" (SELECT e.id FROM events e WHERE {_IN_RANGE}"
            " ORDER BY e.sort_key DESC, e.id DESC LIMIT 1)",
            (low, high, low, high),
        )
        first, last = next(iter(ends))
        return await self._span(page, total, False, first, last)

    async def _span_sorted(
        self, match: str, low: int, high: int, limit: int, offset: int
    ) -> TimelineSpan:
        """Few matches: every match in range, sorted; the count is exact."""
        rows = await self._read().execute_fetchall(
            "SELECT e.id FROM (SELECT rowid AS id FROM events_fts WHERE events_fts MATCH ?) f"
            f" JOIN events e ON e.id = f.id WHERE {_IN_RANGE} ORDER BY e.sort_key, e.id",
            (match, low, high),
        )
        ids = [int(r[0]) for r in rows]
        if not ids:
            return TimelineSpan([], 0, False, None, None)
        return await self._span(ids[offset : offset + limit], len(ids), False, ids[0], ids[-1])

    async def _span_walked(
        self, match: str, matches: int, low: int, high: int, limit: int, offset: int
    ) -> TimelineSpan:
        """Many matches: walk the date index, testing rows against the FTS index."""
        counted = await self._read().execute_fetchall(
            "SELECT count(*) FROM (SELECT 1 FROM (SELECT rowid AS id FROM events_fts"
            " WHERE events_fts MATCH ? LIMIT ?) f JOIN events e ON e.id = f.id"
            f" WHERE {_IN_RANGE} LIMIT ?)",
            (match, TIMELINE_COUNT_SCAN, low, high, TIMELINE_COUNT_MAX),
        )
        total = int(next(iter(counted))[0])
        bounded = matches > TIMELINE_COUNT_SCAN or total >= TIMELINE_COUNT_MAX
        rows = await self._read().execute_fetchall(
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
            ends = await self._read().execute_fetchall(
                f"SELECT (SELECT e.id FROM events e WHERE {_IN_RANGE} AND {_MATCHED}"
                " ORDER BY e.sort_key, e.id LIMIT 1),"
                f" (SELECT e.id FROM events e WHERE {_IN_RANGE} AND {_MATCHED}"
                " ORDER BY e.sort_key DESC, e.id DESC LIMIT 1)",
                (low, high, match, low, high, match),
            )
            found_first, found_last = next(iter(ends))
            first = found_first if first is None else first
            last = found_last if last is None else last
        return await self._span(page, total, bounded, first, last)

    async def _span(
        self, page: list[int], total: int, bounded: bool, first: int | None, last: int | None
    ) -> TimelineSpan:
        """Fetch the page and the two ends in one query."""
        ends = [i for i in (first, last) if i is not None]
        by_id = await self._events_by_id([*page, *ends])
        return TimelineSpan(
            events=[by_id[i] for i in page if i in by_id],
            total=total,
            total_is_lower_bound=bounded,
            first=by_id.get(first) if first is not None else None,
            last=by_id.get(last) if last is not None else None,
        )

    async def _events_by_id(self, ids: Sequence[int]) -> dict[int, Event]:
        wanted = sorted(set(ids))
        if not wanted:
            return {}
        marks = ",".join("?" * len(wanted))
        rows = await self._read().execute_fetchall(
            f"SELECT {_EVENT_COLUMNS} FROM events e JOIN documents d ON d.id = e.document_id"
            f" WHERE e.id IN ({marks})",
            tuple(wanted),
        )
        return {int(r[0]): _event(r) for r in rows}

    async def _count_range(self, low: int, high: int) -> int:
        """Events with a known year whose sort key is in [low, high], from the count tables."""
        first_year = low // 10_000 + (1 if low % 10_000 else 0)
        last_year = high // 10_000 - (0 if high % 10_000 >= 1231 else 1)
        if first_year > last_year:
            rows = await self._read().execute_fetchall(
                "SELECT coalesce(sum(events), 0) FROM event_days WHERE sort_key BETWEEN ? AND ?",
                (low, high),
            )
        else:
            rows = await self._read().execute_fetchall(
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

    # -- sources --------------------------------------------------------------

    async def documents(self) -> list[DocumentSummary]:
        """Every source document with its event and quote counts."""
        rows = await self._read().execute_fetchall(
            "SELECT d.path, d.title, d.published,"
            " (SELECT count(*) FROM events e WHERE e.document_id = d.id),"
            " (SELECT count(*) FROM quotes q WHERE q.document_id = d.id AND q.fragment = 0)"
            " FROM documents d ORDER BY d.path"
        )
        return [
            DocumentSummary(
                path=r[0],
                title=r[1],
                published=PartialDate.from_iso(r[2]) if r[2] else None,
                events=int(r[3]),
                quotes=int(r[4]),
            )
            for r in rows
        ]
