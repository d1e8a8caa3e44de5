"""Records flattened from a PDF (a house's Hansard, a council's minutes, a court's
transcript): speaker labels of a title and a name or an office, and a colon, run
inline in one long paragraph; bracketed stage directions are nobody's words."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

ASSEMBLY = (
    "Harbour County Assembly Official Report\n\n"
    "The House met at 2.30 p.m. QUORUM Hon. Speaker: Serjeant-at-Arms, ring the bell. "
    "(Bell rung) Hon. Speaker: Order, Members. We now have a quorum. Hon. Anna Voss: "
    "Thank you, Madam Speaker. I rise to table the report of the harbour committee on "
    "the state of the old quay. Hon. Speaker: Thank you, Hon. Voss. Hon. Tom Reed: "
    "Madam Speaker, I beg to second the motion.\n"
)

COUNCIL = (
    "Minutes of the harbour council\n\n"
    "Item 4 was taken next. The Chairperson: We come to the quay repairs. Cllr. Anna "
    "Voss: I move that the repairs go ahead this spring. The Chairperson: Is there a "
    "seconder? Cllr. Tom Reed: I second it, Chair. [Laughter] The Chairperson: Then we "
    "vote.\n"
)

COURT = (
    "Transcript of proceedings, Bergen District Court\n\n"
    "The court resumed at ten. The Court: Please be seated. Mr. Tom Reed: Your Honour, "
    "the witness is ready. The Court: Proceed, counsel. Ms. Anna Voss: I saw the boat "
    "leave the quay at nine. Mr. Reed: Who was on it? Ms. Voss: Nobody I knew.\n"
)

PARLIAMENT = (
    "Debates of the house\n\n"
    "Mr. Speaker: Order, order. Mrs. Anna Voss (Bergen North): I rise to speak for the "
    "fishermen of my town. (Applause) Mr. Speaker: The honourable member for Bergen "
    "South. Mr. Tom Reed (Bergen South): The fishermen have my support too.\n"
)


@pytest.mark.parametrize(
    ("text", "first", "voss", "reed"),
    [
        (ASSEMBLY, "Serjeant-at-Arms, ring the bell.", "Thank you, Madam", "Madam Speaker,"),
        (COUNCIL, "We come to the quay repairs.", "I move that", "I second it, Chair."),
        (COURT, "Please be seated.", "I saw the boat", "Your Honour,"),
        (PARLIAMENT, "Order, order.", "I rise to speak", "The fishermen have"),
    ],
)
def test_inline_record_labels_start_turns(text: str, first: str, voss: str, reed: str) -> None:
    """A title and a name (or an office) and a colon after a sentence or a bracket
    starts a turn when such labels recur; a member's turn is the member's."""
    doc = parse(text)
    by_start = {q.text[: len(first)]: q for q in doc.quotes}
    assert first in by_start, [q.text for q in doc.quotes]
    assert by_start[first].speaker is None  # an office no one in the text holds
    assert [q.speaker for q in doc.quotes if q.text.startswith(voss)] == ["Anna Voss"]
    assert [q.speaker for q in doc.quotes if q.text.startswith(reed)] == ["Tom Reed"]


def test_stage_directions_are_not_words_of_the_turn() -> None:
    """`(Bell rung)`, `[Laughter]`, `(Applause)` between sentences are the record's."""
    for text in (ASSEMBLY, COUNCIL, PARLIAMENT):
        doc = parse(text)
        joined = " ".join(q.text for q in doc.quotes)
        assert "Bell rung" not in joined
        assert "Laughter" not in joined
        assert "Applause" not in joined


def test_a_title_before_a_colon_once_is_prose() -> None:
    """One `Dr. Name:` in prose (a caption's, a heading's) makes no transcript."""
    doc = parse(
        "The quay reopened on Monday after a long winter of repairs. Among the guests "
        "was the harbour's historian. Dr. Anna Voss: a life by the water is her new book, "
        "and she signed copies on the pier for most of the afternoon.\n"
    )
    assert doc.quotes == []


def test_capitalised_phrases_before_colons_are_no_labels() -> None:
    """`The Plan: ...`, `Next Steps: ...` are headings run into prose, not speakers."""
    doc = parse(
        "The council met on Monday. The Plan: the quay opens in May. The Plan: the "
        "boats return in June. Next Steps: the board meets again. Next Steps: the "
        "mayor signs the order.\n"
    )
    assert doc.quotes == []


@pytest.mark.parametrize(
    ("chair", "label", "expected"),
    [
        ("(Hon. Speaker (Ms. Anna Voss) in the Chair)", "Hon. Speaker", "Anna Voss"),
        ("[The Deputy Speaker (Mr. Tom Reed) in the Chair]", "The Deputy Speaker", "Tom Reed"),
        ("(Madam Chair (Cllr. Anna Voss) took the Chair)", "Madam Chair", "Anna Voss"),
        ("[MR. SPEAKER in the Chair]", "Mr. Speaker", None),
    ],
)
def test_the_member_in_the_chair_speaks_for_the_office(
    chair: str, label: str, expected: str | None
) -> None:
    """A record says who sits in the chair, by office and name in brackets: that
    office's labels are that person's; a chair with no name leaves them unknown."""
    doc = parse(
        "Official report of the harbour assembly\n\n"
        f"The House met at ten. {chair} PRAYERS {label}: Order, Members. Hon. Ina Berg: "
        f"Thank you. I rise on the quay. {label}: Proceed, then. Hon. Ina Berg: The quay "
        f"is closed. {label}: Thank you.\n"
    )
    chaired = [q.speaker for q in doc.quotes if q.text.startswith(("Order", "Proceed"))]
    assert chaired == [expected, expected]
    assert {q.speaker for q in doc.quotes if q.text.startswith("The quay")} == {"Ina Berg"}


