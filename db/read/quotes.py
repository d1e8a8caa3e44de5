"""/quote: ranked full-text search over a bounded candidate set.

FTS5's bm25() counts every row matching each term before scoring the first one,
so the candidates (the first matches in store order) come back from one query and
are scored with the same formula and column weights (the fenced db/read/fts5_fast.py).
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import NamedTuple

from db.read.fts5_fast import CANDIDATES_COUNTED, CANDIDATES_HIGHLIGHTED, Bm25
from db.read.rows import Reader, quotes_by_id
from db.records import Quote
from db.text import fts_query

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


class QuoteSearch(NamedTuple):
    """The quotes of a search to show, and how many match (bounded: see QUOTE_CANDIDATES)."""

    quotes: list[Quote]
    total: int
    total_is_lower_bound: bool


class QuoteRanker:
    """Ranks the bounded candidate set of a search, and keeps the rankings.

    The store owns one: it clears the cache and swaps in fresh BM25 statistics
    (vocabulary, averages) on every reload().
    """

    def __init__(self, bm25: Bm25, capacity: int) -> None:
        """capacity: how many searches keep their ranked candidates (0: none)."""
        self.bm25 = bm25
        self.capacity = capacity
        self.cache: dict[tuple[str, str], list[int]] = {}

    async def ranked(self, read: Reader, match: str, topic: list[str]) -> list[int]:
        """The bounded candidate set of a search, ranked; kept until reload() (the store
        only changes through an ingest, which reloads), so a repeated search is not re-ranked."""
        key = (match, "\x1f".join(topic))
        cached = self.cache.get(key)
        if cached is not None:
            return cached
        single = len(topic) == 1
        args: dict[str, str | int] = {"match": match, "candidates": QUOTE_CANDIDATES}
        if single:
            args["in_text"] = "{text}: (" + fts_query(topic) + ")"
            args["exact"] = min(QUOTE_EXACT_MAX, QUOTE_CANDIDATES)
            sql = CANDIDATES_COUNTED
        else:
            sql = CANDIDATES_HIGHLIGHTED
        rows = await read().execute_fetchall(sql, args)
        candidates = json.loads(next(iter(rows))[0])  # [rowid, text, context, docsize hex]
        if single:
            ranked = self.bm25.rank_counted(candidates, topic[0])
        else:
            ranked = self.bm25.rank(candidates, topic)
        if self.capacity > 0:
            if len(self.cache) >= self.capacity:
                self.cache.pop(next(iter(self.cache)))
            self.cache[key] = ranked
        return ranked


async def search_quotes_counted(
    read: Reader,
    ranker: QuoteRanker,
    topic: Sequence[str],
    speakers: Sequence[str],
    *,
    exclude: Sequence[int],
    limit: int,
) -> QuoteSearch:
    """Quotes matching every topic word (stemmed), by any of the speakers, best first,
    and how many quotes match in all (at most QUOTE_CANDIDATES).

    Only the `limit` quotes returned are read in full; the count is the size
    of the ranked candidate set, so it costs no extra query.
    """
    speaker_ids = await _person_ids(read, speakers)
    if speakers and not speaker_ids:
        return QuoteSearch([], 0, False)
    clauses: list[str] = []
    if topic:
        clauses.append("{text context}: (" + fts_query(list(topic)) + ")")
    if speaker_ids:
        clauses.append("speaker: (" + " OR ".join(f'"p{i}"' for i in speaker_ids) + ")")
    if not clauses:
        rows = await read().execute_fetchall(
            "SELECT rowid FROM quotes_fts ORDER BY rowid LIMIT ?", (QUOTE_CANDIDATES + 1,)
        )
        ranked = [int(r[0]) for r in rows]
    elif not topic:  # speaker only: every score is zero, rowid order (see Bm25.rank)
        rows = await read().execute_fetchall(
            "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid LIMIT ?",
            (" AND ".join(clauses), QUOTE_CANDIDATES + 1),
        )
        ranked = [int(r[0]) for r in rows]
    else:
        ranked = await ranker.ranked(read, " AND ".join(clauses), list(topic))
    bounded = len(ranked) > QUOTE_CANDIDATES
    ranked = ranked[:QUOTE_CANDIDATES]
    excluded = set(exclude)
    chosen = [rowid for rowid in ranked if rowid not in excluded][:limit]
    found = await quotes_by_id(read, chosen)
    return QuoteSearch(found, len(ranked), bounded)


async def _person_ids(read: Reader, names: Sequence[str]) -> list[int]:
    if not names:
        return []
    marks = ",".join("?" * len(names))
    rows = await read().execute_fetchall(
        f"SELECT id FROM people WHERE name IN ({marks}) ORDER BY id", tuple(names)
    )
    return [int(r[0]) for r in rows]
