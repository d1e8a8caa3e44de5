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
