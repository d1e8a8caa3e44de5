"""How often one member may use a command or press a kind of button in Slack: the same
bound as in Discord (bot/answers/bounds.py), so no one can make the bot flood a channel."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

from bot.answers.bounds import COOLDOWN_PER, COOLDOWN_RATE, slow_down
from bot.answers.errors import UserError


class Cooldowns:
    """COOLDOWN_RATE uses per COOLDOWN_PER seconds for each (member, command or button
    kind); one more is a UserError saying how long to wait. Members who stopped are
    swept once per COOLDOWN_PER, so the table does not grow with every user ever seen."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._uses: dict[tuple[str, str], deque[float]] = {}
        self._swept = clock()

    def use(self, user: str, kind: str) -> None:
        """Count one use; UserError (slow down, with the wait) when none is left."""
        now = self._clock()
        if now - self._swept > COOLDOWN_PER:
            self._uses = {k: u for k, u in self._uses.items() if now - u[-1] < COOLDOWN_PER}
            self._swept = now
        uses = self._uses.setdefault((user, kind), deque())
        while uses and now - uses[0] >= COOLDOWN_PER:
            uses.popleft()
        if len(uses) >= COOLDOWN_RATE:
            raise UserError(slow_down(COOLDOWN_PER - (now - uses[0])))
        uses.append(now)
