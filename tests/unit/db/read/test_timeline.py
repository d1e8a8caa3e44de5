"""Store.timeline_span: pages, ends and the bounded count give what a brute-force query
over the events table gives, on a generated store with dates on both sides of year zero."""

from __future__ import annotations

import random
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers.errors import UserError
from bot.answers.requests import TimelineRequest
from bot.answers.timeline import TIMELINE_PAGE, find_timeline
from bot.console.render import render_json, render_text
from bot.discord_bot.render import timeline_embeds
from db import schema
from db.read import timeline as timeline_query
from db.read.store import Store, TopicTooBroadError
from db.records import EventRecord, ParsedDocument, PartialDate, Span, timeline_key
from tests.stores import write_store

EVENTS = 3000
PER_DOCUMENT = 100
# word -> share of events whose title carries it
WORDS = {"commonword": 0.6, "middleword": 0.1, "rareword": 0.005}


def _date(rng: random.Random) -> PartialDate:
    year, month, day = rng.randint(1900, 1990), rng.randint(1, 12), rng.randint(1, 28)
    if rng.random() < 0.05:  # before Christ: negative sort keys
        year = -rng.randint(1, 60)
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
    """A store of EVENTS events over 60 BC - 1990, ties in dates, some without a year."""
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
    """Every matching event id with a known year in range, in date order (no FTS)."""
    conn = sqlite3.connect(path)
    try:
        where = "e.year IS NOT NULL AND e.sort_key BETWEEN ? AND ?"
        params: tuple[object, ...] = (low, high)
        if word:
            where += " AND ' ' || e.title || ' ' LIKE '% ' || ? || ' %'"
            params += (word,)
        rows = conn.execute(
            f"SELECT e.id FROM events e WHERE {where} ORDER BY e.sort_key, e.id", params
        )
        return [int(r[0]) for r in rows]
    finally:
        conn.close()


STRATEGIES = {
    "default": {},
    "count capped": {"TIMELINE_COUNT_MAX": 30},
    "count capped, deep pages refused": {"TIMELINE_COUNT_MAX": 30, "TIMELINE_OFFSET_MAX": 40},
}
RANGES = [
    (-(10**9), 10**9),
    (0, 10**9),
    (-600000, -100000),
    (19500000, 19601231),
    (19700315, 19700315),
    (19991231, 20001231),
]


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
        for offset in (0, 8, 40, 48, max(0, len(want) - 3), len(want) + 5):
            counted = topic and len(want) <= timeline_query.TIMELINE_COUNT_MAX
            if topic and not counted and offset > timeline_query.TIMELINE_OFFSET_MAX:
                with pytest.raises(TopicTooBroadError):
                    await store.timeline_span(topic, start=low, end=high, limit=8, offset=offset)
                continue
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
    """Reading to the end of a bounded count learns the exact total."""
    monkeypatch.setattr(timeline_query, "TIMELINE_COUNT_MAX", 50)
    want = brute(generated, "middleword", -(10**9), 10**9)
    first = await store.timeline_span(["middleword"], limit=8)
    assert first.total_is_lower_bound
    assert first.total < len(want)
    last_offset = (len(want) - 1) // 8 * 8
    last = await store.timeline_span(["middleword"], limit=8, offset=last_offset)
    assert not last.total_is_lower_bound
    assert last.total == len(want)


async def test_search_index_is_keyed_by_date(generated: Path) -> None:
    """events_fts holds exactly the events with a year, under their timeline keys."""
    conn = sqlite3.connect(generated)
    try:
        keys = {int(r[0]) for r in conn.execute("SELECT rowid FROM events_fts")}
        events = conn.execute("SELECT sort_key, id FROM events WHERE year IS NOT NULL")
        assert keys == {timeline_key(sort_key, event_id) for sort_key, event_id in events}
    finally:
        conn.close()


