"""Dated events in the layouts pages give them: month and day lists, table rows, year
headings, dated nouns. Every text here is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import events_on, parse


def test_day_entries_under_a_month_under_the_headline_year() -> None:
    """'1901: ...' over '- March -' over '- 4: ...': each day is of that month and of the
    headline's year, not of the page's stamp (a date with only a time of day)."""
    doc = parse(
        "1901: A year on the quay\n\n"
        "By Staff\n"
        "14 May 2020 | 10:05 am\n"
        "Here is what happened on the quay that year.\n\n"
        "- March -\n"
        "- 4: The first ferry docks at the new pier\n\n"
        "- 17: A storm floods the lower market\n\n"
        "April\n"
        "- 2: The harbour master resigns\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events if e.date.month] == [
        ("1901-03-04", "The first ferry docks at the new pier"),
        ("1901-03-17", "A storm floods the lower market"),
        ("1901-04-02", "The harbour master resigns"),
    ]
    assert not events_on(doc, "2020-05-14")


def test_a_day_number_below_the_day_above_is_no_date() -> None:
    """Days in such a list run forward: '2: ...' after '- 17: ...' is a count."""
    doc = parse(
        "1901: Quay notes\n\nMarch\n- 17: A storm floods the lower market\n\n"
        "2: Repairs begin on the pier\n"
    )
    assert not events_on(doc, "1901-03-02")
    assert events_on(doc, "1901-03-17")


def test_table_rows_with_a_row_number_and_a_year_cell() -> None:
    """'3 | 1702 | - 9 Jun 1702: ...': a table pasted as text, a row's number, its year
    and its entry, which may restate the year or state the day; empty rows tell nothing."""
    doc = parse(
        "Date |\nEvent(s) |\n"
        "1 | 1701 | |\n"
        "2 | 1702 | - 9 Jun 1702: Harwick - The stone quay is finished and blessed\n"
        "|\n"
        "3 | 1703 | - 1703: Harwick - A great fire burns the old market to the ground\n"
        "|\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1702-06-09", "Harwick - The stone quay is finished and blessed"),
        ("1703", "Harwick - A great fire burns the old market to the ground"),
    ]


def test_numbered_headings_with_their_year_in_brackets() -> None:
    """'2. The tram arrives (1905)' over a paragraph: the year's event is what the
    paragraph tells, even where it states no date of its own."""
    doc = parse(
        "Ten moments of the harbour\n"
        "1. The quay opens (1901)\n"
        "Fishermen could land their catch in any weather at last. The town grew.\n"
        "2. The tram arrives (1905)\n"
        "Electric cars ran from the station to the pier, and the old horse carts went.\n"
    )
    (tram,) = events_on(doc, "1905")
    assert "Electric cars ran from the station" in tram.summary
    (quay,) = events_on(doc, "1901")
    assert "land their catch" in quay.summary


def test_one_line_with_a_year_in_brackets_is_no_heading() -> None:
    """'Ann Lee (1968)' alone is a photo's caption or a name: it heads nothing."""
    doc = parse("Ann Lee\nAnn Lee (1968)\nAnn Lee wrote songs about the sea and sang them.\n")
    assert not any("songs" in e.summary for e in doc.events)


def test_a_year_that_qualifies_a_noun_is_its_events() -> None:
    """'the 1931 film', 'a 1974 storm' tell when those happened; 'the 1500 metres' and
    'the 1800 block' count; 'the 2031 games' in a text of 2024 is a plan; 'the May 3
    vote' names a day, as it did before."""
    doc = parse(
        "Harbour notes\n\nPublished: 12 June 2024\n\n"
        "Her best song came from the 1931 film Low Tide. A 1974 storm took the old pier. "
        "Critics of the May 3 vote were loud. She ran the 1500 metres and lived on the "
        "1800 block of Quay Street. The town hopes to host the 2031 games.\n"
    )
    years = {e.date.iso() for e in doc.events}
    assert {"1931", "1974"} <= years
    assert not years & {"1500", "1800", "2031", "2024-05-03"}


