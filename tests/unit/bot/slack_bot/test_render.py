"""Slack renderings: within Block Kit's limits, citing the document, pinging nobody."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from bot.answers.errors import UserError
from bot.answers.onthisday import OnThisDay
from bot.answers.quote import QuoteAnswer
from bot.answers.sources import Sources
from bot.answers.timeline import Timeline
from bot.answers.when import MonthDay
from bot.slack_bot import render
from bot.slack_bot.render import SlackMessage
from db.records import DocumentSummary, Event, PartialDate, Quote, Source
from tests.e2e.fake_slack.validation import message_problems

TODAY = date(2026, 6, 16)
HOSTILE = "<!channel> @here <@U024BE7LH> <!subteam^S012|keepers> & *bold* "
PINGS = re.compile(r"<!(channel|here|everyone)|<@[UW]|<!subteam")
WORDS = "the harbour wall was raised again after the winter storms "


def words(chars: int) -> str:
    return (WORDS * (chars // len(WORDS) + 1))[:chars]


def source(n: int = 0, url: str | None = "https://example.org/mill?a=1&b=2") -> Source:
    return Source(
        f"texts/harbour-{n}.txt", f"{HOSTILE}Harbour chronicle {n}", url, None, "M. Ellis"
    )


def event(i: int, chars: int = 80) -> Event:
    return Event(
        i,
        PartialDate(1901 + i, 6, 16, "day"),
        HOSTILE + words(chars),
        HOSTILE + words(chars * 3),
        ("Maren Ellis",),
        source(i % 3),
    )


def quote(i: int, chars: int = 200) -> Quote:
    return Quote(
        i,
        f"{HOSTILE}Maren Ellis",
        HOSTILE + words(chars),
        PartialDate(1950, 6, 16, "day"),
        HOSTILE + "harbour meeting",
        False,
        source(i % 2),
    )


def texts(message: SlackMessage) -> list[str]:
    """Every string of the message's payload."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(message.payload())
    return found


def check(message: SlackMessage) -> str:
    """The message is one Slack takes, no text pings; its visible text joined."""
    assert message_problems(message.payload()) == []
    shown = [t for t in texts(message) if not t.startswith('{"v":')]  # button values aside
    for text in shown:
        assert PINGS.search(text) is None, text[:200]
    return "\n".join(shown)


def on_this_day(events: int, quotes: int, chars: int) -> OnThisDay:
    return OnThisDay(
        MonthDay(6, 16),
        TODAY,
        [event(i, chars) for i in range(events)],
        [quote(i, chars) for i in range(quotes)],
        events_total=events * 200,
        quotes_total=quotes,
    )


@pytest.mark.parametrize(("events", "quotes", "chars"), [(1, 0, 40), (10, 5, 80), (10, 5, 5000)])
def test_on_this_day(events: int, quotes: int, chars: int) -> None:
    """A day's events and quotes, however long, fit; each cites its source, with a link."""
    shown = check(render.on_this_day_message(on_this_day(events, quotes, chars)))
    assert "On this day — June 16" in shown
    assert "<https://example.org/mill?a=1&amp;b=2|" in shown
    assert "&lt;!channel&gt;" in shown
    assert "25 years ago" in shown or events == 1


def test_on_this_day_empty_points_to_the_nearest() -> None:
    """A day with nothing names the nearest anniversaries, with a command to try."""
    answer = OnThisDay(MonthDay(6, 16), TODAY, [], [], MonthDay(6, 1), MonthDay(7, 2))
    shown = check(render.on_this_day_message(answer))
    assert "June 1" in shown
    assert "July 2" in shown
    assert "`/onthisday june 1`" in shown


@pytest.mark.parametrize("chars", [30, 3000, 20_000])
def test_quote(chars: int) -> None:
    """Who, when, the words and the source; Another quote carries the search."""
    answer = QuoteAnswer("mill tide", ["Maren Ellis"], ["mill"], quote(7, chars), [], 12)
    message = render.quote_message(answer, None, 3, (5, 7))
    shown = check(message)
    assert "Maren Ellis" in shown
    assert "June 16, 1950" in shown
    assert "Source: <https://example.org/" in shown
    assert "Quote 3 of 12 matching" in shown
    button = message.blocks[-1]["elements"][0]
    assert json.loads(button["value"]) == {
        "v": 1,
        "q": "mill tide",
        "s": None,
        "n": 3,
        "seen": [5, 7],
    }


def test_quote_not_found_is_ephemeral_and_safe() -> None:
    """Nothing matched: an ephemeral line echoing the (escaped) words, with an example."""
    answer = QuoteAnswer(HOSTILE, [], ["<!channel>"], None, [], 0, ["<!channel>"], ["channel"])
    message = render.quote_message(answer)
    shown = check(message)
    assert message.ephemeral
    assert "Did you mean: channel?" in shown
    assert "Try: `/quote channel`" in shown


def timeline(count: int, *, moments: bool, page: int = 1, pages: int = 1) -> Timeline:
    events = [event(i, 300) for i in range(count)]
    return Timeline(
        HOSTILE,
        events,
        count * 10,
        page,
        pages,
        events[0],
        events[-1],
        ["Maren Ellis"],
        key_moments=events if moments else [],
    )


def test_timeline_key_moments_offer_the_full_list() -> None:
    """Key moments come with the span, the people and a Full list button."""
    message = render.timeline_message(timeline(8, moments=True, pages=10), 19010000, None)
    shown = check(message)
    assert "8 key moments of 80 events" in shown
    buttons = message.blocks[-1]["elements"]
    assert [b["action_id"] for b in buttons] == ["almanac_timeline_full"]
    assert json.loads(buttons[0]["value"])["page"] == 1


@pytest.mark.parametrize(
    ("page", "pages", "ids"),
    [
        (1, 3, ["almanac_timeline_next", "almanac_timeline_moments"]),
        (2, 3, ["almanac_timeline_previous", "almanac_timeline_next", "almanac_timeline_moments"]),
        (3, 3, ["almanac_timeline_previous", "almanac_timeline_moments"]),
    ],
)
def test_timeline_pages(page: int, pages: int, ids: list[str]) -> None:
    """A page of the full list: Previous and Next where there is a page to turn to."""
    message = render.timeline_message(
        timeline(8, moments=False, page=page, pages=pages), None, None
    )
    check(message)
    assert [b["action_id"] for b in message.blocks[-1]["elements"]] == ids


def test_sources_page() -> None:
    """The documents with their counts, the page and the buttons to turn it."""
    docs = [
        DocumentSummary(
            f"texts/{HOSTILE}{i}.txt",
            HOSTILE + words(400),
            None,
            i,
            2 * i,
            "https://example.org/" if i % 2 else None,
        )
        for i in range(10)
    ]
    message = render.sources_message(Sources(docs, 25, 2, 3))
    shown = check(message)
    assert "Page 2 of 3 · 25 documents" in shown
    assert "3 events · 6 quotes" in shown
    assert [b["action_id"] for b in message.blocks[-1]["elements"]] == [
        "almanac_sources_previous",
        "almanac_sources_next",
    ]


def test_explained_error_is_ephemeral_and_safe() -> None:
    """A UserError's line, with the user's words in it, is escaped and only for the asker."""
    error = UserError("I couldn't read '<!here>' as a date.", example="/onthisday date: june 16")
    message = render.explained(error)
    shown = check(message)
    assert message.ephemeral
    assert "&lt;!here&gt;" in shown
    assert "Try: `/onthisday june 16`" in shown
