"""Quotation conventions beyond straight and curly double marks, and who says what.

Every text here is invented for the test.
"""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

BRITISH = """Council backs new bridge

The council’s leader, Jane Morrow, said the vote was ‘a turning point for the town’s people’.

‘We have waited since the ’90s for this, and it’s finally here,’ she said. \
‘The players’ union backed us too.

‘Nobody thought we could do it.’

Bob Hale, the opposition leader, disagreed. ‘It is money we don’t have,’ he said.
"""


def test_british_single_marks_with_apostrophes_inside() -> None:
    """‘…’ quotes: apostrophes in it’s, ’90s and players’ close nothing; a continued
    paragraph stays one quote; each quote has its speaker."""
    doc = parse(BRITISH)
    assert quote_with(doc, "since the ’90s for this, and it’s finally here").speaker == (
        "Jane Morrow"
    )
    continued = quote_with(doc, "The players’ union backed us too.")
    assert "Nobody thought we could do it." in continued.text
    assert continued.speaker == "Jane Morrow"
    assert quote_with(doc, "It is money we don’t have").speaker == "Bob Hale"


def test_double_marks_lead_when_singles_are_nested() -> None:
    """American style: ‘…’ inside “…” stays part of the outer quote."""
    doc = parse("“He told me ‘we agree’ and then he left the room,” Ann Price said.\n")
    assert [q.text for q in doc.quotes] == ["He told me ‘we agree’ and then he left the room"]


def test_double_marks_nested_in_a_british_quote_stay_inside() -> None:
    """‘…“…”…’ with no other quote: the nested double marks do not take the lead, so the
    outer quote keeps its words around them and its speaker."""
    doc = parse(
        "Harbour wall to be rebuilt\n\n"
        "‘When the storm came the crews said “the wall is done” and they were right,’ "
        "Ruth Carney said.\n"
    )
    (quote,) = doc.quotes
    assert quote.text == "When the storm came the crews said “the wall is done” and they were right"
    assert quote.speaker == "Ruth Carney"


@pytest.mark.parametrize("marks", ['""', "\u201c\u201d"])
def test_double_marks_outside_a_british_texts_quotes_are_quotes(marks: str) -> None:
    """A text led by ‘…’ that also quotes with double marks in a paragraph of their own
    (copy pasted together from two styles): an introduced or attributed "…" outside
    every single quote is a quote, never a nested one; one inside stays inside."""
    op, cl = marks[0], marks[1]
    doc = parse(
        "Storm closes the harbour\n\n"
        f"A coastguard spokesman said: {op}Gusts of 70mph are likely on the coast.{cl}\n\n"
        f"{op}The road is shut until morning,{cl} said Ann Lee of the council.\n\n"
        "‘We’ve never seen anything like it,’ said Jean Pike. ‘The noise was terrible.’\n\n"
        f"‘My father called it the {op}storm of the century{cl}, he was right,’ said Tom Reed.\n"
    )
    assert [(q.speaker, q.text[:20]) for q in doc.quotes] == [
        (None, "Gusts of 70mph are l"),
        ("Ann Lee", "The road is shut unt"),
        ("Jean Pike", "We’ve never seen any"),
        ("Tom Reed", "My father called it "),
    ]


def test_low_high_marks_and_guillemets() -> None:
    """„…“ closes with “; « … » with »; a verb and colon introduce the next quote only."""
    doc = parse(
        "The minister spoke first: „Wir werden das schaffen.“ Then Anna Berg said: "
        "„Das ist gut so.“ Later « Nous sommes là pour vous », said Marie Dupont.\n"
    )
    assert quote_with(doc, "Wir werden das schaffen.").speaker is None
    assert quote_with(doc, "Das ist gut so.").speaker == "Anna Berg"
    assert quote_with(doc, "Nous sommes là pour vous").speaker == "Marie Dupont"


