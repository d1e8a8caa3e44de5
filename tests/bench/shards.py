"""Several bot processes sharing their state in PostgreSQL: the 1,000-command burst
across 1, 2 and 4 processes, and daily posts to 1,000 servers from 2 and 4 processes.

Run in a fresh process (`python -m tests.bench.shards STORE [--quick]`); prints one
JSON object. It starts a PostgreSQL server of its own (tests/postgres.py) and gives
each run a fresh database. The stand-in runs here; each bot is a process of its own
running one shard of as many as there are processes.

- Burst: the mix of tests.bench.discord_load, sent round-robin from four servers, one
  on each shard of 4 (so 1, 2 and 4 processes get equal shares), each process a
  tests.bench.discord_bot; the median of ROUNDS rounds by p99 for each count. The
  burst starts once every bot has settled (its start-up work after `ready` done), and
  every bot's CPU is read at its start and at its last answer: one window for 1, 2
  and 4 processes, start-up apart.
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
from tests.e2e.shard_process import DUE, BotProcess, collector_paused, subscribe_due

PROCESS_COUNTS: Final = (1, 2, 4)
POSTING_COUNTS: Final = (2, 4)
SERVERS: Final = 1000
ROUNDS: Final = 3
RATE_LIMIT: Final = 50  # Discord's global REST limit, per bot
READY_TIMEOUT: Final = 180.0
SETTLE_STEP: Final = 0.25  # seconds between two readings of the bots' CPU while they settle
SETTLED: Final = 0.02  # CPU seconds in a step under which a bot counts as idle
SETTLE_TIMEOUT: Final = 10.0


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
    """`processes` command bots, shard i of `processes` each, ready; stopped on exit.
    They share a fresh folder of pictures, as processes of one machine do."""
    pictures = tempfile.TemporaryDirectory(prefix="almanac-pictures-")
    env = {**os.environ, "ALMANAC_PICTURE_CACHE": pictures.name}
    children = [
        await asyncio.create_subprocess_exec(
            *(sys.executable, "-m", "tests.bench.discord_bot", str(store)),
            *(fake.api_base, fake.gateway_url, state_url, str(processes), str(shard)),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env=env,
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
        pictures.cleanup()


async def _ask(child: asyncio.subprocess.Process, line: str) -> dict[str, Any]:
    """Send a line to a bot; the JSON line it answers ({} if it ended)."""
    assert child.stdin is not None
    assert child.stdout is not None
    child.stdin.write(f"{line}\n".encode())
    await child.stdin.drain()
    answer: dict[str, Any] = json.loads(
        (await asyncio.wait_for(child.stdout.readline(), 60)) or "{}"
    )
    return answer


async def _cpu(children: list[asyncio.subprocess.Process]) -> list[float]:
    """Each bot's CPU time so far, in seconds."""
    answers = await asyncio.gather(*(_ask(child, "cpu") for child in children))
    return [float(a["cpu_seconds"]) for a in answers]


async def _settle(children: list[asyncio.subprocess.Process]) -> list[float]:
    """Wait until every bot is idle: after `ready` a bot still works for a few tenths
    of a second (the daily cog's first checks, collections), which would otherwise
    fall into the burst, once per process. Each bot's CPU time when all are idle."""
    deadline = time.monotonic() + SETTLE_TIMEOUT
    last = await _cpu(children)
    while True:
        await asyncio.sleep(SETTLE_STEP)
        now = await _cpu(children)
        if all(b - a < SETTLED for a, b in zip(last, now, strict=True)):
            return now
        if time.monotonic() > deadline:
            return now
        last = now


def _machine_busy() -> float | None:
    """CPU seconds the whole machine has spent busy (every core, every process), from
    /proc/stat; None where there is none."""
    try:
        fields = [int(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    except (OSError, ValueError, IndexError):
        return None
    idle = fields[3] + fields[4]  # idle, iowait
    return (sum(fields[:8]) - idle) / os.sysconf("SC_CLK_TCK")


async def _stop(children: list[asyncio.subprocess.Process]) -> list[dict[str, Any]]:
    """Tell every bot to stop, all at once; what each reports (memory)."""
    reports = await asyncio.gather(*(_ask(child, "stop") for child in children))
    await asyncio.wait_for(asyncio.gather(*(child.wait() for child in children)), 30)
    return list(reports)


async def burst(store: Path, server_url: str, processes: int) -> dict[str, Any]:
    """One round: the 1,000 commands across `processes` bots."""
    mix = command_mix(store, COMMANDS)
    guilds = [make_guild(f"shard-{s}", shard=(s, 4)) for s in range(4)]
    fake = FakeDiscord(guilds=guilds)
    await fake.start()
    try:
        state_url = await new_database(server_url)
        async with burst_bots(store, fake, state_url, processes) as children:
            settled = await _settle(children)
            busy_before = _machine_busy()
            before = os.times()
            result = await fire(fake, mix, [g.channels[0].id for g in guilds])
            after = os.times()
            busy_after = _machine_busy()
            used = await _cpu(children)
            reports = await _stop(children)
    finally:
        await fake.close()
    burst_cpu = [round(u - s, 2) for s, u in zip(settled, used, strict=True)]
    busy = None if busy_before is None or busy_after is None else busy_after - busy_before
    return {
        **result,
        "processes": processes,
        "bot_cpu_seconds": round(sum(u - s for s, u in zip(settled, used, strict=True)), 2),
        "bot_cpu_seconds_each": burst_cpu,
        "bot_startup_cpu_seconds_each": [round(s, 2) for s in settled],
        "standin_cpu_seconds": round(after.user + after.system - before.user - before.system, 2),
        # cores busy on average from the first command to the last answer, whoever used them
        "machine_busy_cores": None if busy is None else round(busy / result["wall_seconds"], 2),
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
                with collector_paused():  # as in the e2e test: the stand-in's own pauses
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
