"""`make bench`: every figure of the README's Performance section, printed and saved as JSON.

    .venv/bin/python -m tests.bench            # full run (fits 20 minutes on 2 cores)
    .venv/bin/python -m tests.bench --quick    # 1 and 10 MB, stores of 10^4 and 10^5 rows

Big files live in a temporary folder (removed at the end unless --keep);
results go to bench-results/latest.json.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from db import schema
from db.write.writer import ingest_paths
from tests.bench.answers import ScaleResult, bench_answers
from tests.bench.corpus import DEFAULT_SEED
from tests.bench.ingest import (
    MB,
    IngestRun,
    ingest_run,
    parse_corpus,
    parse_only,
    write_corpus,
    write_run,
)
from tests.bench.report import environment, write_results
from tests.bench.stores import BuiltStore, build_store
from tests.bench.targets import targets
from tests.paths import PROJECT_SEEDS

SEEDS = PROJECT_SEEDS


def log(message: str) -> None:
    """Progress on stderr, so a long run shows where it is."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def _arguments() -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m tests.bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small sizes, for development")
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--sizes", help="ingest sizes in MB, e.g. 1,10,100")
    parser.add_argument("--scales", help="store sizes in events (= quotes), e.g. 10000,1000000")
    parser.add_argument(
        "--skip", default="", help="comma list of: ingest,answers,discord,slack,daily,shards"
    )
    parser.add_argument("--workdir", type=Path, help="where big files go (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    parser.add_argument("--json", type=Path, default=Path("bench-results/latest.json"))
    return parser.parse_args()


def _ints(text: str | None, default: list[int]) -> list[int]:
    return [int(x) for x in text.split(",")] if text else default


def main() -> int:
    """Run the benchmark; the exit status is 0 even when a target is missed (see the table)."""
    args = _arguments()
    sizes = _ints(args.sizes, [1, 10] if args.quick else [1, 10, 100])
    scales = _ints(args.scales, [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    skip = set(filter(None, args.skip.split(",")))
    work = args.workdir or Path(tempfile.mkdtemp(prefix="almanac-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    results: dict[str, Any] = {"environment": environment(), "seed": args.seed}
    try:
        if "ingest" not in skip:
            results["ingest"] = _ingest(work, sizes, args.seed)
        if "answers" not in skip or {"discord", "slack", "daily", "shards"} - skip:
            results.update(_stores_and_answers(work, scales, args.seed, "answers" in skip))
        largest = work / f"store-{max(scales)}.sqlite3"
        if "discord" not in skip:
            log(f"1,000 slash commands through discord.py + stand-in ({max(scales):,} rows)")
            results["discord"] = _child("tests.bench.discord_load", largest)
        if "slack" not in skip:
            log(f"slash commands through the Slack app (Bolt) + stand-in ({max(scales):,} rows)")
            quick = ["--quick"] if args.quick else []
            results["slack"] = _child("tests.bench.slack_load", largest, *quick)
        if "daily" not in skip:
            log(f"daily posts: 1,000 servers due at once, 50 requests/s ({max(scales):,} rows)")
            results["daily"] = _child("tests.bench.daily", largest)
        if "shards" not in skip:
            log("several processes on PostgreSQL: the burst on 1, 2, 4; posting from 2, 4")
            quick = ["--quick"] if args.quick else []
            results["shards"] = _child("tests.bench.shards", largest, *quick, timeout=1200)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["seconds"] = round(time.monotonic() - started, 1)
    results["targets"] = targets(results)
    print(render(results))
    path = write_results(results, args.json)
    print(f"\nResults written to {path} ({results['seconds']} s in all).")
    return 0


def _ingest(work: Path, sizes: list[int], seed: int) -> dict[str, Any]:
    log(f"generating a {max(sizes)} MB corpus (seed {seed})")
    corpus = write_corpus(work / "corpus", max(sizes) * MB, seed)
    log(f"{len(corpus.files):,} files in {corpus.seconds:.1f} s; extractor alone on 1 MB")
    parse_rate = parse_only(corpus.first(1 * MB))
    log("parsing it once, to time the writer alone")
    parsed = parse_corpus(corpus.files)
    writer_runs: list[IngestRun] = []
    for size in sizes:
        log(f"writer alone, {size} MB")
        count = len(corpus.first(size * MB))
        writer_runs.append(write_run(parsed[:count], work / "ingest.sqlite3"))
    del parsed
    runs: list[IngestRun] = []
    for size in sizes:
        log(f"ingest {size} MB with ingest_paths(workers=2)")
        runs.append(ingest_run(corpus.first(size * MB), work / "ingest.sqlite3", workers=2))
    for suffix in ("", "-wal", "-shm"):
        Path(f"{work / 'ingest.sqlite3'}{suffix}").unlink(missing_ok=True)
    shutil.rmtree(work / "corpus", ignore_errors=True)
    return {
        "corpus_files": len(corpus.files),
        "corpus_seconds": round(corpus.seconds, 2),
        "parse_only_mb_per_s_one_process": parse_rate,
        "writer_runs": [r.as_dict() for r in writer_runs],
        "runs": [r.as_dict() for r in runs],
    }


def _stores_and_answers(
    work: Path, scales: list[int], seed: int, skip_answers: bool
) -> dict[str, Any]:
    stores: list[BuiltStore] = []
    measured: list[ScaleResult] = []
    if not skip_answers:
        seeds = work / "store-seeds.sqlite3"
        conn = schema.connect(seeds, schema.CONTENT_SCHEMA)
        try:
            ingest_paths(conn, [SEEDS], workers=1)
        finally:
            conn.close()
        log("answer path at seeds scale")
        measured.append(asyncio.run(bench_answers(seeds, 0)))
    for scale in scales:
        path = work / f"store-{scale}.sqlite3"
        log(f"building a store of {scale:,} events + {scale:,} quotes (writer, no extractor)")
        stores.append(build_store(path, scale, scale, seed))
        log(f"built in {stores[-1].seconds:.1f} s")
        if not skip_answers:
            log(f"answer path at {scale:,} rows")
            measured.append(asyncio.run(bench_answers(path, scale)))
        if scale != max(scales):
            path.unlink(missing_ok=True)
    return {
        "stores": [
            {
                "events": s.events,
                "quotes": s.quotes,
                "documents": s.documents,
                "seconds": round(s.seconds, 1),
                "megabytes": round(s.bytes / MB, 1),
                "how": "generated ParsedDocument records written by db.write.rows.insert_document",
            }
            for s in stores
        ],
        "answers": [
            {
                "scale": m.scale,
                "store_open_seconds": m.open_seconds,
                "cases": [x.as_dict() for x in m.latencies],
            }
            for m in measured
        ],
    }


def _child(module: str, store: Path, *options: str, timeout: float = 600) -> dict[str, Any]:
    """Run a bench module in a fresh interpreter (its memory is its own); its JSON result."""
    done = subprocess.run(
        [sys.executable, "-m", module, str(store), *options],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        return {"error": f"exit {done.returncode}: {done.stderr.strip()[-2000:]}"}
    result: dict[str, Any] = json.loads(lines[-1])
    return result


def render(results: dict[str, Any]) -> str:
    """Every figure as plain-text tables."""
    from tests.bench.render import render_all

    return render_all(results)


if __name__ == "__main__":
    raise SystemExit(main())
