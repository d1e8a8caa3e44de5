"""In-memory lookups the store keeps beside SQLite: people by name, topics by prefix.

Autocomplete must answer within Discord's 3 seconds on every keystroke, so these
are sorted lists searched with bisect, built once per reload, never SQL scans.
"""

from __future__ import annotations

import bisect
import heapq
from collections.abc import Iterable

from db.text import name_key, words

# Speaker autocomplete keeps the first names of every prefix this short.
SHORT_PREFIX = 2
SHORT_KEEP = 50
# Topic autocomplete ranks at most this many words of a prefix by use.
TOPIC_WINDOW = 5000
# The most used words kept ranked for an empty prefix.
TOPIC_TOP_KEEP = 200


class SpeakerIndex:
    """Canonical names reachable by any alias, full or by one of its words."""

    def __init__(self, rows: Iterable[tuple[str, str | None]]) -> None:
        """rows: (canonical name, alias lookup key or None)."""
        index: dict[str, set[str]] = {}
        for name, norm in rows:
            for key in {name_key(name), norm} - {None, ""}:
                index.setdefault(str(key), set()).add(name)
            for token in name_key(name).split():
                if len(token) > 2:
                    index.setdefault(token, set()).add(name)
        self._by_key = index
        self.names = sorted({name for names in index.values() for name in names})
        self._index_prefixes()

    def _index_prefixes(self) -> None:
        pairs: set[tuple[str, int]] = set()
        for rank, name in enumerate(self.names):
            key = name_key(name)
            pairs.update((k, rank) for k in {key, *key.split()} if k)
        ordered = sorted(pairs)
        self._keys = [k for k, _ in ordered]
        self._ranks = [r for _, r in ordered]
        short: dict[str, set[int]] = {}
        for key, rank in ordered:
            for n in range(1, SHORT_PREFIX + 1):
                short.setdefault(key[:n], set()).add(rank)
        self._short = {p: sorted(r)[:SHORT_KEEP] for p, r in short.items()}

    def named(self, phrase: str) -> set[str]:
        """Canonical names a word or phrase can refer to ("putin", "bush jr")."""
        return set(self._by_key.get(name_key(phrase), set()))

    def complete(self, prefix: str, limit: int = 25) -> list[str]:
        """Names whose whole form or any word starts with prefix (alphabetical)."""
        key = name_key(prefix)
        if not key:
            return self.names[:limit]
        if len(key) <= SHORT_PREFIX and limit <= SHORT_KEEP:
            ranks = self._short.get(key, [])
        else:
            start = bisect.bisect_left(self._keys, key)
            end = bisect.bisect_left(self._keys, key + "\uffff", lo=start)
            ranks = sorted(set(self._ranks[start:end]))
        return [self.names[r] for r in ranks[:limit]]


def _uses(item: tuple[str, int]) -> int:
    return item[1]


class TopicIndex:
    """Words of served quotes with how many quotes use each, sorted by word."""

    def __init__(self, vocabulary: Iterable[tuple[str, int]]) -> None:
        self.counts = sorted((str(w), int(n)) for w, n in vocabulary)
        self._words = [w for w, _ in self.counts]
        # An empty prefix is typed at every first keystroke: rank the vocabulary once.
        self._top = [w for w, _ in heapq.nlargest(TOPIC_TOP_KEEP, self.counts, key=_uses)]

    def complete(self, prefix: str, limit: int = 25) -> list[str]:
        """Most quoted words starting with prefix (bounded: a slice of a sorted list)."""
        key = " ".join(words(prefix))
        if not key:
            return self._top[:limit]
        start = bisect.bisect_left(self._words, key)
        end = bisect.bisect_left(self._words, key + "\uffff", lo=start)
        window = self.counts[start : min(end, start + TOPIC_WINDOW)]
        return [w for w, _ in sorted(window, key=lambda item: -item[1])[:limit]]

    def __contains__(self, word: object) -> bool:
        i = bisect.bisect_left(self._words, str(word))
        return i < len(self._words) and self._words[i] == word
