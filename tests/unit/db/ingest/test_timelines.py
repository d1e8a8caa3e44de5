"""Timelines in the shapes pages lose them in: run into one paragraph, dated by a stamp."""

from __future__ import annotations

from tests.unit.db.ingest.helpers import events_on, parse


def test_a_timeline_run_into_one_paragraph() -> None:
    """`Month Day:` heads after sentences (and `Year Month Day:` anywhere) inside one
    paragraph are entries, each dated as on a line of its own, the year carried on."""
    doc = parse(
        "Harbour history\n\n"
        "A short history of the harbour town and its quays. 1901 March 3: The first quay "
        "was built by the town. April 9: A storm broke the new quay. June 1: Repairs were "
        "finished before the summer. Photo credit 1902 May 5: The lighthouse opened.\n"
    )
    assert [(e.date.iso(), e.summary.split()[1]) for e in doc.events] == [
        ("1901-03-03", "first"),
        ("1901-04-09", "storm"),
        ("1901-06-01", "were"),
        ("1902-05-05", "lighthouse"),
    ]


def test_a_month_day_and_colon_in_prose_is_no_entry() -> None:
    """One or two `March 3:` inside prose cut nothing: a run-on timeline has more."""
    doc = parse(
        "The harbour board met in 1901 to plan the quay. The order of business was short. "
        "March 3: the vote. April 9: the building starts. Nobody objected to either date.\n"
    )
    assert events_on(doc, "1901-03-03") == []


def test_a_post_date_over_an_old_timeline_is_the_page_date() -> None:
    """A bare date at the top, years after every entry below it, dates the page (it
    anchors, it is no event); a heading near its entries still heads them."""
    doc = parse(
        "May 4, 2019\n\nHarbour timeline\n\n1901: The first quay was built.\n\n"
        "1902: A storm broke the quay.\n\n1905: The lighthouse opened.\n"
    )
    assert doc.published is not None
    assert doc.published.iso() == "2019-05-04"
    assert [e.date.iso() for e in doc.events] == ["1901", "1902", "1905"]
    heading = parse(
        "July 16, 1969\n\nThe launch went well.\n\nJuly 20, 1969\n\nThe landing.\n\n"
        "July 24, 1969\n\nThe splashdown.\n"
    )
    assert [e.date.iso() for e in heading.events] == ["1969-07-16", "1969-07-20", "1969-07-24"]


STORM_DAY = (
    "Harbour storm: how the day unfolded\n"
    "Last updated: Tuesday, 7 March 2023, 18:00 GMT\n\n"
    "Sunday 5 March\n\n"
    "The storm reached the harbour before dawn and closed the quay.\n"
)


def test_a_year_less_day_heading_takes_the_page_year() -> None:
    """`Sunday 5 March` over a news page's entries is the latest 5 March on or before the
    page's date, when that date's year is the only one the page states."""
    doc = parse(STORM_DAY)
    assert [e.date.iso() for e in doc.events] == ["2023-03-05"]


def test_a_page_stating_other_years_leaves_the_heading_year_less() -> None:
    """An anniversary page states the year it remembers: the stamp's year is not the
    heading's, and the text does not say which year is, so it stays unknown."""
    doc = parse(STORM_DAY + "\nIt was the worst storm since 1987.\n")
    assert "--03-05" in [e.date.iso() for e in doc.events]
    assert "2023-03-05" not in [e.date.iso() for e in doc.events]


def test_twenty_four_hour_time_lines_under_a_day() -> None:
    """`0100 GMT (0800):` lines under a day heading are entries of that day, a year-less
    one's too; four digits with no zone after them are never read as a time."""
    doc = parse(
        "Harbour storm log\n\n"
        "Sunday 5 March\n\n"
        "0100 GMT (0800): The first waves reach the outer quay\n\n"
        "0430 GMT: The harbour master closes the inner quay\n\n"
        "1110 hrs (12:10 local): Boats are moved to the river\n"
    )
    assert [(e.date.iso(), e.title.split()[1]) for e in doc.events] == [
        ("--03-05", "first"),
        ("--03-05", "harbour"),
        ("--03-05", "are"),
    ]
    assert all(e.date.year is None for e in doc.events)


