"""Events and page furniture on short invented texts."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import events_on, parse

TIMELINE = (
    "March 3, 1999: Smith meets Novak\n"
    "Tom Smith and Jan Novak met in Vienna. They talked for hours. Then they left.\n"
    "4 April 2000: Novak resigns\n"
    "Jan Novak resigned, recalling that the union was founded in 1921.\n"
    "2001-05-06: Smith returns\n"
    "Tom Smith returned (the office had been closed since 1998 by order).\n"
)


@pytest.mark.parametrize(
    ("iso", "title"),
    [
        ("1999-03-03", "Smith meets Novak"),
        ("2000-04-04", "Novak resigns"),
        ("2001-05-06", "Smith returns"),
    ],
)
def test_heading_forms_are_events(iso: str, title: str) -> None:
    """'Month D, YYYY:', 'D Month YYYY:' and ISO headings each open a dated section."""
    (event,) = events_on(parse(TIMELINE), iso)
    assert event.title == title
    assert event.date.precision == "day"


def test_heading_event_summary_and_people() -> None:
    """The summary is the section's first sentences; people are canonical names."""
    (event,) = events_on(parse(TIMELINE), "1999-03-03")
    assert event.summary == "Tom Smith and Jan Novak met in Vienna. They talked for hours."
    assert event.people == ["Tom Smith", "Jan Novak"]


@pytest.mark.parametrize(
    ("iso", "title_start"),
    [("1921", "The union was founded in 1921"), ("1998", "The office had been closed")],
)
def test_dated_facts_in_sections(iso: str, title_start: str) -> None:
    """A year in a sentence is an event titled by its own clause or parenthetical aside."""
    (event,) = events_on(parse(TIMELINE), iso)
    assert event.title.startswith(title_start)
    assert event.date.precision == "year"


CLAUSES = [
    # A marked subordinate clause titles the event; otherwise the whole sentence does.
    (
        "Mara Lind spoke of the port, while the old fleet was sold in 1962 to Kell.",
        "The old fleet was sold in 1962 to Kell",
    ),
    (
        "In 1956, the northern valley was handed to the coastal province.",
        "In 1956, the northern valley was handed to the coastal province.",
    ),
    (
        "Mara Lind, the envoy, signed the charter in 1971 at the palace.",
        "Mara Lind, the envoy, signed the charter in 1971 at the palace.",
    ),
    (
        "Mara Lind left the talks, noting that in 1930 nobody came.",
        "In 1930 nobody came",
    ),
]


@pytest.mark.parametrize(("sentence", "title"), CLAUSES)
def test_dated_fact_title_is_its_clause(sentence: str, title: str) -> None:
    """The clause that holds the year titles the event only when an opener marks it."""
    text = f"May 5, 2010: Talks in Kell\n{sentence}\n"
    year = next(word.strip(",.") for word in sentence.split() if word.strip(",.").isdigit())
    (event,) = events_on(parse(text), year)
    assert event.title == title


def test_caption_with_own_date_is_event() -> None:
    """A caption dated differently from its section is an event of its own."""
    text = (
        "May 2, 2010: Leaders meet\n"
        "Marie Dupont met Karl Weber in Paris.\n"
        "Marie Dupont (left) and Karl Weber walk in the garden, May 1, 2010.\n"
        "Marie Dupont (left) and Karl Weber sign the deal, May 2, 2010.\n"
    )
    doc = parse(text)
    (event,) = events_on(doc, "2010-05-01")
    assert event.title == "Marie Dupont and Karl Weber walk in the garden, May 1, 2010."
    assert len(events_on(doc, "2010-05-02")) == 1


def test_article_month_day_without_year() -> None:
    """In an article, 'on September 11' is a month-day event; no year is invented."""
    text = "Town remembers\n\nThe mayor spoke to the town on September 11 about the flood."
    (event,) = parse(text).events
    assert event.date.iso() == "--09-11"
    assert event.date.year is None


