"""The `almanac` command line: ingest, preview, remove, export, ask, console, run, sync.

Its shape is a contract (docs/DESIGN.md): scripts rely on these commands, options and
outputs, so change them only by adding.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sqlite3
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from dateutil import tz

from bot.answers.errors import UserError
from bot.answers.picture import timeline_picture
from bot.answers.timeline import Timeline
from bot.config import Settings, SettingsError
from bot.console.preview import PreviewError, preview, preview_json, preview_text
from bot.console.render import render_json, render_text
from bot.console.repl import answer_line, run_console
from bot.process.progress import terminal_progress
from db import schema
from db.read.export import write_export
from db.read.store import Store
from db.write.bootstrap import ensure_content, is_damage, source_folders, writing
from db.write.writer import IngestReport, ingest_paths, remove_documents, shown_path


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the console script; returns the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        settings = Settings.from_env()
    except SettingsError as error:
        print(f"almanac: {error}", file=sys.stderr)
        return 2
    try:
        status: int = args.handler(args, settings)
    except UserError as error:
        print(error.explain(), file=sys.stderr)
        return 2
    except schema.SchemaError as error:
        print(f"almanac: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader went away (`almanac export | head`): stop quietly, as Unix tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="almanac", description=__doc__)
    commands = parser.add_subparsers(required=True, metavar="COMMAND")

    ingest = commands.add_parser(
        "ingest", help="ingest texts (default: the seeds and the added texts)"
    )
    ingest.add_argument("paths", nargs="*", type=Path, metavar="PATH")
    ingest.add_argument("--jobs", type=int, default=None, help="parser processes")
    ingest.set_defaults(handler=_ingest)

    look = commands.add_parser("preview", help="show what a text yields, storing nothing")
    look.add_argument("path", type=Path, metavar="FILE")
    look.add_argument("--json", action="store_true", help="print the structured preview")
    look.set_defaults(handler=_preview)

    remove = commands.add_parser("remove", help="remove documents from the store by file path")
    remove.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    remove.set_defaults(handler=_remove)

    exporter = commands.add_parser("export", help="print everything in the store as JSON")
    exporter.set_defaults(handler=_export)

    ask = commands.add_parser("ask", help='answer one command, e.g. "/quote putin nato"')
    ask.add_argument("command")
    ask.add_argument("--json", action="store_true", help="print the structured answer")
    ask.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")
    ask.add_argument(
        "--png", type=Path, metavar="FILE", help="write /timeline's picture to FILE (a PNG)"
    )
    ask.set_defaults(handler=_ask)

    console = commands.add_parser("console", help="type the slash commands interactively")
    console.set_defaults(handler=_console)

    run = commands.add_parser(
        "run", help="run the bot: Discord (DISCORD_TOKEN), Slack (SLACK_BOT_TOKEN) or both"
    )
    run.add_argument(
        "--shard-count",
        metavar="N",
        help="the bot's total number of shards (default: ALMANAC_SHARD_COUNT, else Discord's)",
    )
    run.add_argument(
        "--shards",
        metavar="IDS",
        help="the shards this process runs, e.g. 0-3 or 0,2 (default: ALMANAC_SHARDS, else all)",
    )
    run.set_defaults(handler=_run)

    sync = commands.add_parser("sync", help="publish the slash commands to Discord")
    sync.add_argument("--guild", type=int, help="one server's id (default: global)")
    sync.set_defaults(handler=_sync)

    either = commands.add_parser("run-or-console")  # no help=: unlisted in --help
    either.set_defaults(handler=_run_or_console)

    for sub in (ingest, remove, exporter, ask, console, run, sync, either):
        sub.add_argument("--db", type=Path, help="content store (default: ALMANAC_DB)")
    return parser


def _db(args: argparse.Namespace, settings: Settings) -> Path:
    return Path(args.db) if args.db else settings.db_path


def _ingest(args: argparse.Namespace, settings: Settings) -> int:
    paths = list(args.paths) or source_folders(settings.seeds_dir, settings.texts_dir)
    progress = terminal_progress(sys.stderr)
    try:
        with writing(_db(args, settings), create=True) as conn:
            report = ingest_paths(conn, paths, workers=args.jobs, progress=progress)
    finally:
        if progress is not None:
            progress.finish()
    print_report(report)
    return 0 if report.ok else 1


def print_report(report: IngestReport) -> None:
    """One line per file, warnings under it, totals last; failures to stderr."""
    for outcome in report.outcomes:
        path = shown_path(outcome.path)
        if outcome.status == "failed":
            print(f"error: {path}: {outcome.reason}", file=sys.stderr)
            continue
        note = f" ({outcome.reason})" if outcome.reason else ""
        print(
            f"{outcome.status}: {path}: {outcome.events} events, "
            f"{outcome.quotes} quotes, {outcome.people} people{note}"
        )
        for warning in outcome.warnings:
            print(f"warning: {path}: {warning}", file=sys.stderr)
    done = [o for o in report.outcomes if o.status != "failed"]
    print(
        f"{len(done)} documents ({sum(o.status in ('added', 'replaced') for o in done)} changed), "
        f"{sum(o.events for o in done)} events, {sum(o.quotes for o in done)} quotes; "
        f"{len(report.failed)} failed"
    )
    if report.gone:
        print(
            f"{_documents(len(report.gone))} no longer on disk: "
            f"{', '.join(shown_path(key) for key in report.gone)}; `almanac remove` them"
        )


def _documents(count: int) -> str:
    return f"{count} document" + ("" if count == 1 else "s")


def _preview(args: argparse.Namespace, settings: Settings) -> int:
    """Parse one file as ingest would; nothing is written (no store is even opened)."""
    try:
        document = preview(args.path)
    except PreviewError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(preview_json(args.path, document), ensure_ascii=False, indent=2))
    else:
        print(preview_text(args.path, document))
    return 0


def _remove(args: argparse.Namespace, settings: Settings) -> int:
    with writing(_db(args, settings), create=False) as conn:
        removal = remove_documents(conn, args.paths)
    for path in removal.unknown:
        print(f"error: {path}: not in the store; nothing was removed", file=sys.stderr)
    if removal.unknown:
        return 1
    removed = removal.removed
    print(
        f"removed {_documents(len(removed))} ({sum(o.events for o in removed)} events, "
        f"{sum(o.quotes for o in removed)} quotes): "
        + ", ".join(shown_path(o.path) for o in removed)
    )
    return 0


def _prepared(args: argparse.Namespace, settings: Settings, *, check: bool = False) -> Path:
    """The content store, built from the seeds on first use (see ensure_content)."""
    path = _db(args, settings)
    report = ensure_content(path, settings.seeds_dir, check=check, texts=settings.texts_dir)
    if report is not None and not report.ok:
        print_report(report)
    return path


def _export(args: argparse.Namespace, settings: Settings) -> int:
    conn = schema.connect(_prepared(args, settings), schema.CONTENT_SCHEMA)
    try:
        write_export(conn, sys.stdout)
    finally:
        conn.close()
    return 0


def _today(settings: Settings) -> date:
    return datetime.now(tz.gettz(settings.timezone)).date()


def _ask(args: argparse.Namespace, settings: Settings) -> int:
    async def answer(path: Path) -> int:
        async with await Store.open(path) as store:
            result = await answer_line(store, args.command, args.today or _today(settings))
            picture = None
            if args.png is not None and isinstance(result, Timeline):
                picture = await timeline_picture(store, result, waiting=False)
        if picture is not None:
            args.png.write_bytes(picture)
        if args.json:
            shape = render_json(result)
            if args.png is not None and isinstance(result, Timeline):
                shape["picture"] = str(args.png) if picture is not None else None
            print(json.dumps(shape, ensure_ascii=False, indent=2))
        else:
            print(render_text(result))
            if args.png is not None and picture is not None:
                print(f"Picture: {args.png}")
        return 0

    try:
        return asyncio.run(answer(_prepared(args, settings)))
    except sqlite3.DatabaseError as exc:
        if not is_damage(exc):
            raise
    # Damage that the open did not check for (it was written and checked before):
    # check now, which moves a damaged store aside and rebuilds it, and answer again.
    return asyncio.run(answer(_prepared(args, settings, check=True)))


def _console(args: argparse.Namespace, settings: Settings) -> int:
    run_console(_prepared(args, settings), lambda: _today(settings))
    return 0


def _run(args: argparse.Namespace, settings: Settings) -> int:
    from bot.process.lifecycle import run_bot

    try:
        settings = settings.with_shard_options(
            getattr(args, "shard_count", None), getattr(args, "shards", None)
        )
    except SettingsError as error:
        print(f"almanac: {error}", file=sys.stderr)
        return 2
    return run_bot(settings, _prepared(args, settings))


def _sync(args: argparse.Namespace, settings: Settings) -> int:
    from bot.process.lifecycle import sync_commands

    return sync_commands(settings, _prepared(args, settings), args.guild)


def _run_or_console(args: argparse.Namespace, settings: Settings) -> int:
    if settings.runs_discord or settings.runs_slack:
        return _run(args, settings)
    print(
        "No DISCORD_TOKEN or SLACK_BOT_TOKEN set: starting the local console. To connect to"
        " Discord or Slack, put its tokens in .env (see README) and run `make run`."
    )
    return _console(args, settings)


if __name__ == "__main__":
    raise SystemExit(main())
