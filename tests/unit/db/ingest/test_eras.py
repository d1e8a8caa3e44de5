"""Years as texts write them: eras (BC, AD, BCE, CE), and numbers that are no year.

Every stored year is written in the text: a time of day, a count or a short number
after a month-day never becomes one.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from bot.answers.formatting import human_date, years_ago
from db import schema
from db.ingest import parse_source
from db.ingest.dates import find_dates
from db.records import PartialDate
from tests.unit.db.ingest.helpers import parse


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Caesar fell on the Ides of March, March 15, 44 BC, in the Senate.", "-0043-03-15"),
        ("The city was founded in 753 B.C. by two brothers.", "-0752"),
        ("A temple stood there by 500 BCE at the latest.", "-0499"),
        ("The town was burned in 1 BC, the year before the census.", "0000"),
        ("The mountain erupted in AD 79 and buried the town.", "0079"),
        ("It erupted on 24 August 79 AD, at midday.", "0079-08-24"),
        ("The last emperor was deposed in 476 CE by a general.", "0476"),
        ("The treaty was signed in March 1648 after long talks.", "1648-03"),
        # small capitals, as books set an era, copied into text in lower case
        ("The city was founded in 753 bc by two brothers.", "-0752"),
        ("A temple stood there by 356 b.c.e. at the latest.", "-0355"),
        ("2,500 bc Bronze tools reach the valley.", "-2499"),
        # a table's cells flattened: the mark before Christ glued to the entry's words
        ("3500 BCECultivation of maize begins.", "-3499"),
        ("Aug 11, 3114 BCEBeginning of the calendar's cycle.", "-3113-08-11"),
        ("500 CEOs met in the hall.", None),  # no mark: a count of chief executives
    ],
)
def test_era_years(text: str, iso: str | None) -> None:
    """A year with an era is read at any length; its ISO form counts astronomically
    (1 BC is 0000, 44 BC is -0043), as the JSON contract asks, and reads back the same."""
    hits = find_dates(text).hits
    if iso is None:
        assert [h.date.year for h in hits if h.date.year is not None and h.date.year < 1000] == []
        return
    assert [h.date.iso() for h in hits] == [iso]
    assert [PartialDate.from_iso(iso)] == [h.date for h in hits]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("Caesar fell on the Ides of March, 44 BC, in the Senate.", "-0043-03-15"),
        ("The senate met on the Ides of January, 44 BC, at dawn.", "-0043-01-13"),
        ("The senate met on the Nones of December, 63 BC, at dawn.", "-0062-12-05"),
        ("The games opened on the Kalends of January, 45 BC, in Rome.", "-0044-01-01"),
    ],
)
def test_the_roman_calendars_named_days(text: str, iso: str) -> None:
    """The Ides (the 15th of March, May, July and October, the 13th of the others), the
    Nones (eight days before) and the Kalends (the first) of a month are days of it."""
    assert [e.date.iso() for e in parse(f"Rome\n\n{text}\n").events] == [iso]


@pytest.mark.parametrize(
    "text",
    [
        "On July 16 9:32 a.m. the engines lit.",  # a time: the month-day alone is dated
        "By March 3, 250 people had signed the letter.",
        "The deal was worth 40 million from 2001 to 2008 in total.",
        "They sat in room 476 the whole afternoon.",
        "The chief executive in 2001 CEO terms was paid well.",
    ],
)
def test_no_invented_years(text: str) -> None:
    """Times, counts, room numbers and ranges yield no year that the text does not state."""
    for hit in find_dates(text).hits:
        assert hit.date.year is None or str(abs(hit.date.year)) in text
        assert hit.date.year is None or abs(hit.date.year) >= 1000


def test_time_of_day_is_no_year_in_a_timeline() -> None:
    """A time line under a dated heading never stores year 9 (the bug this replaces)."""
    doc = parse(
        "July 16, 1969: Launch day\nThe crew boarded early.\n\n"
        "On July 16 9:32 a.m. the engines lit and the rocket rose.\n"
    )
    assert all(e.date.year == 1969 or e.date.year is None for e in doc.events)


def test_bc_dates_print_and_count_back_across_year_zero() -> None:
    """44 BC prints as such and is 2,069 years before 2026 (there is no year zero)."""
    ides = PartialDate(-44, 3, 15, "day")
    assert human_date(ides) == "March 15, 44 BC"
    assert years_ago(-44, date(2026, 3, 15)) == "2,069 years ago"
    assert years_ago(-1, date(1, 1, 1)) == "1 year ago"
    assert PartialDate.from_iso(ides.iso()) == ides
    assert ides.sort_key() < PartialDate(-44, 12, 1, "day").sort_key()
    assert PartialDate(-45, 12, 31, "day").sort_key() < ides.sort_key()


def test_ranges_are_not_events_at_their_start() -> None:
    """'from 2001 to 2008' is a span: no event dated 2001 comes of it."""
    doc = parse("The museum was closed from 2001 to 2008 for repairs.\n")
    assert [e.date.iso() for e in doc.events] == []


MISSION = """Mission log

