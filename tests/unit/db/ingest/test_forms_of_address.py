"""Forms of address on invented text: a capitalised word after a possessive determiner
("his Honour", "Her Majesty", "your Excellency") is a way of naming someone's rank,
never a person's name of its own."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

# How courts, palaces and embassies are written about, sentence-initial or not.
ADDRESSED = [
    ('"You may appeal within a month," his Honour said.', "Honour"),
    ('"We are delighted to be here," Her Majesty told the crowd.', "Majesty"),
    ('His Excellency said: "The embassy will stay open."', "Excellency"),
    ('"The court rises," said his Lordship.', "Lordship"),
]


@pytest.mark.parametrize(("sentence", "word"), ADDRESSED)
def test_a_form_of_address_is_nobody(sentence: str, word: str) -> None:
    doc = parse(f"A day in court\n\n{sentence}\n")
    assert word not in {p.canonical for p in doc.people}
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker != word


def test_a_name_after_a_possessive_and_a_noun_is_still_a_person() -> None:
    doc = parse('A day in court\n\n"We will appeal," said his lawyer, Tomas Reed.\n')
    assert "Tomas Reed" in {p.canonical for p in doc.people}
