"""The two seed texts: what a careful reader attributes, dates and leaves out."""

from __future__ import annotations

import re

import pytest

from db.ingest import read_source
from db.records import ParsedDocument
from tests.paths import PROJECT_SEEDS
from tests.unit.db.ingest.helpers import parse, quote_with

SEEDS = PROJECT_SEEDS
ARTICLE = "000_46421eaf1cf80e95.txt"
TIMELINE = "004_bcb2b3a130616d09.txt"
PUTIN, BUSH, TRENIN = "Vladimir Putin", "George W. Bush", "Dmitri Trenin"


def seed(name: str) -> ParsedDocument:
    """Parse a seed file as ingest would."""
    return parse(read_source(SEEDS / name), name)


@pytest.fixture(scope="module")
def timeline() -> ParsedDocument:
    """The dated timeline seed."""
    return seed(TIMELINE)


@pytest.fixture(scope="module")
def article() -> ParsedDocument:
    """The CNN article seed."""
    return seed(ARTICLE)


TIMELINE_HEADINGS = [
    ("2001-06-16", "Putin asks why Russia is not being accepted into NATO"),
    ("2001-09-12", "George Bush talks about an"),
    ("2001-10-21", '"Do you think that every Chechen is a terrorist?"'),
    ("2001-11-13", "Bush says Putin is the kind of guy"),
    ("2003-03-18", "Putin gives a lecture on international law"),
    ("2005-09-16", "Putin tells Bush how he believed in the idea of communism"),
    ("2008-04-06", "Putin says Ukraine"),
]


def test_timeline_sections_are_events(timeline: ParsedDocument) -> None:
    """Every dated heading of the file (it has seven) is a day-precision event, in order."""
    text = read_source(SEEDS / TIMELINE)
    heading = re.compile(r"[A-Z][a-z]+ \d{1,2}, \d{4}: ")
    headings = [e for e in timeline.events if heading.match(text, e.span.start)]
    assert len(headings) == len(TIMELINE_HEADINGS)
    for event, (iso, title) in zip(headings, TIMELINE_HEADINGS, strict=True):
        assert (event.date.iso(), event.title[: len(title)]) == (iso, title)
    assert all(e.people[:2] in ([PUTIN, BUSH], [BUSH, PUTIN]) for e in headings)


@pytest.mark.parametrize(
    ("words", "speaker", "iso", "fragment"),
    [
        ("The accession of a country like Ukraine to NATO", PUTIN, "2008-04-06", False),
        ("Do you think every Chechen is a terrorist?", BUSH, "2001-10-21", False),
        ("I was once a member of the Communist Party", PUTIN, "2005-09-16", False),
        ("Soviet goodwill changed the world", PUTIN, "2001-06-16", False),
        ("Maybe Russia could be an ally", PUTIN, "2001-06-16", False),
        ("No, but all the militants are", PUTIN, "2001-10-21", False),
        ("Congress is afraid of the Jewish community", BUSH, "2001-10-21", False),
        ("do everything except one thing", PUTIN, "2001-10-21", False),
        ("President Putin has been very vocal", BUSH, "2001-11-13", False),
        ("We need to kill them like rats", PUTIN, "2001-11-13", False),
        ("Dead or alive", BUSH, "2001-11-13", False),
        ("The most important thing is that", PUTIN, "2003-03-18", False),
        ("right.", BUSH, "2005-09-16", False),
        ("Seventy percent of the population", PUTIN, "2008-04-06", False),
        ("I admire you", BUSH, "2008-04-06", False),
        ("the first to call", BUSH, "2001-09-12", False),  # three words or more: his words
        ("cowards", BUSH, "2001-09-12", True),
        ("artificial country", PUTIN, "2008-04-06", True),
        ("defeat", PUTIN, "2001-10-21", True),
        ("The Russians are coming", None, "2001-11-14", False),
    ],
)
def test_timeline_quotes(
    timeline: ParsedDocument, words: str, speaker: str | None, iso: str, fragment: bool
) -> None:
    """Each quote has its speaker, its section's (or caption's) date and fragment flag."""
    quote = quote_with(timeline, words)
    assert quote.speaker == speaker
    assert quote.date is not None
    assert quote.date.iso() == iso
    assert quote.fragment is fragment


