"""Properties on arbitrary text: never raises, spans in range, quotes inside their spans."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from db.ingest import parse_document
from db.records import ParsedDocument
from tests.unit.db.ingest.helpers import parse

_MARKS = re.compile('["\u201c\u201d\u201e\u00ab\u00bb]')

PIECES = st.sampled_from(
    [
        "June 16, 2001: ",
        "February 30, 2001",
        "on September 11",
        " in 1954",
        "Two days before the vote, ",
        '"',
        "\u201c",
        "\u201d",
        "'",
        "\u2019",
        "\u02bc",
        "\n",
        "\n\n",
        "\u00a0\u2022 ",
        " | ",
        ", he said.",
        " says Jan Novak of the Oslo Institute.",
        "Prime Minister Anna Kowalski",
        "the Kremlin leader",
        "Skip to main content",
        "(left)",
        ": ",
        ". ",
        "99999",
    ]
)
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=40).map("".join)


def squash(text: str) -> str:
    """Quote marks removed and whitespace collapsed: how a quote's text relates to its span."""
    return " ".join(_MARKS.sub(" ", text).split())


def check_document(text: str, doc: ParsedDocument) -> None:
    """Every span lies in the text, and each quote's words are inside its span, in order
    (a quote continued over paragraphs skips a furniture line between them)."""
    spans = [q.span for q in doc.quotes] + [e.span for e in doc.events]
    assert all(0 <= s.start <= s.end <= len(text) for s in spans)
    for quote in doc.quotes:
        inside, at = squash(text[quote.span.start : quote.span.end]), 0
        for word in squash(quote.text).split():
            at = inside.find(word, at)
            assert at >= 0, (quote.text, inside)
            at += len(word)
    for event in doc.events:
        assert event.date.iso()


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_never_raises_and_spans_hold(text: str) -> None:
    """Arbitrary text with quote marks, dates and furniture parses cleanly."""
    check_document(text, parse(text))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_public_api_never_raises(text: str) -> None:
    """parse_document returns a document with a title for any string."""
    doc = parse_document(text, "any.txt")
    assert isinstance(doc.title, str)
    assert not any(w.startswith("extractor failed") for w in doc.warnings)


def test_pathological_inputs_complete() -> None:
    """Huge runs of marks, one 5 MB line and long capitalised runs finish (linear scans)."""
    inputs = [
        '"' * 2_000_000,
        "\u201c" * 100_000,
        '"a ' * 100_000,
        "word " * 1_000_000,
        "Abc " * 200_000,
        "." * 500_000 + " A",
        "June 16, 2001 " * 20_000,
    ]
    for text in inputs:
        check_document(text, parse(text))
