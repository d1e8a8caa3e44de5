"""The seeds' content store, shared by the answer tests that read it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

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