async def test_lower_bound_reaches_answers_and_renderers(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'N+ events' and 'Page 1 of M+' in text and Discord; the JSON carries the flag."""
    monkeypatch.setattr(timeline_query, "TIMELINE_COUNT_MAX", 200)
    answer = await find_timeline(store, TimelineRequest("commonword", full=True))
    assert answer.total_is_lower_bound
    assert answer.pages == -(-answer.total // TIMELINE_PAGE)
    text = render_text(answer)
    assert f"{answer.total:,}+ events" in text
    assert f"Page 1 of {answer.pages:,}+" in text
    assert render_json(answer)["total_is_lower_bound"] is True
    [embed] = timeline_embeds(answer)
    assert f"{answer.total:,}+ events" in (embed.description or "")
    assert (embed.footer.text or "").endswith(f"of {answer.pages:,}+")
    moments = await find_timeline(store, TimelineRequest("commonword"))
    assert f"8 key moments of {answer.total:,}+ events" in render_text(moments)
    [embed] = timeline_embeds(moments)
    assert f"8 key moments of {answer.total:,}+ events" in (embed.description or "")
    assert embed.footer.text == f"Full list: {answer.pages:,}+ pages in date order"


async def test_exact_count_renders_without_plus(store: Store) -> None:
    """A rare word is counted exactly."""
    answer = await find_timeline(store, TimelineRequest("rareword"))
    assert not answer.total_is_lower_bound
    assert "+" not in render_text(answer).splitlines()[0]


def test_migration_rekeys_a_store_of_the_previous_version(tmp_path: Path) -> None:
    """A store whose events_fts was keyed by event id is re-keyed by date, text kept."""
    conn = sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None)
    try:
        schema.configure(conn)
        schema.migrate(conn, schema.CONTENT_SCHEMA, upto=3)
        conn.execute(
            "INSERT INTO documents (id, path, title, sha256, bytes, ingested_at)"
            " VALUES (1, 'a.txt', 'A', 'x', 1, '2026-01-01')"
        )
        dated = [(1, "1969-07-20", "day", 1969, 7, 20), (2, "-0044-03-15", "day", -44, 3, 15)]
        undated = [(3, "--09-11", "month-day", None, 9, 11)]
        for event_id, iso, precision, year, month, day in dated + undated:
            sort_key = (year or 0) * 10_000 + month * 100 + day
            conn.execute(
                "INSERT INTO events (id, document_id, date, precision, year, month, day,"
                " sort_key, title, summary, span_start, span_end)"
                " VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, 's', 0, 1)",
                (event_id, iso, precision, year, month, day, sort_key, f"title{event_id}"),
            )
            conn.execute(
                "INSERT INTO events_fts (rowid, title, summary, people) VALUES (?, ?, 's', '')",
                (event_id, f"title{event_id}"),
            )
        schema.migrate(conn, schema.CONTENT_SCHEMA)
        found = dict(conn.execute("SELECT rowid, title FROM events_fts ORDER BY rowid"))
        assert found == {
            timeline_key(-44 * 10_000 + 315, 2): "title2",
            timeline_key(19690720, 1): "title1",
        }
    finally:
        conn.close()


async def test_a_count_out_of_time_becomes_a_lower_bound(
    store: Store, generated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A count stopped by its time limit still gives the right page, as '8+ events'."""
    monkeypatch.setattr(timeline_query, "COUNT_WITHIN_MS", 0)
    want = brute(generated, "commonword", -(10**9), 10**9)
    span = await store.timeline_span(["commonword"], limit=8)
    assert [e.id for e in span.events] == want[:8]
    assert span.total_is_lower_bound
    assert span.total == 9  # what is known: this page and one more


async def test_a_page_out_of_time_is_too_broad(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deep page that cannot be found in time is refused with a way to narrow it."""
    monkeypatch.setattr(timeline_query, "COUNT_WITHIN_MS", 0)
    monkeypatch.setattr(timeline_query, "PAGE_WITHIN_MS", 0)
    with pytest.raises(TopicTooBroadError):
        await store.timeline_span(["commonword"], limit=8, offset=800)
    with pytest.raises(UserError, match="too deep to find quickly") as raised:
        await find_timeline(store, TimelineRequest("commonword", page=101))
    assert "from: " in str(raised.value.example)
