"""Quotations the mark scan must not miss, and scare quotes it must not serve."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

DOUBLES = (
    "Harbour board meets\n\n"
    "\u201cWe have waited long enough for this,\u201d said Olaf Brenner.\n\n"
    "{body}\n"
)


def _texts(body: str) -> list[str]:
    return [q.text for q in parse(DOUBLES.format(body=body)).quotes if not q.fragment]


@pytest.mark.parametrize(
    "body",
    [
        "The board then passed this motion: \u2018That the harbour open to ferries in May.\u2019",
        "Greta Lund moved the motion, saying, \u2018That the harbour open to ferries in May.\u2019",
        "Greta Lund wrote: \u2018That the harbour open to ferries in May\u2019, and sat down.",
    ],
)
def test_introduced_single_marks_in_a_double_mark_text(body: str) -> None:
    """A ‘…’ quote that a colon or a speech verb introduces is a quote in a “…” text."""
    assert "That the harbour open to ferries in May" in " | ".join(_texts(body))


@pytest.mark.parametrize(
    "body",
    [
        "The board praised its \u2018smart harbour plan\u2019 once more.",
        "\u201cThe board called it \u2018a smart harbour plan for all\u2019 today,\u201d she said.",
    ],
)
def test_unintroduced_single_marks_stay_out(body: str) -> None:
    """A bare ‘…’ in a “…” text is a scare quote; one nested in “…” is no quote of its own."""
    texts = _texts(body)
    assert not any(t.startswith(("smart", "a smart")) for t in texts), texts


@pytest.mark.parametrize(
    ("mark", "intro"),
    [
        ('"', "Ines Moreau spoke to the radio on Monday. Later she told reporters."),
        ("\u201c", "Asked about the vote, Ines Moreau told the Courier."),
        ("\u201c", "Ines Moreau said as much!"),
    ],
)
def test_unclosed_quote_after_a_speech_sentence(mark: str, intro: str) -> None:
    """A cut excerpt that opens the sentence after a speech verb's one, never closed."""
    text = f"Council vote delayed\n\n{intro} {mark}We never wanted the delay at all...\n"
    assert any(q.text.startswith("We never wanted") for q in parse(text).quotes)


def test_unclosed_mark_after_a_plain_sentence_stays_out() -> None:
    """An open mark after a sentence with no speech verb is a stray, not a quote."""
    text = "Council vote delayed\n\nThe council met on Monday. \u201cWe never wanted the delay...\n"
    assert not any(q.text.startswith("We never wanted") for q in parse(text).quotes)


@pytest.mark.parametrize(
    ("outer", "inner", "intro"),
    [
        (('"', '"'), ("'", "'"), "then a boy yelled,"),
        (('"', '"'), ("'", "'"), "then a boy yelled:"),
        (("\u201c", "\u201d"), ("\u2018", "\u2019"), "then a boy yelled,"),
        (("\u2018", "\u2019"), ("\u201c", "\u201d"), "then a boy said:"),
    ],
)
def test_nested_quote_after_a_speech_verb(
    outer: tuple[str, str], inner: tuple[str, str], intro: str
) -> None:
    """Words a quote quotes after a colon or a speech verb and a comma are a quote too."""
    body = (
        f"{outer[0]}The water rose fast, {intro} {inner[0]}Don't let go of me!{inner[1]}"
        f"{outer[1]} Pia Sorensen said."
    )
    doc = parse(f"Flood on the river\n\n{body}\n")
    assert any(q.text == "Don't let go of me!" and not q.fragment for q in doc.quotes)


def test_nested_apostrophes_and_scare_quotes_stay_inside() -> None:
    """A possessive or a two-word nested scare quote is no quote of its own."""
    body = "\"The boys' club said, 'fine, thanks' and left,\" Pia Sorensen said."
    doc = parse(f"Flood on the river\n\n{body}\n")
    assert [q.text for q in doc.quotes if not q.fragment] == [
        "The boys' club said, 'fine, thanks' and left"
    ]


@pytest.mark.parametrize("intro", ["I yelled,", "we yelled,", "then I told him,"])
def test_retold_own_words_stay_inside(intro: str) -> None:
    """A speaker retelling their own words, no colon, keeps one quote."""
    body = f"\"The water rose fast, {intro} 'Don't let go of me!'\" Pia Sorensen said."
    doc = parse(f"Flood on the river\n\n{body}\n")
    assert len([q for q in doc.quotes if not q.fragment]) == 1


