"""When a quote's words were said, as publishers write it: the marks, the sentence round
them, the page's dateline. Every text is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with


def _iso(text: str, words: str) -> str | None:
    quote = quote_with(parse(text), words)
    return quote.date.iso() if quote.date else None


# A date inside the marks is what the words tell of, not when they were said.
INSIDE = [
    (
        "Published: 7 November 2011\n\n"
        'The prime minister said: "The deal was already done on Aug 2 and nothing will '
        'change."\n',
        "deal was already done",
        "2011-11-07",
    ),
    (
        "Harbour News, Monday 3 June 2019\n\n"
        '"We opened the quay on 12 March 1998 and it has never flooded," harbour master '
        "Ann Lee said.\n",
        "We opened the quay",
        "2019-06-03",
    ),
    (
        'Ann Lee told the inquiry: "I first saw the crack on January 4, and I told my '
        'manager the same day."\n',
        "I first saw the crack",
        None,
    ),
]


@pytest.mark.parametrize(("text", "words", "iso"), INSIDE)
def test_a_date_inside_the_marks_does_not_date_the_words(
    text: str, words: str, iso: str | None
) -> None:
    assert _iso(text, words) == iso


# A wire story's dateline: the place, the day it was filed (often with no year), the
# agency or the dash that opens the story. Its quotes were said as of that day.
WIRE_DATELINES = [
    (
        "BEIJING, Oct. 17 (Xinhua) -- The home side won the cup on penalties.\n\n"
        '"It is a great day for the city," coach Tom Vale said.\n',
        "It is a great day",
        "--10-17",
    ),
    (
        "PARIS, March 3 (AFP) - The strike spread to the railways.\n\n"
        '"We will not stop until they listen," union leader Ann Lee said.\n',
        "We will not stop",
        "--03-03",
    ),
    (
        "KABUL, Oct 17 \u2014 Gunmen attacked a checkpoint overnight, officials said.\n\n"
        '"Two guards were hurt," police spokesman Tom Vale said.\n',
        "Two guards were hurt",
        "--10-17",
    ),
    (
        "NAIROBI (Reuters) Nov 8 - The shilling fell for a third day.\n\n"
        '"Importers are buying dollars," a dealer, Ann Lee, said.\n',
        "Importers are buying dollars",
        "--11-08",
    ),
    (
        "Kochi, Jan 8: The port's new chief on Wednesday said the quay would reopen.\n\n"
        "\u201cWe have a busy year ahead,\u201d he told reporters here.\n",
        "We have a busy year ahead",
        "--01-08",
    ),
    (
        "Port Talbot, Aug 23 : Gull nests will be moved in a pilot scheme.\n\n"
        'Tom Vale said the plan was "fair to the birds and to us".\n',
        "fair to the birds",
        "--08-23",
    ),
]


@pytest.mark.parametrize(("text", "words", "iso"), WIRE_DATELINES)
def test_a_yearless_wire_dateline_dates_the_story(text: str, words: str, iso: str) -> None:
    assert _iso(text, words) == iso
    published = parse(text).published
    assert published is not None
    assert published.iso() == iso  # the page's own date, with no year


def test_a_stamp_with_a_year_outranks_a_yearless_dateline() -> None:
    text = (
        "Published: 17 October 2015\n\n"
        "LONDON, Oct. 16 (Xinhua) -- The manager died on Friday.\n\n"
        '"He was the best of us," said former player Tom Vale.\n'
    )
    assert _iso(text, "He was the best of us") == "2015-10-17"


@pytest.mark.parametrize(
    "opening",
    [
        "PARIS, March 3 and 4 were the days of the great strike.",
        "Paris, March 3 and 4 were the days of the great strike.",
        "Paris, March 3: the days of the great strike began.",  # no story opens after it
    ],
)
def test_a_month_day_after_a_place_that_opens_no_story_is_no_dateline(opening: str) -> None:
    text = f'{opening}\n\n"We will not stop," union leader Ann Lee said.\n'
    assert parse(text).published is None


# The clause that says who spoke says when, counted from the page's date: after the
# marks, or leading up to them; a day, a week, a month or a year.
_PAGE = "Published: 25 April 2013\n\nThe river burst its banks overnight.\n\n"
SAID_WHEN = [
    ('"We did everything we could," Tom Vale said last week.\n', "2013-04"),
    ('"We did everything we could," Tom Vale told reporters last month.\n', "2013-03"),
    ('"We did everything we could," Tom Vale said two years ago.\n', "2011"),
    (
        '"We did everything we could," Tom Vale told The Associated Press in a phone '
        "interview Wednesday.\n",
        "2013-04-24",
    ),
    ('On Monday, Tom Vale told the council: "We did everything we could."\n', "2013-04-22"),
    ('Tom Vale said Tuesday that "we did everything we could" to hold the bank.\n', "2013-04-23"),
]


@pytest.mark.parametrize(("sentence", "iso"), SAID_WHEN)
def test_the_clause_that_says_who_spoke_says_when(sentence: str, iso: str) -> None:
    assert _iso(_PAGE + sentence, "everything we could") == iso


# A time in a clause about something else is not when the words were said.
OTHER_CLAUSE = [
    '"We did everything we could," said Tom Vale, who was elected last year.\n',
    'After the vote on Monday, Tom Vale said: "We did everything we could."\n',
    'Tom Vale, who retired last month, said: "We did everything we could."\n',
]


@pytest.mark.parametrize("sentence", OTHER_CLAUSE)
def test_a_time_in_another_clause_does_not_date_the_words(sentence: str) -> None:
    assert _iso(_PAGE + sentence, "everything we could") == "2013-04-25"


def test_an_occasion_inside_the_marks_is_not_the_articles_occasion() -> None:
    """A motion read out at the top names a meeting still to come, inside its marks:
    that is what was said, not the day the article's words were said."""
    text = (
        "Published: 19 April 2023\n\n"
        "At the committee held today, Cr Ann Lee moved the following motion: \u2018That "
        "council hold the vote at the ordinary council meeting on 26 April 2023 by "
        "secret ballot.\u2019\n\n"
        "Cr Lee continued: \u201cA secret ballot protects every one of us from pressure "
        "and from favours.\u201d\n"
    )
    assert _iso(text, "A secret ballot protects") == "2023-04-19"


