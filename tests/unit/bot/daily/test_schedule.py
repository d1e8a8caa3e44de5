"""Daily-post time logic: parsing, time zones, DST, due / late / missed days."""

from __future__ import annotations

import warnings
from datetime import UTC, date, datetime, time

import pytest

from bot.answers.errors import UserError
from bot.daily.schedule import (
    AUTOCOMPLETE_MAX,
    LastPost,
    complete_zones,
    due_date,
    format_time,
    missed_date,
    next_post,
    parse_time,
    post_instant,
    resolve_zone,
    zone,
    zone_names,
)

NY = zone("America/New_York")
MOSCOW = zone("Europe/Moscow")
LONG_AGO = datetime(2020, 1, 1, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("09:00", time(9, 0)),
        ("9:00", time(9, 0)),
        ("9am", time(9, 0)),
        ("9 AM", time(9, 0)),
        ("9:30 pm", time(21, 30)),
        ("9.30p.m.", time(21, 30)),
        ("21:05", time(21, 5)),
        ("12am", time(0, 0)),
        ("12 pm", time(12, 0)),
        ("0930", time(9, 30)),
        ("  7  ", time(7, 0)),
        ("noon", time(12, 0)),
        ("midnight", time(0, 0)),
        ("23:59", time(23, 59)),
    ],
)
def test_parse_time(text: str, expected: time) -> None:
    """Times are read the way people type them."""
    assert parse_time(text) == expected


@pytest.mark.parametrize(
    "text", ["25:00", "24:00", "9:60", "13pm", "0am", "soon", "", "9:5", "21:05 pm", "-1"]
)
def test_parse_time_rejects(text: str) -> None:
    """Impossible or unreadable times are the user's mistake, with an example."""
    with pytest.raises(UserError) as caught:
        parse_time(text)
    assert caught.value.example is not None


def test_format_time() -> None:
    """Stored and shown as zero-padded HH:MM."""
    assert format_time(time(9, 5)) == "09:05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Europe/Moscow", "Europe/Moscow"),
        ("europe/moscow", "Europe/Moscow"),
        ("america/new york", "America/New_York"),
        ("UTC", "UTC"),
        (" Asia/Tokyo ", "Asia/Tokyo"),
    ],
)
def test_resolve_zone(text: str, expected: str) -> None:
    """Zone names are matched case- and spacing-insensitively to the canonical name."""
    assert resolve_zone(text) == expected


@pytest.mark.parametrize(
    ("text", "suggested"),
    [("Europe/Moskow", "Europe/Moscow"), ("Nwe_York", "America/New_York")],
)
def test_unknown_zone_offers_close_names(text: str, suggested: str) -> None:
    """An unknown zone is refused, naming the closest real ones."""
    with pytest.raises(UserError) as caught:
        resolve_zone(text)
    assert suggested in caught.value.message
    assert caught.value.example is not None


@pytest.mark.parametrize("text", ["Mars/Olympus", "", "../../etc/passwd", "/etc/localtime"])
def test_unknown_zone_refused(text: str) -> None:
    """Only names from the zone list are accepted, never file paths or the local zone."""
    with pytest.raises(UserError):
        resolve_zone(text)


def test_zone_names_without_deprecation_warnings() -> None:
    """The zone list comes from the stdlib, not dateutil's deprecated zoneinfo module."""
    zone_names.cache_clear()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        names = zone_names()
    assert "Europe/Moscow" in names
    assert "localtime" not in names


@pytest.mark.parametrize(
    ("current", "first"),
    [("europe/mos", "Europe/Moscow"), ("york", "America/New_York"), ("", "UTC")],
)
def test_complete_zones(current: str, first: str) -> None:
    """Autocomplete ranks prefix matches first and never returns more than 25."""
    names = complete_zones(current)
    assert names[0] == first
    assert len(names) <= AUTOCOMPLETE_MAX


def test_complete_zones_is_bounded() -> None:
    """A one-letter query matching hundreds of zones still returns 25."""
    assert len(complete_zones("a")) == AUTOCOMPLETE_MAX


