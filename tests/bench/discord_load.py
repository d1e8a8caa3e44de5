"""1,000 slash commands at once through the real discord.py client and the loopback stand-in.

Run in a fresh process (`python -m tests.bench.discord_load STORE`): it prints one
JSON object. The stand-in (tests/e2e/fake_discord/) runs in this process and the
bot in a child of its own (tests.bench.discord_bot), as the real Discord is not in
the bot's process; resident memory is the bot process's, with that store open.
The burst runs ROUNDS times, each against a fresh bot process; the result is the
median round by p99, with every round's p50/p99/max listed beside it.
"""

from __future__ import annotations

import asyncio
import json
import os
import sqlite3
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tests.bench.answers import probes
from tests.bench.report import ms, percentile
from tests.e2e.fake_discord import GENERAL_ID, FakeDiscord, SentInteraction

COMMANDS = 1000
ROUNDS = 3  # bursts per run; the figures are the median round's (see rounds)
DEADLINE = 3.0  # Discord's limit for the interaction callback
FIRST_USER = 900_000_000_000_000_000
MIX_PERIOD = 20  # the mix repeats every 20 commands (see command_mix)


def rss() -> dict[str, int]:
    """VmRSS and VmHWM of this process in kB, from /proc/self/status."""
    found: dict[str, int] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            found[key] = int(value.split()[0])
    return found


def command_mix(store_path: Path, count: int) -> list[tuple[str, dict[str, str]]]:
    """A deterministic mix of the benchmarked queries (slash path, options)."""
    conn = sqlite3.connect(store_path)
    try:
        p = probes(conn)
    finally:
        conn.close()
    mix: list[tuple[str, dict[str, str]]] = []
    for i in range(count):
        kind = i % MIX_PERIOD
        if kind < 5:
            mix.append(("onthisday", {"date": f"{i % 12 + 1:02d}-{i % 28 + 1:02d}"}))
        elif kind < 10:
            mix.append(("quote", {"query": p.rare[i % len(p.rare)]}))
        elif kind < 13:
            mix.append(("quote", {"query": p.common}))
        elif kind < 16:
            mix.append(("quote", {"speaker": p.speakers[i % len(p.speakers)]}))
        else:
            mix.append(("timeline", {"from": str(1850 + i % 10), "to": str(2024 - i % 10)}))
    return mix


@dataclass(frozen=True, slots=True)
class _Sent:
    interaction: SentInteraction
    at: float
    path: str


def _answer_times(
    fake: FakeDiscord, sent: list[_Sent]
) -> tuple[dict[int, float], dict[int, float]]:
    """When each interaction got its callback, and when its answer (message) was complete."""
    by_id = {s.interaction.id: s for s in sent}
    by_token = {s.interaction.token: s for s in sent}
    callback: dict[int, float] = {}
    answered: dict[int, float] = {}
    for request in fake.requests:
        parts = request.path.split("/")
        if request.path.startswith("/interactions/") and len(parts) > 2:
            iid = int(parts[2])
            if iid in by_id and iid not in callback and request.status < 300:
                callback[iid] = request.time
                body = request.json if isinstance(request.json, dict) else {}
                if body.get("type") == 4:
                    answered[iid] = request.time
        elif request.path.startswith("/webhooks/") and len(parts) > 3 and request.method != "GET":
            one = by_token.get(parts[3])
            if one is not None and one.interaction.id not in answered and request.status < 300:
                answered[one.interaction.id] = request.time
    return callback, answered


async def run(store_path: Path) -> dict[str, Any]:
    """Start the bot in its own process on the stand-in, fire the commands, wait for answers."""
    mix = command_mix(store_path, COMMANDS)
    fake = FakeDiscord()
    await fake.start()
    with tempfile.TemporaryDirectory(prefix="almanac-bench-") as folder:
        opened = time.perf_counter()
        child = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "tests.bench.discord_bot",
            str(store_path),
            fake.api_base,
            fake.gateway_url,
            str(Path(folder) / "state.sqlite3"),
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            env={**os.environ, "ALMANAC_PICTURE_CACHE": str(Path(folder) / "pictures")},
        )
        assert child.stdin is not None
        assert child.stdout is not None
        try:
            line = await asyncio.wait_for(child.stdout.readline(), 120)
            if not line:
                raise RuntimeError("the bot process exited before it was ready")
            ready = time.perf_counter() - opened
            before = os.times()
            result = await fire(fake, mix)
            after = os.times()
            standin_cpu = after.user + after.system - before.user - before.system
            child.stdin.write(b"stop\n")
            await child.stdin.drain()
            memory = json.loads((await asyncio.wait_for(child.stdout.readline(), 60)) or "{}")
            await asyncio.wait_for(child.wait(), 30)
        finally:
            if child.returncode is None:
                child.kill()
                await child.wait()
            await fake.close()
    return {
        **result,
        "startup_seconds": round(ready, 2),
        "memory_kb": memory.get("memory_kb", {}),
        "bot_cpu_seconds": memory.get("bot_cpu_seconds"),
        "standin_cpu_seconds": round(standin_cpu, 2),
        "standin": "own process (the bot's process holds only the bot)",
    }


