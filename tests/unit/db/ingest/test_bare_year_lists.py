"""Chronologies whose years below 1000 stand bare, the era said once or not at all.

A list of rows headed by years reads "450 AD ...", then "520 ...", "610 ...": the
later rows' years are years of the same list, in its era, as its order shows.
"""

from __future__ import annotations

import pytest

from db.records import ParsedDocument
from tests.unit.db.ingest.helpers import parse


def _rows(doc: ParsedDocument) -> list[tuple[int | None, str]]:
    """Each event's year and the first word of its row after the year."""
    rows = []
    for event in doc.events:
        words = [w for w in event.title.split() if not w[:1].isdecimal() and w not in ("AD", "BC")]
        rows.append((event.date.year, words[0] if words else ""))
    return rows


def test_a_row_whose_first_word_has_an_accented_capital() -> None:
    """'610 Óengus writes ...', '1130 Éamonn rebuilds ...': a capital with an accent
    opens a row's words as a plain one does."""
    doc = parse(
        "Chronology of the abbey\n\n"
        "450 AD Monks settle on the island.\n"
        "520 Scribes copy the gospels in the new hall.\n"
        "610 Óengus writes the first annals.\n"
        "1014 Raiders burn the abbey.\n"
        "1130 Éamonn rebuilds the church in stone.\n"
        "1171 Ships arrive from the south.\n"
        "1235 Winter floods reach the cloister.\n"
    )
    assert _rows(doc) == [
        (450, "Monks"),
        (520, "Scribes"),
        (610, "Óengus"),
        (1014, "Raiders"),
        (1130, "Éamonn"),
        (1171, "Ships"),
        (1235, "Winter"),
    ]


_BC_TABLE = (
    "Kings of the river valley\n\n"
    "The age of the first kings, 900 to 600 B.C.\n\n"
    "BC Year Event\n"
    "{rows}"
)


def test_rows_under_a_bc_heading_count_back() -> None:
    """A table whose heading says BC once, with rows "880 Arvan founds ...", counts its
    years down: they are years before Christ, though no row says so."""
    rows = (
        "880 Arvan founds the river city.\n"
        "812 Bessa builds the first temple.\n"
        "790-770 A long drought empties the fields.\n"
        "745 Corin drives out the hill tribes.\n"
        "701 Dovan dies at the siege of the port.\n"
        "700 The port falls to the sea raiders.\n"
    )
    doc = parse(_BC_TABLE.format(rows=rows))
    assert _rows(doc) == [
        (-880, "Arvan"),
        (-812, "Bessa"),
        (-745, "Corin"),
        (-701, "Dovan"),
        (-700, "The"),
    ]


def test_numbers_counting_up_under_a_bc_heading_are_no_years() -> None:
    """Under the same heading, numbers that count up are a list's (pages, counts), not
    BC years: nothing is dated by them."""
    rows = (
        "120 Arvan founds the river city.\n"
        "135 Bessa builds the first temple.\n"
        "150 Corin drives out the hill tribes.\n"
        "165 Dovan dies at the siege of the port.\n"
    )
    doc = parse(_BC_TABLE.format(rows=rows))
    assert [e.date.year for e in doc.events if e.date.year not in (-600, -900)] == []


def test_run_in_numbers_without_an_era_heading_are_no_years() -> None:
    """Without a heading that says BC, and with no plain year line, rows opened by a
    number are a list's: "40 Volunteers cleared the beach." is no event of year 40."""
    doc = parse(
        "Beach day report\n\n"
        "40 Volunteers cleared the beach.\n"
        "35 Bags of plastic were filled.\n"
        "12 Crabs were put back in the sea.\n"
    )
    assert doc.events == []


@pytest.mark.parametrize(
    "span",
    ["900 to 600 B.C.", "c. 900 BCE - c. 600 BCE", "c. 900 BC to circa 600 BC"],
)
def test_a_span_of_bc_years_is_no_event(span: str) -> None:
    """'The first kings, 900 to 600 B.C.' is a time that lasted, the era said once at
    its end or each year about ('c. 900 BCE - c. 600 BCE'): no event in either year."""
    doc = parse(f"Kings of the river valley\n\nThe age of the first kings, {span}\n")
    assert doc.events == []


def test_span_rows_are_no_entries_of_the_row_above() -> None:
    """'790-770 A long drought ...' under '812 Bessa ...' is a row of its own span, not
    a further entry of 812 BC (short lines under a row are, when they state no date)."""
    rows = (
        "880 Arvan founds the river city.\n"
        "812 Bessa builds the first temple.\n"
        "790-770 A long drought empties the fields.\n"
        "768-760 Floods follow the drought.\n"
        "745 Corin drives out the hill tribes.\n"
    )
    doc = parse(_BC_TABLE.format(rows=rows))
    assert [year for year, word in _rows(doc) if word in ("A", "Floods")] == []


def test_a_year_alone_on_its_line_over_its_entry() -> None:
    """Year, title and description each on a line: '300' alone after '100 BC' is the
    year 300 of the same chronology, as its order shows."""
    doc = parse(
        "The coast through time\n"
        "1500 BC\nFirst boats\nFishers build reed boats on the shore.\n"
        "100 BC\nSalt works\nSalt is dried in pans by the bay.\n"
        "300\nA harbour wall\nThe first harbour wall is raised.\n"
        "650\nFire tower\nA fire tower guides ships home.\n"
        "1100\nMarket charter\nThe town wins its market charter.\n"
        "1420\nGreat storm\nA storm breaks the harbour wall.\n"
    )
    assert [(e.date.year, e.title) for e in doc.events] == [
        (-1500, "First boats"),
        (-100, "Salt works"),
        (300, "A harbour wall"),
        (650, "Fire tower"),
        (1100, "Market charter"),
        (1420, "Great storm"),
    ]


def test_a_number_alone_out_of_the_order_is_no_year() -> None:
    """A page number or a count alone on a line breaks the order: no year."""
    doc = parse(
        "The coast through time\n"
        "1100\nMarket charter\nThe town wins its market charter.\n"
        "45\n"
        "1420\nGreat storm\nA storm breaks the harbour wall.\n"
        "1530\nNew quay\nA stone quay is built.\n"
    )
    assert [e.date.year for e in doc.events] == [1100, 1420, 1530]
