"""A title with its portfolio before a name ("Minister for Covid-19 Response Ann Lee",
"Secretary of State Ann Lee", "Mayor of Bergen Ann Lee"): the name is the title's
holder and the subject of the verb after it, not the object of "of" or "for"."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

QUOTE = '"The harbour will open again in the spring, and the boats will come home."'


@pytest.mark.parametrize(
    "title",
    [
        "Minister for Covid-19 Response",
        "Secretary of State",
        "Minister of Internal Affairs",
        "Mayor of Bergen",
        "Director of Public Prosecutions",
    ],
)
def test_a_titled_holder_speaks(title: str) -> None:
    doc = parse(f"The quay was closed on Monday.\n\n{title} Ina Berg said: {QUOTE}\n")
    assert quote_with(doc, "harbour will open").speaker == "Ina Berg"


@pytest.mark.parametrize(
    "lead", ["A spokesman for Ina Berg said", "A friend of Ina Berg said", "Aides to Ina Berg said"]
)
def test_the_object_of_a_preposition_does_not_speak(lead: str) -> None:
    doc = parse(f"The quay was closed on Monday.\n\n{lead}: {QUOTE}\n")
    assert quote_with(doc, "harbour will open").speaker is None


def test_the_object_of_a_titled_holder_does_not_speak() -> None:
    """`a spokesman for Mayor Ina Berg`: the title follows the preposition, so the name
    is still its object: the unnamed spokesman speaks."""
    doc = parse(f"The quay was closed on Monday.\n\nA spokesman for Mayor Ina Berg said: {QUOTE}\n")
    assert quote_with(doc, "harbour will open").speaker is None
