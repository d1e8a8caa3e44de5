"""Quote attribution on short invented texts, one pattern per case."""

from __future__ import annotations

import pytest

from db.records import PartialDate
from tests.unit.db.ingest.helpers import parse, quote_with

ARTICLE = "Talks resume in Vienna\n\n{body}\n"


@pytest.mark.parametrize(
    ("body", "words", "speaker"),
    [
        ('"We will not give up," Kowalski said.', "give up", "Kowalski"),
        (
            'Prime Minister Anna Kowalski arrived.\n\n"We will not give up," Kowalski said.',
            "give up",
            "Anna Kowalski",
        ),
        ('"Nothing is agreed yet," says Jan Novak of the Prague Institute.', "agreed", "Jan Novak"),
        ("Jan Novak noted: \u201cThe money is gone.\u201d", "money", "Jan Novak"),
        ('Jan Novak only stated, "I admire you."', "admire", "Jan Novak"),
        (
            "Jan Novak met the press. \u201cWe are ready,\u201d he says.",
            "ready",
            "Jan Novak",
        ),
        (
            "Marta Lind wanted Jan Novak to listen. \u201cWe are ready,\u201d she said.",
            "ready",
            "Marta Lind",
        ),
        (
            "Jan Novak says he will \u201cnever sign a bad treaty, whatever it costs us all\u201d.",
            "never sign",
            "Jan Novak",
        ),
        ('"Not a chance in this weather," Vera Holm laughed.', "Not a chance", "Vera Holm"),
        ('"It rained all week," one witness said.', "rained", None),
        ('The banner read "Go home now" all afternoon.', "Go home", None),
    ],
)
def test_attribution_forms(body: str, words: str, speaker: str | None) -> None:
    """After, before with colon or comma, affiliation, pronoun, inline; unknown stays None."""
    doc = parse(ARTICLE.format(body=body))
    assert quote_with(doc, words).speaker == speaker


def test_single_name_speaker_needs_a_speech_verb() -> None:
    """A lone surname that speaks is a person; its quote is attributed to it."""
    doc = parse(ARTICLE.format(body='"Nobody expected this," Okonkwo says.'))
    assert quote_with(doc, "expected").speaker == "Okonkwo"


def test_affiliation_is_context() -> None:
    """'says X of the Y' puts Y in the context."""
    doc = parse(ARTICLE.format(body='"It is over," says Jan Novak of the Prague Policy Institute.'))
    quote = quote_with(doc, "over")
    assert (quote.speaker, quote.context) == ("Jan Novak", "Prague Policy Institute")


def test_occasion_is_context() -> None:
    """'said in a televised address' becomes the context."""
    body = "Jan Novak spoke.\n\n\u201cWe stand firm,\u201d Novak said later in a televised address."
    quote = quote_with(parse(ARTICLE.format(body=body)), "stand firm")
    assert quote.speaker == "Jan Novak"
    assert quote.context is not None
    assert "televised address" in quote.context


def test_continuation_paragraph_keeps_speaker_and_context() -> None:
    """A bare quote paragraph after X's quote is X's, with the same context."""
    body = (
        '"The plan is sound," says Jan Novak of the Prague Institute.\n\n'
        '"And it will be funded in full, whatever the critics may say about it."\n\n'
        '"A new paragraph with no speaker," reads the sign.'
    )
    doc = parse(ARTICLE.format(body=body))
    quote = quote_with(doc, "funded in full")
    assert (quote.speaker, quote.context) == ("Jan Novak", "Prague Institute")


def test_reported_speech_then_bare_quote() -> None:
    """A bare quote after 'X insisted that ...' is X's."""
    body = (
        "Marta Lind insisted that the vote go ahead.\n\n"
        "\u201cWe cannot wait any longer for them.\u201d"
    )
    assert quote_with(parse(ARTICLE.format(body=body)), "wait").speaker == "Marta Lind"


def test_multi_paragraph_quote() -> None:
    """A quote left open continues into the next paragraph that opens with a mark."""
    body = (
        "Marta Lind said:\n\n"
        "\u201cFirst, we will rebuild the bridge.\n\n"
        "\u201cThen we will rebuild the school.\u201d\n\nThe crowd cheered."
    )
    doc = parse(ARTICLE.format(body=body))
    (quote,) = doc.quotes
    assert quote.speaker == "Marta Lind"
    assert quote.text == "First, we will rebuild the bridge. Then we will rebuild the school."
    assert doc.warnings == []


def test_nested_single_quotes_stay_inside() -> None:
    """Single quotes inside a quote are part of it, not quotes of their own."""
    body = "\"I told him, 'Leave now or stay forever,' and he stayed,\" Jan Novak said."
    doc = parse(ARTICLE.format(body=body))
    (quote,) = doc.quotes
    assert quote.text == "I told him, 'Leave now or stay forever,' and he stayed"
    assert quote.speaker == "Jan Novak"


