"""Transcript labels change form along a text: a full name with a particle ("Mayor Ann
van Dijk:", "Luis de la Cruz:"), then the given name alone ("Ann:") once the text has
named one Ann. Every text is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

FIRST = "Good morning, Tom, and thank you for having me on the programme today."
LATER = "We rebuilt the wall stone by stone, and the council paid for none of it."
ASK = "What did the council say when you asked for the money to rebuild it?"


def _turns(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.text) for q in parse(text).quotes]


@pytest.mark.parametrize(
    ("label", "later", "full"),
    [
        ("Mayor Ann van Dijk", "Mayor", "Ann van Dijk"),
        ("Luis de la Cruz", "De la Cruz", "Luis de la Cruz"),
        ("Dr. Omar bin Said", "Dr. Omar bin Said", "Omar bin Said"),
        ("Đorđe Radulović", "Radulović", "Đorđe Radulović"),
        ("Łukasz Żmuda", "Żmuda", "Łukasz Żmuda"),
    ],
)
def test_a_label_with_a_name_particle_opens_a_turn(label: str, later: str, full: str) -> None:
    text = (
        "Harbour hour\n\nTom Reed: Good morning, this is the harbour hour on the radio.\n\n"
        f"{label}: {FIRST}\n\nTom Reed: {ASK}\n\n{later}: {LATER}\n"
    )
    found = _turns(text)
    assert (full, FIRST) in found


@pytest.mark.parametrize("given", ["Anna", "ANNA"])
def test_a_given_name_label_is_the_one_person_so_named(given: str) -> None:
    text = (
        "Harbour hour\n\nTom Reed: Good morning, this is the harbour hour on the radio.\n\n"
        f"Anna Voss: {FIRST}\n\nTom: {ASK}\n\n{given}: {LATER}\n"
    )
    found = _turns(text)
    assert ("Anna Voss", LATER) in found
    assert ("Tom Reed", ASK) in found


def test_a_given_name_two_people_share_is_nobody_known() -> None:
    text = (
        "Harbour hour\n\nTom Reed: Good morning, this is the harbour hour on the radio.\n\n"
        f"Anna Voss: {FIRST}\n\nAnna Berg: I agree with every word of that.\n\n"
        f"Tom Reed: {ASK}\n\nAnna: {LATER}\n"
    )
    speakers = {words: speaker for speaker, words in _turns(text)}
    assert speakers[LATER] not in ("Anna Voss", "Anna Berg")


# Broadcast, press-conference and conference-call transcripts label someone they do not
# name by what is heard or by the part they play: "UNIDENTIFIED MALE:", "Interpreter:",
# "Operator:", "ANNOUNCER:". The words are a quote of no one named.
@pytest.mark.parametrize(
    "label",
    [
        "UNIDENTIFIED MALE",
        "Interpreter",
        "UNIDENTIFIED VOICES",
        "Unknown Speaker",
        "Operator",
        "ANNOUNCER",
        "Narrator",
    ],
)
def test_a_label_of_an_unnamed_voice_names_no_one(label: str) -> None:
    text = (
        "Harbour hour\n\nTOM REED: Good morning, this is the harbour hour on the radio.\n\n"
        f"{label}: {LATER}\n\nTOM REED: {ASK}\n"
    )
    found = _turns(text)
    assert (None, LATER) in found
    assert all(speaker is None or "Tom Reed" in speaker for speaker, _ in found)


@pytest.mark.parametrize(
    "label",
    [
        "Rt Hon ANN LEE (Prime Minister):",
        "Rt Hon ANN LEE :",
        "Rt. Hon. Ann Lee:",
        "Hon. Ann Lee :",
    ],
)
def test_a_members_label_with_its_courtesy_opens_a_turn(label: str) -> None:
    """A parliament's record labels a member with "Rt Hon" or "Hon." and, in question
    time, a space before the colon: each such paragraph is that member's turn."""
    text = (
        f"Question time\n\nTom Reed: {ASK}\n\n{label} {FIRST}\n\n"
        f"Tom Reed: And then?\n\n{label} {LATER}\n"
    )
    assert _turns(text) == [
        ("Tom Reed", ASK),
        ("Ann Lee", FIRST),
        ("Tom Reed", "And then?"),
        ("Ann Lee", LATER),
    ]


def test_a_labelled_short_reply_is_said_not_a_scare_quote() -> None:
    """`Reed: "We competed"`: a speaker's label, then a two-word quote that is all the
    rest of its paragraph, is the speaker's whole reply; a note's `Note: "Closed"` and a
    scare quote inside a sentence stay fragments."""
    doc = parse(
        'Quay talk\n\nAnn Lee: "What went well in the race today?"\n\nTom Reed: "We rowed"\n\n'
        'Note: "Closed"\n\nThe crews called it a "quiet race".\n'
    )
    assert [(q.speaker, q.text, q.fragment) for q in doc.quotes] == [
        ("Ann Lee", "What went well in the race today?", False),
        ("Tom Reed", "We rowed", False),
        (None, "Closed", True),
        (None, "quiet race", True),
    ]


@pytest.mark.parametrize(
    "label",
    ["Shri Tomas Reed, Official Spokesperson", "Tomas Reed, Harbour Master of the Port"],
)
def test_a_label_with_an_honorific_or_its_role_after_a_comma(label: str) -> None:
    """'Shri Arindam Bagchi, Official Spokesperson:': India's honorific before the name,
    and the speaker's role in title case after a comma, as a ministry's briefing labels
    its spokesperson."""
    text = f"Weekly briefing\n\n{label}: {FIRST}\n\nAnna Berg: {ASK}\n\n{label}: {LATER}\n"
    found = _turns(text)
    assert ("Tomas Reed", FIRST) in found
    assert ("Tomas Reed", LATER) in found


def test_labels_in_accented_capitals_with_a_suffix_or_a_hyphen() -> None:
    """'MS. OSEÑA-PAEZ:', 'ÁNGEL RUIZ:', 'DOST SEC. SOLIDUM JR.:': accented capitals
    label a turn, a hyphenated name keeps both its capitals, and "Jr." is no surname, so
    the label finds the person the headline names."""
    text = (
        "Press Briefing of Ms. Daphne Oseña-Paez with Harbour Secretary Renato Solidum Jr.\n\n"
        f"MS. OSEÑA-PAEZ: {FIRST}\n\nDOST SEC. SOLIDUM JR.: {LATER}\n\nÁNGEL RUIZ: {ASK}\n"
    )
    found = _turns(text)
    assert ("Daphne Oseña-Paez", FIRST) in found
    assert ("Renato Solidum Jr.", LATER) in found or ("Renato Solidum", LATER) in found
    assert ("Ángel Ruiz", ASK) in found


def test_a_links_caption_is_no_turn_and_an_office_to_be_is_no_name() -> None:
    """'Watch Video: https://...' captions a link and labels no one's words; 'Mr
    SPEAKER-ELECT:' is an office not yet held, never a person "Speaker-Elect"."""
    doc = parse(
        "Harbour Assembly record\n\nWatch Video: https://www.example.org/watch?v=harbour\n\n"
        "Mr SPEAKER-ELECT: Honourable members, I am honoured that you have elected me.\n\n"
        "ANN LEE: I congratulate the Speaker on his election today.\n\n"
        "TOM REED: And I join her in that, on behalf of the harbour towns.\n"
    )
    speakers = [q.speaker for q in doc.quotes]
    assert speakers == [None, "Ann Lee", "Tom Reed"], speakers
    assert not {"Watch Video", "Speaker-Elect"} & {p.canonical for p in doc.people}
