"""FENCED FAST PATH: /quote's ranking reads FTS5's own records, because bm25() cannot
be bounded. Everything here has a plain equivalent; tests hold the two equal.

FTS5's bm25() computes each term's document frequency by visiting every row that
contains it, before scoring even one row; for a word in a quarter of a million
quotes that is most of the query's time. So the candidates (the first matches in
store order) come back from one query (the SQL templates below), and Bm25 scores
them with the same formula and column weights as bm25(quotes_fts, 1.0, 0.5, 0.0),
taking term frequencies from highlight() markers, row lengths from the docsize
table, the row count and average length from the FTS5 averages record, and each
term's document frequency from the vocabulary table (surface words, an estimate;
it only weighs terms against each other, so single-word queries rank exactly).
The plain form: `ORDER BY bm25(quotes_fts, 1.0, 0.5, 0.0)`, as the tests of
bot/answers/quote.py and the benchmark's reference query write it.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

K1 = 1.2
B = 0.75
WEIGHTS = (1.0, 0.5)  # text, context; the speaker column weighs 0

_MARKED = re.compile("\x01(.*?)\x02", re.DOTALL)


# The candidates of a ranked /quote search come back as ONE row, a JSON array of
# [rowid, text, context, docsize hex]. SQLite then does all of highlight()'s work (the
# dearest part of /quote) in one step, without the GIL, in the reader's thread; row by
# row, that thread needed the GIL back after every row, and in a burst it waited on the
# event loop for it. :match is the MATCH expression, :candidates the bound (one more
# row is read, to know whether the bound was reached).
_CANDIDATES = """
SELECT json_group_array(json_array(id, {text}, {context}, hex(sz))) FROM (
  SELECT f.rowid AS id, highlight(quotes_fts, 0, char(1), char(2)) AS t,
         highlight(quotes_fts, 1, char(1), char(2)) AS c, s.sz AS sz
  FROM quotes_fts f JOIN quotes_fts_docsize s ON s.id = f.rowid
  WHERE quotes_fts MATCH :match LIMIT :candidates + 1)
"""
CANDIDATES_HIGHLIGHTED = _CANDIDATES.format(text="t", context="c")

# One topic word: only its count per column leaves SQLite. Exact (from highlight()
# markers) when it has at most :exact matches. A commoner word is ranked within its
# sample without highlight(): a row has the word once in the text, or else once in
# the context (a rowid-range query for :in_text, the word in the text column, tells
# which), so the shortest quotes that use it in their words come first.
CANDIDATES_COUNTED = """
SELECT CASE WHEN (SELECT count(*) FROM (
    SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :match LIMIT :exact + 1)) <= :exact
  THEN ({counted})
  ELSE (
    WITH c AS MATERIALIZED (
      SELECT f.rowid AS id, s.sz AS sz
      FROM quotes_fts f JOIN quotes_fts_docsize s ON s.id = f.rowid
      WHERE f.quotes_fts MATCH :match LIMIT :candidates + 1),
    t AS MATERIALIZED (
      SELECT g.rowid AS id FROM quotes_fts g WHERE g.quotes_fts MATCH :in_text
      AND g.rowid BETWEEN (SELECT min(id) FROM c) AND (SELECT max(id) FROM c))
    SELECT json_group_array(json_array(c.id, c.id IN t, c.id NOT IN t, hex(c.sz))) FROM c)
