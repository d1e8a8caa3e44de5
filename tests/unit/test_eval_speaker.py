"""The speaker-model experiment's dataset, features, decision and training, on invented text."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.eval.speaker_model import FEATURES, Candidate, decide, probabilities
from tests.eval.speaker_train import (
    LATER_LAST,
    Example,
    dev_texts,
    number,
    outcome,
    publishers,
    train,
)

TEXT = """Ferry service resumes

The ferry sailed again on Monday after a week in dock.

"We fixed the engine in four days," said Marta Lindqvist, the harbour master.

Jonas Ekberg, a ticket seller, stood by the gangway. "It was a long week," he said.

"Nobody expected the repairs to take so long."
"""


# The dataset hooks QuoteBuilder into the pure-Python pipeline (compiled code would not
# see the hook), so it is built in a child process that runs the extractor pure.
_BUILD = """
import json
from tests.eval.score import LabelledText
from tests.eval.speaker_model import FEATURES
from tests.eval.speaker_train import examples
import db.ingest.pipeline as pipeline
from db.ingest.quotes import QuoteBuilder
labels = (
    {"start": "We fixed the engine", "speaker": "Marta Lindqvist"},
    {"start": "It was a long week", "speaker": "Jonas Ekberg"},
    {"start": "Nobody expected", "speaker": ""},
)
text = LabelledText("01_ferry.txt", "article", "dev", "", "", (), labels, (), TEXT)
rows = examples([text])
print(json.dumps({
    "labels": [r.label for r in rows],
    "rules": [r.rules for r in rows],
    "targets": [r.found[r.target].person for r in rows],
    "people": [[c.person for c in r.found] for r in rows],
    "rows": [{c.person or "": dict(zip(FEATURES, c.row)) for c in r.found} for r in rows],
    "restored": vars(pipeline)["QuoteBuilder"] is QuoteBuilder,
}))
"""


def _built() -> dict[str, Any]:
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", f"TEXT = {TEXT!r}\n{_BUILD}"],
        capture_output=True,
        text=True,
        check=True,
        cwd=root,
        env={**os.environ, "ALMANAC_PURE": "1", "PYTHONPATH": str(root)},
    )
    built: dict[str, Any] = json.loads(done.stdout)
    return built


def test_examples_hold_candidates_target_and_rules() -> None:
    built = _built()
    assert built["labels"] == ["Marta Lindqvist", "Jonas Ekberg", ""]
    people = built["people"][0]
    assert "Marta Lindqvist" in people
    assert people[-1] is None
    assert built["targets"][0] == "Marta Lindqvist"
    assert built["rules"][0] == "Marta Lindqvist"
    assert built["targets"][2] is None  # labelled no one: the target
    assert built["restored"]  # the recording hook is taken off again
    marta = built["rows"][0]["Marta Lindqvist"]
    for name in ("after", "closest_after", "same_sentence", "verb_beside", "rules"):
        assert marta[name] == 1.0, name
    assert built["rows"][0][""]["none_bias"] == 1.0


def _one_hot(**values: float) -> list[float]:
    return [values.get(name, 0.0) for name in FEATURES]


def test_decide_fills_only_when_sure_and_vetoes_only_when_doubtful() -> None:
    found = [
        Candidate("Ann Berg", _one_hot(same_sentence=1.0)),
        Candidate("Bo Dahl", _one_hot(rules=1.0)),
        Candidate(None, _one_hot(none_bias=1.0)),
    ]
    weights = tuple(3.0 if name == "same_sentence" else 0.0 for name in FEATURES)
    chances = probabilities(found, weights)
    assert abs(sum(chances) - 1.0) < 1e-9
    assert chances[0] > 0.8
    assert decide(None, found, weights, 0.8, -1.0) == "Ann Berg"
    assert decide(None, found, weights, 0.95, -1.0) is None
    assert decide("Bo Dahl", found, weights, 2.0, 0.2) is None  # Bo gets under 0.2
    assert decide("Bo Dahl", found, weights, 2.0, 0.01) == "Bo Dahl"
    assert decide("Someone Else", found, weights, 2.0, 0.5) == "Someone Else"


def test_training_learns_the_feature_that_marks_the_speaker() -> None:
    rows = [
        Example(
            f"{n}.txt",
            f"host{n % 3}",
            "Ann Berg",
            None,
            [
                Candidate("Cy Holm", _one_hot(before=1.0)),
                Candidate("Ann Berg", _one_hot(before=1.0, verb_beside=1.0)),
                Candidate(None, _one_hot(none_bias=1.0)),
            ],
            1,
        )
        for n in range(6)
    ]
    weights = train(rows, steps=100)
    assert weights[FEATURES.index("verb_beside")] > 0.5
    assert probabilities(rows[0].found, weights)[1] > 0.5


def test_outcome_counts_as_the_scorer_does() -> None:
    assert outcome("", None) == "right"
    assert outcome("", "Ann Berg") == "wrong"
    assert outcome("Ann Berg", None) == "unknown"
    assert outcome("Ann Berg", "Berg") == "right"
    assert outcome("Ann Berg", "Cy Holm") == "wrong"


def test_publishers_are_hosts_without_www(tmp_path: Path) -> None:
    sources = tmp_path / "SOURCES.md"
    sources.write_text(
        "# Sources\n\n## 01_a.txt\n- Origin: https://www.example.org/news/1 (Example)\n\n"
        "## 02_b.txt\n- Origin: http://Feeds.Example.com/x\n",
        encoding="utf-8",
    )
    assert publishers(sources) == {"01_a.txt": "example.org", "02_b.txt": "feeds.example.com"}


def test_texts_are_numbered_by_their_file_name() -> None:
    assert number("07_ferry.txt") == 7
    assert number("231_x.txt") == 231


def test_dev_texts_refuse_the_unseen_numbers() -> None:
    with pytest.raises(ValueError, match="unseen"):
        dev_texts(LATER_LAST + 1)