Wednesday, July 16, 1969
The crew woke early and ate breakfast.

9:32 a.m. EDT: Liftoff from the launch pad.

Sunday, July 20
4:17 p.m. EDT: The lander touches down. "We are down safely," Nora Quist reported.

1961
May 25 - The council asks for a landing within the decade.
September: The new centre is announced.
1963 - 1965: The pads are built.

44 BC
March 15: The dictator is killed in the Senate.
"""


def test_timeline_heading_forms() -> None:
    """Weekday lines, bare date lines, time lines, a year line over month-day and month
    lines, BC years: each entry dated at the precision stated; a range dates nothing."""
    doc = parse(MISSION)
    found = [(e.date.iso(), e.title) for e in doc.events]
    assert found == [
        ("1969-07-16", "The crew woke early and ate breakfast."),
        ("1969-07-16", "Liftoff from the launch pad."),
        ("1969-07-20", 'The lander touches down. "We are down safely," Nora Quist reported.'),
        ("1961-05-25", "The council asks for a landing within the decade."),
        ("1961-09", "The new centre is announced."),
        ("-0043-03-15", "The dictator is killed in the Senate."),
    ]
    quote = doc.quotes[0]
    assert (quote.speaker, quote.date and quote.date.iso()) == ("Nora Quist", "1969-07-20")


def test_news_dates_count_from_the_document_date() -> None:
    """A bare date under the headline is the document's date, not an event; weekdays and
    year-less month-days are the latest ones on or before it, within its year."""
    doc = parse(
        "Harbour reopens after storm\n\nMarch 3, 2015\n\n"
        "The harbour reopened on Tuesday after the storm on February 28. "
        "It had flooded on December 28. "
        '"We are back," said Erik Solberg on Monday.\n'
    )
    assert doc.published == PartialDate(2015, 3, 3, "day")
    # December 28 before a March paper is in a year the text never writes: left without one.
    assert sorted(e.date.iso() for e in doc.events) == [
        "--12-28", "2015-02-28", "2015-03-02", "2015-03-03",
    ]  # fmt: skip
    assert doc.quotes[0].date == PartialDate(2015, 3, 2, "day")


def test_run_on_entries_and_refined_years() -> None:
    """'; 1904 - ...' entries in one paragraph, and year lines refined by their words."""
    doc = parse(
        "Company history\n\n"
        "1872 - The founder opened a shop in the harbour town; 1904 - sent a million "
        "leaflets to farmers; December 2000 - the company closed for good\n\n"
        "1955: On Dec. 1, a strike closed the docks.\n"
        "1961: In May, riders crossed the state line.\n"
        "1777 - September 11: A battle was fought near town.\n"
        "1845 October 11 - The first match was played.\n"
        "1850 April - The club was founded.\n"
    )
    found = {(e.date.iso(), e.title) for e in doc.events}
    assert ("1904", "Sent a million leaflets to farmers") in found
    assert ("2000-12", "The company closed for good") in found
    assert {e.date.iso() for e in doc.events} >= {
        "1872", "1955-12-01", "1961-05", "1777-09-11", "1845-10-11", "1850-04",
    }  # fmt: skip
    assert "1955" not in {e.date.iso() for e in doc.events}  # the entry's day, not its year
    # One event for the entry, not a second, year-less copy on every Dec. 1.
    assert [e.date.iso() for e in doc.events if e.date.month == 12 and e.date.day == 1] == [
        "1955-12-01"
    ]


@pytest.mark.parametrize(
    "top",
    [
        "PITTSBURGH, July 11, 2011 /Newswire/ -- The union said it was angry.",
        "Melanie May | 11 July 2011 | News",
        "July 11, 2011 07:18 pm | Updated 07:18 pm IST - PITTSBURGH",
        "Chicago (AFP) July 11, 2011 The union said it was angry.",
        "Mon Jul 11, 2011 7:51pm EDT",
    ],
)
def test_document_dates_as_pages_stamp_them(top: str) -> None:
    """Datelines, bylines with a date and time stamps date the document, and a quote that
    states no time of its own takes that date; the stamp line itself is no event."""
    doc = parse(f'Union angry at closure\n\n{top}\n\n"We are angry," said Leo Gerard.\n')
    assert doc.published == PartialDate(2011, 7, 11, "day")
    assert doc.quotes[0].date == PartialDate(2011, 7, 11, "day")
    assert [e for e in doc.events if "Updated" in e.title or "|" in e.title] == []


@pytest.mark.parametrize("stamp", ["Mon Jul 11, 2011 7:51pm EDT", "Mon. July 11, 2011 | 9:51 am"])
def test_a_stamp_with_a_short_weekday_is_no_event(stamp: str) -> None:
    """A wire stamp that shortens its weekday ("Mon", "Mon.") dates the page and is no
    event; the page's "on Sunday" is the day before."""
    doc = parse(f"Union angry at closure\n\n{stamp}\n\nThe union voted on Sunday to strike.\n")
    assert doc.published == PartialDate(2011, 7, 11, "day")
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("2011-07-10", "The union voted on Sunday to strike.")
    ]


