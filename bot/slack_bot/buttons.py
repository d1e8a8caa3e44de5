"""The state Almanac's Slack buttons carry in their `value`, so a press needs no memory
in the process: it works after a restart, and two users never share state.

A value is compact JSON with a version (`{"v":1,…}`); one that does not decode into a
valid request (an older format, an edited or forged payload) is answered as out of date.
Every decoded value is built into the same typed request a command builds, so a
button cannot skip a check.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

from bot.answers.errors import UserError
from bot.answers.requests import QuoteRequest, SourcesRequest, TimelineRequest
from db.write.curation import DIGEST

VALUE_VERSION: Final = 1
VALUE_MAX: Final = 2000  # Slack's limit on a button's value

# Every action id of ours starts so; Slack wants them unique within a message's block.
ACTION_PREFIX: Final = "almanac_"
ANOTHER_QUOTE: Final = "almanac_quote_another"
TIMELINE_PREVIOUS: Final = "almanac_timeline_previous"
TIMELINE_NEXT: Final = "almanac_timeline_next"
TIMELINE_FULL: Final = "almanac_timeline_full"
TIMELINE_MOMENTS: Final = "almanac_timeline_moments"
SOURCES_PREVIOUS: Final = "almanac_sources_previous"
SOURCES_NEXT: Final = "almanac_sources_next"
# Confirm and Cancel under a private /sources remove preview.
SOURCES_REMOVE: Final = "almanac_sources_remove"
SOURCES_KEEP: Final = "almanac_sources_keep"
# Confirm and Cancel under a /sources add preview.
SOURCES_ADD: Final = "almanac_sources_add"
SOURCES_CANCEL: Final = "almanac_sources_cancel"

OUT_OF_DATE: Final = "This button is out of date; run {command} again."


def out_of_date(command: str) -> UserError:
    """The error a stale or unreadable button of `command` ('/timeline') answers."""
    return UserError(OUT_OF_DATE.format(command=command))


@dataclass(frozen=True, slots=True)
class QuoteState:
    """'Another quote': the search, how many were shown, the ids already shown."""

    request: QuoteRequest
    shown: int


def quote_value(query: str, speaker: str | None, shown: int, seen: Sequence[int]) -> str:
    """The Another quote button's value, keeping the newest ids that fit."""
    kept = list(seen)
    while True:
        value = _dump({"q": query, "s": speaker, "n": shown, "seen": kept})
        if len(value) <= VALUE_MAX or not kept:
            return value
        kept = kept[1:]


def read_quote(value: str) -> QuoteState:
    """The state of an Another quote press; UserError (out of date) when unreadable."""
    data = _load(value, "/quote")
    query, speaker, shown, seen = data.get("q"), data.get("s"), data.get("n"), data.get("seen")
    well_formed = (
        isinstance(query, str)
        and (speaker is None or isinstance(speaker, str))
        and _count(shown)
        and isinstance(seen, list)
        and all(_count(i) for i in seen)
    )
    if not well_formed:
        raise out_of_date("/quote")
    assert isinstance(query, str)
    assert isinstance(shown, int)
    assert isinstance(seen, list)
    try:
        return QuoteState(QuoteRequest(query, speaker, seen=tuple(seen)), shown)
    except UserError:
        raise out_of_date("/quote") from None


def timeline_value(query: str, start: int | None, end: int | None, page: int | None) -> str:
    """A timeline button's value: the search, its bounds, and the page of the full list
    it turns to (None: back to the key moments)."""
    return _dump({"q": query, "from": start, "to": end, "page": page})


def read_timeline(value: str) -> TimelineRequest:
    """The request of a timeline press; UserError (out of date) when unreadable."""
    data = _load(value, "/timeline")
    query, start, end, page = data.get("q"), data.get("from"), data.get("to"), data.get("page")
    bounds = all(b is None or _count(b, low=0) for b in (start, end))
    if not isinstance(query, str) or not bounds or not (page is None or _count(page)):
        raise out_of_date("/timeline")
    try:
        return TimelineRequest(query, start, end, page or 1, full=page is not None)
    except UserError:
        raise out_of_date("/timeline") from None


def sources_value(page: int) -> str:
    """A /sources page button's value."""
    return _dump({"page": page})


def read_sources(value: str) -> SourcesRequest:
    """The request of a /sources page press; UserError (out of date) when unreadable."""
    page = _load(value, "/sources").get("page")
    if not _count(page):
        raise out_of_date("/sources")
    assert isinstance(page, int)
    return SourcesRequest(page)


def remove_value(document_id: int) -> str:
    """The value of /sources remove's Confirm and Cancel: the document's id."""
    return _dump({"doc": document_id})


def read_remove(value: str) -> int:
    """The document id of a /sources remove press; UserError (out of date) when unreadable."""
    document_id = _load(value, "/sources remove").get("doc")
    if not _count(document_id):
        raise out_of_date("/sources remove")
    assert isinstance(document_id, int)
    return document_id


def add_value(digest: str) -> str:
    """The value of /sources add's Confirm and Cancel: the pending text's content hash."""
    return _dump({"sha": digest})


def read_add(value: str) -> str:
    """The pending text's hash of a /sources add press; UserError (out of date) when
    unreadable."""
    digest = _load(value, "/sources add").get("sha")
    if not isinstance(digest, str) or not DIGEST.fullmatch(digest):
        raise out_of_date("/sources add")
    return digest


def _dump(fields: dict[str, Any]) -> str:
    return json.dumps({"v": VALUE_VERSION, **fields}, separators=(",", ":"), ensure_ascii=False)


def _load(value: str, command: str) -> dict[str, Any]:
    try:
        data = json.loads(value)
    except (TypeError, ValueError):
        raise out_of_date(command) from None
    if not isinstance(data, dict) or data.get("v") != VALUE_VERSION:
        raise out_of_date(command)
    return data


def _count(value: object, *, low: int = 1) -> bool:
    """A whole number from low, and not a bool (JSON true is no page)."""
    return isinstance(value, int) and not isinstance(value, bool) and low <= value < 2**63
