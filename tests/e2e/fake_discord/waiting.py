"""Waiting on the bot: wait_until and the wait_for_* helpers, which fail fast
with BotCrashedError if the watched bot task ends."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TypeVar

from tests.e2e.fake_discord.payloads import JSON, MESSAGE_FLAG_LOADING
from tests.e2e.fake_discord.state import FakeState, SentInteraction, _iid

T = TypeVar("T")

POLL = 0.02


class BotCrashedError(AssertionError):
    """The task running the bot ended while a test was waiting on it."""


class WaitMixin(FakeState):
    """Polling waits on the stand-in's records (and on bot state via `check`)."""

    async def wait_until(
        self,
        check: Callable[[], T | None],
        timeout: float,  # noqa: ASYNC109 - waits raise descriptive errors
        what: str,
    ) -> T:
        """Poll `check` until it returns non-None; fail fast if the bot dies.

        `check` runs after every request the stand-in records and every POLL s.
        """
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while True:
            self._raise_if_bot_ended()
            result = check()
            if result is not None:
                return result
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
            changed = asyncio.ensure_future(self._changed.wait())
            pending = {changed, *self._watched}
            # Re-check at least every POLL s: `check` may look at bot state, not ours.
            await asyncio.wait(
                pending, timeout=min(remaining, POLL), return_when=asyncio.FIRST_COMPLETED
            )
            changed.cancel()

    def _raise_if_bot_ended(self) -> None:
        for task in self._watched:
            if task.done():
                self._watched.remove(task)
                error = None if task.cancelled() else task.exception()
                raise BotCrashedError(f"the bot stopped while a test waited: {error!r}") from error

    async def wait_for_callback(
        self,
        interaction: SentInteraction | int,
        timeout: float = 5.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> JSON:
        """The callback body the bot posted for an interaction."""
        iid = _iid(interaction)
        return await self.wait_until(
            lambda: self._interactions[iid].callback, timeout, f"callback of {iid}"
        )

    async def wait_for_reply(
        self,
        interaction: SentInteraction | int,
        timeout: float = 5.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> JSON:
        """The first visible answer: the original message once it is not loading, or a followup."""
        iid = _iid(interaction)

        def check() -> JSON | None:
            followups = self.followups(iid)
            original = self.original(iid)
            if original is not None and not original["flags"] & MESSAGE_FLAG_LOADING:
                return original
            return followups[0] if followups else None

        return await self.wait_until(check, timeout, f"a reply to {iid}")

    async def wait_for_choices(
        self,
        interaction: SentInteraction | int,
        timeout: float = 5.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> list[JSON]:
        """The autocomplete choices ({"name", "value"}) the bot answered."""
        body = await self.wait_for_callback(interaction, timeout)
        assert body["type"] == 8, f"expected an autocomplete result, got {body}"
        choices: list[JSON] = body["data"]["choices"]
        return choices

    async def wait_for_followups(
        self,
        interaction: SentInteraction | int,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> list[JSON]:
        """At least `count` followup messages for an interaction."""
        iid = _iid(interaction)

        def check() -> list[JSON] | None:
            found = self.followups(iid)
            return found if len(found) >= count else None

        return await self.wait_until(check, timeout, f"{count} followups of {iid}")

    async def wait_for_channel_messages(
        self,
        channel_id: int,
        count: int = 1,
        timeout: float = 5.0,  # noqa: ASYNC109 - waits raise descriptive errors
    ) -> list[JSON]:
        """At least `count` messages posted in a channel."""

        def check() -> list[JSON] | None:
            found = self.channel_messages(channel_id)
            return found if len(found) >= count else None

        return await self.wait_until(check, timeout, f"{count} messages in {channel_id}")
