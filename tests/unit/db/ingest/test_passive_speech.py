"""A passive speech verb on invented text: its subject is what was spoken of or to,
never who spoke ("The mill was described as ..."); the agent after "by" speaks."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

# The ways a text says what something was called, with no one named as saying it.
UNSPOKEN = [
    'Harbour Mill was described as "a marvel of its age" by the time it closed.',
    'Tomas Reed was told: "The wall will not last another winter."',
    'Lyle Carver has been widely called "the saviour of the harbour" for years.',
    'Kettle Bridge is often described as "the eighth wonder of the county" today.',
]


@pytest.mark.parametrize("sentence", UNSPOKEN)
def test_the_subject_of_a_passive_speech_verb_does_not_speak(sentence: str) -> None:
    doc = parse(f"Harbour history\n\n{sentence}\n")
    assert len(doc.quotes) == 1
    assert doc.quotes[0].speaker is None


def test_the_agent_of_a_passive_speech_verb_speaks() -> None:
    doc = parse(
        "Harbour history\n\n"
        'Harbour Mill was described by Mayor Tomas Reed as "the finest mill in the county".\n'
    )
    assert quote_with(doc, "finest mill").speaker == "Tomas Reed"


def test_a_progressive_speech_verb_keeps_its_subject() -> None:
    doc = parse(
        "Harbour history\n\n"
        'Tomas Reed was saying "the wall will hold" to anyone who would listen.\n'
    )
    assert quote_with(doc, "the wall will hold").speaker == "Tomas Reed"


# "X was quoted as saying" after the quote: the words a paper or agency reported X said.
QUOTED_AS = [
    '"The wall will not last another winter," Reed was quoted as saying.',
    '"The wall will not last another winter," Reed was quoted as telling the Harbour Post.',
    '"The wall will not last another winter," Reed was quoted by the Harbour Post as saying.',
]


@pytest.mark.parametrize("sentence", QUOTED_AS)
def test_a_name_quoted_as_saying_after_the_quote_speaks(sentence: str) -> None:
    doc = parse(f"Harbour wall\n\nMayor Tomas Reed visited the harbour on Monday.\n\n{sentence}\n")
    assert quote_with(doc, "another winter").speaker == "Tomas Reed"


def test_a_name_quoted_as_something_else_does_not_speak() -> None:
    doc = parse(
        "Harbour wall\n\nMayor Tomas Reed visited the harbour on Monday.\n\n"
        '"The wall will not last another winter," Reed was quoted as an example in the report.\n'
    )
    assert quote_with(doc, "another winter").speaker is None
