"""Dataset, training and cross-validation of the learned speaker decision (an experiment).

    ALMANAC_PURE=1 .venv/bin/python -m tests.eval.speaker_train [--later]

Data: the TUNE texts (dev texts numbered 1-171, from which the rules were written), or
with --later also the LATER ones (dev 172-231, which the rules were not written from,
so the rules err there); dev texts above 231 and held texts are never used. For each
labelled quote the extractor finds (matched as tests/eval/score.py matches them) among
the marked quotes QuoteBuilder builds, the candidates are those of
tests/eval/speaker_model.candidates; the target is the candidate score.same_person takes
for the labelled speaker, or "no one" (the label names no one, or someone who is not a
candidate).

Cross-validation holds out one publisher at a time (the host of the text's origin in
tests/corpus/SOURCES.md), so no publisher's habits are both trained and tested on. It
prints, as speakers right/wrong/unknown over the examples: the rules; the model alone
(with and without the rules' choice as a feature); and rules+model, the fill and veto
thresholds of speaker_model.decide chosen on the out-of-fold probabilities by right
minus WRONG_COST times wrong (crediting the wrong person is worse than crediting no one).
With --later each line also gives the LATER examples alone. Then the weights
refitted on every example.

Result (see the commits that added this and --later): the rules win, on TUNE and on
TUNE+LATER alike; the model is not used by ingest.
"""

from __future__ import annotations

import argparse
import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import db.ingest.pipeline as pipeline
from db.ingest import parse_document
from db.ingest.quotemarks import QuoteSpan
from db.ingest.quotes import QuoteBuilder
from db.records import QuoteRecord
from tests.eval.score import CORPUS, LabelledText, load, same_person, words_of
from tests.eval.speaker_model import (
    FEATURES,
    Candidate,
    Mentions,
    candidates,
    decide,
    probabilities,
)

TUNE_LAST = 171  # dev texts numbered 1-171 are TUNE, on which the rules were written
LATER_LAST = 231  # dev texts 172-231 are LATER: the rules were not written from them
WRONG_COST = 3.0
L2 = 0.05
STEPS = 300


@dataclass
class Example:
    """One found, labelled quote: its candidates, the target, and the rules' outcome."""

    file: str
    publisher: str
    label: str  # the labelled speaker, "" for no one
    rules: str | None  # the speaker the rules gave (before the model)
    found: list[Candidate]
    target: int  # index into found


def number(file: str) -> int:
    """A corpus text's number, from its file name."""
    return int(file.split("_")[0])


def dev_texts(last: int = TUNE_LAST) -> list[LabelledText]:
    """The dev texts numbered 1 to last (TUNE by default; LATER_LAST adds LATER)."""
    if last > LATER_LAST:
        raise ValueError(f"dev texts above {LATER_LAST} are kept unseen")
    return [t for t in load() if t.split == "dev" and number(t.file) <= last]


def tune_texts() -> list[LabelledText]:
    """The TUNE texts: dev texts numbered 1 to TUNE_LAST."""
    return dev_texts(TUNE_LAST)


def publishers(sources: Path = CORPUS / "SOURCES.md") -> dict[str, str]:
    """File name -> host of its origin (without www.)."""
    found: dict[str, str] = {}
    current = ""
    for line in sources.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        elif current and current not in found and "Origin:" in line:
            url = re.search(r"https?://\S+", line)
            host = urlparse(url.group(0)).netloc if url else line
            found[current] = host.lower().removeprefix("www.")
    return found


def outcome(label: str, speaker: str | None) -> str:
    """right, wrong or unknown, as score._score_speaker counts them."""
    if not label:
        return "right" if speaker is None else "wrong"
    if speaker is None:
        return "unknown"
    return "right" if same_person(label, speaker) else "wrong"


