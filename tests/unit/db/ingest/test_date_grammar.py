"""One grammar for dates as people write them: in entry headings and in prose.

Every text here is invented. Each test crosses date forms with separators, list marks
and sentence templates, so that a form is read wherever it stands, not in one layout.
"""

from __future__ import annotations

import itertools

import pytest

from tests.unit.db.ingest.helpers import parse

# (as written, as stored): every common way of writing the day 3 March 1901.
HEAD_FORMS = [
    ("March 3, 1901", "1901-03-03"),
    ("Mar. 3, 1901", "1901-03-03"),
    ("Mar 3 1901", "1901-03-03"),
    ("Sept. 3, 1901", "1901-09-03"),
    ("Sept 3, 1901", "1901-09-03"),
    ("Jun. 3, 1901", "1901-06-03"),
    ("MARCH 3, 1901", "1901-03-03"),
    ("3 MAR 1901", "1901-03-03"),
    ("3 March 1901", "1901-03-03"),
    ("3rd March 1901", "1901-03-03"),
    ("3rd of March 1901", "1901-03-03"),
    ("the 3rd of March, 1901", "1901-03-03"),
    ("March 3rd, 1901", "1901-03-03"),
    ("3-Mar-1901", "1901-03-03"),
    ("1901, March 3", "1901-03-03"),
    ("1901 March 3", "1901-03-03"),
    ("1901, Mar. 3", "1901-03-03"),
    ("1901 Mar 3", "1901-03-03"),
    ("March 3 (1901)", "1901-03-03"),
    ("1901-03-03", "1901-03-03"),
    ("Sunday, March 3, 1901", "1901-03-03"),
    ("Sun., March 3, 1901", "1901-03-03"),
    ("Sunday 3 March 1901", "1901-03-03"),
    ("SUNDAY, MARCH 3, 1901", "1901-03-03"),
    ("March 1901", "1901-03"),
    ("1901", "1901"),
]
# What parts a heading's date from its entry: the entry may also stand on the next line.
SEPARATORS = [": ", " - ", " \u2013 ", " \u2014 ", ". ", "\t", "   ", " | ", "\n"]
LIST_MARKS = ["", "* ", "\u2022 ", "- ", "1. "]


def _timeline(date: str, separator: str, mark: str) -> str:
    """Three entries in one layout, the middle one headed by the date under test."""
    return (
        "Quay notes\n\nThe quay has a long story, told here in brief.\n\n"
        f"{mark}1899{separator}The old pier was pulled down by the town.\n"
        f"{mark}{date}{separator}The new quay opened to ships from Leith.\n"
        f"{mark}1902{separator}The harbour was dredged for larger boats.\n"
    )


@pytest.mark.parametrize(
    ("written", "iso", "separator", "mark"),
    [
        (written, iso, separator, mark)
        for (written, iso), separator, mark in itertools.product(HEAD_FORMS, SEPARATORS, LIST_MARKS)
        if not (mark.strip() in ("-", "1.") and separator == "\n")
    ],
)
def test_every_heading_form_heads_its_entry(
    written: str, iso: str, separator: str, mark: str
) -> None:
    """Each written form, after any list mark and before any separator, dates its entry."""
    doc = parse(_timeline(written, separator, mark))
    found = [(e.date.iso(), e.title) for e in doc.events]
    assert (iso, "The new quay opened to ships from Leith.") in found, found


