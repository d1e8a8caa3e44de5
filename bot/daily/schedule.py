"""When daily posts happen: pure time logic, the clock always passed in.

Every function takes `now` (an aware UTC datetime) instead of reading the
clock, so DST transitions, downtime and midnight can be tested as tables.

Rules:
- a post belongs to a *local* date of the server's time zone: one a day;
- the post instant of a local date is the first instant of that date whose local
  wall time is at or after the chosen time. In a DST gap (02:30 on a
  spring-forward night) that is the end of the gap (03:00); in a repeated hour it
  is the first occurrence. When the gap runs past midnight (America/Nuuk jumps
  from 23:00 to 00:00), no instant of the date is that late: the post comes in
  the last minute before the jump, so it stays on its own date;
- a date a zone skipped whole (Pacific/Apia, 2011-12-30) has no post: the dates
  before and after it are neighbours (`previous_date`, `next_date`);
- a day is due once now has reached its post instant, while the same local day
  lasts; a day whose post instant passed while the bot was down and whose local
  day is over is missed (skipped and logged), never posted the next day.
"""

from __future__ import annotations

import difflib
import functools
import re
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Final

from dateutil import tz

from bot.answers.errors import UserError
from db.state.records import Subscription, retry_at

Clock = Callable[[], datetime]

TIME_EXAMPLE: Final = "/daily set time: 09:00"
ZONE_EXAMPLE: Final = "/daily set timezone: Europe/London"
AUTOCOMPLETE_MAX: Final = 25
# Settled days are never posted again; 'claimed' and 'failed' ones may be retried.
SETTLED: Final = frozenset({"posted", "skipped"})
# Longest DST gap the minute walk crosses (Samoa skipped a whole day in 2011): a walk
# never leaves its date, so it needs at most a day's minutes.
_MAX_GAP_MINUTES: Final = 24 * 60

_TIME = re.compile(
    r"^(?P<hour>\d{1,2})(?:\s*[:.h]\s*(?P<minute>\d{2}))?\s*(?:(?P<half>[ap])\.?\s*m?\.?)?$"
)
_COMPACT = re.compile(r"^(?P<hour>\d{2})(?P<minute>\d{2})$")
_WORDS = {"noon": time(12, 0), "midday": time(12, 0), "midnight": time(0, 0)}
_NOT_ZONES = frozenset({"Factory", "localtime", "posixrules"})
COMMON_ZONES: Final = (
    "UTC",
    "Europe/London",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Moscow",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Shanghai",
    "Asia/Tokyo",
    "Australia/Sydney",
)


# -- reading what people type -------------------------------------------------


def parse_time(text: str) -> time:
    """A local time of day: "09:00", "9am", "9:30 pm", "21:05", "0930", "noon"."""
    cleaned = " ".join(text.strip().lower().split())
    if cleaned in _WORDS:
        return _WORDS[cleaned]
    match = _TIME.match(cleaned) or _COMPACT.match(cleaned)
    if match is None:
        raise UserError(f"I couldn't read {text!r} as a time of day.", example=TIME_EXAMPLE)
    hour, minute = int(match["hour"]), int(match["minute"] or 0)
    half = match.groupdict().get("half")
    if half is not None:
        if not 1 <= hour <= 12:
            raise UserError(
                f"{text!r} is not a real time: am/pm hours go from 1 to 12.", example=TIME_EXAMPLE
            )
        hour = hour % 12 + (12 if half == "p" else 0)
    if hour > 23 or minute > 59:
        raise UserError(f"{text!r} is not a real time of day.", example=TIME_EXAMPLE)
    return time(hour, minute)


def format_time(at: time) -> str:
    """'09:00': how a post time is stored and shown."""
    return f"{at.hour:02d}:{at.minute:02d}"


@functools.cache
def zone_names() -> tuple[str, ...]:
    """Every IANA zone name the system knows, sorted (stdlib list, no deprecated API)."""
    return tuple(sorted(zoneinfo.available_timezones() - _NOT_ZONES))


