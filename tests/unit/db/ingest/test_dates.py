"""Dates as stated: full, month-year, year, month-day, relative, and impossible ones."""

from __future__ import annotations

import pytest

from db.ingest.dates import find_dates, find_relatives, shift
from db.records import PartialDate
from tests.unit.db.ingest.helpers import events_on, parse


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("It happened on June 16, 2001 in town.", "2001-06-16"),
        ("It happened on 16 June 2001 in town.", "2001-06-16"),
        ("It happened on 2001-06-16 in town.", "2001-06-16"),
        ("It happened on Sept. 3, 1999 in town.", "1999-09-03"),
        ("It happened in March 1999 in town.", "1999-03"),
        ("The union applied for membership in 1954.", "1954"),
        ("In 1956, the peninsula was transferred.", "1956"),
        ("They met on September 11 at noon.", "--09-11"),
        ("They met on February 29 at noon.", "--02-29"),
        ("They met on September. 9 at noon.", "--09-09"),  # the longest lead before a digit
        ("They met on Sept. 9 at noon.", "--09-09"),
        ("The town was renamed around 1739 by its owners.", "1739"),
        ("Circa 1200 the abbey was built.", "1200"),
    ],
)
def test_date_forms(text: str, iso: str) -> None:
    """Each stated form yields one date at the precision stated."""
    hits = find_dates(text).hits
    assert [h.date.iso() for h in hits] == [iso]
    assert text[hits[0].start : hits[0].end].strip()


@pytest.mark.parametrize(
    "text",
    [
        "In the 1920s and 1930s, land changed hands.",
        "They counted 1500 people in 2000 cases.",
        "The September 11 attacks changed everything.",
        "Fines rose by 2000 percent.",
        "Around 2000 people came to the quay.",
    ],
)
def test_not_dates(text: str) -> None:
    """Decades, counts and named days without 'on' are not dates."""
    assert find_dates(text).hits == []


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The mayor spoke June 11 at the hall.", ["--06-11"]),
        ("The mayor spoke Sept. 3, after the vote.", ["--09-03"]),
        ("The mayor spoke March 3.", ["--03-03"]),
        ("The September 11 attacks changed everything.", []),  # a noun follows: a name
        ("The July 4 parade was cancelled.", []),
        ("The fair ran June 11-14 that year.", []),
    ],
)
def test_month_days_without_on_are_kept_apart(text: str, found: list[str]) -> None:
    """A month-day stated without "on" is no date by itself ("because of September 11"
    names a day); it is kept apart for a year entry to date (see the events tests)."""
    scan = find_dates(text)
    assert scan.hits == []
    assert [h.date.iso() for h in scan.bare] == found


@pytest.mark.parametrize(
    "text", ["It was February 30, 2001.", "Due March 3, 99999.", "It was 2001-02-30."]
)
def test_impossible_dates_rejected(text: str) -> None:
    """An impossible date is rejected, not raised."""
    scan = find_dates(text)
    assert scan.hits == []
    assert len(scan.rejected) == 1


def test_impossible_date_warns_with_line() -> None:
    """parse_document turns an impossible date into a warning naming its line."""
    doc = parse("Title here\n\nThe vote was on February 30, 2001 in Oslo.")
    assert doc.events == []
    assert doc.warnings == ["impossible date 'February 30, 2001' at line 3"]


ANCHOR = PartialDate(2001, 6, 16, "day")


@pytest.mark.parametrize(
    ("phrase", "iso"),
    [
        ("The day after, they left.", "2001-06-17"),
        ("The day before, they left.", "2001-06-15"),
        ("Two days before, they left.", "2001-06-14"),
        ("Two years earlier, they left.", "1999"),
        ("One year later, they left.", "2002"),
        ("Three months later, they left.", "2001-09"),
        ("A week later, they left.", "2001-06-23"),
        ("The next day they left.", "2001-06-17"),
    ],
)
def test_relative_dates(phrase: str, iso: str) -> None:
    """A relative date moves the anchor at the precision its unit allows."""
    (hit,) = find_relatives(phrase)
    moved = shift(ANCHOR, hit.delta, hit.unit)
    assert moved is not None
    assert moved.iso() == iso


@pytest.mark.parametrize(
    ("anchor", "phrase"),
    [
        (PartialDate(None, 9, 11, "month-day"), "Two years earlier, they left."),
        (PartialDate(2001, None, None, "year"), "The day after, they left."),
        (None, "One year later, they left."),
    ],
)
def test_relative_needs_known_anchor(anchor: PartialDate | None, phrase: str) -> None:
    """Nothing is resolved against what the anchor does not know."""
    (hit,) = find_relatives(phrase)
    assert shift(anchor, hit.delta, hit.unit) is None


@pytest.mark.parametrize(
    "phrase",
    [
        "The council said next year's repairs would cost more.",
        "She missed last year's regatta with a broken wrist.",
        "Tickets for this month’s concerts sold out.",
        "Last week's storm is still on everyone's mind.",
    ],
)
def test_a_possessive_calendar_phrase_dates_nothing(phrase: str) -> None:
    """'next year's repairs' names a thing, not when the sentence happened."""
    assert find_relatives(phrase) == []