@pytest.mark.parametrize("separator", [": ", " - ", "\n"])
def test_a_month_day_heading_takes_the_year_above(separator: str) -> None:
    """'3rd of March:' under a 1901 entry is that year's, as 'March 3:' is."""
    text = (
        "Quay notes\n\n"
        f"1901{separator}The town bought the land.\n"
        f"the 3rd of March{separator}The new quay opened to ships.\n"
        f"June 16 (1902){separator}The harbour was dredged.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert ("1901-03-03", "The new quay opened to ships.") in found, found
    assert ("1902-06-16", "The harbour was dredged.") in found, found


@pytest.mark.parametrize(
    "line",
    [
        "March 1901 - June 1902: The quay was rebuilt.",
        "3 March - 5 April 1901: The quay was rebuilt.",
    ],
)
def test_a_span_heading_is_no_day(line: str) -> None:
    """A heading that opens a span of months, or of days whose year only its end
    states, names no one day or month at its start (a range of days under a stated
    year is dated by its first day: see test_timelines)."""
    text = f"Quay notes\n\n1899: The pier fell.\n{line}\n1903: The tower rose.\n"
    dates = {e.date.iso() for e in parse(text).events}
    assert not dates & {"1901-03", "1901-03-03"}, dates


# (as written in a sentence, as stored): a time in prose at the precision it states.
PROSE_FORMS = [
    ("in 1887", "1887"),
    ("in the year 1887", "1887"),
    ("in mid-1887", "1887"),
    ("in mid 1887", "1887"),
    ("in early 1887", "1887"),
    ("in late 1887", "1887"),
    ("in the summer of 1887", "1887"),
    ("in spring 1887", "1887"),
    ("during winter 1887", "1887"),
    ("in April 1887", "1887-04"),
    ("in mid-April 1887", "1887-04"),
    ("in Sept. 1887", "1887-09"),
    ("in SEPTEMBER 1887", "1887-09"),
    ("in May of 1887", "1887-05"),
    ("on 3 May 1887", "1887-05-03"),
    ("on May 3, 1887", "1887-05-03"),
    ("on MAY 3, 1887", "1887-05-03"),
    ("on the 3rd of May 1887", "1887-05-03"),
    ("on Tuesday, May 3, 1887", "1887-05-03"),
    ("on the night of 3 May 1887", "1887-05-03"),
    ("on the 3rd day of May, 1887", "1887-05-03"),
    ("on the 3d day of May 1887", "1887-05-03"),
    ("on May 3d, 1887", "1887-05-03"),
]
SENTENCES = [
    "{Date} the Kell family sold the mill to a bank.",
    "The Kell family sold the mill to a bank {date}.",
    "After long talks, the Kell family sold the mill to a bank {date}.",
]


@pytest.mark.parametrize(
    ("written", "iso", "sentence"),
    [(w, iso, s) for (w, iso), s in itertools.product(PROSE_FORMS, SENTENCES)],
)
def test_a_time_in_prose_dates_its_sentence(written: str, iso: str, sentence: str) -> None:
    """Each form dates the sentence's event, wherever in the sentence it stands."""
    text = "The mill\n\n" + sentence.format(date=written, Date=written[:1].upper() + written[1:])
    assert iso in [e.date.iso() for e in parse(text).events]


@pytest.mark.parametrize(
    "sentence",
    [
        "The mill employed 1887 workers at its height.",
        "The Kell family sold the mill in the mid-1880s.",
        "The mill stood by the river from 1887 to 1901.",
        "The Kell family sold the mill, and 1887 people came to see.",
        "The Kell family's 1887 workers sold the mill to a bank.",
    ],
)
def test_a_number_or_a_span_in_prose_is_no_year(sentence: str) -> None:
    """A count, a decade and a span's start are no event in a year."""
    assert [e.date.iso() for e in parse("The mill\n\n" + sentence).events] == []


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("In 395 the raiders burned the mill.", "0395"),
        ("In 79, the river flooded the mill.", "0079"),
        ("In 395 cases the mill paid the fine.", None),
        ("The mill burned. In 870 a new one was built.", "0870"),
    ],
)
def test_in_and_a_year_of_two_or_three_digits_opening_a_sentence(
    sentence: str, iso: str | None
) -> None:
    """'In 395 the raiders ...': a year before 1000 after "In" at a sentence's start, a
    comma or an article after it; "In 395 cases" counts."""
    dates = [e.date.iso() for e in parse(f"The mill\n\n{sentence}\n").events]
    assert dates == ([iso] if iso else []), dates


@pytest.mark.parametrize("owner", ["the town's", "Kettleby's", "their"])
def test_a_year_before_a_noun_after_its_owner_dates_it(owner: str) -> None:
    """'the town's 1887 charter', as 'their 1887 charter': the noun was made then."""
    text = f"The mill\n\nThe Kell family drafted {owner} 1887 charter and sold the mill.\n"
    assert [e.date.iso() for e in parse(text).events] == ["1887"]


