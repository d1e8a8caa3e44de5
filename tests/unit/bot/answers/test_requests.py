"""Typed requests: every adapter's options pass the same checks, once."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answers.errors import UserError
from bot.answers.requests import (
    OnThisDayRequest,
    QuoteRequest,
    SourcesRequest,
    TimelineRequest,
    parse_page,
    split_options,
    typed_example,
    typed_request,
)
from bot.answers.when import MonthDay

TODAY = date(2026, 12, 4)


@pytest.mark.parametrize(("typed", "page"), [(None, 1), ("", 1), ("3", 3), (" 12 ", 12), (7, 7)])
def test_pages_people_type(typed: str | int | None, page: int) -> None:
    assert parse_page(typed) == page


@pytest.mark.parametrize("typed", ["0", "-1", "two", "1.5", 0, -3])
def test_pages_that_are_refused_with_an_example(typed: str | int) -> None:
    with pytest.raises(UserError, match="whole number from 1") as refused:
        parse_page(typed, "/sources page:2")
    assert "/sources page:2" in refused.value.explain()


def test_a_timeline_range_is_read_and_checked_together() -> None:
    request = TimelineRequest.parse("nato", "2001", "2008-04-06", "2")
    assert (request.query, request.start, request.end, request.page) == (
        "nato",
        20010000,
        20080406,
        2,
    )
    with pytest.raises(UserError, match="comes after"):
        TimelineRequest.parse("nato", "2008", "2001")


def test_a_typed_request_cannot_hold_a_reversed_range() -> None:
    """A request built from stored state (a button's id) gets the same check."""
    with pytest.raises(UserError, match="ends before it starts"):
        TimelineRequest("nato", start=20080101, end=20010101)
    assert TimelineRequest("nato", start=20010101, end=20010101).start == 20010101


def test_day_and_sources_requests() -> None:
    assert OnThisDayRequest.parse("16/06", TODAY).day == MonthDay(6, 16)
    assert OnThisDayRequest.parse(None, TODAY).day == MonthDay(12, 4)
    assert SourcesRequest.parse("4").page == 4
    assert QuoteRequest("putin nato", speaker="putin").speaker == "putin"


def test_timeline_full_flag() -> None:
    """full is read as typed (true, yes, 1, false, no, 0) or given as a bool; absent is False."""
    assert TimelineRequest.parse("nato").full is False
    assert TimelineRequest.parse("nato", full="true").full is True
    assert TimelineRequest.parse("nato", full="No").full is False
    assert TimelineRequest.parse("nato", full=True).full is True
    with pytest.raises(UserError, match="full is true or false") as raised:
        TimelineRequest.parse("nato", full="maybe")
    assert raised.value.example == "/timeline nato full:true"


@pytest.mark.parametrize(
    ("text", "free", "options"),
    [
        ("", "", {}),
        ("lighthouse keeper", "lighthouse keeper", {}),
        (
            "harbour from:1901 TO:1950 page:2",
            "harbour",
            {"from": "1901", "to": "1950", "page": "2"},
        ),
        ("  tide   speaker:Maren  mill ", "tide mill", {"speaker": "Maren"}),
        ("set 09:00 timezone:Europe/Oslo", "set 09:00", {"timezone": "Europe/Oslo"}),
    ],
)
def test_split_options(text: str, free: str, options: dict[str, str]) -> None:
    """Typed words split into the free text and the name:value options."""
    assert split_options(text) == (free, options)


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("onthisday", "june 16", OnThisDayRequest(MonthDay(6, 16), TODAY)),
        ("onthisday", "", OnThisDayRequest(MonthDay(12, 4), TODAY)),
        ("onthisday", "date:16/06", OnThisDayRequest(MonthDay(6, 16), TODAY)),
        ("quote", "harbour mill speaker:Ellis", QuoteRequest("harbour mill", "Ellis")),
        ("timeline", "mill from:1901 to:1950", TimelineRequest("mill", 19010000, 19501231)),
        ("timeline", "page:3 full:yes", TimelineRequest("", page=3, full=True)),
        ("sources", "page:2", SourcesRequest(2)),
        ("sources", "list", SourcesRequest(1)),
    ],
)
def test_typed_request(name: str, text: str, expected: object) -> None:
    """A command typed as one line (the console, Slack) builds the same typed request."""
    assert typed_request(name, text, TODAY) == expected


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("weather", "", "There is no /weather command"),
        ("timeline", "from:1950 to:1901", "comes after"),
        ("onthisday", "june 31", "not a real date"),
        ("sources", "page:zero", "whole number"),
    ],
)
def test_typed_request_refuses_with_a_line(name: str, text: str, says: str) -> None:
    """A mistake in the typed words is a UserError, as from any other adapter."""
    with pytest.raises(UserError, match=says):
        typed_request(name, text, TODAY)


@pytest.mark.parametrize(
    ("example", "typed"),
    [
        ("/onthisday date: june 16", "/onthisday june 16"),
        (
            "/timeline query: mill from: 1901 to: 1950-06-16",
            "/timeline mill from:1901 to:1950-06-16",
        ),
        ("/quote query: tide speaker: Ellis", "/quote tide speaker:Ellis"),
        ("/timeline mill page:2", "/timeline mill page:2"),
        ("/quote putin nato", "/quote putin nato"),
    ],
)
def test_typed_example(example: str, typed: str) -> None:
    """An example in the form's shape reads as typed in one line, and parses back."""
    assert typed_example(example) == typed
    name, _, text = typed.removeprefix("/").partition(" ")
    typed_request(name, text, TODAY)  # a working example: no UserError