def test_a_record_keeps_to_its_own_labels() -> None:
    """Once a page reads as a record labelled `Hon. Name:`, a bare `Size: px` line of
    the saved page's furniture is no speaker's turn."""
    doc = parse("Size: px\n\nStart display at page:\n\n" + ASSEMBLY.split("\n\n", 1)[1])
    assert all(q.speaker != "Size" for q in doc.quotes)
    assert not any(q.text.startswith("px") for q in doc.quotes)


def test_a_leading_stage_direction_stays_with_the_turn() -> None:
    """`(Laughs) Yes.` opens the turn with the speaker's laugh: it is kept there."""
    doc = parse(
        "Harbour oral history\n\n"
        "TOM REED: Were you scared that night?\n\n"
        "ANNA VOSS: (Laughs) Yes. I was terrified. (Pause) We all were.\n\n"
        "TOM REED: And after?\n"
    )
    assert [q.text for q in doc.quotes if q.speaker == "Anna Voss"] == [
        "(Laughs) Yes. I was terrified. We all were."
    ]


@pytest.mark.parametrize(
    "labels",
    [
        ("ANNA VOSS", "TOM REED", "VOSS", "REED", "AV"),
        ("Anna Voss", "Tom Reed", "Voss", "Reed", "AV"),
        ("MS. ANNA VOSS", "MR. TOM REED", "MS. VOSS", "MR. REED", "ANNA"),
    ],
)
def test_a_label_that_changes_form_is_one_person(labels: tuple[str, ...]) -> None:
    """A transcript names a speaker in full first, then by surname, initials or given
    name: each form is the same person."""
    first, second, third, fourth, fifth = labels
    doc = parse(
        "Harbour oral history\n\n"
        f"{first}: I was born by the water.\n\n{second}: When was that?\n\n"
        f"{third}: In the spring of 1931.\n\n{fourth}: And your father?\n\n"
        f"{fifth}: He fished all his life.\n"
    )
    assert [q.speaker for q in doc.quotes] == [
        "Anna Voss", "Tom Reed", "Anna Voss", "Tom Reed", "Anna Voss"
    ]  # fmt: skip


def test_historic_hansard_glues_each_speech_to_its_member() -> None:
    """`\u00a7 Mr. ReedI apologise ...`: the name ends where its small letter (or the
    office's bracket) meets the speech's capital; a numbered written question (`\u00a7 4.
    Mrs. Ann Vossasked ...`) is no one's words here, and its glued name names no one."""
    doc = parse(
        "HARBOUR POLICY\nHC Deb 4 March 1963\n\n"
        "\u00a7 4. Mrs. Ann Vossasked the Minister of Transport when he will report on the "
        "harbour.\n"
        "\u00a7 The MINISTER OF TRANSPORT (Mr. Tom Reed)I hope to make a statement on the "
        "harbour before the summer recess.\n"
        "\u00a7 Mrs. VossIs the Minister aware that the quay is closing this month?\n"
        "\u00a7 Mr. ReedMy hon. Friend will know that we are watching it closely.\n"
    )
    said = [(q.speaker, q.text.split()[0]) for q in doc.quotes]
    assert said == [("Tom Reed", "I"), ("Voss", "Is"), ("Tom Reed", "My")]


def test_a_members_title_of_initials_opens_a_label() -> None:
    """`MK Dana Levi (Labour):`, `MP Tom Reed:`: a house's member, by the house's
    initials before the name, labels a turn as "Mr." does."""
    doc = parse(
        "Harbour debate\n\n"
        "MK Dana Levi (Labour):\nMadam Speaker, the harbour needs its wall before winter.\n\n"
        "MP Tom Reed:\nThe wall can wait until the ferry sails again in May.\n"
    )
    assert [q.speaker for q in doc.quotes] == ["Dana Levi", "Tom Reed"]


@pytest.mark.parametrize(
    "chair", ["Chair:  Dana Levi:", "MC: (Dana Levi)", "MC: (Maj-Gen. Dana Levi)"]
)
def test_an_office_label_then_its_holders_name(chair: str) -> None:
    """`Chair:  Dana Levi:` or `MC: (Maj-Gen. Dana Levi)` alone on its line: the chair's
    words are Dana Levi's."""
    doc = parse(
        f"Harbour debate\n\n{chair}\nWe move to the next item on the agenda.\n\n"
        "MK Tom Reed:\nMadam Speaker, the harbour needs its wall before winter.\n"
    )
    assert [(q.speaker, q.text[:10]) for q in doc.quotes] == [
        ("Dana Levi", "We move to"),
        ("Tom Reed", "Madam Spea"),
    ]