def test_sentences_after_a_captions_first_tell_as_prose() -> None:
    """A paragraph whose first sentence ends with its date reads as a caption; the
    sentences after it still tell every date they state."""
    doc = parse(
        "Ada Brell\n\nAda Brell was born in the village of Harwick, May 2, 1840. "
        "On June 3, 1861 she married a fisherman and they moved to the city in 1872.\n"
    )
    assert {"1840-05-02", "1861-06-03", "1872"} <= {e.date.iso() for e in doc.events}


def test_an_editors_year_in_brackets_completes_a_month_day() -> None:
    """'last Saturday, Feb 9 [1907]': a transcriber's year, set apart but stated."""
    doc = parse("Obituaries\n\nOle Haug died at his farm last Saturday, Feb 9 [1907], aged 70.\n")
    assert [e.date.iso() for e in doc.events] == ["1907-02-09"]


def test_a_bar_of_links_is_not_wrapped_into_the_next_line() -> None:
    """'Part 1 | Part 2 | Part 3' over a dated sentence: the bar ends its own line."""
    doc = parse(
        "County history, part 4\n"
        + " | ".join(f"Part {n}" for n in range(1, 31))
        + "\nOn the 3d day of March, 1861, the mill was sold to the railroad company.\n"
    )
    (event,) = events_on(doc, "1861-03-03")
    assert event.title.startswith("On the 3d day of March")


def test_a_bare_date_over_a_short_capitalised_line() -> None:
    """'1861' / '07 November' / 'First Harbour Regatta': the short line is the entry."""
    doc = parse(
        "Harbour timeline\n\n1861\n\n07 November\n\nFirst Harbour Regatta\n\n"
        "1858\n\n07 August\n\nThe first ferry crossed the bay in a gale\n"
    )
    (event,) = events_on(doc, "1861-11-07")
    assert "Regatta" in event.title


@pytest.mark.parametrize("category", ["Harbour Events", "Science & Technology Milestones"])
def test_a_category_line_between_a_date_and_its_entry_is_not_the_entry(category: str) -> None:
    """'9 September 1919' / 'Science & Technology Milestones' / 'A hydrofoil set ...': a
    timeline that files each entry under a category puts the category's short line
    between the date and the entry's words, "&" in it or not."""
    doc = parse(
        "Timeline\n\n10 April 1919\n\nHarbour Events\n\nThe first ferry crossed the bay.\n\n"
        f"9 September 1919\n\n{category}\n\n"
        "A hydrofoil set a speed record of 114 km/h near the quay.\n"
    )
    (event,) = events_on(doc, "1919-09-09")
    assert event.title.startswith("A hydrofoil set a speed record")


def test_each_entrys_own_name_between_its_date_and_words_titles_it() -> None:
    """'Nov 21, 1510' / 'Great Flood' / 'Water covers the lower town -': a timeline
    exported entry by entry gives each its own name over its words; the name titles the
    event and the words tell it. Names that repeat are categories (test above)."""
    doc = parse(
        "Harbour town timeline\n"
        "Nov 21, 1510\nGreat Flood\nWater covers the lower town for a week -\n"
        "Mar 4, 1519\nThe Arrival\nSailors from the south land at the quay -\n"
        "Nov 8, 1519\nFirst Market\nTraders open stalls beside the new pier -\n"
    )
    (flood,) = events_on(doc, "1510-11-21")
    assert flood.title == "Great Flood"
    assert flood.summary.startswith("Water covers the lower town")
    assert [e.title for e in events_on(doc, "1519-03-04")] == ["The Arrival"]


def test_a_span_heading_a_row_ends_the_year_above() -> None:
    """'1895 to 1914    The long peace.' under '1883    ...': a span heads its own row,
    which is no further entry of the year above it."""
    doc = parse(
        "Harbour key dates\n\n"
        "1883    Treaty of the two harbours.\n"
        "1895 to 1914    The long peace.\n"
        "1932 to 1934    The dock strike.\n"
    )
    assert [e.title for e in events_on(doc, "1883")] == ["Treaty of the two harbours."]


