"""Errors that are the user's mistake, not the bot's.

A cog raises `UserError` for bad input; the command tree turns it into a short
ephemeral reply with an example, and nothing is logged as a failure.
"""

from __future__ import annotations

from typing import Final

# What a user is told when the bot itself failed (the error is logged), in every adapter.
POLITE_FAILURE: Final = "Something went wrong on my side; it has been logged."


class UserError(Exception):
    """A mistake the user can fix; `example` shows a command that works."""

    def __init__(self, message: str, *, example: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.example = example

    def explain(self) -> str:
        """The text shown to the user: the message, then the example if any."""
        if self.example is None:
            return self.message
        return f"{self.message}\nTry: `{self.example}`"
