"""make eval: the extractor scored on the labelled corpus, per category and per text.

python -m tests.eval               the development split (tune against this one)
python -m tests.eval --held        both splits: only when a change is finished
python -m tests.eval --notes FILE  also every miss and extra, text by text
python -m tests.eval --batches     also the figures of each labelling batch
                                   (tests/corpus/batches.toml): texts no rule was
                                   written from show whether a round generalises
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from db.ingest import parse_document
from tests.eval.score import Batch, LabelledText, Tally, load, load_batches, score


def _pct(part: int, whole: int) -> str:
    return f"{100 * part / whole:.0f}% ({part}/{whole})" if whole else "–"


def rows(tally: Tally) -> list[tuple[str, str]]:
    """The categories of one split, as (name, figure) rows."""
    found = tally.quotes_found
    return [
        ("texts", str(tally.texts)),
        ("quote recall", _pct(found, tally.quotes)),
        ("  found but taken as fragments", str(tally.quotes_as_fragment)),
        ("speakers right", _pct(tally.speaker_right, found)),
        ("speakers wrong", str(tally.speaker_wrong)),
        ("speakers unknown (text names one)", str(tally.speaker_unknown)),
        ("quote dates right (stated)", _pct(tally.quote_dates_right, tally.dated_quotes)),
        ("quote dates right (none stated)", _pct(tally.undated_right, tally.undated_quotes)),
        ("extra quotes (unlabelled)", str(tally.extra_quotes)),
        ("dated-event recall", _pct(tally.events_found, tally.events)),
        ("extra events (unlabelled)", str(tally.extra_events)),
        ("invented years", str(tally.invented_years)),
        ("furniture kept (junk)", str(tally.junk)),
        ("titles right", _pct(tally.titles_right, tally.texts)),
    ]


def _table(per_split: dict[str, Tally], splits: Sequence[str]) -> str:
    header = "| category | " + " | ".join(splits) + " |"
    lines = [header, "|---|" + "---|" * len(splits)]
    table = [rows(per_split[s]) for s in splits]
    for index, (name, _) in enumerate(table[0]):
        lines.append(f"| {name} | " + " | ".join(t[index][1] for t in table) + " |")
    return "\n".join(lines)


def _per_text(texts: Sequence[LabelledText], per_text: dict[str, Tally]) -> str:
    lines = [
        "| text | kind | quotes | speakers right | dates right | events | invented | title |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for labelled in texts:
        t = per_text[labelled.file]
        dated = t.dated_quotes + t.undated_quotes
        lines.append(
            f"| {labelled.file} | {labelled.kind} | {t.quotes_found}/{t.quotes}"
            f" | {t.speaker_right}/{t.quotes_found}"
            f" | {t.quote_dates_right + t.undated_right}/{dated}"
            f" | {t.events_found}/{t.events} | {t.invented_years}"
            f" | {'ok' if t.titles_right else 'wrong'} |"
        )
    return "\n".join(lines)


def _per_batch(
    texts: Sequence[LabelledText], per_text: dict[str, Tally], batches: Sequence[Batch]
) -> str:
    """One row per batch and split, summed over its texts."""
    lines = [
        "| batch | split | texts | quotes | speakers right/wrong/unknown | quote dates"
        " | events | extra events | junk | titles |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for batch in batches:
        for split in ("dev", "held"):
            tally = Tally()
            for labelled in texts:
                if labelled.split == split and batch.holds(labelled.file):
                    tally.add(per_text[labelled.file])
            if not tally.texts:
                continue
            lines.append(
                f"| {batch.first}-{batch.last} | {split} | {tally.texts}"
                f" | {tally.quotes_found}/{tally.quotes}"
                f" | {tally.speaker_right}/{tally.speaker_wrong}/{tally.speaker_unknown}"
                f" | {tally.quote_dates_right}/{tally.dated_quotes}"
                f" | {tally.events_found}/{tally.events} | {tally.extra_events}"
                f" | {tally.junk} | {tally.titles_right} |"
            )
    return "\n".join(lines)


def throughput(texts: Sequence[LabelledText], seconds: float = 1.0) -> float:
    """The extractor's MB/s over the texts, in one process, repeated for about `seconds`."""
    size = sum(len(t.text.encode()) for t in texts)
    rounds, started = 0, time.perf_counter()
    while rounds == 0 or time.perf_counter() - started < seconds:
        for labelled in texts:
            parse_document(labelled.text, labelled.file)
        rounds += 1
    return size * rounds / (time.perf_counter() - started) / 1e6


def main(argv: Sequence[str] | None = None) -> int:
    """Print the tables; the exit status is 0 unless the corpus cannot be read."""
    parser = argparse.ArgumentParser(prog="python -m tests.eval", description=__doc__)
    parser.add_argument("--held", action="store_true", help="score the held-back split too")
    parser.add_argument("--notes", metavar="FILE", help="write every miss and extra to FILE")
    parser.add_argument(
        "--batches", action="store_true", help="also print the figures of each labelling batch"
    )
    args = parser.parse_args(argv)
    splits = ("dev", "held", "all") if args.held else ("dev",)
    texts = [t for t in load() if t.split in splits]
    per_text, per_split = score(texts)
    print(_table(per_split, splits))
    print()
    print(_per_text(texts, per_text))
    print()
    if args.batches:
        print(_per_batch(texts, per_text, load_batches()))
        print()
    print(f"extractor: {throughput(texts):.2f} MB/s on {len(texts)} texts (one process)")
    if args.notes:
        with open(args.notes, "w", encoding="utf-8") as out:
            for labelled in texts:
                out.write(f"## {labelled.file} ({labelled.split})\n")
                out.writelines(f"- {note}\n" for note in per_text[labelled.file].notes)
                out.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
