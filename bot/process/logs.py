"""Logging setup that can never print the Discord token.

A filter on the handler redacts the token from every record that reaches it,
whichever logger produced it (discord.py's included), tracebacks too.
"""

from __future__ import annotations

import logging
import sys
from typing import TextIO

REDACTED = "[redacted]"
FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"


class TokenRedactor(logging.Filter):
    """Replaces the secret in a record's message, arguments and traceback."""

    def __init__(self, secret: str | None) -> None:
        super().__init__()
        self.secret = secret or None

    def redact(self, text: str) -> str:
        return text.replace(self.secret, REDACTED) if self.secret else text

    def filter(self, record: logging.LogRecord) -> bool:
        if self.secret is None:
            return True
        message = record.getMessage()
        if self.secret in message:
            record.msg, record.args = self.redact(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = self.redact(record.exc_text)
        if record.stack_info:
            record.stack_info = self.redact(record.stack_info)
        return True


class AlmanacHandler(logging.StreamHandler[TextIO]):
    """The handler setup_logging installs, so a second call replaces it."""


def setup_logging(level: str, token: str | None, stream: TextIO | None = None) -> logging.Handler:
    """One redacting stream handler on the root logger; returns it."""
    handler = AlmanacHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(TokenRedactor(token))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, AlmanacHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    return handler
