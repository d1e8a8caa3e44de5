"""An office written in lower case before a name ("police spokesman Ivo Marsh") ties
that person to it as a title does ("Spokesman Ivo Marsh"): "the spokesman" is then
that person. A party or a place before the office stays part of the tie, so "the Tory
leader" is not the "Lib Dem leader" named before."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

QUOTE = "\u201cWe will rebuild the road before the winter comes,\u201d"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # the office in lower case, a place's word before it
            f"Police spokesman Ivo Marsh said the road was shut.\n\n{QUOTE} the spokesman said.",
            "Ivo Marsh",
        ),
        (  # the use names the same party as the tie
            "Labour councillor Nora Pike spoke first. Tory councillor Alma Reed spoke next."
            f"\n\n{QUOTE} the Labour councillor said.",
            "Nora Pike",
        ),
        (  # the use names another party: not the one tied
            "Lib Dem leader Nora Pike lost her seat.\n\n"
            f"The victorious Tory leader said: {QUOTE[:-2]}.\u201d",
            None,
        ),
    ],
)
def test_an_office_in_lower_case_before_a_name_ties_it(body: str, speaker: str | None) -> None:
    doc = parse(f"Road news\n\n{body}\n")
    assert quote_with(doc, "rebuild the road").speaker == speaker


@pytest.mark.parametrize(
    "attribution",
    [
        "The spokesman\u2019s statement added:",
        "Marsh\u2019s statement added:",
        "Marsh's letter to the council said:",
    ],
)
def test_a_persons_own_writing_speaks_for_them(attribution: str) -> None:
    """'The spokesman's statement added: "..."': what a person wrote is theirs."""
    doc = parse(
        f"Road news\n\nPolice spokesman Ivo Marsh said the road was shut.\n\n"
        f"{attribution} \u201cWe will rebuild the road before the winter comes.\u201d\n"
    )
    assert quote_with(doc, "rebuild the road").speaker == "Ivo Marsh"
