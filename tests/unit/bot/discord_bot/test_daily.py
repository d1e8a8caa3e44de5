"""The poster's parts that need no Discord: a run's log line, and its REST turns."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path
from typing import get_args

import discord

from bot.discord_bot.daily import OUTCOME_WORDS, Outcome, Poster, RunReport
from db.read.store import Store
from db.state.records import REST_TURNS, utc_now
from db.state.sqlite import StateStore
from tests.stores import write_store


def test_every_outcome_has_words() -> None:
    """A new Outcome cannot reach the log without words for it."""
    assert set(OUTCOME_WORDS) == set(get_args(Outcome))


def test_summary_counts_in_plain_words() -> None:
    """Counts in the order of Outcome, outcomes that did not happen left out."""
    report = RunReport(outcomes={1: "failed", 2: "posted", 3: "posted", 4: "taken"})
    assert report.summary() == "2 posted, 1 failed, 1 taken by another run"


async def test_a_turn_missed_while_held_up_is_taken_afresh(tmp_path: Path) -> None:
    """A process whose loop was held up past its turn takes a fresh turn rather than send
    at once and crowd the turns after it: the store's next free turn moves on past now."""
    turn = 0.5  # seconds; the hold below is more than two of them
    async with (
        await StateStore.open(tmp_path / "state.sqlite3") as state,
        await Store.open(write_store(tmp_path / "almanac.sqlite3", [])) as store,
    ):
        poster = Poster(
            discord.Client(intents=discord.Intents.none()),
            store,
            state,
            utc_now,
            per_second=1 / turn,
        )
        await poster._pace()  # the first turn is now

        async def hold_up() -> None:
            await asyncio.sleep(0.01)  # once the next _pace sleeps for its turn
            time.sleep(2.5 * turn)  # noqa: ASYNC251 - the loop held up, on purpose

        holding = asyncio.create_task(hold_up())
        await poster._pace()
        await holding
        # Without the fresh turn the next free one would be in the past (no wait).
        assert await state.reserve_turn(REST_TURNS, turn) > turn / 2
