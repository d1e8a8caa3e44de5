"""Post instants around every time-zone transition of every IANA zone, 2010-2030.

A property over the real tz database rather than a table of known cases: for
each zone the transitions are found from the stdlib's zoneinfo (independent of
dateutil, which the bot uses), and the local dates around each one must each get
exactly one post instant, on that date, after the previous date's, due at that
instant and not reported missed. Dates a zone skipped whole (Pacific/Apia,
2011-12-30) must have none. About 4 s on one core.
"""

from __future__ import annotations

import functools
import zoneinfo
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta, tzinfo

import pytest
from dateutil import tz

from bot.daily.schedule import (
    LastPost,
    NoSuchDateError,
    due_date,
    local_date,
    missed_date,
    next_date,
    post_instant,
    previous_date,
    zone,
    zone_names,
)

FIRST, LAST = datetime(2010, 1, 1, tzinfo=UTC), datetime(2031, 1, 1, tzinfo=UTC)
LONG_AGO = datetime(2000, 1, 1, tzinfo=UTC)
DAY, WEEK, MINUTE = timedelta(days=1), timedelta(days=7), timedelta(minutes=1)
# Ordinary times, and the day's edges where a gap past midnight bites.
FIXED_TIMES = (time(0, 0), time(0, 30), time(12, 0), time(23, 0), time(23, 30), time(23, 59))


def _offset(instant: datetime, where: zoneinfo.ZoneInfo) -> timedelta | None:
    return instant.astimezone(where).utcoffset()


def transitions(where: zoneinfo.ZoneInfo) -> Iterator[datetime]:
    """Instants (to the minute) where the zone's UTC offset changes, found by bisection."""
    moment, offset = FIRST, _offset(FIRST, where)
    while moment < LAST:
        following = moment + WEEK
        if (later := _offset(following, where)) == offset:
            moment = following
            continue
        low, high = 0, WEEK // MINUTE  # minutes after moment: no change at low, one at high
        while high - low > 1:
            middle = (low + high) // 2
            if _offset(moment + middle * MINUTE, where) == offset:
                low = middle
            else:
                high = middle
        moment += high * MINUTE  # a second change the same week is searched from here
        offset = _offset(moment, where) if moment < following else later
        yield moment


def _walls(change: datetime, where: zoneinfo.ZoneInfo) -> set[time]:
    """Times of day at and around the jump, inside a gap or a repeated hour."""
    before = (change - MINUTE).astimezone(where).replace(tzinfo=None)
    after = change.astimezone(where).replace(tzinfo=None)
    walls = {before, before + MINUTE, after, after - MINUTE, after + MINUTE}
    walls.add(before + (after - before) / 2)
    return {w.time().replace(second=0, microsecond=0) for w in walls}


def _dates_around(change: datetime, where: zoneinfo.ZoneInfo) -> tuple[list[date], list[date]]:
    """The local dates that occur within two days of the change, and those skipped."""
    seen = {(change + timedelta(minutes=30 * k)).astimezone(where).date() for k in range(-96, 97)}
    every = [min(seen) + timedelta(days=n) for n in range((max(seen) - min(seen)).days + 1)]
    return sorted(seen), [d for d in every if d not in seen]


def _alike(
    change: datetime, changes: list[datetime], where: zoneinfo.ZoneInfo
) -> tuple[object, ...]:
    """What the check of a change depends on: the UTC time of day of every change within
    three days, where it falls relative to this one, and the offsets either side."""
    near = [c for c in changes if abs(c - change) <= 3 * DAY]
    return tuple(
        (c - change, c.time(), _offset(c - MINUTE, where), _offset(c, where)) for c in near
    )


@functools.cache
def _zone_list() -> list[str]:
    return [n for n in zone_names() if tz.gettz(n) is not None]


def _check_time(at: time, days: list[date], where: tzinfo) -> None:
    earlier: datetime | None = None
    previous: date | None = None
    for day in days:
        before = previous or previous_date(day, where)  # the first date: as if it was posted
        instant = post_instant(day, at, where)
        assert local_date(instant, where) == day, (day, at, instant)
        assert earlier is None or instant > earlier, (day, at, instant, earlier)
        if previous is not None:
            assert previous_date(day, where) == previous, (day, previous)
            assert next_date(previous, where) == day, (day, previous)
        posted = LastPost(before, "posted")
        assert due_date(instant, at, where, LONG_AGO, posted) == day, (day, at, instant)
        assert missed_date(instant, at, where, LONG_AGO, posted) is None, (day, at, instant)
        earlier, previous = instant, day


@functools.cache
def _cases() -> list[tuple[str, datetime]]:
    """One (zone, change) for each kind of change found in any zone, 2010-2030."""
    kinds: dict[tuple[object, ...], tuple[str, datetime]] = {}
    for name in _zone_list():
        stdlib = zoneinfo.ZoneInfo(name)
        changes = list(transitions(stdlib))
        for change in changes:
            kinds.setdefault(_alike(change, changes, stdlib), (name, change))
    return list(kinds.values())


@pytest.mark.parametrize("shard", range(4))
def test_every_zone_every_transition(shard: int) -> None:
    """One post instant per existing local date, in order, due on time; none on a skipped date."""
    cases = _cases()[shard::4]
    for name, change in cases:
        stdlib, where = zoneinfo.ZoneInfo(name), zone(name)
        days, skipped = _dates_around(change, stdlib)
        for at in FIXED_TIMES + tuple(sorted(_walls(change, stdlib))):
            _check_time(at, days, where)
        for day in skipped:
            with pytest.raises(NoSuchDateError):
                post_instant(day, time(9, 0), where)
    assert cases


def test_known_transitions_are_found() -> None:
    """The search finds the transitions the named cases are about."""
    nuuk = list(transitions(zoneinfo.ZoneInfo("America/Nuuk")))
    assert datetime(2024, 3, 31, 1, 0, tzinfo=UTC) in nuuk
    apia = zoneinfo.ZoneInfo("Pacific/Apia")
    assert _dates_around(datetime(2011, 12, 30, 10, 0, tzinfo=UTC), apia)[1] == [date(2011, 12, 30)]
