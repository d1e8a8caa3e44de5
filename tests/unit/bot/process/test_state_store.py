"""`almanac run` with a state store it cannot use: one line, exit 1, no password."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Settings
from bot.process.lifecycle import run_bot
from db import schema


def test_unreachable_state_url_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A PostgreSQL state store that does not answer stops the start with one line
    naming it (password hidden), before anything reaches Discord."""
    content = tmp_path / "almanac.sqlite3"
    schema.connect(content, schema.CONTENT_SCHEMA).close()
    url = f"postgresql://almanac:hunter2@/almanac?host={tmp_path / 'no-server'}"
    settings = Settings.from_env(
        {"ALMANAC_STATE_URL": url, "ALMANAC_DB": str(content), "DISCORD_TOKEN": "x.y.z"},
        env_file=None,
    )
    assert run_bot(settings, content) == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1
    assert err.startswith("almanac: state store postgresql://almanac:***@/almanac?host=")
    assert "cannot connect" in err
    assert "hunter2" not in err
