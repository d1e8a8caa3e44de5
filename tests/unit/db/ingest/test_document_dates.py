"""Where a document states its own date in words of its kind: an interview's opening,
a sitting's record, a syndicated story's closing credit (invented texts)."""

from __future__ import annotations

import pytest

from db.records import PartialDate
from tests.unit.db.ingest.helpers import parse, quote_with

ORAL_HISTORY = """Harbour lives

ANNA DORN: All right. Today is {day}March 4th, 2009. This is Anna Dorn, and today's \
interview is with Piet Lund, who kept the harbour light on the north mole for thirty years, \
as part of the Harbour Lives project of the town library. Good morning, Mr Lund.

PIET LUND: Good morning, Anna.

DORN: How did you come to the light?

LUND: My uncle kept it before me, and I took it over when his eyes went.
"""


@pytest.mark.parametrize("day", ["", "Wednesday, ", "Wednesday "])
def test_an_interviews_today_is_may_name_the_weekday(day: str) -> None:
    """ "Today is Wednesday, March 4th, 2009": the weekday oral histories say before the
    date does not hide it; every turn was said that day."""
    doc = parse(ORAL_HISTORY.format(day=day))
    assert doc.published == PartialDate(2009, 3, 4, "day")
    assert quote_with(doc, "My uncle kept it").date == PartialDate(2009, 3, 4, "day")


MINUTES = """{header}

The Mayor, Cllr. R. Dunne, was in the Chair.

Proposed by Cllr. A. Hale, seconded by Cllr. M. Orr, it was resolved: "That the harbour \
fees stay as they are for the coming year."

Cllr. Hale said the quay had never been busier and the fees were fair to the fleet.
"""


@pytest.mark.parametrize(
    "header",
    [
        "MINUTES OF THE ORDINARY MEETING OF KILLORAN TOWN COUNCIL HELD ON TUESDAY, 9th MAY, "
        "2006, AT 7.00 p.m.",
        "Minutes of the meeting of the Harbour Board held on 9 May 2006 at the Quay Hall.",
        "KILLORAN TOWN COUNCIL OFFICIAL REPORT First Session Tuesday 9th May, 2006 The "
        "Council met at 7.00 p.m. (The Mayor in the Chair) PRAYERS",
    ],
)
def test_a_record_of_a_sitting_is_dated_by_the_sitting(header: str) -> None:
    """Minutes that open "Minutes of ... held on <date>", or a Hansard's "<date> The House
    met at ...": its words were said on the sitting's day."""
    doc = parse(MINUTES.format(header=header))
    assert quote_with(doc, "harbour fees").date == PartialDate(2006, 5, 9, "day")


@pytest.mark.parametrize(
    "line",
    [
        "The Board met the new harbour master, appointed on 9 May 2006, at the quay.",
    ],
)
def test_a_sentence_about_a_sitting_is_not_the_records_date(line: str) -> None:
    """Minutes with no "held on", or a body meeting someone: not a sitting's opening words."""
    doc = parse(MINUTES.format(header=f"Harbour Board\n\n{line}"))
    assert quote_with(doc, "harbour fees").date is None


SYNDICATED = (
    "Lighthouse keeper Piet Lund dies at 91\n\n"
    "Piet Lund, who kept the north mole light for thirty years, has died at home in "
    'Killoran, his family said on Monday. "He never missed a night," his daughter Eva '
    "Lund said on Monday. He retired in 1989.\n\n"
    "{credit}\n"
)


def test_a_closing_published_in_credit_dates_the_page() -> None:
    """ "Published in The Harbour Star, May 10th, 2006." closing the text: the day the
    paper printed it, from which "on Monday" counts."""
    doc = parse(SYNDICATED.format(credit="Published in The Harbour Star, May 10th, 2006."))
    assert doc.published == PartialDate(2006, 5, 10, "day")
    assert quote_with(doc, "never missed").date == PartialDate(2006, 5, 8, "day")


@pytest.mark.parametrize(
    "credit",
    [
        "Published in The Harbour Star, May 10th, 2006. Reprinted in 2010 by the Quay Press.",
        "Published in The Harbour Star, May 10th, 2006, and in The Quay Times a week later.",
    ],
)
def test_a_credit_that_does_not_close_the_text_dates_nothing(credit: str) -> None:
    """More words after the credit's date: it need not be the page's."""
    doc = parse(SYNDICATED.format(credit=credit))
    assert doc.published is None
