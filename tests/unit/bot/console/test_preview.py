"""`almanac preview FILE`: what a text yields, in text and JSON, and nothing written."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bot.process.cli import main
from tests.paths import TEST_PAGES

PAGES = TEST_PAGES


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the content store would be: preview must never create it."""
    path = tmp_path / "store" / "content.sqlite3"
    monkeypatch.setenv("ALMANAC_DB", str(path))
    return path


def test_preview_of_a_page(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Title, link, date, author, the dated events and the served quotes with speaker and
    date; no store is created."""
    assert main(["preview", str(PAGES / "news_site.html")]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[1:6] == [
        "Title: Harbour museum reopens its whaling gallery",
        "URL: https://courier.example.org/culture/2019/04/harbour-museum-reopens",
        "Published: April 12, 2019",
        "Author: Maren Ellis",
        "Site: The Coastline Courier",
    ]
    assert "• January 19, 2019: The gallery was first closed on January 19, when water" in (
        " ".join(out)
    )
    assert any(line.endswith("— Ida Brennholt, April 12, 2019") for line in out)
    assert not db.exists()
    assert not db.parent.exists()


def test_preview_json_and_warnings(
    tmp_path: Path, db: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """--json gives the same in the export's shapes; a malformed front matter and a text
    with nothing to serve are warned about."""
    text = tmp_path / "notes.md"
    text.write_text("---\ntitle: Notes\nwhat is this\n---\n# Notes\n\nNothing dated.\n", "utf-8")
    assert main(["preview", str(text), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert (data["title"], data["url"], data["events"], data["quotes"]) == ("Notes", None, [], [])
    assert data["warnings"][0] == "front matter ignored: line 3 is not 'key: value'"
    assert data["warnings"][-1].startswith("no dated event and no quote")
    assert not db.exists()


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("page.html", (PAGES / "no_article.html").read_bytes(), "no article text found"),
        ("picture.png", b"\x89PNG", "not a text source (.txt, .text, .md, .html, .htm)"),
        ("latin1.txt", b"caf\xe9", "not UTF-8 text (invalid byte at offset 3)"),
    ],
)
def test_preview_refuses_in_one_line(
    tmp_path: Path,
    db: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    data: bytes,
    reason: str,
) -> None:
    """A file ingest would refuse: one line naming it and why, exit status 1, the file kept."""
    path = tmp_path / name
    path.write_bytes(data)
    assert main(["preview", str(path)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.startswith(f"error: {path}: {reason}")
    assert captured.err.count("\n") == 1
    assert path.read_bytes() == data
    assert not db.exists()
