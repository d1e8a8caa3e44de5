"""Lines a saved page carries around its article yield nothing (invented lines)."""

from __future__ import annotations

import pytest

from db.ingest.clean import classify_lines, normalise
from tests.unit.db.ingest.helpers import parse


def _kind(line: str) -> str:
    return classify_lines(line, normalise(line))[0].kind


@pytest.mark.parametrize(
    "line",
    [
        "For a complete list of our harbour notices, see here.",
        "To read the harbour trust's full report of March 3, 2019, click here",
        "For the quay's summer timetable, go here!",
        "To hear Mara Quell's talk on the old boats, listen here.",
    ],
)
def test_a_line_that_sends_the_reader_to_a_link_is_furniture(line: str) -> None:
    """ "For ..., see here.": the words were a link's; the line says nothing itself."""
    assert _kind(line) == "furniture"
    doc = parse(f"Quay open\n\n{line}\n\nThe quay stays open to fishing boats.\n")
    assert doc.events == []
    assert doc.quotes == []


@pytest.mark.parametrize(
    "line",
    [
        "As you can see here.",
        "For forty years, the boats came here.",
        "To the harbour master, the quay was home, and he said so here.",
    ],
)
def test_prose_that_ends_with_here_is_kept(line: str) -> None:
    """Only a line that opens with "For" or "To" and sends the reader on is a pointer."""
    assert _kind(line) == "text"


@pytest.mark.parametrize(
    "line",
    ["Members Login", "Login", "Register", "Email this", "View Comments", "Leave a comment"],
)
def test_a_sites_account_and_comment_links_are_furniture(line: str) -> None:
    """A site's account and comment links, each a line of its own, are furniture: the
    title is the headline below them, even one closing with a full stop."""
    assert _kind(line) == "furniture"
    doc = parse(f"{line}\n\nQuay stays open to boats for ten more years.\n\nThe quay opened.\n")
    assert doc.title == "Quay stays open to boats for ten more years."


@pytest.mark.parametrize("control", ["Hide Ad", "Skip Ad", "Close ad", "Report this ad", "Ad"])
def test_an_advert_control_between_quotes_is_nobody(control: str) -> None:
    """A saved page keeps the controls of the adverts it cut out ("Hide Ad", "Skip Ad")
    between paragraphs; they are furniture, and never the speaker of the quote beside
    them."""
    assert _kind(control) == "furniture"
    doc = parse(
        "Quay to reopen\n\nHarbour master Mara Quell spoke after the vote.\n\n"
        f"{control}\n{control}\n\n"
        '"We have waited three winters for this wall," she said.\n'
    )
    assert [q.speaker for q in doc.quotes] == ["Mara Quell"]


@pytest.mark.parametrize("line", ["Read Comments", "Show comments", "See Comments", "Read more"])
def test_a_comments_link_closing_the_page_is_nobody(line: str) -> None:
    """A comments or "read more" link on the page's last line is furniture, not a name
    under the paragraph above it."""
    assert _kind(line) == "furniture"
    doc = parse(
        "Quay stays open\n\nThe quay stays open to fishing boats, Mara Quell said.\n\n"
        f'"We will keep the harbour light burning," she said.\n\n{line}\n'
    )
    assert {p.canonical for p in doc.people} == {"Mara Quell"}


@pytest.mark.parametrize(
    "line",
    [
        "Showing 212 results",
        "1 - 20 of 212 results",
        "From Quaypedia, the free harbour guide anyone can edit!",
        "The Wayback Machine - https://web.archive.org/web/2009/http://quay.example/",
        "Other available languages: none",
        "Page last modified 3 May",
        "This page was last edited on 3 May 2020, at 10:00.",
        "More by this Author",
        "(@quay_notes)",
        "@quay_notes",
        "Loading...",
        "Previous Page",
        "Return to home",
    ],
)
def test_a_pages_counts_taglines_and_stamps_are_furniture(line: str) -> None:
    """A search's count, a site's tagline, an archive's banner, a language menu, a
    footer's stamp, a loading widget and a navigation link: never the page's title."""
    assert _kind(line) == "furniture"
    doc = parse(f"{line}\n\nQuay reopens\n\nThe quay reopened to fishing boats on Monday.\n")
    assert doc.title == "Quay reopens"


@pytest.mark.parametrize(
    "head", ["Date Harbourmaster", "Year\tEvent\tNotes", "| Year | Event |", "Date Night"]
)
def test_a_dated_tables_header_row_is_furniture(head: str) -> None:
    """The row that names a dated table's columns, over its first row: no title, no
    person ("Date Harbourmaster"); the rows below it are the table's events."""
    text = f"{head}\n1901 Ann Lee Quay opens\n1932 Tom Reed Bridge opens\n"
    assert classify_lines(text, normalise(text))[0].kind == "furniture"
    doc = parse(text)
    assert doc.title != head
    assert "Date Harbourmaster" not in [p.canonical for p in doc.people]


@pytest.mark.parametrize(
    "line",
    [
        "From Quaypedia, the free harbour guide, this is the news for Monday.",
        "The results were clear to every boat owner.",
        "Year of the Harbour",
        "Date Night",  # over no dated row: a film's name, perhaps
    ],
)
def test_prose_and_headlines_like_them_are_kept(line: str) -> None:
    """A sentence that opens with a tagline's words, and a headline opening with "Year"
    or "Date", are no furniture."""
    assert _kind(line) == "text"


@pytest.mark.parametrize(
    "heading",
    [
        "2 thoughts on \u201cThe day the ferry came back\u201d",
        '14 Responses to "The day the ferry came back"',
        "Leave a Reply",
    ],
)
def test_a_blogs_comments_from_their_heading_on_are_furniture(heading: str) -> None:
    """Readers' comments under a post are no part of it: their "Name says:" lines and
    time stamps give no quote, date or person, while the post above keeps its own."""
    doc = parse(
        "The day the ferry came back\nPosted on March 3, 2015 by harbourmaster\n\n"
        "After six weeks in dry dock the ferry returned on Saturday to a crowd.\n\n"
        '"It felt like Christmas," said Jane Holt, who runs the harbour cafe.\n\n'
        f"{heading}\n\nTom Reed says:\nMarch 4, 2015 at 9:12 am\nGreat photos, thanks!\n\n"
        "Ann Lee says:\nMarch 5, 2015 at 6:40 pm\nI remember when it first sailed in 1961.\n"
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [("Jane Holt", "It felt like Christmas")]
    assert [e.date.iso() for e in doc.events] == ["2015-02-28"]
    assert {p.canonical for p in doc.people} == {"Jane Holt"}


def test_a_response_in_prose_ends_nothing() -> None:
    """'In response to the storm, ...' holds a heading's words but is no heading."""
    doc = parse(
        "Harbour news\n\nThe quay was closed on 3 March 2015.\n\n"
        "2 responses to the storm were planned.\n\n"
        '"We reopen on Friday," said Jane Holt on 4 March 2015.\n'
    )
    assert [q.speaker for q in doc.quotes] == ["Jane Holt"]
