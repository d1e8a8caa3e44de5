"""Children that a test stops with Ctrl-C must hear it.

A shell starts background jobs with SIGINT ignored, and a child inherits that: run
as `make test &` (or under a CI runner that does the same), a bot started by a test
would ignore the test's Ctrl-C and the test would wait out its timeout. Each such
child restores the default before it runs.
"""

from __future__ import annotations

import signal


def hear_interrupts() -> None:
    """preexec_fn for a child a test interrupts: SIGINT back to its default."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
