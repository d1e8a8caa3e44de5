"""Diaries and logs: entries a rule parts on a page that lost its line breaks, and an
entry that recalls a day gone by. Every text here is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import events_on, parse

FLATTENED = [
    # a blog's journal, "---" between entries, month-first full dates
    "Some pages from my log. --- March 3, 2001 We sailed at noon and lost the jib."
    " --- April 9, 2001 The harbour master let us tie up by the fuel dock."
    " --- May 2, 2001 The boat was hauled out for the winter.",
    # a forum post, "===" rules, day-first dates
    "Notes I kept that winter. === 3 March 2001 We sailed at noon and lost the jib."
    " === 9 April 2001 The harbour master let us tie up by the fuel dock."
    " === 2 May 2001 The boat was hauled out for the winter.",
    # a mailing-list digest, "***" rules, a weekday before the date
    "From the ship's diary *** Saturday, March 3, 2001 We sailed at noon and lost the jib."
    " *** Monday, April 9, 2001 The harbour master let us tie up by the fuel dock."
    " *** Wednesday, May 2, 2001 The boat was hauled out for the winter.",
]


@pytest.mark.parametrize("text", FLATTENED)
def test_rules_part_a_flattened_diary_into_entries(text: str) -> None:
    """Each rule that a date follows starts an entry of that date, as a line would: the
    words after it are that entry's, not the text's before the rule."""
    doc = parse(text)
    first, second = events_on(doc, "2001-03-03"), events_on(doc, "2001-04-09")
    assert len(first) == 1
    assert first[0].title.startswith("We sailed")
    assert len(second) == 1
    assert second[0].title.startswith("The harbour")


def test_one_rule_in_a_sentence_cuts_nothing() -> None:
    """A single dash run in prose is no diary's rule."""
    text = "Club news\n\nThe vote was close --- March 3, 2001 Members were told at noon.\n"
    assert [e.title for e in parse(text).events if "vote" in e.title]
