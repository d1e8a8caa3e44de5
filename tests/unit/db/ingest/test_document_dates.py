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
