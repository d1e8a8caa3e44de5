"""Each command's options, parsed once into a typed request.

Every adapter reads options in its own shape (Discord's slash options and button ids,
the console's `name:value` words, later Slack's actions) and builds the same request
here, so a check is written once and no adapter can skip it: a request that exists
is valid. The answers (one module a command) take these requests.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Final, Self

from bot.answers.bounds import checked_search
from bot.answers.errors import UserError
from bot.answers.when import BOUNDS_EXAMPLE, MonthDay, parse_day, parse_range, shown

PAGE_EXAMPLE: Final = "/timeline nato page:2"

# The commands typed as one line of text (the console, Slack's slash commands).
TYPED_COMMANDS: Final = ("onthisday", "quote", "timeline", "sources")
# A name:value option; a name starts with a letter, so a time (09:00) is a word.
_OPTION: Final = re.compile(r"\b([A-Za-z]\w*):(\S+)")
# An option as a slash command's form shows it ('from: 2001'); typed, it is 'from:2001'.
_SPACED_OPTION: Final = re.compile(r"\b(\w+):\s+")
# Options whose value is the free words when typed: '/quote query: nato' is '/quote nato'.
_FREE_OPTIONS: Final = ("query", "date")


def parse_page(text: str | int | None, example: str = PAGE_EXAMPLE) -> int:
    """A page number from 1 as typed ("2"), or 1 when none was given."""
    if text is None or text == "":
        return 1
    if isinstance(text, int):
        number = text
    elif text.strip().isdecimal():
        number = int(text)
    else:
        number = 0
    if number < 1:
        raise UserError(
            f"page must be a whole number from 1, not {shown(str(text))}.", example=example
        )
    return number


FLAG_WORDS: Final = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def parse_flag(text: str | bool | None, name: str) -> bool:
    """A yes/no option as typed ("true", "yes", "1", "false", "no", "0"); False when absent."""
    if text is None or isinstance(text, bool):
        return bool(text)
    flag = FLAG_WORDS.get(text.strip().lower())
    if flag is None:
        raise UserError(
            f"{name} is true or false, not {shown(text)}.", example=f"/timeline nato {name}:true"
        )
    return flag


@dataclass(frozen=True, slots=True)
class OnThisDayRequest:
    """/onthisday: a month-day, and the asker's today (the server's, in its time zone)."""

    day: MonthDay
    today: date

    @classmethod
    def parse(cls, text: str | None, today: date) -> Self:
        """'june 16', '16/06', 'tomorrow', or nothing for today."""
        return cls(parse_day(text, today), today)


@dataclass(frozen=True, slots=True)
class QuoteRequest:
    """/quote: free text (names and topic words), an optional speaker, the quotes shown."""

    query: str = ""
    speaker: str | None = None
    seen: Sequence[int] = ()  # ids "Another quote" has shown already

    def __post_init__(self) -> None:
        checked_search(self.query)
        checked_search(self.speaker or "")


@dataclass(frozen=True, slots=True)
class TimelineRequest:
    """/timeline: topic words, inclusive date bounds as sort keys (yyyymmdd), a page.

    full: every event, a page at a time; otherwise a span longer than a page opens
    with its key moments (a page past the first is always of the full list).
    """

    query: str = ""
    start: int | None = None
    end: int | None = None
    page: int = 1
    full: bool = False

    def __post_init__(self) -> None:
        checked_search(self.query)
        if self.start is not None and self.end is not None and self.start > self.end:
            raise UserError("The range ends before it starts.", example=BOUNDS_EXAMPLE)

    @classmethod
    def parse(
        cls,
        query: str | None,
        start: str | None = None,
        end: str | None = None,
        page: str | int | None = None,
        full: str | bool | None = None,
    ) -> Self:
        """From the typed words: 'nato', from '2001', to '2008-04-06', page '2', full 'true'."""
        low, high = parse_range(start, end)  # says which typed bound is wrong
        return cls(query or "", low, high, parse_page(page), parse_flag(full, "full"))


@dataclass(frozen=True, slots=True)
class SourcesRequest:
    """/sources: a page of the document list."""

    page: int = 1

    @classmethod
    def parse(cls, page: str | int | None) -> Self:
        """From a typed page number, or none for the first."""
        return cls(parse_page(page, "/sources page:2"))


TypedRequest = OnThisDayRequest | QuoteRequest | TimelineRequest | SourcesRequest


def split_options(text: str) -> tuple[str, dict[str, str]]:
    """'putin nato speaker:bush' -> ('putin nato', {'speaker': 'bush'}): the free words,
    and the `name:value` options (names in lower case)."""
    options = {k.lower(): v for k, v in _OPTION.findall(text)}
    return " ".join(_OPTION.sub(" ", text).split()), options


def typed_request(name: str, text: str, today: date) -> TypedRequest:
    """The request of a command typed as one line of words, as the console and Slack take
    them: `/onthisday june 16`, `/quote putin nato speaker:bush`, `/timeline nato
    from:2001 to:2005 page:2 full:true`, `/sources page:2`. UserError for an unknown one."""
    free, options = split_options(text)
    if name == "onthisday":
        return OnThisDayRequest.parse(options.get("date", free), today)
    if name == "quote":
        return QuoteRequest(free, options.get("speaker"))
    if name == "timeline":
        return TimelineRequest.parse(
            options.get("query", free),
            options.get("from"),
            options.get("to"),
            options.get("page"),
            options.get("full"),
        )
    if name in ("sources", "about"):
        return SourcesRequest.parse(options.get("page"))
    commands = ", /".join(TYPED_COMMANDS)
    raise UserError(f"There is no /{name} command. Try one of: /{commands}.")


def typed_example(example: str) -> str:
    """An example written as Discord's form shows options, as it is typed in one line:
    '/timeline query: nato from: 2001' -> '/timeline nato from:2001'."""

    def typed(match: re.Match[str]) -> str:
        return "" if match[1] in _FREE_OPTIONS else f"{match[1]}:"

    return " ".join(_SPACED_OPTION.sub(typed, example).split())
