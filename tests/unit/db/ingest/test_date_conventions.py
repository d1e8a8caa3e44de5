"""Dates as publishers write them, read wherever they stand: at a chronology line's
head and in running prose. Every text here is invented; each form is one publisher's
convention (year first, numeric with slashes, dots or dashes, ordinals, pairs of days).
"""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

ENTRY = "The new quay opened to ships from Leith."


def _timeline(date: str, separator: str) -> str:
    """Three entries; the middle one headed by the date under test, after an entry of an
    earlier year whose year it must not take."""
    return (
        "Quay notes\n\nThe quay has a long story, told here in brief.\n\n"
        f"1982{separator}The old pier was pulled down by the town.\n"
        f"{date}{separator}{ENTRY}\n"
        f"1984{separator}The harbour was dredged for larger boats.\n"
    )


# Year first, then the day and month: chronologies of the British and Commonwealth
# press ("1983, 23 July"), with or without the comma, an ordinal or a short month.
YEAR_FIRST_HEADS = [
    ("1983, 23 July", "1983-07-23"),
    ("1983 23 July", "1983-07-23"),
    ("1983, 23rd July", "1983-07-23"),
    ("1983, 23 Jul.", "1983-07-23"),
]


@pytest.mark.parametrize(("written", "iso"), YEAR_FIRST_HEADS)
@pytest.mark.parametrize("separator", [": ", " - ", " \u2013 ", " | "])
def test_a_year_first_heading_keeps_its_own_year(written: str, iso: str, separator: str) -> None:
    """A heading that states its year first is that year's, never the entry above's."""
    found = [(e.date.iso(), e.title) for e in parse(_timeline(written, separator)).events]
    assert (iso, ENTRY) in found, found
    assert not any(d.startswith("1982-") for d, _ in found), found