@pytest.mark.parametrize(
    ("day", "at", "where", "expected"),
    [
        # Ordinary days.
        (date(2026, 6, 16), time(9, 0), MOSCOW, utc(2026, 6, 16, 6, 0)),
        (date(2026, 6, 16), time(9, 0), NY, utc(2026, 6, 16, 13, 0)),
        # Spring forward: 02:30 does not exist; the first valid instant after it is 03:00 EDT.
        (date(2026, 3, 8), time(2, 30), NY, utc(2026, 3, 8, 7, 0)),
        (date(2026, 3, 8), time(2, 0), NY, utc(2026, 3, 8, 7, 0)),
        (date(2026, 3, 8), time(3, 0), NY, utc(2026, 3, 8, 7, 0)),
        (date(2026, 3, 8), time(1, 59), NY, utc(2026, 3, 8, 6, 59)),
        # Fall back: 01:30 happens twice; the first (EDT, -4) is the one.
        (date(2026, 11, 1), time(1, 30), NY, utc(2026, 11, 1, 5, 30)),
        (date(2026, 11, 1), time(2, 0), NY, utc(2026, 11, 1, 7, 0)),
    ],
)
def test_post_instant(day: date, at: time, where: object, expected: datetime) -> None:
    """The post instant of a local day, across DST gaps and repeats."""
    assert post_instant(day, at, where) == expected  # type: ignore[arg-type]


NINE = time(9, 0)


@pytest.mark.parametrize(
    ("now", "since", "last", "expected"),
    [
        # Before the time: not due.
        (utc(2026, 6, 16, 5, 59), LONG_AGO, None, None),
        # At the time: due for the local date.
        (utc(2026, 6, 16, 6, 0), LONG_AGO, None, date(2026, 6, 16)),
        # Late the same local day (downtime over 09:00 Moscow): still due.
        (utc(2026, 6, 16, 20, 59), LONG_AGO, None, date(2026, 6, 16)),
        # Already posted that local day: not due.
        (utc(2026, 6, 16, 7, 0), LONG_AGO, LastPost(date(2026, 6, 16), "posted"), None),
        (utc(2026, 6, 16, 7, 0), LONG_AGO, LastPost(date(2026, 6, 16), "skipped"), None),
        # Yesterday posted: today is due.
        (
            utc(2026, 6, 16, 7, 0),
            LONG_AGO,
            LastPost(date(2026, 6, 15), "posted"),
            date(2026, 6, 16),
        ),
        # Claimed or failed today: still a candidate (the claim decides about retries).
        (
            utc(2026, 6, 16, 7, 0),
            LONG_AGO,
            LastPost(date(2026, 6, 16), "claimed"),
            date(2026, 6, 16),
        ),
        (
            utc(2026, 6, 16, 7, 0),
            LONG_AGO,
            LastPost(date(2026, 6, 16), "failed"),
            date(2026, 6, 16),
        ),
        # Subscribed after today's time: starts tomorrow.
        (utc(2026, 6, 16, 7, 0), utc(2026, 6, 16, 6, 30), None, None),
        # Subscribed before today's time: due today.
        (utc(2026, 6, 16, 6, 0), utc(2026, 6, 16, 5, 0), None, date(2026, 6, 16)),
        # After local midnight (21:00 UTC = 00:00 Moscow): the new day waits for 09:00.
        (utc(2026, 6, 16, 21, 0), LONG_AGO, None, None),
        # A later local day was already logged (the zone moved west): never an older day.
        (utc(2026, 6, 16, 7, 0), LONG_AGO, LastPost(date(2026, 6, 17), "posted"), None),
    ],
)
def test_due_date(
    now: datetime, since: datetime, last: LastPost | None, expected: date | None
) -> None:
    """Due once the local post time has come, until the local day ends, once."""
    assert due_date(now, NINE, MOSCOW, since, last) == expected


