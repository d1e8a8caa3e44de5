"""What the state store holds, free of any database: a PostgreSQL state store keeps
the same records and the same rules, so only the SQL differs between backends.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Final, Literal


class EmptyDay(StrEnum):
    """What a daily post does on a day with no anniversary.

    NEAREST, the first, is the default (as in state.sql's column default, which SQL
    must spell itself). The values are what the store and the /daily options carry.
    """

    NEAREST = "nearest"
    QUOTE = "quote"
    SKIP = "skip"


PostStatus = Literal["claimed", "posted", "skipped", "failed"]


STALE_CLAIM: Final = timedelta(minutes=5)


RETRY_FAILED: Final = timedelta(minutes=10)


MAX_FAILURES: Final = 3


PAUSED_AFTER_FAILURES: Final = f"{MAX_FAILURES} failed posts in a row"


CHANNEL_DELETED: Final = "the channel was deleted"


# The bot's schedules of turns (StateBackend.reserve_turn), one per limit Discord
# counts for the whole bot, not for a process: REST requests under the global rate
# limit, and IDENTIFYs (one new gateway session per 5 s).
REST_TURNS: Final = "rest"
IDENTIFY_TURNS: Final = "identify"


# Post-log rows older than this many days are pruned (see prune_post_log): only a
# server's latest rows decide what is due, and 1,000 servers log 365,000 rows a year.
POST_LOG_DAYS: Final = 90


def utc_now() -> datetime:
    """The real clock, aware UTC (the state store's and the bot's); tests pass another."""
    return datetime.now(UTC)


@dataclass(frozen=True, slots=True)
class PostRecord:
    """One post-log row: what happened to a server's post of one local day."""

    local_date: date
    channel_id: int
    status: PostStatus
    message_id: int | None
    detail: str | None
    attempts: int
    at: datetime


@dataclass(frozen=True, slots=True)
class Subscription:
    """A server's daily post settings, its health, and its latest post-log row."""

    guild_id: int
    channel_id: int
    post_time: time
    timezone: str
    empty_day: EmptyDay
    enabled: bool
    since: datetime
    paused_reason: str | None
    failures: int
    last_error: str | None
    last_error_at: datetime | None
    last: PostRecord | None

    @property
    def active(self) -> bool:
        """Whether the poster should consider it."""
        return self.enabled and self.paused_reason is None


def retry_at(record: PostRecord) -> datetime | None:
    """When `claim_post` will next take this day's row; None if never (settled or given up).

    The same rule as claim_post's WHERE clause, for /daily status to tell the truth.
    """
    if record.status == "claimed" and record.attempts == 1:
        return record.at + STALE_CLAIM
    if record.status == "failed":
        return record.at + RETRY_FAILED
    return None


# -- Slack ids -----------------------------------------------------------------
# Slack names workspaces, channels and messages with text ids (T024BE7LD, C0123ABCD,
# '1700000001.000100'); the state store keys servers, channels and messages by
# integers. A Slack id is kept as its value in base 36, negated: Discord's snowflakes
# are positive, so one store can hold both services and no id can be the other's.

_SLACK_DIGITS: Final = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_SLACK_ID: Final = re.compile(r"[A-Z][A-Z0-9]{1,11}")  # 12 characters fit in a BIGINT


def slack_key(slack_id: str) -> int:
    """A Slack workspace or channel id as the state store keys it (negative)."""
    if not _SLACK_ID.fullmatch(slack_id):
        raise ValueError(f"not a Slack id: {slack_id[:40]!r}")
    return -int(slack_id, 36)


def slack_id(key: int) -> str:
    """The Slack id a negative key stands for (inverse of slack_key)."""
    if not is_slack_key(key):
        raise ValueError(f"not a Slack key: {key}")
    number, out = -key, ""
    while number:
        number, rest = divmod(number, 36)
        out = _SLACK_DIGITS[rest] + out
    return out


def is_slack_key(key: int) -> bool:
    """Whether a server or channel id of the state store is a Slack one."""
    return key < 0


def slack_message_key(ts: str) -> int:
    """A Slack message's ts ('1700000001.000100') as the post log's message id."""
    seconds, _, micros = ts.partition(".")
    return int(seconds) * 1_000_000 + int(micros.ljust(6, "0")[:6] or 0)
