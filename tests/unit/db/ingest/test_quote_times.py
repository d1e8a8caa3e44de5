"""When a quote's words were said, as publishers write it: the marks, the sentence round
them, the page's dateline. Every text is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with


def _iso(text: str, words: str) -> str | None:
    quote = quote_with(parse(text), words)
    return quote.date.iso() if quote.date else None


# A date inside the marks is what the words tell of, not when they were said.
INSIDE = [
    (
        "Published: 7 November 2011\n\n"
        'The prime minister said: "The deal was already done on Aug 2 and nothing will '
        'change."\n',
        "deal was already done",
        "2011-11-07",
    ),
    (
        "Harbour News, Monday 3 June 2019\n\n"
        '"We opened the quay on 12 March 1998 and it has never flooded," harbour master '
        "Ann Lee said.\n",
        "We opened the quay",
        "2019-06-03",
    ),
    (
        'Ann Lee told the inquiry: "I first saw the crack on January 4, and I told my '
        'manager the same day."\n',
        "I first saw the crack",
        None,
    ),
]


@pytest.mark.parametrize(("text", "words", "iso"), INSIDE)
def test_a_date_inside_the_marks_does_not_date_the_words(
    text: str, words: str, iso: str | None
) -> None:
    assert _iso(text, words) == iso