def test_dates_run_into_their_entries() -> None:
    """Lines opening with a full date and straight on with a capitalised sentence, no
    separator (a table's rows saved as text, hard-wrapped), head entries where several
    do; each entry holds the lines wrapped under it."""
    doc = parse(
        "Harbour dates\n"
        "3 March 1901 The first quay was built by the\n"
        "Harbour Board with stone from the hill. |\n"
        "12 April 1903 A storm broke the quay and\n"
        "Lighthouse Point. |\n"
        "5 May 1905 The lighthouse reopened. |\n"
    )
    found = [(e.date.iso(), e.heading, f"{e.title} {e.summary}") for e in doc.events]
    assert [(date, heading) for date, heading, _ in found] == [
        ("1901-03-03", True),
        ("1903-04-12", True),
        ("1905-05-05", True),
    ]
    assert "Harbour Board" in found[0][2]
    assert "Lighthouse Point" in found[1][2]


def test_one_paragraph_opening_with_a_date_is_prose() -> None:
    """A single paragraph that opens with a date and a sentence heads nothing."""
    doc = parse("Harbour news\n\n3 March 1901 The first quay was built by the town.\n")
    assert [(e.date.iso(), e.heading) for e in doc.events] == [("1901-03-03", False)]


def test_bare_date_lines_head_entries_from_the_first() -> None:
    """A bare date line at the top heads its entry when another bare date line below
    heads words too; alone at the top (with a letter's date at the bottom) it is the
    page's own date."""
    doc = parse(
        "Harbour diary\n\nJune 16, 2001\n\nThe quay opened.\n\nJune 20, 2001\n\nA storm hit.\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("2001-06-16", "The quay opened."),
        ("2001-06-20", "A storm hit."),
    ]
    letter = parse(
        "Harbour news\n\nJune 16, 2001\n\nThe quay is open again after the repairs.\n\n"
        "Anna Voss, harbour master\n\nJune 20, 2001\n"
    )
    assert letter.published is not None
    assert letter.published.iso() == "2001-06-16"
    assert "2001-06-16" not in [e.date.iso() for e in letter.events]


def test_a_range_of_days_heads_its_first_day() -> None:
    """`January 10/11:`, `July 16 - 24, 1970:` or `14-15 June 1971`: the entry's
    happening began on the range's first day, as a timeline's reader takes it, in the
    range's year or the entry above's; a number after a day that is no range ("May 1 -
    2 people ...") leaves the day."""
    doc = parse(
        "Storm log\n\n1969\n\n"
        "January 10/11: The storm hit the quay.\n\n"
        "July 16 - 24, 1970: The harbour festival.\n\n"
        "August 30 - September 2: The quay was closed.\n\n"
        "14-15 June 1971\n\nThe first ferry crossed to the island and back.\n\n"
        "May 1 - 2 people were hurt on the pier.\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1969-01-10", "The storm hit the quay."),
        ("1970-07-16", "The harbour festival."),
        ("1970-08-30", "The quay was closed."),
        ("1971-06-14", "The first ferry crossed to the island and back."),
        ("1971-05-01", "2 people were hurt on the pier."),
    ]


def test_a_term_that_opens_on_a_stated_day_heads_that_day() -> None:
    """`June 24, 1960 - September 1960:` or `July 1, 1960 - November 14, 1965:` over an
    office or a war: the entry tells what began that day, and its words start after the
    term's end; a term of years or months (`1908 - 1960:`) dates nothing, and a life's
    two dates alone on their line are no entry."""
    doc = parse(
        "Harbour masters\n\n"
        "Feb 5, 1885 - 1908: The quay is let to a private company.\n"
        "1908 - 1960: The town runs the quay.\n"
        "June 24, 1960 - September 1960: Ann Lee is elected harbour master.\n"
        "July 1, 1960 - November 14, 1965: Tom Reed becomes harbour master.\n"
        "1965, March 3 - 5: The quay is rebuilt.\n"
        "November 24, 1965: The quay is sold.\n\n"
        "18 August 1937 - 30 December 2013\n\nThe old pilot, remembered.\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1885-02-05", "The quay is let to a private company."),
        ("1960-06-24", "Ann Lee is elected harbour master."),
        ("1960-07-01", "Tom Reed becomes harbour master."),
        ("1965-03-03", "The quay is rebuilt."),
        ("1965-11-24", "The quay is sold."),
    ]


