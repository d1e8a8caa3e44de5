"""Dated events in narrative prose: days told in the year the story has reached, and
times counted from the last one stated. Every text here is invented."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from tests.unit.db.ingest.helpers import events_on, parse

# A sentence that states a time with its year, and the date it states.
ANCHORS = [
    ("On 4 May 1916", "1916-05-04"),
    ("On May 4, 1916,", "1916-05-04"),
    ("In May 1916", "1916-05"),
    ("In 1916", "1916"),
]
# A time counted from the one stated before: (words, amount, unit).
RELATIVES = [
    ("The next day", 1, "day"),
    ("The following day", 1, "day"),
    ("Two days later", 2, "day"),
    ("A week later", 7, "day"),
    ("That same day", 0, "day"),
    ("Later that month", 0, "month"),
    ("A month later", 1, "month"),
    ("Three months later", 3, "month"),
    ("Earlier that year", 0, "year"),
    ("Later that year", 0, "year"),
    ("The following year", 1, "year"),
    ("A year later", 1, "year"),
    ("Two years later", 2, "year"),
]


def _counted(anchor: str, amount: int, unit: str) -> str | None:
    """The date amount units after anchor, at the unit's precision; None where the
    anchor is less precise than the unit counts."""
    parts = [int(p) for p in anchor.split("-")]
    if unit == "day":
        if len(parts) < 3:
            return None
        return (dt.date(parts[0], parts[1], parts[2]) + dt.timedelta(days=amount)).isoformat()
    if unit == "month":
        if len(parts) < 2:
            return None
        year, month = divmod(parts[0] * 12 + parts[1] - 1 + amount, 12)
        return f"{year:04d}-{month + 1:02d}"
    return str(parts[0] + amount)


@pytest.mark.parametrize(
    ("anchor", "iso", "relative", "amount", "unit"),
    [(a, iso, r, n, u) for (a, iso), (r, n, u) in itertools.product(ANCHORS, RELATIVES)],
)
def test_a_relative_time_counts_from_the_last_stated(
    anchor: str, iso: str, relative: str, amount: int, unit: str
) -> None:
    """'The next day', 'later that month', 'a year later': counted from the date stated
    before, at no more precision than that date and the unit allow (none where the
    date is too coarse for the unit: no day is invented)."""
    text = (
        "The mill\n\nThe Kell family owned a mill on the river. "
        f"{anchor} the council voted to buy the mill. {relative} the workers went on strike.\n"
    )
    strike = [e.date.iso() for e in parse(text).events if e.title.startswith("The workers")]
    want = _counted(iso, amount, unit)
    assert strike == ([want] if want else [])


# A day stated without its year, in each written order.
MONTH_DAYS = ["On 4 May", "On May 4", "On the 4th of May", "On May 4th", "On 4th May"]
# A sentence before it that states the year the story is in.
YEAR_SENTENCES = [
    "In 1916 the army took over the mill.",
    "In mid-1916 the army took over the mill.",
    "In April 1916 the army took over the mill.",
    "The army took over the mill on 2 March 1916.",
]


@pytest.mark.parametrize(
    ("year_sentence", "month_day"), list(itertools.product(YEAR_SENTENCES, MONTH_DAYS))
)
def test_a_day_without_its_year_is_in_the_year_the_story_reached(
    year_sentence: str, month_day: str
) -> None:
    """In a text with no date of its own, a day told without a year is in the year the
    narrative last stated; the day after it counts from it."""
    text = (
        f"The mill\n\n{year_sentence} {month_day} the council voted to return it. "
        "The next day the workers came back.\n"
    )
    dates = [e.date.iso() for e in parse(text).events]
    assert "1916-05-04" in dates
    assert "1916-05-05" in dates


def test_a_day_without_its_year_and_no_year_before_stays_without() -> None:
    """No year stated before it: the day keeps its unknown year (none is invented)."""
    text = "The mill\n\nOn 4 May the council voted to return the mill. In 1916 it burned.\n"
    dates = [e.date.iso() for e in parse(text).events]
    assert "--05-04" in dates
    assert "1916-05-04" not in dates


def test_a_relative_time_restated_by_a_date_is_that_date() -> None:
    """'On that day in 1920' states its own date: no event on the day before it."""
    text = "The mill\n\nOn 4 May 1916 the council voted. On that day in 1920 the mill burned.\n"
    found = [(e.date.iso(), e.title) for e in parse(text).events]
    assert not [f for f in found if f[0] == "1916-05-04" and "burned" in f[1]], found


LIFE_SPANS = [
    "(3 May 1887 \u2013 4 June 1923)",
    "(May 3, 1887 - June 4, 1923)",
    "(born 3 May 1887)",
    "(b. 3 May 1887, d. 4 June 1923)",
    "(3 May 1887 to 4 June 1923)",
]


@pytest.mark.parametrize("span", LIFE_SPANS)
@pytest.mark.parametrize(
    "sentence",
    ["Ada Brell {span} was a miller in Leeds.", "The mill was run by Ada Brell {span} for years."],
)
def test_a_life_span_after_a_name_is_no_event(span: str, sentence: str) -> None:
    """Dates in brackets after a name, with nothing said besides, are no event."""
    doc = parse("The mill\n\n" + sentence.format(span=span) + "\n")
    assert [e.date.iso() for e in doc.events] == []


def test_an_aside_that_tells_something_is_its_event() -> None:
    """An aside that says what happened on its date is an event."""
    doc = parse("The mill\n\nAda Brell ran the mill (it burned on 4 June 1923 in a storm).\n")
    assert [e.date.iso() for e in doc.events] == ["1923-06-04"]


MONTH_ALONE = [
    ("In March", "03"),
    ("In early June", "06"),
    ("In mid-September", "09"),
    ("In late October", "10"),
    ("During August", "08"),
    ("In early May", "05"),  # "May" after "in" alone may be a name; with a part, the month
    ("In mid-May", "05"),
    ("Early in January", None),  # "early in" states no month's part: the year's start
]


@pytest.mark.parametrize(("words", "month"), [m for m in MONTH_ALONE if m[1]])
@pytest.mark.parametrize(
    ("frame", "year"),
    [
        ("In 1916 the army took over the mill.", "1916"),
        ("The army took over the mill on 2 February 1916.", "1916"),
        ("In 1915 the army took over the mill. The next year, {words}, it", "1916"),
        ("In 1914 the army took over the mill. Two years later, {words}, it", "1916"),
    ],
)
def test_a_month_alone_is_in_the_year_the_story_reached(
    words: str, month: str, frame: str, year: str
) -> None:
    """'In March', 'in early June': the month of the year the narrative is in, or the
    year a count right before it names."""
    if "{words}" in frame:
        text = (
            "The mill\n\n"
            + frame.format(words=words[:1].lower() + words[1:])
            + " went back to the town.\n"
        )
    else:
        text = f"The mill\n\n{frame} {words} the council voted to return it.\n"
    assert f"{year}-{month}" in [e.date.iso() for e in parse(text).events]


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("In March the harbour froze.", "2015-03"),
        ("In February the harbour froze.", "2015-02"),
        ("In November the harbour froze.", None),  # last November: its year is not said
        ("In November the harbour will close.", "2015-11"),
        ("In January the harbour will close.", None),  # next January: its year is not said
        ("The board announced in February it planned to close the quay.", "2015-02"),
        ("The board said the quay is to close in February.", None),
    ],
)
def test_a_month_alone_in_news_counts_from_the_pages_day(sentence: str, iso: str | None) -> None:
    """In a dated article, a month alone is the latest such month up to the page's day,
    or a month still to come this year where a word of what is to come stands before it
    in its clause ("will close in November"), not where one only follows it ("announced
    in February it planned to close"). A plan for a month already past this year is next
    year's, a year the text does not say, as last year's is: no date."""
    text = f"Quay news\n\nPublished: Tuesday, 10 March 2015\n\n{sentence}\n"
    dates = [e.date.iso() for e in parse(text).events]
    assert dates == ([iso] if iso else [])


@pytest.mark.parametrize(
    "sentence",
    [
        "In March the harbour froze.",
        "The vote of confidence in May was lost.",
        "The party kept faith during May and her cabinet.",
        "She trusted in August Kell, her brother.",
    ],
)
def test_a_month_alone_without_any_year_is_no_event(sentence: str) -> None:
    """No year anywhere (and 'May' may be a name): nothing to date it by."""
    assert parse(f"The mill\n\n{sentence}\n").events == []


@pytest.mark.parametrize(
    ("bracket", "iso"),
    [
        ("(March 3, 1901)", "1901-03-03"),
        ("(3 March 1901)", "1901-03-03"),
        ("(on 3 March 1901)", "1901-03-03"),
        ("(in April 1901)", "1901-04"),
        ("(c. 1901)", "1901"),  # about 1901, as "circa 1901" is
    ],
)
@pytest.mark.parametrize(
    "sentence",
    ["The quay opened to ships {b}.", "The quay opened to ships {b} after a long wait."],
)
def test_a_date_in_brackets_after_a_clause_dates_it(
    bracket: str, iso: str | None, sentence: str
) -> None:
    """Brackets that hold only a date, after a clause's words, date that clause; after
    a name they hold a life's date (see test_a_life_span_after_a_name_is_no_event)."""
    doc = parse("The quay\n\n" + sentence.format(b=bracket) + "\n")
    assert [e.date.iso() for e in doc.events] == ([iso] if iso else [])


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("On Friday the council will vote on the quay.", "2015-03-13"),
        ("On Friday, the council is expected to vote on the quay.", "2015-03-13"),
        ("Friday the council plans to vote on the quay.", "2015-03-13"),
        ("On Friday the council voted on the quay.", "2015-03-06"),
        ("On Friday the mayor said the council will vote on the quay.", "2015-03-06"),
        ("On Friday, we'll vote on the quay.", "2015-03-13"),
        ("And on Friday, the council will vote on the quay.", "2015-03-13"),
        ("Then on Friday the council won't meet about the quay.", "2015-03-13"),
        ("I'll be at the quay on Friday, as usual.", "2015-03-13"),
        ("And on Friday the mayor said the council will vote on the quay.", "2015-03-06"),
    ],
)
def test_a_weekday_opening_a_clause_of_the_future_is_the_next(sentence: str, iso: str) -> None:
    """A weekday that opens a clause about what is to come is the next such day; one
    that opens a clause of the past (a report of it) is the last."""
    text = f"Quay news\n\nPublished: Tuesday, 10 March 2015\n\n{sentence}\n"
    assert [e.date.iso() for e in parse(text).events] == [iso]


