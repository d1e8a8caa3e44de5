"""/quote reads only what it shows: search_quotes_counted's bounded count, the ranked
candidate cache, and find_quote's rounds without repeats."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers.quote import QUOTE_MORE, find_quote
from bot.answers.requests import QuoteRequest
from bot.console.render import render_text
from bot.discord_bot.render import quote_embed
from db.read import quotes as quote_search
from db.read.store import Store
from db.records import ParsedDocument, PartialDate, PersonRecord, QuoteRecord, Span
from tests.stores import write_store

SPEAKER = "Ada Novak"
QUOTES = 23


def _document() -> ParsedDocument:
    quotes = [
        QuoteRecord(
            SPEAKER,
            f"The harbour {'needs ' * (i % 4)}ships, number {i}{' and more words' * (i % 3)}"
            + (" at the pier." if i % 5 == 0 else "."),
            PartialDate(2000 + i, 1, 1, "day"),
            "by the pier" if i % 5 == 2 else ["at the quay", "harbour needs quay", None][i % 3],
            False,
            Span(0, 10),
        )
        for i in range(QUOTES)
    ]
    quotes.append(QuoteRecord(SPEAKER, "Only once: lighthouse.", None, None, False, Span(0, 5)))
    return ParsedDocument("Quotes", None, [PersonRecord(SPEAKER, {"Novak"})], [], quotes)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    """A store of QUOTES quotes about the harbour and one about a lighthouse."""
    path = write_store(tmp_path / "content.sqlite3", [("texts/q.txt", _document())])
    opened = await Store.open(path)
    try:
        yield opened
    finally:
        await opened.close()


async def test_count_is_bounded_and_limit_respected(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Only `limit` quotes come back; the count is every match, up to QUOTE_CANDIDATES,
    and a count that reached the bound says it is a lower bound."""
    found, total, bounded = await store.search_quotes_counted(["harbour"], limit=3)
    assert (len(found), total, bounded) == (3, QUOTES, False)
    assert len(await store.search_quotes(["harbour"], limit=QUOTES)) == total
    monkeypatch.setattr(quote_search, "QUOTE_CANDIDATES", 10)
    store._ranker.cache.clear()
    assert (await store.search_quotes_counted(["harbour"], limit=3))[1:] == (10, True)
    answer = await find_quote(store, QuoteRequest("harbour"))
    assert (answer.total, answer.total_is_lower_bound) == (10, True)
    assert "quote 1 of 10+ matching" in (quote_embed(answer).footer.text or "")
    assert "(10+ quotes match)" in render_text(answer)


@pytest.mark.parametrize("word", ["harbour", "needs", "ships", "quay", "pier"])
async def test_single_word_ranking_is_fts5_bm25(store: Store, tmp_path: Path, word: str) -> None:
    """A search with fewer matches than the bound ranks exactly as FTS5's own bm25()
    with the same column weights: term counts in text and context, row lengths."""
    ranked = [q.id for q in await store.search_quotes([word], limit=100)]
    conn = sqlite3.connect(tmp_path / "content.sqlite3")
    try:
        want = [
            int(rowid)
            for (rowid,) in conn.execute(
                "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?"
                " ORDER BY bm25(quotes_fts, 1.0, 0.5, 0.0), rowid",
                (f'{{text context}}: "{word}"',),
            )
        ]
    finally:
        conn.close()
    assert len(want) > 3
    assert ranked == want


async def test_cached_ranking_matches_a_fresh_one(store: Store) -> None:
    """A repeated search gives the same quotes; reload() drops the cache."""
    first = await store.search_quotes(["harbour", "ships"], limit=QUOTES)
    again = await store.search_quotes(["harbour", "ships"], limit=QUOTES)
    await store.reload()
    assert not store._ranker.cache
    fresh = await store.search_quotes(["harbour", "ships"], limit=QUOTES)
    assert [q.id for q in first] == [q.id for q in again] == [q.id for q in fresh]


