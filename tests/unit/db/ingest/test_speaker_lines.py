"""Pages of quotes laid out as lists: credit lines under quotes, name lines over them.

Every text here is invented for the test.
"""

from __future__ import annotations

from tests.unit.db.ingest.helpers import parse, quote_with

CREDITED = """Harbour derby: what they said

"We never stopped running. The lads gave everything for the town tonight.

"I could not be prouder of them."

 \u2013 Rovers manager, Tomas Brandvik


"It hurts, but we will learn from it and come back stronger next season."

 \u2013 Wanderers captain Ola Hestnes on the late goal

Harbour coach, Lise Fjell

"The referee had a good game and the better side won in the end."

 \u2013 Harbour Town defender Nils Vang after the whistle
"""


def test_a_credit_names_the_speaker_after_a_role() -> None:
    """`– Rovers manager, Tomas Brandvik` under a quote: the speaker is the name after
    the role, not the team that qualifies the role; a quote of several paragraphs is
    credited as a whole."""
    doc = parse(CREDITED)
    assert quote_with(doc, "We never stopped running").speaker == "Tomas Brandvik"
    assert quote_with(doc, "It hurts, but we will learn").speaker == "Ola Hestnes"
    assert quote_with(doc, "The referee had a good game").speaker == "Nils Vang"
    assert not [q for q in doc.quotes if q.text.startswith("I could not be prouder")]


def test_a_credit_without_its_dash_on_a_page_of_dashed_credits() -> None:
    """`Harbour coach, Lise Fjell` under a quote, on a page whose other credits have a
    dash: a credit too, so the quote above it is hers."""
    doc = parse(
        CREDITED.replace(
            "Harbour coach, Lise Fjell\n",
            '"Nobody gave us a chance at all this year."\n\nHarbour coach, Lise Fjell\n',
        )
    )
    assert quote_with(doc, "Nobody gave us a chance").speaker == "Lise Fjell"
    assert quote_with(doc, "The referee had a good game").speaker == "Nils Vang"


def test_a_credit_of_a_body_alone_names_no_one() -> None:
    """A dash line naming only a body gives the quote above no speaker."""
    doc = parse(
        "Reactions\n\n"
        '"We were simply not good enough today."\n\n'
        " \u2013 Harbour Sailing Association after the match\n\n"
        '"It was a fair result for both sides."\n\n'
        " \u2013 Wanderers captain Ola Hestnes after the match\n"
    )
    assert quote_with(doc, "not good enough").speaker is None
    assert quote_with(doc, "a fair result").speaker == "Ola Hestnes"


def test_a_later_credit_by_surname() -> None:
    """`– Brandvik, on the cup` after `– Rovers manager Tomas Brandvik`: the same man,
    though only the credits name him."""
    doc = parse(
        "Who said what\n\n"
        '"We are ready for anyone in the next round."\n\n'
        " \u2013 Rovers manager Tomas Brandvik before the draw\n\n"
        '"The cup is what this club lives for."\n\n'
        " \u2013 Brandvik, on the cup\n"
    )
    assert quote_with(doc, "The cup is what").speaker == "Tomas Brandvik"


HEADED = """Old captains remember the cup

The former captains, who all lifted the trophy, shared their memories before the final.

Tomas Brandvik (Rovers)

"Losing the final at home was the worst night of my life.

"We came back the next year and nobody could stop us."

Ola Hestnes (Wanderers)

"The trophy felt heavier than I had ever imagined it would."

Lise Fjell (Harbour Town)

"It was the proudest day for our whole village."
"""


def test_name_lines_head_the_quotes_under_them() -> None:
    """A page of name lines over quote paragraphs: each name line heads the quotes under
    it until the next name line; the prose above the first is nobody's quote, and no
    quote is signed by the name line under it."""
    doc = parse(HEADED)
    assert quote_with(doc, "Losing the final at home").speaker == "Tomas Brandvik"
    assert quote_with(doc, "The trophy felt heavier").speaker == "Ola Hestnes"
    assert quote_with(doc, "the proudest day").speaker == "Lise Fjell"
    assert not [q for q in doc.quotes if "former captains" in q.text]


def test_name_lines_under_quotes_sign_them() -> None:
    """Name lines under the quotes (a quote above the first of them) sign the quote
    above, not the one below: no heading reading there."""
    doc = parse(
        "Sayings of the sea\n\n"
        '"The sea gives and the sea takes away again."\n\n'
        "Tomas Brandvik\n\n"
        '"A calm sea never made a skilled sailor of anyone."\n\n'
        "Ola Hestnes\n\n"
        '"Every harbour has its own wind and its own moods."\n\n'
        "Lise Fjell\n"
    )
    assert quote_with(doc, "The sea gives").speaker == "Tomas Brandvik"
    assert quote_with(doc, "A calm sea").speaker == "Ola Hestnes"


def test_an_unnamed_label_in_a_list_of_quotes_by_name() -> None:
    """`• Radio Caller: ...` among items labelled by name: a quote whose speaker
    the label does not name; a fact-box field is no quote."""
    doc = parse(
        "Derby day: quotes\n\n"
        "Tomas Brandvik and Ola Hestnes spoke after the match.\n\n"
        "  \u2022 Radio Caller: When the late goal went in the whole quay went quiet\n\n"
        "  \u2022 Tomas Brandvik: We are delighted to win a derby like this one at home.\n\n"
        "  \u2022 Ola Hestnes: We wanted it more than they did and it showed today.\n\n"
        "  \u2022 Venue: Harbour Park\n"
    )
    fan = quote_with(doc, "When the late goal went in")
    assert fan.speaker is None
    assert quote_with(doc, "We are delighted").speaker == "Tomas Brandvik"
    assert not [q for q in doc.quotes if "Harbour Park" in q.text]