HOLIDAYS = [
    ("Christmas Day", "12-25"),
    ("Christmas Eve", "12-24"),
    ("Boxing Day", "12-26"),
    ("New Year's Day", "01-01"),
    ("New Year\u2019s Eve", "12-31"),
    ("Halloween", "10-31"),
    ("Armistice Day", "11-11"),
    ("Bastille Day", "07-14"),
    ("the Fourth of July", "07-04"),
]


@pytest.mark.parametrize(("name", "month_day"), HOLIDAYS)
@pytest.mark.parametrize("form", ["on {name} 1914", "on {name}, 1914", "on {name} of 1914"])
def test_a_named_day_with_its_year_is_that_day(name: str, month_day: str, form: str) -> None:
    """'On Christmas Day 1914': the named day of that year."""
    text = "The war\n\nThe soldiers played football " + form.format(name=name) + ".\n"
    assert [e.date.iso() for e in parse(text).events] == [f"1914-{month_day}"]


@pytest.mark.parametrize(("name", "month_day"), HOLIDAYS)
def test_a_named_day_without_its_year_is_in_the_storys(name: str, month_day: str) -> None:
    """'On Boxing Day' after 'In 1914' is that year's; 'by Christmas' names no day."""
    text = (
        f"The war\n\nIn 1914 the war began. On {name} the soldiers played football. "
        f"The war would be over by {name}.\n"
    )
    dates = [e.date.iso() for e in parse(text).events]
    assert dates == ["1914", f"1914-{month_day}"]


