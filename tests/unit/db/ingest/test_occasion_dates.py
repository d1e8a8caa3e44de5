"""An article that says once, near its top, on which day its words were said (a
meeting, a statement, a ruling) dates its quotes then, not on the day the page came
out. Every text is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with

# (text, words of a quote, its date): the occasion written as publishers write it.
OCCASIONS = [
    (
        "Councillors paid tribute to Joe Marr at Tuesday's (May 14) meeting of the full "
        "council.\n\n"
        '"He never missed a vote," said councillor Ann Lee.\n\n'
        'Councillor Tom Kell said Marr was "a gentle giant of the chamber".\n',
        "He never missed a vote",
        "--05-14",
    ),
    (
        "Published: 12 March 2015\n\n"
        "The water board said in a statement issued on Wednesday evening that the main "
        "had burst on March 2.\n\n"
        '"Our crews worked through the night," the board\'s chief, Ian Sole, said.\n',
        "Our crews worked through the night",
        "2015-03-11",
    ),
    (
        "A ruling delivered on Monday, 3 June, cleared the nine fishermen of all charges.\n\n"
        '"The law was never meant for them," Judge Ruth Amos wrote.\n',
        "The law was never meant for them",
        "--06-03",
    ),
    (
        "Saturday, July 19, 2008\n\n"
        "The harbour board released a joint statement Friday backing its chair, Ben Ort.\n\n"
        '"We stand with him," the statement said, signed by board member Kay Dunn.\n',
        "We stand with him",
        "2008-07-18",
    ),
    (
        "A video of the April 9 council meeting has been shared widely since the weekend.\n\n"
        'In it, resident Lou Park tells the council: "You have not listened to us once."\n',
        "You have not listened to us once",
        "--04-09",
    ),
    (
        "harbourwire.example\nRegions\n\nSeals return to the bay\n\nWire   2019-06-14 09:10\n\n"
        "PORT ELLA, June 14 (Wire) -- The park service said the seals came back to the bay "
        "after ten years away from the coast.\n\n"
        "The service said in a statement issued on Thursday that rangers counted forty.\n\n"
        '"It is the best news we have had in years," ranger Bo Tarn said.\n',
        "It is the best news we have had in years",
        "2019-06-13",
    ),
    (
        "Thursday, June 12, 2025\n\nThe governor spoke about the flood at the quay.\n\n"
        "Governor Ann Lee made the remark on Tuesday, June 10, 2025, while receiving the "
        "mayor of the next town.\n\n"
        '"We do not know where the water came from," Lee said.\n',
        "We do not know where the water came from",
        "2025-06-10",
    ),
    (
        "Published: 12 March 2015\n\n"
        "The mayor made the comments on Monday at the opening of the new quay.\n\n"
        '"It was a long wait," Mayor Tom Kell said.\n',
        "It was a long wait",
        "2015-03-09",
    ),
]


@pytest.mark.parametrize(("text", "words", "iso"), OCCASIONS)
def test_the_occasion_named_at_the_top_dates_the_quotes(text: str, words: str, iso: str) -> None:
    quote = quote_with(parse(text), words)
    assert (quote.date.iso() if quote.date else None) == iso


def test_two_occasions_on_different_days_date_nothing() -> None:
    text = (
        "Published: 12 March 2015\n\n"
        "The mayor spoke at Monday's council meeting, and the union replied in a statement "
        "issued on Wednesday.\n\n"
        '"We will not back down," said union leader Mary Holt.\n'
    )
    quote = quote_with(parse(text), "We will not back down")
    assert (quote.date.iso() if quote.date else None) == "2015-03-12"  # the page's own


def test_an_occasion_deep_in_the_body_does_not_date_the_quotes() -> None:
    filler = "The quay has stood since the town was young and boats still tie up there.\n\n"
    text = (
        "Published: 12 March 2015\n\n"
        '"We will rebuild the wall," said harbour master Ed Vane.\n\n'
        + filler * 4
        + "The plan goes to the board's meeting on Monday, 2 March, for a vote.\n"
    )
    quote = quote_with(parse(text), "We will rebuild the wall")
    assert (quote.date.iso() if quote.date else None) == "2015-03-12"


def test_a_quote_that_states_its_own_day_keeps_it() -> None:
    text = (
        "Councillors met at Tuesday's (May 14) meeting of the full council.\n\n"
        '"The budget is fair," Ann Lee said in a radio interview on May 16.\n'
    )
    quote = quote_with(parse(text), "The budget is fair")
    assert (quote.date.iso() if quote.date else None) == "--05-16"


def test_labelled_items_take_the_occasion_too() -> None:
    text = (
        "Councillors spoke at Tuesday's (May 14) meeting of the full council about the "
        "old library.\n\nHere is what they said.\n\n"
        "Ann Lee: We will not close the library while I sit on this council.\n\n"
        "Tom Kell: The roof leaks and the books are wet, and we cannot pay for it.\n"
    )
    quote = quote_with(parse(text), "The roof leaks")
    assert quote.speaker == "Tom Kell"
    assert (quote.date.iso() if quote.date else None) == "--05-14"


def test_a_homily_is_an_occasion_and_its_day_may_follow_the_noun() -> None:
    """ "said in his homily during the March 8 celebration": a homily (a sermon) is where
    a bishop's words are said, and a month-day written after the noun, before another
    noun where the date scan leaves it out, is its day."""
    doc = parse(
        "Parish marks its centenary\n\n"
        "The church was the work of many hands, and of many faiths, Bishop Tomas Reyes "
        "of the harbour parish said in his homily during the March 8 celebration.\n\n"
        '"Nobody built this alone," the bishop told the crowd of fishermen and families.\n\n'
        '"We owe it to the fishermen who gave a day\'s catch each year," Bishop Reyes said.\n'
    )
    assert quote_with(doc, "Nobody built this alone").date is not None
    assert [q.date.iso() if q.date else None for q in doc.quotes] == ["--03-08", "--03-08"]