# An embedded post is signed with its author, handle and the day it was posted.
_REACTIONS = "Published: 9 May 2016\n\nLeaders reacted over the weekend.\n\n"
POSTS = [
    (
        "Mayor Ann Lee wrote on Friday:\n\n"
        "What a night for our city. Thank you all for turning out. "
        "\u2014 Ann Lee (@annlee) May 6, 2016\n",
        "What a night for our city",
        "2016-05-06",
    ),
    (
        'Ann Lee, the mayor, posted: "What a night for our city, thank you all."\n'
        "\u2014 Ann Lee (@annlee) May 7, 2016\n",
        "What a night for our city",
        "2016-05-07",
    ),
    (
        'The coach Tom Vale tweeted: "So proud of this team today" pic.twitter.com/Ab12Cd '
        "\u2014 Tom Vale (@tomvale) 6 May 2016\n",
        "So proud of this team",
        "2016-05-06",
    ),
]


@pytest.mark.parametrize(("text", "words", "iso"), POSTS)
def test_an_embedded_posts_signature_dates_its_words(text: str, words: str, iso: str) -> None:
    assert _iso(_REACTIONS + text, words) == iso


def test_a_signature_after_other_words_signs_something_else() -> None:
    text = (
        _REACTIONS + '"We will be back," coach Tom Vale said after the game. Fans cheered him '
        "all the way to the bus and sang. \u2014 Ann Lee (@annlee) May 6, 2016\n"
    )
    assert _iso(text, "We will be back") == "2016-05-09"


# The sentence before a quote names its speaker and a date: the time of the speaking,
# unless the date stands in what the speaker reported.
_MEETING = "They were speaking at Tuesday's (April 30) meeting of the full council.\n\n"
REPORTED = [
    "Ann Lee said Marr had been her friend since she moved to the city in 1993.\n\n",
    "Ann Lee told the meeting that Marr first stood for the council in 1987.\n\n",
    "Ann Lee said he was the best mayor the city had in 2001.\n\n",
]


