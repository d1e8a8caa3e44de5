"""The forms English news, style guides and chronologies write a date or a dated event
in, each as a small invented example: in prose, heading a timeline's line, counted from
a date before, and the numbers that are no date at all. Every text here is invented.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from tests.unit.db.ingest.helpers import parse

# The forms the extractor does not read yet: each fails, strictly, until it does.
OPEN: frozenset[str] = frozenset()


def _cases(rows: Sequence[tuple[object, ...]] | Sequence[str]) -> list[object]:
    """rows as pytest params, those with an OPEN part marked as failing."""
    params: list[object] = []
    for row in rows:
        parts = (row,) if isinstance(row, str) else row
        words = {part for part in parts if isinstance(part, str)}
        marks = [pytest.mark.xfail(strict=True)] if OPEN & words else []
        params.append(pytest.param(*parts, marks=marks))
    return params


# (as written in a sentence, the events' dates): the precision the words state; [] where
# they state no one time (a decade, a century, a span, a numeric date either order fits).
PROSE_FORMS = [
    ("16 June 2001", ["2001-06-16"]),
    ("June 16, 2001", ["2001-06-16"]),
    ("June 16th, 2001", ["2001-06-16"]),
    ("June 16 2001", ["2001-06-16"]),
    ("Jun 16,2001", ["2001-06-16"]),  # a stamp's comma with no space after it
    ("JUNE 16, 2001", ["2001-06-16"]),
    ("the 16th of June, 2001", ["2001-06-16"]),
    ("Jun. 16, 2001", ["2001-06-16"]),
    ("Sept. 3, 1999", ["1999-09-03"]),
    ("16-Jun-2001", ["2001-06-16"]),
    ("16-June-2001", ["2001-06-16"]),
    ("2001-06-16", ["2001-06-16"]),
    ("16.06.2001", ["2001-06-16"]),
    ("16/06/2001", ["2001-06-16"]),  # a day over 12: one order only
    ("06/16/2001", ["2001-06-16"]),
    ("03/04/2001", []),  # either order: left undated, never guessed
    ("on Saturday, June 16, 2001", ["2001-06-16"]),
    ("on Saturday 16 June 2001", ["2001-06-16"]),
    ("on Sat., June 16, 2001", ["2001-06-16"]),
    ("at 10 a.m. on June 16, 2001", ["2001-06-16"]),
    ("on the night of June 16, 2001", ["2001-06-16"]),
    ("(June 16, 2001)", ["2001-06-16"]),
    ("in June 2001", ["2001-06"]),
    ("in June, 2001", ["2001-06"]),
    ("in June of 2001", ["2001-06"]),
    ("in Sept. 2001", ["2001-09"]),
    ("in mid-June 2001", ["2001-06"]),
    ("in late June 2001", ["2001-06"]),
    ("in 2001", ["2001"]),
    ("in early 2001", ["2001"]),
    ("in mid-2001", ["2001"]),
    ("in the spring of 2001", ["2001"]),
    ("in summer 2001", ["2001"]),
    ("in the fall of 2001", ["2001"]),
    ("by the end of 2001", ["2001"]),
    ("c. 1200", ["1200"]),
    ("ca. 1200", ["1200"]),
    ("circa 1200", ["1200"]),
    ("in AD 43", ["0043"]),
    ("in 43 AD", ["0043"]),
    ("in 44 BC", ["-0043"]),  # stored as ISO counts: 1 BC is 0000
    ("in 3000 BCE", ["-2999"]),
    ("in 1066 CE", ["1066"]),
    ("in 1066 A.D.", ["1066"]),
    ("in the year of our Lord 1350", ["1350"]),
    ("in the year of Our Lord 1350", ["1350"]),
    ("Anno Domini 1350", ["1350"]),
    ("on the sixteenth of June, 2001", ["2001-06-16"]),
    ("on June sixteenth, 2001", ["2001-06-16"]),
    ("on 16 and 18 June 2001", ["2001-06-16"]),  # a pair, as a span: its first day
    ("on June 16 and 18, 2001", ["2001-06-16"]),
    ("between 16 and 18 June 2001", ["2001-06-16"]),
    ("between June 16 and 18, 2001", ["2001-06-16"]),
    ("in 2001 or 2002", []),  # either year: neither is the time
    ("on 6/16/01", []),  # a year of two digits: its century is not stated
    ("in June '01", []),
    ("in the '90s", []),
    ("in 2,500 BC", ["-2499"]),  # thousands parted by a comma: never "500 BC"
    ("in 2.500 BC", []),
    ("from 2,500 BC to 1,200 BC", []),
    ("on New Year's Day 2001", ["2001-01-01"]),
    ("on Christmas Eve 1914", ["1914-12-24"]),
    # Named times with a year whose day moves (or is a season): the year at least.
    ("at Christmas 1914", ["1914-12"]),
    ("at Easter 1916", ["1916"]),
    ("at Whitsun 1944", ["1944"]),
    ("over Thanksgiving 1963", ["1963"]),
    # Days counted from that year's Easter: the day, the Western Easter unless the
    # Orthodox is said; before 1753, when English texts still wrote Julian dates, the year.
    ("on Good Friday 1918", ["1918-03-29"]),
    ("on Easter Monday, 1916", ["1916-04-24"]),
    ("on Easter Sunday 2024", ["2024-03-31"]),
    ("on Orthodox Easter Sunday 2024", ["2024-05-05"]),
    ("on Ash Wednesday 1990", ["1990-02-28"]),
    ("on Whit Monday 1920", ["1920-05-24"]),
    ("on Good Friday 1700", ["1700"]),
    ("on Orthodox Christmas 2001", []),  # January 7 in this century, not December 25
    # A day in words before its month and year.
    ("on the sixteenth of June, 2001", ["2001-06-16"]),
    ("on the twenty-first of June 2001", ["2001-06-21"]),
    ("on the twenty first day of June 2001", ["2001-06-21"]),
    ("this fourth day of July, 1776", ["1776-07-04"]),
    ("on the thirty-first of June 2001", ["2001-06"]),  # June has no such day
    # A day in words after its month, as speeches and transcripts write it out.
    ("on September eleventh, 2001", ["2001-09-11"]),
    ("on June the sixteenth, 2001", ["2001-06-16"]),
    ("on June Twenty-First 2001", ["2001-06-21"]),
    ("on June thirty-first 2001", ["2001-06"]),
    # A span of days within one month: the day it began, as a reader dates it; never
    # its last day alone.
    ("on 16-18 June 2001", ["2001-06-16"]),
    ("on 16 to 18 June 2001", ["2001-06-16"]),
    ("on June 16-18, 2001", ["2001-06-16"]),
    ("on June 16 to 18, 2001", ["2001-06-16"]),
    ("from 3 May to 9 May 2001", ["2001-05-03"]),
    ("on the night of 14/15 April 1912", ["1912-04-14"]),
    ("on the night of 14-15 April 1912", ["1912-04-14"]),
    ("on 14th-15th April 1912", ["1912-04-14"]),
    # A span across months or years: no one time, and neither end alone.
    ("from 30 June to 2 July 2001", []),
    ("from June 30 to July 2, 2001", []),
    ("between June and August 2001", []),
    ("in June-August 2001", []),
    ("from Dec. 31, 1999 to Jan. 1, 2000", []),
    ("from June 2001 to May 2002", []),
    ("between 1200 and 1250", []),
    ("from 1961 to 1963", []),
    ("in 1961-63", []),
    ("in 1961/62", []),
    ("in the winter of 1941-42", []),
    # A decade, a century, a year cut short: no one year.
    ("in the 1990s", []),
    ("in the mid-1990s", []),
    ("in the 1200s", []),
    ("in the 12th century", []),
    ("in the 5th century BC", []),
    ("in the summer of '69", []),
    # A bound is no time the thing happened.
    ("before 2001", []),
    ("after 2001", []),
]
SENTENCE = "The harbour\n\nThe Kell family sold the old mill to a bank {date}.\n"


@pytest.mark.parametrize(("written", "isos"), _cases(PROSE_FORMS))
def test_a_date_in_prose_dates_its_sentence(written: str, isos: list[str]) -> None:
    """Each form dates the sentence at the precision it states, and no other way."""
    doc = parse(SENTENCE.format(date=written))
    assert [e.date.iso() for e in doc.events] == isos


# (a timeline line's head, the entry's date or None for a span that heads no one date).
HEAD_FORMS = [
    ("1969 - ", "1969"),
    ("1969 \u2013 ", "1969"),
    ("1969 \u2014 ", "1969"),
    ("1969: ", "1969"),
    ("July 1969 \u2014 ", "1969-07"),
    ("July 20, 1969 \u2013 ", "1969-07-20"),
    ("20 July 1969: ", "1969-07-20"),
    ("Sun., July 20, 1969: ", "1969-07-20"),
    ("20-Jul-1969: ", "1969-07-20"),
    ("1969-07-20: ", "1969-07-20"),
    ("c. 1200 \u2013 ", "1200"),
    ("ca. 1200: ", "1200"),
    ("circa 1200 - ", "1200"),
    ("AD 43 \u2013 ", "0043"),
    ("43 AD: ", "0043"),
    ("44 BC \u2013 ", "-0043"),
    ("Mid-1969: ", "1969"),
    ("Spring 1969 \u2013 ", "1969"),
    ("Christmas Eve 1914: ", "1914-12-24"),
    ("Good Friday 1969: ", "1969-04-04"),
    ("The twentieth of July 1969: ", "1969-07-20"),
    ("1961\u201363: ", None),
    ("1961-63: ", None),
    ("1961\u20131963: ", None),
    ("1961 to 1963: ", None),
]
ENTRY = "The new quay opened to ships from Leith."


@pytest.mark.parametrize(("head", "iso"), _cases(HEAD_FORMS))
def test_a_date_heading_a_timeline_line_dates_its_entry(head: str, iso: str | None) -> None:
    """The date heading a line dates the words after it; a span heads no one date."""
    text = (
        "Quay notes\n\nThe quay has a long story, told here in brief.\n\n"
        "1950: The old pier was pulled down by the town.\n"
        f"{head}{ENTRY}\n"
        "1990: The harbour was dredged for larger boats.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    entry = [(d, t) for d, t in found if "quay" in t]
    assert entry == ([(iso, ENTRY)] if iso else []), found


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Quay notes\n\n1969\n\nJuly - The quay opened.\nAugust - The pier fell.\n",
            [("1969-07", "The quay opened."), ("1969-08", "The pier fell.")],
        ),
        (
            "Quay notes\n\n1969\n\nJuly 20 - The quay opened.\n21 August: The pier fell.\n",
            [("1969-07-20", "The quay opened."), ("1969-08-21", "The pier fell.")],
        ),
    ],
)
def test_a_year_heading_dates_the_month_lines_below(
    text: str, expected: list[tuple[str, str]]
) -> None:
    """A year on its own line over lines headed by a month or a month-day: that year's."""
    assert [(e.date.iso(), e.title) for e in parse(text).events] == expected