def test_a_calendar_phrase_still_dates_its_sentence() -> None:
    """Without the possessive the phrase is the sentence's time: 'next year' is one on."""
    (hit,) = find_relatives("The repairs will start next year, the council said.")
    moved = shift(ANCHOR, hit.delta, hit.unit)
    assert moved is not None
    assert moved.iso() == "2002"


def test_vague_relative_gives_nothing() -> None:
    """'Months later' is not a usable date."""
    assert find_relatives("Months later, they came back. Years later, too.") == []


@pytest.mark.parametrize(
    ("sentence", "iso", "title_start"),
    [
        ("Two days before the invasion began, Novak called Smith.", "1999-03-05", "The invasion"),
        ("The day after the storm hit the coast, Novak called Smith.", "1999-03-02", "The storm"),
        ("The day before, Novak had warned the council.", "1999-03-02", "Novak had warned"),
    ],
)
def test_relative_dates_in_timeline(sentence: str, iso: str, title_start: str) -> None:
    """'N days before X' dates X after the section; 'The day before,' dates its clause."""
    doc = parse(f"March 3, 1999: Smith meets Novak\n{sentence}\n")
    (event,) = events_on(doc, iso)
    assert event.title.startswith(title_start)
    assert events_on(doc, "1999-03-03")[0].title == "Smith meets Novak"


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Filed 25/12/2019 in Leeds.", "2019-12-25"),  # 25 is no month: day first
        ("Filed 12/25/2019 in Reno.", "2019-12-25"),  # 25 is no month: month first
        ("Filed 7/7/2019 in Reno.", "2019-07-07"),  # either way the same day
        ("Filed 3/4/2017, heard 14/5/2017.", "2017-04-03"),  # the text's other numeric date
        ("Filed 3/4/2017, heard 5/14/2017.", "2017-03-04"),
        ("Filed 3/4/2017, heard on 5 May 2017.", "2017-04-03"),  # its dates written out
        ("Filed 3/4/2017, heard on May 5, 2017.", "2017-03-04"),
        ("Filed in Austin, TX on 3/4/2017.", "2017-03-04"),  # a US place: US usage
    ],
)
def test_numeric_dates_follow_the_texts_convention(text: str, iso: str) -> None:
    """A numeric date is read one way only when a part is above 12, else as the text
    writes its other dates, else by a US place; the first hit is the numeric one."""
    assert find_dates(text).hits[0].date.iso() == iso


@pytest.mark.parametrize("text", ["Filed 3/4/2017 in Leeds.", "Filed in Paris, FR 3/4/2017."])
def test_numeric_dates_nothing_decides_stay_undated(text: str) -> None:
    """Nothing in the text says which part is the month: no date, and a warning."""
    scan = find_dates(text)
    assert scan.hits == []
    assert [unread for _, unread in scan.ambiguous] == ["3/4/2017"]
    doc = parse(f"Court notes\n\n{text}\n")
    assert doc.events == []
    assert any("3/4/2017" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "text", ["Filed 3/4/17 in Leeds.", "Filed 13/13/2017.", "Odds 1/2/3000/4."]
)
def test_numeric_dates_that_are_none(text: str) -> None:
    """Two-digit years are never read as years; no month 13; no longer number runs."""
    assert find_dates(text).hits == []


def test_a_transcript_dated_by_a_numeric_heading() -> None:
    """A briefing headed 'Springfield, IL, 3/9/2018' dates its speakers' turns."""
    doc = parse(
        "Press Briefing by Spokesman Dale Ortiz, Springfield, IL, 3/9/2018\n\n"
        "MR. ORTIZ:  Good afternoon. The governor will travel to the flood zone tomorrow "
        "and meet the families.\n\n"
        "Q    Will he stay overnight?\n\n"
        "MR. ORTIZ:  He will return the same evening.\n"
    )
    assert doc.published == PartialDate(2018, 3, 9, "day")
    assert {(q.speaker, q.date and q.date.iso()) for q in doc.quotes} == {
        ("Dale Ortiz", "2018-03-09")
    }


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("The fleet left on May 4 and sailed in 1905.", ["--05-04", "1905"]),  # two clauses
        ("On May 4 the fleet sailed in 1905.", ["1905-05-04"]),
        ("Their 4 May speeches in 2016 were short.", ["2016-05-04"]),
        ("On May 4, the fleet, built in 1905, sailed.", ["--05-04", "1905"]),
        ("On May 4 Admiral Berg said in 1905 that it sailed.", ["--05-04", "1905"]),
    ],
)
def test_a_month_day_completed_by_the_year_right_after_it(text: str, found: list[str]) -> None:
    """A month-day and an "in YYYY" a few lowercase words later are one day; a comma, a
    conjunction or a name between them keeps them apart."""
    assert [h.date.iso() for h in find_dates(text).hits] == found


@pytest.mark.parametrize("gap", ["\n", " "])
def test_a_month_written_out_with_a_full_stop_ends_its_sentence(gap: str) -> None:
    """'... starting in June.' then '2560 The pyramid ...': the year opens the next
    line or sentence; it is not June's year. An abbreviation's stop ("Dec. 1872") is."""
    text = f"The new year starts in June.{gap}2560 The pyramid is finished."
    assert not [h for h in find_dates(text).hits if h.date.month == 6]
    assert [h.date.iso() for h in find_dates("It opened in Dec. 1872 at last.").hits] == ["1872-12"]
