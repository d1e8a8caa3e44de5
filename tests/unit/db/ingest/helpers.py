"""Shared helpers for the ingest tests: find a quote or an event by its words."""

from __future__ import annotations

from db.ingest.pipeline import extract
from db.records import EventRecord, ParsedDocument, QuoteRecord
from tests.eval.score import same_person


def parse(text: str, name: str = "test.txt") -> ParsedDocument:
    """Parse without the never-raise safety net, so a bug fails the test loudly."""
    return extract(text, name)


def quote_with(doc: ParsedDocument, words: str) -> QuoteRecord:
    """The one quote whose text contains words."""
    found = [q for q in doc.quotes if words in q.text]
    assert len(found) == 1, f"{words!r}: {[q.text for q in doc.quotes]}"
    return found[0]


def events_on(doc: ParsedDocument, iso: str) -> list[EventRecord]:
    """Events whose date prints as iso."""
    return [e for e in doc.events if e.date.iso() == iso]


def speaker_fits(expected: str | None, found: str | None) -> bool:
    """The speaker found is the one expected (as the corpus scorer matches names), or
    both are nobody."""
    if expected is None or found is None:
        return expected is found
    return same_person(expected, found)
