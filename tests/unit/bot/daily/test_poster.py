"""A daily run's log line: words for every outcome, not a dict."""

from __future__ import annotations

from typing import get_args

from bot.daily.poster import OUTCOME_WORDS, Outcome, RunReport


def test_every_outcome_has_words() -> None:
    """A new Outcome cannot reach the log without words for it."""
    assert set(OUTCOME_WORDS) == set(get_args(Outcome))


def test_summary_counts_in_plain_words() -> None:
    """Counts in the order of Outcome, outcomes that did not happen left out."""
    report = RunReport(outcomes={1: "failed", 2: "posted", 3: "posted", 4: "taken"})
    assert report.summary() == "2 posted, 1 failed, 1 taken by another run"
