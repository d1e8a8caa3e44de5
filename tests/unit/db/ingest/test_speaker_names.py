"""How a speaker is named: abbreviated titles, lone given names, labels that name no one.

Every text here is invented for the test.
"""

from __future__ import annotations

import pytest

from db.ingest.segment import split_sentences
from tests.unit.db.ingest.helpers import parse, quote_with

ABBREVIATED = """Parking rules to change

Cllr Ann Fogg raised the matter at the meeting on parking.

Cllr Fogg said: "Nobody can park near the school gates any more."

Det Insp Joe Marr said the force agreed. "We will patrol the lane," Insp Marr said.
"""


def test_abbreviated_titles_are_titles() -> None:
    """Cllr, Insp and Det are titles, as Councillor is: "Cllr Fogg" is Ann Fogg,
    not a second person called Cllr Fogg."""
    doc = parse(ABBREVIATED)
    assert quote_with(doc, "Nobody can park").speaker == "Ann Fogg"
    assert quote_with(doc, "We will patrol").speaker == "Joe Marr"
    assert sorted(p.canonical for p in doc.people) == ["Ann Fogg", "Joe Marr"]


HEARING = """Hearing on the harbour bill

Thursday, May 2, 2019

The committee met at 10 a.m., Hon. Dana Marsh presiding.

Present: Members Marsh, Oduya and Pell.
Also Present: Member Quist.

Mr. Marsh. The committee will come to order. We meet today to hear the harbour bill.

We have two witnesses this morning, and I thank them for coming.
"""


def test_a_roll_call_labels_no_speaker() -> None:
    """A "Present:" label lists who attended: it labels nobody's words, in a transcript or not."""
    doc = parse(HEARING)
    assert all(q.speaker != "Present" for q in doc.quotes)
    assert not [q for q in doc.quotes if "Oduya" in q.text]


def test_a_record_label_opens_a_turn() -> None:
    """A "Mr. Marsh." label opening a paragraph, as a hearing's record writes it, opens Marsh's
    turn, which runs over the paragraphs below; one such label is enough."""
    doc = parse(HEARING)
    turn = quote_with(doc, "The committee will come to order.")
    assert turn.speaker == "Dana Marsh"
    assert "I thank them for coming" in turn.text


@pytest.mark.parametrize("label", ["President Marsh.", "Prime Minister Marsh."])
def test_an_office_and_a_name_label_the_remarks_below(label: str) -> None:
    """`President Marsh. Well, once again, ...` under the record's heading: the Public
    Papers' one speaker's remarks, labelled by the office and the name."""
    doc = parse(
        "Remarks Following a Meeting With Harbour Leaders\n\nMay 13, 2016\n\n"
        f"{label} Well, once again, I want to welcome our partners to the harbour.\n\n"
        "We had a very productive meeting here today, and we will meet again in May.\n"
    )
    turn = quote_with(doc, "Well, once again")
    assert turn.speaker == "Marsh"
    assert "productive meeting" in turn.text


def test_a_weekday_after_a_name_is_no_part_of_it() -> None:
    """US news writes the day right after the name ("Mayor Dana Whitfield Monday night");
    the weekday is when, so the name is still Dana Whitfield's, and a pronoun finds her."""
    doc = parse(
        "Dam holds\nPublished: June 5, 2019\n\n"
        "During a call with Mayor Dana Whitfield Monday night, she said the dam held. "
        '"We were lucky," she said.\n'
    )
    assert [p.canonical for p in doc.people] == ["Dana Whitfield"]
    assert quote_with(doc, "We were lucky").speaker == "Dana Whitfield"


def test_a_lone_given_name_inside_a_sentence_is_a_person() -> None:
    """A feature may call its subject by a given name alone ("the flood that left Maggie
    homeless"): a common given name inside a sentence is a person, and "she says" finds
    her; at a sentence's start, or where the text uses it as a place, it is not."""
    doc = parse(
        "After the flood\n\nThe flood that left Maggie homeless came at night, near Victoria.\n\n"
        "‘I lost everything in one night,’ she says.\n\nWill the council pay? Nobody knows.\n"
    )
    assert quote_with(doc, "I lost everything").speaker == "Maggie"
    assert [p.canonical for p in doc.people] == ["Maggie"]
    place = parse(
        "Budget row\n\nThe budget that left Virginia short of funds passed on Monday.\n\n"
        '"We were robbed," she said.\n'
    )
    assert place.people == []  # a given name that is as often a place is nobody alone


def test_an_ellipsis_before_a_capital_ends_a_sentence() -> None:
    """A listing cuts each story with "[…]": the next line is a new sentence, so a person
    named there is not in the last story's sentence (where its subject would take "he")."""
    text = "His peers included designers such as Raymond […]\nNew harbour master named today"
    cut = [(0, 49), (49, len(text))]
    assert split_sentences(text, 0, len(text), [], []) == cut
    assert split_sentences(text, 0, len(text), [], [], only_stops=True) == cut


def test_a_name_ending_in_an_office_is_an_office_not_a_person() -> None:
    """ "the Harbour and Ferry Commissioner", "Foreign Minister": a capitalised run whose
    last word is a title that is nobody's surname names an office, so it is no person and
    no "she" can find it; "Ann King" stays a person."""
    doc = parse(
        "Ferries\n\nHarbour Councillor Ann King said she had written to the Harbour and "
        'Ferry Commissioner. She told us: "We were ignored for months."\n'
    )
    assert [p.canonical for p in doc.people] == ["Ann King"]
    assert quote_with(doc, "We were ignored").speaker == "Ann King"


JOINED_INITIALS = """Quay bylaw struck down

In her ruling, Judge T.C. Ondaje overturned the fines, and M.K. Baptiste, who led the \
protest, welcomed it outside the U.S. Embassy in Washington D.C.

"The bylaw limits a right the constitution gives," Judge Ondaje said.

"We were never a danger to anyone," Baptiste said.
"""


def test_joined_initials_stand_for_given_names() -> None:
    """'T.C. Ondaje' is a full name as 'T. C. Ondaje' is; joined initials of a place
    ('U.S.', 'D.C.') are nobody's."""
    doc = parse(JOINED_INITIALS)
    assert quote_with(doc, "The bylaw limits").speaker == "T.C. Ondaje"
    assert quote_with(doc, "We were never a danger").speaker == "M.K. Baptiste"
    assert sorted(p.canonical for p in doc.people) == ["M.K. Baptiste", "T.C. Ondaje"]


BODY_INITIALS_BEFORE = """Strikes hit the ferries

Economist and former MLA Dara Quilty said she fears that "the island will get a name \
for strikes".

"We cannot plan a single sailing," said SDLP councillor Owen Marsh.

The NHS Trust said "clinics on the island stay open".
"""


def test_initials_before_a_name_qualify_it() -> None:
    """'MLA Dara Quilty': an office's or party's initials before a full name qualify
    the person, as a title does, and are not part of the name; initials before a
    body's noun ('The NHS Trust') still name the body."""
    doc = parse(BODY_INITIALS_BEFORE)
    assert quote_with(doc, "the island will get a name").speaker == "Dara Quilty"
    assert quote_with(doc, "We cannot plan").speaker == "Owen Marsh"
    assert quote_with(doc, "clinics on the island").speaker == "NHS Trust"
