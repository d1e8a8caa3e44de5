"""Reading a source file into text, refusing what is not plain UTF-8 text."""

from __future__ import annotations

import pathlib
import re
from typing import Final

MAX_SOURCE_BYTES = 16 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
# What a file of credentials holds: `DISCORD_TOKEN=...`, `export API_KEY=...`, a Discord
# bot token's three dotted parts, a private key block. Such a file is never stored: its
# title and text would be shown in chat.
_SECRET: Final = re.compile(
    r"^[ \t]*(?:export[ \t]+)?[A-Z_][A-Z0-9_]*"
    r"(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY)[A-Z0-9_]*"
    r"[ \t]*=[ \t]*\S"
    r"|\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b"
    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----",
    re.MULTILINE,
)


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
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    secret = _SECRET.search(text)
    if secret is not None:
        line = text.count("\n", 0, secret.start()) + 1
        raise SourceError(f"looks like it holds a secret (line {line}); not ingested")
    return text
