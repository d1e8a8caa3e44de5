"""Quotations the mark scan must not miss, and scare quotes it must not serve."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

DOUBLES = (
    "Harbour board meets\n\n"
    "\u201cWe have waited long enough for this,\u201d said Olaf Brenner.\n\n"
    "{body}\n"
)


def _texts(body: str) -> list[str]:
    return [q.text for q in parse(DOUBLES.format(body=body)).quotes if not q.fragment]


@pytest.mark.parametrize(
    "body",
    [
        "The board then passed this motion: \u2018That the harbour open to ferries in May.\u2019",
        "Greta Lund moved the motion, saying, \u2018That the harbour open to ferries in May.\u2019",
        "Greta Lund wrote: \u2018That the harbour open to ferries in May\u2019, and sat down.",
    ],
)
def test_introduced_single_marks_in_a_double_mark_text(body: str) -> None:
    """A ‘…’ quote that a colon or a speech verb introduces is a quote in a “…” text."""
    assert "That the harbour open to ferries in May" in " | ".join(_texts(body))


@pytest.mark.parametrize(
    "body",
    [
        "The board praised its \u2018smart harbour plan\u2019 once more.",
        "\u201cThe board called it \u2018a smart harbour plan for all\u2019 today,\u201d she said.",
    ],
)
def test_unintroduced_single_marks_stay_out(body: str) -> None:
    """A bare ‘…’ in a “…” text is a scare quote; one nested in “…” is no quote of its own."""
    texts = _texts(body)
    assert not any(t.startswith(("smart", "a smart")) for t in texts), texts