def test_relative_date_without_anchor_gives_nothing() -> None:
    """An article with no date of its own cannot resolve 'two years earlier'."""
    text = "Town remembers\n\nTwo years earlier, the river had flooded the town."
    assert parse(text).events == []


def test_published_date_anchors_relative_dates() -> None:
    """A stated publication date is the anchor for an article's "two years ago"; its
    "two years earlier" is earlier than a date the text states, not than the writing."""
    text = "Town remembers\nPublished: June 5, 2012\n\nTwo years ago, the river flooded."
    doc = parse(text)
    assert doc.published is not None
    assert doc.published.iso() == "2012-06-05"
    assert [e.date.iso() for e in doc.events] == ["2010"]
    earlier = text.replace("Two years ago", "Two years earlier")
    assert parse(earlier).events == []


@pytest.mark.parametrize(
    ("paragraph", "iso"),
    [
        ("The mill closed on February 21, 1891. Three years later, the town sold it.", "1894"),
        ("The mill closed in May 1891. The next month, the town sold it.", "1891-06"),
        ("The mill closed on May 3, 1891. The day after, the town sold it.", "1891-05-04"),
        ("The mill closed on May 3, 1891. The same day, the town sold it.", "1891-05-03"),
    ],
)
def test_an_articles_later_and_earlier_count_from_its_last_stated_date(
    paragraph: str, iso: str
) -> None:
    """In an article, "three years later" counts from the date the paragraph stated last,
    at the precision both allow, even when the article has a date of its own."""
    for top in ("Town remembers\n\n", "Town remembers\nPublished: June 5, 2012\n\n"):
        doc = parse(top + paragraph)
        assert [e.date.iso() for e in doc.events if "sold" in e.title] == [iso]


