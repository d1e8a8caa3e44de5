"""What the bot asks of a state store, whichever database holds it.

Two backends satisfy `StateBackend`: db.state.sqlite (one file, the default for one
process) and db.state.postgres (one database shared by several processes). The bot
is typed against this protocol, so neither adapter nor poster knows which one runs;
the rules themselves (claims, retries, pauses) are in db.state.records.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path
from types import TracebackType
from typing import Protocol, Self

from db.state.records import POST_LOG_DAYS, EmptyDay, PostRecord, Subscription, utc_now

POSTGRES_SCHEMES = ("postgresql://", "postgres://")


class StateStoreError(Exception):
    """The state store cannot be opened (unreachable, refused, a newer schema); one line."""


class StateBackend(Protocol):
    """Server settings, subscriptions and the post log (see db.state.sqlite for the rules)."""

    async def close(self) -> None: ...

    async def __aenter__(self) -> Self: ...

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None: ...

    async def guild_timezone(self, guild_id: int) -> str | None: ...

    async def set_guild_timezone(self, guild_id: int, timezone: str) -> None: ...

    async def subscribe(
        self,
        guild_id: int,
        *,
        channel_id: int,
        post_time: time,
        timezone: str,
        empty_day: EmptyDay,
    ) -> Subscription: ...

    async def subscription(self, guild_id: int) -> Subscription | None: ...

    async def active_subscriptions(self) -> list[Subscription]: ...

    async def set_enabled(self, guild_id: int, enabled: bool) -> bool: ...

    async def pause(self, guild_id: int, reason: str) -> None: ...

    async def claim_post(
        self, guild_id: int, local_date: date, channel_id: int, *, by_hand: bool = False
    ) -> bool: ...

    async def mark_posted(self, guild_id: int, local_date: date, message_id: int) -> None: ...

    async def mark_skipped(
        self, guild_id: int, local_date: date, channel_id: int, reason: str
    ) -> None: ...

    async def mark_failed(self, guild_id: int, local_date: date, error: str) -> bool: ...

    async def record_error(self, guild_id: int, error: str) -> None: ...

    async def last_post(self, guild_id: int) -> PostRecord | None: ...

    async def post_record(self, guild_id: int, local_date: date) -> PostRecord | None: ...

    async def prune_post_log(self, today: date, keep_days: int = POST_LOG_DAYS) -> int: ...

    async def is_owner(self, bot_user_id: int) -> bool: ...

    async def mark_absent(self, present: set[int], grace: timedelta) -> list[int]: ...

    async def guilds_with_settings(self) -> list[int]: ...

    async def remove_guild(self, guild_id: int) -> None: ...

    async def channel_deleted(self, channel_id: int) -> list[int]: ...

    async def reserve_turn(self, name: str, interval: float) -> float:
        """Take the bot's next turn of a named schedule (REST_TURNS: a request under
        Discord's global limit; IDENTIFY_TURNS: a shard's gateway session), at least
        `interval` seconds after the turn before it, whichever process sharing this store
        took that one; the seconds to wait before acting (0 or more)."""
        ...


def is_postgres_url(location: Path | str) -> bool:
    """Whether a state location names a PostgreSQL database rather than a file."""
    return isinstance(location, str) and location.startswith(POSTGRES_SCHEMES)


async def open_state(
    location: Path | str, *, clock: Callable[[], datetime] = utc_now
) -> StateBackend:
    """Open the state store: a postgresql:// URL in PostgreSQL, anything else as a file.

    The backends are imported here, so a process on SQLite never loads asyncpg.
    """
    if is_postgres_url(location):
        from db.state.postgres import PostgresStateStore

        return await PostgresStateStore.open(str(location), clock=clock)
    from db.state.sqlite import StateStore

    return await StateStore.open(location, clock=clock)
