"""Slack's per-member cooldown: the same bound as Discord's, per command or button kind."""

from __future__ import annotations

import pytest

from bot.answers.bounds import COOLDOWN_PER, COOLDOWN_RATE
from bot.answers.errors import UserError
from bot.slack_bot.cooldown import Cooldowns


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_rate_per_member_and_kind() -> None:
    """COOLDOWN_RATE uses pass; one more is refused with the wait; others are not held."""
    clock = Clock()
    cooldowns = Cooldowns(clock)
    for _ in range(COOLDOWN_RATE):
        cooldowns.use("U1", "quote")
    clock.now += 10
    with pytest.raises(UserError, match=rf"try again in {round(COOLDOWN_PER - 10)} s"):
        cooldowns.use("U1", "quote")
    cooldowns.use("U1", "timeline")  # another command
    cooldowns.use("U2", "quote")  # another member


def test_uses_expire_after_the_window() -> None:
    """A use older than COOLDOWN_PER no longer counts."""
    clock = Clock()
    cooldowns = Cooldowns(clock)
    for _ in range(COOLDOWN_RATE):
        cooldowns.use("U1", "quote")
    clock.now += COOLDOWN_PER
    cooldowns.use("U1", "quote")


def test_members_who_stopped_are_swept() -> None:
    """The table does not keep every member ever seen."""
    clock = Clock()
    cooldowns = Cooldowns(clock)
    for n in range(100):
        cooldowns.use(f"U{n}", "quote")
    clock.now += COOLDOWN_PER + 1
    cooldowns.use("U0", "quote")
    assert len(cooldowns._uses) == 1
