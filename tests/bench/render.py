"""The benchmark results as plain-text tables."""

from __future__ import annotations

from typing import Any

from tests.bench.report import table


def render_all(results: dict[str, Any]) -> str:
    """Environment, ingest, stores, answers, Discord load, daily posts, targets."""
    env = results["environment"]
    parts = [
        f"Almanac benchmark — Python {env['python']}, SQLite {env['sqlite']},"
        f" {env['cpus']} CPUs, {env.get('extractor', 'pure')} extractor,"
        f" seed {results['seed']}, {env['when']}"
    ]
    if "ingest" in results:
        parts.append(_ingest(results["ingest"]))
    if results.get("stores"):
        parts.append(_stores(results["stores"]))
    for scale in results.get("answers", []):
        parts.append(_answers(scale))
    if "discord" in results:
        parts.append(_discord(results["discord"]))
    if "slack" in results:
        parts.append(_slack(results["slack"]))
    if "daily" in results:
        parts.append(_daily(results["daily"]))
    if "shards" in results:
        parts.append(_shards(results["shards"]))
    rows = [[t["target"], t["measured"], t["met"]] for t in results.get("targets", [])]
    parts.append(table("Targets", ["target", "measured", "met"], rows))
    return "\n\n".join(parts)


def _ingest(ingest: dict[str, Any]) -> str:
    rows = [
        [
            r["megabytes"],
            r["files"],
            r["seconds"],
            r["mb_per_s"],
            r["s_per_mb"],
            r.get("cpu_s_per_mb", ""),
            r.get("worker_cpu_s_per_mb", ""),
            r.get("total_cpu_s_per_mb", ""),
            r["events"],
            r["quotes"],
            r["failed"],
        ]
        for r in ingest["runs"]
    ]
    title = (
        "Ingest: generated text through read + parse (ingest_paths, 2 workers) + write;"
        f" extractor alone, one process: {ingest['parse_only_mb_per_s_one_process']} MB/s"
    )
    header = ["MB", "files", "seconds", "MB/s", "s/MB", "CPU s/MB: writer", "workers", "all"]
    header += ["events", "quotes", "failed"]
    parts = [table(title, header, rows)]
    if ingest.get("writer_runs"):
        parts.append(_writer(ingest["writer_runs"]))
    return "\n\n".join(parts)


def _writer(runs: list[dict[str, Any]]) -> str:
    rows = [
        [r["megabytes"], r["files"], r["seconds"], r["mb_per_s"], r["s_per_mb"], r["cpu_s_per_mb"]]
        for r in runs
    ]
    title = (
        "Writer alone: the same files parsed beforehand, written into a fresh store"
        " (db.write.writer.write_batches; CPU is the writer process's)"
    )
    return table(title, ["MB", "files", "seconds", "MB/s", "s/MB", "CPU s/MB"], rows)


def _stores(stores: list[dict[str, Any]]) -> str:
    rows = [
        [s["events"], s["quotes"], s["documents"], s["seconds"], s["megabytes"]] for s in stores
    ]
    title = (
        "Stores for the answer path: generated records written through"
        " db.write.rows.insert_document (the extractor is skipped at these sizes)"
    )
    return table(title, ["events", "quotes", "documents", "build s", "file MB"], rows)


def _answers(scale: dict[str, Any]) -> str:
    size = "seeds/" if scale["scale"] == 0 else f"{scale['scale']:,} events + quotes"
    rows = [
        [
            c["case"],
            c["samples"],
            c["p50_ms"],
            c["p99_ms"],
            c["floor_p50_ms"],
            c["floor_p99_ms"],
            f"{c['ratio_p99']}x",
        ]
        for c in scale["cases"]
    ]
    title = (
        f"Answer path at {size} (Store + rendering vs raw sqlite3 floor, ms;"
        f" Store.open {scale['store_open_seconds']} s)"
    )
    header = ["query", "n", "p50", "p99", "floor p50", "floor p99", "p99/floor"]
    return table(title, header, rows)


