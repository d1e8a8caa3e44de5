"""`Q:` / `A:` transcripts: answers are the words of the one person the text says is
interviewed, and a flattened `Q: ... A: ...` paragraph is split into its turns.
Every text is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

PAIRS = [
    ("Where were you born, and when did you first see the harbour?",
     "In a house by the water, and I saw it every morning."),
    ("And your parents?", "They were fishermen, both of them, and so was my grandfather."),
    ("Did you ever fish yourself?", "Never, I was sick on every boat I ever stood on."),
]  # fmt: skip
ANSWERS = [answer for _, answer in PAIRS]
INTRODUCTIONS = [
    "An interview with {name}, recorded in Bergen in 1998.",
    "This is an interview with {name} about the old harbour.",
    "{name}, interviewed by Tom Reed in Bergen in 1998.",
    "{name} was interviewed by Tom Reed at her home.",
]
NAMES = [("Anna Voss", "Anna Voss"), ("Dr Lucia de la Fuente", "Lucia de la Fuente"),
         ("Sean O'Neill", "Sean O'Neill")]  # fmt: skip


def _text(intro: str, flattened: bool) -> str:
    turns = [f"Q: {q}" for q, _ in PAIRS]
    answers = [f"A: {a}" for _, a in PAIRS]
    every = [turn for pair in zip(turns, answers, strict=True) for turn in pair]
    body = " ".join(every) if flattened else "\n\n".join(every)
    return f"Harbour oral history\n\n{intro}\n\n{body}\n"


def _answers(text: str) -> list[tuple[str | None, str]]:
    doc = parse(text)
    return [(q.speaker, q.text) for q in doc.quotes if q.text in ANSWERS]


@pytest.mark.parametrize("flattened", [False, True], ids=["paragraphs", "flattened"])
@pytest.mark.parametrize("intro", INTRODUCTIONS)
@pytest.mark.parametrize(("named", "full"), NAMES)
def test_answers_are_the_interviewees(flattened: bool, intro: str, named: str, full: str) -> None:
    found = _answers(_text(intro.format(name=named), flattened))
    assert found == [(full, answer) for answer in ANSWERS]


@pytest.mark.parametrize("flattened", [False, True], ids=["paragraphs", "flattened"])
@pytest.mark.parametrize(
    "intro",
    [
        "Recorded in Bergen in 1998 for the harbour museum.",  # no one named
        "Interviewed by Tom Reed in Bergen in 1998.",  # only the one who asks
        "An interview with Anna Voss and Karl Berg, recorded in Bergen.",  # two
    ],
)
def test_answers_without_one_interviewee_are_unknown(flattened: bool, intro: str) -> None:
    found = _answers(_text(intro, flattened))
    assert found == [(None, answer) for answer in ANSWERS]


def test_an_interviewee_label_is_nobody_by_that_name() -> None:
    """`Interviewee:` labels the one who answers; it is no person called Interviewee."""
    doc = parse(
        "Harbour oral history\n\nInterviewee: Anna Voss. Interviewer: Tom Reed.\n\n"
        + "\n\n".join(f"Q: {q}\n\nA: {a}" for q, a in PAIRS)
        + "\n"
    )
    assert all(q.speaker != "Interviewee" for q in doc.quotes)


def test_a_flattened_paragraph_with_one_answer_stays_prose() -> None:
    """One `A:` inside a paragraph is no transcript ("Plan A: build it")."""
    doc = parse(
        "Harbour plans\n\nThe council met on Monday. Plan A: rebuild the wall. Q: who pays? "
        "Nobody could say.\n"
    )
    assert not [q for q in doc.quotes if q.text.startswith(("rebuild", "who pays"))]


def _answers_only(label: str) -> str:
    """An interview whose questions carry no label (bold on the page), its answers
    opening with the one interviewee's name."""
    body = "\n\n".join(f"{q}\n\n{label}: {a}" for q, a in PAIRS)
    return f"Harbour talk\n\nAnna Voss spoke to us about the harbour.\n\n{body}\n"


def test_an_interview_that_labels_its_answers_only() -> None:
    """Each "Anna Voss: ..." paragraph is her turn; the unlabelled question below it is
    no part of it."""
    doc = parse(_answers_only("Anna Voss"))
    assert [(q.speaker, q.text) for q in doc.quotes] == [("Anna Voss", a) for a in ANSWERS]