async def test_find_quote_serves_every_match_once_per_round(store: Store) -> None:
    """With the ids seen so far, each answer is a new quote until all were shown."""
    seen: list[int] = []
    for _ in range(QUOTES):
        answer = await find_quote(store, QuoteRequest("harbour", seen=seen))
        assert answer.quote is not None
        assert answer.quote.id not in seen
        assert answer.total == QUOTES
        assert len(answer.more) == min(QUOTE_MORE, QUOTES - len(seen) - 1)
        seen.append(answer.quote.id)
    again = await find_quote(store, QuoteRequest("harbour", seen=seen))
    assert again.quote is not None
    assert again.quote.id == seen[0]  # a new round starts with the best match


async def test_speaker_only_and_no_match(store: Store) -> None:
    """A speaker alone serves their quotes in order; an unknown word serves none."""
    answer = await find_quote(store, QuoteRequest("novak"))
    assert answer.quote is not None
    assert answer.total == QUOTES + 1
    none = await find_quote(store, QuoteRequest("zeppelin"))
    assert none.quote is None
    assert none.total == 0


@pytest.mark.parametrize("word", ["ships", "quay", "pier"])
async def test_a_common_word_is_ranked_within_its_sample(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    """Past the bound a word is ranked within its first matches without highlight():
    once in the text, else once in the context. For a word used at most once per row
    and column, in the text or the context only, that is exactly FTS5's bm25() order."""
    monkeypatch.setattr(quote_search, "QUOTE_CANDIDATES", 5)
    monkeypatch.setattr(quote_search, "QUOTE_EXACT_MAX", 3)
    found, total, bounded = await store.search_quotes_counted([word], limit=5)
    assert (total, bounded) == (5, True)
    conn = sqlite3.connect(tmp_path / "content.sqlite3")
    try:
        match = (f'{{text context}}: "{word}"',)
        sample = {
            int(r)
            for (r,) in conn.execute(
                "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? ORDER BY rowid LIMIT 6",
                match,
            )
        }
        ranked = conn.execute(
            "SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?"
            " ORDER BY bm25(quotes_fts, 1.0, 0.5, 0.0), rowid",
            match,
        )
        want = [int(r) for (r,) in ranked if int(r) in sample][:5]
    finally:
        conn.close()
    assert [q.id for q in found] == want


async def test_a_word_past_the_exact_bound_keeps_an_exact_count(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Between QUOTE_EXACT_MAX and QUOTE_CANDIDATES matches: scored by presence, but
    every match is a candidate, so the count is exact and not a lower bound."""
    exact = [q.id for q in await store.search_quotes(["pier"], limit=50)]
    monkeypatch.setattr(quote_search, "QUOTE_EXACT_MAX", 3)
    store._ranker.cache.clear()
    found, total, bounded = await store.search_quotes_counted(["pier"], limit=50)
    assert (total, bounded) == (len(exact), False)
    assert [q.id for q in found] == exact  # "pier" is once per row, in one column


async def test_a_word_as_typed_comes_before_one_that_only_shares_its_stem(
    tmp_path: Path,
) -> None:
    """'communism' and 'community' share the stem 'commun': the quote that says
    'communism' is served first even where BM25 prefers the shorter one."""
    said = [
        QuoteRecord(SPEAKER, "We met the community.", None, None, False, Span(0, 5)),
        QuoteRecord(
            SPEAKER,
            "I believed in communism once, and I was ready to give my whole life for it.",
            None,
            None,
            False,
            Span(0, 5),
        ),
    ]
    document = ParsedDocument("Stems", None, [PersonRecord(SPEAKER, {"Novak"})], [], said)
    path = write_store(tmp_path / "stems.sqlite3", [("texts/s.txt", document)])
    async with await Store.open(path) as stems:
        ranked = await stems.search_quotes(["communism"], limit=2)
        assert ranked[0].text == "We met the community."  # BM25 alone: the shorter first
        answer = await find_quote(stems, QuoteRequest("communism"))
        assert answer.quote is not None
        assert "communism" in answer.quote.text
        assert [q.text for q in answer.more] == ["We met the community."]
