"""The extractor on the labelled corpus never falls below what it has reached.

The figures are counts from `make eval-held` when they were pinned: raise them when a
change lifts them, never lower them to let a change in. Every year stored from the
corpus is written in its text or follows from stated arithmetic (no invented year).
Wrong speakers and kept furniture are ceilings that may only come down; they rise only
when texts join the corpus (46-69, 70-81, 82-141, 142-171, 172-231, and each batch since,
labelled before the extractor ran on them), with the errors the new texts bring.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from tests.eval.score import Tally, load, load_batches, score

# split -> (least found, most allowed): quotes found, speakers right, quote dates right
# where the text states one, events found, titles right (dev: pinned without the held
# split being read); speakers wrong and furniture kept.
FLOORS: dict[str, dict[str, int]] = {
    # Dev quotes and quote dates each one lower than the fourth batch's first score: dev
    # 889's only speech was found as the words of a link's caption ("Watch Video:"), its
    # speaker wrong; a caption labels no one now, and the speech (one office's label far
    # below the top) is missed instead.
    "dev": {
        "quotes_found": 1183,
        "speaker_right": 1010,
        "quote_dates_right": 306,
        "events_found": 2777,
        "titles_right": 348,
    },
    "held": {
        "quotes_found": 577,
        "speaker_right": 427,
        "quote_dates_right": 124,
        "events_found": 964,
    },
}
CEILINGS: dict[str, dict[str, int]] = {
    "dev": {"speaker_wrong": 27, "invented_years": 0, "junk": 73},
    # One invented year came with the held text 396 (seventh batch), one with a held text
    # of the tenth round's second batch (592-621), each stored by the extractor as it
    # was before the batch joined; held, so neither has been read. The held part of the
    # thirteenth round's second batch (802-831) came with ten wrong speakers, unread.
    "held": {"speaker_wrong": 37, "invented_years": 2, "junk": 53},
}


@pytest.fixture(scope="module")
def tallies() -> dict[str, Tally]:
    """Both splits scored once for the module."""
    return score(load())[1]


@pytest.mark.parametrize("split", ["dev", "held"])
def test_recall_never_falls(tallies: dict[str, Tally], split: str) -> None:
    """Quotes, speakers, quote dates and events found stay at or above their floor."""
    tally = tallies[split]
    found = {name: getattr(tally, name) for name in FLOORS[split]}
    assert found == {name: max(found[name], floor) for name, floor in FLOORS[split].items()}


@pytest.mark.parametrize("split", ["dev", "held"])
def test_errors_never_rise(tallies: dict[str, Tally], split: str) -> None:
    """Wrong speakers, invented years and kept furniture stay at or below their ceiling."""
    tally = tallies[split]
    found = {name: getattr(tally, name) for name in CEILINGS[split]}
    assert found == {name: min(found[name], most) for name, most in CEILINGS[split].items()}


def test_corpus_is_whole() -> None:
    """890 texts, a third held back, every label pointing into its own text."""
    texts = load()
    assert len(texts) == 890
    assert sum(t.split == "held" for t in texts) == 296
    for labelled in texts:
        for quote in labelled.quotes:
            assert quote["start"] in labelled.text, (labelled.file, quote["start"])


def test_batches_cover_the_corpus() -> None:
    """batches.toml runs from text 1 to the last without gap or overlap, so every text
    is counted in exactly one batch's row of `python -m tests.eval --batches`."""
    batches = load_batches()
    assert batches[0].first == 1
    for earlier, later in pairwise(batches):
        assert later.first == earlier.last + 1, (earlier, later)
    numbers = {int(t.file.split("_", 1)[0]) for t in load()}
    assert max(numbers) <= batches[-1].last
