"""A transcript's header may name who its labels stand for ("Interviewer: Tom Reed",
"Interviewee: Anna Voss", "Host: ...", "Guest: ..."): those lines are no turns, and
the labels after them (`TR:`, `AV:`, `Q:`, `A:`) are those people's. Every text is
invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

ASK = "What did you do first when the water went down in the spring?"
ANSWER = "We built the wall again, stone by stone, with our own hands."
HEADERS = [
    "Interviewer: Tom Reed\nInterviewee: Anna Voss",
    "Interviewer: Tom Reed\n\nInterviewee: Anna Voss",
    "Host: Tom Reed\nGuest: Anna Voss",
]


@pytest.mark.parametrize("header", HEADERS)
@pytest.mark.parametrize(("asks", "answers"), [("TR", "AV"), ("Q", "A")])
def test_a_header_names_who_the_labels_stand_for(header: str, asks: str, answers: str) -> None:
    text = (
        f"Harbour memories\n\n{header}\n\n{asks}: {ASK}\n\n{answers}: {ANSWER}\n\n"
        f"{asks}: And the council?\n\n{answers}: They sent a letter, and that was all.\n"
    )
    found = [(q.speaker, q.text) for q in parse(text).quotes]
    assert ("Anna Voss", ANSWER) in found
    assert ("Tom Reed", ASK) in found
    assert all(words != "Anna Voss" for _, words in found)  # the header is no quote