def _discord(d: dict[str, Any]) -> str:
    if "error" in d:
        return f"Discord load: FAILED: {d['error']}"
    memory = d["memory_kb"]
    rows = [
        ["commands sent / answered", f"{d['commands']} / {d['answered']}"],
        ["callbacks (of which deferred)", f"{d['callbacks']} ({d['deferred']})"],
        ["to callback p50 / p99 / max, ms", _three(d, "callback")],
        ["to final answer p50 / p99 / max, ms", _three(d, "answer")],
        ["all callbacks within 3 s", d["all_within_3s"]],
        ["wall time, s", d["wall_seconds"]],
        ["bot RSS at start / ready / after, MB", _memory(memory)],
        ["peak RSS (VmHWM), MB", round(memory["after"]["VmHWM"] / 1024, 1)],
        ["bot / stand-in CPU during the burst, s", _cpu(d)],
    ]
    if d.get("rounds"):
        each = " / ".join(f"{r['callback_p99_ms']:.0f}" for r in d["rounds"])
        rows.append(["p99 of each round, ms (median round above)", each])
    title = "1,000 slash commands at once (real discord.py client; stand-in in its own process)"
    return table(title, ["figure", "value"], rows) + f"\nCommand mix: {d['mix']}."


def _slack(d: dict[str, Any]) -> str:
    if "error" in d:
        return f"Slack load: FAILED: {d['error']}"
    rows = [
        ["commands (ephemeral answers)", f"{d['commands']} ({d['ephemeral_answers']})"],
        ["to ack p50 / p99, ms", f"{d['ack_p50_ms']:.0f} / {d['ack_p99_ms']:.0f}"],
        ["acked after 3 s", d["acked_late"]],
        ["to answer p50 / p99, ms", f"{d['answer_p50_ms']:.0f} / {d['answer_p99_ms']:.0f}"],
        ["wall time, s", d["wall_seconds"]],
        ["app CPU during the burst, s", d["app_cpu_seconds"]],
        ["app CPU per command, ms", d["app_cpu_ms_per_command"]],
        ["/timeline pictures uploaded", d["pictures_uploaded"]],
    ]
    title = f"{d['commands']:,} slash commands at once (the real Slack app in its own process)"
    return table(title, ["figure", "value"], rows)


def _three(d: dict[str, Any], key: str) -> str:
    return f"{d[key + '_p50_ms']:.0f} / {d[key + '_p99_ms']:.0f} / {d[key + '_max_ms']:.0f}"


def _cpu(d: dict[str, Any]) -> str:
    return f"{d.get('bot_cpu_seconds')} / {d.get('standin_cpu_seconds')}"


def _memory(memory: dict[str, Any]) -> str:
    return " / ".join(f"{memory[k]['VmRSS'] / 1024:.0f}" for k in ("start", "ready", "after"))


def _daily(d: dict[str, Any]) -> str:
    if "error" in d:
        return f"Daily posts: FAILED: {d['error']}"
    rows = [
        ["servers due", d["servers"]],
        ["time to post all, s", d["seconds"]],
        [f"floor at {d['rate_limit_per_s']} requests/s, s", d["floor_seconds"]],
        ["ratio to floor", d["ratio_to_floor"]],
        ["first to last post, s", d["first_to_last_post_seconds"]],
        ["posted / duplicates / misses", f"{d['posted']} / {d['duplicates']} / {d['misses']}"],
        ["429 responses", d["responses_429"]],
        ["first run / second run", f"{d['first_run']} / {d['second_run'] or 'nothing'}"],
    ]
    return table("Daily posts: 1,000 servers due the same minute", ["figure", "value"], rows)


def _shards(d: dict[str, Any]) -> str:
    if "error" in d:
        return f"Several processes: FAILED: {d['error']}"
    burst = [
        [
            b["processes"],
            f"{b['answered']} / {b['commands']}",
            f"{b['callback_p50_ms']:.0f} / {b['callback_p99_ms']:.0f}",
            f"{b['answer_p99_ms']:.0f}",
            f"{b['bot_cpu_seconds']} / {b.get('standin_cpu_seconds')}",
            " / ".join(f"{r['callback_p99_ms']:.0f}" for r in b.get("rounds", [])),
        ]
        for b in d["burst"]
    ]
    posting = [
        [
            p["processes"],
            p["servers"],
            f"{p['seconds']:.1f} ({p['ratio_to_floor']:.2f}x of {p['floor_seconds']:g})",
            f"{p['posted']} / {p['duplicates']} / {p['misses']}",
            p["responses_429"],
        ]
        for p in d["posting"]
    ]
    return "\n\n".join(
        (
            table(
                "1,000 slash commands across bot processes (one shard each; PostgreSQL state)",
                [
                    "processes",
                    "answered",
                    "callback p50 / p99, ms",
                    "answer p99, ms",
                    "bot / stand-in CPU, s",
                    "p99 of each round",
                ],
                burst,
            ),
            table(
                "Daily posts from several processes (every server due at once, 50 requests/s)",
                ["processes", "servers", "seconds (to floor)", "posted / dup / miss", "429s"],
                posting,
            ),
        )
    )
