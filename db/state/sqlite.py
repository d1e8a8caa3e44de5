"""The state store: server settings, daily subscriptions and the post log.

It lives in its own SQLite file, apart from the content store, because it is
irreplaceable: rebuilding the almanac from its texts never touches it. One
long-lived aiosqlite connection in autocommit mode; every method runs under one
asyncio lock, so a multi-statement transaction is never interleaved with
another coroutine's statements on the shared connection.

Exactly once: a post starts with `claim_post`, an INSERT into post_log keyed by
(server, local date). Only one claim of a day can win, across restarts and
across concurrent runners (SQLite serialises the writers).

A crash between claim and record (or a record that fails: the file locked,
the disk full) leaves a 'claimed' row. Such a claim older than STALE_CLAIM is
taken over by exactly one later claim, once; a second crash on the same day
gives the day up. The retry may find the message already sent: the poster
(bot.discord_bot.daily) looks for it in the channel and sends with the day's
nonce, so it is recorded, not sent twice (`post_record` tells a retry by its
attempts). A 'failed' row (Discord refused the post, so nothing was sent) can be
claimed again after RETRY_FAILED; MAX_FAILURES consecutive failures pause the subscription.
"""

from __future__ import annotations

import asyncio
import time as time_module
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any, Self

import aiosqlite

from db import schema
from db.schema import AsyncClosing
from db.state.records import (
    CHANNEL_DELETED,
    MAX_FAILURES,
    PAUSED_AFTER_FAILURES,
    POST_LOG_DAYS,
    RETRY_FAILED,
    STALE_CLAIM,
    EmptyDay,
    PostRecord,
    Subscription,
    utc_now,
)

_SUBSCRIPTION_COLUMNS = (
    "s.guild_id, s.channel_id, s.post_time, g.timezone, s.empty_day, s.enabled, s.since,"
    " s.paused_reason, s.failures, s.last_error, s.last_error_at,"
    " p.local_date, p.channel_id, p.status, p.message_id, p.detail, p.attempts, p.at"
)
_POST_COLUMNS = "local_date, channel_id, status, message_id, detail, attempts, at"
_SUBSCRIPTION_FROM = (
    " FROM subscriptions s JOIN guild_settings g ON g.guild_id = s.guild_id"
    " LEFT JOIN post_log p ON p.guild_id = s.guild_id AND p.local_date ="
    " (SELECT max(local_date) FROM post_log WHERE guild_id = s.guild_id)"
)


