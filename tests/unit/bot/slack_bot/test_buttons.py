"""Button values: state that survives a restart, and forged values answered as stale."""

from __future__ import annotations

import json

import pytest

from bot.answers.errors import UserError
from bot.answers.requests import SourcesRequest, TimelineRequest
from bot.slack_bot import buttons


def test_quote_value_round_trip() -> None:
    """Another quote's value gives back the search, the count and the ids shown."""
    value = buttons.quote_value("harbour mill", "Maren Ellis", 3, [11, 12, 13])
    state = buttons.read_quote(value)
    assert state.shown == 3
    assert state.request.query == "harbour mill"
    assert state.request.speaker == "Maren Ellis"
    assert tuple(state.request.seen) == (11, 12, 13)


def test_quote_value_keeps_the_newest_ids_within_slack_limit() -> None:
    """Thousands of ids shown: the value stays within 2,000 characters, newest ids kept."""
    seen = list(range(10**9, 10**9 + 1000))
    value = buttons.quote_value("tide", None, 1000, seen)
    assert len(value) <= buttons.VALUE_MAX
    kept = buttons.read_quote(value).request.seen
    assert kept[-1] == seen[-1]
    assert 0 < len(kept) < len(seen)


@pytest.mark.parametrize(
    ("page", "full"),
    [(None, False), (1, True), (7, True)],
)
def test_timeline_value_round_trip(page: int | None, full: bool) -> None:
    """A timeline button gives back the same typed request, key moments or a page."""
    request = buttons.read_timeline(buttons.timeline_value("mill", 19010000, 19501231, page))
    assert request == TimelineRequest("mill", 19010000, 19501231, page or 1, full=full)


def test_sources_value_round_trip() -> None:
    """A /sources button gives back its page."""
    assert buttons.read_sources(buttons.sources_value(4)) == SourcesRequest(4)


@pytest.mark.parametrize(
    ("reader", "value"),
    [
        (buttons.read_quote, "not json"),
        (buttons.read_quote, json.dumps({"v": 2, "q": "", "s": None, "n": 1, "seen": []})),
        (buttons.read_quote, json.dumps({"v": 1, "q": 5, "s": None, "n": 1, "seen": []})),
        (buttons.read_quote, json.dumps({"v": 1, "q": "", "s": None, "n": True, "seen": []})),
        (buttons.read_quote, json.dumps({"v": 1, "q": "x" * 500, "s": None, "n": 1, "seen": []})),
        (buttons.read_timeline, json.dumps({"v": 1, "q": "", "from": 2, "to": 1, "page": 1})),
        (buttons.read_timeline, json.dumps({"v": 1, "q": "", "from": "x", "to": None, "page": 1})),
        (buttons.read_timeline, json.dumps([1, 2])),
        (buttons.read_sources, json.dumps({"v": 1, "page": 0})),
        (buttons.read_sources, json.dumps({"v": 1, "page": 2**70})),
    ],
)
def test_forged_or_old_values_are_out_of_date(reader: object, value: str) -> None:
    """A value of an older format, edited or forged, is refused as out of date."""
    assert callable(reader)
    with pytest.raises(UserError, match="out of date"):
        reader(value)
