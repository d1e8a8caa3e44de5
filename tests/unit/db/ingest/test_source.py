"""read_source: what is accepted as text and the reasons given for refusing a file."""

from __future__ import annotations

import pathlib

import pytest

from db.ingest import MAX_SOURCE_BYTES, SourceError, read_source


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"hello\r\nworld\rend", "hello\nworld\nend"),
        (b"\xef\xbb\xbfwith bom", "with bom"),
        ("caf\u00e9 \u201cq\u201d".encode(), "caf\u00e9 \u201cq\u201d"),
    ],
)
def test_reads_text(tmp_path: pathlib.Path, data: bytes, expected: str) -> None:
    """UTF-8 text comes back with LF line ends and without a BOM."""
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    assert read_source(path) == expected


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b"\xef\xbb\xbf", "file is empty"),
        (b"abc\x00def", "looks binary (contains NUL bytes)"),
        (b"abc\xffdef", "not UTF-8 text (invalid byte at offset 3)"),
        (b"\xef\xbb\xbfab\xff", "not UTF-8 text (invalid byte at offset 5)"),
        (
            b"# settings\nDISCORD_TOKEN=abc.def.ghi\n",
            "looks like it holds a secret (line 2); not ingested",
        ),
        (
            b"export SLACK_BOT_TOKEN = xoxb-1\n",
            "looks like it holds a secret (line 1); not ingested",
        ),
        (
            b"-----BEGIN RSA PRIVATE KEY-----\nMIIE\n",
            "looks like it holds a secret (line 1); not ingested",
        ),
        (
            b"Notes\ntoken: " + b"M" + b"a" * 23 + b".Gabcde." + b"b" * 30 + b"\n",
            "looks like it holds a secret (line 2); not ingested",
        ),
    ],
)
def test_refuses_with_reason(tmp_path: pathlib.Path, data: bytes, reason: str) -> None:
    """Each refusal carries a short human reason."""
    path = tmp_path / "doc.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert caught.value.reason == reason
    assert str(caught.value) == reason


def test_too_large_checked_before_reading(tmp_path: pathlib.Path) -> None:
    """A 50 MB (sparse) file is refused from its size alone."""
    path = tmp_path / "big.txt"
    with path.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with pytest.raises(SourceError, match=r"too large \(50\.0 MB; limit is 16 MB\)"):
        read_source(path)
    assert MAX_SOURCE_BYTES == 16 * 1024 * 1024


@pytest.mark.parametrize(
    "text",
    [
        "SECRETARY: Good morning, everyone.\n",  # a transcript label, not a setting
        "The password was changed on June 3, 2001, the minister said.\n",
        "The token ring network of the 1980s.\n",
    ],
)
def test_prose_about_secrets_is_read(tmp_path: pathlib.Path, text: str) -> None:
    """Words like 'secretary' or 'password' in prose are no secret."""
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    assert read_source(path) == text
