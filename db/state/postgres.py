"""The state store in PostgreSQL, shared by every bot process that points at it.

The same records and rules as db.state.sqlite (read its docstring for them); only
the SQL and the way concurrency is held differ. SQLite serialises every writer on
one file; here several processes write at once, so each rule that must hold
across them is one statement or one transaction:

- A claim is `INSERT ... ON CONFLICT (guild_id, local_date) DO UPDATE ... WHERE
  <stale or failed> RETURNING`. A second claimer of the same row waits for the
  first one's row lock and then re-checks the WHERE against the committed row, so
  of two processes racing for a day (or for a stale claim) exactly one gets a row
  back.
- Multi-statement changes (subscribe, mark_posted, mark_failed, mark_absent) run
  in one transaction on one pooled connection.
- Migrations run under an advisory lock, so processes started together migrate
  once; each applied migration is a row of almanac_migrations.

- The bot's limits that Discord counts per bot, not per process (50 REST requests/s,
  one IDENTIFY per 5 s) are rows of `turns`: each request or IDENTIFY takes the next
  turn with one statement (reserve_turn), so every process together keeps one pace.

Instants are stored as timestamptz, cut to whole seconds as the SQLite store's
text stamps are, so both backends compare the same instants.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, Final, Self

import asyncpg

from db import schema
from db.schema import AsyncClosing
from db.state.backend import StateStoreError
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

SCHEMA: Final = "state/postgres.sql"

# pg_advisory_xact_lock key held while migrating: any constant no other program uses.
_MIGRATION_LOCK: Final = 0x616C6D616E6163  # "almanac"

# Connections per process: the poster's concurrent posts and the commands share them.
POOL_SIZE: Final = 4

_SUBSCRIPTION_SELECT = (
    "SELECT s.guild_id, s.channel_id, s.post_time, g.timezone, s.empty_day, s.enabled,"
    " s.since, s.paused_reason, s.failures, s.last_error, s.last_error_at,"
    " p.local_date, p.channel_id, p.status, p.message_id, p.detail, p.attempts, p.at"
    " FROM subscriptions s JOIN guild_settings g ON g.guild_id = s.guild_id"
    " LEFT JOIN LATERAL (SELECT * FROM post_log l WHERE l.guild_id = s.guild_id"
    "  ORDER BY l.local_date DESC LIMIT 1) p ON TRUE"
)
_POST_COLUMNS = "local_date, channel_id, status, message_id, detail, attempts, at"


def instant(moment: datetime) -> datetime:
    """An instant as the store keeps it: UTC, whole seconds (as sqlite.stamp writes it)."""
    return moment.astimezone(UTC).replace(microsecond=0)


def _post(row: asyncpg.Record, at: int = 0) -> PostRecord:
    return PostRecord(
        local_date=row[at],
        channel_id=int(row[at + 1]),
        status=row[at + 2],
        message_id=row[at + 3],
        detail=row[at + 4],
        attempts=int(row[at + 5]),
        at=row[at + 6],
    )


def _subscription(row: asyncpg.Record) -> Subscription:
    return Subscription(
        guild_id=int(row[0]),
        channel_id=int(row[1]),
        post_time=row[2],
        timezone=row[3],
        empty_day=EmptyDay(row[4]),
        enabled=bool(row[5]),
        since=row[6],
        paused_reason=row[7],
        failures=int(row[8]),
        last_error=row[9],
        last_error_at=row[10],
        last=_post(row, 11) if row[11] is not None else None,
    )


def _count(status: str) -> int:
    """The rows a command changed, from its status tag ('UPDATE 3', 'INSERT 0 1')."""
    return int(status.rsplit(" ", 1)[-1])


def _why(error: BaseException) -> str:
    """One line about a failed connection; asyncpg's messages never hold the password."""
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0]}" if text else type(error).__name__


