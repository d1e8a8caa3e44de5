"""BM25 over a bounded set of FTS5 candidates, without FTS5's full-match count.

FTS5's bm25() computes each term's document frequency by visiting every row that
contains it, before scoring even one row; for a word in a quarter of a million
quotes that is most of the query's time. This module scores the candidates with
the same formula and column weights as bm25(quotes_fts, 1.0, 0.5, 0.0), taking
term frequencies from highlight() markers, row lengths from the docsize table, the
row count and average length from the FTS5 averages record, and each term's
document frequency from the vocabulary table (surface words, an estimate; it
only weighs terms against each other, so single-word queries rank exactly).
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