def test_year_bullets_date_the_items_below_them() -> None:
    """'- 1832' over undated '- ...' items dates each item; 'in May of 2008' is a month."""
    doc = parse(
        "Town timeline\n\n"
        "- 1832\n"
        "- The town becomes a city and elects a mayor.\n"
        "- A new bridge opens over the river.\n"
        "- 1837 - A board of trade is formed.\n\n"
        "The river flooded the lower town in May of 2008 after a wet spring.\n"
    )
    found = sorted((e.date.iso(), e.title) for e in doc.events)
    assert found == [
        ("1832", "A new bridge opens over the river."),
        ("1832", "The town becomes a city and elects a mayor."),
        ("1837", "A board of trade is formed."),
        ("2008-05", "The river flooded the lower town in May of 2008 after a wet spring."),
    ]


def test_every_entry_of_a_long_run_on_paragraph() -> None:
    """Ten '; YEAR - ...' entries, some after two spaces, are ten events with their own
    words; an aside that only bounds a date ("(until 1990)") is no event."""
    years = range(1850, 1950, 10)
    entries = ";  ".join(
        f"{year} - the mill {word} again"
        for year, word in zip(
            years,
            "opened closed burned rebuilt grew shrank sold bought flooded reopened".split(),
            strict=True,
        )
    )
    doc = parse(f"Mill history\n\n{entries}; 1951 - listed by the county (until 1990)\n")
    found = {(e.date.iso(), e.title) for e in doc.events}
    assert ("1940", "The mill reopened again") in found
    assert {e.date.iso() for e in doc.events} == {str(y) for y in [*years, 1951]}
    assert all("Until" not in e.title for e in doc.events)


def test_run_on_entries_of_years_with_no_separator() -> None:
    """'... . 1878 Quay leased to the port board. 1914 Quay closed by the army. ...': a
    chronology run on with no separator between a year and its words is cut at each
    year that opens a sentence, where three or more do so and run forward; prose whose
    sentences open so, out of order, stays one paragraph."""
    doc = parse(
        "Harbour chronology\n\nThe harbour has a long past, told here by its years in "
        "brief. 1878 Quay leased to the port board by the town. 1914 Quay closed by the "
        "army for the war. 1923 Under a new law the town takes the quay back. 1931 First "
        "strike of the dockers.\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1878", "Quay leased to the port board by the town."),
        ("1914", "Quay closed by the army for the war."),
        ("1923", "Under a new law the town takes the quay back."),
        ("1931", "First strike of the dockers."),
    ]
    prose = parse(
        "Harbour notes\n\nThe harbour has a long past, which this page tells in brief for "
        "its readers. 1931 Strike is the word the dockers still use. 1878 Leases are kept "
        "at the hall. 1914 Guards stood at the gate, the old hands say.\n"
    )
    assert [e.heading for e in prose.events] == []


