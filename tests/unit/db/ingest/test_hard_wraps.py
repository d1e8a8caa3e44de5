"""Hard-wrapped prose, as PDF, e-mail and old web copies break it: a sentence, even its
date, runs on across short lines. Every text here is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import events_on, parse

WRAPPED = [
    # a PDF's column: the date opens the next line, a sentence runs on after it
    (
        "Obituary\n\nThe painter Ann Vale was born in Hobart on\n"
        "3 March 1931. She grew up by the sea and\nlearned to draw from her aunt.\n",
        "1931-03-03",
        "born",
    ),
    # an e-mail's 50-column wrap, the month first
    (
        "Club news\n\nOur founder opened the first clubhouse in\n"
        "June 1958 with twelve members and\na borrowed kettle.\n",
        "1958-06",
        "clubhouse",
    ),
    # an old page's wrap after an article, the date mid-line
    (
        "History of the mill\n\nThe wheel was rebuilt after the\n"
        "flood of 12 April 1884, when the river rose.\n",
        "1884-04-12",
        "wheel",
    ),
    # a wrap after "by", the day first with an ordinal
    (
        "Parish notes\n\nThe new bells were blessed by\n"
        "21st September 1902 The bishop came from Ely for it.\n",
        "1902-09-21",
        "bells",
    ),
]


@pytest.mark.parametrize(("text", "iso", "words"), WRAPPED)
def test_a_sentence_wrapped_onto_its_date(text: str, iso: str, words: str) -> None:
    """A line ending on a word no sentence ends with ("on", "in", "the", "by") runs on
    into the line below, even one that opens with a date: that line is no dated entry."""
    found = events_on(parse(text), iso)
    assert len(found) == 1
    assert words in found[0].title + found[0].summary


def test_a_running_head_inside_wrapped_prose_is_prose() -> None:
    """A copied page's running head ("Ann Vale") between wrapped lines is no speaker's
    label: the prose that runs on from it still tells its dated facts."""
    text = (
        "Obituary\n\nAnn Vale taught at the college for many years.\nIn her second year she\n"
        "Ann Vale\n"
        "took up etching, and after long study she won the national prize in 1962.\n"
    )
    found = events_on(parse(text), "1962")
    assert len(found) == 1
    assert "prize" in found[0].title


@pytest.mark.parametrize("separator", [" - ", ": ", " | "])
@pytest.mark.parametrize("month", ["August", "early May"])
def test_a_month_ending_a_line_is_not_the_next_entrys_year(separator: str, month: str) -> None:
    """'... retired in August' over '1971 - A storm ...': the year heads the next entry,
    so the month is the entry's own year's (1969), never a month of 1971."""
    text = (
        "Harbour chronology\n\n1968 - The harbour board was formed.\n"
        f"1969 - The east quay opened to ships.\nThe old ferryman retired in {month}\n"
        f"1971{separator}A storm wrecked the pier.\n"
    )
    dates = [e.date.iso() for e in parse(text).events]
    number = "08" if month == "August" else "05"
    assert f"1969-{number}" in dates
    assert f"1971-{number}" not in dates


def test_a_month_wrapped_onto_its_year_in_prose_is_one_date() -> None:
    """The same break in a sentence that runs on is a wrap: 'in August' / '1971 and'."""
    text = (
        "The ferry\n\nThe ferryman kept the crossing for years and retired in August\n"
        "1971 and moved.\n"
    )
    assert [e.date.iso() for e in parse(text).events] == ["1971-08"]
