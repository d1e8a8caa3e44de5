"""A speech as a government or a party publishes it: a header that names it a speech
and whose, then the speech itself, one turn of its speaker. Every text is invented."""

from __future__ import annotations

import pytest

from db.records import PartialDate
from tests.unit.db.ingest.helpers import parse

SPEECH = (
    "I am proud to open the new quay today. It took four years to build.\n\n"
    'As the harbour master told me: "The boats will come." We will make sure they do.\n'
)


@pytest.mark.parametrize(
    ("header", "speaker"),
    [
        ("Speech by Ann Lee", "Ann Lee"),
        ("Statement of Mayor Ann Lee on the new quay", "Ann Lee"),
        ("Remarks as prepared for delivery by Dr. Ann Lee", "Ann Lee"),
        ("KEYNOTE ADDRESS BY Ann Lee AT THE QUAY", "Ann Lee"),
        ("Ann Lee's speech from the quay steps", "Ann Lee"),
        ("Harbour: Ann Lee\u2019s Opening Speech", "Ann Lee"),
    ],
)
def test_a_speech_is_one_turn_of_the_speaker_its_header_names(header: str, speaker: str) -> None:
    """The body below the header, from its salutation to its end, is the speaker's; a
    quote inside it is still the words of whom it quotes; the header's day dates it."""
    doc = parse(
        f"Harbour news\n\n{header}\n\nPort Town, 3 May 2019\n\n"
        f"Ladies and gentlemen, friends of the harbour,\n\n{SPEECH}"
    )
    speech = [q for q in doc.quotes if q.text.startswith("Ladies and gentlemen")]
    assert [(q.speaker, q.date) for q in speech] == [(speaker, PartialDate(2019, 5, 3, "day"))]
    assert "We will make sure they do." in speech[0].text
    assert "The boats will come." in [q.text for q in doc.quotes]


@pytest.mark.parametrize(
    "header",
    [
        "Statement by Prime Minister Ann Lee At Press Conference With Harbour Agencies",
        "Address by Mayor Ann Lee On The Opening Of The Quay",
    ],
)
def test_a_title_case_header_names_the_speaker_before_the_occasion(header: str) -> None:
    """A header in title case capitalises the occasion's words too: the name stops
    before "At", "On", "With" ...; a short opening thanks opens the speech."""
    doc = parse(
        f"{header}\n\nThe Honourable Ann Lee, MP\n\nMayor of Port Town\n\nJuly 1, 2024\n\n"
        f"Thank you, Minister.\n\nColleagues, members of the press,\n\n{SPEECH}"
    )
    speech = [q for q in doc.quotes if q.text.startswith("Thank you, Minister.")]
    assert [(q.speaker, q.date) for q in speech] == [("Ann Lee", PartialDate(2024, 7, 1, "day"))]
    assert "We will make sure they do." in speech[0].text


@pytest.mark.parametrize(
    "text",
    [
        # a report of a speech, in the third person
        "Speech by Ann Lee draws praise\n\nThe mayor spoke for an hour. She praised the "
        "crews who built the quay and thanked the town.\n",
        # a body's statement
        f"Statement by Acme Harbour Company\n\n{SPEECH}",
        # two speakers: whose words are which, the text must say
        f"Testimony by Ann Lee and Tom Reed\n\n{SPEECH}",
        # a question about a speech, and a name's possessive inside a line
        f"Was Ann Lee's speech at the quay fair?\n\n{SPEECH}",
        f"Crews cheered Ann Lee's speech at the quay\n\n{SPEECH}",
        # a sentence that introduces a statement in marks, which say whose it is
        'The following is a statement from Ann Lee:\n\n"I am proud of the quay and of '
        'every one of its builders."\n',
    ],
)
def test_no_speech_turn_where_the_header_or_body_says_otherwise(text: str) -> None:
    """No turn for a report, a body, two speakers or a sentence that introduces a
    marked statement: the speech turn never takes words the text gives to no one."""
    doc = parse(text)
    assert not [q for q in doc.quotes if q.text.startswith(("I am proud to", "The mayor", '"'))]


@pytest.mark.parametrize("close", ["", "\u201d"])
def test_a_speech_inside_one_opening_mark_is_its_speakers(close: str) -> None:
    """'\u201cFriends, I greet you ...' to the end (closed in the last paragraph, or cut off
    before it): one mark holds the whole speech, so it is one turn of the header's
    speaker, and no quote of no one's."""
    doc = parse(
        "Ann Lee\u2019s speech from the quay steps\n\n"
        f"\u201cFriends and neighbours, I greet you all.\n\n{SPEECH.rstrip()}{close}\n"
    )
    speech = [q for q in doc.quotes if q.text.startswith("Friends")]
    assert [q.speaker for q in speech] == ["Ann Lee"]
    assert "We will make sure they do." in speech[0].text