END
""".format(
    counted=_CANDIDATES.format(
        text="length(t) - length(replace(t, char(1), ''))",
        context="ifnull(length(c) - length(replace(c, char(1), '')), 0)",
    )
)

# FTS5's averages record (row count, then tokens per column), as Bm25 takes it.
AVERAGES = "SELECT block FROM quotes_fts_data WHERE id = 1"


def _varints(block: bytes) -> list[int]:
    """SQLite varints, as FTS5 stores its averages record (row count, then tokens per column)."""
    values: list[int] = []
    i = 0
    while i < len(block):
        value = 0
        for n in range(9):
            byte = block[i]
            i += 1
            if n == 8:
                value = (value << 8) | byte
                break
            value = (value << 7) | (byte & 0x7F)
            if not byte & 0x80:
                break
        values.append(value)
    return values


def _common_prefix(a: str, b: str) -> int:
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


class Bm25:
    """Scores candidate rows of quotes_fts the way bm25() would, best first."""

    def __init__(self, document_frequency: Mapping[str, int], averages: bytes) -> None:
        self._df = document_frequency
        values = _varints(averages) if averages else []
        self._rows = max(1, values[0]) if values else 1
        total = sum(values[1:]) if len(values) > 1 else 0
        self._average_length = max(1.0, total / self._rows)

    def idf(self, term: str) -> float:
        """FTS5's IDF, with the document frequency estimated from the vocabulary."""
        hits = min(max(1, self._df.get(term, 1)), self._rows)
        value = math.log((self._rows - hits + 0.5) / (hits + 0.5))
        return value if value > 0 else 1e-6

    def rank(self, rows: Iterable[Sequence[Any]], terms: Sequence[str]) -> list[int]:
        """Row ids best first; rows are (rowid, highlighted text, highlighted context, docsize).

        docsize is the row's quotes_fts_docsize.sz blob (its token count per column)
        in hex, as SQL's hex() gives it.

        With no topic terms every score is zero (the speaker column weighs 0),
        so the order is by rowid, as bm25() with those weights gives.
        """
        wanted = [t.lower() for t in terms if t]
        if not wanted:
            return sorted(int(r[0]) for r in rows)
        if len(wanted) == 1:
            counted = (
                (rowid, (text or "").count("\x01"), (context or "").count("\x01"), sizes)
                for rowid, text, context, sizes in rows
            )
            return self.rank_counted(counted, wanted[0])
        scored = self._scored_multi(rows, [self.idf(t) for t in wanted], wanted)
        scored.sort()
        return [rowid for _, rowid in scored]

    def rank_counted(self, rows: Iterable[Sequence[Any]], term: str) -> list[int]:
        """Row ids best first for one term; rows are (rowid, the term's count in the
        text, its count in the context, docsize): counts a query can take from
        highlight() inside SQLite, so no text leaves it.

        Rows share a handful of (counts, lengths), so each score is computed once.
        """
        idf = self.idf(term.lower())
        text_weight, context_weight = WEIGHTS
        scores: dict[tuple[int, int, str], float] = {}
        scored: list[tuple[float, int]] = []
        for rowid, in_text, in_context, sizes in rows:
            key = (in_text or 0, in_context or 0, sizes)
            score = scores.get(key)
            if score is None:
                freq = text_weight * key[0] + context_weight * key[1]
                score = scores[key] = -idf * freq * (K1 + 1) / (freq + self._norm(sizes))
            scored.append((score, int(rowid)))
        scored.sort()
        return [rowid for _, rowid in scored]

    def _norm(self, sizes: str) -> float:
        """BM25's length normalisation of a row from its docsize blob (tokens per
        column), as hex: the candidates come out of SQLite as one JSON row."""
        size = bytes.fromhex(sizes)
        length = sum(size) if size.isascii() else sum(_varints(size))
        return K1 * (1 - B + B * length / self._average_length)

    def _scored_multi(
        self, rows: Iterable[Sequence[Any]], idf: Sequence[float], wanted: Sequence[str]
    ) -> list[tuple[float, int]]:
        """Several terms: each highlighted token counts for the query term it stems from."""
        scored: list[tuple[float, int]] = []
        for rowid, text, context, sizes in rows:
            freq = [0.0] * len(wanted)
            for weight, column in zip(WEIGHTS, (text or "", context or ""), strict=True):
                for marked in _MARKED.findall(column):
                    freq[self._term_of(marked.lower(), wanted)] += weight
            norm = self._norm(sizes)
            score = sum(i * f * (K1 + 1) / (f + norm) for i, f in zip(idf, freq, strict=True))
            scored.append((-score, int(rowid)))
        return scored

    @staticmethod
    def _term_of(surface: str, terms: Sequence[str]) -> int:
        """Which query term a highlighted token stems from (longest shared prefix)."""
        if len(terms) == 1:
            return 0
        return max(range(len(terms)), key=lambda i: _common_prefix(surface, terms[i]))