def test_a_decade_heading_a_row_ends_the_year_above() -> None:
    """'1950s - Town grows.' under '1948 - ...': a decade heads its own row, as a span
    does; it is no words of the year above it, and no event of its own."""
    doc = parse(
        "Quay timeline\n\n"
        "1932 - The swing bridge opens to traffic.\n"
        "1948 - A flood destroys the east pier.\n"
        "1950s - The fishing fleet grows.\n"
        "1960s-70s: Container ships pass the quay by.\n"
        "1981 - The mill closes.\n"
    )
    assert [e.title for e in events_on(doc, "1948")] == ["A flood destroys the east pier."]
    assert [e.date.year for e in doc.events] == [1932, 1948, 1981]


def test_that_year_opening_a_sentence_is_the_year_just_stated() -> None:
    """'In 1818 the search began. That year Ross reached the bay.': the same year."""
    doc = parse(
        "Arctic voyages\n\nIn 1818 the navy renewed its search for the passage. That year "
        "Ross reached the northern bay but turned back.\n"
    )
    assert any("Ross reached" in e.title for e in events_on(doc, "1818"))


def test_the_same_year_after_a_stated_year_is_a_second_event() -> None:
    """'In 1871 the first class graduated, and during the same year the school joined
    the city hospital': two events of 1871, the second told from the count on."""
    doc = parse(
        "School history\n\nIn 1871, the first class of nurses graduated from the school, "
        "and during the same year, the school joined the city hospital.\n"
    )
    titles = [e.title for e in events_on(doc, "1871")]
    assert len(titles) == 2
    assert titles[1].startswith("The same year, the school joined")


def test_a_weekday_before_a_month_day_makes_it_a_date() -> None:
    """'delivered on Wednesday, 24 January,' and 'Friday, March 3, is': a named day."""
    doc = parse(
        "Court news\n\nA ruling delivered on Wednesday, 24 January, is likely to matter. "
        "The appeal heard on Friday, March 3, drew a crowd.\n"
    )
    assert {"--01-24", "--03-03"} <= {e.date.iso() for e in doc.events}


def test_a_year_opening_a_sentence_before_a_comma_or_an_article() -> None:
    """'1909 the museum moved.', '2004, a branch opened.': a year, "In" left out."""
    doc = parse(
        "Museum\n\nThe museum is large. 2004, a branch was opened in the north. "
        "1909 the museum moved to the park.\n"
    )
    assert {"2004", "1909"} <= {e.date.iso() for e in doc.events}


def test_a_month_and_year_in_numbers_opening_an_entry() -> None:
    """'12/1987, The quay reopened.': a chronology's month, the month first; a count
    written so inside a sentence is no date."""
    doc = parse(
        "Quay chronology\n\n12/1987, The quay reopened to the fleet.\n"
        "4/1987, A storm closed the quay.\n\nThe tally stood at 3/1999, a record.\n"
    )
    assert sorted(e.date.iso() for e in doc.events) == ["1987-04", "1987-12"]


def test_a_doubled_space_inside_a_rows_date() -> None:
    """'15  November 1533    Pizarro ...': a doubled space is still one date."""
    doc = parse(
        "Key dates\n\n1531    The fleet arrived in the north.\n"
        "15 November 1532    The army reached the hills.\n"
        "15  November 1533    The army took the old capital.\n"
    )
    assert [e.title for e in events_on(doc, "1533-11-15")] == ["The army took the old capital."]


def test_a_section_year_restated_in_its_entry_is_no_second_event() -> None:
    """'1848' / '15 June' / '... formed a harbour police in 1848.': one event, the day's."""
    doc = parse(
        "Harbour timeline\n\n1848\n\n15 June\n\n"
        "To keep order on the quays, the council formed a harbour police in 1848.\n\n"
        "1841\n\n01 July\n\nThe harbour became a free port.\n"
    )
    assert [e.date.iso() for e in doc.events if "police" in e.summary] == ["1848-06-15"]


