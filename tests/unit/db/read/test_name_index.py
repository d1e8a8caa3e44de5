"""The in-memory lookups: topic autocomplete ranks like a full sort, and only people
with a quote to serve are speakers."""

from __future__ import annotations

import random
from pathlib import Path

from bot.answers.quote import find_quote, split_query
from bot.answers.requests import QuoteRequest
from db.read.name_index import TOPIC_TOP_KEEP, TopicIndex
from db.read.store import Store
from db.records import EventRecord, ParsedDocument, PartialDate, PersonRecord, QuoteRecord, Span
from tests.stores import write_store


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


async def test_only_people_with_quotes_are_speakers(tmp_path: Path) -> None:
    """Autocomplete offers the quoted person, not one the text only writes about, whose
    name in a /quote query is then a topic word."""
    quoted, written_about = "Ada Novak", "Bruno Keller"
    people = [PersonRecord(quoted, {"Novak"}), PersonRecord(written_about, {"Keller"})]
    day = PartialDate(2004, 2, 3, "day")
    event = EventRecord(
        day, "Keller opens the bridge", "Keller opens it.", [written_about], Span(0, 5)
    )
    quote = QuoteRecord(quoted, "Keller built the bridge we need.", day, None, False, Span(6, 9))
    doc = ParsedDocument("Invented", None, people, [event], [quote])
    path = write_store(tmp_path / "speakers.sqlite3", [("texts/bridge.txt", doc)])
    async with await Store.open(path) as store:
        assert store.complete_speaker("") == [quoted]
        assert store.complete_speaker("kel") == []
        assert split_query(store, "keller") == ([], ["keller"])
        found = await find_quote(store, QuoteRequest("keller"))
        assert found.quote is not None
        assert found.quote.speaker == quoted
