"""The same slash commands in a terminal: `almanac console` and `almanac ask`.

A line like `/timeline nato from:2001 to:2008` is split into the command, its
free text and its `name:value` options, then answered by bot.answers exactly as
the Discord cogs answer it.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from datetime import date
from typing import TextIO

from bot import answers
from bot.errors import UserError
from bot.render_text import Answer, render_text
from bot.when import parse_bound, parse_day, shown
from db.store import Store

COMMANDS = ("onthisday", "quote", "timeline", "sources")
HELP = """Commands:
  /onthisday [date]                      e.g. /onthisday june 16
  /quote [words] [speaker:NAME]          e.g. /quote putin nato
  /timeline [words] [from:Y] [to:Y] [page:N]   e.g. /timeline nato from:2001
  /sources                               the documents behind the answers
  /help, /quit"""

_OPTION = re.compile(r"(\w+):(\S+)")


def split_command(line: str) -> tuple[str, str, dict[str, str]]:
    """'/quote putin nato speaker:bush' -> ('quote', 'putin nato', {'speaker': 'bush'})."""
    stripped = line.strip()
    if not stripped.startswith("/"):
        raise UserError("Commands start with a slash.", example="/quote putin nato")
    name, _, rest = stripped[1:].partition(" ")
    options = {k.lower(): v for k, v in _OPTION.findall(rest)}
    free = " ".join(_OPTION.sub(" ", rest).split())
    return name.lower(), free, options


async def answer_line(store: Store, line: str, today: date) -> Answer:
    """Answer one command line; UserError for anything a user got wrong."""
    name, free, options = split_command(line)
    if name == "onthisday":
        return await answers.on_this_day(store, parse_day(options.get("date", free), today), today)
    if name == "quote":
        return await answers.find_quote(store, free, options.get("speaker"))
    if name == "timeline":
        return await answers.timeline(
            store,
            options.get("query", free),
            start=parse_bound(options.get("from"), end=False),
            end=parse_bound(options.get("to"), end=True),
            page=_page(options.get("page")),
        )
    if name in ("sources", "about"):
        return await answers.sources(store)
    raise UserError(f"There is no /{name} command. Try one of: /" + ", /".join(COMMANDS) + ".")


def _page(text: str | None) -> int:
    if text is None:
        return 1
    if not text.isdecimal() or int(text) < 1:
        raise UserError(
            f"page must be a whole number from 1, not {shown(text)}.",
            example="/timeline nato page:2",
        )
    return int(text)


async def run_console(
    store: Store,
    today: Callable[[], date],
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> None:
    """Read commands until EOF or /quit and print each answer."""
    interactive = stdin.isatty()
    print("Almanac console. Type /help for the commands, /quit to leave.", file=stdout)
    while True:
        if interactive:
            print("> ", end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line:
            return
        if not line.strip():
            continue
        if line.strip() in ("/quit", "/exit"):
            return
        if line.strip() == "/help":
            print(HELP, file=stdout)
            continue
        try:
            print(render_text(await answer_line(store, line, today())), file=stdout)
        except UserError as error:
            print(error.explain(), file=stdout)