async def _migrate(pool: asyncpg.Pool[asyncpg.Record]) -> None:
    """Apply the migrations this database lacks, one savepoint each, under one lock."""
    migrations = schema.migrations(SCHEMA)
    latest = migrations[-1][0]
    async with pool.acquire() as conn, conn.transaction():
        await conn.execute("SELECT pg_advisory_xact_lock($1)", _MIGRATION_LOCK)
        await conn.execute(
            "CREATE TABLE IF NOT EXISTS almanac_migrations ("
            " version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())"
        )
        current = await conn.fetchval("SELECT coalesce(max(version), 0) FROM almanac_migrations")
        if current > latest:
            raise StateStoreError(
                f"the database is at state migration {current}, newer than this Almanac"
                f" ({latest}): upgrade Almanac"
            )
        for number, script in migrations:
            if number > current:
                async with conn.transaction():  # a savepoint: each migration whole or not
                    await conn.execute(script)
                    await conn.execute(
                        "INSERT INTO almanac_migrations (version) VALUES ($1)", number
                    )


class PostgresStateStore(AsyncClosing):
    """Settings and post log of every server, in PostgreSQL (the rules: db.state.sqlite)."""

    def __init__(self, pool: asyncpg.Pool[asyncpg.Record], clock: Callable[[], datetime]) -> None:
        self._pool = pool
        self._clock = clock

    @classmethod
    async def open(
        cls,
        url: str,
        *,
        clock: Callable[[], datetime] = utc_now,
        pool_size: int = POOL_SIZE,
    ) -> Self:
        """Connect to `url` and migrate; StateStoreError in one line if that fails."""
        try:
            pool = await asyncpg.create_pool(url, min_size=1, max_size=pool_size)
        except (
            OSError,
            TimeoutError,
            ValueError,
            asyncpg.PostgresError,
            asyncpg.InterfaceError,
        ) as error:
            raise StateStoreError(f"cannot connect ({_why(error)})") from None
        try:
            await _migrate(pool)
        except BaseException:
            await pool.close()
            raise
        return cls(pool, clock)

    async def close(self) -> None:
        await self._pool.close()

    def _now(self) -> datetime:
        return instant(self._clock())

    async def _write(self, *statements: tuple[str, Sequence[Any]]) -> int:
        """Run statements in one transaction; the rows changed by the last one."""
        async with self._pool.acquire() as conn, conn.transaction():
            status = ""
            for sql, params in statements:
                status = await conn.execute(sql, *params)
            return _count(status)

    # -- server time zone ------------------------------------------------------

    async def guild_timezone(self, guild_id: int) -> str | None:
        found = await self._pool.fetchval(
            "SELECT timezone FROM guild_settings WHERE guild_id = $1", guild_id
        )
        return None if found is None else str(found)

    async def set_guild_timezone(self, guild_id: int, timezone: str) -> None:
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
        """As sqlite's: one transaction; a new subscription is due from now on."""
        now = self._now()
        await self._write(
            _upsert_timezone(guild_id, timezone, now),
            (
                "INSERT INTO subscriptions (guild_id, channel_id, post_time, empty_day, enabled,"
                " since, paused_reason, failures, last_error, last_error_at, updated_at)"
                " VALUES ($1, $2, $3, $4, TRUE, $5, NULL, 0, NULL, NULL, $5)"
                " ON CONFLICT (guild_id) DO UPDATE SET channel_id = excluded.channel_id,"
                " post_time = excluded.post_time, empty_day = excluded.empty_day,"
                " enabled = TRUE, paused_reason = NULL, failures = 0,"
                " last_error = NULL, last_error_at = NULL, updated_at = excluded.updated_at",
                (
                    guild_id,
                    channel_id,
                    post_time.replace(second=0, microsecond=0, tzinfo=None),
                    str(empty_day),
                    now,
                ),
            ),
        )
        found = await self.subscription(guild_id)
        assert found is not None
        return found

    async def subscription(self, guild_id: int) -> Subscription | None:
        row = await self._pool.fetchrow(f"{_SUBSCRIPTION_SELECT} WHERE s.guild_id = $1", guild_id)
        return None if row is None else _subscription(row)

    async def active_subscriptions(self) -> list[Subscription]:
        rows = await self._pool.fetch(
            f"{_SUBSCRIPTION_SELECT} WHERE s.enabled AND s.paused_reason IS NULL"
            " ORDER BY s.guild_id"
        )
        return [_subscription(r) for r in rows]

    async def set_enabled(self, guild_id: int, enabled: bool) -> bool:
        changed = await self._write(
            (
                "UPDATE subscriptions SET enabled = $1, updated_at = $2 WHERE guild_id = $3",
                (enabled, self._now(), guild_id),
            )
        )
        return changed > 0

    async def pause(self, guild_id: int, reason: str) -> None:
        await self._write(
            (
                "UPDATE subscriptions SET paused_reason = $1, updated_at = $2 WHERE guild_id = $3",
                (reason, self._now(), guild_id),
            )
        )

    # -- the post log ----------------------------------------------------------

    async def claim_post(
        self, guild_id: int, local_date: date, channel_id: int, *, by_hand: bool = False
    ) -> bool:
        """One statement decides: the INSERT of a new day, or the takeover of a row whose
        WHERE (sqlite's rule, and retry_at's) holds once the racing claimer committed."""
        now = instant(self._clock())
        won = await self._pool.fetchval(
            "INSERT INTO post_log (guild_id, local_date, channel_id, status, attempts, at)"
            " VALUES ($1, $2, $3, 'claimed', 1, $4)"
            " ON CONFLICT (guild_id, local_date) DO UPDATE SET status = 'claimed',"
            " attempts = post_log.attempts + 1, at = excluded.at,"
            " channel_id = excluded.channel_id, message_id = NULL"
            " WHERE (post_log.status = 'claimed' AND (post_log.attempts = 1 OR $5)"
            "        AND post_log.at <= $6)"
            " OR (post_log.status = 'failed' AND (post_log.at <= $7 OR $5))"
            " RETURNING TRUE",
            guild_id,
            local_date,
            channel_id,
            now,
            by_hand,
            now - STALE_CLAIM,
            now - RETRY_FAILED,
        )
        return won is True

    async def mark_posted(self, guild_id: int, local_date: date, message_id: int) -> None:
        await self._write(
            (
                "UPDATE post_log SET status = 'posted', message_id = $1, detail = NULL, at = $2"
                " WHERE guild_id = $3 AND local_date = $4",
                (message_id, self._now(), guild_id, local_date),
            ),
            ("UPDATE subscriptions SET failures = 0 WHERE guild_id = $1", (guild_id,)),
        )

    async def mark_skipped(
        self, guild_id: int, local_date: date, channel_id: int, reason: str
    ) -> None:
        await self._write(
            (
                "INSERT INTO post_log (guild_id, local_date, channel_id, status, detail, at)"
                " VALUES ($1, $2, $3, 'skipped', $4, $5)"
                " ON CONFLICT (guild_id, local_date) DO UPDATE SET status = 'skipped',"
                " detail = excluded.detail, at = excluded.at WHERE post_log.status <> 'posted'",
                (guild_id, local_date, channel_id, reason, self._now()),
            )
        )

    async def mark_failed(self, guild_id: int, local_date: date, error: str) -> bool:
        now = self._now()
        await self._write(
            (
                "UPDATE post_log SET status = 'failed', detail = $1, at = $2"
                " WHERE guild_id = $3 AND local_date = $4 AND status = 'claimed'",
                (error, now, guild_id, local_date),
            ),
            (
                "UPDATE subscriptions SET failures = failures + 1, last_error = $1,"
                " last_error_at = $2, paused_reason = CASE WHEN failures + 1 >= $3"
                " THEN $4 ELSE paused_reason END WHERE guild_id = $5",
                (error, now, MAX_FAILURES, PAUSED_AFTER_FAILURES, guild_id),
            ),
        )
        found = await self.subscription(guild_id)
        return found is not None and found.paused_reason is not None

    async def record_error(self, guild_id: int, error: str) -> None:
        await self._write(
            (
                "UPDATE subscriptions SET last_error = $1, last_error_at = $2 WHERE guild_id = $3",
                (error, self._now(), guild_id),
            )
        )

    async def last_post(self, guild_id: int) -> PostRecord | None:
        row = await self._pool.fetchrow(
            f"SELECT {_POST_COLUMNS} FROM post_log WHERE guild_id = $1 AND status = 'posted'"
            " ORDER BY local_date DESC LIMIT 1",
            guild_id,
        )
        return None if row is None else _post(row)

    async def post_record(self, guild_id: int, local_date: date) -> PostRecord | None:
        row = await self._pool.fetchrow(
            f"SELECT {_POST_COLUMNS} FROM post_log WHERE guild_id = $1 AND local_date = $2",
            guild_id,
            local_date,
        )
        return None if row is None else _post(row)

    # -- cleanup -----------------------------------------------------------------

    async def prune_post_log(self, today: date, keep_days: int = POST_LOG_DAYS) -> int:
        return await self._write(
            (
                "DELETE FROM post_log p WHERE local_date < $1"
                " AND local_date <> (SELECT max(local_date) FROM post_log l"
                "  WHERE l.guild_id = p.guild_id)"
                " AND local_date IS DISTINCT FROM (SELECT max(local_date) FROM post_log l"
                "  WHERE l.guild_id = p.guild_id AND l.status = 'posted')",
                (today - timedelta(days=keep_days),),
            )
        )

    async def is_owner(self, bot_user_id: int) -> bool:
        """The first bot to ask owns the database: every process of that bot agrees."""
        await self._write(
            (
                "INSERT INTO owner (id, bot_user_id, since) VALUES (1, $1, $2)"
                " ON CONFLICT (id) DO NOTHING",
                (bot_user_id, self._now()),
            )
        )
        owner = await self._pool.fetchval("SELECT bot_user_id FROM owner WHERE id = 1")
        return owner is not None and int(owner) == bot_user_id

    async def mark_absent(self, present: set[int], grace: timedelta) -> list[int]:
        """As sqlite's, in one transaction: back ones cleared, long-absent ones forgotten,
        newly absent ones marked (after the forgetting, so a zero grace still waits once)."""
        now = self._clock()
        listed = sorted(present)
        async with self._pool.acquire() as conn, conn.transaction():
            await conn.execute(
                "UPDATE guild_settings SET absent_since = NULL"
                " WHERE guild_id = ANY($1::bigint[]) AND absent_since IS NOT NULL",
                listed,
            )
            gone = await conn.fetch(
                "DELETE FROM guild_settings WHERE NOT guild_id = ANY($1::bigint[])"
                " AND absent_since <= $2 RETURNING guild_id",
                listed,
                now - grace,
            )
            await conn.execute(
                "UPDATE guild_settings SET absent_since = $2"
                " WHERE NOT guild_id = ANY($1::bigint[]) AND absent_since IS NULL",
                listed,
                instant(now),
            )
        return sorted(int(r[0]) for r in gone)

    async def guilds_with_settings(self) -> list[int]:
        rows = await self._pool.fetch("SELECT guild_id FROM guild_settings ORDER BY guild_id")
        return [int(r[0]) for r in rows]

    async def remove_guild(self, guild_id: int) -> None:
        await self._write(("DELETE FROM guild_settings WHERE guild_id = $1", (guild_id,)))

    async def channel_deleted(self, channel_id: int) -> list[int]:
        now = self._now()
        rows = await self._pool.fetch(
            "UPDATE subscriptions SET paused_reason = $1, last_error = $1,"
            " last_error_at = $2, updated_at = $2 WHERE channel_id = $3 RETURNING guild_id",
            CHANNEL_DELETED,
            now,
            channel_id,
        )
        return sorted(int(r[0]) for r in rows)

    async def reserve_turn(self, name: str, interval: float) -> float:
        """One statement on the schedule's row of turns moves its next free turn on by
        `interval` from max(that turn, now): processes queue on the row's lock, so their
        turns are `interval` apart whatever their number. The database's clock, not
        each machine's, so processes on machines whose clocks differ still agree."""
        delay = await self._pool.fetchval(
            "INSERT INTO turns (name, next_at) VALUES ($1, clock_timestamp() + $2)"
            " ON CONFLICT (name) DO UPDATE"
            " SET next_at = GREATEST(turns.next_at, clock_timestamp()) + $2"
            " RETURNING EXTRACT(EPOCH FROM next_at - clock_timestamp())::float8",
            name,
            timedelta(seconds=interval),
        )
        return max(0.0, float(delay) - interval)


def _upsert_timezone(guild_id: int, timezone: str, now: datetime) -> tuple[str, Sequence[Any]]:
    return (
        "INSERT INTO guild_settings (guild_id, timezone, updated_at) VALUES ($1, $2, $3)"
        " ON CONFLICT (guild_id) DO UPDATE SET timezone = excluded.timezone,"
        " updated_at = excluded.updated_at",
        (guild_id, timezone, now),
    )
