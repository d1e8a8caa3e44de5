"""A life's dates over an obituary: a heading of the life, no events of their own."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

OBITUARY = (
    "{name_line}\n"
    "{span}\n\n"
    "Mara Lind, the weaver who revived the mills of Oster Vale, has died aged 81. "
    "She opened her first workshop in 1961 and won the Kell prize in 1975.\n"
)


@pytest.mark.parametrize(
    "span",
    [
        "18 August 1937 \u2013 30 December 2018",  # day first, an en dash
        "18 August 1937 - 30 December 2018",
        "August 18, 1937 \u2014 December 30, 2018",  # month first, an em dash
        "18.08.1937 \u2013 30.12.2018",  # numeric, day first
        "August 1937 to December 2018",  # months and years, a word between
    ],
)
def test_a_life_span_line_under_a_name_is_no_event(span: str) -> None:
    """The span's line heads no section: the prose under it keeps its own years, and
    neither the birth nor the death day is stored as an event of the line."""
    doc = parse(OBITUARY.format(name_line="Mara Lind", span=span))
    assert sorted(e.date.iso() for e in doc.events) == ["1961", "1975"]
