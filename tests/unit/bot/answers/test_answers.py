"""The answer logic on the real store built from seeds/, plus the day parser."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from bot.answers.errors import UserError
from bot.answers.formatting import RESTARTED
from bot.answers.onthisday import on_this_day
from bot.answers.quote import find_quote, split_query
from bot.answers.requests import OnThisDayRequest, QuoteRequest, SourcesRequest, TimelineRequest
from bot.answers.sources import Sources, list_sources
from bot.answers.timeline import find_timeline
from bot.answers.when import MonthDay, parse_day
from bot.console.render import render_json, render_text
from bot.console.repl import answer_line
from bot.discord_bot.render import no_quote_text, quote_embed
from db.read.store import Store
from db.records import EventRecord, ParsedDocument, PartialDate, PersonRecord, QuoteRecord, Span
from tests.paths import PROJECT_SEEDS
from tests.stores import many_documents, write_store

SEEDS = PROJECT_SEEDS
TODAY = date(2026, 6, 16)
PUTIN = "Vladimir Putin"
BUSH = "George W. Bush"


def _day(y: int | None, m: int, d: int) -> PartialDate:
    return PartialDate(y, m, d, "day" if y else "month-day")


@pytest.fixture
async def leap_store(tmp_path: Path) -> AsyncIterator[Store]:
    """A store holding events on 28 and 29 February and a few other days."""
    ada = "Ada Novak"
    events = [
        EventRecord(_day(2004, 2, 29), "Leap-day summit", "Leap-day summit.", [ada], Span(0, 1)),
        EventRecord(_day(2003, 2, 28), "Harbour treaty", "Harbour treaty.", [ada], Span(1, 2)),
        EventRecord(_day(2001, 3, 3), "Spring fair", "Spring fair.", [], Span(2, 3)),
        EventRecord(_day(2002, 11, 20), "Autumn vote", "Autumn vote.", [], Span(3, 4)),
    ]
    quote = QuoteRecord(ada, "The sea is ours.", _day(2004, 2, 29), None, False, Span(0, 5))
    doc = ParsedDocument("Invented", None, [PersonRecord(ada, {"Novak"})], events, [quote])
    path = write_store(tmp_path / "leap.sqlite3", [("texts/leap.txt", doc)])
    async with await Store.open(path) as opened:
        yield opened


# -- /quote -----------------------------------------------------------------


async def test_quote_putin_nato_is_a_dated_cited_putin_quote(store: Store) -> None:
    """/quote putin nato → a Vladimir Putin quote mentioning NATO, with date and source."""
    answer = await find_quote(store, QuoteRequest("putin nato"))
    assert answer.quote is not None
    assert answer.quote.speaker == PUTIN
    assert "nato" in answer.quote.text.lower()
    assert answer.quote.date is not None
    assert answer.quote.source.path.endswith("/seeds/004_bcb2b3a130616d09.txt")
    assert answer.quote.source.title
    assert not answer.quote.fragment


@pytest.mark.parametrize(
    ("query", "speakers", "topic"),
    [
        ("putin nato", [PUTIN], ["nato"]),
        ("Putin's NATO", [PUTIN], ["nato"]),
        ("bush putin", [BUSH, PUTIN], []),
        ("george bush terrorism", [BUSH], ["terrorism"]),
        ("vladimir putin ukraine", [PUTIN], ["ukraine"]),
        ("bush jr nato", [BUSH], ["nato"]),
        ("nato expansion", [], ["nato", "expansion"]),
        ("", [], []),
    ],
)
async def test_split_query(store: Store, query: str, speakers: list[str], topic: list[str]) -> None:
    """Names of known people (one word or a pair) filter by speaker; the rest is topic."""
    assert split_query(store, query) == (speakers, topic)


async def test_speaker_option_filters(store: Store) -> None:
    """The speaker option narrows to that person even when the query names nobody."""
    answer = await find_quote(store, QuoteRequest("terrorism", "Bush"))
    assert answer.speakers == [BUSH]
    assert answer.quote is None or answer.quote.speaker == BUSH


async def test_unknown_topic_word_suggests_close_topics(store: Store) -> None:
    """A misspelt topic says which word matched nothing and suggests the close one."""
    answer = await find_quote(store, QuoteRequest("putin natoo"))
    assert answer.quote is None
    assert answer.unmatched == ["natoo"]
    assert "nato" in answer.suggestions


async def test_a_speaker_silent_on_a_topic_names_who_is_not(store: Store) -> None:
    """/quote nato speaker:bush: no Bush quote mentions NATO; the answer says so and who is
    quoted on it, instead of suggesting the very word typed."""
    assert not await store.search_quotes(["nato"], [BUSH])  # the seeds as they are
    answer = await find_quote(store, QuoteRequest("nato", "Bush"))
    assert answer.quote is None
    assert answer.suggestions == []
    assert answer.others == [PUTIN]
    assert render_text(answer) == (f"No quote by {BUSH} matches 'nato'. Quoted on it: {PUTIN}.")
    assert render_json(answer)["others"] == [PUTIN]
    assert f"Quoted on it: {PUTIN}." in no_quote_text(answer)
    assert f"speaker: {PUTIN}`" in no_quote_text(answer)


async def test_unknown_speaker_suggests_close_speakers(store: Store) -> None:
    """A speaker option naming nobody known is reported with the closest known names."""
    answer = await find_quote(store, QuoteRequest("nato", "Pootin"))
    assert answer.quote is None
    assert answer.unmatched == ["Pootin"]
    assert PUTIN in answer.suggestions


async def test_another_quote_does_not_repeat_until_all_shown(store: Store) -> None:
    """Passing the shown ids serves each match once, then starts the round again."""
    first = await find_quote(store, QuoteRequest("putin"))
    assert first.quote is not None
    assert first.total >= 2
    seen = [first.quote.id]
    for _ in range(first.total - 1):
        answer = await find_quote(store, QuoteRequest("putin", seen=seen))
        assert answer.quote is not None
        assert answer.quote.id not in seen
        assert not answer.restarted
        seen.append(answer.quote.id)
    again = await find_quote(store, QuoteRequest("putin", seen=seen))
    assert again.quote is not None
    assert again.quote.id in seen
    assert again.restarted  # and the answer says so, in every rendering
    assert f"({RESTARTED})" in render_text(again).splitlines()
    assert render_json(again)["restarted"] is True
    assert RESTARTED in (quote_embed(again).footer.text or "")


# -- /onthisday ---------------------------------------------------------------


async def test_on_this_day_june_16_has_the_slovenia_meeting(store: Store) -> None:
    """/onthisday 06-16 → the 2001 meeting in Slovenia, and quotes said that day."""
    answer = await on_this_day(store, OnThisDayRequest(parse_day("06-16", TODAY), TODAY))
    meeting = [e for e in answer.events if e.date == _day(2001, 6, 16)]
    assert meeting
    assert any("Slovenia" in e.title + " " + e.summary for e in meeting)
    assert all(q.date is not None and (q.date.month, q.date.day) == (6, 16) for q in answer.quotes)
    assert all(not q.fragment for q in answer.quotes)


async def test_empty_day_gives_nearest_anniversaries(store: Store) -> None:
    """A day without events names the nearest anniversaries before and after it."""
    answer = await on_this_day(store, OnThisDayRequest(MonthDay(6, 17), TODAY))
    assert (answer.events, answer.quotes) == ([], [])
    assert answer.before == MonthDay(6, 16)
    assert answer.after == MonthDay(9, 11)


@pytest.mark.parametrize(
    ("today", "titles"),
    [
        (date(2026, 2, 28), ["Harbour treaty", "Leap-day summit"]),  # common year
        (date(2028, 2, 28), ["Harbour treaty"]),  # leap year: the 29th has its own day
    ],
)
async def test_february_28_brings_29_in_common_years(
    leap_store: Store, today: date, titles: list[str]
) -> None:
    """In a common year 28 February also shows 29 February's anniversaries."""
    answer = await on_this_day(leap_store, OnThisDayRequest(MonthDay(2, 28), today))
    assert [e.title for e in answer.events] == titles


