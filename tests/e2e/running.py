"""What the e2e tests start and always stop: a stand-in, and `almanac run` as its own
process (killed at the end of the test if it is still running)."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from typing import Protocol, TypeVar

from tests.signals import hear_interrupts

TIMEOUT = 60.0


class StandIn(Protocol):
    """A loopback stand-in of a chat service (tests/e2e/fake_discord, fake_slack)."""

    async def start(self) -> None: ...

    async def close(self) -> None: ...


S = TypeVar("S", bound=StandIn)


@contextlib.asynccontextmanager
async def started(stand_in: S) -> AsyncIterator[S]:
    """The stand-in started, and closed whatever the test did."""
    await stand_in.start()
    try:
        yield stand_in
    finally:
        await stand_in.close()


@contextlib.asynccontextmanager
async def almanac_run(
    env: Mapping[str, str], cwd: Path, *options: str
) -> AsyncIterator[asyncio.subprocess.Process]:
    """`python -m bot run [options]` in its own process, its output piped; killed at the
    end unless the test stopped it."""
    process = await asyncio.create_subprocess_exec(
        *(sys.executable, "-m", "bot", "run", *options),
        env=dict(env),
        cwd=cwd,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
        preexec_fn=hear_interrupts,
    )
    try:
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def interrupted(process: asyncio.subprocess.Process) -> str:
    """Ctrl-C, then the exit status must be 0; returns what it wrote on stderr."""
    process.send_signal(signal.SIGINT)
    _, stderr = await asyncio.wait_for(process.communicate(), TIMEOUT)
    err = stderr.decode(errors="replace")
    assert process.returncode == 0, err[-2000:]
    return err
