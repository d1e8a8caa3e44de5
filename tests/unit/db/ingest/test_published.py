"""The publication date a source's metadata gives, as an input to the extractor: it
anchors relative and year-less dates (invented texts, written for these tests)."""

from __future__ import annotations

from db.ingest import parse_document
from db.records import PartialDate
from tests.unit.db.ingest.helpers import events_on, quote_with

APRIL_12 = PartialDate(2019, 4, 12, "day")

NEWS = """Harbour museum reopens

The museum opened its gallery to visitors on Thursday, three years after a storm.

The gallery was first closed on January 19, when water reached the cases.

On March 3 the council voted to keep the free admission. On December 24 the doors
will close for the holidays.

"We had to dry every logbook page by page," curator Ida Brennholt said on Tuesday.
"""


# -- the publication date as an input ------------------------------------------------


def test_publication_date_anchors_relative_and_year_less_dates() -> None:
    """Given the date, "on Thursday" is the Thursday before it and a month-day the most
    recent one on or before it; a month-day after it keeps its unknown year."""
    doc = parse_document(NEWS, "news.txt", published=APRIL_12)
    assert doc.published == APRIL_12
    assert events_on(doc, "2019-04-11"), [e.date.iso() for e in doc.events]
    assert events_on(doc, "2019-01-19")
    assert events_on(doc, "2019-03-03")
    assert events_on(doc, "--12-24")
    assert quote_with(doc, "logbook").date == PartialDate(2019, 4, 9, "day")


def test_without_a_publication_date_nothing_is_anchored() -> None:
    """The same text without a date keeps its month-days year-less (nothing is invented)."""
    doc = parse_document(NEWS, "news.txt")
    assert doc.published is None
    assert events_on(doc, "--01-19")
    assert not [e for e in doc.events if e.date.year == 2019]


def test_metadata_date_wins_over_a_date_line_at_the_top() -> None:
    """A bare date under the headline is an entry when the metadata dates the document."""
    text = "Rail notes\n\nMay 2, 1898\n\nWork on the line begins at the crossing.\n"
    assert parse_document(text, "a.txt").published == PartialDate(1898, 5, 2, "day")
    doc = parse_document(text, "a.txt", published=APRIL_12)
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1898-05-02", "Work on the line begins at the crossing.")
    ]


def test_list_marks_stay_out_of_event_titles() -> None:
    """A bullet's mark is no part of the event it states."""
    doc = parse_document("Notes\n\n- On March 3, 1911 a snow slide closed the bridge.\n", "n.txt")
    assert [e.title for e in doc.events] == ["On March 3, 1911 a snow slide closed the bridge."]


def test_a_heading_line_heads_a_section_even_at_the_top() -> None:
    """A date line the source's markup makes a heading is an entry, not the own date."""
    text = "Rail notes\n\nMay 2, 1898\n\nWork on the line begins at the crossing.\n"
    doc = parse_document(text, "a.txt", headings=frozenset({3}))
    assert doc.published is None
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1898-05-02", "Work on the line begins at the crossing.")
    ]
