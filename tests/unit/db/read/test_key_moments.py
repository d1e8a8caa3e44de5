"""Store.key_moments: the most salient event of each stretch of a span, spread over it,
on invented timelines (a section-heavy span, one busy year, a single day), read whole
and sampled, with and without a topic; and the salience migration of an older store."""

from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from itertools import pairwise
from pathlib import Path

import pytest

from db.read import timeline as timeline_query
from db.read.store import Store
from db.read.timeline import Candidate, choose_key_moments, date_position, stretches
from db.records import (
    TIMELINE_KEY_STEP,
    Event,
    EventRecord,
    ParsedDocument,
    PartialDate,
    Span,
    timeline_key,
)
from tests.stores import write_store

MODES = {"read whole": {}, "sampled": {"KEY_MOMENT_EXACT_MAX": 0}}


def _event(date: PartialDate, title: str, *, heading: bool = False, people: int = 0) -> EventRecord:
    names = [f"Person {n}" for n in range(people)]
    return EventRecord(date, f"{title} treaty", f"{title}.", names, Span(0, 1), heading)


async def _store(tmp_path: Path, events: list[EventRecord]) -> Store:
    path = write_store(
        tmp_path / "moments.sqlite3",
        [("texts/a.txt", ParsedDocument("A", None, [], events, []))],
    )
    return await Store.open(path)


async def _moments(store: Store, topic: Sequence[str] = ()) -> list[Event]:
    span = await store.timeline_span(topic, limit=8)
    assert span.first is not None
    assert span.last is not None
    return await store.key_moments(topic, span.first, span.last)


def _in_date_order(events: list[Event]) -> bool:
    keys = [e.date.sort_key() for e in events]
    return keys == sorted(keys) and len({e.id for e in events}) == len(events)


@pytest.fixture(params=list(MODES))
def mode(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Each test once with the span read whole and once sampled."""
    for name, value in MODES[request.param].items():
        monkeypatch.setattr(timeline_query, name, value)
    return str(request.param)


@pytest.fixture
async def sections(tmp_path: Path) -> AsyncIterator[Store]:
    """1950-2009: each year a dated section heading, and three passing mentions."""
    events = []
    for year in range(1950, 2010):
        events.append(_event(PartialDate(year, 6, 1, "day"), f"Heading {year}", heading=True))
        for month in (2, 8, 11):
            events.append(_event(PartialDate(year, month, 3, "day"), f"Mention {year}-{month}"))
    store = await _store(tmp_path, events)
    yield store
    await store.close()


@pytest.mark.parametrize("topic", [(), ("treaty",)])
async def test_section_heads_are_chosen_over_passing_mentions(
    sections: Store, mode: str, topic: tuple[str, ...]
) -> None:
    """Eight headings, one in each eighth of the 60 years, in date order."""
    moments = await _moments(sections, topic)
    assert len(moments) == 8
    assert _in_date_order(moments)
    assert all(e.title.startswith("Heading") for e in moments), [e.title for e in moments]
    years = [e.date.year or 0 for e in moments]
    for index in range(8):  # every stretch of 7.5 years has its moment
        low, high = 1950 + 60 * index / 8, 1950 + 60 * (index + 1) / 8
        assert any(low - 1 <= y <= high for y in years), (index, years)


@pytest.fixture
async def busy_year(tmp_path: Path) -> AsyncIterator[Store]:
    """1900, 1950 and 2000 once each; 1975 336 times, one event a month with people."""
    events = [_event(PartialDate(y, 3, 1, "day"), f"Lone {y}") for y in (1900, 1950, 2000)]
    for n in range(336):
        month, day = n % 12 + 1, n // 12 % 28 + 1
        salient = day == 15
        events.append(
            _event(PartialDate(1975, month, day, "day"), f"Busy {n}", people=2 if salient else 0)
        )
    store = await _store(tmp_path, events)
    yield store
    await store.close()


@pytest.mark.parametrize("topic", [(), ("treaty",)])
async def test_one_busy_year_keeps_the_other_years(
    busy_year: Store, mode: str, topic: tuple[str, ...]
) -> None:
    """The three lone years stay; the busy year fills the other slots with its events,
    spread over its months: its salient ones, except where a topic's many matches are
    only sampled (the first few of each stretch of time)."""
    moments = await _moments(busy_year, topic)
    assert len(moments) == 8
    assert _in_date_order(moments)
    assert [e.date.year for e in moments if e.date.year != 1975] == [1900, 1950, 2000]
    busy = [e for e in moments if e.date.year == 1975]
    assert len({e.date.month for e in busy}) == len(busy) == 5
    if not (topic and mode == "sampled"):
        assert all(e.date.day == 15 for e in busy), [e.date for e in busy]


async def test_a_span_of_one_day(tmp_path: Path, mode: str) -> None:
    """All on one day: the salient ones, spread over the day's events."""
    day = PartialDate(2001, 6, 16, "day")
    events = [_event(day, f"Same day {n}", people=1 if n % 10 == 5 else 0) for n in range(400)]
    store = await _store(tmp_path, events)
    try:
        moments = await _moments(store)
    finally:
        await store.close()
    assert len(moments) == 8
    assert _in_date_order(moments)
    numbers = [int(e.title.split()[2]) for e in moments]
    assert all(n % 10 == 5 for n in numbers), numbers
    assert len({n * 8 // 400 for n in numbers}) == 8  # one in each eighth of the day


async def test_few_events_are_all_moments(tmp_path: Path) -> None:
    """Fewer matches than moments: every one, in date order."""
    events = [_event(PartialDate(1990 + n, 1, 1, "day"), f"Few {n}") for n in range(5)]
    store = await _store(tmp_path, events)
    try:
        moments = await _moments(store)
    finally:
        await store.close()
    assert [e.date.year for e in moments] == [1990, 1991, 1992, 1993, 1994]


def test_stretches_cover_the_span_once() -> None:
    """Contiguous, disjoint, in order, from first to last; a day is cut by event id."""
    first, last = timeline_key(-440315, 7), timeline_key(20080406, 3)
    parts = stretches(first, last, 8)
    assert parts[0][0] == first
    assert parts[-1][1] == last
    assert all(a[1] + 1 == b[0] for a, b in pairwise(parts))
    day = stretches(timeline_key(20010616, 1), timeline_key(20010616, 800), 8)
    assert [b - a + 1 for a, b in day] == [100] * 8
    assert date_position(20011231) < date_position(20020000) < date_position(20020101)


def test_choice_prefers_salience_then_the_middle() -> None:
    """One bucket, one slot: the most salient; among equals the one nearest the middle."""
    step = TIMELINE_KEY_STEP
    candidates = [Candidate(i, 20010101 * step + i, s) for i, s in [(1, 0), (2, 3), (3, 3)]]
    low, high = 20010101 * step, 20010101 * step + 4
    assert choose_key_moments(candidates, low, high, 1) == [2]
    assert choose_key_moments(candidates, low, high, 8) == [1, 2, 3]


@pytest.mark.parametrize("topic", [(), ("treaty",)])
async def test_density_counts_every_match_once(sections: Store, topic: tuple[str, ...]) -> None:
    """The picture's density: 48 stretches in date order whose counts add up to the span's."""
    span = await sections.timeline_span(topic, limit=8)
    assert span.first is not None
    assert span.last is not None
    density = await sections.timeline_density(topic, span.first, span.last)
    assert density is not None
    assert len(density.bins) == len(density.counts) == timeline_query.DENSITY_BINS
    assert sum(density.counts) == span.total == 240
    assert not density.capped
    assert max(density.counts) - min(density.counts) <= 8  # one year's four events, spread