def test_a_month_noted_in_brackets_in_a_year_entry() -> None:
    """'1822 | The harbour treaty. Both towns agree ... (September) |': September 1822."""
    doc = parse(
        "Date | Event |\n"
        "1821 | The first survey of the coast |\n"
        "1822 | The harbour treaty. Both towns agree to share the quay. (September) |\n"
        "1824 | A new governor arrives |\n"
    )
    assert [e.date.iso() for e in doc.events if "treaty" in e.title] == ["1822-09"]


def test_a_month_of_death_under_a_life_span_is_of_its_last_year() -> None:
    """'Ada Brell (1931\u20132019)' over 'Ada Brell died in June.': June 2019."""
    doc = parse(
        "Those we lost\n\nAda Brell (1931\u20132019)\n"
        "The marine biologist Ada Brell died in June at her home by the sea. She was 88.\n"
    )
    assert [e.date.iso() for e in doc.events] == ["2019-06"]


def test_a_life_aside_with_its_places_tells_no_event() -> None:
    """'Ada Brell (born May 2, 1901 in Harwick, \u2020 June 5, 1980 in Bergen)' after a
    name: her life's dates and places, no event of the text's."""
    doc = parse(
        "Ada Brell\n\nAda Brell (born May 2, 1901 in Harwick, \u2020 June 5, 1980 in Bergen) "
        "was a painter of harbours.\n"
    )
    assert doc.events == []


def test_a_month_in_lower_case_before_a_year() -> None:
    """'In december 1953, he sailed': a month, however cased; 'may 1900' is no date."""
    doc = parse(
        "Life\n\nIn december 1953, he sailed to the capital. He may 1900 times have "
        "crossed the bay.\n"
    )
    assert [e.date.iso() for e in doc.events] == ["1953-12"]


def test_round_years_ago_today_is_that_day_years_back() -> None:
    """'Fifty years ago today, ...' in a text of 4 May 2020: 4 May 1970; 'Twenty years
    ago, ...' the year only."""
    doc = parse(
        "Harbour anniversary\n\nPublished: 4 May 2020\n\n"
        "Fifty years ago today, the first ferry crossed the bay. "
        "Twenty years ago, the old pier burned down.\n"
    )
    assert {"1970-05-04", "2000"} <= {e.date.iso() for e in doc.events}


def test_a_year_before_a_named_event_is_its_year() -> None:
    """'after the 1966 Harbour Regatta win': the regatta's year."""
    doc = parse("Club news\n\n* Our spirit grew in 1967 after the 1966 Harbour Regatta win.\n")
    assert {"1966", "1967"} <= {e.date.iso() for e in doc.events}


def test_circa_in_prose_is_that_year() -> None:
    """'founded c. 1132', 'rebuilt ca. 1450': the years a heading's 'c. 1200' would be."""
    doc = parse("Abbey\n\nThe abbey was founded c. 1132 by monks and rebuilt ca. 1450.\n")
    assert {"1132", "1450"} <= {e.date.iso() for e in doc.events}


def test_a_markdown_tables_rows_head_their_entries() -> None:
    """'| 1901 | The quay opened |': a table's row, opening bar and all, is an entry."""
    doc = parse(
        "Harbour timeline\n\n| Year | Event |\n|---|---|\n"
        "| 1901 | The quay opened |\n| 1905 | The tram arrived |\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1901", "The quay opened"),
        ("1905", "The tram arrived"),
    ]


def test_a_year_line_with_heading_marks_or_a_full_stop() -> None:
    """'## 1901' (a markdown heading kept in plain text) and '1905.' alone on a line head
    the entries below them."""
    doc = parse(
        "History\n\n## 1901\n\nThe quay opened to ships.\n\n1905.\nThe tram arrived at the pier.\n"
    )
    assert [(e.date.iso(), e.title) for e in doc.events] == [
        ("1901", "The quay opened to ships."),
        ("1905", "The tram arrived at the pier."),
    ]


def test_a_decade_later_counts_ten_years() -> None:
    """'The quay opened in 1901. A decade later, the market burned.': 1911."""
    doc = parse("History\n\nThe quay opened in 1901. A decade later, the market burned.\n")
    assert [e.date.iso() for e in doc.events] == ["1901", "1911"]