def stamp(moment: datetime) -> str:
    """One fixed text shape for instants, so SQL can compare them as strings."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+00:00")


def _instant(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None


def _subscription(row: Sequence[Any]) -> Subscription:
    last = None
    if row[11] is not None:
        last = PostRecord(
            local_date=date.fromisoformat(row[11]),
            channel_id=int(row[12]),
            status=row[13],
            message_id=row[14],
            detail=row[15],
            attempts=int(row[16]),
            at=datetime.fromisoformat(row[17]),
        )
    return Subscription(
        guild_id=int(row[0]),
        channel_id=int(row[1]),
        post_time=time.fromisoformat(row[2]),
        timezone=row[3],
        empty_day=EmptyDay(row[4]),
        enabled=bool(row[5]),
        since=datetime.fromisoformat(row[6]),
        paused_reason=row[7],
        failures=int(row[8]),
        last_error=row[9],
        last_error_at=_instant(row[10]),
        last=last,
    )


def _migrate(path: Path | str) -> None:
    """Apply migrations; connect and close in one thread, as sqlite3 requires."""
    schema.connect(path, schema.STATE_SCHEMA).close()


class StateStore(AsyncClosing):
    """Settings and post log of every server (see the module docstring for the rules)."""

    def __init__(self, conn: aiosqlite.Connection, clock: Callable[[], datetime]) -> None:
        self._conn = conn
        self._clock = clock
        self._lock = asyncio.Lock()
        self._next_turns: dict[str, float] = {}  # time.monotonic() of each next free turn

    @classmethod
    async def open(cls, path: Path | str, *, clock: Callable[[], datetime] = utc_now) -> Self:
        """Open (creating and migrating) the state file; `clock` stamps every change."""
        await asyncio.to_thread(_migrate, path)
        conn = await aiosqlite.connect(path, isolation_level=None)
        try:
            await conn.execute("PRAGMA foreign_keys = ON")
            await conn.execute("PRAGMA busy_timeout = 5000")
            await conn.execute("PRAGMA synchronous = NORMAL")
        except BaseException:
            await conn.close()
            raise
        return cls(conn, clock)

    async def close(self) -> None:
        await self._conn.close()

    def _now(self) -> str:
        return stamp(self._clock())

    async def _write(self, *statements: tuple[str, Sequence[Any]]) -> int:
        """Run statements in one IMMEDIATE transaction; the rows changed by the last one."""
        async with self._lock:
            await self._conn.execute("BEGIN IMMEDIATE")
            try:
                changed = 0
                for sql, params in statements:
                    cursor = await self._conn.execute(sql, params)
                    changed = cursor.rowcount
                await self._conn.execute("COMMIT")
            except BaseException:
                await self._conn.execute("ROLLBACK")
                raise
            return changed

    async def _read(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        async with self._lock:
            return list(await self._conn.execute_fetchall(sql, params))

    # -- server time zone ------------------------------------------------------

    async def guild_timezone(self, guild_id: int) -> str | None:
        """The server's IANA time zone, or None if it never chose one."""
        rows = await self._read(
            "SELECT timezone FROM guild_settings WHERE guild_id = ?", (guild_id,)
        )
        return str(rows[0][0]) if rows else None

    async def set_guild_timezone(self, guild_id: int, timezone: str) -> None:
        """Choose the server's time zone (it also moves its daily post)."""
        await self._write(_upsert_timezone(guild_id, timezone, self._now()))

    # -- subscriptions -----------------------------------------------------------

    async def subscribe(
        self,
        guild_id: int,
        *,
        channel_id: int,
        post_time: time,
        timezone: str,
        empty_day: EmptyDay,
    ) -> Subscription:
        """Set channel, time, time zone and policy in one transaction; clears pause and errors.

        A new subscription is due from now on (a time already past today starts
        tomorrow); changing or resuming one keeps its start, so a day not yet
        posted (paused after failures, say) is still posted today.
        """
        now = self._now()
        await self._write(
            _upsert_timezone(guild_id, timezone, now),
            (
                "INSERT INTO subscriptions (guild_id, channel_id, post_time, empty_day, enabled,"
                " since, paused_reason, failures, last_error, last_error_at, updated_at)"
                " VALUES (?, ?, ?, ?, 1, ?, NULL, 0, NULL, NULL, ?)"
                " ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,"
                " post_time = excluded.post_time, empty_day = excluded.empty_day, enabled = 1,"
                " paused_reason = NULL, failures = 0,"
                " last_error = NULL, last_error_at = NULL, updated_at = excluded.updated_at",
                (guild_id, channel_id, f"{post_time:%H:%M}", empty_day, now, now),
            ),
        )
        found = await self.subscription(guild_id)
        assert found is not None
        return found

    async def subscription(self, guild_id: int) -> Subscription | None:
        """A server's subscription (enabled or not), with its latest post-log row."""
        rows = await self._read(
            f"SELECT {_SUBSCRIPTION_COLUMNS}{_SUBSCRIPTION_FROM} WHERE s.guild_id = ?",
            (guild_id,),
        )
        return _subscription(rows[0]) if rows else None

    async def active_subscriptions(self) -> list[Subscription]:
        """Enabled, unpaused subscriptions: what the poster looks at (one query)."""
        rows = await self._read(
            f"SELECT {_SUBSCRIPTION_COLUMNS}{_SUBSCRIPTION_FROM}"
            " WHERE s.enabled = 1 AND s.paused_reason IS NULL ORDER BY s.guild_id"
        )
        return [_subscription(r) for r in rows]

    async def set_enabled(self, guild_id: int, enabled: bool) -> bool:
        """Turn posting on or off, keeping the settings; False if there is no subscription."""
        changed = await self._write(
            (
                "UPDATE subscriptions SET enabled = ?, updated_at = ? WHERE guild_id = ?",
                (int(enabled), self._now(), guild_id),
            )
        )
        return changed > 0

    async def pause(self, guild_id: int, reason: str) -> None:
        """Stop posting until the server runs /daily set again, saying why."""
        await self._write(
            (
                "UPDATE subscriptions SET paused_reason = ?, updated_at = ? WHERE guild_id = ?",
                (reason, self._now(), guild_id),
            )
        )

    # -- the post log ----------------------------------------------------------

    async def claim_post(
        self, guild_id: int, local_date: date, channel_id: int, *, by_hand: bool = False
    ) -> bool:
        """Take the right to post a server's day; True for exactly one caller.

        A fresh day is claimed by an INSERT. An existing row is taken over only if
        it is a 'claimed' row older than STALE_CLAIM that was claimed once (a crash
        mid-post: retried once), or a 'failed' row older than RETRY_FAILED: what
        `retry_at` says (keep the two together). A manager asking by hand
        (/daily post-now) may also take a stale claim that was given up, and a
        failed day at once: a 'claimed' row younger than STALE_CLAIM (a post in
        flight) is never taken.
        """
        now = self._clock()
        changed = await self._write(
            (
                "INSERT INTO post_log (guild_id, local_date, channel_id, status, attempts, at)"
                " VALUES (?, ?, ?, 'claimed', 1, ?)"
                " ON CONFLICT (guild_id, local_date) DO UPDATE SET status = 'claimed',"
                " attempts = post_log.attempts + 1, at = excluded.at,"
                " channel_id = excluded.channel_id, message_id = NULL"
                " WHERE (post_log.status = 'claimed' AND (post_log.attempts = 1 OR ?)"
                "        AND post_log.at <= ?)"
                " OR (post_log.status = 'failed' AND (post_log.at <= ? OR ?))",
                (
                    guild_id,
                    local_date.isoformat(),
                    channel_id,
                    stamp(now),
                    by_hand,
                    stamp(now - STALE_CLAIM),
                    stamp(now - RETRY_FAILED),
                    by_hand,
                ),
            )
        )
        return changed == 1

    async def mark_posted(self, guild_id: int, local_date: date, message_id: int) -> None:
        """The post went out: log its message and clear the failure streak."""
        now = self._now()
        await self._write(
            (
                "UPDATE post_log SET status = 'posted', message_id = ?, detail = NULL, at = ?"
                " WHERE guild_id = ? AND local_date = ?",
                (message_id, now, guild_id, local_date.isoformat()),
            ),
            (
                "UPDATE subscriptions SET failures = 0 WHERE guild_id = ?",
                (guild_id,),
            ),
        )

    async def mark_skipped(
        self, guild_id: int, local_date: date, channel_id: int, reason: str
    ) -> None:
        """Nothing is posted that day, on purpose (empty day, missed while offline)."""
        await self._write(
            (
                "INSERT INTO post_log (guild_id, local_date, channel_id, status, detail, at)"
                " VALUES (?, ?, ?, 'skipped', ?, ?)"
                " ON CONFLICT (guild_id, local_date) DO UPDATE SET status = 'skipped',"
                " detail = excluded.detail, at = excluded.at WHERE post_log.status != 'posted'",
                (guild_id, local_date.isoformat(), channel_id, reason, self._now()),
            )
        )

    async def mark_failed(self, guild_id: int, local_date: date, error: str) -> bool:
        """Discord refused the post: count it; True if this failure paused the subscription."""
        now = self._now()
        await self._write(
            (
                "UPDATE post_log SET status = 'failed', detail = ?, at = ?"
                " WHERE guild_id = ? AND local_date = ? AND status = 'claimed'",
                (error, now, guild_id, local_date.isoformat()),
            ),
            (
                "UPDATE subscriptions SET failures = failures + 1, last_error = ?,"
                " last_error_at = ?, paused_reason = CASE WHEN failures + 1 >= ?"
                " THEN ? ELSE paused_reason END WHERE guild_id = ?",
                (error, now, MAX_FAILURES, PAUSED_AFTER_FAILURES, guild_id),
            ),
        )
        found = await self.subscription(guild_id)
        return found is not None and found.paused_reason is not None

    async def record_error(self, guild_id: int, error: str) -> None:
        """An error whose outcome is unknown (timeout): shown in status; the claim stays."""
        await self._write(
            (
                "UPDATE subscriptions SET last_error = ?, last_error_at = ? WHERE guild_id = ?",
                (error, self._now(), guild_id),
            )
        )

    async def last_post(self, guild_id: int) -> PostRecord | None:
        """The latest day that was really posted."""
        return await self._post_row(
            f"SELECT {_POST_COLUMNS} FROM post_log WHERE guild_id = ? AND status = 'posted'"
            " ORDER BY local_date DESC LIMIT 1",
            (guild_id,),
        )

    async def post_record(self, guild_id: int, local_date: date) -> PostRecord | None:
        """The post-log row of one server's day (a retried claim has attempts > 1)."""
        return await self._post_row(
            f"SELECT {_POST_COLUMNS} FROM post_log WHERE guild_id = ? AND local_date = ?",
            (guild_id, local_date.isoformat()),
        )

    async def _post_row(self, sql: str, params: Sequence[Any]) -> PostRecord | None:
        rows = await self._read(sql, params)
        if not rows:
            return None
        row = rows[0]
        return PostRecord(
            date.fromisoformat(row[0]),
            int(row[1]),
            row[2],
            row[3],
            row[4],
            int(row[5]),
            datetime.fromisoformat(row[6]),
        )

    # -- cleanup -----------------------------------------------------------------

    async def prune_post_log(self, today: date, keep_days: int = POST_LOG_DAYS) -> int:
        """Forget post-log days older than keep_days before today; how many rows went.

        Each server keeps its latest row (what decides whether a day is due or was
        missed) and its latest posted row (what /daily status shows), however old.
        """
        cutoff = (today - timedelta(days=keep_days)).isoformat()
        return await self._write(
            (
                "DELETE FROM post_log WHERE local_date < ?"
                " AND local_date != (SELECT max(local_date) FROM post_log l"
                "  WHERE l.guild_id = post_log.guild_id)"
                " AND local_date != ifnull((SELECT max(local_date) FROM post_log l"
                "  WHERE l.guild_id = post_log.guild_id AND l.status = 'posted'), '')",
                (cutoff,),
            )
        )

    async def is_owner(self, bot_user_id: int) -> bool:
        """Whether this bot may forget servers here: the first bot to ask owns the file.

        A staging token run against the production state store must not take every
        server's settings for servers it is simply not in.
        """
        await self._write(
            (
                "INSERT INTO owner (id, bot_user_id, since) VALUES (1, ?, ?)"
                " ON CONFLICT (id) DO NOTHING",
                (bot_user_id, self._now()),
            )
        )
        rows = await self._read("SELECT bot_user_id FROM owner WHERE id = 1")
        return bool(rows) and int(rows[0][0]) == bot_user_id

    async def mark_absent(self, present: set[int], grace: timedelta) -> list[int]:
        """READY listed these servers: the others with settings are marked absent (once),
        those absent for longer than `grace` are forgotten; the ones forgotten."""
        now = self._clock()
        rows = await self._read("SELECT guild_id, absent_since FROM guild_settings")
        writes: list[tuple[str, Sequence[Any]]] = []
        gone: list[int] = []
        for guild_id, absent_since in rows:
            guild = int(guild_id)
            if guild in present:
                if absent_since is not None:
                    writes.append(
                        (
                            "UPDATE guild_settings SET absent_since = NULL WHERE guild_id = ?",
                            (guild,),
                        )
                    )
            elif absent_since is None:
                writes.append(
                    (
                        "UPDATE guild_settings SET absent_since = ? WHERE guild_id = ?",
                        (stamp(now), guild),
                    )
                )
            elif now - datetime.fromisoformat(str(absent_since)) >= grace:
                writes.append(("DELETE FROM guild_settings WHERE guild_id = ?", (guild,)))
                gone.append(guild)
        if writes:
            await self._write(*writes)
        return gone

    async def guilds_with_settings(self) -> list[int]:
        """Every server the state store holds settings for."""
        return [int(r[0]) for r in await self._read("SELECT guild_id FROM guild_settings")]

    async def remove_guild(self, guild_id: int) -> None:
        """The bot left the server: forget its settings.

        The post log is kept: if the bot is invited back the same day, that day
        is not posted twice.
        """
        await self._write(("DELETE FROM guild_settings WHERE guild_id = ?", (guild_id,)))

    async def channel_deleted(self, channel_id: int) -> list[int]:
        """Stop the subscriptions that post in a deleted channel; the servers affected.

        They are paused rather than deleted so /daily status can say what happened.
        """
        now = self._now()
        rows = await self._read(
            "SELECT guild_id FROM subscriptions WHERE channel_id = ?", (channel_id,)
        )
        await self._write(
            (
                "UPDATE subscriptions SET paused_reason = ?, last_error = ?,"
                " last_error_at = ?, updated_at = ? WHERE channel_id = ?",
                (CHANNEL_DELETED, CHANNEL_DELETED, now, now, channel_id),
            )
        )
        return [int(r[0]) for r in rows]

    async def reserve_turn(self, name: str, interval: float) -> float:
        """The turns of the one process that holds this file, kept in memory (real time,
        not the clock: Discord's limits are real); PostgreSQL shares them."""
        now = time_module.monotonic()
        start = max(now, self._next_turns.get(name, now))
        self._next_turns[name] = start + interval
        return start - now


def _upsert_timezone(guild_id: int, timezone: str, now: str) -> tuple[str, Sequence[Any]]:
    return (
        "INSERT INTO guild_settings (guild_id, timezone, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (guild_id) DO UPDATE SET timezone = excluded.timezone,"
        " updated_at = excluded.updated_at",
        (guild_id, timezone, now),
    )