def examples(texts: Sequence[LabelledText]) -> list[Example]:
    """The dataset: one Example per found labelled quote that the model would review."""
    hosts = publishers()
    seen: dict[tuple[int, int], tuple[str | None, list[Candidate]]] = {}

    class Recording(QuoteBuilder):
        """The extractor's QuoteBuilder, noting each marked quote's candidates as built."""

        def build(self, spans: list[QuoteSpan]) -> list[QuoteRecord]:
            quotes = super().build(spans)
            norm, index = self.attributor.norm, Mentions(self.attributor.mentions)
            for quote in quotes:
                if not quote.fragment:
                    key = (quote.span.start, quote.span.end)
                    seen[key] = (quote.speaker, candidates(norm, index, quote))
            return quotes

    if not str(pipeline.__file__).endswith(".py"):  # compiled code ignores the hook below
        raise RuntimeError("the dataset needs the pure-Python extractor: set ALMANAC_PURE=1")
    vars(pipeline)["QuoteBuilder"] = Recording  # what extract() builds its quotes with
    try:
        rows: list[Example] = []
        for text in texts:
            seen.clear()
            parsed = parse_document(text.text, text.file)
            found_words = [words_of(q.text) for q in parsed.quotes]
            used: set[int] = set()
            for label in text.quotes:
                start = words_of(label["start"])
                at = next(
                    (
                        i
                        for i, w in enumerate(found_words)
                        if i not in used and start and start in w
                    ),
                    None,
                )
                if at is None:
                    continue
                used.add(at)
                quote = parsed.quotes[at]
                key = (quote.span.start, quote.span.end)
                if quote.fragment or key not in seen:
                    continue
                rules, found = seen[key]
                speaker = label.get("speaker", "")
                target = next(
                    (
                        i
                        for i, c in enumerate(found)
                        if c.person is not None and speaker and same_person(speaker, c.person)
                    ),
                    len(found) - 1,
                )
                rows.append(
                    Example(
                        text.file, hosts.get(text.file, text.file), speaker, rules, found, target
                    )
                )
        return rows
    finally:
        vars(pipeline)["QuoteBuilder"] = QuoteBuilder


def train(rows: Sequence[Example], l2: float = L2, steps: int = STEPS) -> tuple[float, ...]:
    """Conditional logit by full-batch gradient descent (Adagrad steps), L2-penalised."""
    size = len(FEATURES)
    weights = [0.0] * size
    squares = [1e-8] * size
    for _ in range(steps):
        grad = [l2 * w for w in weights]
        for row in rows:
            chances = probabilities(row.found, tuple(weights))
            for c, chance in zip(row.found, chances, strict=True):
                for j, x in enumerate(c.row):
                    if x:
                        grad[j] += chance * x / len(rows)
            for j, x in enumerate(row.found[row.target].row):
                if x:
                    grad[j] -= x / len(rows)
        for j in range(size):
            squares[j] += grad[j] * grad[j]
            weights[j] -= 0.5 * grad[j] / math.sqrt(squares[j])
    return tuple(weights)


def out_of_fold(rows: Sequence[Example]) -> list[tuple[float, ...]]:
    """Weights for each row trained without its publisher's rows (leave one publisher out)."""
    by_host: dict[str, tuple[float, ...]] = {}
    for host in sorted({r.publisher for r in rows}):
        by_host[host] = train([r for r in rows if r.publisher != host])
    return [by_host[r.publisher] for r in rows]


def tally(rows: Sequence[Example], choose: Callable[[int, Example], str | None]) -> dict[str, int]:
    counts = {"right": 0, "wrong": 0, "unknown": 0}
    for i, row in enumerate(rows):
        counts[outcome(row.label, choose(i, row))] += 1
    return counts


def utility(counts: dict[str, int]) -> float:
    return counts["right"] - WRONG_COST * counts["wrong"]


def fmt(counts: dict[str, int]) -> str:
    return f"{counts['right']}/{counts['wrong']}/{counts['unknown']}"