@functools.cache
def _zones_by_key() -> dict[str, str]:
    return {_key(name): name for name in zone_names()}


def _key(text: str) -> str:
    """Case- and spacing-insensitive form of a zone name: 'new york' ~ 'New_York'."""
    return "_".join(text.lower().split())


def resolve_zone(text: str) -> str:
    """The canonical IANA name for what the user typed; unknown → UserError with close names."""
    name = _zones_by_key().get(_key(text))
    if name is not None and tz.gettz(name) is not None:
        return name
    close = close_zones(text)
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    example = f"/daily set timezone: {close[0]}" if close else ZONE_EXAMPLE
    raise UserError(f"{text.strip()!r} is not a time zone I know.{hint}", example=example)


def close_zones(text: str, limit: int = 3) -> list[str]:
    """Zone names that look like a misspelling of text, matching full names or cities."""
    key = _key(text)
    if not key:
        return []
    by_key = _zones_by_key()
    found = difflib.get_close_matches(key, by_key, n=limit, cutoff=0.6)
    cities = {k.rsplit("/", 1)[-1]: k for k in by_key}
    found += [cities[c] for c in difflib.get_close_matches(key, cities, n=limit, cutoff=0.6)]
    return list(dict.fromkeys(by_key[k] for k in found))[:limit]


def zone(name: str) -> tzinfo:
    """The tzinfo of a validated zone name."""
    found = tz.gettz(name)
    if found is None:
        raise UserError(f"{name!r} is not a time zone I know.", example=ZONE_EXAMPLE)
    return found


def complete_zones(current: str, limit: int = AUTOCOMPLETE_MAX) -> list[str]:
    """Autocomplete: names starting with, then with a part starting with, then containing."""
    key = _key(current)
    if not key:
        return list(COMMON_ZONES[:limit])
    ranked: list[tuple[int, str]] = []
    for name in zone_names():  # ~600 names: bounded work
        lowered = name.lower()
        if lowered.startswith(key):
            ranked.append((0, name))
        elif any(part.startswith(key) for part in re.split(r"[/_-]", lowered)):
            ranked.append((1, name))
        elif key in lowered:
            ranked.append((2, name))
    return [name for _, name in sorted(ranked)[:limit]]


# -- post instants ------------------------------------------------------------


def local_date(now: datetime, where: tzinfo) -> date:
    """The calendar date in a time zone at an instant."""
    return now.astimezone(where).date()


class NoSuchDateError(ValueError):
    """The zone skipped that whole local date: nothing happens on it."""


def post_instant(day: date, at: time, where: tzinfo) -> datetime:
    """The UTC instant of the post of a local date (see the module docstring for gaps).

    Raises NoSuchDateError for a date the zone skipped whole.
    """
    wall = datetime.combine(day, at).replace(tzinfo=where, fold=0)
    if tz.datetime_exists(wall):
        return wall.astimezone(UTC)  # fold=0: the first of a repeated hour
    later = _first_existing(wall, timedelta(minutes=1), day)  # the end of the gap
    found = later or _first_existing(wall, -timedelta(minutes=1), day)  # before the jump
    if found is None:
        raise NoSuchDateError(f"{day} does not exist in {where}")
    return found.astimezone(UTC)


def _first_existing(wall: datetime, step: timedelta, day: date) -> datetime | None:
    """Walk the wall clock by `step` from a time in a gap; the first that exists on `day`."""
    for _ in range(_MAX_GAP_MINUTES):
        wall += step  # wall-clock arithmetic on an aware datetime: the offset follows
        if wall.date() != day:
            return None
        if tz.datetime_exists(wall):
            return wall
    return None


def _instant_if_any(day: date, at: time, where: tzinfo) -> datetime | None:
    try:
        return post_instant(day, at, where)
    except NoSuchDateError:
        return None