def test_a_month_heading_over_day_entries_is_no_event_of_its_own() -> None:
    """A month on its own line over entries that each open with a day: the days are
    the events; the heading adds no month-long copy of the first one."""
    text = (
        "Quay notes\n\nJuly 1969\n\nJuly 20 The quay opened to ships.\n\n"
        "July 24 The pier fell into the sea.\n"
    )
    assert [(e.date.iso(), e.title) for e in parse(text).events] == [
        ("1969-07-20", "July 20 The quay opened to ships."),
        ("1969-07-24", "July 24 The pier fell into the sea."),
    ]


# (what follows "In 1969 the quay opened.", the date of the event it tells, or None).
COUNTED = [
    ("Later that year the pier fell.", "1969"),
    ("That same year the pier fell.", "1969"),
    ("The following year the pier fell.", "1970"),
    ("The next year the pier fell.", "1970"),
    ("The previous year the pier fell.", "1968"),
    ("A year earlier the pier had fallen.", "1968"),
    ("Two years later the pier fell.", "1971"),
    ("Five years on, the pier fell.", "1974"),
    ("Fifteen years later the pier fell.", "1984"),
    ("A decade later the pier fell.", "1979"),
    ("Three decades later the pier fell.", "1999"),
    ("That autumn the pier fell.", "1969"),
    ("That summer the pier fell.", "1969"),
    ("Within a year the pier fell.", None),  # a bound, no time
    ("The following winter the pier fell.", None),  # a winter straddles two years
    ("The following spring the pier fell.", None),  # 1969's or 1970's: no month says
]


