"""A headline the page sets again outranks a longer deck under it (invented pages)."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

_BODY = (
    "The harbour trust voted on Tuesday to keep the old quay open to fishing boats, "
    "after a winter of repairs to its wall and a long debate in the town hall.\n"
)
_DECK = "Q&A with the harbour master, Captain Mara Quell"


@pytest.mark.parametrize(
    "text",
    [
        # the title bar's copy right over the heading
        f"Quay Stays Open\n\nQuay Stays Open\n\n{_DECK}\n\n{_BODY}",
        # a share box or a video repeats the headline under the text
        f"Quay Stays Open\n\n{_DECK}\n\n{_BODY}\nQuay Stays Open\n\n{_BODY}",
    ],
)
def test_a_headline_set_again_outranks_a_longer_deck(text: str) -> None:
    """A page sets its headline twice; a deck or a subtitle under it, once."""
    assert parse(text).title == "Quay Stays Open"


def test_with_no_line_set_again_the_longest_line_is_the_headline() -> None:
    """A headline repeated inside a sentence is not set again as a line."""
    text = f"Quay Stays Open\n\n{_DECK}\n\n{_BODY}\nWe say Quay Stays Open again.\n"
    assert parse(text).title == _DECK
