"""The store's time limit: a user's statement that runs too long is interrupted and
answered with one line, while the store's own connection (reloads, daily posts) is not
limited, so a burst of user commands never holds up scheduled work."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.answers.bounds import TOO_SLOW
from bot.answers.errors import UserError
from bot.answers.requests import QuoteRequest, TimelineRequest
from bot.answers.timeline import TOPIC_WORDS_MAX, find_timeline
from db.read import store as store_module
from db.read.rows import time_limit_of, within
from db.read.store import QueryTimeoutError, Store
from db.records import EventRecord, ParsedDocument, PartialDate, Span
from tests.stores import write_store

EVENTS = 2000


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """EVENTS dated events in one document."""
    path = tmp_path_factory.mktemp("limit") / "content.sqlite3"
    events = [
        EventRecord(
            PartialDate(1900 + i % 100, 1 + i % 12, 1 + i % 28, "day"), f"e{i}", "s", [], Span(0, 1)
        )
        for i in range(EVENTS)
    ]
    return write_store(path, [("texts/a.txt", ParsedDocument("A", None, [], events, []))])


@pytest.fixture
async def no_time(generated: Path, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[Store]:
    """A store whose user connections allow a statement no time at all."""
    monkeypatch.setattr(store_module, "QUERY_TIME_LIMIT", 0.0)
    opened = await Store.open(generated)
    try:
        yield opened
    finally:
        await opened.close()


def test_within_marks_a_statement_with_its_limit() -> None:
    """The mark within() puts on a statement is what the time limit reads back."""
    assert time_limit_of(within(40, "SELECT 1")) == 0.04
    assert time_limit_of("SELECT 1") is None


async def test_a_long_user_statement_is_interrupted(no_time: Store) -> None:
    """A statement past the limit raises QueryTimeoutError; answers say so in one line."""
    with pytest.raises(QueryTimeoutError):
        await no_time.timeline_span([], limit=8, offset=EVENTS // 2)
    with pytest.raises(UserError) as raised:
        await find_timeline(no_time, TimelineRequest("", page=EVENTS // 16))
    assert raised.value.message == TOO_SLOW


async def test_the_own_connection_has_no_limit(no_time: Store) -> None:
    """A task that uses the store's own connection gets its answer; others still do not."""

    async def scheduled() -> list[int]:
        Store.use_own_connection()
        span = await no_time.timeline_span([], limit=8, offset=EVENTS // 2)
        return [e.id for e in span.events]

    page = await asyncio.create_task(scheduled())
    assert len(page) == 8
    with pytest.raises(QueryTimeoutError):  # the choice stayed in the scheduled task
        await no_time.timeline_span([], limit=8, offset=EVENTS // 2)


def test_an_overlong_search_is_refused_in_one_line() -> None:
    """A search longer than QUERY_MAX is refused as the request is made, before any lookup."""
    with pytest.raises(UserError, match="characters long"):
        QuoteRequest("x" * 100_000)
    with pytest.raises(UserError, match="characters long"):
        QuoteRequest("putin", speaker="x" * 101)
    with pytest.raises(UserError, match="characters long"):
        TimelineRequest("y" * 101)


async def test_a_timeline_of_too_many_words_is_refused(no_time: Store) -> None:
    """More topic words than a timeline follows: one line, nothing looked up."""
    words = " ".join(f"word{chr(97 + i)}" for i in range(TOPIC_WORDS_MAX + 1))
    with pytest.raises(UserError, match=f"up to {TOPIC_WORDS_MAX} words"):
        await find_timeline(no_time, TimelineRequest(words))