@pytest.mark.parametrize(
    ("body", "words", "fragment"),
    [
        ("Jan Novak called the deal \u201cabandoned\u201d in May.", "abandoned", True),
        ('Jan Novak said it was a "turning point" for all.', "turning point", True),
        # Three words or more are the speaker's own words, even inside a sentence.
        ("Jan Novak said he was \u201cthe first to call\u201d that day.", "first to call", False),
        ('Jan Novak agreed: "That is right."', "That is right", False),
        ('"We will rebuild every house in this town," Jan Novak said.', "rebuild", False),
    ],
)
def test_fragments(body: str, words: str, fragment: bool) -> None:
    """Scare quotes and short embedded phrases are fragments; utterances are not."""
    assert quote_with(parse(ARTICLE.format(body=body)), words).fragment is fragment


def test_role_resolves_by_binding_and_elimination() -> None:
    """'the Elysée leader' is the person bound to France, or the one left in the section."""
    timeline = (
        "May 2, 2010: Leaders meet\n"
        "French President Marie Dupont met Chancellor Karl Weber of Germany.\n"
        "The Elysée leader said the talks went \u201cvery well indeed for everyone\u201d.\n"
        "May 9, 2010: A second meeting\n"
        "German Chancellor Karl Weber and Ivan Petrov met again.\n"
        "The Kremlin leader said that the deal was \u201cfinished and signed\u201d.\n"
        "May 10, 2010: A third meeting\n"
        "Ivan Petrov, Oleg Sokolov and Karl Weber met.\n"
        "The Kremlin leader said that it was \u201cover and done with\u201d.\n"
    )
    doc = parse(timeline)
    assert quote_with(doc, "very well").speaker == "Marie Dupont"
    finished = quote_with(doc, "finished")
    assert finished.speaker == "Ivan Petrov"  # the only one not bound to another country
    assert finished.date is not None
    assert finished.date.iso() == "2010-05-09"
    assert quote_with(doc, "over and done").speaker is None  # two candidates: not guessed


def test_unbalanced_quote_is_capped_and_warned() -> None:
    """An unclosed mark does not swallow the rest of the document."""
    body = '"This never closes, Jan Novak said.\n\nNext paragraph "with a real quote" here.'
    doc = parse(ARTICLE.format(body=body))
    assert any("unbalanced quote" in w for w in doc.warnings)
    assert all("Next paragraph" not in q.text for q in doc.quotes)
    assert quote_with(doc, "real quote").text == "with a real quote"


def test_a_given_name_alone_is_the_person_named_in_full() -> None:
    """A given name alone, "Cliff" after "Sir Cliff Richard", is him, not a second person
    called Cliff, and a pronoun after it binds to him."""
    doc = parse(
        "Singer sues broadcaster\n\n"
        "Sir Cliff Richard is angry with the broadcaster. The raid left Cliff boiling.\n\n"
        "\u201cI would never have dreamed it,\u201d he says.\n\n"
        "He blames the managers. \u201cThey owe me,\u201d Cliff said.\n"
    )
    assert [p.canonical for p in doc.people] == ["Cliff Richard"]
    assert [q.speaker for q in doc.quotes] == ["Cliff Richard", "Cliff Richard"]


def test_a_given_name_two_people_share_stays_apart() -> None:
    """Two Annas: "Anna" alone is neither of them; "Dragon" of a craft is nobody."""
    doc = parse(
        "Crew named\n\n"
        "Anna Berg and Anna Holt will fly the Dragon Capsule next year. "
        "\u201cWe are ready,\u201d Anna said.\n\n"
        "The Dragon carries four people.\n"
    )
    assert {p.canonical for p in doc.people} <= {"Anna Berg", "Anna Holt", "Anna"}
    assert "Dragon Capsule" not in {q.speaker for q in doc.quotes}
    assert doc.quotes[0].speaker not in ("Anna Berg", "Anna Holt")


@pytest.mark.parametrize(
    ("between", "second_speaker"),
    [
        ("Mara Quill, Executive Director of the Kettle Mill Foundation", "Mara Quill"),
        ("Mara Quill, Director of the Kettle Mill Foundation", "Mara Quill"),
        ("Mara Quill and Tom Baker of the Kettle Mill Foundation", None),
    ],
)
def test_a_title_after_the_speaker_keeps_the_next_quote_hers(
    between: str, second_speaker: str | None
) -> None:
    """`"...," said Mara Quill, Executive Director of the Foundation. "..."`: the title
    describes the speaker, so the paragraph's next quote is hers; a second person named
    there leaves it unattributed."""
    doc = parse(
        "Mill news\n\n"
        f"\u201cWe are thrilled to be back in the valley,\u201d said {between}. "
        "\u201cAt the mill we are committed to grinding every Tuesday.\u201d\n"
    )
    assert quote_with(doc, "thrilled").speaker == "Mara Quill"
    assert quote_with(doc, "every Tuesday").speaker == second_speaker


