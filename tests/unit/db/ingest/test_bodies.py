"""A body that speaks for itself (an agency, a ministry, a company) is a quote's speaker;
a body named inside a longer phrase is not, and no body is a person.

Every text here is invented for the test.
"""

from __future__ import annotations

from tests.unit.db.ingest.helpers import parse, quote_with

STATEMENTS = """Floods close the valley road

Rain closed the pass on Saturday, and the Upland Roads Authority warned that "crews will \
need a week to clear the slips".

"Stay off the pass until further notice," said the Upland Roads Authority.

The Ministry of Fisheries said in a statement: "Two boats were sent to help the village."

Kettle Mining Corp said its staff were safe. "Every worker was out before the water \
rose," the company said.

"The river peaked at noon," the Lowland Weather Service said on Sunday.
"""


def test_a_body_that_speaks_is_the_speaker() -> None:
    """Before or after the quote, by its name or by its common noun ("the company")."""
    doc = parse(STATEMENTS)
    assert quote_with(doc, "crews will need a week").speaker == "Upland Roads Authority"
    assert quote_with(doc, "Stay off the pass").speaker == "Upland Roads Authority"
    assert quote_with(doc, "Two boats were sent").speaker == "Ministry of Fisheries"
    assert quote_with(doc, "Every worker was out").speaker == "Kettle Mining Corp"
    assert quote_with(doc, "The river peaked at noon").speaker == "Lowland Weather Service"


NOT_SPEAKING = """Harbour works run late

A spokesman for the Upland Roads Authority said: "The harbour road opens in May."

The report by the National Harbour Office said "costs rose by a third in two years".

Officials at the Ministry of Fisheries said "the quays are full every single day".

"We were never asked about the plans," said the Harbour Board's director, Ann Lee.
"""


def test_a_body_inside_a_phrase_speaks_for_no_one() -> None:
    """'A spokesman for', 'a report by', 'officials at', 'the Board's director': the
    text does not say the body spoke, so the speaker stays unknown rather than a guess;
    and "Fisheries" of "Ministry of Fisheries" is no person."""
    doc = parse(NOT_SPEAKING)
    assert quote_with(doc, "The harbour road opens").speaker is None
    assert quote_with(doc, "costs rose by a third").speaker is None
    assert quote_with(doc, "the quays are full").speaker is None
    assert quote_with(doc, "We were never asked").speaker in (None, "Ann Lee")
    assert all(p.canonical != "Fisheries" for p in doc.people)


def test_a_body_is_no_person() -> None:
    """A capitalised name ending in an organisation's noun is not in the people list."""
    doc = parse(
        "School opens\n\nHarbour Trust opened a school. "
        '"Pupils start in May," Tom Reed, its chairman, said.\n'
    )
    assert [p.canonical for p in doc.people] == ["Tom Reed"]


REFERRED = """Weavers accuse the council

The Guild of Kessel Weavers has accused the town council of bad faith.

The Guild, on May 2, wrote to every councillor.

"The council broke its word to every weaver in the valley," said the Guild in its letter.

"We will not be silenced by anyone," the Guild said.

The President of the Guild of Kessel Weavers, Mara Quill, also wrote. "We are angry," \
said the President.
"""


def test_a_body_referred_to_by_its_noun_is_the_speaker() -> None:
    """Both "said the Guild" and "the Guild said" refer back to the body the text named in
    full (past a bare "The Guild" that names nothing new); "the President" is an office,
    a person's, and never the body."""
    doc = parse(REFERRED)
    assert quote_with(doc, "broke its word").speaker == "Guild of Kessel Weavers"
    assert quote_with(doc, "will not be silenced").speaker == "Guild of Kessel Weavers"
    assert quote_with(doc, "We are angry").speaker in (None, "Mara Quill")


def test_a_body_that_issued_the_statement_is_the_speaker() -> None:
    """ "A statement from the Harbour Board said" names the body as the statement's
    author, so its words are the body's; "a spokesman for" names no speaker."""
    doc = parse(
        "Harbour\n\n"
        'A statement from the Kettle Harbour Board said: "The wall will be rebuilt by May."\n\n'
        'A spokesman for the Kettle Harbour Board said: "We cannot comment on that yet."\n'
    )
    assert quote_with(doc, "The wall will be rebuilt").speaker == "Kettle Harbour Board"
    assert quote_with(doc, "We cannot comment").speaker is None


INITIALS = """Court strikes down the quay bylaw

The Harbour Action Forum (HAF) welcomed the ruling on Tuesday, and the Lakeland \
Wildlife Service moved its patrol boats back to the bay.

"This ruling is a victory for every family on the bay," the HAF said in a statement.

LWS said in a statement that "the boats will return to the bay at dawn".

"The water is safe again," the LWS said.

"We will appeal within the month," the KPA said.

A report by the HAF said "the bylaw was never needed in the first place".
"""


def test_initials_speak_for_the_body_the_text_spelled_out() -> None:
    """'the HAF said' after 'the Harbour Action Forum (HAF)', and 'LWS said' after 'the
    Lakeland Wildlife Service': the initials stand for the body named in full. Initials
    never spelled out (KPA) name no one, and 'a report by the HAF' is the report's."""
    doc = parse(INITIALS)
    assert quote_with(doc, "a victory for every family").speaker == "Harbour Action Forum"
    assert quote_with(doc, "the boats will return").speaker == "Lakeland Wildlife Service"
    assert quote_with(doc, "The water is safe again").speaker == "Lakeland Wildlife Service"
    assert quote_with(doc, "We will appeal").speaker is None
    assert quote_with(doc, "the bylaw was never needed").speaker is None


APPOSED_BODY = """Harbour group launched

Commenting on the launch, Tam Oduya, Chief Executive Officer of Quay Holding, said: \
"We will build ten new berths."

Mara Quill, head of the Fishers' Trust, said: "Our boats need them."
"""


def test_a_body_in_the_speakers_apposition_is_not_the_speaker() -> None:
    """`Name, Chief Executive Officer of Quay Holding, said:`: the body is the object of
    "of" in the apposition; the named person before it speaks."""
    doc = parse(APPOSED_BODY)
    assert quote_with(doc, "ten new berths").speaker == "Tam Oduya"
    assert quote_with(doc, "Our boats need them").speaker == "Mara Quill"


STATEMENT_CLAUSE = """Miners trapped at Kell Reef

Three miners were trapped, a spokesman for the Harbour Workers Union (HWU) said.

"The main shaft caved in this morning", 300km north of the port, the union said in a \
statement.
"""


def test_a_closing_clause_may_end_in_a_statement() -> None:
    """`..., the union said in a statement.` closing the quote's sentence names the
    union the text named in full before."""
    doc = parse(STATEMENT_CLAUSE)
    assert quote_with(doc, "The main shaft caved in").speaker == "Harbour Workers Union"


def test_initials_speak_past_has_now() -> None:
    """'HAF has now said it "..."': "now" stands between a subject and its speech verb
    as "still" or "never" does."""
    doc = parse(
        "Quay bylaw\n\nThe Harbour Action Forum (HAF) met on Tuesday.\n\n"
        'HAF has now said it "will not accept the bylaw" as written.\n'
    )
    assert quote_with(doc, "will not accept the bylaw").speaker == "Harbour Action Forum"