@pytest.mark.parametrize(
    ("body", "words", "fragment"),
    [
        ('"All safe," the harbour master said.', "All safe", False),
        ("\u201cAll safe,\u201d said Nils Berg, the harbour master.", "All safe", False),
        ('"Nobody\'s hurt," Nils Berg told reporters.', "Nobody's hurt", False),
        ('Locals called it "the beast," Nils Berg said.', "the beast", True),
        ('"All safe," the sign on the gate read.', "All safe", True),
        ('The crew was "all safe" by noon.', "all safe", True),
    ],
)
def test_short_reply_with_a_speech_verb(body: str, words: str, fragment: bool) -> None:
    """Two words closed on a comma and followed by a speech verb are said, not scare words."""
    doc = parse(f"Storm on the coast\n\n{body}\n")
    (quote,) = [q for q in doc.quotes if q.text == words]
    assert quote.fragment is fragment


@pytest.mark.parametrize(
    ("asker", "answerer", "answer_speaker"),
    [
        ("((Tomas Varga))", "((Lena Holt))", "Lena Holt"),
        ("((Tomas Varga))", "((LH))", "Lena Holt"),
        ("((TV))", "((XQ))", None),
    ],
)
def test_double_bracket_interview_labels(
    asker: str, answerer: str, answer_speaker: str | None
) -> None:
    """`((Name))` or `((Initials))` opens a turn; initials no one in the text has name nobody."""
    text = (
        "Interview with a flood survivor\n\n"
        "Tomas Varga spoke to Lena Holt in Kadan on Tuesday.\n\n"
        "((Tomas Varga)) Where do you sleep now?\n\n"
        "((Lena Holt)) In the school hall, with forty other families.\n\n"
        f"{asker} Has the town helped you?\n\n"
        f"{answerer} Nobody from the town hall has come to see us yet.\n"
    )
    doc = parse(text)
    assert [q.speaker for q in doc.quotes if q.text.startswith("Nobody from")] == [answer_speaker]
    assert any(q.text == "Where do you sleep now?" for q in doc.quotes)


QUOTE_LIST = (
    "Cup final: what they said\n\n"
    "Ama Owusu and Kofi Mensah spoke after the final in Kumasi.\n\n"
    "{first}\n"
    "{second}\n"
    "\u2022 Venue: Kumasi Sports Stadium, under lights all evening\n"
)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            "\u2022 Ama Owusu: We wanted the trophy more than they did.",
            "\u2022 Kofi Mensah: It was hard for us after the red card.",
        ),
        (
            '- Ama Owusu: "We wanted the trophy more than they did."',
            '- Kofi Mensah: It was hard for us after the red card."',
        ),
    ],
)
def test_quote_list_items_labelled_by_name(first: str, second: str) -> None:
    """Items labelled with a person's name are their words, with marks, half or none."""
    doc = parse(QUOTE_LIST.format(first=first, second=second))
    said = {q.text.strip('"'): q.speaker for q in doc.quotes if not q.fragment}
    assert said.get("It was hard for us after the red card.") == "Kofi Mensah", said
    assert said.get("We wanted the trophy more than they did.") == "Ama Owusu", said
    assert not any("Stadium" in words for words in said), said


def test_one_labelled_item_is_no_quote_list() -> None:
    """A single `Name: words` item is a caption or a note, not a list of quotes."""
    text = QUOTE_LIST.format(
        first="\u2022 Ama Owusu: captain since the spring of last year", second=""
    )
    assert not [q for q in parse(text).quotes if "captain" in q.text]


HEADLINED = (
    "{headline}\n\n"
    "Tenants on the Marsh estate say the damp has come back every winter since 2019.\n\n"
    "\u201cWe cannot keep living like this,\u201d said tenant Rosa Kimani.\n"
)


@pytest.mark.parametrize(
    ("headline", "words"),
    [
        ("Tenants \u2018sick of waiting for a repair\u2019 on damp estate", "sick of waiting"),
        ("'Why won't anyone fix it?': tenants' plea over damp", "Why won't anyone fix it?"),
        ("\u2018We cannot keep living like this\u2019 \u2013 Marsh tenants", "We cannot keep"),
    ],
)
def test_headline_quote_in_single_marks(headline: str, words: str) -> None:
    """A headline quotes in single marks where its article uses double ones."""
    doc = parse(HEADLINED.format(headline=headline))
    assert [q for q in doc.quotes if q.text.startswith(words) and not q.fragment]


@pytest.mark.parametrize(
    "headline",
    [
        "Council backs \u2018Keep Marsh Tidy\u2019 campaign on estate",
        "Tenants \u2018fed up\u2019 over damp estate",
        "'Marsh Estate Renewal Plan' unveiled to tenants",
    ],
)
def test_headline_slogans_and_scare_quotes_stay_out(headline: str) -> None:
    """A capitalised name (a slogan, a plan) or two scare words are no headline quote."""
    doc = parse(HEADLINED.format(headline=headline))
    served = [q.text for q in doc.quotes if not q.fragment]
    assert served == ["We cannot keep living like this"], served


