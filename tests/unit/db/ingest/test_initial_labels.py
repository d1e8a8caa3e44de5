"""Turn labels made of a speaker's initials, with or without their title's initial."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse


@pytest.mark.parametrize(
    ("heading", "label", "speaker"),
    [
        ("Interview with Senator Liza P. Moreno", "SLPM", "Liza P. Moreno"),
        ("Interview with Liza P. Moreno", "LPM", "Liza P. Moreno"),
        ("Interview with Maria Luisa Cruz Santos", "MLCS", "Maria Luisa Cruz Santos"),
    ],
)
def test_initials_name_the_person_the_text_names(heading: str, label: str, speaker: str) -> None:
    """A transcript that names its speaker in full, then labels her turns with her
    initials (a senate's records put the title's initial first): the turns are hers."""
    doc = parse(
        f"{heading}\n\n"
        "Q: Will the bill pass this week?\n\n"
        f"{label}: We are counting the votes tonight and I expect a result.\n\n"
        "Q: And the budget?\n\n"
        f"{label}: The committee will meet again on Monday to settle it.\n"
    )
    said = [q for q in doc.quotes if q.text.startswith(("We are counting", "The committee"))]
    assert [q.speaker for q in said] == [speaker, speaker]


def test_initials_no_one_has_name_nobody() -> None:
    """Initials that fit no one the text names (no vowel: no given name) are left
    unknown, never turned into a made-up name such as "Sfmd"."""
    doc = parse(
        "Interview on the budget\n\n"
        "Q: Will the bill pass this week?\n\n"
        "SFMD: We are counting the votes tonight and I expect a result.\n\n"
        "Q: And the budget?\n\n"
        "SFMD: The committee will meet again on Monday to settle it.\n"
    )
    said = [q for q in doc.quotes if q.text.startswith(("We are counting", "The committee"))]
    assert len(said) == 2
    assert all(q.speaker is None for q in said), [q.speaker for q in said]


def test_initials_before_a_wide_gap_label_turns() -> None:
    """'TR          When ...': a press office's record sets its speakers' initials
    apart by a gap (a table's column pasted as text), with no colon."""
    doc = parse(
        "Harbour briefing\n\nTom Reed asked Ann Lee about the harbour.\n\n"
        "TR          When will the quay open to the ferries?\n\n"
        "AL          We will open the quay in May, when the work is done.\n\n"
        "TR          And the ferry to the island?\n\n"
        "AL          The ferry will sail again in June, as we planned.\n"
    )
    assert [(q.speaker, q.text[:12]) for q in doc.quotes] == [
        ("Tom Reed", "When will th"),
        ("Ann Lee", "We will open"),
        ("Tom Reed", "And the ferr"),
        ("Ann Lee", "The ferry wi"),
    ]


def test_a_capitalised_word_before_spaces_in_prose_is_no_label() -> None:
    """'US   troops ...' once, at a paragraph's start, is prose typed with extra spaces."""
    doc = parse("Harbour news\n\nUS   troops left the harbour on Monday, Ann Lee said.\n")
    assert [q.text for q in doc.quotes] == []


@pytest.mark.parametrize(("host", "guest"), [("TR", "BL"), ("Tom", "Bo"), ("Bo", "Tom")])
def test_two_letter_labels_alone_on_their_lines_open_turns(host: str, guest: str) -> None:
    """A label alone on its line over the turn ("TR:" / its paragraph), as radio
    transcripts set them: two letters are a speaker's initials or a short given name
    ("Bo:"), not the lone "Q:" heading a question section; a given name the host says
    aloud ("Morning, Bo") is still the one person named so in full."""
    people = {"TR": "Tom Reed", "BL": "Bo Lind", "Tom": "Tom Reed", "Bo": "Bo Lind"}
    doc = parse(
        "Radio talk with Tom Reed and Bo Lind\n\n"
        f"{host}:\n\nGood morning, {people[guest].split()[0]}. How is the harbour?\n\n"
        f"{guest}:\n\nMorning, {people[host].split()[0]}. The quay opens in May.\n\n"
        f"{host}:\n\nAnd the ferry to the island, will it sail?\n\n"
        f"{guest}:\n\nThe ferry will sail again in June, as we planned.\n"
    )
    assert [(q.speaker, q.text[:10]) for q in doc.quotes] == [
        (people[host], "Good morni"),
        (people[guest], "Morning, " + people[host][0]),
        (people[host], "And the fe"),
        (people[guest], "The ferry "),
    ]