def test_a_year_onwards_heads_what_began_then() -> None:
    """`1818 onwards - ...`: the entry tells what began that year; "onwards" is no part
    of its words."""
    doc = parse(
        "Harbour dates\n\n1817 - The quay opened.\n"
        "1818 onwards - Ferries sail to the island every week.\n1820 - A storm hit the quay.\n"
    )
    assert ("1818", "Ferries sail to the island every week.") in [
        (e.date.iso(), e.title) for e in doc.events
    ]


def test_a_column_gap_after_a_date_separates_its_entry() -> None:
    """A table pasted as text: a date, two spaces or more, then a capitalised entry;
    a lower-case word after the gap (justified prose) heads nothing."""
    doc = parse(
        "Harbour dates\n\n"
        "1901     The quay opened.\n"
        "3 March 1903     A storm hit the quay.\n"
        "1905     Repairs were finished.\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1901", "The quay opened."),
        ("1903-03-03", "A storm hit the quay."),
        ("1905", "Repairs were finished."),
    ]
    prose = parse("Harbour history\n\n1901  was the year the quay opened, and it was busy.\n")
    assert [e.heading for e in prose.events] == []


def test_years_run_into_their_entries() -> None:
    """Lines opening with a year and straight on with a capitalised word (a table's tab
    read as one space) head entries where several do; one such line is prose."""
    doc = parse(
        "Harbour dates\n\n1901\tThe quay opened.\n1902\tA storm hit the quay.\n"
        "1905\tRepairs were finished.\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1901", "The quay opened."),
        ("1902", "A storm hit the quay."),
        ("1905", "Repairs were finished."),
    ]
    prose = parse("Harbour history\n\n1984 Olympic sailors trained in the harbour.\n")
    assert [e.heading for e in prose.events] == []


def test_year_less_headings_take_the_only_year_the_text_states() -> None:
    """With no page date, `July 16:` headings under a title that states one year (and a
    text that states no other) are in that year; a second year above them leaves them
    year-less (one below them does not: see test_date_conventions)."""
    doc = parse("The harbour festival of 1969\n\nJuly 16: Boats.\n\nJuly 20: Music.\n")
    assert [e.date.iso() for e in doc.events if e.heading] == ["1969-07-16", "1969-07-20"]
    two = parse("The harbour festivals of 1969 and 1970\n\nJuly 16: Boats.\n\nJuly 20: Music.\n")
    assert [e.date.iso() for e in two.events if e.heading] == ["--07-16", "--07-20"]


def test_a_heading_wrapped_onto_the_next_line_keeps_its_words() -> None:
    """An entry's head line broken mid-sentence (the next line goes on in lower case)
    runs on into that line, as a paragraph's wrapped lines do: the event's title is the
    whole entry, not its first line."""
    doc = parse(
        "Harbour dates\n\n"
        "1901: The first quay was built by the\n"
        "harbour board with stone from the hill.\n\n"
        "1905: The lighthouse opened.\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1901", "The first quay was built by the harbour board with stone from the hill."),
        ("1905", "The lighthouse opened."),
    ]
    headline = parse(
        "Harbour dates\n\n1901: The board says it wants a quay to stand in the harbour with\n"
        "The town council met to vote on it.\n"
    )
    assert [e.title for e in headline.events] == [
        "The board says it wants a quay to stand in the harbour with"
    ]


