"""The publication date a source's metadata gives, as an input to the extractor: it
anchors relative and year-less dates (invented texts, written for these tests)."""

from __future__ import annotations

import pytest

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
    recent one on or before it; in a sentence about what is to come, the next one."""
    doc = parse_document(NEWS, "news.txt", published=APRIL_12)
    assert doc.published == APRIL_12
    assert events_on(doc, "2019-04-11"), [e.date.iso() for e in doc.events]
    assert events_on(doc, "2019-01-19")
    assert events_on(doc, "2019-03-03")
    assert events_on(doc, "2019-12-24")  # "the doors will close": December 24 to come
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


@pytest.mark.parametrize(
    ("field", "published"),
    [
        ("Date: October 8-10, 1871", None),  # how long a fire burned: an entry's field
        ("Date: 8-10 October 1871", None),
        ("Date: October 8, 1871", PartialDate(1871, 10, 8, "day")),
        ("Updated: 2019-03-04", PartialDate(2019, 3, 4, "day")),
    ],
)
def test_a_range_of_days_after_date_is_no_publication_date(
    field: str, published: PartialDate | None
) -> None:
    """A page is published on one day: 'Date: October 8-10, 1871' over a city's entry
    says how long its fire lasted, and anchors no weekday or month-day of the page."""
    text = f"Great fires\n\nOld Town\n\n{field}\n\nThe fire burned for three days.\n"
    assert parse_document(text, "a.txt").published == published


@pytest.mark.parametrize(
    ("field", "published"),
    [
        ("Date: 24-Jul-16", PartialDate(2016, 7, 24, "day")),
        ("Date: 3 Mar 98", PartialDate(1998, 3, 3, "day")),
        ("Date: 24-Jul-16 and 25-Jul-16", None),
        ("Score: 24-Jul-16", None),
    ],
)
def test_a_page_date_with_a_two_digit_year(field: str, published: PartialDate | None) -> None:
    """'Date: 24-Jul-16' at a page's top is its own date, 24 July 2016 (two-digit years
    up to 68 are of the 2000s, later ones of the 1900s); only a publication word with
    one such date alone makes it one."""
    text = f"Pre-match notes\n\n{field}\n\nThe coach spoke about the pitch.\n"
    assert parse_document(text, "a.txt").published == published


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


# -- words counted from the document's own date ---------------------------------------

MONDAY_MARCH_25 = PartialDate(2019, 3, 25, "day")


def dated(text: str, published: PartialDate = MONDAY_MARCH_25) -> list[tuple[str, str]]:
    """(date, title) of each event of a short news text with a known publication date."""
    doc = parse_document(f"Quay notes\n\n{text}\n", "quay.txt", published=published)
    return [(e.date.iso(), e.title) for e in doc.events]


@pytest.mark.parametrize(
    "sentence",
    [
        "The ferry trust has today (25 March) announced a halt to new grants.",
        "The ferry trust today published a statement on its grants.",
        "The ferry trust said today that its grants would stop.",
        "Earlier today the ferry trust stopped its grants.",
    ],
)
def test_today_beside_a_deed_is_the_document_day(sentence: str) -> None:
    """A "today" next to something done is the day the text was published."""
    assert [iso for iso, _ in dated(sentence)] == ["2019-03-25"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Today the quay is one of the busiest on the coast.",
        "The quay is today a quiet place for anglers.",
    ],
)
def test_today_as_nowadays_dates_nothing(sentence: str) -> None:
    """A "Today" alone means nowadays: no event on the document's day."""
    assert dated(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("Last week the harbour master resigned.", "2019-03"),  # March 18 to 24
        ("Last month the harbour master resigned.", "2019-02"),
        ("Last year the harbour master resigned.", "2018"),
        ("Earlier this month the harbour master resigned.", "2019-03"),
        ("The harbour master resigned last night.", "2019-03-24"),
    ],
)
def test_calendar_words_at_the_precision_they_state(sentence: str, iso: str) -> None:
    """A "last week" is a week: the month that holds it whole; "last year" a year."""
    assert [date for date, _ in dated(sentence)] == [iso]


