"""The same slash commands in a terminal: `almanac console` and `almanac ask`.

A line like `/timeline nato from:2001 to:2008` is split into the command, its
free text and its `name:value` options, then answered by bot.answers exactly as
the Discord cogs answer it.
"""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TextIO

from bot.answers.errors import UserError
from bot.answers.onthisday import on_this_day
from bot.answers.quote import find_quote
from bot.answers.requests import (
    TYPED_COMMANDS,
    OnThisDayRequest,
    QuoteRequest,
    TimelineRequest,
    typed_request,
)
from bot.answers.sources import list_sources
from bot.answers.timeline import find_timeline
from bot.console.render import Answer, render_text
from db.read.store import Store

COMMANDS = TYPED_COMMANDS
HELP = """Commands:
  /onthisday [date]                      e.g. /onthisday june 16
  /quote [words] [speaker:NAME]          e.g. /quote putin nato
  /timeline [words] [from:Y] [to:Y] [page:N] [full:true]   e.g. /timeline nato from:2001
  /sources [page:N]                      the documents behind the answers
  /help, /quit"""


def split_command(line: str) -> tuple[str, str]:
    """'/quote putin nato speaker:bush' -> ('quote', 'putin nato speaker:bush')."""
    stripped = line.strip()
    if not stripped.startswith("/"):
        raise UserError("Commands start with a slash.", example="/quote putin nato")
    name, _, rest = stripped[1:].partition(" ")
    return name.lower(), rest


async def answer_line(store: Store, line: str, today: date) -> Answer:
    """Answer one command line; UserError for anything a user got wrong."""
    request = typed_request(*split_command(line), today)
    if isinstance(request, OnThisDayRequest):
        return await on_this_day(store, request)
    if isinstance(request, QuoteRequest):
        return await find_quote(store, request)
    if isinstance(request, TimelineRequest):
        return await find_timeline(store, request)
    return await list_sources(store, request)


def run_console(
    path: Path,
    today: Callable[[], date],
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> None:
    """Read commands until EOF (Ctrl-D) or /quit and print each answer.

    The loop is synchronous and runs each answer on its own event loop step, so that
    Ctrl-C cancels the answer being looked up (or clears the line being typed) and
    keeps the prompt, and EOF leaves at once: nothing waits on a blocked read.
    """
    interactive = stdin is sys.stdin and stdin.isatty()
    if interactive:
        _line_editing()
    loop = asyncio.new_event_loop()
    try:
        store = loop.run_until_complete(Store.open(path))
        try:
            print("Almanac console. Type /help for the commands, /quit to leave.", file=stdout)
            while _step(loop, store, today, stdin, stdout, interactive):
                pass
        finally:
            loop.run_until_complete(store.close())
    finally:
        loop.close()


def _step(
    loop: asyncio.AbstractEventLoop,
    store: Store,
    today: Callable[[], date],
    stdin: TextIO,
    stdout: TextIO,
    interactive: bool,
) -> bool:
    """Read and answer one line; False when the console should end."""
    try:
        # input() strips the newline ("" is an empty line) and raises EOFError at the
        # end; readline() keeps it ("" is the end).
        line = input("> ") if interactive else stdin.readline() or _end_of_input()
    except EOFError:
        if interactive:
            print(file=stdout)  # leave the terminal on a new line after ^D
        return False
    except KeyboardInterrupt:
        print(file=stdout)  # Ctrl-C while typing: the line is dropped, a fresh prompt
        return True
    command = line.strip()
    if command in ("/quit", "/exit"):
        return False
    if command == "/help":
        print(HELP, file=stdout)
    elif command:
        try:
            print(render_text(loop.run_until_complete(_answer(store, line, today()))), file=stdout)
        except UserError as error:
            print(error.explain(), file=stdout)
        except (asyncio.CancelledError, KeyboardInterrupt):
            print("(cancelled)", file=stdout)
    return True


async def _answer(store: Store, line: str, today: date) -> Answer:
    """answer_line, cancelled by Ctrl-C (SIGINT) where the loop can take signals: the
    statements it started are interrupted so the reader threads are free again."""
    loop = asyncio.get_running_loop()
    task = asyncio.current_task()
    assert task is not None
    try:
        loop.add_signal_handler(signal.SIGINT, task.cancel)
    except (NotImplementedError, RuntimeError):  # Windows, or not the main thread
        return await answer_line(store, line, today)
    try:
        return await answer_line(store, line, today)
    except asyncio.CancelledError:
        await store.interrupt()
        raise
    finally:
        loop.remove_signal_handler(signal.SIGINT)


def _end_of_input() -> str:
    raise EOFError


def _line_editing() -> None:
    """Line editing and history (up arrow) for input(), where the platform has readline."""
    with contextlib.suppress(ImportError):
        import readline  # noqa: F401  (importing it is what enables it for input())
