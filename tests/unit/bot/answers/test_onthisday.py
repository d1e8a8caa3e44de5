"""/onthisday reads only the events and quotes it shows and counts the rest of a busy day."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from bot.answers.onthisday import DAY_EVENTS, DAY_QUOTES, on_this_day
from bot.answers.requests import OnThisDayRequest
from bot.answers.when import MonthDay
from bot.console.render import render_text
from bot.discord_bot.render import on_this_day_embeds
from db.read import onthisday as day_query
from db.read.store import Store
from db.records import EventRecord, ParsedDocument, PartialDate, PersonRecord, QuoteRecord, Span
from tests.stores import write_store

EVENTS = 30
QUOTES = 12
TODAY = date(2025, 6, 1)


def _busy_day() -> ParsedDocument:
    """EVENTS events and QUOTES quotes on 16 June of different years, and one on 17 June."""
    events = [
        EventRecord(PartialDate(1950 + i, 6, 16, "day"), f"Meeting number {i}", "", [], Span(0, 1))
        for i in range(EVENTS)
    ]
    events.append(EventRecord(PartialDate(2001, 6, 17, "day"), "Next day", "", [], Span(0, 1)))
    quotes = [
        QuoteRecord(
            "Ada Novak",
            f"Words number {i}.",
            PartialDate(1960 + i, 6, 16, "day"),
            None,
            False,
            Span(0, 1),
        )
        for i in range(QUOTES)
    ]
    return ParsedDocument("Busy", None, [PersonRecord("Ada Novak", {"Novak"})], events, quotes)


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[Store]:
    """A store with one busy day."""
    path = write_store(tmp_path / "content.sqlite3", [("texts/busy.txt", _busy_day())])
    opened = await Store.open(path)
    try:
        yield opened
    finally:
        await opened.close()


async def test_only_the_shown_are_read_and_the_rest_counted(store: Store) -> None:
    """The first DAY_EVENTS events (oldest first) and DAY_QUOTES quotes; exact totals."""
    answer = await on_this_day(store, OnThisDayRequest(MonthDay(6, 16), TODAY))
    assert [e.date.year for e in answer.events] == list(range(1950, 1950 + DAY_EVENTS))
    assert len(answer.quotes) == DAY_QUOTES
    assert (answer.events_total, answer.quotes_total) == (EVENTS, QUOTES)
    summary = on_this_day_embeds(answer)[0].description or ""
    assert summary.startswith(f"{EVENTS} events · {QUOTES} quotes (the first")
    assert f"(the first {DAY_EVENTS} shown)" in summary
    text = render_text(answer)
    assert f"({EVENTS} events that day; the first {DAY_EVENTS} shown)" in text
    assert f"({QUOTES} quotes that day; the first {DAY_QUOTES} shown)" in text


async def test_a_day_past_the_bound_is_counted_as_a_lower_bound(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Counting stops after DAY_COUNT_MAX: the answer says "20+", never a wrong exact number."""
    monkeypatch.setattr(day_query, "DAY_COUNT_MAX", 20)
    monkeypatch.setattr("bot.answers.formatting.DAY_COUNT_MAX", 20)
    answer = await on_this_day(store, OnThisDayRequest(MonthDay(6, 16), TODAY))
    assert answer.events_total == 21  # counted up to the bound and one more
    summary = on_this_day_embeds(answer)[0].description or ""
    assert summary.startswith(f"20+ events · {QUOTES} quotes")
    assert "(20+ events that day; the first 10 shown)" in render_text(answer)


async def test_a_quiet_day_says_nothing_about_more(store: Store) -> None:
    """One event: no "first N shown" note anywhere."""
    answer = await on_this_day(store, OnThisDayRequest(MonthDay(6, 17), TODAY))
    assert (len(answer.events), answer.events_total, answer.quotes_total) == (1, 1, 0)
    assert "shown" not in (on_this_day_embeds(answer)[0].description or "")
    assert "shown" not in render_text(answer)
