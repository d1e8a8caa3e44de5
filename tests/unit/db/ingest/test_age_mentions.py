"""A person named again by age alone (`"...," the 45-year-old said.`), on invented text:
the one person the text gave that age, and nobody when it gave it to none or two."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

_QUOTE = '"We lost everything in one night," the 45-year-old said.\n'


@pytest.mark.parametrize(
    "introduced",
    [
        "Ann Lee, 45, has run the bakery on Mill Street for a decade.",
        "Ann Lee, aged 45, has run the bakery on Mill Street for a decade.",
        "Ann Lee (45) has run the bakery on Mill Street for a decade.",
        "The flood hit 45-year-old baker Ann Lee hardest.",
    ],
)
def test_an_age_stated_with_a_name_names_the_person_later(introduced: str) -> None:
    doc = parse(
        "Bakery lost in flood\n\n"
        f"{introduced} Firefighter Tom Reed, 52, was first on the scene.\n\n{_QUOTE}"
    )
    assert quote_with(doc, "lost everything").speaker == "Ann Lee"


def test_the_age_before_a_colon_names_the_person_too() -> None:
    doc = parse(
        "Bakery lost in flood\n\nAnn Lee, 45, has run the bakery for a decade.\n\n"
        'The 45-year-old said: "We lost everything in one night."\n'
    )
    assert quote_with(doc, "lost everything").speaker == "Ann Lee"


@pytest.mark.parametrize(
    "introduced",
    [
        "Ann Lee, 45, and Joan Pike, 45, ran the bakery together.",  # two of that age
        "Ann Lee, 44, ran the bakery.",  # another age
        "Ann Lee ran the bakery.",  # no age at all
    ],
)
def test_an_age_given_to_no_one_or_to_two_names_nobody(introduced: str) -> None:
    doc = parse(f"Bakery lost in flood\n\n{introduced}\n\n{_QUOTE}")
    assert quote_with(doc, "lost everything").speaker is None


def test_a_pronoun_after_an_unnamed_age_does_not_reach_past_it() -> None:
    doc = parse(
        "Bakery lost in flood\n\nTom Reed, 52, led the crews through the night.\n\n"
        "A 45-year-old woman was pulled from the water. The 45-year-old was treated "
        'at the scene. "I thought I would drown," she said.\n'
    )
    assert quote_with(doc, "would drown").speaker is None
