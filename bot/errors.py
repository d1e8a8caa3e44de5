"""Errors that are the user's to fix: shown to them, never logged as failures."""

from __future__ import annotations


class UserError(Exception):
    """A mistake in a command's input, explained with an example that works."""

    def __init__(self, message: str, example: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.example = example
