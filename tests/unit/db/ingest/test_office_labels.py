"""A transcript's office label (`PRIME MINISTER:`, `THE PRESIDENT:`) is its holder's
turn only when the text ties exactly one person to that office. Invented texts."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

# (the label, how a title ties someone to the office, how an apposition does)
OFFICES = [
    ("PRIME MINISTER", "Prime Minister", "the prime minister"),
    ("THE PRESIDENT", "President", "the president"),
    ("The President", "President", "the president"),
    ("MAYOR", "Mayor", "the mayor"),
    ("THE CHAIRMAN", "Chairman", "the chairman"),
    ("PREMIER", "Premier", "the premier"),
]
HOLDERS = ["Rosa Lindgren", "Daniel Okafor", "Sean O'Neill"]
ASKER = "HOST"


def _transcript(intro: str, label: str) -> str:
    return (
        "Radio interview, harbour morning show\n\n"
        f"{intro}\n\n"
        f"{ASKER}:\n\nGood morning and welcome to the show.\n\n"
        f"{label}:\n\nGood morning, it is great to be with you both today.\n\n"
        f"{ASKER}:\n\nWill the wall be ready by winter?\n\n"
        f"{label}:\n\nWe will rebuild the wall before the autumn storms.\n"
    )


def _speakers(text: str) -> set[str | None]:
    doc = parse(text)
    return {q.speaker for q in doc.quotes if q.text.startswith(("Good morning, it", "We will"))}


CASES = [
    pytest.param(label, intro, holder, id=f"{key}|{label}|{holder}")
    for label, title, apposed in OFFICES
    for holder in HOLDERS
    for key, intro in (
        ("title", f"This morning we spoke to {title} {holder} about the harbour."),
        ("apposed", f"This morning we spoke to {holder}, {apposed}, about the harbour."),
    )
]


@pytest.mark.parametrize(("label", "intro", "holder"), CASES)
def test_an_office_label_is_its_one_holder(label: str, intro: str, holder: str) -> None:
    assert _speakers(_transcript(intro, label)) == {holder}


@pytest.mark.parametrize(("label", "title", "apposed"), OFFICES)
@pytest.mark.parametrize(
    "intro",
    [
        "This morning we spoke to the harbour's new leader about the wall.",  # no one tied
        "This morning {title} Rosa Lindgren met {title} Gordon Fairweather.",  # two
        "This morning we spoke to Deputy {title} Rosa Lindgren.",  # a lesser office
    ],
)
def test_an_office_label_without_one_holder_is_unknown(
    label: str, title: str, apposed: str, intro: str
) -> None:
    assert _speakers(_transcript(intro.format(title=title), label)) == {None}