@pytest.mark.parametrize("year_line", ["1902", "1902:", "- 1902", "* 1902"])
@pytest.mark.parametrize("mark", ["* ", "- ", "\u2022 "])
@pytest.mark.parametrize("dated", ["January 5 \u2013 ", "5 January: ", "Jan. 5 - "])
def test_a_year_lines_list_items_are_its_years(year_line: str, mark: str, dated: str) -> None:
    """Under a year line, a dated item is that day of the year, and the undated items
    (sentences, not link titles) are the year's."""
    text = (
        "Timeline of the quay\n\n"
        f"{year_line}\n"
        f"{mark}{dated}The harbour froze over.\n"
        f"{mark}Spring \u2013 The tower was rebuilt.\n"
        f"{mark}The mayor visited the quay.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert ("1902-01-05", "The harbour froze over.") in found, found
    assert ("1902", "The mayor visited the quay.") in found, found


@pytest.mark.parametrize("heading", ["1906", "1906:", "In 1906"])
@pytest.mark.parametrize(
    ("count", "iso"),
    [("Later that month", "1906-05"), ("The next day", "1906-05-05"), ("That same day", None)],
)
def test_a_count_in_a_year_section_is_from_its_last_day(
    heading: str, count: str, iso: str | None
) -> None:
    """'Later that month' under a year heading counts from the day stated before it
    there, not from the year (which has no month)."""
    text = (
        f"Quay notes\n\n{heading}\n"
        f"The quay reopened. On 4 May the tower fell. {count} it was rebuilt.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    rebuilt = [d for d, t in found if t.startswith("It was rebuilt")]
    if iso is None:  # the day itself: the event of 4 May already tells it
        assert rebuilt in ([], ["1906-05-04"]), found
    else:
        assert rebuilt == [iso], found


def test_the_names_pass_finds_every_month_and_named_days_word() -> None:
    """_NAMES, written by first letter for speed, holds every word it stands for."""
    from db.ingest.dates import _NAMES, NAMED_DAY_WORDS
    from db.ingest.lexicon import MONTHS

    months = [m.capitalize() for m in MONTHS if len(m) > 4 or m == "june" or m == "july"]
    for word in [*months, *NAMED_DAY_WORDS]:
        assert _NAMES.fullmatch(word), word


@pytest.mark.parametrize(
    ("head", "iso"),
    [("1402", "1402"), ("March 1402", "1402-03"), ("3 March 1402", "1402-03-03")],
)
@pytest.mark.parametrize("end", [" |", ""])
def test_a_tables_rows_headed_by_dates_are_entries(head: str, iso: str, end: str) -> None:
    """'1402 | First written record of Lamu |': rows of a table pasted as text, each cell
    parted by a bar, are a timeline's entries, not a bar of links."""
    text = (
        "Coast chronology\n\n"
        f"1331 | The town is named in a traveller's account{end}\n"
        f"{head} | First written record of the island{end}\n"
        f"1415 | The town sent a gift to the emperor{end}\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert (iso, f"First written record of the island{end}") in found or (
        iso,
        "First written record of the island",
    ) in found, found


@pytest.mark.parametrize("bullet", ["\u2013 ", "- ", "\u2022 "])
def test_a_tables_rows_under_a_spanning_year_cell_are_entries(bullet: str) -> None:
    """'1846 | - October 16, 1846: ... |' over '| - December 16, 1846: ... |': a table
    whose year cell spans its rows, pasted as text, leaves each further row's first cell
    empty. A row that opens with a dated item, or holds a sentence, is an entry of the
    table, not a bar of links ("Home | News | Sport")."""
    text = (
        "Quay years\n\n"
        f"1846 | {bullet}October 16, 1846: The quay opened to the ferries. |\n"
        f"| {bullet}December 16, 1846: A storm flooded the lower market. |\n"
        f"| {bullet}The new quay soon drew trade from all along the coast. |\n"
        f"1847 | {bullet}January 23, 1847: The harbour master resigned. |\n"
        f"| {bullet}June 7, 1847: A second pier was opened to traders. |\n"
    )
    doc = parse(text)
    found = {(e.date.iso(), e.title.strip(" |")) for e in doc.events}
    assert ("1846-12-16", "A storm flooded the lower market.") in found, found
    assert ("1847-06-07", "A second pier was opened to traders.") in found, found
    assert "The new quay soon drew trade" in "".join(e.summary for e in doc.events)
    links = parse("Home | News | Sport | Harbour | Contact us\n\nQuay news\n\nThe quay opened.\n")
    assert links.title == "Quay news"


@pytest.mark.parametrize("cell", ["| {y} |", "|{y}|", "| {y}"])
def test_a_tables_year_cell_alone_over_its_entries_heads_them(cell: str) -> None:
    """'| 1945 |' on its own line over 'Sept. 2' and the entry's lines: a table's year
    cell pasted as text heads the rows below it, not a bar of links."""
    text = (
        "Island timeline\n\n"
        + cell.format(y=1945)
        + "\nSept. 2\nThe old fort is handed to the town council, which it had\n"
        "bought in 1895 from the crown.\n|\n"
        + cell.format(y=1947)
        + "\nFeb. 28\nA riot breaks out at the market over the price of salt.\n"
    )
    found = {(e.date.iso(), e.title[:20]) for e in parse(text).events}
    assert ("1945-09-02", "The old fort is hand") in found, found
    assert ("1947-02-28", "A riot breaks out at") in found, found


@pytest.mark.parametrize("month", ["Dec.", "Sept.", "Sep.", "Feb."])
def test_a_short_months_name_alone_under_a_year_heads_its_entry(month: str) -> None:
    """'Dec.' alone on its line under '1949' heads the lines below as the month's, as
    'December' does."""
    text = (
        "Island timeline\n\n1948\n\nThe market is rebuilt after the fire.\n\n1949\n\n"
        f"{month}\nThe council moves to the new hall on the hill.\n"
    )
    number = {"Dec.": "12", "Sept.": "09", "Sep.": "09", "Feb.": "02"}[month]
    found = {e.title: e.date.iso() for e in parse(text).events}
    assert found["The council moves to the new hall on the hill."] == f"1949-{number}", found


@pytest.mark.parametrize("subheading", ["Academic initiatives", "New departments", ""])
@pytest.mark.parametrize("mark", ["* ", "\u2022 ", "- "])
def test_a_year_lines_items_under_a_subheading_are_its_years(subheading: str, mark: str) -> None:
    """'1950' / 'Academic initiatives' / '* The Department of Botany was set up.': the
    items are the year's, a short subheading between or not."""
    text = (
        "University milestones\n\n1949\n\n* The university was formed.\n\n1950\n\n"
        + (f"{subheading}\n\n" if subheading else "")
        + f"{mark}A course in pharmacy was begun.\n{mark}The Department of Botany was set up.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert ("1950", "A course in pharmacy was begun.") in found, found
    assert ("1950", "The Department of Botany was set up.") in found, found


@pytest.mark.parametrize("head", ["1868.", "1868:", "1868 -", "March 1868:"])
@pytest.mark.parametrize("count", [1, 2, 3])
def test_lines_under_an_entrys_own_are_its_entries(head: str, count: int) -> None:
    """A chronology's year line and the short lines right under it ('Yedo named Tokyo
    and made capital.'): two or more such lines are entries of that date; one line
    alone is the entry's detail."""
    extra = ["The capital was moved east.", "The ports were opened.", "A mint was set up."]
    text = (
        "Chronology\n\n"
        f"{head} The old order fell in the west.\n"
        + "".join(f"{line}\n" for line in extra[:count])
        + "1869: The new oath was sworn.\n"
    )
    iso = "1868-03" if head.startswith("March") else "1868"
    titles = [e.title for e in parse(text).events if e.date.iso() == iso]
    assert titles[0] == "The old order fell in the west."
    assert titles[1:] == (extra[:count] if count >= 2 else [])


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        ("The club won the cup in 1887, 1890 and 1893.", ["1887", "1890", "1893"]),
        ("In 1901 and 1902, floods hit the lower town.", ["1901", "1902"]),
        ("The ground was rebuilt in both 1920 and 1931.", ["1920", "1931"]),
        ("The river froze in 1740, 1763, and 1795.", ["1740", "1763", "1795"]),
    ],
)
def test_years_listed_after_in_are_each_an_event(sentence: str, years: list[str]) -> None:
    """A list of years after "in" (commas, then "and") tells one event in each year."""
    doc = parse(f"{sentence}\n")
    assert sorted(e.date.iso() for e in doc.events) == years


@pytest.mark.parametrize(
    "sentence",
    [
        "The museum was shut between 1990 and 1995 for repairs.",
        "The mill ran during 1914 and 1918 on half time.",
        "The book honours the heroes of 1916 and 2016 alike.",
        "In 2001, 1500 troops and 300 tanks were sent north.",
    ],
)
def test_spans_names_and_counts_are_no_year_list(sentence: str) -> None:
    """'between'/'during' make a span, 'of' a name, and a comma alone may lead a count."""
    doc = parse(f"{sentence}\n")
    assert [e.date.iso() for e in doc.events if e.date.year not in (2001,)] == []


@pytest.mark.parametrize(
    "entry",
    [
        "1845 to 1851: The famine years empty the valley.",
        "March 1901 to June 1902: The long strike closes the mills.",
        "July 16 to 24, 1969: The crew flies to the Moon and back.",
        "1845 to 1851    The famine years empty the valley",
        "3 March to 5 April 1901: Talks go on at the harbour.",
    ],
)
def test_every_word_that_joins_a_span_reads_alike(entry: str) -> None:
    """A heading's span joined by "to", "until", "till" or "through" dates the same."""
    events = {}
    for word in ("to", "until", "till", "through"):
        doc = parse(
            f"Key dates\n\n{entry.replace(' to ', f' {word} ', 1)}\n1852: A railway opens.\n"
        )
        events[word] = [(e.date.iso(), e.summary) for e in doc.events]
    assert events["until"] == events["to"]
    assert events["till"] == events["to"]
    assert events["through"] == events["to"]
    assert ("1852", "A railway opens.") in events["to"]