@pytest.mark.parametrize(("sentence", "iso"), _cases(COUNTED))
def test_a_count_from_a_stated_year(sentence: str, iso: str | None) -> None:
    """A count after a stated year dates its sentence by that year and the count."""
    doc = parse(f"Quay notes\n\nIn 1969 the quay opened. {sentence}\n")
    later = [e.date.iso() for e in doc.events if "pier" in e.title]
    assert later == ([iso] if iso else []), [(e.date.iso(), e.title) for e in doc.events]


@pytest.mark.parametrize(
    ("first", "sentence", "iso"),
    _cases(
        [
            ("On 3 June 1969", "The next day the pier fell.", "1969-06-04"),
            ("In June 1969", "The following month the pier fell.", "1969-07"),
            ("In June 1969", "Eighteen months later the pier fell.", "1970-12"),
            ("In June 1969", "The following spring the pier fell.", "1970"),
            ("In February 1969", "The following spring the pier fell.", "1969"),
            ("In June 1969", "That autumn the pier fell.", "1969"),
        ]
    ),
)
def test_a_count_from_a_stated_month_or_day(first: str, sentence: str, iso: str) -> None:
    """A count from a month or a day counts at the unit it names; a season that follows
    a month is in that year if it is still to come, else the next."""
    doc = parse(f"Quay notes\n\n{first} the quay opened. {sentence}\n")
    later = [e.date.iso() for e in doc.events if "pier" in e.title]
    assert later == [iso], [(e.date.iso(), e.title) for e in doc.events]