@pytest.mark.parametrize("lead", REPORTED)
def test_a_date_in_what_the_speaker_reported_is_not_when_she_spoke(lead: str) -> None:
    text = _MEETING + lead + 'She added: "He will be missed by all of us."\n'
    assert _iso(text, "He will be missed") == "--04-30"


def test_the_time_of_the_speaking_in_the_sentence_before_still_dates_the_words() -> None:
    text = (
        _MEETING + "Ann Lee spoke to the council on March 3, 1997, about the harbour.\n\n"
        '"The sea gives and the sea takes," Lee said.\n'
    )
    assert _iso(text, "The sea gives") == "1997-03-03"


def test_a_date_inside_the_marks_leaves_the_time_stated_above() -> None:
    """The paragraph above says when the speaker spoke; a date inside the quote's own
    marks is no time of the quote's sentence, so the time above still dates it."""
    text = (
        "Published: 7 November 2011\n\n"
        "Mayor Ann Lee yesterday told the council she would not resign.\n\n"
        'Answering a question from the floor, Lee said: "The vote was already held on '
        'Aug 2 and nothing has changed since."\n'
    )
    assert _iso(text, "The vote was already held") == "2011-11-06"


@pytest.mark.parametrize(
    ("lead", "iso"),
    [
        ("Ann Berg spoke to the harbour guild on 3 March 1961.", "1961-03-03"),
        ("Ann Berg published her first novel, The Quay, on 3 March 1961.", None),
        ("Ann Berg was 30 in 1961 when her first novel appeared in the shops.", None),
    ],
)
def test_the_sentence_before_a_quote_times_it_only_when_it_tells_of_speaking(
    lead: str, iso: str | None
) -> None:
    """The date of the sentence before a quote, naming its speaker, is when the words were
    said if that sentence tells of speaking (a speech verb, an occasion such as a speech);
    the date of something else the speaker did is not."""
    words = '"We write for the harbour folk, not the critics," Berg said.'
    text = f"Harbour letters\n\n{lead} {words}\n"
    quote = quote_with(parse(text), "harbour folk")
    assert (quote.date.iso() if quote.date else None) == iso


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ('Ann Berg, who opened the harbour school in 1961, said: "We teach them the tides."', None),
        ('"We teach them the tides," said Ann Berg, who opened the harbour school in 1961.', None),
        ('Ann Berg, for whom the guild built a school in 1961, called it "the tide school".', None),
        ('Ann Berg in 1961: "We teach them the tides."', "1961"),
        ('"We teach them the tides," Ann Berg said in 1961.', "1961"),
    ],
)
def test_a_year_in_a_relative_clause_about_the_speaker_is_not_when_she_spoke(
    sentence: str, iso: str | None
) -> None:
    """ "Berg, who opened the school in 1961, said" tells of her, not of when she spoke;
    a year said of the words themselves ("Berg in 1961:") dates them."""
    doc = parse(f"Harbour school\n\n{sentence}\n")
    quote = doc.quotes[0]
    assert (quote.date.iso() if quote.date else None) == iso


@pytest.mark.parametrize(
    ("said", "iso"),
    [
        ("Mayor Tom Vale said yesterday he would ask for more money.", "2013-04-24"),
        ("Mayor Tom Vale spoke to the council on Monday about the money.", "2013-04-22"),
        # a day inside the marks is what the words tell of, not when they were said
        ('Mayor Tom Vale said "the money came yesterday" and smiled.', "2013-04-25"),
        ("Mayor Tom Vale has asked for more money.", "2013-04-25"),  # no day: the page's
    ],
)
def test_a_day_counted_in_the_sentence_before_times_its_speakers_words(said: str, iso: str) -> None:
    """`Vale said yesterday ... He added: "..."`: the day the sentence before counts from
    the page's date (a Thursday here) is when its speaker spoke, as a stated date is."""
    text = f'{_PAGE}{said} He added: "The towns cannot wait another winter."\n'
    assert _iso(text, "cannot wait another winter") == iso
