"""A day's post, free of any chat service: the day's own, the nearest, or a quote."""

from __future__ import annotations

from datetime import date

import pytest

from bot.answers.when import MonthDay
from bot.daily.content import closest


@pytest.mark.parametrize(
    ("day", "before", "after", "nearest"),
    [
        (date(2026, 6, 16), MonthDay(6, 10), MonthDay(6, 20), MonthDay(6, 20)),
        (date(2026, 6, 16), MonthDay(6, 12), MonthDay(6, 20), MonthDay(6, 12)),
        (date(2026, 6, 16), MonthDay(6, 14), MonthDay(6, 18), MonthDay(6, 14)),  # a tie: earlier
        (date(2026, 1, 2), MonthDay(12, 30), MonthDay(2, 1), MonthDay(12, 30)),  # round the year
        (date(2026, 1, 2), None, MonthDay(2, 1), MonthDay(2, 1)),
        (date(2026, 1, 2), None, None, None),
    ],
)
def test_closest(
    day: date, before: MonthDay | None, after: MonthDay | None, nearest: MonthDay | None
) -> None:
    """The nearest of two anniversary days, counted round the year."""
    assert closest(day, before, after) == nearest