# Thresholds tried, each list from "off" to most reach (a veto at 0.75 breaks even when a
# vetoed speaker is right once in four: WRONG_COST is 3). Ties go to the later (further
# reaching) veto, since crediting no one beats crediting the wrong person, and to the
# earlier (switched-off) fill.
FILLS = (2.0, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5)
VETOES = (-1.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.75)


def without_rules(rows: Sequence[Example]) -> list[Example]:
    """The rows with the rules' choice hidden from the model (an independent attributor)."""
    at = FEATURES.index("rules")
    hidden: list[Example] = []
    for row in rows:
        found = [
            Candidate(c.person, [0.0 if j == at else x for j, x in enumerate(c.row)])
            for c in row.found
        ]
        hidden.append(Example(row.file, row.publisher, row.label, row.rules, found, row.target))
    return hidden


def top_choice(row: Example, weights: tuple[float, ...]) -> str | None:
    chances = probabilities(row.found, weights)
    return row.found[max(range(len(row.found)), key=chances.__getitem__)].person


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--later",
        action="store_true",
        help=f"train and cross-validate on dev 1-{LATER_LAST} (TUNE and LATER), not TUNE only",
    )
    args = parser.parse_args(argv)
    rows = examples(dev_texts(LATER_LAST if args.later else TUNE_LAST))
    print(
        f"{len(rows)} examples from {len({r.file for r in rows})} texts, "
        f"{len({r.publisher for r in rows})} publishers; labelled speaker among the "
        f"candidates: {sum(r.found[r.target].person is not None for r in rows)}"
    )
    later = [number(r.file) > TUNE_LAST for r in rows]
    folds = out_of_fold(rows)
    hidden = without_rules(rows)
    hidden_folds = out_of_fold(hidden)

    def both(some: Sequence[Example], choose: Callable[[int, Example], str | None]) -> str:
        counts = tally(some, choose)
        text = f"{fmt(counts)}  ({utility(counts):g})"
        if any(later):
            mine = {"right": 0, "wrong": 0, "unknown": 0}
            for i, row in enumerate(some):
                if later[i]:
                    mine[outcome(row.label, choose(i, row))] += 1
            text += f"   LATER {fmt(mine)}  ({utility(mine):g})"
        return text

    def combine(fill_at: float, veto_at: float) -> Callable[[int, Example], str | None]:
        return lambda i, r: decide(r.rules, r.found, folds[i], fill_at, veto_at)

    print(
        "leave-one-publisher-out, speakers right/wrong/unknown "
        f"(utility right-{WRONG_COST:g}*wrong)"
    )
    rules = tally(rows, lambda i, r: r.rules)
    print(f"  rules:                      {both(rows, lambda i, r: r.rules)}")
    print(f"  model alone:                {both(rows, lambda i, r: top_choice(r, folds[i]))}")
    blind = both(hidden, lambda i, r: top_choice(r, hidden_folds[i]))
    print(f"  model alone, rules hidden:  {blind}")
    best = (utility(rules), FILLS[0], VETOES[0])
    for fill_at in FILLS:
        for veto_at in VETOES:
            counts = tally(rows, combine(fill_at, veto_at))
            better = utility(counts) > best[0] + 1e-9
            if better or (abs(utility(counts) - best[0]) < 1e-9 and fill_at == best[1]):
                best = (utility(counts), fill_at, veto_at)
    _, fill_at, veto_at = best
    print(
        f"  rules+model:                {both(rows, combine(fill_at, veto_at))}  "
        f"fill_at={fill_at} veto_at={veto_at}"
    )
    for fill in FILLS[1:]:
        print(f"    fill only at {fill:<4g}          {both(rows, combine(fill, VETOES[0]))}")
    for veto in VETOES[1:]:
        print(f"    veto only at {veto:<4g}          {both(rows, combine(FILLS[0], veto))}")
    print("weights refitted on every example:")
    for name, weight in zip(FEATURES, train(rows), strict=True):
        print(f"    {name:22} {weight:+.3f}")


if __name__ == "__main__":
    main()
