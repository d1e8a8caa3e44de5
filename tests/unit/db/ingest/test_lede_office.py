"""A lede's "a spokesman said" names the one person the next lines give that office."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

ARTICLE = "Village fed up with late-night racing\n\n{body}\n"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # the office by its abbreviated title
            "Drivers racing through Kettleby at night have left villagers "
            "\u201cat the end of their patience\u201d, a local councillor said.\n\n"
            "Cllr Nora Pike, who represents the village, raised it at a meeting.",
            "Nora Pike",
        ),
        (  # the office by its full title
            "The road will stay shut \u201cfor as long as it takes to fix it\u201d, "
            "a spokesman said.\n\nSpokesman Ivo Marsh said repairs began on Monday.",
            "Ivo Marsh",
        ),
        (  # two people hold the office: unknown
            "Drivers racing through Kettleby at night have left villagers "
            "\u201cat the end of their patience\u201d, a local councillor said.\n\n"
            "Cllr Nora Pike and Cllr Alma Reed raised it at a meeting.",
            None,
        ),
        (  # the office-holder is named far below: unknown
            "Drivers racing through Kettleby at night have left villagers "
            "\u201cat the end of their patience\u201d, a local councillor said.\n\n"
            + "The council has received many letters about the noise. " * 12
            + "\n\nCllr Nora Pike raised it at a meeting.",
            None,
        ),
    ],
)
def test_lede_office(body: str, speaker: str | None) -> None:
    """The indefinite office takes the one person tied to it just below, else unknown."""
    doc = parse(ARTICLE.format(body=body))
    assert quote_with(doc, "for as long" if "long" in body else "end of their").speaker == speaker


def test_abbreviated_title_ties_its_office() -> None:
    """The title "Cllr" ties its holder to "the councillor" further down."""
    body = (
        "Cllr Nora Pike opened the new village hall on Friday.\n\n"
        "\u201cWe worked hard for this building,\u201d the councillor said."
    )
    doc = parse(ARTICLE.format(body=body))
    assert quote_with(doc, "worked hard").speaker == "Nora Pike"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (  # "the prime minister" is not the deputy named last
            "Prime Minister Ana Kovac spoke after the vote. Critics had hoped to replace "
            "Deputy Prime Minister Ivo Marsh.\n\nThe prime minister said: \u201cWe have "
            "the numbers and we will govern.\u201d",
            "Ana Kovac",
        ),
        (  # "the deputy prime minister" is the deputy
            "Prime Minister Ana Kovac spoke after the vote. Critics had hoped to replace "
            "Deputy Prime Minister Ivo Marsh.\n\nThe deputy prime minister said: \u201cWe "
            "have the numbers and we will govern.\u201d",
            "Ivo Marsh",
        ),
        (  # no plain prime minister named: unknown, not the deputy
            "Critics had hoped to replace Deputy Prime Minister Ivo Marsh.\n\nThe prime "
            "minister said: \u201cWe have the numbers and we will govern.\u201d",
            None,
        ),
    ],
)
def test_a_deputy_is_not_the_office(body: str, speaker: str | None) -> None:
    """An office refers back only to a holder of the same rank: "the prime minister"
    never to a "Deputy Prime Minister", nor "the minister" to a former one."""
    doc = parse(ARTICLE.format(body=body))
    assert quote_with(doc, "the numbers").speaker == speaker


def test_an_office_in_title_case_refers_back() -> None:
    """An office capitalised as papers write one held ("the Prime Minister said") is the
    person the text gave that title."""
    body = (
        "Prime Minister Ana Kovac said she would stay on after the vote.\n\n"
        "She also said the government would go on. \u201cFor the moment, we can "
        "continue as we are,\u201d the Prime Minister said."
    )
    doc = parse(ARTICLE.format(body=body))
    assert quote_with(doc, "For the moment").speaker == "Ana Kovac"


@pytest.mark.parametrize(
    ("body", "speaker"),
    [
        (
            "Prime Minister Ana Kovac met Finance Minister Ivo Marsh.\n\n"
            "\u201cWe have the numbers,\u201d the prime minister said.",
            "Ana Kovac",
        ),
        (
            "Finance Minister Ivo Marsh met the unions.\n\n"
            "\u201cWe have the numbers,\u201d the prime minister said.",
            None,
        ),
        (
            "Prime Minister Ana Kovac met Finance Minister Ivo Marsh.\n\n"
            "\u201cWe have the numbers,\u201d the finance minister said.",
            "Ivo Marsh",
        ),
    ],
)
def test_an_office_word_names_its_own_holder(body: str, speaker: str | None) -> None:
    """The title words of "the prime minister" must all be the holder's: another
    minister named later is not the prime minister."""
    doc = parse(ARTICLE.format(body=body))
    assert quote_with(doc, "the numbers").speaker == speaker
