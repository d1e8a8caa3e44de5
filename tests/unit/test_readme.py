"""The README's console example is what the console really prints for the seeds."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from datetime import date
from pathlib import Path

import pytest

from bot.console.render import render_text
from bot.console.repl import answer_line
from db import schema
from db.read.store import Store
from db.write.writer import ingest_paths
from tests.paths import PROJECT_ROOT

ROOT = PROJECT_ROOT
EXAMPLE = re.compile(r"```\n> (/[^\n]+)\n(.*?)\n```", re.DOTALL)


def readme_examples() -> list[tuple[str, str]]:
    """(command, shown output) for each console block of the README."""
    return EXAMPLE.findall((ROOT / "README.md").read_text(encoding="utf-8"))


@pytest.fixture
async def seeds_store(tmp_path: Path) -> AsyncIterator[Store]:
    """A store built from the project's seeds/, as `make run` builds it."""
    path = tmp_path / "almanac.sqlite3"
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    assert ingest_paths(conn, [ROOT / "seeds"], workers=1).ok
    conn.close()
    store = await Store.open(path)
    yield store
    await store.close()


def test_readme_has_a_console_example() -> None:
    """The quick start shows at least one command with its answer."""
    assert readme_examples()


@pytest.mark.parametrize(("command", "shown"), readme_examples())
async def test_readme_example_is_real_output(seeds_store: Store, command: str, shown: str) -> None:
    """Each documented answer is exactly what the console prints for the seeds."""
    answer = await answer_line(seeds_store, command, date(2026, 6, 16))
    assert render_text(answer) == shown
