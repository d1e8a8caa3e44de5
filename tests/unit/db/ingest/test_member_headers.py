"""A parliament's record online: a header line for each member over the speech.

Record sites head each speech with the member's photo (its alt text), name, seat and
party, then a line of links, then the speech; the speech runs to the next header.
"""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

_PHOTO_RECORD = """Assembly debates

Tuesday, 4 March 2014

Photo of Nora QuillNora Quill (Dunmore East, Speaker)
Link to this: Individually | In context | Record source

We now come to questions on housing. I call Deputy Fergal Hart.

Photo of Fergal HartFergal Hart (Carrow North, Labour)
Link to this: Individually | In context | Record source

Rents rose again this winter in every town I represent.

Families are being priced out of the places they grew up in.
"""

_PORTRAIT_RECORD = """Harbour Dues (Amendment) Debate

Full Debate: Read Full Debate

Thursday 12th June 2014

Read Full debate Read Record Text
Lord Keane Portrait The Minister for Harbours (Mr Owen Keane)
- Record - - - Excerpts

I beg to move that the Bill be now read a second time.

Ruth Dalby Portrait Mrs Ruth Dalby (Bramley) (Ind)
- Record - -

Will the Minister say what the new dues will cost a small boat?

Lord Keane Portrait Mr Keane
- Record - - - Excerpts

Less than they cost today, for any boat under ten metres.
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            _PHOTO_RECORD,
            [
                ("Nora Quill", "We now come to questions"),
                ("Fergal Hart", "Rents rose again"),
            ],
        ),
        (
            # the links on the header's own line, as OpenAustralia sets them
            _PHOTO_RECORD.replace(
                ")\nLink to this: Individually | In context | Record source",
                ") Share this | | Hansard source",
            ),
            [
                ("Nora Quill", "We now come to questions"),
                ("Fergal Hart", "Rents rose again"),
            ],
        ),
        (
            _PORTRAIT_RECORD,
            [
                ("Owen Keane", "I beg to move"),
                ("Ruth Dalby", "Will the Minister say"),
                ("Owen Keane", "Less than they cost"),
            ],
        ),
    ],
)
def test_each_speech_is_its_members(text: str, expected: list[tuple[str, str]]) -> None:
    """Each header credits the speech below its links line, up to the next header; the
    links line and the page's own links ("Full Debate: ...") are no one's words."""
    doc = parse(text)
    assert [
        (q.speaker, q.text[: len(words)])
        for q, (_, words) in zip(doc.quotes, expected, strict=False)
    ] == expected
    assert len(doc.quotes) == len(expected)


def test_a_speech_runs_over_its_paragraphs() -> None:
    """The second member's speech holds both its paragraphs."""
    hart = [q for q in parse(_PHOTO_RECORD).quotes if q.speaker == "Fergal Hart"]
    assert len(hart) == 1
    assert hart[0].text.endswith("grew up in.")


def test_portrait_in_prose_is_no_header() -> None:
    """A sentence that mentions a portrait heads nothing."""
    doc = parse(
        "The gallery reopens\n\n"
        "Anna Vell Portrait Studio (Leeds) has lent the gallery twelve works.\n\n"
        "Visitors queued from early morning to see them.\n"
    )
    assert doc.quotes == []