@pytest.mark.parametrize(
    "sentence",
    _cases(
        [
            "The quay opened on Saturday (June 16, 2001).",
            "The quay opened on Saturday, June 16, 2001.",
            "The quay opened (Saturday, June 16, 2001).",
        ]
    ),
)
def test_a_weekday_beside_a_date_is_no_name(sentence: str) -> None:
    """A weekday before a date in brackets names the same day: the clause is dated."""
    assert [e.date.iso() for e in parse(f"Quay notes\n\n{sentence}\n").events] == ["2001-06-16"]


# Numbers that are no date: times, money, ages, counts, pages, phones, codes, scores,
# models, measures, and a month's name followed by a count after its comma.
NOT_DATES = [
    "The quay opened at 10:45 and the ferry left at 1900 hours.",
    "The train left at 1945 and arrived at 2130.",
    "The quay cost $1,995 to build.",
    "The quay cost \u00a32000 to build.",
    "The quay cost 2000 dollars.",
    "The harbour master, 1945, opened the quay.",
    "The quay holds 1500 boats.",
    "The quay is 1,200 feet long.",
    "See page 1987 of the report.",
    "See pp. 1901-1903 of the report.",
    "Call 555-1999 for details.",
    "Call (020) 7946 1999 for details.",
    "Write to PO Box 1999, Leith.",
    "The quay is at 1999 Harbour Road.",
    "Leith won 2-1 at home.",
    "The score was 1-0 at half time.",
    "A Boeing 747 landed near the quay.",
    "An Airbus A320 landed near the quay.",
    "Room 1204 faces the quay.",
    "Flight 1549 landed near the quay.",
    "The quay sits at 1850 metres above the sea.",
    "He ran the 1500 m at the quay.",
    "The rule 1902.3 applies to the quay.",
    "The quay opened in January, 1500 ships came.",
    "In June, 2000 people marched to the quay.",
]


@pytest.mark.parametrize("sentence", _cases(NOT_DATES))
def test_a_number_that_is_no_date_makes_no_event(sentence: str) -> None:
    """A time, a sum, an age, a count, a page, a phone number or a score is no year."""
    assert [e.date.iso() for e in parse(f"Quay notes\n\n{sentence}\n").events] == []


