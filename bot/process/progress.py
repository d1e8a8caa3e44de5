"""A long ingest's progress on a terminal: files, MB, rate and time left, on one line
redrawn in place. Nothing at all when the output is not a terminal (a pipe, a log,
CI), so scripts read only the report.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Final, TextIO

MB: Final = 1024 * 1024
REDRAW_EVERY: Final = 0.2  # seconds between redraws: a fast ingest tells thousands of files
RATE_AFTER: Final = 1.0  # seconds before a rate (and time left) means anything


def progress_line(files: int, of_files: int, done: int, of_bytes: int, seconds: float) -> str:
    """'Ingesting 1,234 of 21,313 files, 56.1 of 100.0 MB, 3.7 MB/s, 12 s left'."""
    rate = done / MB / seconds if seconds >= RATE_AFTER else 0.0
    line = f"Ingesting {files:,} of {of_files:,} files, {done / MB:.1f} of {of_bytes / MB:.1f} MB"
    if rate > 0:
        left = (of_bytes - done) / MB / rate
        line += f", {rate:.1f} MB/s, {_duration(left)} left"
    return line


def _duration(seconds: float) -> str:
    whole = max(0, round(seconds))
    if whole < 60:
        return f"{whole} s"
    minutes, rest = divmod(whole, 60)
    return (
        f"{minutes} min {rest:02d} s"
        if minutes < 60
        else f"{minutes // 60} h {minutes % 60:02d} min"
    )


class TerminalProgress:
    """Draws progress_line on a terminal stream, at most every REDRAW_EVERY seconds."""

    def __init__(self, stream: TextIO, clock: Callable[[], float] = time.monotonic) -> None:
        self.stream = stream
        self.clock = clock
        self.started = clock()
        self.drawn_at: float | None = None
        self.width = 0

    def __call__(self, files: int, of_files: int, done: int, of_bytes: int) -> None:
        now = self.clock()
        last = files == of_files
        if not last and self.drawn_at is not None and now - self.drawn_at < REDRAW_EVERY:
            return
        self.drawn_at = now
        line = progress_line(files, of_files, done, of_bytes, now - self.started)
        self.stream.write("\r" + line.ljust(self.width))
        self.width = len(line)
        self.stream.flush()

    def finish(self) -> None:
        """Clear the line, so the report starts on a clean one."""
        if self.drawn_at is not None:
            self.stream.write("\r" + " " * self.width + "\r")
            self.stream.flush()


def terminal_progress(stream: TextIO) -> TerminalProgress | None:
    """A progress drawer for `stream` when it is a terminal, else None (stay quiet)."""
    try:
        interactive = stream.isatty()
    except (AttributeError, ValueError):  # a closed or replaced stream
        interactive = False
    return TerminalProgress(stream) if interactive else None