def test_a_year_that_saw_something() -> None:
    """'1901 saw the quay open.': the idiom dates what the year saw."""
    doc = parse("History\n\nThe town grew. 1901 saw the quay open to ships.\n")
    assert [e.date.iso() for e in doc.events] == ["1901"]


def test_a_headlines_year_beats_the_page_stamp_for_year_less_days() -> None:
    """'The harbour's year: 1901' over 'Jan. 9 - ...' in a page stamped 2019: the days
    are of 1901, the year the nearest headline states."""
    doc = parse(
        "The harbour's year: 1901\n\nPublished 27 December 2019\n\n"
        "Jan. 9 - The first ferry docks at the pier.\n"
        "March 21 - A storm floods the market.\n"
    )
    assert [e.date.iso() for e in doc.events] == ["1901-01-09", "1901-03-21"]


def test_a_lone_number_line_is_no_year_heading() -> None:
    """A view count set on its own line under a headline ('- 2317') heads nothing: no
    event and no quote takes it as a year."""
    doc = parse(
        "Harbour reaction\n- 2317\n\nAnn Lee, skipper\n"
        '"We rowed as one crew and it showed," Lee said.\n\n'
        "The club will race again on Saturday.\n"
    )
    assert not doc.events
    assert [q.date for q in doc.quotes] == [None]


def test_two_bare_year_lines_still_head_their_lines() -> None:
    """The same lines in a series are year headings: each heads the line below."""
    doc = parse(
        "Harbour history\n\n1921\n\nThe first rowing club opens on the quay.\n\n"
        "1934\n\nA storm wrecks the boathouse.\n"
    )
    assert events_on(doc, "1921")
    assert events_on(doc, "1934")


_YEAR_PARAGRAPHS = (
    "Firsts of the valley trade\n\n"
    "1861:\nThe Orr brothers open a tannery by the weir.\n\n"
    "{both}\n\n"
    "1874:\nA bank opens on Mill Street.\n\n"
    "1890:\nThe railway reaches the valley.\n\n"
    "1902:\nKessel and Sons build the first motor works.\n"
)


def test_a_years_paragraphs_set_apart_are_each_its_events() -> None:
    """'1868:' over two paragraphs, a blank line between, as a chronology lists a year's
    happenings: each paragraph is an event of that year."""
    doc = parse(_YEAR_PARAGRAPHS.format(both="Ada Pike starts a paper mill upstream."))
    assert [(e.date.year, e.title.split()[0]) for e in doc.events] == [
        (1861, "The"),
        (1861, "Ada"),
        (1874, "A"),
        (1890, "The"),
        (1902, "Kessel"),
    ]


def test_a_years_entry_wrapped_over_lines_is_one_event() -> None:
    """The same entry hard-wrapped, its second line a sentence telling more, is one
    happening: no second event of the year."""
    text = _YEAR_PARAGRAPHS.replace(
        "weir.\n\n{both}\n", "weir.\nIt is the first tannery in the county.\n"
    )
    doc = parse(text)
    assert [e.date.year for e in doc.events] == [1861, 1874, 1890, 1902]


def test_a_running_head_closing_a_years_paragraphs_is_none_of_them() -> None:
    """A page's running head repeated under a year's paragraphs ("Firsts of the valley
    trade") is no happening, and does not undo the year's list."""
    text = _YEAR_PARAGRAPHS.format(
        both="Ada Pike starts a paper mill upstream.\n\nFirsts of the valley trade"
    )
    doc = parse(text)
    assert [(e.date.year, e.title.split()[0]) for e in doc.events][:3] == [
        (1861, "The"),
        (1861, "Ada"),
        (1874, "A"),
    ]


def test_a_run_in_row_whose_words_open_in_quotation_marks() -> None:
    """'1746 "New Light" ...' in a list of '1701 Yale ...' rows: the row's year, though its
    words open with a quotation mark."""
    doc = parse(
        "Colleges\n\n1701 Connecticut ministers found a college.\n"
        '1746 "New Light" ministers secure a charter.\n1754 King\'s College opens.\n'
    )
    assert [e.date.iso() for e in doc.events] == ["1701", "1746", "1754"]
