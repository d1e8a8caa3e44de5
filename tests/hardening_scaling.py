"""Time vs input size of parse_document on pathological inputs (a table, not a test).

    .venv/bin/python -m tests.hardening_scaling [BASE_CHARS]

For each input shape it parses texts of 1x, 2x, 4x and 8x BASE_CHARS characters
(best of 3) and prints seconds and the 8x/1x ratio: about 8 means linear, 64 would
mean quadratic. pytest does not collect this file (no test_ prefix): the project
rule is no timing assertions in tests.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

from db.ingest import parse_document

SHAPES: dict[str, Callable[[int], str]] = {
    "single long line": lambda n: ("x" * 999 + " ") * (n // 1000),
    "straight quote marks": lambda n: '"' * n,
    "curly openers": lambda n: "\u201c" * n,
    "unclosed quote + words": lambda n: "\u201c" + "word " * (n // 5),
    "capitalised run": lambda n: "Abc " * (n // 4),
    "initials run": lambda n: "A. " * (n // 3),
    "acronym run": lambda n: "AB-" * (n // 3) + "a",
    "parentheses": lambda n: "(" * n,
    "dots": lambda n: "." * n + " A",
    "dates on one line": lambda n: "June 16, 2001 " * (n // 14),
    "attributions": lambda n: "\u201chi,\u201d he said. " * (n // 16),
    "blank lines": lambda n: "x\n\n" * (n // 3),
    "newlines": lambda n: "\n" * n,
    "bidi + zero-width": lambda n: "\u202e\u200b" * (n // 2),
    "headings": lambda n: "June 16, 2001: Putin met Bush.\n" * (n // 31),
    "captions": lambda n: "Putin (left) and Bush, June 16, 2001, in Slovenia. " * (n // 52),
}
FACTORS = (1, 2, 4, 8)


def best_of(text: str, runs: int = 3) -> float:
    """The fastest of a few parses, in seconds."""
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        parse_document(text, "scaling.txt")
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str]) -> None:
    """Print the table."""
    base = int(argv[0]) if argv else 100_000
    sizes = [base * f for f in FACTORS]
    header = "".join(f"{s // 1000:>9,}k" for s in sizes)
    print(f"{'input shape':24}{header}   8x/1x")
    for name, make in SHAPES.items():
        times = [best_of(make(size)) for size in sizes]
        cells = "".join(f"{t:>9.3f}s" for t in times)
        print(f"{name:24}{cells}   {times[-1] / max(times[0], 1e-6):5.1f}", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
