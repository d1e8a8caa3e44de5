"""What bounds every answer: the length of a search and the store's time limit."""

from __future__ import annotations

import functools
from collections.abc import Callable, Coroutine
from typing import Any, Final, ParamSpec, TypeVar

from bot.answers.errors import UserError
from db.read.store import QueryTimeoutError

# The longest search a command takes (the Discord options say the same): a search is
# a few words, and a longer text would be looked up word by word in every index.
QUERY_MAX: Final = 100

TOO_SLOW: Final = "That search took too long to answer. Try fewer or rarer words."

# One member may not make the bot flood a channel: each may use each command, and press
# each kind of button, COOLDOWN_RATE times in COOLDOWN_PER seconds (every adapter).
COOLDOWN_RATE: Final = 5
COOLDOWN_PER: Final = 30.0


def slow_down(retry_after: float) -> str:
    """What a member using a command too often is told."""
    return f"Slow down a little: try again in {max(1, round(retry_after))} s."


P = ParamSpec("P")

T = TypeVar("T")


def answered_in_time(
    answer: Callable[P, Coroutine[Any, Any, T]],
) -> Callable[P, Coroutine[Any, Any, T]]:
    """The answer, or a UserError when the store stopped one of its queries for time."""

    @functools.wraps(answer)
    async def in_time(*args: P.args, **kwargs: P.kwargs) -> T:
        try:
            return await answer(*args, **kwargs)
        except QueryTimeoutError:
            raise UserError(TOO_SLOW) from None

    return in_time


def checked_search(text: str) -> str:
    """The search text, or a UserError when it is longer than any search needs."""
    if len(text) > QUERY_MAX:
        raise UserError(
            f"That search is {len(text):,} characters long; I read up to {QUERY_MAX}.",
            example="/quote putin nato",
        )
    return text
