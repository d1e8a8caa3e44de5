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