def test_two_paragraphs_labelled_by_one_name_are_no_interview() -> None:
    """Fewer than three such paragraphs may be notes or captions: no turns."""
    text = "Harbour talk\n\nAnna Voss: the pier.\n\nIt is old.\n\nAnna Voss: the boats.\n"
    assert parse(text).quotes == []


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_an_interview_that_labels_no_one_gives_the_answers_to_its_interviewee(gap: str) -> None:
    """A published interview whose questions were set in bold, lost in text: a question
    on its own line over each answer, and a sentence that says whom it interviews. Each
    answer is that person's; with no one named, or fewer than three questions, none is."""
    body = "\n\n".join(f"{q}{gap}{a}" for q, a in PAIRS)
    doc = parse(f"Harbour talk\n\nBelow is an interview of Anna Voss, from 1998.\n\n{body}\n")
    assert [(q.speaker, q.text) for q in doc.quotes] == [("Anna Voss", a) for a in ANSWERS]
    unnamed = parse(f"Harbour talk\n\nWe spoke to a harbour worker.\n\n{body}\n")
    assert unnamed.quotes == []
    two = "\n\n".join(f"{q}{gap}{a}" for q, a in PAIRS[:2])
    assert parse(f"Harbour talk\n\nAn interview of Anna Voss.\n\n{two}\n").quotes == []


def test_a_transcription_services_timed_turns_of_one_speaker() -> None:
    """`Ann Lee: (00:03)` over each turn, as a transcription service writes them: a turn
    even where one person speaks throughout; the time is no part of the words, and a
    turn that is only a note ("[inaudible 00:00:02].") says nothing."""
    doc = parse(
        "Harbour Press Conference Transcript\n\n"
        "Ann Lee: (00:00)\n[foreign language 00:00:02].\n\n"
        "Ann Lee: (00:03)\nHello everyone. The quay will reopen in May, as we planned.\n\n"
        "Ann Lee: (01:15)\nThe ferry runs in June, and the council pays for it.\n"
    )
    said = [(q.speaker, q.text) for q in doc.quotes if not q.fragment]
    assert said == [
        ("Ann Lee", "Hello everyone. The quay will reopen in May, as we planned."),
        ("Ann Lee", "The ferry runs in June, and the council pays for it."),
    ]


@pytest.mark.parametrize("glue", [": ", ":"])
def test_an_interview_that_labels_only_its_first_question_and_answer(glue: str) -> None:
    """`Tom Reed: Where ...?` / `Anna Voss: In a house ...`, then questions alone on
    their lines and answers under them, unlabelled (a bold type lost in text): each
    later question is the asker's and each answer the answerer's, however the first
    labels are glued to their words."""
    (q1, a1), (q2, a2), (q3, a3) = PAIRS
    doc = parse(
        "Harbour oral history\n\nTom Reed talks to Anna Voss about the old harbour.\n\n"
        f"Tom Reed{glue}{q1}\n\nAnna Voss{glue}{a1}\n\n"
        f"{q2} Or your uncles?\n\n{a2}\n\n{q3}\n\n{a3}\n"
    )
    assert [(q.speaker, q.text[:20]) for q in doc.quotes] == [
        ("Tom Reed", q1[:20]),
        ("Anna Voss", a1[:20]),
        ("Tom Reed", f"{q2} Or your uncles?"[:20]),
        ("Anna Voss", a2[:20]),
        ("Tom Reed", q3[:20]),
        ("Anna Voss", a3[:20]),
    ]


def test_a_speakers_own_question_in_a_debate_stays_in_the_turn() -> None:
    """Two people who each say more than questions: an unlabelled question paragraph is
    still the words of the turn it stands in."""
    doc = parse(
        "Harbour debate\n\n"
        "Tom Reed: The harbour needs a new wall before the winter.\n\n"
        "Anna Voss: The wall can wait. We need the ferry first.\n\n"
        "Who will pay for the ferry?\n\n"
        "The council will, as it always has.\n\n"
        "Tom Reed: Then the wall will fall.\n\n"
        "Anna Voss: It will not fall this year.\n"
    )
    voss = [q for q in doc.quotes if q.speaker == "Anna Voss"]
    assert "Who will pay for the ferry?" in voss[0].text


