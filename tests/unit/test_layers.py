"""Data flows one way: sources -> ingest -> store -> answers -> adapters.

Read from the code's own imports (every import, those under TYPE_CHECKING too), so a
module that reaches back up, or an adapter that leans on another adapter, fails here
rather than in a review. The rooms are the README's architecture table.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Final

import pytest

from tests.paths import PROJECT_ROOT

SERVICES: Final = ("discord", "slack_bolt", "slack_sdk")
ADAPTERS: Final = ("bot.discord_bot", "cogs", "bot.slack_bot", "bot.console")
# room (a module prefix) -> the module prefixes it must never import.
NEVER: Final[dict[str, tuple[str, ...]]] = {
    # The whole store side knows nothing of answers, adapters or chat services.
    "db": ("bot", "cogs", *SERVICES),
    # Extraction reads texts only: it never touches a store.
    "db.ingest": ("db.read", "db.write", "db.state"),
    "db.read": ("db.write", "db.ingest", "db.state"),
    "db.state": ("db.read", "db.write", "db.ingest"),
    # Answers and the daily post are the same for every service.
    "bot.answers": (*ADAPTERS, "bot.daily", "bot.process", *SERVICES),
    "bot.daily": (*ADAPTERS, "bot.process", *SERVICES),
    # An adapter speaks its own service only, and none leans on another adapter.
    "bot.discord_bot": ("bot.slack_bot", "bot.console", "bot.process", "slack_bolt", "slack_sdk"),
    "cogs": ("bot.slack_bot", "bot.console", "bot.process", "slack_bolt", "slack_sdk"),
    "bot.slack_bot": ("bot.discord_bot", "cogs", "bot.console", "bot.process", "discord"),
    "bot.console": ("bot.discord_bot", "cogs", "bot.slack_bot", "bot.process", *SERVICES),
}


def module_name(path: Path, root: Path) -> str:
    """'bot/answers/quote.py' -> 'bot.answers.quote' ('pkg/__init__.py' -> 'pkg')."""
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path) -> Iterator[str]:
    """Every module a file imports by absolute name."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def within(module: str, prefix: str) -> bool:
    return module == prefix or module.startswith(prefix + ".")


def violations(sources: list[Path], root: Path = PROJECT_ROOT) -> list[str]:
    """'importer -> imported' for each import a room must never make."""
    found = []
    for path in sources:
        importer = module_name(path, root)
        for room, banned in NEVER.items():
            if not within(importer, room):
                continue
            found += [
                f"{importer} -> {name}"
                for name in imported(path)
                if any(within(name, ban) for ban in banned)
            ]
    return sorted(set(found))


def project_sources() -> list[Path]:
    return [
        path
        for folder in ("bot", "cogs", "db")
        for path in sorted((PROJECT_ROOT / folder).rglob("*.py"))
    ]


def test_every_import_flows_one_way() -> None:
    """No module of the project imports what its room must never import."""
    assert violations(project_sources()) == []


@pytest.mark.parametrize(
    ("where", "source", "expected"),
    [
        ("db/read/extra.py", "from bot.answers import quote", "db.read.extra -> bot.answers"),
        ("db/ingest/extra.py", "import db.read.store", "db.ingest.extra -> db.read.store"),
        ("bot/answers/extra.py", "import discord", "bot.answers.extra -> discord"),
        ("bot/daily/extra.py", "from cogs.daily import x", "bot.daily.extra -> cogs.daily"),
        (
            "bot/slack_bot/extra.py",
            "from bot.discord_bot import app",
            "bot.slack_bot.extra -> bot.discord_bot",
        ),
    ],
)
def test_a_backward_import_is_caught(
    tmp_path: Path, where: str, source: str, expected: str
) -> None:
    """The check sees a module that reaches back up (written for the test in a copy of
    the layout under a temporary folder)."""
    path = tmp_path / where
    path.parent.mkdir(parents=True)
    path.write_text(f"from __future__ import annotations\n\n{source}\n", encoding="utf-8")
    assert violations([path], tmp_path) == [expected]
