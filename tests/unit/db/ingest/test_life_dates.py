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


@pytest.mark.parametrize(
    "line",
    [
        "Mara Lind 18 August 1937 \u2013 30 December 2018",
        "Mara Lind, 18 August 1937 - 30 December 2018",
        "MARA LIND | 18.08.1937 \u2013 30.12.2018",
        "Mara Lind: August 18, 1937 \u2014 December 30, 2018",
        "In memoriam Mara Lind * 18 August 1937 \u2020 30 December 2018",
    ],
)
def test_a_name_with_its_life_dates_is_no_event(line: str) -> None:
    """A name's line ending with its birth and death days holds no event of either."""
    doc = parse(f"{line}\n\nMara Lind, the weaver of Oster Vale, opened a workshop in 1961.\n")
    assert [e.date.iso() for e in doc.events] == ["1961"]


def test_a_sentence_with_two_days_still_tells_them() -> None:
    """A sentence that runs from one day to another is no name's line: its days stay."""
    doc = parse("The Kell fair ran from 3 June 2015 - 9 June 2015 on the green.\n")
    assert "2015-06-03" in [e.date.iso() for e in doc.events]