def test_pronoun_binds_to_the_new_name_and_by_gender() -> None:
    """'he said' after a newly named man is his; 'she said' skips a man for a woman."""
    doc = parse(
        "Bridge opens after years of delay\n\n"
        'Mayor Jane Smith opened the bridge. "It is a great day for everyone here," she said.\n\n'
        "Local builder Tom Reed worked on it for six years. "
        '"It took far longer than anyone planned," he said.\n\n'
        "Reed thanked the mayor and Smith thanked Reed. "
        '"We could not have done it without the builders," she said.\n'
    )
    assert quote_with(doc, "It is a great day").speaker == "Jane Smith"
    assert quote_with(doc, "It took far longer").speaker == "Tom Reed"
    assert quote_with(doc, "without the builders").speaker == "Jane Smith"
    assert sorted(p.canonical for p in doc.people) == ["Jane Smith", "Tom Reed"]


def test_further_quote_in_a_paragraph_keeps_its_voice() -> None:
    """`"…," says Name. "…"`: the second quote is Name's too, unless another name came."""
    doc = parse(
        '"The road is closed until spring," says Omar Haddad. "We will reopen it in May."\n\n'
        '"It is closed," says Omar Haddad. Lena Fisk disagreed. "It is open."\n'
    )
    assert quote_with(doc, "We will reopen it in May.").speaker == "Omar Haddad"
    assert quote_with(doc, "It is open.").speaker is None


TRANSCRIPT = """Press briefing on the harbour project

The briefing was held on March 3, 2015, by spokesperson Karen Doyle.

MS. DOYLE: Good afternoon, everyone. We have two announcements today.

The first is that the harbour will reopen in May.

Q: Will the fishermen be compensated?

MS. DOYLE: They will. The fund opens next week.

Q: How much is in the fund?

MR. LARSEN: About four million dollars, and we expect that to be enough.

Note: this transcript was edited for length.
"""


def test_transcript_turns() -> None:
    """`MS. NAME:` turns are the named person's quotes and run over paragraphs until the
    next label; questions from the floor and a closing note are nobody's quote."""
    doc = parse(TRANSCRIPT)
    served = [(q.speaker, q.text) for q in doc.quotes]
    assert served == [
        (
            "Karen Doyle",
            "Good afternoon, everyone. We have two announcements today. "
            "The first is that the harbour will reopen in May.",
        ),
        ("Karen Doyle", "They will. The fund opens next week."),
        ("Larsen", "About four million dollars, and we expect that to be enough."),
    ]


def test_a_lone_label_is_no_transcript() -> None:
    """One `Note:` or `Update:` paragraph makes no quote."""
    doc = parse("Harbour reopens\n\nUpdate: the harbour reopened today after repairs.\n")
    assert doc.quotes == []


def test_block_quote_with_dash_attribution() -> None:
    """A paragraph followed by `— Name, context` is that person's quote, marks or not."""
    doc = parse(
        "The crowd fell silent when the old captain, Erik Solberg, stood up.\n\n"
        "We built this harbour with our hands, and we will rebuild it with our hands.\n"
        "\u2014 Erik Solberg, to the crowd\n\n"
        "The meeting ended soon after.\n"
    )
    quote = quote_with(doc, "We built this harbour")
    assert (quote.speaker, quote.context) == ("Erik Solberg", "to the crowd")


def test_colon_labels_and_their_dates() -> None:
    """`Name on X: "…"` and `Name in 2014: "…"` name the speaker; the year dates it."""
    doc = parse(
        "Voices on the harbour\n\n"
        "Fishermen spoke about the project. Their leader is Erik Solberg.\n\n"
        'Erik Solberg on the fund: "It is too little and it comes too late for us."\n\n'
        'Solberg in 2014: "We will not leave this harbour."\n'
    )
    assert quote_with(doc, "too little").speaker == "Erik Solberg"
    later = quote_with(doc, "We will not leave")
    assert (later.speaker, later.date and later.date.iso()) == ("Erik Solberg", "2014")
    assert [p.canonical for p in doc.people] == ["Erik Solberg"]  # not "Fishermen"


@pytest.mark.parametrize(("opening", "closing"), [("\u2018\u2019", "\u2019\u2019"), ("''", "''")])
def test_doubled_single_marks_quote_as_double_ones(opening: str, closing: str) -> None:
    """Two single marks typed for each double one, curly or straight, quote words as a
    double mark does; a pair that the line does not close quotes nothing, and the
    words are kept as written outside quotes."""
    doc = parse(
        "Museum opens its doors\n\n"
        f"The show {opening}Harbour in the 90\u2019, opened on Monday.\n\n"
        f"{opening}A throwback to our childhood, that was tough{closing} - declared Ana Lee.\n"
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Ana Lee", "A throwback to our childhood, that was tough")
    ]