FURNITURE = [
    "Skip to main content /NEWS /NEWS",
    "Back to the top",
    "Archives July 2020",
    "Archive for: March 2011",
    "Posts Tagged \u2018Harbour News 2011\u2019",
    "Category Archives: June 3, 2001",
    "Feeds:\nPosts\nComments",
    "\u00a0\u00bb\u00a0Home \u00a0|\u00a0World \u00a0|\u00a0 Sport on June 3, 2001 \u00a0|\u00a0 ",
    "By Staff Bureau Chief Ana Lima",
    "Photo credit: Jan Novak, June 3, 2001",
    "\u00a0\u2022 Novak says \u201cyes\u201d on June 3, 2001\u00a0\n"
    "\u00a0\u2022 Smith replies\u00a0",
    "\u00a0\u00a0\u2022\u00a0\u00a0",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture_produces_nothing(line: str) -> None:
    """Navigation, bylines, credits and link lists yield no events, quotes or people."""
    doc = parse(f"Real headline\n\n{line}\n\nA plain sentence follows.")
    assert doc.events == []
    assert doc.quotes == []
    assert doc.people == []
    assert doc.title == "Real headline"


def test_content_bullets_are_kept() -> None:
    """Bullets that are sentences (not link titles) are read as content."""
    text = "Gains\n\nThey got:\n\n  \u2022 a new treaty that Tom Smith signed on May 3, 2004.\n"
    (event,) = parse(text).events
    assert event.date.iso() == "2004-05-03"


def test_month_days_inside_year_entries() -> None:
    """A year entry's words that state a month-day without "on" date it to that day
    (the year's own event goes); a named day ("the April 1 parade") does not."""
    doc = parse(
        "Town history\n\n"
        "1972: The mayor opened the river bridge May 3 at a ceremony.\n\n"
        "1980: The club's April 1 parade drew a crowd of thousands.\n\n"
        "1990: The society met twice.\nIt gathered March 2 and June 9 in the old hall.\n"
    )
    dates = sorted(e.date.iso() for e in doc.events)
    assert dates == ["1972-05-03", "1980", "1990", "1990-03-02", "1990-06-09"]
    (bridge,) = events_on(doc, "1972-05-03")
    assert "bridge" in bridge.title


def test_month_days_without_on_in_articles_stay_out() -> None:
    """Outside a year entry, "because of September 11" names a day: no event."""
    doc = parse(
        "Policy shift\n\nThe minister said the change came because of September 11. "
        "Officials agreed.\n"
    )
    assert doc.events == []


@pytest.mark.parametrize(
    "note",
    [
        "Retrieved 2016-05-01.",
        "Retrieved 1 May 2016.",
        "Archived from the original on October 4, 2002.",
        "Accessed May 1, 2016",
    ],
)
def test_a_citation_note_is_no_event(note: str) -> None:
    """A reference list's "Retrieved <date>" notes are furniture; a sentence that says
    what was retrieved keeps its event."""
    doc = parse(
        f"Harbour history\n\n"
        f'- Ellis, Maren. "The harbour museum". The Coastline Courier. {note}\n\n'
        "Divers retrieved the bell on May 3, 2016 from the old wreck.\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("2016-05-03", "Divers retrieved the bell on May 3, 2016 from the old wreck.")
    ]


@pytest.mark.parametrize("mark", ["*", "\u2020", "\u2021"])
def test_a_footnote_mark_ends_a_sentence(mark: str) -> None:
    """ "reopened.* This follows a 26 December 2019 ruling": the ruling's sentence is the
    event, not the sentence before the footnote mark."""
    doc = parse(
        "Mill news\n\n"
        f"The mill reopened after a long wait.{mark} This follows a 26 December 2019 "
        "ruling by the county court that the closure was unlawful.\n"
    )
    assert [e.title for e in events_on(doc, "2019-12-26")] == [
        "This follows a 26 December 2019 ruling by the county court that the closure was unlawful."
    ]


def test_an_undated_item_after_a_dated_one_is_its_years() -> None:
    """'- 1638' heads a list whose items are siblings: after '- March 29: ...', an item
    without a date of its own is the year's, not March 29's; the next year ends it."""
    doc = parse(
        "Timeline of Portview\n\nEarly years\n- 1638\n"
        "- March 29: Settlers arrive at the landing below the hill.\n"
        "- Fort Wexa built on behalf of the trading company.\n"
        "- 1655 - Fort taken by the northern fleet.\n"
        "- Town walls raised along the river.\n"
    )
    assert [(e.date.iso(), e.title[:12]) for e in doc.events] == [
        ("1638-03-29", "Settlers arr"),
        ("1638", "Fort Wexa bu"),
        ("1655", "Fort taken b"),
    ]


@pytest.mark.parametrize(
    ("sentence", "events"),
    [
        ("Today is April 19, 2013.", 0),
        ("Lind: This is February 20, 1998.", 0),
        ("The quay opened on April 19, 2013.", 1),
        ("Today the quay reopened, on April 19, 2013.", 1),
    ],
)
def test_a_sentence_that_only_says_the_day_is_no_event(sentence: str, events: int) -> None:
    """An interview's 'Today is April 19, 2013.' states its own date; nothing happened."""
    assert len(parse(f"Harbour talk\n\n{sentence} We met at the quay.\n").events) == events


def test_parts_of_the_writers_day_are_its_own_day() -> None:
    """ "this morning", "this afternoon", "tonight" are the document's own day, whatever
    the verb beside them (unlike "today", which may mean nowadays)."""
    doc = parse(
        "Harbour news\n\nMay 3, 2021\n\n"
        "The harbour master and her deputy opened the new quay this morning.\n\n"
        "The town band plays on the pier tonight.\n"
    )
    assert [e.date.iso() for e in doc.events] == ["2021-05-03", "2021-05-03"]


@pytest.mark.parametrize(
    ("sentence", "iso"),
    [
        ("The mayor spoke Monday night, though no evacuation was planned.", "2019-06-03"),
        ('"We were going to close the road," the mayor said Monday.', "2019-06-03"),
        ("The ferry stopped before midnight Monday due to the wind.", "2019-06-03"),
        ("The mayor said Monday he will resign in the autumn.", "2019-06-03"),
        ("The ferry is due to sail again Monday.", "2019-06-10"),
        ("Classes were canceled for Monday.", "2019-06-10"),
        ("The ferries were due to sail again Monday.", "2019-06-10"),
        ("The regatta was originally scheduled for Monday, but rain came.", "2019-06-03"),
        ("The vote had been planned for Monday until the storm.", "2019-06-03"),
    ],
)
def test_a_weekday_is_ahead_only_after_a_word_of_the_future(sentence: str, iso: str) -> None:
    """In an article of Wednesday June 5, 2019, a bare weekday is the latest one before
    it, unless a word of what is to come stands right before it in its own sentence,
    outside quotation marks; "planned", "going to" in a quote, "due to the wind" or a
    "will" after the weekday do not move it to next week, nor a plan that changed
    ("originally scheduled", "had been planned")."""
    doc = parse(f"Ferry news\nPublished: June 5, 2019\n\n{sentence}\n")
    assert [e.date.iso() for e in doc.events] == [iso]


@pytest.mark.parametrize(
    "sentence",
    [
        "The first fire started on a Good Friday at a house by the quay.",
        "Shops by the quay were full on Black Friday.",
        "The candidates campaigned in the port before Super Tuesday.",
    ],
)
def test_a_weekday_in_a_days_name_is_no_weekday(sentence: str) -> None:
    """'a Good Friday', 'Black Friday', 'Super Tuesday' name a day (of some year, or of
    what is done on it): not the latest Friday or Tuesday before the page's date."""
    doc = parse(f"Ferry news\nPublished: June 5, 2019\n\n{sentence}\n")
    assert [e.date.iso() for e in doc.events] == []


def test_the_weekday_of_a_full_date_counts_nothing() -> None:
    """ "this is the brief for Wednesday, April 14th, 2010" in a text dated a week later:
    the weekday names the full date's own day, not the latest Wednesday before the page's
    date."""
    doc = parse(
        "Briefs\nPublished: April 21, 2010\n\n"
        "This is the audio brief for Wednesday, April 14th, 2010, and here is the news.\n"
    )
    assert [e.date.iso() for e in doc.events] == ["2010-04-14"]


def test_a_listing_entrys_date_anchors_its_relative_days() -> None:
    """A listing entry opens with its own date run into its first sentence: "yesterday"
    and "on Wednesday" there count from that date (not the page's), and the entry's date
    itself is then no event."""
    doc = parse(
        "Stories\nPublished: March 9, 2009\n\n"
        "Sunday, January 27, 2008 Tom Reed, who built the first ferry, died yesterday.\n\n"
        "Thursday, October 30, 2008 Ann King announced on Wednesday that she will retire.\n"
    )
    assert sorted(e.date.iso() for e in doc.events) == ["2008-01-26", "2008-10-29"]


def test_a_year_heading_is_no_moment_of_writing() -> None:
    """A chronology's year row dates what happened then; "400 years ago" in it counts from
    when the chronology was written, which the row does not say, so it dates nothing."""
    rows = (
        "1300 - The weavers' guild built its hall by the river.\n"
        "1450 - The hall burned. Divers in 2019 found beams laid more than 400 years ago.\n"
        "1600 - The guild moved to the market square.\n"
    )
    doc = parse(rows)
    assert sorted({e.date.iso() for e in doc.events}) == ["1300", "1450", "1600", "2019"]


def test_a_diary_day_still_anchors_yesterday() -> None:
    """A dated diary entry is written on its day: its "yesterday" is the day before."""
    diary = "March 3, 1911 - Cold again. Yesterday the ferry stopped running for the winter.\n"
    assert events_on(parse(diary), "1911-03-02")


@pytest.mark.parametrize("year", [", 1988", ""])
def test_a_day_heading_over_short_paragraphs_lists_that_days_happenings(year: str) -> None:
    """A live timeline sets each day over short paragraphs of what happened that day:
    each paragraph is an event of the day, with or without a year in the heading."""
    page = (
        f"March 3{year}\n\n"
        "The harbour board voted to close the old pier.\n\n"
        "The mayor accused the board of acting in secret.\n\n"
        "Fishermen blocked the quay road for an hour.\n\n"
        f"March 4{year}\n\n"
        "The board reopened the pier for fishing boats.\n\n"
        "The ferry company said it would \u201cwait and see.\u201d\n"
    )
    day = "1988-03-03" if year else "--03-03"
    titles = [e.title for e in events_on(parse(page), day)]
    for words in ("voted to close", "accused the board", "blocked the quay"):
        assert any(words in title for title in titles), titles


def test_a_dated_line_over_an_article_is_no_list_of_happenings() -> None:
    """One date over an article's paragraphs is the article's date: its paragraphs are
    not each an event of that day."""
    page = (
        "March 3, 1988\n\n"
        "The harbour board voted to close the old pier.\n\n"
        "The mayor accused the board of acting in secret.\n\n"
        "Fishermen blocked the quay road for an hour.\n"
    )
    assert len(events_on(parse(page), "1988-03-03")) <= 1


def test_a_blog_day_over_headlines_is_no_list_of_happenings() -> None:
    """A blog's day heading over a headline and its story: the headline is no statement
    of what happened, so the story's paragraphs are not listed as the day's events."""
    page = (
        "Monday, March 3, 1988\n\n"
        "Harbour board closes the old pier\n\n"
        "The board voted on the closure after a long night.\n\n"
        "Fishermen were not told in advance.\n\n"
        "Sunday, March 2, 1988\n\n"
        "Ferry timetable changes for spring\n\n"
        "The company moved the first crossing to six.\n\n"
        "Drivers welcomed the change.\n"
    )
    titles = [e.title for e in events_on(parse(page), "1988-03-03")]
    assert not any("not told" in title for title in titles), titles


def test_a_weekday_and_date_in_brackets_date_the_clause_before_them() -> None:
    """'signed today (Friday 3 June)': the bracketed day names when the clause happened."""
    doc = parse(
        "Harbour pact signed\n\n3 Jun 2016\n\n"
        "The mayor and the harbour master signed a pact today (Friday 3 June) to share "
        "the quay.\n"
    )
    assert any("signed" in e.title for e in events_on(doc, "2016-06-03"))


def test_a_blogs_feed_links_are_no_title() -> None:
    """'Feeds:' / 'Posts' / 'Comments' over a blog's tag page: the title is below them."""
    doc = parse(
        "Feeds:\nPosts\nComments\n\nPosts Tagged \u2018harbour\u2019\n\n"
        "The quay opened to ferries on Monday, the harbour master said.\n"
    )
    assert doc.title == "The quay opened to ferries on Monday, the harbour master said."


@pytest.mark.parametrize(
    ("sentence", "dated"),
    [
        ("An earthquake rocked the harbour today.", True),
        ("The council opened the new quay today, the mayor said.", True),
        ("Divers visited the wreck again today.", True),
        ("The plan that failed is dead today.", False),  # nowadays
        ("You don't set up a harbour today and expect it to thrive.", False),
        ("The reasons which closed the quay still stand today.", False),
    ],
)
def test_today_after_a_past_tense_and_its_object_is_the_pages_day(
    sentence: str, dated: bool
) -> None:
    """'rocked the harbour today': a past tense, its object, then "today" is the page's
    own day, as "said today" is; a clause of the present or one within it speaks of
    nowadays."""
    doc = parse(f"Harbour news\n\n12 October 2019\n\n{sentence}\n")
    assert [e.date.iso() for e in doc.events] == (["2019-10-12"] if dated else [])