def test_a_label_glued_to_its_words_labels_a_turn() -> None:
    """`Tom Reed:Where ...`: a colon with no space after it, then a capital."""
    (q1, a1), (q2, a2), _ = PAIRS
    doc = parse(
        f"Harbour oral history\n\nTom Reed:{q1}\n\nAnna Voss:{a1}\n\n"
        f"Tom Reed:{q2}\n\nAnna Voss:{a2}\n"
    )
    assert [(q.speaker, q.text) for q in doc.quotes] == [
        ("Tom Reed", q1),
        ("Anna Voss", a1),
        ("Tom Reed", q2),
        ("Anna Voss", a2),
    ]


def test_labels_with_a_particle_a_second_capital_and_an_outlet() -> None:
    """`Omar al-Tahir, president of the Port Board:`, `Ann McKee, Harbour TV News:`, then
    `Al-Tahir:` and `McKee:`: each label names its speaker, as the first ones said."""
    doc = parse(
        "Transcript: the harbour's president\n\n"
        "Omar al-Tahir, president of the Port Board: We welcome you to the harbour today.\n\n"
        "Ann McKee, Harbour TV News: How will you answer the fishermen's protest?\n\n"
        "Al-Tahir: We are facing problems, and we will meet them next week.\n\n"
        "McKee: You called the protesters a danger to the port?\n"
    )
    assert [q.speaker for q in doc.quotes] == [
        "Omar al-Tahir",
        "Ann McKee",
        "Omar al-Tahir",
        "Ann McKee",
    ]


def _paper_interview(byline: str, office: str) -> str:
    return (
        "Harbour interview\n\n"
        f"{byline}\n\n"
        'Harbour minister Tom Reed spoke to the paper "Tideline" about the quay.\n\n'
        "TIDELINE: Are you hopeful about the port?\n\n"
        f"{office} Reed: We can not foresee it, but we hope so.\n\n"
        "TIDELINE: And will the roads come?\n\n"
        f"{office} Reed: We need to build roads and enhance the economy.\n"
    )


@pytest.mark.parametrize("byline", ["Interviewed by Mara Jovic", "Interview by Mara Jovic"])
def test_a_papers_label_over_questions_is_its_named_interviewer(byline: str) -> None:
    """`TIDELINE: Are you ...?` under `Interviewed by Mara Jovic`: the paper's label
    over the questions of the interviewer the text names; the paper is nobody."""
    doc = parse(_paper_interview(byline, "Minister"))
    speakers = {q.text.rstrip("?"): q.speaker for q in doc.quotes}
    assert speakers["Are you hopeful about the port"] == "Mara Jovic", speakers
    assert speakers["We need to build roads and enhance the economy."] == "Tom Reed", speakers
    assert [p.canonical for p in doc.people] == ["Mara Jovic", "Tom Reed"], doc.people


@pytest.mark.parametrize("office", ["MFA", "PM", "FM"])
def test_an_offices_initials_open_a_label(office: str) -> None:
    """`MFA Reed:`, `PM Reed:`: an office's initials before a surname label a turn."""
    doc = parse(_paper_interview("Interviewed by Mara Jovic", office))
    speakers = {q.text: q.speaker for q in doc.quotes}
    assert speakers["We need to build roads and enhance the economy."] == "Tom Reed", speakers


SPEECH_BODY = (
    "As you know, the harbour season came to a close last week. Today I would like to"
    " look back at what we did for the town.\n\nWe rebuilt the quay and we kept our promise."
)


@pytest.mark.parametrize(
    ("label", "speaker"),
    [
        ("Harbour Minister (Shrimati Ann Lee): Namaskar friends.", "Ann Lee"),
        ("Ann Lee: Good afternoon, everyone.", "Ann Lee"),
        ("RIGHT HON ANN LEE (Harbour Minister): Thank you, Tom.", "Ann Lee"),
        ("PM: Good morning.", None),  # an office the text ties to no one: unknown
    ],
)
def test_a_speech_that_its_one_label_opens_is_its_speakers(label: str, speaker: str | None) -> None:
    """A briefing's text whose one label opens it near the top, the words after it in
    the first person: one turn of the person it names (the office's holder in brackets)."""
    text = f"Briefing on the harbour year\n\nMay 31, 2015\n\n{label}\n\n{SPEECH_BODY}\n"
    quotes = [(q.speaker, q.text) for q in parse(text).quotes]
    assert [who for who, _ in quotes] == [speaker], quotes
    assert quotes[0][1].startswith(label.split(": ", 1)[1] + " As you know"), quotes