@pytest.mark.parametrize(
    ("day", "before", "after"),
    [
        (MonthDay(6, 1), MonthDay(3, 3), MonthDay(11, 20)),
        (MonthDay(12, 25), MonthDay(11, 20), MonthDay(2, 28)),  # wraps round the year
        (MonthDay(1, 5), MonthDay(11, 20), MonthDay(2, 28)),
    ],
)
async def test_nearest_anniversaries_wrap(
    leap_store: Store, day: MonthDay, before: MonthDay, after: MonthDay
) -> None:
    """Nearest anniversaries wrap round the end of the year."""
    answer = await on_this_day(leap_store, OnThisDayRequest(day, date(2026, 1, 1)))
    assert (answer.before, answer.after) == (before, after)


# -- /timeline ------------------------------------------------------------------


async def test_timeline_nato_lists_2001_and_2008_in_order(store: Store) -> None:
    """/timeline nato → events of 2001 and 2008, in date order, with a summary of the span."""
    answer = await find_timeline(store, TimelineRequest("nato"), per_page=50)
    years = [e.date.year for e in answer.events]
    assert 2001 in years
    assert 2008 in years
    keys = [e.date.sort_key() for e in answer.events]
    assert keys == sorted(keys)
    assert answer.first == answer.events[0]
    assert answer.last == answer.events[-1]
    assert PUTIN in answer.people


