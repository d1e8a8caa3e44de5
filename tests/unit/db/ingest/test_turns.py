"""Transcript turns flattened into one paragraph, as a PDF's text comes out."""

from __future__ import annotations

from tests.unit.db.ingest.helpers import parse

CAPS_INLINE = (
    "Harbour oral history project\n\n"
    "1 TOM REED: This is an interview with Anna Voss in Bergen. REED: Where were you "
    "born, and when did you first see the harbour? VOSS: In a house by the water, and I "
    "saw it every morning. REED: And your parents? VOSS: They were fishermen, both of "
    "them.\n"
)


def test_capital_labels_inside_one_paragraph_start_turns() -> None:
    """`NAME:` labels that recur inside a paragraph each start a turn, as at a line's
    start; the speaker is the person the text names with that surname."""
    doc = parse(CAPS_INLINE)
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Tom Reed", "This is an interview with Anna Voss in Bergen."),
        ("Tom Reed", "Where were you born, and when did you first see the harbour?"),
        ("Anna Voss", "In a house by the water, and I saw it every morning."),
        ("Tom Reed", "And your parents?"),
        ("Anna Voss", "They were fishermen, both of them."),
    ]


def test_one_inline_capital_label_is_prose() -> None:
    """A sign's `WARNING:` or one `NOTE:` inside prose starts no turn."""
    doc = parse(
        "The quay reopened on Monday. A sign there reads WARNING: deep water, and the "
        "harbour master says the sign will stay. Her deputy added a line, NOTICE: no "
        "swimming, to the same board.\n"
    )
    assert doc.quotes == []


SPEECH = (
    "We have waited for this day since the storm took the old quay, and the whole "
    "town has worked for it. The fishermen gave their winter to the stones, the "
    "school children painted the boards, and the bakers fed everyone who came down to "
    "help. Nobody was paid for a single hour of it, and nobody asked to be. When the "
    "council first met about the new quay, there were twelve people in the room and "
    "one idea on the table. Today there are three thousand people on the pier and a "
    "harbour that will outlast every one of us. I want to thank the engineers who "
    "drew it, the divers who set its feet in the mud, and the crews who brought the "
    "stone across the bay in the worst weather of the year."
)


PAPERS_INLINE = (
    "Remarks at the opening of the harbour\n\n"
    "May 3, 2001 The Mayor. Welcome, everyone. "
    f"{SPEECH} "
    "Can you hear me? Harbour Master Capt. Ingrid Solvang. Yes, we hear you well from "
    "here. The Mayor. Good. Then we can begin-- Capt. Solvang. The ships are all ready. "
    "The Mayor. --as we planned it, with every boat of the harbour out on the water and "
    "the band on the pier. Capt. Solvang. Thank you.\n"
)


def test_public_papers_labels_inside_one_paragraph_start_turns() -> None:
    """`Name.` labels after a sentence (or a broken-off dash) start turns where two of
    them recur; a fuller label with a recurring one's surname too; an office ("The
    Mayor") names nobody the label gives, so its turns have no speaker."""
    doc = parse(PAPERS_INLINE)
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        (None, f"Welcome, everyone. {SPEECH} Can you hear me?"),
        ("Ingrid Solvang", "Yes, we hear you well from here."),
        (None, "Good. Then we can begin--"),
        ("Ingrid Solvang", "The ships are all ready."),
        (
            None,
            "--as we planned it, with every boat of the harbour out on the water and the "
            "band on the pier.",
        ),
        ("Ingrid Solvang", "Thank you."),
    ]


def test_names_opening_sentences_once_are_prose() -> None:
    """Capitalised names before a full stop that do not recur are no labels, even in a
    paragraph long enough to be a flattened page."""
    doc = parse(
        "Who runs the harbour? Anna Voss. She has run it since the spring. Tom Reed. "
        "He keeps the books. The Harbour Board. It meets every month in the town hall. "
        "The board has seven members, elected every four years by the people of the town, "
        "and its meetings are open to anyone who wants to listen. Anna Voss chairs them and "
        "Tom Reed reads the accounts aloud at the end of each one, which takes a while. "
        f"{SPEECH}\n"
    )
    assert doc.quotes == []


def test_a_short_turn_is_a_whole_quote() -> None:
    """A one- or two-word answer in a transcript is the speaker's whole turn, served as a
    quote, not a scare quote's fragment."""
    doc = parse(
        "Harbour board hearing\n\n"
        "MS. DOYLE: Was the quay closed that week?\n\n"
        "MR. LARSEN: No, never.\n\n"
        "MS. DOYLE: Thank you.\n"
    )
    assert [(q.speaker, q.text, q.fragment) for q in doc.quotes] == [
        ("Doyle", "Was the quay closed that week?", False),
        ("Larsen", "No, never.", False),
        ("Doyle", "Thank you.", False),
    ]


def test_labels_with_a_party_or_an_office() -> None:
    """A hearing's record names its speakers with a party or body in brackets, or an
    office in capitals after a comma: the turn is the named person's all the same."""
    doc = parse(
        "Hearing on the harbour\n\n"
        "SEN. ANNA VOSS (D-Maine): Why was the quay closed?\n\n"
        "TOM REED, HARBOUR MASTER: Because of the storm.\n\n"
        "SEN. VOSS: When will it open?\n\n"
        "MR. REED (Harbour Board): In May.\n"
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Anna Voss", "Why was the quay closed?"),
        ("Tom Reed", "Because of the storm."),
        ("Anna Voss", "When will it open?"),
        ("Tom Reed", "In May."),
    ]


