"""The issue's targets, checked against the measured results (reported, never asserted)."""

from __future__ import annotations

from typing import Any

from tests.bench.answers import CRAFTED, PICTURE

ANSWER_P99_MS = 5.0
CRAFTED_P99_MS = 50.0  # any word, range or page (issue 12)
PICTURE_P99_MS = 300.0  # /timeline's picture, drawn afresh (issue 14)
INGEST_MB_PER_S = 5.0
CALLBACK_P99_MS = 1000.0
DAILY_RATIO = 1.2
MEMORY_MB = 200.0


def targets(results: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per target: what it asks, what was measured, whether it is met."""
    rows: list[dict[str, Any]] = []
    answers = results.get("answers") or []
    if answers:
        top = max(answers, key=lambda a: a["scale"])
        crafted = [c for c in top["cases"] if c["case"].startswith(CRAFTED)]
        if crafted:
            worst = max(crafted, key=lambda c: c["p99_ms"])
            rows.append(
                _row(
                    f"worst crafted query p99 < {CRAFTED_P99_MS:g} ms at {top['scale']:,} rows",
                    f"{worst['p99_ms']:.2f} ms ({worst['case'].removeprefix(CRAFTED)})",
                    worst["p99_ms"] < CRAFTED_P99_MS,
                )
            )
        for case in top["cases"]:
            if case in crafted:
                continue
            if case["case"] == PICTURE:
                rows.append(
                    _row(
                        f"{PICTURE} p99 < {PICTURE_P99_MS:g} ms at {top['scale']:,} rows",
                        f"{case['p99_ms']:.2f} ms",
                        case["p99_ms"] < PICTURE_P99_MS,
                    )
                )
                continue
            rows.append(
                _row(
                    f"{case['case']} p99 < {ANSWER_P99_MS:g} ms at {top['scale']:,} rows",
                    f"{case['p99_ms']:.2f} ms",
                    case["p99_ms"] < ANSWER_P99_MS,
                )
            )
    for run in (results.get("ingest") or {}).get("runs", []):
        rows.append(
            _row(
                f"ingest >= {INGEST_MB_PER_S:g} MB/s at {run['megabytes']:.0f} MB",
                f"{run['mb_per_s']:.2f} MB/s",
                run["mb_per_s"] >= INGEST_MB_PER_S,
            )
        )
    discord = results.get("discord") or {}
    if "commands" in discord:
        rows.append(
            _row(
                "1,000 commands all answered, callbacks within 3 s",
                f"{discord['answered']}/{discord['commands']} answered,"
                f" callback max {discord['callback_max_ms']:.0f} ms",
                bool(discord["all_within_3s"]) and discord["answered"] == discord["commands"],
            )
        )
        rows.append(
            _row(
                f"command callback p99 < {CALLBACK_P99_MS:g} ms",
                f"{discord['callback_p99_ms']:.0f} ms",
                discord["callback_p99_ms"] < CALLBACK_P99_MS,
            )
        )
        peak = discord["memory_kb"]["after"]["VmHWM"] / 1024
        rows.append(
            _row(f"bot memory < {MEMORY_MB:g} MB", f"{peak:.0f} MB peak RSS", peak < MEMORY_MB)
        )
    daily = results.get("daily") or {}
    if "servers" in daily:
        rows.append(
            _row(
                f"daily posts within {DAILY_RATIO}x of the {daily['floor_seconds']:g} s floor",
                f"{daily['seconds']:.1f} s ({daily['ratio_to_floor']:.2f}x)",
                daily["ratio_to_floor"] <= DAILY_RATIO,
            )
        )
        rows.append(
            _row(
                "daily posts: no duplicate, no miss",
                f"{daily['duplicates']} duplicates, {daily['misses']} misses",
                daily["duplicates"] == 0 and daily["misses"] == 0,
            )
        )
    for run in (results.get("shards") or {}).get("posting", []):
        rows.append(
            _row(
                f"daily posts from {run['processes']} processes: within {DAILY_RATIO}x of the"
                f" {run['floor_seconds']:g} s floor, none twice, none missed, no 429",
                f"{run['seconds']:.1f} s ({run['ratio_to_floor']:.2f}x), {run['duplicates']}"
                f" duplicates, {run['misses']} misses, {run['responses_429']} 429s",
                run["ratio_to_floor"] <= DAILY_RATIO
                and run["duplicates"] == run["misses"] == run["responses_429"] == 0,
            )
        )
    return rows


def _row(target: str, measured: str, met: bool) -> dict[str, Any]:
    return {"target": target, "measured": measured, "met": met}