def test_a_store_of_historical_iso_years_is_migrated(tmp_path: Path) -> None:
    """Dates a store wrote as -0044-03-15 (historical) read back as 44 BC after migration 5."""
    conn = sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None)
    try:
        schema.configure(conn)
        schema.migrate(conn, schema.CONTENT_SCHEMA, upto=4)
        conn.execute(
            "INSERT INTO documents (id, path, title, sha256, bytes, ingested_at)"
            " VALUES (1, 'a.txt', 'A', 'x', 1, '2026-01-01')"
        )
        for event_id, iso, precision, year in [
            (1, "-0044-03-15", "day", -44),
            (2, "-0001", "year", -1),
            (3, "1969-07", "month", 1969),
        ]:
            conn.execute(
                "INSERT INTO events (id, document_id, date, precision, year, sort_key, title,"
                " summary, span_start, span_end) VALUES (?, 1, ?, ?, ?, 0, 't', 's', 0, 1)",
                (event_id, iso, precision, year),
            )
        schema.migrate(conn, schema.CONTENT_SCHEMA)
        stored = [str(r[0]) for r in conn.execute("SELECT date FROM events ORDER BY id")]
        assert stored == ["-0043-03-15", "0000", "1969-07"]
        assert [PartialDate.from_iso(d).year for d in stored] == [-44, -1, 1969]
    finally:
        conn.close()


def test_a_date_line_below_a_long_page_head_is_the_documents_own() -> None:
    """A bare date line past a site name and press contacts still dates the document:
    it heads no entry, makes no event, and its weekday words count from it."""
    doc = parse(
        "Press Releases\n\nAnna Field\nHarbour Office, Leeds\n0113-555-0199\n"
        "anna.field@example.org\n\nOmar Diaz\nCity Council\n0113-555-0123\n"
        "omar.diaz@example.org\nOctober 9, 2019\n\nNOTICE : 19-042\n\n"
        "LEEDS -- Following Wednesday's opening of the new bridge, the mayor thanked "
        "the builders.\n"
    )
    assert doc.published == PartialDate(2019, 10, 9, "day")
    assert [(e.date.iso(), e.title[:8]) for e in doc.events] == [("2019-10-09", "LEEDS --")]


def test_a_dated_update_stamp_is_no_entry() -> None:
    """'05.03.2018 - Update : 05.03.2018' stamps the page: no event, the document's date."""
    doc = parse(
        "Ferry strike ends\n\n05.03.2018 - Update : 05.03.2018\n\n"
        "BERGEN\n\nSpeaking to reporters on Monday, union leader Kari Holm said the "
        "strike was over.\n"
    )
    assert doc.published == PartialDate(2018, 3, 5, "day")
    assert [(e.date.iso(), e.title[:8]) for e in doc.events] == [("2018-03-05", "Speaking")]


@pytest.mark.parametrize("mark", ["c", "c.", "c. ", "circa ", "ca. "])
def test_circa_year_lines_head_entries(mark: str) -> None:
    """'c640 AD.', 'c.640 AD', 'circa 640 AD': a year line however circa is written,
    and a quote under it takes its year."""
    doc = parse(
        f"Early abbots\n\n{mark}640 AD.\n\n"
        'Abbot Colman founds a school, which he calls a "house of all learning".\n\n'
        "655 AD.\n\nThe school burns.\n"
    )
    assert [(e.date.year, e.title[:12]) for e in doc.events] == [
        (640, "Abbot Colman"),
        (655, "The school b"),
    ]
    assert doc.quotes[0].date == PartialDate(640, None, None, "year")


