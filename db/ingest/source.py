"""Reading a source file into text, refusing what is not plain UTF-8 text."""

from __future__ import annotations

import pathlib
import re
from typing import Final

MAX_SOURCE_BYTES = 16 * 1024 * 1024
# The files ingest reads, by suffix (any case): plain text, Markdown, saved web pages.
MARKDOWN_SUFFIXES: Final = (".md",)
HTML_SUFFIXES: Final = (".html", ".htm")
SOURCE_SUFFIXES: Final = (".txt", ".text", *MARKDOWN_SUFFIXES, *HTML_SUFFIXES)
_BOM = b"\xef\xbb\xbf"
# What a file of credentials holds: `DISCORD_TOKEN=...`, `export API_KEY=...`, a Discord
# bot token's three dotted parts, a private key block. Such a file is never stored: its
# title and text would be shown in chat. Each form is looked for only where a plain
# substring search says it can be, so ordinary texts cost one pass of str.find each.
_SETTING: Final = re.compile(
    r"^[ \t]*(?:export[ \t]+)?[A-Z_][A-Z0-9_]*"
    r"(?:TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY)[A-Z0-9_]*"
    r"[ \t]*=[ \t]*\S",
    re.MULTILINE,
)
_SETTING_WORDS: Final = (
    "TOKEN",
    "SECRET",
    "PASSW",
    "API_KEY",
    "APIKEY",
    "PRIVATE_KEY",
    "ACCESS_KEY",
)
_BOT_TOKEN_MIDDLE: Final = re.compile(r"\.[A-Za-z0-9_-]{6}\.")  # opens with a plain "."
_BOT_TOKEN: Final = re.compile(r"[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}")
_KEY_BLOCK: Final = re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----")


def _secret_at(text: str) -> int | None:
    """Where the first credential in text starts, if it holds one."""
    found: list[int] = []
    if any(word in text for word in _SETTING_WORDS):
        setting = _SETTING.search(text)
        if setting is not None:
            found.append(setting.start())
    if "PRIVATE KEY-----" in text:
        block = _KEY_BLOCK.search(text)
        if block is not None:
            found.append(block.start())
    for middle in _BOT_TOKEN_MIDDLE.finditer(text):
        token = _BOT_TOKEN.search(text, max(0, middle.start() - 28), middle.end() + 41)
        if token is not None:
            found.append(token.start())
            break
    return min(found) if found else None


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
    secret = _secret_at(text)
    if secret is not None:
        line = text.count("\n", 0, secret) + 1
        raise SourceError(f"looks like it holds a secret (line {line}); not ingested")
    return text