def test_highlights_credited_after_a_dash() -> None:
    """`• words—Name`: an item that ends with a dash and a name is that person's saying;
    a reading list's `Title — Author` is not (title case, too short)."""
    doc = parse(
        "Old captains remember the cup\n\n"
        "  * Nobody in the whole harbour slept the night before that final\u2014Tomas Brandvik\n\n"
        "  * The Long Road Home to the Harbour \u2014 Ola Hestnes\n\n"
        "The former captains, Tomas Brandvik and Ola Hestnes, shared their memories.\n"
    )
    quote = quote_with(doc, "Nobody in the whole harbour slept")
    assert quote.speaker == "Tomas Brandvik"
    assert quote.text.endswith("before that final")
    assert not [q for q in doc.quotes if "Long Road" in q.text]


def test_name_lines_ending_in_a_colon_head_the_quotes_under_them() -> None:
    """`Wanderers coach Ola Hestnes:` on its own line over quotes: a heading name line
    too, the role before the name in lower case."""
    doc = parse(
        "Derby reaction\n\n"
        "The managers spoke after the match at Harbour Park.\n\n"
        "Rovers boss Tomas Brandvik:\n\n"
        '"We never stopped running tonight and it paid off in the end."\n\n'
        '"The fans were magnificent all night."\n\n'
        "Wanderers coach Ola Hestnes:\n\n"
        '"It hurts, but we will come back stronger next year."\n'
    )
    assert quote_with(doc, "The fans were magnificent").speaker == "Tomas Brandvik"
    assert quote_with(doc, "It hurts").speaker == "Ola Hestnes"


def test_prose_naming_someone_after_a_dash_is_no_saying() -> None:
    """A paragraph of prose whose last words name someone after a dash is no quote;
    a saying set as a paragraph ends as a sentence before its dash."""
    doc = parse(
        "Harbour history\n\n"
        "The boatyard on the north quay was set up in the spring by two brothers - "
        "Tomas Brandvik\n\n"
        "Nobody who works the sea ever truly leaves the harbour behind. \u2014 Ola Hestnes\n"
    )
    assert not [q for q in doc.quotes if "boatyard" in q.text]
    assert quote_with(doc, "Nobody who works the sea").speaker == "Ola Hestnes"


# Quotes of the season: a dash after the closing mark credits the quote, and what the
# speaker did or spoke about follows the name, on the quote's line or on a line of its own.
SEASON_QUOTES = (
    "Harbour league: the quotes of the season\n\n"
    '"We were poor from the first minute to the last. I can only say sorry to the fans '
    'who came all this way." - Rovers boss Tomas Brandvik apologises after the 5-0 defeat '
    "at the harbour ground in March.\n\n"
    '"It was a long week and I am too tired to celebrate tonight."\n\n'
    "\u2013 Wanderers coach Ola Hestnes, whose side beat the champions in April after a "
    "week in which three of his players fell ill and the team bus broke down twice on the "
    "coast road, and who said afterwards that he would sleep for the whole of the next "
    "day before thinking about the cup\n"
)


def test_a_dash_after_a_quote_credits_it_though_the_credit_goes_on() -> None:
    doc = parse(SEASON_QUOTES)
    assert quote_with(doc, "poor from the first minute").speaker == "Tomas Brandvik"


def test_a_long_credit_line_under_a_quote_credits_it() -> None:
    doc = parse(SEASON_QUOTES)
    assert quote_with(doc, "too tired to celebrate").speaker == "Ola Hestnes"


def test_a_dash_after_words_quoted_inside_prose_credits_nothing() -> None:
    doc = parse(
        "Harbour wall\n\n"
        'The mayor called the wall "a disgrace to the town." - Tomas Brandvik, who built '
        "it, disagreed at the meeting.\n"
    )
    assert quote_with(doc, "a disgrace to the town").speaker != "Tomas Brandvik"


def test_a_dash_credit_ending_a_short_line_credits_a_quote_without_its_stop() -> None:
    """`"..." - Name, on Monday`: with no stop inside the marks, a dash credit that ends
    its short line still credits the quote; one that runs on as prose does not."""
    doc = parse(
        "Harbour league\n\nThe season ended on Saturday.\n\n"
        '"We were poor from the first minute to the last" \u2014 Tomas Brandvik, on Monday\n\n'
        '"Make do and mend" \u2014 the words Ola Hestnes painted on the clubhouse wall when '
        "the club had no money for new nets, boots or balls, and which the fans still sing "
        "at every home game of the season.\n"
    )
    assert quote_with(doc, "poor from the first minute").speaker == "Tomas Brandvik"
    assert quote_with(doc, "Make do and mend").speaker != "Ola Hestnes"


def test_a_name_heading_the_next_section_signs_nothing_above_it() -> None:
    """An obituary page: each name heads the paragraph that tells of that person, and
    the paragraph above it is prose, not that person's saying."""
    doc = parse(
        "Deaths this week\n\nTomas Brandvik\n\n"
        "Tomas Brandvik, a fisherman of the north quay, died on Monday aged 81. "
        "The funeral was held on Saturday.\n\n"
        "Ola Hestnes\n\n"
        "Ola Hestnes, who kept the harbour light for forty years, died on Tuesday.\n"
    )
    assert doc.quotes == []