# -- when the words were said, stated beyond their sentence ------------------------------


@pytest.mark.parametrize(
    ("body", "words", "iso"),
    [
        ('In a 2008 call, harbour master Ida Brenn said: "We will never sell it."', "sell", "2008"),
        ('"We stay," harbour master Ida Brenn said in a 1999 interview.', "We stay", "1999"),
        (
            'Ida Brenn, in her 1996 inaugural address: "The quay is the town."',
            "quay is",
            "1996",
        ),
        (
            'Ida Brenn spoke to the council on March 3, 1997. "The sea gives," Brenn said.',
            "sea gives",
            "1997-03-03",
        ),
    ],
)
def test_a_quote_dated_by_its_occasion_or_the_sentence_before(
    body: str, words: str, iso: str
) -> None:
    """The year of the call or speech the words were said in, or the one date of the
    sentence just before that names the same speaker."""
    date = quote_with(parse(ARTICLE.format(body=body)), words).date
    assert date is not None
    assert date.iso() == iso


def test_the_sentence_before_must_name_the_speaker() -> None:
    """A date in the sentence before that is about someone else says nothing of when
    these words were said."""
    body = 'Ida Brenn was born on March 3, 1950. "The sea gives," Tom Vik said.'
    assert quote_with(parse(ARTICLE.format(body=body)), "sea gives").date is None


QUOTES_PAGE = """Words from the quay

Keep the harbour open to everyone who sails.

Mayor Ida Brenn

Every boat here was built by a neighbour.

Councillor Tom Vik

Whoever is tired of the sea is tired of life.

Edwin Harrow (1601 - 1660)

The quotations of the harbour staff come from their 4 May speeches in 2016
"""


def test_a_page_note_dates_its_quotes_but_not_a_dead_writers() -> None:
    """A note saying when a page's quotes were said dates them (a month-day and its
    "in 2016" make one day); a quote whose speaker's life dates end before then keeps
    no date."""
    doc = parse(QUOTES_PAGE)
    assert quote_with(doc, "open to everyone").date == PartialDate(2016, 5, 4, "day")
    assert quote_with(doc, "built by a neighbour").date == PartialDate(2016, 5, 4, "day")
    assert quote_with(doc, "tired of the sea").date is None
    assert quote_with(doc, "tired of the sea").speaker == "Edwin Harrow"


# -- a paragraph of someone's words, introduced by a colon --------------------------------


def test_a_colon_introduces_an_unmarked_paragraph_of_words() -> None:
    """`She writes in the Gazette:` over a paragraph without quotation marks: her words,
    even when the introducing paragraph quotes her with marks too."""
    doc = parse(
        "Quay debate\n\nHistorian Ida Brenn says she was \u201csurprised by the vote\u201d "
        "on the old quay. She writes in the Gazette:\n\n"
        "It was never clear whether the council wanted the quay or only its rent.\n"
    )
    quote = quote_with(doc, "never clear whether")
    assert quote.speaker == "Ida Brenn"
    assert not quote.fragment


@pytest.mark.parametrize(
    "intro",
    [
        "Here is what the harbour board decided on the old quay:",  # no one speaks
        "I'm Tom Vik, and here are the harbour stories of the day:",  # no speech verb
    ],
)
def test_a_colon_without_a_speaker_introduces_no_quote(intro: str) -> None:
    """Without a speech verb whose subject the text names, the paragraph is the text's."""
    doc = parse(f"Quay debate\n\n{intro}\n\nThe quay stays open to boats for ten more years.\n")
    assert doc.quotes == []


def test_a_page_of_signed_quotes_opens_with_one() -> None:
    """The first paragraph of a page of signed quotes is a quote too, full stop or not;
    a lone headline over a name line is not."""
    page = QUOTES_PAGE.replace("Keep the harbour open to everyone who sails.", "Harbour first")
    assert quote_with(parse(page), "Harbour first").speaker == "Ida Brenn"
    lone = "Harbour first\n\nMayor Ida Brenn\n\nThe quay stays open to boats.\n"
    assert parse(lone).quotes == []


def test_a_title_in_quotation_marks_is_nobody() -> None:
    """A book's or a show's name in quotation marks is not a person; a name inside a
    longer quotation still is."""
    doc = parse(
        'Harbour history\n\nThe monk Ida Brenn began "Historia Portus", which she calls a heap. '
        'Called "Anything Goes", the show opened. Tom Vik said: "Ida Brenn wrote it all."\n'
    )
    assert [p.canonical for p in doc.people] == ["Ida Brenn", "Tom Vik"]


