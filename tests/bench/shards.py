"""Several bot processes sharing their state in PostgreSQL: the 1,000-command burst
across 1, 2 and 4 processes, and daily posts to 1,000 servers from 2 and 4 processes.

Run in a fresh process (`python -m tests.bench.shards STORE [--quick]`); prints one
JSON object. It starts a PostgreSQL server of its own (tests/postgres.py) and gives
each run a fresh database. The stand-in runs here; each bot is a process of its own
running one shard of as many as there are processes.

- Burst: the mix of tests.bench.discord_load, sent round-robin from four servers, one
  on each shard of 4 (so 1, 2 and 4 processes get equal shares), each process a
  tests.bench.discord_bot; the median of ROUNDS rounds by p99 for each count.
- Posting: every server due at once, the stand-in enforcing 50 requests/s for the
  whole bot; each process a tests.e2e.shard_process, all told to run together.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import sys
import tempfile
import time
import uuid
from collections import Counter
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from tests import postgres
from tests.bench.discord_load import COMMANDS, command_mix, fire
from tests.e2e.fake_discord import FakeDiscord, make_guild
from tests.e2e.shard_process import DUE, BotProcess, subscribe_due

PROCESS_COUNTS: Final = (1, 2, 4)
POSTING_COUNTS: Final = (2, 4)
SERVERS: Final = 1000
ROUNDS: Final = 3
RATE_LIMIT: Final = 50  # Discord's global REST limit, per bot
READY_TIMEOUT: Final = 180.0


async def new_database(server_url: str) -> str:
    """A fresh, empty database on the server: its URL."""
    name = f"bench_{uuid.uuid4().hex[:12]}"
    admin = await asyncpg.connect(server_url)
    try:
        await admin.execute(f'CREATE DATABASE "{name}"')
    finally:
        await admin.close()
    return urlunsplit(urlsplit(server_url)._replace(path=f"/{name}"))


# -- the burst ---------------------------------------------------------------------


@contextlib.asynccontextmanager
async def burst_bots(
    store: Path, fake: FakeDiscord, state_url: str, processes: int
) -> AsyncIterator[list[asyncio.subprocess.Process]]:
    """`processes` command bots, shard i of `processes` each, ready; stopped on exit."""
    children = [
        await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "tests.bench.discord_bot", str(store)),
            *(fake.api_base, fake.gateway_url, state_url, str(processes), str(shard)),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
        )
        for shard in range(processes)
    ]
    try:
        for child in children:
            assert child.stdout is not None
            if not await asyncio.wait_for(child.stdout.readline(), READY_TIMEOUT):
                raise RuntimeError("a bot process exited before it was ready")
        yield children
    finally:
        for child in children:
            if child.returncode is None:
                child.kill()
                await child.wait()


async def _stop(children: list[asyncio.subprocess.Process]) -> list[dict[str, Any]]:
    """Tell every bot to stop; what each reports (memory, CPU)."""
    reports = []
    for child in children:
        assert child.stdin is not None
        assert child.stdout is not None
        child.stdin.write(b"stop\n")
        await child.stdin.drain()
        reports.append(json.loads((await asyncio.wait_for(child.stdout.readline(), 60)) or "{}"))
        await asyncio.wait_for(child.wait(), 30)
    return reports


async def burst(store: Path, server_url: str, processes: int) -> dict[str, Any]:
    """One round: the 1,000 commands across `processes` bots."""
    mix = command_mix(store, COMMANDS)
    guilds = [make_guild(f"shard-{s}", shard=(s, 4)) for s in range(4)]
    fake = FakeDiscord(guilds=guilds)
    await fake.start()
    try:
        state_url = await new_database(server_url)
        async with burst_bots(store, fake, state_url, processes) as children:
            before = os.times()
            result = await fire(fake, mix, [g.channels[0].id for g in guilds])
            after = os.times()
            reports = await _stop(children)
    finally:
        await fake.close()
    return {
        **result,
        "processes": processes,
        "bot_cpu_seconds": round(sum(r.get("bot_cpu_seconds") or 0 for r in reports), 2),
        "bot_cpu_seconds_each": [r.get("bot_cpu_seconds") for r in reports],
        "standin_cpu_seconds": round(after.user + after.system - before.user - before.system, 2),
        "peak_rss_mb_each": [
            round(r["memory_kb"]["after"]["VmHWM"] / 1024) for r in reports if "memory_kb" in r
        ],
    }


def burst_rounds(store: Path, server_url: str, processes: int, rounds: int) -> dict[str, Any]:
    """The median round by callback p99, every round's p50/p99 beside it."""
    results = [asyncio.run(burst(store, server_url, processes)) for _ in range(rounds)]
    ordered = sorted(results, key=lambda r: float(r.get("callback_p99_ms") or 1e12))
    median = ordered[len(ordered) // 2]
    keys = ("callback_p50_ms", "callback_p99_ms", "bot_cpu_seconds")
    return {**median, "rounds": [{k: r.get(k) for k in keys} for r in results]}


# -- the posting run -----------------------------------------------------------------


async def posting(store: Path, server_url: str, processes: int, servers: int) -> dict[str, Any]:
    """Every server due at once; `processes` processes, one shard each, run together."""
    guilds = [make_guild(f"bench-{i}", shard=(i % processes, processes)) for i in range(servers)]
    state_url = await new_database(server_url)
    await subscribe_due(state_url, guilds)
    fake = FakeDiscord(guilds=guilds)
    await fake.start()
    try:
        with tempfile.TemporaryDirectory(prefix="almanac-bench-") as folder:
            env = {
                **os.environ,
                "HOME": folder,
                "DISCORD_TOKEN": "fake-token",
                "ALMANAC_DB": str(store),
                "ALMANAC_STATE_URL": state_url,
                "DISCORD_API_BASE": fake.api_base,
                "DISCORD_GATEWAY": fake.gateway_url,
                "ALMANAC_SHARD_COUNT": str(processes),
                "ALMANAC_LOG_LEVEL": "WARNING",
            }
            bots = await asyncio.gather(
                *(
                    BotProcess.start(
                        env | {"ALMANAC_SHARDS": str(shard)},
                        len([g for g in guilds if (g.id >> 22) % processes == shard]),
                        DUE - timedelta(hours=1),
                        Path(folder) / f"bot-{shard}.log",
                    )
                    for shard in range(processes)
                )
            )
            try:
                fake.set_rate_limit(RATE_LIMIT, window=1.0)
                started = time.monotonic()
                first = await asyncio.gather(*(bot.run(DUE) for bot in bots))
                seconds = time.monotonic() - started
                second = await asyncio.gather(
                    *(bot.run(DUE + timedelta(minutes=1)) for bot in bots)
                )
            finally:
                for bot in bots:
                    await bot.stop()
    finally:
        await fake.close()
    counts = [len(fake.channel_messages(g.channels[0].id)) for g in guilds]
    floor = servers / RATE_LIMIT
    return {
        "processes": processes,
        "servers": servers,
        "rate_limit_per_s": RATE_LIMIT,
        "seconds": round(seconds, 3),
        "floor_seconds": floor,
        "ratio_to_floor": round(seconds / floor, 3),
        "posted": sum(1 for c in counts if c >= 1),
        "duplicates": sum(c - 1 for c in counts if c > 1),
        "misses": sum(1 for c in counts if c == 0),
        "responses_429": fake.rate_limited_count,
        "first_run": dict(sum(first, Counter())),
        "second_run": dict(sum(second, Counter())),
    }


def main() -> None:
    """Entry point of the child process: one JSON object on stdout."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench.shards")
    parser.add_argument("store", type=Path)
    parser.add_argument("--quick", action="store_true", help="one round, 200 servers")
    args = parser.parse_args()
    rounds, servers = (1, 200) if args.quick else (ROUNDS, SERVERS)
    with postgres.server() as url:  # this run's, or ALMANAC_TEST_POSTGRES_URL's
        result = {
            "burst": [burst_rounds(args.store, url, n, rounds) for n in PROCESS_COUNTS],
            "posting": [asyncio.run(posting(args.store, url, n, servers)) for n in POSTING_COUNTS],
        }
    print(json.dumps(result))


if __name__ == "__main__":
    main()