async def test_timeline_pages_and_bounds(store: Store) -> None:
    """Pages cover every event once; from/to bounds are inclusive."""
    whole = await find_timeline(store, TimelineRequest(""), per_page=100)
    count = -(-whole.total // 3)
    pages = [
        await find_timeline(store, TimelineRequest("", page=p), per_page=3)
        for p in range(1, count + 1)
    ]
    assert [e.id for t in pages for e in t.events] == [e.id for e in whole.events]
    assert {t.pages for t in pages} == {count}
    bounded = await find_timeline(
        store, TimelineRequest("", start=20010616, end=20011231), per_page=100
    )
    assert bounded.events
    assert {e.date.year for e in bounded.events} == {2001}
    assert all(e.date.sort_key() >= (2001, 6, 16) for e in bounded.events)


@pytest.mark.parametrize("page", [50, 10**20])
async def test_a_page_past_the_end_shows_the_last_page(store: Store, page: int) -> None:
    """page:50 of a 2-page answer, or a page number beyond any integer SQLite takes,
    shows the last page rather than 'no events'."""
    last = await find_timeline(store, TimelineRequest("", page=2), per_page=3)
    past = await find_timeline(store, TimelineRequest("", page=page), per_page=3)
    assert past.events
    assert (past.page, [e.id for e in past.events]) == (
        past.pages,
        [
            e.id
            for e in (
                await find_timeline(store, TimelineRequest("", page=past.pages), per_page=3)
            ).events
        ],
    )
    assert last.total == past.total
    assert (last.asked_page, past.asked_page) == (None, page)
    assert f"There is no page {page:,}: page {past.pages} is the last." in render_text(past)
    assert render_json(past)["asked_page"] == page


# -- /sources -------------------------------------------------------------------


async def test_sources_lists_both_seed_documents(store: Store) -> None:
    """/sources → every seed document with its counts."""
    answer = await list_sources(store, SourcesRequest())
    assert len(answer.documents) == len(list(SEEDS.glob("*.txt")))
    assert all(d.events + d.quotes > 0 for d in answer.documents)
    assert (answer.total, answer.page, answer.pages) == (2, 1, 1)


@pytest.fixture
async def shelf(tmp_path: Path) -> AsyncIterator[Store]:
    """A store of 25 documents: three pages of /sources."""
    async with await Store.open(many_documents(tmp_path / "shelf.sqlite3", 25)) as opened:
        yield opened


async def test_sources_console_page_is_the_buttons_page(shelf: Store) -> None:
    """`/sources page:2` in the console: documents 11-20 in path order, with the page and
    the total, as text and as JSON."""
    answer = await answer_line(shelf, "/sources page:2", date(2026, 6, 16))
    assert isinstance(answer, Sources)
    text = render_text(answer).splitlines()
    assert [line.split("(")[1].split(")")[0] for line in text[1:-1]] == [
        f"texts/doc-{i:03d}.txt" for i in range(11, 21)
    ]
    assert text[-1] == "Page 2 of 3 · 25 documents"
    data = render_json(answer)
    assert (data["total"], data["page"], data["pages"]) == (25, 2, 3)
    assert data["documents"][0] == {
        "path": "texts/doc-011.txt",
        "title": "Chronicle 011",
        "url": None,
        "published": None,
        "author": None,
        "events": 1,
        "quotes": 0,
    }


async def test_sources_page_past_the_end_is_the_last(shelf: Store) -> None:
    """A page beyond the documents shows the last one, as /timeline does."""
    answer = await list_sources(shelf, SourcesRequest(page=99))
    assert (answer.page, len(answer.documents), answer.asked_page) == (3, 5, 99)
    assert render_text(answer).startswith("There is no page 99: page 3 is the last.")
    assert (await list_sources(shelf, SourcesRequest(page=3))).asked_page is None


async def test_sources_console_page_must_be_a_number(shelf: Store) -> None:
    """`/sources page:x` explains itself with a /sources example."""
    with pytest.raises(UserError, match="page must be a whole number") as raised:
        await answer_line(shelf, "/sources page:x", date(2026, 6, 16))
    assert raised.value.example == "/sources page:2"


# -- parse_day --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("june 16", MonthDay(6, 16)),
        ("June 16th", MonthDay(6, 16)),
        ("16 June", MonthDay(6, 16)),
        ("06-16", MonthDay(6, 16)),
        ("2001-06-16", MonthDay(6, 16, 2001)),
        ("tomorrow", MonthDay(6, 17)),
        ("yesterday", MonthDay(6, 15)),
        ("", MonthDay(6, 16)),
        (None, MonthDay(6, 16)),
        ("feb 29", MonthDay(2, 29)),
        ("  Sept 11 ", MonthDay(9, 11)),
        ("16/06", MonthDay(6, 16)),
        ("16.6", MonthDay(6, 16)),
        ("6/16", MonthDay(6, 16)),
        ("05/05", MonthDay(5, 5)),
    ],
)
def test_parse_day(text: str | None, expected: MonthDay) -> None:
    """Every documented way to type a day reads as that month-day; with a slash or a
    dot either order is read when a number over 12 shows which is the day."""
    assert parse_day(text, TODAY) == expected