def test_attribution_forms() -> None:
    """according to, described names, titles that are no part of a name, an office the
    text tied to a person, and ``TeX-style'' marks."""
    doc = parse(
        "Storm report\n\n"
        '"The water rose faster than anyone expected," according to fire chief Dana Ruiz.\n\n'
        'According to Mark Ellis, "nobody was ready for a flood of this size at all."\n\n'
        '"We lost everything," says farmer Joan Pike. "But we are alive."\n\n'
        "Command Module Pilot Michael Collins stayed in orbit. "
        '"I am alone now, truly alone," he wrote.\n\n'
        "The administrator, Lisa Grant, spoke at noon. "
        '"Help is on the way to every town," the administrator said.\n\n'
        "``This is the worst flood in living memory,'' said Ruiz.\n"
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Dana Ruiz", "The water rose faster than anyone expected"),
        ("Mark Ellis", "nobody was ready for a flood of this size at all."),
        ("Joan Pike", "We lost everything. But we are alive."),  # one quote, two parts
        ("Michael Collins", "I am alone now, truly alone"),
        ("Lisa Grant", "Help is on the way to every town"),
        ("Dana Ruiz", "This is the worst flood in living memory"),
    ]
    assert "Storm" not in [p.canonical for p in doc.people]


def test_quotes_signed_on_the_next_line() -> None:
    """A quote page: each paragraph signed by a line that is only a name (titles before,
    life dates after); a headline over a caption of two surnames is no quote."""
    doc = parse(
        "Sayings of the harbour\n\n"
        "Ships are safe in harbour, but that is not what ships are for.\n\n"
        "Harbour Master Ingrid Solvang\n\n"
        "\u201cThe sea gives and the sea takes.\u201d\n\n"
        "Olaf Brekke (1801 \u2013 1877)\n"
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Ingrid Solvang", "Ships are safe in harbour, but that is not what ships are for."),
        ("Olaf Brekke", "The sea gives and the sea takes."),
    ]
    assert doc.events == []  # life dates are no events


def test_white_house_style_transcript() -> None:
    """`Q` and spaces marks a question; `MR. NAME:` turns are the named person's."""
    doc = parse(
        "Press gaggle by Press Secretary Sam Okafor\n\n"
        "MR. OKAFOR:  Good morning. The trip starts today.\n\n"
        "Q    Will the crew be there?\n\n"
        "MR. OKAFOR:  They will, all of them.\n"
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Sam Okafor", "Good morning. The trip starts today."),
        ("Sam Okafor", "They will, all of them."),
    ]


def test_a_body_named_by_its_noun_after_the_quote() -> None:
    """`", the museum says.` is the museum the text named; unnamed, it stays unknown."""
    doc = parse(
        "The Harbour Museum of Fine Arts opened a new wing on Monday.\n\n"
        'Visitors find that "every room can tell the town\'s story", the museum says.\n'
    )
    assert quote_with(doc, "every room can tell").speaker == "Harbour Museum of Fine Arts"
    unnamed = parse('A new wing opened.\n\n"Every room can tell a story," the museum says.\n')
    assert quote_with(unnamed, "Every room can tell a story").speaker is None


def test_a_colon_after_a_clause_that_names_one_person() -> None:
    """`More from economist Rita Vance in the Herald: "..."` is hers; with two people
    named before the colon, the text does not say whose."""
    doc = parse(
        "More on the vote from economist Rita Vance in the Herald: "
        "“The town has never been richer than it is now.”\n"
    )
    assert quote_with(doc, "The town has never been richer").speaker == "Rita Vance"
    two = parse(
        "Views from Rita Vance and Tom Reed in the Herald: "
        "“The town has never been richer than it is now.”\n"
    )
    assert quote_with(two, "The town has never been richer").speaker is None


