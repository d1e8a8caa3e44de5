"""Where the project's own files are, for tests at any depth of tests/."""

from __future__ import annotations

from pathlib import Path
from typing import Final

PROJECT_ROOT: Final = Path(__file__).resolve().parents[1]
PROJECT_SEEDS: Final = PROJECT_ROOT / "seeds"
# Invented saved web pages (tests/unit/db/ingest/pages), read by ingest, answer and CLI tests.
TEST_PAGES: Final = PROJECT_ROOT / "tests" / "unit" / "db" / "ingest" / "pages"
# Real, openly licensed saved web pages (tests/data/pages, sources in its SOURCES.md).
REAL_PAGES: Final = PROJECT_ROOT / "tests" / "data" / "pages"