@pytest.mark.parametrize("day", ["On the 24th", "on the 24th", "On the 24th,"])
@pytest.mark.parametrize(
    ("frame", "iso"),
    [
        ("In March 1901 the fleet gathered at Hull.", "1901-03-24"),
        ("The fleet gathered at Hull on 2 March 1901.", "1901-03-24"),
        ("In 1901 the fleet gathered at Hull. On 2 March it was ready.", "1901-03-24"),
        ("The fleet gathered at Hull in 1901.", None),  # no month: no day of one
    ],
)
def test_a_day_alone_is_in_the_month_last_stated(day: str, frame: str, iso: str | None) -> None:
    """'On the 24th' is that day of the month the paragraph last stated with its year."""
    sentence = f"{day} it sailed for Leith." if day[0].isupper() else f"It sailed {day}."
    text = f"The fleet\n\n{frame} {sentence}\n"
    sailed = [e.date.iso() for e in parse(text).events if "sailed" in e.title]
    assert sailed == ([iso] if iso else [])


@pytest.mark.parametrize(
    "sentence", ["He played on the 2nd team.", "The office is on the 3rd floor of the hall."]
)
def test_an_ordinal_that_counts_a_noun_is_no_day(sentence: str) -> None:
    """'on the 2nd team' counts the team: no day of the month."""
    text = f"The fleet\n\nIn March 1901 the fleet gathered at Hull. {sentence}\n"
    assert [e.date.iso() for e in parse(text).events] == ["1901-03"]


