"""The in-memory autocomplete lookups give what a sort of the whole vocabulary gives."""

from __future__ import annotations

import random

from db.lookup import TOPIC_TOP_KEEP, TopicIndex


def test_empty_prefix_ranks_like_a_full_sort() -> None:
    """The most used words first, ties in word order, for every limit up to what is kept."""
    rng = random.Random(7)
    letters = "abcdefghij"
    spelled = {"".join(rng.choice(letters) for _ in range(6)) for _ in range(5_000)}
    vocabulary = [(word, rng.randint(1, 40)) for word in sorted(spelled)]
    index = TopicIndex(vocabulary)
    ranked = [w for w, _ in sorted(sorted(vocabulary), key=lambda item: -item[1])]
    for limit in (1, 25, TOPIC_TOP_KEEP):
        assert index.complete("", limit) == ranked[:limit]
        assert index.complete("   ", limit) == ranked[:limit]
    assert index.complete("abc", 3) == [w for w in ranked if w.startswith("abc")][:3]
