"""A news page's own date, however its stamp is written and wherever near the top it
stands, dates the quotes said "now" and counts their weekdays. Every text is invented."""

from __future__ import annotations

import itertools

import pytest

from tests.unit.db.ingest.helpers import parse

STAMPS = [
    "Published: 3 March 2015",
    "By Jane Roe | March 3, 2015",
    "Posted on March 3, 2015 by admin",
    "Updated 10:32 AM ET, Tue March 3, 2015",
    "First published on Tue 3 Mar 2015 10.00 GMT",
    "Tuesday, March 3, 2015",
    "Last updated: March 3, 2015",
    "PUBLISHED: 10:15, 3 March 2015 | UPDATED: 11:20, 3 March 2015",
    "MARCH 3, 2015",
    "2015-03-03",
    "Written by Jane Roe on 3 March 2015.",
    "03/03/2015",
    "Published 3 March 2015 | By Jane Roe",
]
LAYOUTS = [
    "Council closes the old quay\n\n{stamp}\n\n{body}",
    "{stamp}\n\nCouncil closes the old quay\n\n{body}",
    "Council closes the old quay\n\nBy Jane Roe, Staff Writer\n\n{stamp}\n\n{body}",
    "Home | News | Sport\n\nCouncil closes the old quay\n\nShare this article\n\n{stamp}\n\n{body}",
]
BODY = (
    "The council closed the old quay, its leader Tom Kell said. "
    '"We had no choice at all this time," Kell said on Monday. The quay opened in 1901.\n'
)


@pytest.mark.parametrize(("stamp", "layout"), list(itertools.product(STAMPS, LAYOUTS)))
def test_a_pages_stamp_dates_it_and_its_quotes(stamp: str, layout: str) -> None:
    """The stamp is the page's date; "said on Monday" is the Monday before it."""
    doc = parse(layout.format(stamp=stamp, body=BODY))
    assert doc.published is not None
    assert doc.published.iso() == "2015-03-03"
    assert [q.date.iso() if q.date else None for q in doc.quotes] == ["2015-03-02"]


FACT_LINES = [
    "Died 14 June 2011",
    "Died 14 June 2011, elected to the Academy 1979",
    "Born 2 February 1931",
    "(2 May to 14 June 2011)",
]


@pytest.mark.parametrize("line", FACT_LINES)
def test_a_short_line_that_tells_of_its_date_is_no_stamp(line: str) -> None:
    """A date after a word that says what happened then ('Died') or that a span ends
    there ('to') is a fact's date, not the page's: nothing dates the page."""
    text = f"Harold Vane, surveyor\n\n{line}\n\n{BODY}"
    doc = parse(text)
    assert doc.published is None
    assert [q.date for q in doc.quotes] == [None]


def test_a_page_last_modified_line_is_the_pages_stamp() -> None:
    """'Page last modified 3 March 2015': a site's footer or header dating the page."""
    doc = parse(f"Council closes the old quay\n\nPage last modified 3 March 2015\n\n{BODY}")
    assert doc.published is not None
    assert doc.published.iso() == "2015-03-03"