@pytest.mark.parametrize(
    "opening",
    [
        "Harbour Board: the year in review",  # a headline's topic, no speaker
        'Ann Lee: "We rebuilt the quay," she told the paper.',  # an article's quote
    ],
)
def test_a_headline_or_a_quoted_line_is_no_labelled_speech(opening: str) -> None:
    text = f"Harbour notes\n\n{opening}\n\n{SPEECH_BODY}\n"
    assert not any(q.text.startswith("As you know") for q in parse(text).quotes)
    assert not any(q.speaker == "Harbour Board" for q in parse(text).quotes)


def test_a_capitals_label_under_a_long_header_line_opens_its_own_turn() -> None:
    """'RIGHT HON ANN LEE (Harbour Minister): Thank you, Tom.' on the line right under a
    long header is a turn's label, not the header's wrapped words."""
    text = (
        "Transcript - The minister delivers remarks at the end of the harbour season\n"
        "RIGHT HON ANN LEE (Harbour Minister): Thank you, Tom.\n"
        "As you know, the harbour season came to a close last week.\n"
        "We rebuilt the quay and we kept our promise to the town.\n"
    )
    quotes = [(q.speaker, q.text) for q in parse(text).quotes]
    assert [who for who, _ in quotes] == ["Ann Lee"], quotes
    assert quotes[0][1].startswith("Thank you, Tom. As you know"), quotes


def test_a_wikinews_interviewers_name_between_its_logos_labels_a_turn() -> None:
    """'Wikinews waves Left.pngAnn LeeWikinews waves Right.png What ...?': the logos'
    file names around the interviewer's name, as a copied Wikinews interview keeps them."""
    waves = "Wikinews waves Left.pngAnn LeeWikinews waves Right.png"
    text = (
        "Wikinews interviews Tom Reed, harbour master\n\n"
        f"{waves} What did the storm do to the quay?\n\n"
        "Tom Reed: It took the north wall and half the boats with it.\n\n"
        f"{waves} Will it be rebuilt before winter?\n\n"
        "Tom Reed: We hope so, if the council pays for the stone.\n"
    )
    quotes = [(q.speaker, q.text) for q in parse(text).quotes]
    assert quotes[0] == ("Ann Lee", "What did the storm do to the quay?"), quotes
    assert ("Ann Lee", "Will it be rebuilt before winter?") in quotes, quotes


def test_question_and_answer_labels_that_name_their_speakers_in_brackets() -> None:
    """`Question (T. Reed) :` and `Answer (Dr. Anna Voss) :` name who asks and who
    answers; the plain `Question:` and `Answer:` after them are theirs too."""
    text = (
        "Interview between harbour master Dr. Anna Voss and Tom Reed (Harbour FM)\n\n"
        "Question (T. Reed) : Welcome, what did the storm do to the quay?\n\n"
        "Answer (Dr. Anna Voss) : It took the north wall and half the boats.\n\n"
        "Question: Will it be rebuilt before winter?\n\n"
        "Answer: We hope so, if the council pays for the stone.\n"
    )
    speakers = {q.text: q.speaker for q in parse(text).quotes}
    assert speakers["Will it be rebuilt before winter?"] == "Tom Reed", speakers
    assert speakers["We hope so, if the council pays for the stone."] == "Anna Voss", speakers


@pytest.mark.parametrize("witness", ["Anna Voss", "ANNA VOSS", "THE WITNESS"])
def test_a_sworn_witness_answers_and_the_examiners_header_is_nobody(witness: str) -> None:
    """A court's record: 'ANNA VOSS, having been duly sworn, testified as follows:' names
    whose the `A.` answers are; 'BY MR. REED:' heads the questions that lawyer asks and
    is no one's turn (never a person "By Mr Reed")."""
    doc = parse(
        "Transcript of Proceedings, Day 3\n\n"
        f"{witness}, having been duly sworn, testified as follows:\n\n"
        "DIRECT EXAMINATION\nBY MR. REED:\n\n"
        "Q. Where were you that night?\nA. I was at the harbour office until ten.\n\n"
        "Q. Did you see the defendant?\nA. Yes. He came in at about nine for the keys.\n"
    )
    answerer = None if witness == "THE WITNESS" else "Anna Voss"  # an office, no one named
    assert [(q.speaker, q.text[:12]) for q in doc.quotes if q.text] == [
        (answerer, "I was at the"),
        (answerer, "Yes. He came"),
    ]
    assert all("Reed" not in p.canonical and "Witness" not in p.canonical for p in doc.people)