def test_timeline_abandoned_is_fragment(timeline: ParsedDocument) -> None:
    """The headline's “abandoned” is Putin's, and only a fragment."""
    (quote,) = [q for q in timeline.quotes if q.text == "abandoned"]
    assert (quote.speaker, quote.fragment) == (PUTIN, True)


@pytest.mark.parametrize(
    ("iso", "words"),
    [
        ("1954", "applied for membership"),
        ("1956", "Crimean peninsula"),
        ("2003-03-20", "invasion of Iraq"),
        ("2003-03-17", "48 hours"),
        ("2001-09-11", "terrorist attacks"),
        ("2001-11-14", "afternoon toast"),
        ("2008-04-05", "Bocharov Ruchey"),
    ],
)
def test_timeline_dated_facts(timeline: ParsedDocument, iso: str, words: str) -> None:
    """Years, relative dates and captions with their own date are events."""
    assert any(e.date.iso() == iso and words in e.title for e in timeline.events)


def test_timeline_people(timeline: ParsedDocument) -> None:
    """Surnames, 'Bush Jr.' and roles join the full names' clusters."""
    people = {p.canonical: p.aliases for p in timeline.people}
    assert {"Bush", "Bush Jr.", "George Bush", "the us president"} <= people[BUSH]
    assert {"Putin", "the kremlin leader"} <= people[PUTIN]
    assert not {"Cold War", "White House", "Oval Office", "North Korea"} & set(people)


@pytest.mark.parametrize(
    ("words", "speaker", "context"),
    [
        ("Russia knows directly what terrorism means", PUTIN, "televised address"),
        ("And because of this we", PUTIN, "televised address"),
        ("This really worries me", PUTIN, None),
        ("Russia will continue to provide intelligence", PUTIN, None),
        ("I think what he did was a revolution", TRENIN, "Moscow Carnegie Center"),
        ("But that revolution did not happen overnight", TRENIN, "Moscow Carnegie Center"),
        ("It's not that he wants to be friends", TRENIN, None),
    ],
)
def test_article_quotes(
    article: ParsedDocument, words: str, speaker: str, context: str | None
) -> None:
    """The article's quotes are attributed, undated, with their stated context."""
    quote = quote_with(article, words)
    assert quote.speaker == speaker
    assert quote.date is None
    assert quote.fragment is False
    if context is None:
        assert quote.context is None
    else:
        assert quote.context is not None
        assert context in quote.context


def test_article_turning_point_fragment(article: ParsedDocument) -> None:
    """Putin's “turning point” is a fragment."""
    quote = quote_with(article, "turning point")
    assert (quote.speaker, quote.fragment) == (PUTIN, True)


def test_article_event_and_title(article: ParsedDocument) -> None:
    """The headline is the title; 'on September 11' is a month-day event."""
    assert article.title == "9/11 a 'turning point' for Putin"
    assert article.published is None
    assert [e.date.iso() for e in article.events] == ["--09-11"]


@pytest.mark.parametrize("name", [ARTICLE, TIMELINE])
@pytest.mark.parametrize(
    "furniture", ["Skip to main content", "Back to the top", "America Remembers", "Dougherty"]
)
def test_no_furniture_in_output(name: str, furniture: str) -> None:
    """Navigation, link lists and bylines never reach events or quotes."""
    doc = seed(name)
    texts = [q.text for q in doc.quotes]
    texts += [e.title for e in doc.events] + [e.summary for e in doc.events]
    assert all(furniture not in t for t in texts)
    assert all(furniture not in p.canonical for p in doc.people)
