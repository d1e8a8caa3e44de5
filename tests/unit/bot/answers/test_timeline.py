"""/timeline's key moments on the seeds: the answer, the request's full list, and the
console, JSON and Discord renderings, which all show the same events."""

from __future__ import annotations

from datetime import date

from bot.answers.requests import TimelineRequest
from bot.answers.timeline import find_timeline
from bot.console.render import event_json, render_json, render_text
from bot.console.repl import answer_line
from bot.discord_bot.render import timeline_embeds
from db.read.store import Store

TODAY = date(2026, 6, 16)


async def test_a_long_span_opens_with_its_key_moments(store: Store) -> None:
    """Every event of the seeds (two pages): 8 key moments over 1954-2008, in date order,
    the headed entries of the 2001-2008 timeline among them; page 1 is still read."""
    answer = await find_timeline(store, TimelineRequest(""))
    assert answer.pages == 2
    assert len(answer.key_moments) == 8
    assert answer.shown == answer.key_moments
    keys = [e.date.sort_key() for e in answer.key_moments]
    assert keys == sorted(keys)
    years = [e.date.year for e in answer.key_moments]
    assert years[0] == 1954
    assert years[-1] == 2008
    assert {2001, 2003, 2005} <= set(years)
    assert len(answer.events) == 8  # page 1 of the full list, for the JSON contract
    assert answer.people == sorted({p for e in answer.key_moments for p in e.people})


async def test_full_list_and_later_pages_have_no_key_moments(store: Store) -> None:
    """full:true, and any page past the first, page through every event as before."""
    full = await find_timeline(store, TimelineRequest("", full=True))
    second = await find_timeline(store, TimelineRequest("", page=2))
    assert full.key_moments == []
    assert second.key_moments == []
    assert full.shown == full.events
    assert second.page == 2


async def test_a_span_that_fits_a_page_is_listed_whole(store: Store) -> None:
    """/timeline nato (3 events) is its own summary: no key moments."""
    answer = await find_timeline(store, TimelineRequest("nato"))
    assert answer.key_moments == []
    assert answer.total == len(answer.events) == 3


async def test_renderings_agree(store: Store) -> None:
    """Console, JSON and Discord show the same key moments under the same count; the JSON
    adds key_moments and full and keeps every field it had."""
    answer = await find_timeline(store, TimelineRequest(""))
    text = render_text(answer)
    assert text.startswith("Timeline: 8 key moments of 16 events, 1954 – April 6, 2008")
    assert text.endswith("Full list: 2 pages in date order (full:true)")
    for event in answer.key_moments:
        assert event.title in text
    data = render_json(answer)
    assert set(data) == {
        "command",
        "events",
        "total",
        "total_is_lower_bound",
        "page",
        "pages",
        "asked_page",
        "key_moments",
        "full",
    }
    assert data["key_moments"] == [event_json(e) for e in answer.key_moments]
    assert data["events"] == [event_json(e) for e in answer.events]
    assert data["full"] is False
    [embed] = timeline_embeds(answer)
    assert (embed.description or "").startswith("**8 key moments of 16 events**, 1954 –")
    for event in answer.key_moments:
        assert event.title[:40] in (embed.description or "")


async def test_console_full_option(store: Store) -> None:
    """`/timeline full:true` in the console is the full list."""
    answer = await answer_line(store, "/timeline full:true", TODAY)
    assert "Page 1 of 2" in render_text(answer)
    assert render_json(answer)["full"] is True
