"""Pages typed with straight single marks as their quotation marks ('...'), as many
sports and regional pages are: with no double mark anywhere, a straight single mark at a
word's start opens a quote and one after a stop or comma closes it; an apostrophe
(don't, the players' union, the '90s) does neither. Every text is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

SAID = "We expected to win and we were well prepared for the game"
OTHER = "It wasn't the best game we've played but the players' effort was there"


@pytest.mark.parametrize(
    "layout",
    [
        "'{a},' said Ann Lee after the final.\n\n'{b},' said Tom Reed.\n",
        "'{a}.' Wanderers coach Ann Lee after the final.\n\n'{b}.' Rovers boss Tom Reed.\n",
        "'{a}!' was all Ann Lee would say.\n\n'{b}?' asked Tom Reed.\n",
        "'{a}. And we knew it,' she said.\n\n'{b}. That is all,' he added.\n",
    ],
)
def test_straight_singles_quote_on_a_page_without_double_marks(layout: str) -> None:
    doc = parse("Weekend quotes\n\n" + layout.format(a=SAID, b=OTHER))
    texts = [q.text for q in doc.quotes]
    assert any(t.startswith(SAID) for t in texts)
    assert any(t.startswith(OTHER) for t in texts)


def test_a_straight_quote_runs_on_into_a_paragraph_opening_with_a_mark() -> None:
    doc = parse(
        f"Weekend quotes\n\n'{SAID}.\n\n'{OTHER},' Ann Lee said.\n\n"
        "'It was a long season and we are all tired now,' said Tom Reed.\n"
    )
    assert [q.text[:12] for q in doc.quotes] == [SAID[:12], "It was a lon"]
    assert OTHER in doc.quotes[0].text


def test_apostrophes_alone_open_no_quote() -> None:
    doc = parse(
        "Club news\n\nThe players' union met on Monday. It's the first time since the '90s "
        "that the club's owners have come. Members didn't say much.\n\n"
        "The managers' meeting follows on Friday and the owners' lawyers will attend.\n"
    )
    assert doc.quotes == []


def test_straight_singles_inside_double_quotes_stay_nested() -> None:
    """With double marks on the page, a straight single mark is no quotation of its own."""
    doc = parse(
        "Club news\n\n\u201cThe coach told us 'keep going until the end' and we did it,\u201d "
        "said Ann Lee.\n\n\u201cIt was hard work,\u201d said Tom Reed.\n"
    )
    assert sorted(q.text[:8] for q in doc.quotes) == ["It was h", "The coac"]


@pytest.mark.parametrize(
    "layout",
    [
        # British punctuation: the comma or stop outside the closing mark
        "'{a}', said Ann Lee after the final.\n\n'{b}', said Tom Reed.\n",
        # a quote a speech verb introduces mid-paragraph
        "After the final Ann Lee said, '{a}.'\n\nTom Reed told reporters: '{b}.'\n",
    ],
)
def test_british_punctuation_and_introduced_straight_quotes(layout: str) -> None:
    doc = parse("Weekend quotes\n\n" + layout.format(a=SAID, b=OTHER))
    texts = [q.text for q in doc.quotes]
    assert any(t.startswith(SAID) for t in texts), texts
    assert any(t.startswith(OTHER) for t in texts), texts


def test_a_straight_headline_quote_ends_at_its_mark() -> None:
    doc = parse(
        "'We expected to win the final' - Wanderers reflect on a long season\n\n"
        f"'{SAID},' said Ann Lee.\n\n'{OTHER},' said Tom Reed.\n"
    )
    assert "We expected to win the final" in [q.text for q in doc.quotes]


def test_a_mid_paragraph_mark_no_speech_verb_introduces_stays_out() -> None:
    doc = parse(
        "Weekend quotes\n\nThe club has called the deal 'a fair price for everyone involved'"
        f" and moved on.\n\n'{SAID},' said Ann Lee.\n\n'{OTHER},' said Tom Reed.\n"
    )
    assert not [q for q in doc.quotes if q.text.startswith("a fair price")]


@pytest.mark.parametrize(("mark", "verb"), [(",", "said"), ("?", "asked"), ("!", "said")])
def test_one_straight_quote_closed_before_its_speaker_is_a_quote(mark: str, verb: str) -> None:
    """A page's only straight-mark quote is one when a comma, question or exclamation
    mark closes it before its "she said": no apostrophe closes so."""
    doc = parse(f"Weekend quotes\n\nAnn Lee coaches the Wanderers.\n\n'{SAID}{mark}' she {verb}.\n")
    kept = "" if mark == "," else mark  # a comma before the verb is no part of the words
    assert [(q.speaker, q.text) for q in doc.quotes] == [("Ann Lee", SAID + kept)]


def test_one_straight_pair_closed_by_a_stop_is_no_quote() -> None:
    """One mark at a word's start and one after a full stop, alone on the page, may be
    apostrophes ('Tis, the players'.): without a second quote they stay prose."""
    doc = parse(
        "Weekend quotes\n\nAnn Lee coaches the Wanderers.\n\n"
        "'Tis the season, she thinks, to thank the players.' Fans agree.\n"
    )
    assert doc.quotes == []


def test_straight_singles_in_a_double_mark_page_when_said() -> None:
    """A page that quotes in double marks may set later quotes in straight singles: one
    a speech verb introduces, or one that opens its paragraph before 'he said', is a
    quote; a short scare quote and an unintroduced one are not."""
    doc = parse(
        "Harbour news\n\n"
        '"The eight months of work changed the harbour," the minister said.\n\n'
        "He spoke of the talks with the mayor, saying: 'She called me in the spring and "
        "told me the quay would open.'\n\n"
        "'The mayor asked me to plan the works at the quay,' he said.\n\n"
        "The so-called 'new deal for the whole harbour' was dropped, a 'turning point'.\n"
    )
    texts = [q.text for q in doc.quotes if not q.fragment]
    assert texts == [
        "The eight months of work changed the harbour",
        "She called me in the spring and told me the quay would open.",
        "The mayor asked me to plan the works at the quay",
    ]