def test_an_unnamed_interviewer_asks_no_quote() -> None:
    """`Interviewer:` is an unnamed questioner, as `Q:` is: the questions are nobody's
    quote, the answers the named speaker's."""
    doc = parse(
        "Oral history of the harbour\n\n"
        "Interviewer: Where were you born?\n\n"
        "Anna Voss: In Bergen, by the water.\n\n"
        "Interviewer: When was that?\n\n"
        "Anna Voss: In the spring of 1931.\n"
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Anna Voss", "In Bergen, by the water."),
        ("Anna Voss", "In the spring of 1931."),
    ]


def test_an_office_label_names_nobody() -> None:
    """A label of title words only ("PRIME MINISTER:") names an office, not a person
    called "Prime Minister": its turns are kept, their speaker unknown."""
    doc = parse(
        "Radio interview with the morning show\n\n"
        "LINA:\n\nGood morning, and welcome to the studio.\n\n"
        "PRIME MINISTER:\n\nGood morning Lina, great to be with you.\n\n"
        "LINA:\n\nWhat brings you to town?\n\n"
        "PRIME MINISTER:\n\nThe new harbour, which opens today.\n"
    )
    assert [(q.speaker, q.text[:12]) for q in doc.quotes] == [
        ("Lina", "Good morning"),
        (None, "Good morning"),
        ("Lina", "What brings "),
        (None, "The new harb"),
    ]


def test_a_marked_turn_is_one_quote() -> None:
    """`Name: "..."` lines are read once, from their marks: no second record of the same
    words as a turn, and no turn that runs on over the next speaker's line."""
    page = (
        "Reactions after the final\n\n"
        "Harbour 2-1 Quay\n\n"
        "Sir Tom Reed: \u201cIt was a hard day for all of us, and the crowd knew it.\u201d\n\n"
        "Ana Costa-Lima [Quay]: \u201cThe young players showed what they can do.\u201d\n\n"
        "Mia Holt: \u201cWe kept going to the end and got our reward.\u201d\n\n"
        "Ben Ode: \u201cNobody gave us a chance this year, and look now.\u201d\n"
    )
    quotes = parse(page).quotes
    for words in ("It was a hard day", "We kept going", "Nobody gave us"):
        assert len([q for q in quotes if words in q.text]) == 1, [q.text for q in quotes]


def test_a_name_and_time_line_opens_a_turn() -> None:
    """A transcribing service's export: each turn under a line of its speaker's name
    and the recording's time; the line below is the turn, however short."""
    doc = parse(
        "Harbour podcast, episode 12\n\n"
        "Tom Reed  00:00:05\nWelcome back. Today I am with Anna Voss.\n\n"
        "Anna Voss  00:00:11\nI grew up by the harbour, and I saw it every morning.\n\n"
        "Tom Reed  1:02\nThanks.\n"
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Tom Reed", "Welcome back. Today I am with Anna Voss."),
        ("Anna Voss", "I grew up by the harbour, and I saw it every morning."),
        ("Tom Reed", "Thanks."),
    ]


def test_a_menu_under_a_lone_label_is_nobodys() -> None:
    """Words as short as a label but no sentence ("Latest Stories") under a label line
    are a page's menu: the labelled turn has no words to serve."""
    doc = parse(
        "Harbour podcast, episode 12\n\n"
        "Tom Reed:\nLatest Stories\n\n"
        "Anna Voss: I grew up by the harbour, and I saw it every morning.\n\n"
        "Tom Reed: And your parents were fishermen?\n"
    )
    assert "Latest Stories" not in [q.text for q in doc.quotes]


def test_bold_labels_in_plain_text_open_turns() -> None:
    """A transcript copied from a page set in Markdown keeps its bold marks."""
    doc = parse(
        "Island voices\n\n**Tom Reed:** When will the ferry run again?\n\n"
        "**Anna Voss**: The boats sail again in May.\n\n**Tom Reed:** Thank you.\n"
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Tom Reed", "When will the ferry run again?"),
        ("Anna Voss", "The boats sail again in May."),
        ("Tom Reed", "Thank you."),
    ]


def test_an_interpreted_question_labelled_q_and_an_aside() -> None:
    """`Q (Through interpreter.) ...` is a question's label with no colon: it ends the
    turn above, asks no one's quote, and with `MR. REED:` makes the record a transcript."""
    doc = parse(
        "Harbour briefing\n\nTIME: 9:09 A.M.\n\n"
        "Q (Through interpreter.) Before we start, please stand for the two workers who "
        "died at the quay.\n\n"
        "MR. REED: Good afternoon. I have a short opening statement on the quay works.\n\n"
        "The works will finish in May, and the quay will open to boats in June.\n"
    )
    said = [(q.speaker, q.text.split(".")[0]) for q in doc.quotes]
    assert said == [("Reed", "Good afternoon")]