@pytest.mark.parametrize(
    "cue",
    ["The following is the full text of her speech.", "Below is the text of her address."],
)
def test_the_full_text_of_her_speech_is_the_named_speakers(cue: str) -> None:
    """A report's paragraph names the speaker, then a sentence says the text below is
    'her speech': the speech from its salutation on is one turn of that person."""
    doc = parse(
        "Mayor sets out the harbour plan\n\n"
        "Mayor Ann Lee yesterday set out the council's plans for the harbour, speaking at "
        f"the opening of the new session.\n\n{cue}\n\n"
        f"Ladies and gentlemen, friends of the harbour,\n\n{SPEECH}"
    )
    speech = [q for q in doc.quotes if q.text.startswith("Ladies and gentlemen")]
    assert [q.speaker for q in speech] == ["Ann Lee"]


def test_a_report_that_ends_by_giving_the_speech_names_its_speaker() -> None:
    """A long report whose last sentence gives the speech below it ("Here is the message
    to the nation of ... Ann Lee this Monday, March 8."): the speech is hers, said on the
    day the report states, in the year it stated last."""
    doc = parse(
        "Mayor speaks to the town\n\n"
        "Mayor Ann Lee addressed the town on Monday, March 8, 2021 at 8 pm, after a week of "
        "storms that closed the harbour and cut the ferry to the island for five days. "
        "Here is the message to the town of the mayor Ann Lee this Monday, March 8.\n\n"
        f"My dear fellow citizens,\n\n{SPEECH}"
    )
    speech = [q for q in doc.quotes if q.text.startswith("My dear fellow")]
    assert [(q.speaker, q.date) for q in speech] == [("Ann Lee", PartialDate(2021, 3, 8, "day"))]


def test_a_header_over_its_fuller_form_and_a_speech_in_points() -> None:
    """'Remarks of Mayor Lee at the quay' over 'Remarks of Mayor Ann Lee at ... . Bergen,
    16 March 2017.' on the next line, then the remarks as points ('- We have ...'): one
    turn of hers, from the first point, dated by the header."""
    doc = parse(
        "Remarks of Mayor Lee at the quay\n"
        "Remarks of Mayor Ann Lee at the opening of the new quay with the harbour board. "
        "Bergen, 16 March 2017.\n"
        "- We have discussed a wide range of issues today, including the ferry.\n"
        "- I am delighted that the board will meet again in September.\n"
    )
    speech = [q for q in doc.quotes if q.text.startswith("We have discussed")]
    assert [(q.speaker, q.date) for q in speech] == [("Ann Lee", PartialDate(2017, 3, 16, "day"))]
    assert "I am delighted" in speech[0].text


@pytest.mark.parametrize(
    ("header", "speaker"),
    [
        ("Statement by Taoiseach.", None),  # an office the text ties to no one
        ("Statement by Prime Minister.", "Ann Lee"),
    ],
)
def test_a_short_header_that_opens_with_its_cue_may_end_with_a_stop(
    header: str, speaker: str | None
) -> None:
    """'Statement by Taoiseach.' over a statement in the first person heads it, though
    it closes with a stop; an office's holder speaks it where the text ties one to it."""
    text = (
        "Harbour debate\n\nWednesday, 12 Oct 1977\n\n"
        + ("Prime Minister Ann Lee opened the session.\n\n" if speaker else "")
        + f"{header}\n\n"
        "As Deputies know, I met the board of the port on 28th September. We spoke of "
        "the quay and of the ferries.\n\nI sought the meeting after the storm last summer.\n"
    )
    quotes = [(q.speaker, q.text[:20]) for q in parse(text).quotes]
    assert quotes == [(speaker, "As Deputies know, I ")], quotes


@pytest.mark.parametrize(
    ("header", "speaker"),
    [
        ("Remarks by the Mayor at the Opening of the Harbour Bridge", None),
        ("Remarks by the Prime Minister at the Opening of the Harbour Bridge", "Ann Lee"),
    ],
)
def test_a_header_that_names_the_office_with_the_heads_its_speech(
    header: str, speaker: str | None
) -> None:
    """'Remarks by the Mayor at ...': a speech of that office's holder where the text ties
    one to it (here in a line above), of no one named where it does not."""
    text = (
        ("Prime Minister Ann Lee visits the harbour\n\n" if speaker else "") + f"{header}\n\n"
        "Thank you all for coming. Today we open a bridge this town has waited forty "
        "years to build.\n\nWhen my grandfather fished these waters, the only way across "
        "was the ferry.\n"
    )
    quotes = [(q.speaker, q.text[:20]) for q in parse(text).quotes]
    assert quotes == [(speaker, "Thank you all for co")], quotes


def test_a_speech_header_under_a_sites_line_in_one_block_heads_the_speech() -> None:
    """'Official website of the Kellby Harbour Trust and ...' / 'Speech of Chair Ann Lee':
    a site's line long enough to read as wrapped onto the header below it, one block
    of lines whose second is the header."""
    doc = parse(
        "Official website of the Kellby Harbour Trust and its harbour museum\n"
        "Speech of Chair Ann Lee\nKellby\n8 June 2009\n\nDear friends,\n\n"
        "I thought I would speak to you today as we mark ten years of the new quay.\n"
    )
    speech = [q for q in doc.quotes if q.text.startswith("Dear friends")]
    assert [(q.speaker, q.date.iso() if q.date else None) for q in speech] == [
        ("Ann Lee", "2009-06-08")
    ]