def previous_date(day: date, where: tzinfo) -> date:
    """The local date before `day` that exists in the zone (skipped dates are passed over)."""
    start = post_instant(day, time(0, 0), where)  # the first instant of the date
    return local_date(start - timedelta(seconds=1), where)


def next_date(day: date, where: tzinfo) -> date:
    """The local date after `day` that exists in the zone."""
    following = day + timedelta(days=1)
    while _instant_if_any(following, time(0, 0), where) is None:
        following += timedelta(days=1)  # at most one: no zone skips two dates
    return following


@dataclass(frozen=True, slots=True)
class LastPost:
    """The latest post-log row of a server, as the due logic needs it."""

    local_date: date
    status: str


def last_post(sub: Subscription) -> LastPost | None:
    """A subscription's latest post-log row, as the due logic reads it."""
    return LastPost(sub.last.local_date, sub.last.status) if sub.last else None


def subscription_days(
    sub: Subscription, now: datetime, where: tzinfo
) -> tuple[date | None, date | None]:
    """(missed, due) for a subscription now: the day to skip and log as missed while
    down, and the day to post (each None when there is none). Every poster reads a
    subscription's days here."""
    last = last_post(sub)
    return (
        missed_date(now, sub.post_time, where, sub.since, last),
        due_date(now, sub.post_time, where, sub.since, last),
    )


def _settled(last: LastPost | None, day: date) -> bool:
    """Whether the server's log says that day (or a later one) needs no post."""
    if last is None:
        return False
    if last.local_date > day:
        return True  # the time zone moved backwards: never post an older day
    return last.local_date == day and last.status in SETTLED


def due_date(
    now: datetime, at: time, where: tzinfo, since: datetime, last: LastPost | None
) -> date | None:
    """The local date to post now, or None.

    Due once the post instant of today has come, if the subscription existed at
    that instant (a subscription made at 10:00 for 09:00 starts tomorrow) and the
    day is not settled. A 'claimed' or 'failed' day stays a candidate: the state
    store's claim decides whether a retry is allowed.
    """
    today = local_date(now, where)
    instant = post_instant(today, at, where)
    if now < instant or instant < since or _settled(last, today):
        return None
    return today


def missed_date(
    now: datetime, at: time, where: tzinfo, since: datetime, last: LastPost | None
) -> date | None:
    """Yesterday, if its post instant passed with no post (the bot was down): skip and log it."""
    yesterday = previous_date(local_date(now, where), where)
    instant = post_instant(yesterday, at, where)
    if instant < since or instant > now or _settled(last, yesterday):
        return None
    if last is not None and last.local_date == yesterday:
        return None  # claimed or failed yesterday: it was tried, not missed
    return yesterday


def next_post(
    now: datetime, at: time, where: tzinfo, since: datetime, last: LastPost | None
) -> datetime:
    """The instant of the next post: today's (possibly past, i.e. due now) or a later day's."""
    day = local_date(now, where)
    for _ in range(4):  # today, tomorrow; more only if the zone moved backwards
        instant = post_instant(day, at, where)
        if instant >= since and not _settled(last, day):
            return instant
        day = next_date(day, where)
    return post_instant(day, at, where)


def upcoming(sub: Subscription, now: datetime) -> datetime:
    """When the next post will really be tried, from the post log as the poster reads it.

    A day whose post was tried and failed or not confirmed comes again only when
    its claim may be taken again (db.state.sqlite.retry_at), and only the same local day;
    a day given up (or retried past its end) means tomorrow.
    """
    where = zone(sub.timezone)
    instant = next_post(now, sub.post_time, where, sub.since, last_post(sub))
    day = local_date(instant, where)
    if sub.last is None or sub.last.local_date != day:
        return instant
    retry = retry_at(sub.last)
    if retry is not None and local_date(max(retry, instant), where) == day:
        return max(retry, instant)
    return next_post(now, sub.post_time, where, sub.since, LastPost(day, "skipped"))