@pytest.mark.parametrize(
    ("now", "since", "last", "expected"),
    [
        # Down from before yesterday's 09:00 until after midnight: yesterday was missed.
        (
            utc(2026, 6, 16, 3, 0),
            LONG_AGO,
            LastPost(date(2026, 6, 14), "posted"),
            date(2026, 6, 15),
        ),
        (utc(2026, 6, 16, 3, 0), LONG_AGO, None, date(2026, 6, 15)),
        # Yesterday was posted or tried: nothing missed.
        (utc(2026, 6, 16, 3, 0), LONG_AGO, LastPost(date(2026, 6, 15), "posted"), None),
        (utc(2026, 6, 16, 3, 0), LONG_AGO, LastPost(date(2026, 6, 15), "failed"), None),
        # Subscribed after yesterday's post time: nothing was owed.
        (utc(2026, 6, 16, 3, 0), utc(2026, 6, 15, 12, 0), None, None),
    ],
)
def test_missed_date(
    now: datetime, since: datetime, last: LastPost | None, expected: date | None
) -> None:
    """A day whose post time passed while the bot was down is skipped, not posted late."""
    assert missed_date(now, NINE, MOSCOW, since, last) == expected


def test_repeated_hour_posts_once() -> None:
    """On the fall-back night 01:30 comes twice; after the first post the second is not due."""
    first = utc(2026, 11, 1, 5, 30)  # 01:30 EDT
    second = utc(2026, 11, 1, 6, 30)  # 01:30 EST
    at = time(1, 30)
    assert due_date(first, at, NY, LONG_AGO, None) == date(2026, 11, 1)
    posted = LastPost(date(2026, 11, 1), "posted")
    assert due_date(second, at, NY, LONG_AGO, posted) is None


def test_gap_posts_at_end_of_gap() -> None:
    """02:30 on the spring-forward night is due at 03:00 EDT, not before."""
    at = time(2, 30)
    assert due_date(utc(2026, 3, 8, 6, 59), at, NY, LONG_AGO, None) is None
    assert due_date(utc(2026, 3, 8, 7, 0), at, NY, LONG_AGO, None) == date(2026, 3, 8)


@pytest.mark.parametrize(
    ("now", "last", "expected"),
    [
        (utc(2026, 6, 16, 5, 0), None, utc(2026, 6, 16, 6, 0)),
        (utc(2026, 6, 16, 7, 0), LastPost(date(2026, 6, 16), "posted"), utc(2026, 6, 17, 6, 0)),
        # Due but not posted yet: the (past) instant of today, i.e. "due now".
        (utc(2026, 6, 16, 7, 0), None, utc(2026, 6, 16, 6, 0)),
    ],
)
def test_next_post(now: datetime, last: LastPost | None, expected: datetime) -> None:
    """The next post instant, in UTC."""
    assert next_post(now, NINE, MOSCOW, LONG_AGO, last) == expected


def test_next_post_after_late_subscription() -> None:
    """A subscription made after today's time has its first post tomorrow."""
    now = utc(2026, 6, 16, 8, 0)
    assert next_post(now, NINE, MOSCOW, now, None) == utc(2026, 6, 17, 6, 0)


NUUK = zone("America/Nuuk")
APIA = zone("Pacific/Apia")


@pytest.mark.parametrize("at", [time(23, 0), time(23, 30), time(23, 59)])
def test_gap_past_midnight_posts_the_same_day(at: time) -> None:
    """Nuuk jumps from 23:00 to 00:00 on 2024-03-30: a 23:xx post comes in the last minute
    before the jump, on the Saturday, and is due then (not moved to Sunday, not missed)."""
    saturday = date(2024, 3, 30)
    instant = post_instant(saturday, at, NUUK)
    assert instant == utc(2024, 3, 31, 0, 59)  # 22:59 at UTC-2
    assert due_date(instant, at, NUUK, LONG_AGO, None) == saturday
    sunday = utc(2024, 3, 31, 1, 0)
    assert missed_date(sunday, at, NUUK, LONG_AGO, LastPost(saturday, "posted")) is None


@pytest.mark.parametrize("at", [time(0, 0), time(9, 0)])
def test_a_skipped_date_is_neither_due_nor_missed(at: time) -> None:
    """Samoa skipped 2011-12-30: on the 31st "yesterday" is the 29th, and nothing raises."""
    posted = LastPost(date(2011, 12, 29), "posted")
    since = utc(2011, 1, 1)
    now = utc(2011, 12, 30, 20, 0)  # 10:00 on the 31st at UTC+14
    assert missed_date(now, at, APIA, since, posted) is None
    assert missed_date(now, at, APIA, since, None) == date(2011, 12, 29)
    after = next_post(utc(2011, 12, 29, 20, 0), at, APIA, since, posted)
    assert after.astimezone(APIA).date() == date(2011, 12, 31)