def test_it_reads_opens_the_statement_introduced_above() -> None:
    """`It reads:` names nobody; the statement it opens is from the person the text
    named as its author above it, past an advertisement line. Without one: unknown."""
    doc = parse(
        "The harbour board published a statement from its chair Ruth Bell on Monday.\n\n"
        "Advertisement\n\n"
        "It reads:\n\n"
        "“We will rebuild the harbour wall before the winter storms arrive.”\n"
    )
    assert quote_with(doc, "We will rebuild the harbour wall").speaker == "Ruth Bell"
    alone = parse(
        "The harbour board met on Monday.\n\n"
        "It reads:\n\n"
        "“We will rebuild the harbour wall before the winter storms arrive.”\n"
    )
    assert quote_with(alone, "We will rebuild the harbour wall").speaker is None


def test_words_a_quote_quotes_after_a_colon_are_a_quote_of_their_own() -> None:
    """‘... the manager said: “Close the gates and send them home.”’: the nested words are
    a quote too, whose speaker the text does not name; the outer one keeps its own. The
    same in American style, single marks inside double ones."""
    british = parse(
        "Mill closes early\n\n"
        "‘I was there when the manager said: “Close the gates and send them home.” "
        "Nobody argued,’ Ruth Carney said.\n"
    )
    (nested,) = [q for q in british.quotes if q.text == "Close the gates and send them home."]
    assert nested.speaker is None
    assert not nested.fragment
    assert quote_with(british, "I was there when the manager").speaker == "Ruth Carney"
    american = parse(
        "Mill closes early\n\n"
        '"He looked at us and told us: ‘we are finished here for good’ and left," '
        "Tom Reed said.\n"
    )
    (inner,) = [q for q in american.quotes if q.text == "we are finished here for good"]
    assert inner.speaker is None
    assert quote_with(american, "He looked at us").speaker == "Tom Reed"


def test_an_introduced_quote_its_paragraph_never_closes_runs_to_its_end() -> None:
    """A mark after a colon, or after a speech verb and a comma, opens a quote even when
    the paragraph never closes it (a cut excerpt, a forgotten closing mark); a stray mark
    in the middle of a sentence still opens nothing."""
    doubles = parse(
        "Ferry row\n\n"
        "Ann King has been quoted as saying: “People seem to think the ferry is free […]\n\n"
        "The board met on “Tuesday and then nothing happened at all.\n"
    )
    assert quote_with(doubles, "People seem to think the ferry").speaker == "Ann King"
    assert not [q for q in doubles.quotes if "nothing happened" in q.text]
    singles = parse("Ferry row\n\nTom Reed told us, ‘I wrote to the harbour board in August.\n")
    assert quote_with(singles, "I wrote to the harbour board").speaker == "Tom Reed"


@pytest.mark.parametrize(
    ("introduced", "later"),
    [
        ("Tom Reed, the councillor for Hull North, spoke first.", "the councillor"),
        ("Tom Reed, the Labour councillor for Hull, spoke first.", "the Labour councillor"),
        ("Tom Reed, the Conservative mayor, spoke first.", "the Conservative mayor"),
    ],
)
def test_an_office_with_its_seat_or_party_is_tied_to_its_holder(
    introduced: str, later: str
) -> None:
    """The seat after an office ("for Hull North") and a party before it ("the Labour
    councillor") leave the office tied to the person the apposition names."""
    doc = parse(
        f"Ferry row\n\nAnn Lee chairs the board. {introduced}\n\n"
        f'"We will sail again," {later} said.\n'
    )
    assert quote_with(doc, "sail again").speaker == "Tom Reed"


@pytest.mark.parametrize(
    "introduced",
    [
        "Tom Reed, the CEO, spoke first.",
        "Tom Reed, the ferry firm's CEO, spoke first.",
        "CEO Tom Reed spoke first.",
    ],
)
def test_an_office_of_initials_is_tied_in_capitals(introduced: str) -> None:
    """An office of initials is written in capitals: "the CEO" refers to its holder."""
    doc = parse(
        f"Ferry row\n\nAnn Lee chairs the board. {introduced}\n\n"
        '"We will sail again," the CEO said.\n'
    )
    assert quote_with(doc, "sail again").speaker == "Tom Reed"
