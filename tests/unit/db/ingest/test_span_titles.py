"""A log's or a diary's page headed by the span of days it covers is titled by that
span (invented pages)."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

_DAYS = (
    "March 1, 1901\nThe quay opens to the boats.\n\n"
    "March 2, 1901\nThe wall falls down in the night.\n\n"
    "March 3, 1901\nThe crane comes by sea.\n"
)


@pytest.mark.parametrize(
    "span",
    [
        "1st March to 3rd March 1901",
        "March 1 - March 3, 1901",
        "From 1 March to 3 March 1901",
        "1901 to 1903",
        "1 \u2013 3 March 1901",
    ],
)
def test_a_span_of_dates_over_dated_entries_is_the_title(span: str) -> None:
    """A diary's, a log's or a chronicle's page is headed by the span it covers ("1st
    March to 3rd March 1901", "1901 to 1903"): two dates and a word or a dash between,
    and nothing else. Unlike a page's own date, a span is no stamp."""
    assert parse(f"{span}\n\n{_DAYS}").title == span


def test_a_span_with_words_of_its_own_is_no_bare_span() -> None:
    """A heading with words besides the dates is read as before, not as a bare span."""
    title = parse(f"The quay from 1901 to 1903 and after\n\n{_DAYS}").title
    assert title != "1901 to 1903"
