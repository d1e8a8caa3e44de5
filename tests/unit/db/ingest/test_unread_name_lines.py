"""On a page of name lines over quotes, a line the name reading does not take (a
monarch's numeral, a surname that is also a month) still ends the speaker above: the
quote under it is nobody's, not a continuation. Every text is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

PAGE = (
    "The town reacts\n\n"
    "Messages came in from around the region after the flood.\n\n"
    "Ann Lee, mayor\n\n"
    "\u201cWe will rebuild every house on the river, whatever it costs.\u201d\n\n"
    "{line}\n\n"
    "\u201cOur thoughts are with the people of the valley today.\u201d\n\n"
    "Tom Kell, councillor\n\n"
    "\u201cThe river has never risen this fast in living memory.\u201d\n"
)


@pytest.mark.parametrize("line", ["Queen Mary II", "Ruth May, Welsh First Minister"])
def test_a_name_line_not_read_ends_the_speaker_above(line: str) -> None:
    doc = parse(PAGE.format(line=line))
    assert quote_with(doc, "We will rebuild").speaker == "Ann Lee"
    assert quote_with(doc, "Our thoughts are with").speaker != "Ann Lee"
    assert quote_with(doc, "The river has never risen").speaker == "Tom Kell"


def test_a_caption_between_one_speakers_paragraphs_is_still_passed() -> None:
    text = (
        "Ann Lee, the mayor, spoke to the crowd at the river on Monday.\n\n"
        '"We will rebuild every house on the river, whatever it costs," she said.\n\n'
        "the crowd at the river bank\n\n"
        '"And we will start with the school."\n'
    )
    assert quote_with(parse(text), "start with the school").speaker == "Ann Lee"
