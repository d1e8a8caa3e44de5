"""Store.timeline_span: both strategies (sort the matches, walk the date index) and the
bounded count give what a brute-force query gives, on a generated store."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot import answers
from bot.render_discord import timeline_embeds
from bot.render_text import render_json, render_text
from db import timeline_query
from db.records import EventRecord, ParsedDocument, PartialDate, Span
from db.store import Store
from tests.stores import write_store

EVENTS = 3000
PER_DOCUMENT = 100
# word -> share of events whose title carries it
WORDS = {"commonword": 0.6, "middleword": 0.1, "rareword": 0.005}


def _date(rng: random.Random) -> PartialDate:
    year, month, day = rng.randint(1900, 1990), rng.randint(1, 12), rng.randint(1, 28)
    roll = rng.random()
    if roll < 0.8:
        return PartialDate(year, month, day, "day")
    if roll < 0.88:
        return PartialDate(year, month, None, "month")
    if roll < 0.94:
        return PartialDate(year, None, None, "year")
    return PartialDate(None, month, day, "month-day")


def _events(rng: random.Random, count: int) -> list[EventRecord]:
    found = []
    for i in range(count):
        title = " ".join(["event", str(i), *(w for w, p in WORDS.items() if rng.random() < p)])
        found.append(EventRecord(_date(rng), title, "summary", [], Span(0, 1)))
    return found


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store of EVENTS events over 1900-1990, ties in dates, some without a year."""
    path = tmp_path_factory.mktemp("span") / "content.sqlite3"
    rng = random.Random(20260616)
    documents = [
        (f"texts/{d}.txt", ParsedDocument(f"Doc {d}", None, [], _events(rng, PER_DOCUMENT), []))
        for d in range(EVENTS // PER_DOCUMENT)
    ]
    return write_store(path, documents)


@pytest.fixture
async def store(generated: Path) -> AsyncIterator[Store]:
    """The read Store over the generated file."""
    opened = await Store.open(generated)
    try:
        yield opened
    finally:
        await opened.close()


def brute(path: Path, word: str, low: int, high: int) -> list[int]:
    """Every matching event id with a known year in range, in date order."""
    conn = sqlite3.connect(path)
    try:
        where = "e.year IS NOT NULL AND e.sort_key BETWEEN ? AND ?"
        params: tuple[object, ...] = (low, high)
        if word:
            where += " AND e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
            params += (f'"{word}"',)
        rows = conn.execute(
            f"SELECT e.id FROM events e WHERE {where} ORDER BY e.sort_key, e.id", params
        )
        return [int(r[0]) for r in rows]
    finally:
        conn.close()


STRATEGIES = {
    "default": {},
    "walk, exact count": {
        "TIMELINE_SORT_MAX": 5,
        "TIMELINE_COUNT_SCAN": 100_000,
        "TIMELINE_COUNT_MAX": 100_000,
    },
    "walk, count capped": {"TIMELINE_SORT_MAX": 5, "TIMELINE_COUNT_MAX": 30},
    "walk, scan bounded": {"TIMELINE_SORT_MAX": 5, "TIMELINE_COUNT_SCAN": 50},
    "sort everything": {"TIMELINE_SORT_MAX": 100_000, "TIMELINE_COUNT_SCAN": 100_000},
}
RANGES = [(0, 10**9), (19500000, 19601231), (19700315, 19700315), (19991231, 20001231)]


@pytest.mark.parametrize("strategy", list(STRATEGIES))
@pytest.mark.parametrize("word", ["", *WORDS])
async def test_span_matches_brute_force(
    store: Store, generated: Path, monkeypatch: pytest.MonkeyPatch, strategy: str, word: str
) -> None:
    """Pages, first, last and the count agree with one unbounded query, at every offset."""
    for name, value in STRATEGIES[strategy].items():
        monkeypatch.setattr(timeline_query, name, value)
    topic = [word] if word else []
    for low, high in RANGES:
        want = brute(generated, word, low, high)
        for offset in (0, 8, 40, max(0, len(want) - 3), len(want) + 5):
            span = await store.timeline_span(topic, start=low, end=high, limit=8, offset=offset)
            assert [e.id for e in span.events] == want[offset : offset + 8]
            assert (span.first.id if span.first else None) == (want[0] if want else None)
            assert (span.last.id if span.last else None) == (want[-1] if want else None)
            if span.total_is_lower_bound:
                assert span.total <= len(want)
                if span.events:  # a page within the span: the count covers a next page
                    assert span.total >= offset + len(span.events) + 1
            else:
                assert span.total == len(want)


async def test_bounded_count_is_exact_on_the_last_page(
    store: Store, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Walking to the end of a bounded count learns the exact total."""
    monkeypatch.setattr(timeline_query, "TIMELINE_SORT_MAX", 5)
    monkeypatch.setattr(timeline_query, "TIMELINE_COUNT_SCAN", 50)
    want = brute(generated, "middleword", 0, 10**9)
    first = await store.timeline_span(["middleword"], limit=8)
    assert first.total_is_lower_bound
    assert first.total < len(want)
    last_offset = (len(want) - 1) // 8 * 8
    last = await store.timeline_span(["middleword"], limit=8, offset=last_offset)
    assert not last.total_is_lower_bound
    assert last.total == len(want)


async def test_lower_bound_reaches_answers_and_renderers(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'N+ events' and 'Page 1 of M+' in text and Discord; the JSON carries the flag."""
    monkeypatch.setattr(timeline_query, "TIMELINE_SORT_MAX", 5)
    monkeypatch.setattr(timeline_query, "TIMELINE_COUNT_SCAN", 200)
    answer = await answers.timeline(store, "commonword")
    assert answer.total_is_lower_bound
    assert answer.pages == -(-answer.total // answers.TIMELINE_PAGE)
    text = render_text(answer)
    assert f"{answer.total:,}+ events" in text
    assert f"Page 1 of {answer.pages:,}+" in text
    assert render_json(answer)["total_is_lower_bound"] is True
    [embed] = timeline_embeds(answer)
    assert f"{answer.total:,}+ events" in (embed.description or "")
    assert (embed.footer.text or "").endswith(f"of {answer.pages:,}+")


async def test_exact_count_renders_without_plus(store: Store) -> None:
    """A rare word is counted exactly."""
    answer = await answers.timeline(store, "rareword")
    assert not answer.total_is_lower_bound
    assert "+" not in render_text(answer).splitlines()[0]
