"""Guards on who counts as a speaker, on invented text: a capitalised adjective before a
plural noun and a speech verb ("Local media reported") is nobody."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

ADJECTIVES = ["Local", "Regional", "Foreign", "Western", "Coastal"]
NOUNS = ["media", "papers", "officials", "residents"]
VERBS = ["reported", "said", "claimed"]


@pytest.mark.parametrize("verb", VERBS)
@pytest.mark.parametrize("noun", NOUNS)
@pytest.mark.parametrize("adjective", ADJECTIVES)
def test_an_adjective_before_a_noun_that_speaks_is_nobody(
    adjective: str, noun: str, verb: str
) -> None:
    doc = parse(
        "Harbour wall to be rebuilt\n\n"
        f"{adjective} {noun} {verb} that the harbour had closed for the winter.\n\n"
        '"We will rebuild the wall before the autumn storms," he said.\n'
    )
    assert adjective not in {p.canonical for p in doc.people}
    assert all(q.speaker is None for q in doc.quotes)


@pytest.mark.parametrize(
    "instrument",
    ["an Executive Decree", "the Secretariat of Human Rights", "the Harbour Ordinance",
     "a Presidential Directive", "the Coastal Charter"],
)  # fmt: skip
def test_a_law_or_a_body_named_between_is_not_who_he_refers_to(instrument: str) -> None:
    """'Mayor Ann Lee ... approved an Executive Decree ...' / '"...," she recalled.': a
    decree, a charter or "Human Rights" is no person a later pronoun could mean."""
    doc = parse(
        "Museum opens\n\n"
        "Mayor Ann Lee opened the harbour museum on Wednesday.\n\n"
        f"She said the council had approved {instrument} to support the victims.\n\n"
        '"Your names will remain engraved," she recalled.\n'
    )
    assert [q.speaker for q in doc.quotes] == ["Ann Lee"]
    assert {p.canonical for p in doc.people} == {"Ann Lee"}
