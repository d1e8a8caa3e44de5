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