# A chronology of the years before Christ: the era said once, in its heading, its years
# counting down; the lines' bare years are that era's. Publishers write the heading as
# "B.C.", "BC", "BCE" or "Before Christ", over lines parted as any chronology's are.
@pytest.mark.parametrize(
    "heading",
    ["Timeline of the ancient world, B.C.", "Ancient world timeline (BC)", "BCE", "Before Christ"],
)
@pytest.mark.parametrize("separator", [": ", " - ", " "])
def test_a_before_christ_headings_bare_years_count_back(heading: str, separator: str) -> None:
    """Under a heading that says BC, the bare years counting down are years BC."""
    text = (
        f"Ancient notes\n\n{heading}\n\n"
        f"3400{separator}The potter's wheel is used in the river towns.\n"
        f"2600{separator}The great tomb at the bend is finished.\n"
        f"1700{separator}A script of signs is carved on the temple walls.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    dates = [d for d, t in found if "wheel" in t or "tomb" in t or "script" in t]
    assert dates == ["-3399", "-2599", "-1699"], found


def test_an_ad_heading_ends_the_before_christ_years() -> None:
    """A heading that says AD (or CE) ends the count back: its years count forward."""
    text = (
        "Ancient notes\n\nB.C.\n\n"
        "2900: The first walls are raised.\n"
        "2500: The harbour is cut from the rock.\n"
        "1120: The temple burns down.\n\n"
        "A.D.\n\n"
        "1100: The town is taken by the king.\n"
        "1300: A new bridge is built over the river.\n"
        "1500: The market charter is granted.\n"
    )
    found = {t: d for d, t in ((e.date.iso(), e.title) for e in parse(text).events)}
    assert found.get("The temple burns down.") == "-1119", found
    assert found.get("The town is taken by the king.") == "1100", found
    assert found.get("A new bridge is built over the river.") == "1300", found


@pytest.mark.parametrize(
    "heading", ["Finds from before Christ", "Coins of the 3rd century BC", "BC"]
)
def test_years_that_count_forward_are_never_before_christ(heading: str) -> None:
    """A heading that names BC over years counting forward (the dig's own years) is no
    count back: the years stay as written."""
    text = (
        f"Dig notes\n\n{heading}\n\n"
        "1901: The first coins are found in the field.\n"
        "1925: The museum buys the hoard from the farmer.\n"
        "1950: The coins are shown in the capital.\n"
    )
    dates = [e.date.iso() for e in parse(text).events]
    assert {"1901", "1925", "1950"} <= set(dates), dates
    assert not any(d.startswith("-") for d in dates), dates


# A chronology that runs from before the year 1000: its first entries' years have one,
# two or three digits, with no era mark (none means AD), parted as its other lines are.
@pytest.mark.parametrize("separator", [": ", " - ", " \u2013 ", "\t"])
def test_a_chronologys_years_below_a_thousand_head_entries(separator: str) -> None:
    """'79: ...', '476 - ...' in a chronology of bare years in order are years AD."""
    text = (
        "Town chronology\n\n"
        f"79{separator}The old port is buried by ash.\n"
        f"476{separator}The garrison leaves the town.\n"
        f"1066{separator}The castle is built on the hill.\n"
        f"1215{separator}The town is given its charter.\n"
        f"1348{separator}Plague kills half the town.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert ("0079", "The old port is buried by ash.") in found, found
    assert ("0476", "The garrison leaves the town.") in found, found


@pytest.mark.parametrize("separator", [": ", " - "])
def test_a_chronology_of_the_first_millennium_alone_has_years(separator: str) -> None:
    """A chronology with no four-digit year at all ('612 - ...', '645 - ...') still
    dates its entries when their numbers run forward, unevenly, as years do."""
    text = (
        "Valley chronology\n\n"
        f"612{separator}The first abbey is founded.\n"
        f"645{separator}Raiders burn the abbey.\n"
        f"676{separator}The abbey is rebuilt in stone.\n"
        f"698{separator}A market is granted.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert ("0645", "Raiders burn the abbey.") in found, found
    assert len(found) == 4, found


def test_a_short_year_about_which_the_chronology_is_unsure() -> None:
    """'- c.200: ...' between 'c.800 BC' and 'c.1250' entries: a year below 1000 written
    with "c." heads its entry as a plain one does."""
    text = (
        "Island chronology\n\n"
        "- c.800 BC: The first settlers arrive on the island.\n"
        "- c.200: Explorers set out from the island to the east.\n"
        "- c.1250: The island rebels against the empire.\n"
        "- c.1470: The islanders are driven out of the west.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert ("0200", "Explorers set out from the island to the east.") in found, found


@pytest.mark.parametrize("circa", ["", "c.", "c. ", "ca. "])
def test_a_chronology_with_its_centuries_set_over_run_in_years(circa: str) -> None:
    """'400' over '400 Monks arrive ...' and 'c.550 The ...': a century's number over its
    entries says the first one's year again, which neither breaks the order nor makes
    a list; run-in years below 1000, about then or not, head their entries."""
    text = (
        "Abbey chronology\n\n"
        "400\n\n"
        "400 Monks arrive from the south.\n"
        "452 The first church is raised.\n\n"
        "500\n\n"
        f"{circa}550 A school opens beside the church.\n"
        "587 Raiders burn the school.\n\n"
        "1000\n\n"
        "1034 The abbey is rebuilt in stone.\n"
        "1120 A market is granted.\n"
        "1166 The abbot flees overseas.\n"
        "1201 The abbey is given a charter.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert ("0400", "Monks arrive from the south.") in found, found
    assert ("0550", "A school opens beside the church.") in found, found
    assert ("0587", "Raiders burn the school.") in found, found
    assert len(found) == 8, found


def _one_years_chronology(lead: str) -> str:
    return (
        "Timeline of the harbour strike\n\n"
        f"{lead}\n\n"
        "- 4 May: Dockers walk out over pay.\n"
        "- 9 May: The port closes to ships, as it did in 1911.\n"
        "- 21 June: The strike ends with a new wage deal.\n"
    )


@pytest.mark.parametrize(
    "lead",
    [
        "The strike began on 4 May 1926 and ended on 21 June 1926.",
        "The dockers of the town stopped work in 1926, as listed below.",
    ],
)
def test_a_chronology_of_one_year_said_above_it(lead: str) -> None:
    """'4 May: ...' under words that state one year (1926) and no other: that year's,
    though an entry below names another ("as it did in 1911")."""
    found = {e.title: e.date.iso() for e in parse(_one_years_chronology(lead)).events}
    assert found["The port closes to ships, as it did in 1911."] == "1926-05-09", found
    assert found["The strike ends with a new wage deal."] == "1926-06-21", found


@pytest.mark.parametrize("step", [10, 100])
def test_a_list_counted_in_even_steps_is_no_chronology(step: int) -> None:
    """'10 - ...', '20 - ...': a list's numbers in even steps are no years, with no
    plain year to tie them to a chronology."""
    text = "Bread\n\n" + "".join(
        f"{step * n} - Step {n} of the bread is done here.\n" for n in range(1, 6)
    )
    assert parse(text).events == []


def test_short_years_under_a_before_christ_heading_count_back() -> None:
    """Under a BC heading, three-digit years counting down are BC as four-digit ones are."""
    text = (
        "Ancient notes\n\nB.C.\n\n"
        "2900: The first walls are raised.\n"
        "1900: The first ships are built.\n"
        "900: The harbour is cut from the rock.\n"
        "120: The temple burns down.\n\n"
        "A.D.\n\n"
        "43: The legions land.\n"
        "410: The legions leave.\n"
        "1100: The town is taken by the king.\n"
        "1200: The town walls are rebuilt.\n"
    )
    found = {t: d for d, t in ((e.date.iso(), e.title) for e in parse(text).events)}
    assert found.get("The temple burns down.") == "-0119", found
    assert found.get("The legions leave.") == "0410", found


@pytest.mark.parametrize(
    "lines",
    [
        ["1: The first rule is to be kind.", "2: The second rule is to be fair."],
        ["12 - 3 was the final score.", "4 - 2 was the score a week on."],
        ["800: The hall holds this many seats.", "300: The hall held this many in the past."],
    ],
)
def test_numbers_out_of_a_chronologys_order_are_no_years(lines: list[str]) -> None:
    """Numbered points, scores and counts whose numbers break the order of the years
    around them head no entry."""
    text = (
        "Town chronology\n\n1901: The hall is built.\n1902: The hall opens.\n"
        + "".join(f"{line}\n" for line in lines)
        + "1950: The hall burns down.\n1951: The hall is rebuilt.\n"
    )
    dates = [e.date.iso() for e in parse(text).events]
    assert all(d in ("1901", "1902", "1950", "1951") for d in dates), dates


@pytest.mark.parametrize("numbers", [("1", "2"), ("11", "12"), ("5",)])
def test_a_numbered_list_before_a_chronology_is_no_years(numbers: tuple[str, ...]) -> None:
    """'1: ...', '2: ...' counting up to the first year of a chronology count points."""
    text = (
        "Town chronology\n\n"
        + "".join(f"{n}: A point about the hall is made here.\n" for n in numbers)
        + "1901: The hall is built.\n1902: The hall opens.\n1950: The hall burns.\n"
    )
    dates = [e.date.iso() for e in parse(text).events]
    assert all(d in ("1901", "1902", "1950") for d in dates), dates


# Numeric dates in the order of the text that writes them: American usage puts the
# month first, most of the world the day. A part above 12 says which, and its order
# reads the headings that either order would fit.
@pytest.mark.parametrize(
    ("clear", "unclear", "iso"),
    [
        ("02/28/1804", "06/02/1807", "1807-06-02"),  # month first
        ("28/02/1804", "06/02/1807", "1807-02-06"),  # day first
    ],
)
@pytest.mark.parametrize("separator", [" |\n", ": ", " - "])
def test_a_numeric_heading_is_read_in_the_texts_order(
    clear: str, unclear: str, iso: str, separator: str
) -> None:
    """'06/02/1807' heads its entry as the text's other numeric headings say."""
    text = (
        "Museum notes\n\n"
        f"1795{separator}The first museum opens on the hill.\n"
        f"{clear}{separator}A second museum opens by the harbour.\n"
        f"{unclear}{separator}The third museum opens in the square.\n"
        f"1842{separator}The old museum shows a model of the city.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert (iso, "The third museum opens in the square.") in found, found


def test_a_numeric_heading_nothing_orders_stays_undated() -> None:
    """With no numeric heading that reads one way only, '06/02/1807' dates nothing."""
    text = (
        "Museum notes\n\n1795: The first museum opens on the hill.\n"
        "06/02/1807: The third museum opens in the square.\n"
        "1842: The old museum shows a model of the city.\n"
    )
    dates = [e.date.iso() for e in parse(text).events if "third" in e.title]
    assert dates == [], dates


@pytest.mark.parametrize(
    "span",
    [
        "950 B.C. to 450 B.C.",
        "950 BC - 450 BC",
        "from 950 BCE until 450 BCE",
        "from 27 BC until AD 14",
    ],
)
def test_a_span_of_years_with_their_era_is_no_event(span: str) -> None:
    """'950 B.C. to 450 B.C.' is how long a kingdom lasted, not when something happened
    (as 'from 1950 to 1960' is); a year with an era alone still dates its sentence."""
    text = f"Kingdoms\n\nThe hill kingdom ruled the valley {span}. It fell in 300 BC.\n"
    dates = [e.date.iso() for e in parse(text).events]
    assert dates == ["-0299"], dates


@pytest.mark.parametrize("span", ["700 AD - 1900s", "1700 - 1900s", "1600 to 1790s"])
def test_a_part_of_a_chronology_that_ends_in_a_decade_is_no_event(span: str) -> None:
    """'700 AD - 1900s' over its entries is the part's span, as '1700 - 1900' is: its
    first year heads no entry and the decade after the dash is no entry's words."""
    text = (
        f"Steppe timeline\n\n{span}\n"
        "  - (1735) The first fort is built on the river.\n"
        "  - (1832) The town is founded.\n"
    )
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert [date for date, _ in found] == ["1735", "1832"], found


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("On 8 th November 2017 the council closed the library.", "2017-11-08"),
        ("The ferry sank on the 3 rd of March, 1990, off the cape.", "1990-03-03"),
        ("Voting ended on June 21 st, 2004 after a long count.", "2004-06-21"),
    ],
)
def test_an_ordinal_set_apart_in_a_full_date(sentence: str, iso: str) -> None:
    """Typed and OCR-copied pages set an ordinal apart from its day ("8 th November");
    with the year stated the day is still certain."""
    events = parse(f"Council notes\n\n{sentence}\n").events
    assert [e.date.iso() for e in events] == [iso]