# (a sentence in a news story of Saturday 16 June 2001, the event's date or None):
# a time counted from the day of writing.
NEWS_COUNTS = [
    ("The quay reopened last March.", "2001-03"),
    ("The quay reopened this past March.", "2001-03"),
    ("The quay closed last August.", "2000-08"),
    ("The quay closed last June.", "2000-06"),
    ("The quay will reopen next March.", "2002-03"),
    ("The quay will reopen next August.", "2001-08"),
    ("The quay closed last year.", "2000"),
    ("The quay closed last month.", "2001-05"),
    ("The quay closed two years ago.", "1999"),
    ("The quay closed yesterday.", "2001-06-15"),
    ("The quay closed on Tuesday.", "2001-06-12"),
    ("The quay closed in the last March of the war.", None),
    ("The quay closed in March of last year.", "2000-03"),
    ("The quay will reopen in early March of next year.", "2002-03"),
    ("The quay will reopen in August.", "2001-08"),
    ("The quay will reopen in March.", None),  # next year's, which the text never says
]


@pytest.mark.parametrize(("sentence", "iso"), _cases(NEWS_COUNTS))
def test_a_count_from_the_day_of_writing(sentence: str, iso: str | None) -> None:
    """'last March' in June is this year's March; in March or after, last year's."""
    text = f"Quay reopens\n\nBy Ann Lee\nJune 16, 2001\n\nLEITH -- {sentence} Crowds came.\n"
    found = [e.date.iso() for e in parse(text).events if "quay" in e.summary]
    assert found == ([iso] if iso else []), found


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("In a statement issued 31 March, the council said the quay would open.", "2006-03-31"),
        ("The harbour deal was signed March 14 by the council.", "2006-03-14"),
        ("A report released 2 March said the quay was unsafe.", "2006-03-02"),
        ("Early in the evening of March 25, a crane fell on the quay.", "2006-03-25"),
        ("On the night of 4 March the quay flooded.", "2006-03-04"),
    ],
)
def test_a_month_day_after_a_participle_of_the_day_is_a_date(sentence: str, iso: str) -> None:
    """'a statement issued 31 March': the participle says what was done that day (as
    'the evening of' says its part), so the month-day is a date (the latest before the
    page's own), as after "on"; alone, a month-day may name a day ("because of September
    11") and dates nothing."""
    doc = parse(f"Quay news\n\nPORT TOWN, 1 April 2006 - The council met.\n\n{sentence}\n")
    assert iso in [e.date.iso() for e in doc.events]


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("The museum opened, 14 years after the storm that hit the quay in 2009.", "2023"),
        ("The pier fell two days before the storm of 3 May 1901.", "1901-05-01"),
        ("The museum opened three years after the storm of March 2009.", "2012"),
    ],
)
def test_a_count_from_a_phrase_that_states_its_time(sentence: str, iso: str) -> None:
    """'14 years after the storm ... in 2009': the phrase the count is about states its
    own time, so the sentence's happening is that time and the count (at the count's
    unit); the phrase's own year is never counted back from a date stated nowhere."""
    doc = parse(f"Quay notes\n\nPORT TOWN, June 29 - {sentence}\n")
    found = [e.date.iso() for e in doc.events]
    assert iso in found, found
    assert not {"1995", "1901-05-05", "2006"} & set(found), found


@pytest.mark.parametrize(
    ("sentence", "phrase"),
    [
        ("In 1920, three years after the revolution, the party split.", "1917"),
        ("The museum opened in 1920, three years after the storm.", "1917"),
        ("The museum opened in 1920 and its wing three years after the storm.", None),
        ("She won in 1920, with her book set three years after the war ended.", None),
    ],
)
def test_a_count_about_a_phrase_counts_back_from_the_date_beside_it(
    sentence: str, phrase: str | None
) -> None:
    """'In 1920, three years after the revolution': the phrase's own time is the count
    back from the date the count stands beside; from a date of another clause ('in
    1920, with her book set three years after ...') it is nothing."""
    doc = parse(f"Quay notes\n\n{sentence}\n")
    found = sorted(e.date.iso() for e in doc.events if e.date.iso() != "1920")
    assert found == ([phrase] if phrase else [])
