"""Logging setup that can never print a token (Discord's, Slack's) or secret.

A filter on the handler redacts them from every record that reaches it,
whichever logger produced it (discord.py's and slack_sdk's included), tracebacks too.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from typing import TextIO

REDACTED = "[redacted]"
FORMAT = "%(asctime)s %(levelname)-8s %(name)s: %(message)s"


class TokenRedactor(logging.Filter):
    """Replaces the secrets in a record's message, arguments and traceback."""

    def __init__(self, secret: str | None, more: Sequence[str] = ()) -> None:
        super().__init__()
        self.secrets = [s for s in dict.fromkeys((secret, *more)) if s]

    def redact(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, REDACTED)
        return text

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.secrets:
            return True
        message = record.getMessage()
        if any(secret in message for secret in self.secrets):
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


def setup_logging(
    level: str,
    token: str | None,
    stream: TextIO | None = None,
    *,
    more_secrets: Sequence[str] = (),
) -> logging.Handler:
    """One redacting stream handler on the root logger; returns it."""
    handler = AlmanacHandler(stream or sys.stderr)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(TokenRedactor(token, more_secrets))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, AlmanacHandler)]:
        root.removeHandler(old)
    root.addHandler(handler)
    root.setLevel(level)
    return handler
