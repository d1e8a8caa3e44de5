"""A header or summary line that sums up a life's or a body's dated facts, one clause
each, as memoirs, registers and obituaries head their text. Every text here is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

BODY = "\n\nAnn Vale was a geologist who mapped the northern coast for thirty years.\n"

FACT_LINES = [
    # a learned society's memoir: the death, then the election, its year alone
    (
        "Died 4 March 2009, elected to the Society 1971",
        [("2009-03-04", "Died"), ("1971", "elected")],
    ),
    # an encyclopedia's span line, places after the dates, a spaced dash between
    (
        "Born 2 June 1915, Perth \u2013 died 9 July 1990, Bath",
        [("1915-06-02", "Born"), ("1990-07-09", "died")],
    ),
    # a register's abbreviations, a semicolon between
    ("b. 8 May 1901, Ayr; d. 30 January 1977, Troon", [("1901-05-08", "b."), ("1977-01-30", "d.")]),
    # a career summed up in years and a month
    (
        "Appointed 1962, retired 1984, died August 2003",
        [("1962", "Appointed"), ("1984", "retired"), ("2003-08", "died")],
    ),
]


@pytest.mark.parametrize(("line", "facts"), FACT_LINES)
def test_each_fact_of_a_summary_line_is_an_event(line: str, facts: list[tuple[str, str]]) -> None:
    """Each clause opened by a fact's word is an event of its own date, a year closing
    the clause included; a place after a date is no event."""
    doc = parse(f"Ann Vale{BODY[:2]}{line}{BODY}")
    got = {(e.date.iso(), e.title.split()[0].lower()) for e in doc.events}
    assert got == {(iso, word.lower()) for iso, word in facts}


def test_a_line_of_one_fact_is_read_as_before() -> None:
    """One fact alone is no summary line: a line of a count and a year stays unread."""
    doc = parse(f"Ann Vale\n\nElected by 1971 votes to 12{BODY}")
    assert [e.date.iso() for e in doc.events] == []