@pytest.mark.parametrize(
    ("intro", "speaker"),
    [
        ("Quay notes", None),  # a headline: "notes" is its noun, no speech
        ("Harbour master Ruth Carney says", None),  # a line with no sentence
        ("Quay notes that the ferry is late.", "Quay"),
        ("Ruth Carney says the ferry is late.", "Ruth Carney"),
        # Past a headline's length, a line without its full stop is still a sentence.
        (
            "Ruth Carney says the ferry is late, whatever the timetable on the harbour wall "
            "and the website may say",
            "Ruth Carney",
        ),
    ],
)
def test_a_title_line_attributes_nothing(intro: str, speaker: str | None) -> None:
    """A short line with no sentence's closing mark is a headline: its speech verb makes
    no one a speaker, and the bare quote below it stays unattributed."""
    doc = parse(
        f"Harbour news\n\n{intro}\n\n"
        "\u201cThe ferry will run again from Monday and every day after that.\u201d\n"
    )
    assert quote_with(doc, "every day after").speaker == speaker
    assert ("Quay" in [p.canonical for p in doc.people]) is (speaker == "Quay")


def test_a_single_name_after_a_lowercase_calling_is_the_person() -> None:
    """'the Irish monk Colmcille': the lone name a calling describes is a person, so 'he'
    after it is his; a place after a lowercase word ('central Ostrava') is nobody."""
    doc = parse(
        "Old books of the north\n\n"
        "Around 900 the Irish monk Colmcille finished his gospel book in central Ostrava, "
        'which he called "a lamp for the long winter".\n'
    )
    assert quote_with(doc, "a lamp for the long winter").speaker == "Colmcille"
    assert [p.canonical for p in doc.people] == ["Colmcille"]


@pytest.mark.parametrize(
    ("closing", "speaker"),
    [
        ("Jana Smith says", "Jana Smith"),
        ("museum curator Jana Smith said", "Jana Smith"),
        ("the museum says", "City Museum"),  # the body the text named, not "in Brno's"
        ("the report says", None),  # a body the text never named in full
        ("Jana Smith told the paper", None),  # told: the paper is spoken to
    ],
)
def test_a_clause_closing_the_sentence_names_the_speaker(closing: str, speaker: str | None) -> None:
    """`The children "found ..." in the store, the museum says.`: the clause after the
    sentence's last comma names who said the quote inside it."""
    doc = parse(
        "Children curate a show\n\n"
        "A new show opens at the City Museum in Brno's old town.\n\n"
        f'The children "found and rescued the old toys" in the store, {closing}.\n'
    )
    assert quote_with(doc, "found and rescued").speaker == speaker


def test_a_body_is_not_named_by_its_places_possessive() -> None:
    """'the City Museum in Brno's old town': the body is the City Museum; Brno's belongs to
    the town."""
    doc = parse(
        "Children curate a show\n\n"
        "A new show opens at the City Museum in Brno's old town.\n\n"
        '"The children found and rescued the old toys," the museum says.\n'
    )
    assert quote_with(doc, "found and rescued").speaker == "City Museum"


def test_the_day_of_the_occasion_beside_a_quote_dates_it() -> None:
    """ "in the October 18 press release": the day written before the occasion's noun
    dates the words, its year from the page's date, before a dated heading's own day."""
    article = parse(
        "Guild answers\nPublished: October 21, 2008\n\n"
        '"We never said that," the Guild said in its October 18 press release.\n'
    )
    assert quote_with(article, "We never said that").date == PartialDate(2008, 10, 18, "day")
    listing = parse(
        "News\n\nTuesday, October 21, 2008\n\nGuild answers critics\n\n"
        '"We never said that," said Mara Quill in the October 18 statement.\n'
    )
    assert quote_with(listing, "We never said that").date == PartialDate(2008, 10, 18, "day")


def test_a_quote_after_its_speaker_spoke_at_a_stated_time_was_said_then() -> None:
    """A paragraph closing on "Speaking on Monday, Whitfield said ..." dates the quote
    that opens the next paragraph in her voice; a date of something else she did does
    not ("was elected on ...": no words said then)."""
    lead = (
        "Dam holds\nPublished: June 5, 2019\n\n"
        "Speaking at a briefing on Monday, Mayor Dana Whitfield said the dam held.\n\n"
    )
    quote = '"We were lucky, and we know it," Whitfield said.\n'
    doc = parse(lead + quote)
    assert quote_with(doc, "We were lucky").date == PartialDate(2019, 6, 3, "day")
    elected = lead.replace("Speaking at a briefing on Monday", "On May 3, 2011")
    elected = elected.replace("said the dam held", "was elected mayor")
    assert quote_with(parse(elected + quote), "We were lucky").date == PartialDate(
        2019, 6, 5, "day"
    )
