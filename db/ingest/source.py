"""Reading a source file into text, refusing what is not plain UTF-8 text."""

from __future__ import annotations

import pathlib

MAX_SOURCE_BYTES = 16 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"


class SourceError(Exception):
    """A file that cannot be ingested; the message is a short human reason."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def read_source(path: pathlib.Path) -> str:
    """Return the file's text with LF line ends, or raise SourceError saying why not."""
    size = path.stat().st_size
    if size > MAX_SOURCE_BYTES:
        limit = MAX_SOURCE_BYTES // (1024 * 1024)
        raise SourceError(f"too large ({_megabytes(size)}; limit is {limit} MB)")
    data = path.read_bytes()
    skipped = len(_BOM) if data.startswith(_BOM) else 0
    data = data[skipped:]
    if not data.strip():
        raise SourceError("file is empty")
    if b"\x00" in data:
        raise SourceError("looks binary (contains NUL bytes)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + skipped
        raise SourceError(f"not UTF-8 text (invalid byte at offset {offset})") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")