@pytest.mark.parametrize(
    ("first", "iso"),
    [
        ("On 3 June the quay opened.", "1905-06-03"),
        ("In June the quay opened.", "1905-06"),
        ("The quay opened on June 3.", "1905-06-03"),
    ],
)
def test_a_year_lines_first_sentence_with_a_finer_date_is_the_event(first: str, iso: str) -> None:
    """'1905' over 'On 3 June the quay opened.': one event, on that day, not the year too."""
    text = f"Quay notes\n\n1904\nThe town bought the land.\n\n1905\n{first} Ships came.\n"
    dates = [e.date.iso() for e in parse(text).events]
    assert dates == ["1904", iso]


@pytest.mark.parametrize(
    ("count", "days"),
    [
        ("That night", 0),
        ("That evening", 0),
        ("Later that afternoon", 0),
        ("That same morning", 0),
        ("The next morning", 1),
        ("The following evening", 1),
        ("The previous night", -1),
    ],
)
@pytest.mark.parametrize("anchor", ["On 14 April 1912", "On April 14, 1912,"])
def test_a_part_of_a_day_counts_as_its_day(count: str, days: int, anchor: str) -> None:
    """'That night', 'the next morning': the day stated before, or the one after it."""
    text = f"The ship\n\n{anchor} the ship struck an iceberg. {count} the band played on.\n"
    want = (dt.date(1912, 4, 14) + dt.timedelta(days=days)).isoformat()
    band = [e.date.iso() for e in parse(text).events if "band" in e.title]
    assert band == [want]


def test_counts_in_a_row_count_on_from_each_other() -> None:
    """'The next morning ... Later that afternoon ... The following evening': each
    from the day the one before it resolved, no date stated between."""
    text = (
        "The ship\n\nOn 14 April 1912 the ship struck an iceberg. The next morning the "
        "rescue ship arrived. Later that afternoon the survivors were counted. The "
        "following evening they reached port. On 20 April 1912 the inquiry opened. The "
        "next day it heard the crew.\n"
    )
    found = {e.title: e.date.iso() for e in parse(text).events}
    assert found["The rescue ship arrived."] == "1912-04-15"
    assert found["The survivors were counted."] == "1912-04-15"
    assert found["They reached port."] == "1912-04-16"
    assert found["It heard the crew."] == "1912-04-21"


@pytest.mark.parametrize(
    ("brackets", "years"),
    [
        ("(1961)", ["1961"]),
        ("(1576, 1577 and 1578)", ["1576", "1577", "1578"]),
        ("(1576, 1577, and 1578)", ["1576", "1577", "1578"]),
        ("(1576 and 1578)", ["1576", "1578"]),
        ("(both 1961)", ["1961"]),  # "Harbour Lights and Quay Song (both 1961)"
        ("(all 1961)", ["1961"]),
    ],
)
@pytest.mark.parametrize(
    "sentence",
    [
        "Her best known works include Harbour Lights {b}.",
        "The captain made three voyages {b} to the north.",
    ],
)
def test_years_alone_in_brackets_date_their_sentence(
    brackets: str, years: list[str], sentence: str
) -> None:
    """'Harbour Lights (1961)', 'three voyages (1576, 1577 and 1578)': each year in
    the brackets dates the sentence's event."""
    doc = parse("The writer\n\n" + sentence.format(b=brackets) + "\n")
    assert [e.date.iso() for e in doc.events] == years