async def fire(
    fake: FakeDiscord,
    mix: list[tuple[str, dict[str, str]]],
    channels: Sequence[int] = (GENERAL_ID,),
) -> dict[str, Any]:
    """Send the mix at once, each whole period of the mix from the next channel (and
    server) in turn, so every server gets the same mix; wait for every answer and time
    each from the stand-in's request log."""
    sent: list[_Sent] = []
    started = time.monotonic()
    for i, (path, options) in enumerate(mix):
        at = time.monotonic()
        channel = channels[i // MIX_PERIOD % len(channels)]
        interaction = await fake.send_command(
            path, options, user_id=FIRST_USER + i, channel_id=channel
        )
        sent.append(_Sent(interaction, at, path))
    sending = time.monotonic() - started

    deadline = started + 120.0
    while time.monotonic() < deadline:  # polled: a check per request would load the loop
        await asyncio.sleep(0.05)
        if len(_answer_times(fake, sent)[1]) >= len(sent):
            break
    wall = time.monotonic() - started
    callback, answered = _answer_times(fake, sent)
    to_callback = [callback[s.interaction.id] - s.at for s in sent if s.interaction.id in callback]
    to_answer = [answered[s.interaction.id] - s.at for s in sent if s.interaction.id in answered]
    deferred = sum(
        1
        for r in fake.requests
        if r.path.startswith("/interactions/")
        and isinstance(r.json, dict)
        and r.json.get("type") == 5
    )
    return {
        "commands": len(sent),
        "send_seconds": round(sending, 3),
        "callbacks": len(to_callback),
        "answered": len(to_answer),
        "deferred": deferred,
        "callback_p50_ms": ms(percentile(to_callback, 50)) if to_callback else None,
        "callback_p99_ms": ms(percentile(to_callback, 99)) if to_callback else None,
        "callback_max_ms": ms(max(to_callback)) if to_callback else None,
        "answer_p50_ms": ms(percentile(to_answer, 50)) if to_answer else None,
        "answer_p99_ms": ms(percentile(to_answer, 99)) if to_answer else None,
        "answer_max_ms": ms(max(to_answer)) if to_answer else None,
        "all_within_3s": bool(to_callback)
        and len(to_callback) == len(sent)
        and max(to_callback) <= DEADLINE,
        "wall_seconds": round(wall, 3),
        "standin_errors": len(fake.errors),
        "mix": "25% /onthisday, 25% /quote rare, 15% /quote common, 15% /quote speaker,"
        " 20% /timeline wide range",
    }


def rounds(store_path: Path, count: int = ROUNDS) -> dict[str, Any]:
    """The burst `count` times, each with a fresh bot process: the median round by p99
    (one round lasts about a second, so one stray scheduling hiccup moves its p99),
    with every round's figures beside it."""
    results = [asyncio.run(run(store_path)) for _ in range(count)]
    if any("callback_p99_ms" not in r or r["callback_p99_ms"] is None for r in results):
        return results[0]
    ordered = sorted(results, key=lambda r: float(r["callback_p99_ms"]))
    median = ordered[len(ordered) // 2]
    keys = ("callback_p50_ms", "callback_p99_ms", "callback_max_ms", "bot_cpu_seconds")
    return {**median, "rounds": [{k: r[k] for k in keys} for r in results]}


def main() -> None:
    """Entry point of the child process: one JSON object on stdout."""
    print(json.dumps(rounds(Path(sys.argv[1]))))


if __name__ == "__main__":
    main()