def test_a_first_line_headline_quote_takes_its_body_twins_speaker() -> None:
    """The first line quoting words the article quotes again: the same speaker's, and
    both stay quotes (the page shows them twice)."""
    doc = parse(
        "'Why will nobody fix the damp?': tenant's plea\n"
        "Tenants on the Marsh estate say the damp has come back every winter since 2019.\n\n"
        "Rosa Kimani has lived on the estate for a decade.\n\n"
        '"Why will nobody fix the damp?" she said.\n'
    )
    found = [q for q in doc.quotes if q.text.startswith("Why will nobody fix the damp")]
    assert [q.speaker for q in found] == ["Rosa Kimani", "Rosa Kimani"]


@pytest.mark.parametrize(
    "headline",
    [
        'Marsh estate: "Why will nobody fix the damp?"',
        "Damp estate: \u2018Why will nobody fix the damp?\u2019",
        '"Why will nobody fix the damp?"',
    ],
)
def test_a_headline_ending_with_its_quotes_mark_takes_the_twins_speaker(headline: str) -> None:
    """A first line that ends with the quote's closing mark (after a kicker or alone) is
    still a headline: its quote is the body's twin, the same speaker's."""
    doc = parse(
        f"{headline}\n"
        "Tenants on the Marsh estate say the damp has come back every winter since 2019.\n\n"
        "Rosa Kimani has lived on the estate for a decade.\n\n"
        '"Why will nobody fix the damp?" she said.\n'
    )
    found = [q for q in doc.quotes if q.text.startswith("Why will nobody fix the damp")]
    assert [q.speaker for q in found] == ["Rosa Kimani", "Rosa Kimani"]


def test_an_open_quote_goes_on_past_a_caption() -> None:
    """A quote left open at its paragraph's end goes on in the next paragraph that opens
    with a mark, past a caption or an ad line the page set between them; a paragraph
    of prose between them ends it."""
    doc = parse(
        "Harbour reopens\n\n"
        'Harbour master Ingrid Solvang said: "We have waited two years for this day.\n\n'
        "Ingrid Solvang at the quay (Photo: Harbour Press)\n\n"
        "Hide Ad\n\n"
        '"The boats can come home at last."\n\n'
        'Fisherman Olaf Brekke was there too. "It is a good day," he said.\n'
    )
    quote = quote_with(doc, "We have waited two years")
    assert quote.speaker == "Ingrid Solvang"
    assert "The boats can come home at last." in quote.text
    assert "Photo" not in quote.text
    assert [q.text for q in doc.quotes if q.text.startswith("The boats")] == []


@pytest.mark.parametrize(
    ("headline", "words"),
    [
        ("Marsh tenants 'sick of waiting for a repair'", "sick of waiting for a repair"),
        ("Marsh estate: 'Nobody has fixed the damp'", "Nobody has fixed the damp"),
        ("Damp estate tenants \u2018sick of waiting for a repair\u2019", "sick of waiting"),
        (
            "'The damp comes back every single winter' - Marsh estate tenants say their"
            " flats are still unfit after years of promised repairs",
            "The damp comes back every single winter",
        ),
    ],
)
def test_headline_quote_at_the_line_end_or_past_a_short_headline(headline: str, words: str) -> None:
    """A headline's single-mark quote that ends its line (the closing mark is no
    sentence's end) or that stands before a long gist of the story is a quote too."""
    doc = parse(HEADLINED.format(headline=headline))
    assert [q for q in doc.quotes if q.text.startswith(words) and not q.fragment]


@pytest.mark.parametrize(
    "headline",
    [
        "Tenants' union backs 'rent strike' on Marsh estate",
        "Marsh estate tenants 'fed up'",
        "Tenants' union: Marsh estate is 'Unfit For Living'",
    ],
)
def test_headline_apostrophes_and_short_marks_make_no_quote(headline: str) -> None:
    """A plural's apostrophe opens nothing; two words or a capitalised name are no quote."""
    doc = parse(HEADLINED.format(headline=headline))
    served = [q.text for q in doc.quotes if not q.fragment]
    assert served == ["We cannot keep living like this"], served


def test_other_stories_headlines_below_the_prose_stay_out() -> None:
    """Below the page's first sentence of prose stand other stories' headlines (related
    links): one that ends with its quote is no quote of this page."""
    page = HEADLINED.format(headline="Damp estate tenants want action")
    doc = parse(page + "\nRelated\n\nCouncil tenants 'sick of waiting for a repair'\n")
    assert not [q for q in doc.quotes if q.text.startswith("sick of waiting")]
