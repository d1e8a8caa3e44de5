"""The bot's process runtime: uvloop when installed, the stdlib loop otherwise, GC tuning."""

from __future__ import annotations

import asyncio
import gc
import sys
from collections.abc import Iterator

import pytest

from bot.process import runtime


async def _loop_module() -> str:
    return type(asyncio.get_running_loop()).__module__


def test_runs_on_uvloop_when_installed() -> None:
    """uvloop is a dependency on this platform, so `almanac run` gets its loop."""
    assert runtime.run(_loop_module()).startswith("uvloop")


def test_falls_back_to_the_stdlib_loop(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without uvloop (Windows), the same code runs on asyncio's own loop."""
    monkeypatch.setitem(sys.modules, "uvloop", None)  # makes `import uvloop` fail
    assert runtime.loop_factory() is None
    assert runtime.run(_loop_module()).startswith("asyncio")


@pytest.fixture
def restore_gc() -> Iterator[None]:
    """Put the collector back as it was."""
    before = gc.get_threshold()
    yield
    gc.unfreeze()
    gc.set_threshold(*before)


@pytest.mark.usefixtures("restore_gc")
def test_gc_tuning_raises_only_the_young_threshold() -> None:
    """Young collections are rarer; the older generations keep their thresholds."""
    _, older, oldest = gc.get_threshold()
    runtime.tune_gc()
    assert gc.get_threshold() == (runtime.GC_YOUNG_THRESHOLD, older, oldest)


@pytest.mark.usefixtures("restore_gc")
def test_start_up_objects_are_frozen() -> None:
    """After start-up everything alive is frozen: later collections skip it."""
    kept = [object() for _ in range(1000)]
    runtime.freeze_startup_objects()
    assert gc.get_freeze_count() >= len(kept)
