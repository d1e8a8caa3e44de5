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


DIARY = "My hurricane journal\n\nJuly 1990\n\nWe fixed the roof at last.\n\n{month}\n\n{line}\n"


@pytest.mark.parametrize(
    ("month", "line", "iso"),
    [
        # a diary's entry recalls last autumn's day
        (
            "August 1990",
            "I remember on September 18th the pool was full of tiles.",
            "1989-09-18",
        ),
        # a log's entry, "we", a day-first month-day
        ("February 1991", "We lost the generator on 12 November and never found it.", "1990-11-12"),
        # a day's entry: a day later in the year is last year's
        ("March 3, 1995", "My sister came home on 20 December, after the storm.", "1994-12-20"),
    ],
)
def test_a_diary_entry_recalls_a_day_gone_by(month: str, line: str, iso: str) -> None:
    """A month-day after the entry's own date, told in the first person and not of what
    is to come, is last year's: the writer names the last such day."""
    doc = parse(DIARY.format(month=month, line=line))
    assert len(events_on(doc, iso)) == 1


@pytest.mark.parametrize(
    ("line", "iso"),
    [
        # a chronology in the third person tells later days of its year
        ("The council voted on November 29 to send troops.", "1990-11-29"),
        # the diarist's plans: what is to come
        ("We will leave for the coast on September 18th.", "1990-09-18"),
    ],
)
def test_a_later_day_in_a_chronology_or_a_plan_keeps_its_year(line: str, iso: str) -> None:
    doc = parse(DIARY.format(month="August 1990", line=line))
    assert len(events_on(doc, iso)) == 1