@pytest.mark.parametrize(
    "text",
    [
        "Quay log\n\nSunday 26 December 2004\n\n0430 GMT (1030): Waves reached the quay.\n",
        "The writer\n\nAda Brell (1887-1923) was a writer.\n",
        "The writer\n\nAda Brell (1887)\n\nShe wrote about the sea.\n",
        "The writer\n\nThe crowd (250) cheered the writer in 1901.\n",
    ],
)
def test_a_time_a_span_or_a_caption_in_brackets_is_no_year(text: str) -> None:
    """A local time after a clock, a life's span, a name and year alone (a picture's
    caption) and a count outside the years' range give no year event."""
    years = [e.date.iso() for e in parse(text).events if len(e.date.iso()) == 4]
    assert years == (["1901"] if "1901" in text else [])


@pytest.mark.parametrize("told", ["died in March", "died on 4 March", "died on the 4th"])
@pytest.mark.parametrize("topic", ["Ann Lee (1948\u20132018)", "Ann Lee", "ANN LEE"])
def test_a_new_topic_takes_no_year_from_the_one_before(told: str, topic: str) -> None:
    """Under a new topic's own line (a name over an obituary), a month or a day without
    its year takes none from the topic above: it would be that one's year."""
    text = (
        "Those we lost\n\nTom Kell\n\nThe engineer Tom Kell built his first bridge in 2013. "
        "He died in May.\n\n"
        f"{topic}\n\nThe chemist Ann Lee {told} at home.\n"
    )
    dates = [e.date.iso() for e in parse(text).events if "Ann Lee" in e.title]
    assert not [d for d in dates if d.startswith("2013")], dates


def test_the_following_year_counts_from_where_a_span_ends() -> None:
    """'between 1918 and 1927. In the following year ...': the narrative has reached the
    span's last year, and the count runs from it; "in that year" is that year."""
    doc = parse(
        "She studied at the art school between 1918 and 1927. In the following year she "
        "set off for Paris. In 1930 she married a painter. From 1939 to 1947 she lived in "
        "Brazil. In that year she returned to Paris.\n"
    )
    assert any("set off" in e.title for e in events_on(doc, "1928"))
    assert any("returned" in e.title for e in events_on(doc, "1947"))
    assert not any("returned" in e.title for e in events_on(doc, "1930"))


@pytest.mark.parametrize(
    "count", ["Now over 160 years later", "Nearly two years later", "About a decade later"]
)
def test_a_rough_count_from_a_year_dates_nothing(count: str) -> None:
    """'over 160 years later', 'nearly two years later': a count the text does not make
    exact reaches no stated year; only the year stated is an event."""
    doc = parse(f"The mill\n\nThe mill burned in 1889. {count}, the town rebuilt it.\n")
    assert [e.date.iso() for e in doc.events] == ["1889"]


@pytest.mark.parametrize(
    ("sentence", "iso", "title"),
    [
        ("The town rebuilt it 15 years after that.", "1904", "The town rebuilt it 15 years"),
        ("Two years after that the town rebuilt it.", "1891", "The town rebuilt it."),
        ("Two years after that date, the town rebuilt it.", "1891", "The town rebuilt it."),
        ("A year after this, the town rebuilt it.", "1890", "The town rebuilt it."),
    ],
)
def test_a_count_after_that_runs_on_from_the_time_told(sentence: str, iso: str, title: str) -> None:
    """'15 years after that': 'that' is the year just told, so the count runs on from it;
    it is no phrase whose own time lies the count before that year ('that.' in 1874)."""
    doc = parse(f"The mill\n\nThe mill burned in 1889. {sentence}\n")
    later = [e for e in doc.events if e.date.iso() != "1889"]
    assert [e.date.iso() for e in later] == [iso]
    assert later[0].title.startswith(title)