def test_a_run_on_timeline_with_dashes() -> None:
    """Run-on entries whose heads end with a dash ("February 1 – ...") are cut as those
    ending with a colon are; a dash after a year in prose ("1990 - 1995") cuts nothing."""
    doc = parse(
        "Harbour history\n\n"
        "The quay has a long story. 1901 March 3 \u2013 The first quay was built. "
        "April 9 \u2013 A storm broke it. June 1 \u2013 Repairs were finished. "
        "1902 May 5 \u2013 The lighthouse opened.\n"
    )
    assert [e.date.iso() for e in doc.events] == [
        "1901-03-03",
        "1901-04-09",
        "1901-06-01",
        "1902-05-05",
    ]
    prose = parse(
        "Harbour history\n\nThe quay was busy in the years 1990 - 1995 and quiet in "
        "2001 - 2004, the board says. Then 2005 - 2008 were busy again.\n"
    )
    assert [e.heading for e in prose.events if e.heading] == []


def test_a_part_of_the_year_before_a_heading_year() -> None:
    """`Spring 1901:`, `Mid-1902:`, `Late 1903 -` head entries of their year."""
    doc = parse(
        "Harbour history\n\n"
        "Spring 1901: The quay opened.\n\n"
        "Mid-1902: A storm hit the quay.\n\n"
        "Late 1903 - Repairs were finished.\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1901", "The quay opened."),
        ("1902", "A storm hit the quay."),
        ("1903", "Repairs were finished."),
    ]


def test_dash_items_under_a_dated_entry_go_on_with_its_date() -> None:
    """A wire timeline lists more of one day's happenings as dash items under the day's
    entry: each is an event of that day."""
    doc = parse(
        "TIMELINE - Strike at the docks\n\n"
        "March 3, 1988 - Dockers walk out over pay. The port closes at noon.\n\n"
        "\u2014 The harbour board calls in mediators.\n\n"
        "\u2014 Ferries are diverted to the north quay.\n\n"
        "March 4, 1988 - Talks begin at the town hall.\n"
    )
    titles = [e.title for e in events_on(doc, "1988-03-03")]
    assert any("mediators" in title for title in titles), titles
    assert any("Ferries are diverted" in title for title in titles), titles


def test_an_undated_item_among_dated_items_takes_no_date() -> None:
    """An undated item among items that each open with their own date is their sibling,
    not more of the item above it: its time is unknown."""
    doc = parse(
        "Chronology\n\n"
        "- 1250: The bridge is built.\n"
        "- The guilds are formed.\n"
        "- 1361: The plague returns.\n"
    )
    assert not any("guilds" in e.title for e in events_on(doc, "1250"))


def test_figures_under_a_dated_entry_are_no_events() -> None:
    """Dash items that state nothing (no full stop) under a dated entry are its details."""
    doc = parse(
        "March 3, 1988 - The council sets its budget.\n\n"
        "- Roads: 3 million\n\n"
        "- Schools: 5 million\n\n"
        "March 4, 1988 - The mayor resigns.\n"
    )
    assert not any("Roads" in e.title for e in events_on(doc, "1988-03-03"))


def test_a_run_on_years_head_after_a_word_is_an_entry_where_it_keeps_the_order() -> None:
    """A flattened timeline loses the stop of an entry that had none: its next `Year:`
    head, after a word, still opens an entry where its year lies between its
    neighbours', the first one included."""
    doc = parse(
        "Harbour history\n\n"
        "A short history of the harbour town 1901: The first quay was built. 1903: A storm "
        "broke the quay. 1905: Repairs were finished at the north pier 1907: The lighthouse "
        "opened. 1910: The ferry began to run.\n"
    )
    assert any("lighthouse" in e.title for e in events_on(doc, "1907"))
    assert any("first quay" in e.title for e in events_on(doc, "1901"))


def test_a_run_on_years_head_out_of_order_is_no_entry() -> None:
    """A year after a word that breaks the order of the entries is the sentence's own."""
    doc = parse(
        "Harbour history\n\n"
        "Chronology. 1901: The first quay was built. 1903: A storm broke the quay, the worst "
        "since 1850: it drowned the pier. 1905: Repairs were finished. 1907: The lighthouse "
        "opened.\n"
    )
    assert not any(e.title.lower().startswith("it drowned") for e in events_on(doc, "1850"))


