"""An interview's headline names the one person it interviews, in the forms publishers
give it ("Interview: ...", "Q&A with ...", "In conversation with ...", "... on the
record"), and so does a press conference's ("Ann Lee's Regular Press Conference"); that
person's are the `A:` turns. Every text is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

ANSWERS = [
    "In a house by the water, and I saw it every single morning.",
    "They were fishermen, both of them, and so was my grandfather.",
]
BODY = f"Q: Where were you born?\n\nA: {ANSWERS[0]}\n\nQ: And your parents?\n\nA: {ANSWERS[1]}\n"


@pytest.mark.parametrize(
    "headline",
    [
        "Interview #7: Harbour Master Anna Voss",
        "Interview #12: Glen Ellis, ME Harbour Master Anna Voss",  # a place and its state
        "Q&A with harbour master, Dr. Anna Voss",
        "Q&A: Anna Voss on the old harbour",
        "In conversation with Anna Voss",
        "Five questions for Anna Voss",
        "Anna Voss: the interview",
        "Harbour Spokesperson Anna Voss's Regular Press Conference on May 3, 2013",
        "Press briefing by harbour master Anna Voss",
    ],
)
def test_the_headline_names_who_answers(headline: str) -> None:
    doc = parse(f"{headline}\n\nWe talked about the harbour and its history.\n\n{BODY}")
    found = [(q.speaker, q.text) for q in doc.quotes if q.text in ANSWERS]
    assert found == [("Anna Voss", answer) for answer in ANSWERS]


@pytest.mark.parametrize(
    "headline",
    [
        "Interview: Anna Voss and Karl Berg on the harbour",  # two people
        "Press conference of Anna Voss and Karl Berg",  # two people
        "Anna Voss opens the new harbour",  # no interview named
    ],
)
def test_a_headline_without_one_interviewee_names_nobody(headline: str) -> None:
    doc = parse(f"{headline}\n\nWe talked about the harbour and its history.\n\n{BODY}")
    found = [q.speaker for q in doc.quotes if q.text in ANSWERS]
    assert found == [None, None]


def test_a_surname_that_is_also_a_places_first_word_is_a_name() -> None:
    """The surname "Hong" opens "Hong Kong" too: "Minister Hong Lei" is a person,
    while "Hong Kong" stays a place."""
    doc = parse(
        "Briefing\n\nMinister Hong Lei met officials from Hong Kong on Monday.\n\n"
        '"We support the talks," Hong said.\n'
    )
    assert [q.speaker for q in doc.quotes] == ["Hong Lei"]
    assert "Hong Kong" not in [p.canonical for p in doc.people]