@pytest.mark.parametrize("text", ["03/04", "3.4"])
def test_an_ambiguous_numeric_day_is_asked_about(text: str) -> None:
    """03/04 is March 4 in the US and April 3 in Europe: the answer names both."""
    with pytest.raises(UserError) as raised:
        parse_day(text, TODAY)
    assert "March 4" in raised.value.message
    assert "April 3" in raised.value.message
    assert raised.value.example == "/onthisday date: april 3"


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (date(9999, 12, 31), "tomorrow", MonthDay(1, 1)),
        (date(1, 1, 1), "yesterday", MonthDay(12, 31)),
        (date(2024, 2, 28), "tomorrow", MonthDay(2, 29)),
        (date(2023, 2, 28), "tomorrow", MonthDay(3, 1)),
    ],
)
def test_relative_days_at_the_ends_of_the_calendar(
    today: date, text: str, expected: MonthDay
) -> None:
    """'tomorrow' of the last representable day is January 1, not an OverflowError."""
    assert parse_day(text, today) == expected


@pytest.mark.parametrize("text", ["junk", "February 30", "13-01", "2001-02-29", "june 31"])
def test_parse_day_rejects_with_example(text: str) -> None:
    """Unreadable or impossible days are the user's to fix, with an example."""
    with pytest.raises(UserError) as caught:
        parse_day(text, TODAY)
    assert caught.value.example


@pytest.mark.parametrize(
    "line", ["/timeline nato from:2008 to:2001", "/timeline from:2002 to:2001-06-16"]
)
async def test_an_inverted_range_is_refused_in_the_console_too(store: Store, line: str) -> None:
    """The console checks from <= to as the Discord command does, not 'No events'."""
    with pytest.raises(UserError, match="comes after"):
        await answer_line(store, line, TODAY)