def test_the_same_year_in_an_entry_is_another_event_of_its_year() -> None:
    """'1812: New wards were added. In the same year an asylum opened.': a chronology
    tells a second happening of the entry's year so; it is an event of that year."""
    doc = parse(
        "Hospital history\n\n"
        "1809: The hospital opened its doors.\n"
        "1812: Four new wards were added to the hospital. In the same year an asylum was "
        "opened in the village.\n"
        "1819: The first stethoscope was used on the wards.\n"
    )
    titles = [e.title for e in events_on(doc, "1812")]
    assert any(title.startswith("Four new wards") for title in titles), titles
    assert any(title.startswith("In the same year an asylum") for title in titles), titles


def test_an_entry_opening_with_a_count_is_no_span() -> None:
    """'1965 - 200,000 troops arrive': a count in thousands after the separator opens the
    entry's words; it is no range's end ('1961 - 1963: ...'), so the row keeps its year."""
    doc = parse(
        "Harbour timeline\n\n1964 - The harbour board is formed.\n"
        "1965 - 200,000 people see the new dock.\n1966 - 400,000 tonnes are landed.\n"
        "1967 - The new quay opens.\n"
    )
    assert [(e.date.iso(), e.title.split()[0]) for e in doc.events] == [
        ("1964", "The"),
        ("1965", "200,000"),
        ("1966", "400,000"),
        ("1967", "The"),
    ]


def test_a_run_in_year_row_may_open_with_an_acronym() -> None:
    """'1946 BRADIO, the first valve set, ...' among '1945 The ...' rows is a row of its
    own, not words of the row above."""
    doc = parse(
        "Radio timeline\n\n1944 The first valve set is sold\n\n1945 The quay station opens\n\n"
        "1946 BRADIO, the pioneering radio set, uses 18,000 vacuum tubes\n\n"
        "1947 The tower falls\n"
    )
    assert [(e.date.iso(), e.title.split()[0]) for e in doc.events] == [
        ("1944", "The"),
        ("1945", "The"),
        ("1946", "BRADIO,"),
        ("1947", "The"),
    ]


def test_dotted_heads_follow_the_order_their_own_days_show() -> None:
    """'11.7.1665' is read day first, as dotted dates mostly are, unless a head of the
    same text can only be month first ('9.25.1690'): then every dotted head is."""
    rows = "11.7.1665\nThe gazette is first printed.\n\n{second}\nThe first weekly appears.\n"
    month_first = parse("Press timeline\n\n" + rows.format(second="9.25.1690"))
    day_first = parse("Press timeline\n\n" + rows.format(second="25.9.1690"))
    assert [e.date.iso() for e in month_first.events] == ["1665-11-07", "1690-09-25"]
    assert [e.date.iso() for e in day_first.events] == ["1665-07-11", "1690-09-25"]


def test_a_day_over_its_month_is_no_year() -> None:
    """'20' over 'April' at a page's top is a post's date badge: no event in year 20."""
    doc = parse(
        "20\nApril\n\nPress timeline\n\n1665\nThe gazette is first printed.\n\n"
        "1690\nThe first weekly appears.\n\n1704\nThe news-letter starts.\n"
    )
    assert [e.date.iso() for e in doc.events] == ["1665", "1690", "1704"]


def test_an_aside_between_a_heads_date_and_its_separator() -> None:
    """'1143 (history of Portugal): ...', 'AD 1000 (approximately): ...': a bracketed
    aside after the date still leaves the line a dated head."""
    doc = parse(
        "Town timeline\n\n1143 (history of the realm): The count becomes king.\n\n"
        "1179 (history of the realm): The pope recognises the kingdom.\n\n"
        "1290: The school is founded.\n\n1308 (approximately) - The school moves.\n"
    )
    assert [(e.date.iso(), e.title.split()[1]) for e in doc.events] == [
        ("1143", "count"),
        ("1179", "pope"),
        ("1290", "school"),
        ("1308", "school"),
    ]
