"""Reading the dates and year ranges people type into commands."""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from bot.answers.errors import UserError

MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

_RELATIVE = {"today": 0, "tomorrow": 1, "yesterday": -1}
_MONTH_NAME = "|".join(sorted(MONTHS, key=len, reverse=True))
_MONTH_DAY = re.compile(rf"^({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(\d{{1,4}}))?$")
_DAY_MONTH = re.compile(
    rf"^(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH_NAME})\.?(?:,?\s+(\d{{1,4}}))?$"
)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})$")
_YEAR = re.compile(r"^\d{1,4}$")

DAY_EXAMPLE = "/onthisday date: june 16"
SHOWN_MAX = 60  # how much of a bad input an error message echoes back


@dataclass(frozen=True, slots=True)
class MonthDay:
    """A day of the year, with the year if the user gave one."""

    month: int
    day: int
    year: int | None = None

    def label(self) -> str:
        """'June 16' for headings."""
        return f"{date(2000, self.month, self.day):%B} {self.day}"


def parse_day(text: str | None, today: date) -> MonthDay:
    """A month-day from what people type: june 16, 16 June, 06-16, 2001-06-16, tomorrow."""
    cleaned = " ".join((text or "").strip().lower().replace(",", " ").split())
    if not cleaned:
        return MonthDay(today.month, today.day)
    if cleaned in _RELATIVE:
        # Month-day arithmetic in a stand-in year of the same kind (leap or not), so that
        # "tomorrow" of 9999-12-31 is January 1 rather than a date out of range.
        stand_in = date(2000 if calendar.isleap(today.year) else 2001, today.month, today.day)
        shifted = stand_in + timedelta(days=_RELATIVE[cleaned])
        return MonthDay(shifted.month, shifted.day)
    for pattern, order in ((_MONTH_DAY, "md"), (_DAY_MONTH, "dm")):
        match = pattern.match(cleaned)
        if match:
            first, second, year = match.groups()
            month_name, day = (first, second) if order == "md" else (second, first)
            return _checked(MONTHS[month_name], int(day), int(year) if year else None, text)
    match = _ISO.match(cleaned)
    if match:
        return _checked(int(match[2]), int(match[3]), int(match[1]), text)
    match = _NUMERIC.match(cleaned)
    if match:
        return _numeric(int(match[1]), match[2], int(match[3]), text)
    raise UserError(f"I couldn't read {shown(text)} as a date.", example=DAY_EXAMPLE)


def _numeric(first: int, separator: str, second: int, text: str | None) -> MonthDay:
    """06-16 is month-day (ISO order); with a slash or a dot, people write both orders
    (16/06 in Europe, 6/16 in the US): a number over 12 tells which; when neither is,
    and the two differ, the user is asked rather than guessed at."""
    if separator == "-":
        return _checked(first, second, None, text)  # ISO order, as the README shows
    if first > 12:
        return _checked(second, first, None, text)  # 16/06: the day comes first
    if second > 12 or first == second:
        return _checked(first, second, None, text)  # 6/16: the month comes first
    as_day_month = date(2000, second, first)
    as_month_day = date(2000, first, second)
    raise UserError(
        f"Is {shown(text)} {as_month_day:%B} {second} or {as_day_month:%B} {first}?"
        " Write the month as a word.",
        example=f"/onthisday date: {as_day_month:%B} {first}".lower(),
    )


def shown(text: str | None) -> str:
    """The user's input as an error message quotes it: repr (controls visible), capped."""
    value = text or ""
    if len(value) > SHOWN_MAX:
        value = value[: SHOWN_MAX - 1] + "…"
    return repr(value)


def _checked(month: int, day: int, year: int | None, text: str | None) -> MonthDay:
    """Reject impossible days; 29 February is fine without a year."""
    try:
        date(year if year else 2000, month, day)
    except ValueError:
        raise UserError(f"{shown(text)} is not a real date.", example=DAY_EXAMPLE) from None
    return MonthDay(month, day, year)


def parse_bound(text: str | None, *, end: bool) -> int | None:
    """A timeline bound as a sort key: a year (1999) or a date; inclusive at both ends."""
    cleaned = (text or "").strip().lower()
    if not cleaned:
        return None
    if _YEAR.match(cleaned):
        year = int(cleaned)
        return year * 10_000 + (1231 if end else 0)
    try:
        when = parse_day(cleaned, date(2000, 1, 1))
    except UserError:
        when = None
    if when is None or when.year is None:
        raise UserError(
            f"I couldn't read {shown(text)} as a year or a full date.",
            example="/timeline query: nato from: 2001 to: 2008-04-06",
        )
    return when.year * 10_000 + when.month * 100 + when.day


BOUNDS_EXAMPLE = "/timeline query: nato from: 2001 to: 2008"


def parse_range(start: str | None, end: str | None) -> tuple[int | None, int | None]:
    """/timeline's from and to as inclusive sort keys, checked together: every adapter
    refuses a range that ends before it starts, rather than answering "no events"."""
    low = parse_bound(start, end=False)
    high = parse_bound(end, end=True)
    if low is not None and high is not None and low > high:
        raise UserError(
            f"“from” ({shown(start)}) comes after “to” ({shown(end)}).", example=BOUNDS_EXAMPLE
        )
    return low, high


def is_leap_day_fallback(day: MonthDay, today: date) -> bool:
    """In a common year, 28 February also stands for 29 February."""
    return (day.month, day.day) == (2, 28) and not calendar.isleap(today.year)


def nearest_days(
    days: Sequence[tuple[int, int]], day: MonthDay
) -> tuple[MonthDay | None, MonthDay | None]:
    """The closest anniversary days before and after a day, wrapping round the year."""
    if not days:
        return None, None
    key = (day.month, day.day)
    earlier = [d for d in days if d < key]
    later = [d for d in days if d > key]
    before = earlier[-1] if earlier else days[-1]
    after = later[0] if later else days[0]
    return MonthDay(*before), MonthDay(*after)