@pytest.mark.parametrize(
    ("field", "name"),
    [("| Founded | February 28, 1998 |\n|---|---|", "mill.md"), ("Opened: 3 May 1911", "mill.txt")],
)
def test_a_labelled_field_is_no_stamp(field: str, name: str) -> None:
    """An infobox's row "Founded | February 28, 1998" is a fact, not the page's own date:
    the undated quote below it stays undated."""
    text = f'Kettle Mill\n\n{field}\n\n"We grind every Tuesday," said Ada Voss.\n'
    doc = parse_source(text, name)
    assert doc.published is None
    assert [q.date for q in doc.quotes] == [None]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("The legions landed in AD43 and marched inland.", "0043"),
        ("The fort was burned c.AD60 by the rebels.", "0060"),
        ("A wall was raised in A.D.122 across the north.", "0122"),
    ],
)
def test_an_era_glued_before_its_year(text: str, iso: str) -> None:
    """Many chronologies write the era straight onto the year ("AD43", "c.AD60")."""
    assert [h.date.iso() for h in find_dates(text).hits] == [iso]


@pytest.mark.parametrize(
    ("line", "iso", "words"),
    [
        ("AD43 - The legions crossed the sea to the island.", "0043", "legions crossed"),
        ("c.AD60 The town was burned in the revolt.", "0060", "town was burned"),
        ("Circa 1200 - The stone church was rebuilt.", "1200", "stone church"),
        ("Ca. 1350: The plague reached the valley.", "1350", "plague reached"),
    ],
)
def test_an_era_or_circa_heading_a_chronology_row(line: str, iso: str, words: str) -> None:
    """A row opened by a glued era or a capitalised circa is dated at its year."""
    text = f"Chronology of the valley\n\n55 BC - Traders came up the river.\n{line}\n"
    found = [e for e in parse(text).events if e.date.iso() == iso]
    assert len(found) == 1
    assert words in found[0].title + found[0].summary


def test_items_that_close_with_their_era_date_are_no_links() -> None:
    """'- Harbour walls rise (c. 350 A.D.)': short capitalised items with no full stop
    read as a list of links, but one that closes with its date and era is an entry."""
    doc = parse(
        "Harbour timeline\n\n"
        "- Harbour walls rise (c. 350 A.D.)\n- The harbour silts up (410 A.D.)\n"
    )
    assert sorted((e.date.iso(), e.title) for e in doc.events) == [
        ("0350", "Harbour walls rise (c. 350 A.D.)"),
        ("0410", "The harbour silts up (410 A.D.)"),
    ]


def test_an_item_restating_its_headings_year_is_its_event() -> None:
    """'300 B.C.' over '- The first walls rise (c. 300 B.C.)': the item tells what
    happened in the heading's year, though it states that year again."""
    doc = parse(
        "Harbour timeline\n\n300 B.C.\n- the first walls rise on the hill (c. 300 B.C.)\n"
        "100 B.C.\n- the harbour is cut from the rock (c. 120 B.C.)\n"
    )
    found = sorted((e.date.iso(), e.title) for e in doc.events)
    assert ("-0299", "the first walls rise on the hill (c. 300 B.C.)") in found, found


def test_a_date_closing_an_item_dates_it_after_a_name() -> None:
    """'- The legion conquers Kush (c. 360 A.D.)': brackets that end a list item date
    it, though a name stands before them; mid-line after a name they may be a life's
    date ('- A bust of Ann Lee (c. 350 A.D.) stands ...') and date nothing."""
    doc = parse(
        "Harbour timeline\n\n- A bust of Ann Lee (c. 350 A.D.) stands by the door.\n"
        "- the legion conquers Kush (c. 360 A.D.)\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("0360", "the legion conquers Kush (c. 360 A.D.)")
    ]


def test_circa_as_a_capital_c_and_a_space_heads_an_entry() -> None:
    """'C 7,000 BC' over its entry's line: circa written as a capital C and a space, as
    a chronology's page sets it, heads the entry below like 'c. 7000 BC'."""
    doc = parse(
        "The Chronology of the Valley\n\nC 7,000 BC\n\nFirst hunters camp by the river.\n\n"
        "C 3,500 BC\n\nFarmers clear the lower fields.\n\nC 650 BC\n\nA hill fort is built.\n"
    )
    told = [(e.date.iso(), f"{e.title} {e.summary}") for e in doc.events]
    assert [date for date, _ in told] == ["-6999", "-3499", "-0649"]
    entries = ["First hunters", "Farmers clear", "hill fort"]
    assert all(entry in words for (_, words), entry in zip(told, entries, strict=True)), told
