"""A bare quote paragraph under a paragraph that reports someone's words is theirs
only when exactly one person is reported speaking there: two people, or two speakers
in turn, leave the quote's speaker unknown (a wrong name is worse than none)."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

QUOTE = '"He gave his whole life to this harbour and we will miss him terribly."'
HEAD = "The harbour town mourned its mayor on Monday.\n\n"


@pytest.mark.parametrize(
    "report",
    [
        "Harbour Minister Ina Berg said she had known him for decades.",
        "Ina Berg, the deputy leader, said she had known him for decades.",
        'Ina Berg said "no words" could convey the loss to the town.',
        "In a post on Facebook, Ina Berg wrote that he had been a mentor to her.",
    ],
)
def test_one_reported_speaker_speaks_on(report: str) -> None:
    doc = parse(f"{HEAD}{report}\n\n{QUOTE}\n")
    assert quote_with(doc, "whole life").speaker == "Ina Berg"


@pytest.mark.parametrize(
    "report",
    [
        "Ina Berg and Tom Reed both said they had known him for decades.",
        "Ina Berg and her deputy Tom Reed told reporters they had known him for decades.",
        "Ina Berg said he had been a friend, and Tom Reed said he had been a mentor.",
        "Ina Berg said he had been a friend. Tom Reed told reporters he was a mentor.",
    ],
)
def test_two_reported_speakers_leave_it_unknown(report: str) -> None:
    doc = parse(f"{HEAD}{report}\n\n{QUOTE}\n")
    assert quote_with(doc, "whole life").speaker is None


@pytest.mark.parametrize(
    "report",
    [
        "Harbour Minister Ina Berg said she had known him for decades. The flags flew low.",
        "According to Ina Berg, he had run the harbour for decades. The flags flew low.",
    ],
)
def test_reported_speech_in_the_quotes_own_paragraph_speaks_on(report: str) -> None:
    """The same report, then the quote opening a sentence of the same paragraph."""
    doc = parse(f"{HEAD}{report} {QUOTE}\n")
    assert quote_with(doc, "whole life").speaker == "Ina Berg"


def test_according_to_reports_above_a_bare_quote_paragraph() -> None:
    """'According to Ina Berg, ...' reports her words as a speech verb would."""
    doc = parse(f"{HEAD}According to Ina Berg, he had run the harbour for decades.\n\n{QUOTE}\n")
    assert quote_with(doc, "whole life").speaker == "Ina Berg"


def test_two_reported_speakers_in_the_quotes_own_paragraph_leave_it_unknown() -> None:
    doc = parse(f"{HEAD}Ina Berg said he was a friend. Tom Reed said he was a mentor. {QUOTE}\n")
    assert quote_with(doc, "whole life").speaker is None
