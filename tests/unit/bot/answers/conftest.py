"""The seeds' content store, shared by the answer tests that read it, and the count
of pictures drawn, shared by the picture tests."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest

from bot.answers import picture
from bot.answers.picture import share_pictures
from db import schema
from db.read.store import Store
from db.write.writer import ingest_paths
from tests.paths import PROJECT_SEEDS


@pytest.fixture(scope="module")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A content store built once a test module from seeds/ by the real extractor and writer."""
    path = tmp_path_factory.mktemp("seeds") / "content.sqlite3"
    conn = schema.connect(path, schema.CONTENT_SCHEMA)
    try:
        report = ingest_paths(conn, [PROJECT_SEEDS], workers=1)
    finally:
        conn.close()
    assert report.ok, [o.reason for o in report.failed]
    return path


@pytest.fixture
async def store(seeds_db: Path) -> AsyncIterator[Store]:
    """The read Store over the seeds database, closed after the test."""
    async with await Store.open(seeds_db) as opened:
        yield opened


@pytest.fixture
def drawn(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[object]]:
    """Every picture this process draws (drawn for real); nothing remembered before,
    no drawing under way, no shared folder (a test may set one)."""
    found: list[object] = []
    draw = picture.draw_png

    def counted(spec: picture.PictureSpec) -> bytes:
        found.append(spec)
        return draw(spec)

    monkeypatch.setattr(picture, "draw_png", counted)
    monkeypatch.setattr(picture, "_cache", OrderedDict())
    monkeypatch.setattr(picture, "_drawing", None)
    monkeypatch.setattr(picture, "_shared", None)
    yield found
    share_pictures(None)
