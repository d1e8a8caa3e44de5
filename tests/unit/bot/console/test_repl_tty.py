"""`almanac console` in a real terminal (a pty): Ctrl-C keeps the prompt, Ctrl-D leaves.

The console runs as a child process whose stdin and stdout are a pseudo-terminal, so
it edits lines with readline as it does for a person; Ctrl-C is a real SIGINT.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from db.write.bootstrap import ensure_content
from tests.paths import PROJECT_ROOT
from tests.signals import hear_interrupts

pty = pytest.importorskip("pty")

ROOT = PROJECT_ROOT
# A guard against a console that hangs, not a timing figure: the test fails, not waits.
HANG = 30.0
# What /proc/PID/wchan shows while a process waits in select() or poll().
_WAITING_FOR_INPUT = ("poll_schedule_timeout", "do_select", "do_sys_poll")


class Terminal:
    """A console child on a pty, and what it has printed so far."""

    def __init__(self, db: Path, tmp_path: Path) -> None:
        self.master, slave = pty.openpty()
        env = dict(os.environ, PYTHONPATH=str(ROOT), ALMANAC_STATE_DB=str(tmp_path / "s.db"))
        env.pop("DISCORD_TOKEN", None)
        self.child = subprocess.Popen(
            [sys.executable, "-m", "bot.process.cli", "console", "--db", str(db)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=tmp_path,
            preexec_fn=hear_interrupts,
        )
        os.close(slave)
        self.seen = ""

    def expect(self, text: str) -> str:
        """Read until text appears after what was read before; what came up to it."""
        while text not in self.seen:
            ready, _, _ = select.select([self.master], [], [], HANG)
            assert ready, f"the console printed no {text!r}; it printed {self.seen[-300:]!r}"
            try:
                chunk = os.read(self.master, 4096)
            except OSError:  # the child closed the terminal
                chunk = b""
            assert chunk, f"the console ended before {text!r}: {self.seen[-300:]!r}"
            self.seen += chunk.decode("utf-8", "replace")
        before, _, self.seen = self.seen.partition(text)
        return before

    def interrupt(self) -> None:
        """Ctrl-C once the console waits for a key. A SIGINT that lands between readline
        printing the prompt and its wait for input is only seen at the next key (CPython
        checks signals when the wait is interrupted), which no person can time; so the
        test waits, where Linux shows it (/proc), until the console is in that wait."""
        wchan = Path(f"/proc/{self.child.pid}/wchan")
        deadline = time.monotonic() + HANG
        while wchan.exists() and time.monotonic() < deadline:
            if wchan.read_text().startswith(_WAITING_FOR_INPUT):
                break
            time.sleep(0.01)
        self.child.send_signal(signal.SIGINT)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode("utf-8"))

    def close(self) -> None:
        if self.child.poll() is None:
            self.child.kill()
        self.child.wait()
        os.close(self.master)


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    """The console over a store built from the seeds, at its first prompt."""
    db = tmp_path / "almanac.sqlite3"
    assert ensure_content(db, ROOT / "seeds") is not None
    console = Terminal(db, tmp_path)
    console.expect("Almanac console")
    console.expect("> ")
    yield console
    console.close()


def test_query_ctrl_c_enter_ctrl_d_leaves_at_once(terminal: Terminal) -> None:
    """The sequence that hung until killed: an answer, Ctrl-C, Enter, Ctrl-D."""
    terminal.type("/sources\r")
    assert "Sources:" in terminal.expect("\n> ")
    terminal.interrupt()
    terminal.expect("> ")  # Ctrl-C at the prompt: a fresh prompt, the console stays
    terminal.type("\r")
    terminal.expect("> ")
    terminal.type("\x04")
    assert terminal.child.wait(timeout=HANG) == 0


def test_ctrl_c_drops_the_line_being_typed(terminal: Terminal) -> None:
    """Ctrl-C while typing clears the line; what is typed next is a command of its own."""
    terminal.type("/quo")
    terminal.expect("/quo")
    terminal.interrupt()
    terminal.expect("> ")
    terminal.type("/sources\r")
    answer = terminal.expect("\n> ")
    assert "Sources:" in answer
    assert "no /quo" not in answer
    terminal.type("/quit\r")
    assert terminal.child.wait(timeout=HANG) == 0
