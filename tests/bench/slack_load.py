"""Slash commands at once through the real Slack app (`almanac run`, slack_bolt over
slack_sdk's Socket Mode) and the loopback stand-in: answer times and CPU per command.

Run in a fresh process (`python -m tests.bench.slack_load STORE [--quick]`): it prints
one JSON object. The stand-in runs in this process and `python -m bot run` in a child
of its own, so the app's CPU (from /proc/PID/stat) is its alone. The mix is the Discord
burst's (tests.bench.discord_load.command_mix), typed as Slack sends it, each command
from another member (the per-member cooldown would refuse a sixth from one). /timeline
draws and uploads its picture, as it does in Slack.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Final

from tests.bench.discord_load import command_mix
from tests.bench.report import ms, percentile
from tests.e2e.fake_slack import Envelope, FakeSlack
from tests.e2e.running import almanac_run

COMMANDS: Final = 1000
QUICK_COMMANDS: Final = 100
WARM_UP: Final = 20  # one period of the mix, untimed: first-use imports and caches
DEADLINE: Final = 3.0  # Slack's limit for the ack
_FREE: Final = ("query",)  # options typed as free words


def typed(options: dict[str, str]) -> str:
    """A command's options as typed in Slack: free words, then `name:value`."""
    words = [v for k, v in options.items() if k in _FREE]
    words += [f"{k}:{v}" for k, v in options.items() if k not in _FREE]
    return " ".join(words)


def cpu_seconds(pid: int) -> float:
    """User plus system CPU of a process so far, from /proc/PID/stat."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


async def burst(
    fake: FakeSlack, mix: list[tuple[str, dict[str, str]]], first: int
) -> list[Envelope]:
    """Send the mix at once, member `first + i` typing command i; wait for every answer."""
    sent = [
        await fake.send_command(f"/{path}", typed(options), user=f"U{first + i:09d}")
        for i, (path, options) in enumerate(mix)
    ]
    await fake.wait_until(
        lambda: True if all(fake.responses[e.response_id] for e in sent) else None,
        f"answers to {len(sent)} commands",
        timeout=300.0,
    )
    return sent


async def run(store_path: Path, commands: int) -> dict[str, Any]:
    """Start `almanac run` on the stand-in, warm it up, then time the burst."""
    mix = command_mix(store_path, WARM_UP + commands)
    fake = FakeSlack()
    await fake.start()
    try:
        with tempfile.TemporaryDirectory(prefix="almanac-bench-") as folder:
            env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SLACK_"))}
            env |= {
                "SLACK_BOT_TOKEN": "xoxb-0000-bench-bot-token",
                "SLACK_APP_TOKEN": "xapp-1-A0-bench-app-token",
                "SLACK_API_BASE": fake.api_base,
                "ALMANAC_DB": str(store_path),
                "ALMANAC_STATE_DB": str(Path(folder) / "state.sqlite3"),
                "ALMANAC_PICTURE_CACHE": str(Path(folder) / "pictures"),  # none drawn before
                "ALMANAC_LOG_LEVEL": "WARNING",
                "HOME": folder,
            }
            async with almanac_run(env, Path(folder)) as app:
                opened = time.perf_counter()
                await fake.wait_until(
                    lambda: True if fake.connected else None, "the app to connect", 120.0
                )
                ready = time.perf_counter() - opened
                await burst(fake, mix[:WARM_UP], 0)
                before, uploaded = cpu_seconds(app.pid), len(fake.uploaded)
                started = time.monotonic()
                sent = await burst(fake, mix[WARM_UP:], WARM_UP)
                wall = time.monotonic() - started
                cpu = cpu_seconds(app.pid) - before
    finally:
        await fake.close()
    acks = [e.acked_at - e.sent_at for e in sent if e.acked_at is not None]
    answers = [fake.responses[e.response_id][0].at - e.sent_at for e in sent]
    refused = sum(1 for e in sent if fake.responses[e.response_id][0].ephemeral)
    return {
        "commands": len(sent),
        "startup_seconds": round(ready, 2),
        "wall_seconds": round(wall, 2),
        "app_cpu_seconds": round(cpu, 2),
        "app_cpu_ms_per_command": ms(cpu / len(sent)),
        "ack_p50_ms": ms(percentile(acks, 50)),
        "ack_p99_ms": ms(percentile(acks, 99)),
        "acked_late": sum(1 for a in acks if a > DEADLINE),
        "answer_p50_ms": ms(percentile(answers, 50)),
        "answer_p99_ms": ms(percentile(answers, 99)),
        "ephemeral_answers": refused,
        "pictures_uploaded": len(fake.uploaded) - uploaded,
    }


def main() -> int:
    """Run the burst and print its figures as one JSON line."""
    parser = argparse.ArgumentParser(prog="python -m tests.bench.slack_load")
    parser.add_argument("store", type=Path)
    parser.add_argument("--quick", action="store_true", help=f"{QUICK_COMMANDS} commands")
    args = parser.parse_args()
    commands = QUICK_COMMANDS if args.quick else COMMANDS
    print(json.dumps(asyncio.run(run(args.store, commands))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
