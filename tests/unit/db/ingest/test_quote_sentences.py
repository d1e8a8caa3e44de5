"""A quotation that ends its sentence ends it there: the next sentence's date is not
the quote's, nor is its event titled with the quote. Every text here is invented."""

from __future__ import annotations

import itertools

import pytest

from tests.unit.db.ingest.helpers import parse

INTRODUCTIONS = [
    'Kell said: "We had no choice at all this time{stop}"',
    'Kell told the council: "We had no choice at all this time{stop}"',
    'In a short speech, the leader Tom Kell said, "We had no choice at all this time{stop}"',
]
STOPS = [".", "!", "?"]
NEXT_SENTENCES = [
    ("The quay opened in 1901.", "1901"),
    ("On 3 May 1901 the quay opened.", "1901-05-03"),
    ("The quay had opened in April 1901.", "1901-04"),
]


@pytest.mark.parametrize(
    ("introduction", "stop", "following", "iso"),
    [(i, s, f, iso) for i, s, (f, iso) in itertools.product(INTRODUCTIONS, STOPS, NEXT_SENTENCES)],
)
def test_the_next_sentences_date_is_not_the_quotes(
    introduction: str, stop: str, following: str, iso: str
) -> None:
    """The quote is dated as said with the page (its own date), and the next sentence's
    event is titled by that sentence alone."""
    text = (
        "Council closes the old quay\n\nPublished: 3 March 2015\n\n"
        f"The council closed the old quay, its leader Tom Kell said. "
        f"{introduction.format(stop=stop)} {following}\n"
    )
    doc = parse(text)
    assert [q.date.iso() if q.date else None for q in doc.quotes] == ["2015-03-03"]
    assert [e.title for e in doc.events if e.date.iso() == iso] == [following]


@pytest.mark.parametrize("stop", STOPS)
@pytest.mark.parametrize("attribution", ["Kell said.", "Tom Kell told reporters.", "He added."])
def test_an_attribution_after_the_marks_stays_in_the_sentence(stop: str, attribution: str) -> None:
    """`"... is it?" Kell said.`: the words after the marks attribute the quote."""
    text = (
        "Council closes the old quay\n\nThe leader Tom Kell spoke to the council. "
        f'"We had no choice at all this time{stop}" {attribution}\n'
    )
    (quote,) = parse(text).quotes
    assert quote.speaker == "Tom Kell"
