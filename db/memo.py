"""A bounded memo for the extractor's hot, repetitive computations.

A dict subclass: a hit is a plain dict lookup (no Python call, unlike lru_cache's
wrapper), and only a miss runs Python (`__missing__`). When full it starts over
rather than tracking recency: the values recur within a document and its neighbours,
so a cleared memo refills at once. Kept out of the compiled (mypyc) modules, which
cannot subclass dict natively; they index it like any mapping.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class BoundedMemo(dict[K, V]):
    """memo[key] is make(key), computed once while at most `limit` keys are kept."""

    __slots__ = ("limit", "make")

    def __init__(self, make: Callable[[K], V], limit: int) -> None:
        super().__init__()
        self.make = make
        self.limit = limit

    def __missing__(self, key: K) -> V:
        if len(self) >= self.limit:
            self.clear()  # start over rather than grow without bound
        value = self[key] = self.make(key)
        return value