def test_a_week_across_two_months_is_its_year() -> None:
    """Across a month's end only the week's year is known; a week wholly in December
    before a January paper is that December."""
    across = PartialDate(2019, 3, 6, "day")  # the week before: February 25 to March 3
    assert [iso for iso, _ in dated("Last week the pier closed.", across)] == ["2019"]
    new_year = PartialDate(2019, 1, 3, "day")  # the week before: December 24 to 30, 2018
    assert [iso for iso, _ in dated("Last week the pier closed.", new_year)] == ["2018-12"]


def test_the_last_year_is_a_span_not_a_date() -> None:
    """An "over the last year" is twelve months up to now, not the calendar year before."""
    assert dated("Over the last year the quay was rebuilt.") == []


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("The quay flooded on 20 January.", "2019-01-20"),
        ("The quay flooded on 3 March.", "2019-03-03"),
        ("The quay will reopen on 20 December.", "2019-12-20"),  # what is to come
        ("The skipper is due back in court on 2 February.", "2020-02-02"),
    ],
)
def test_month_days_are_the_nearest_in_the_stated_direction(sentence: str, iso: str) -> None:
    """A month-day, either order, is the latest such day on or before the document's
    date, or, in a sentence about what is to come, the first one on or after it."""
    assert [date for date, _ in dated(sentence)] == [iso]


@pytest.mark.parametrize(
    "sentence", ["The quay flooded on December 20.", "The vote on the quay is on 20 December."]
)
def test_a_month_day_still_to_come_not_said_to_come_stays_year_less(sentence: str) -> None:
    """After the document's date, and not said to be to come, a month-day may be last
    year's or a coming one: its year stays unknown."""
    assert [date for date, _ in dated(sentence)] == ["--12-20"]


def test_day_first_month_days_without_a_date_stay_year_less() -> None:
    """Without a publication date, "on 20 January" is a month-day; "20 January" alone
    (no "on", no bracket) names a day and dates nothing by itself."""
    doc = parse_document("Quay notes\n\nThe quay flooded on 20 January.\n", "quay.txt")
    assert [e.date.iso() for e in doc.events] == ["--01-20"]
    doc = parse_document("Quay notes\n\nThe 20 January flood was the worst.\n", "quay.txt")
    assert doc.events == []


INTERVIEW = """Memories of the mill

DAN PELL: This begins an interview with Ruth Okafor on May 9, 1987, about the old mill.

RUTH OKAFOR: Thank you for having me here today.

PELL: When did you start at the mill?

OKAFOR: In the spring after the war ended, when I was sixteen.
"""


def test_an_interview_dates_itself_in_its_opening_words() -> None:
    """ "This begins an interview with ... on <date>" near the top, and no stamp: that is
    the document's date, so every turn was said then; "Today is <date>" says the same."""
    doc = parse_document(INTERVIEW, "mill.txt")
    assert doc.published == PartialDate(1987, 5, 9, "day")
    assert quote_with(doc, "When did you start at the mill?").date == doc.published
    today = parse_document(
        "Mill memories\n\nPELL: Today is June 2, 1990. We are at the mill.\n\nOKAFOR: Yes.\n",
        "mill.txt",
    )
    assert today.published == PartialDate(1990, 6, 2, "day")


HEADED = (
    "Remarks at the Opening of the Kettle Harbour Wall by the Mayor and the Harbour "
    "Master of Ferryport, with Guests from the Fishing Fleet May 2, 1998\n\n"
    "MAYOR REED: Welcome, all of you, to the new wall.\n\n"
    "CAPTAIN VOSS: Thank you, Mayor. The fleet has waited years for this.\n\n"
    "REED: And it will stand for a hundred more.\n"
)


def test_a_transcripts_heading_that_ends_with_a_date_dates_its_turns() -> None:
    """The date that closes a transcript's heading, right before its first turn, is the
    document's own date when nothing else gives one, and every turn was said on it."""
    doc = parse_document(HEADED, "remarks.txt")
    assert doc.published == PartialDate(1998, 5, 2, "day")
    assert quote_with(doc, "The fleet has waited").date == PartialDate(1998, 5, 2, "day")
