"""Fixtures shared by the unit tests that run the command line."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def db_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A private store for the test, also the default the CLI uses."""
    path = tmp_path / "almanac.sqlite3"
    monkeypatch.setenv("ALMANAC_DB", str(path))
    monkeypatch.setenv("ALMANAC_STATE_DB", str(tmp_path / "state.sqlite3"))
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    monkeypatch.chdir(tmp_path)
    return path
