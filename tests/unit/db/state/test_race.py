"""Exactly once across processes: bot processes racing for the same servers' days, on
both backends. Each process is a real interpreter with its own connection
(claim_race.py); they start claiming together, on a signal, once all are connected.
"""

from __future__ import annotations

import asyncio
import json
import sys
from collections import Counter
from datetime import datetime

from db.state.records import STALE_CLAIM
from tests.paths import PROJECT_ROOT
from tests.unit.db.state.conftest import Backend, FakeClock

PROCESSES = 4
DAYS = 100


async def race(backend: Backend, now: datetime) -> list[list[int]]:
    """Start PROCESSES claimers, let them go at once; the days each one won."""
    claimers = [
        await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "tests.unit.db.state.claim_race"),
            *(str(backend.location), str(DAYS), now.isoformat()),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            cwd=PROJECT_ROOT,
        )
        for _ in range(PROCESSES)
    ]
    for claimer in claimers:
        assert claimer.stdout is not None
        assert await claimer.stdout.readline() == b"ready\n"
    for claimer in claimers:
        assert claimer.stdin is not None
        claimer.stdin.write(b"go\n")
        await claimer.stdin.drain()
    outputs = [await claimer.communicate() for claimer in claimers]
    assert [claimer.returncode for claimer in claimers] == [0] * PROCESSES
    return [json.loads(out) for out, _ in outputs]


async def test_processes_racing_claim_each_day_once(backend: Backend, clock: FakeClock) -> None:
    """Four processes claim the same 100 days at once: every day is won exactly once;
    after STALE_CLAIM they race to take the claims over: each is taken once; later, none."""
    fresh = await race(backend, clock.now)
    assert Counter(day for won in fresh for day in won) == Counter(range(DAYS))

    stale = await race(backend, clock.now + STALE_CLAIM)
    assert Counter(day for won in stale for day in won) == Counter(range(DAYS))

    given_up = await race(backend, clock.now + STALE_CLAIM * 3)
    assert given_up == [[]] * PROCESSES
