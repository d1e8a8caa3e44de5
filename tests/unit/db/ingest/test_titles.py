"""A document's title is its real headline, never page furniture (invented pages)."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

BODY = (
    "The harbour council voted on Tuesday to keep the old quay open to fishing boats, "
    "after two years of argument about its cost and its future."
)


@pytest.mark.parametrize(
    ("top", "title"),
    [
        # a caption and its credit are one line with a sentence break inside
        (
            "Quay stays open to boats\n\n"
            "The old quay at dawn, with nets drying on the rail. Supplied/Harbour Trust",
            "Quay stays open to boats",
        ),
        # "Image caption," marks the words below it as a caption, however long
        (
            "Quay stays open to boats\n\nNets on the railImage source, Harbour Trust\n"
            "Image caption,\n\nFishers have mended their nets on the old rail for a century",
            "Quay stays open to boats",
        ),
        # a notice about the page above the headline is no article
        (
            "This page is archived and no longer updated. Links on this website may not "
            "work any more, and some pictures are missing.\n\nHarbour Trust\n\n"
            "Quay stays open to boats after council vote",
            "Quay stays open to boats after council vote",
        ),
        # a headline may close with its date
        (
            "Harbour Trust\nPress Office\n\nCouncil statement on the old quay, 3/14/2019",
            "Council statement on the old quay, 3/14/2019",
        ),
        # a kicker in capitals is no part of the headline
        (
            "Harbour Links\nOPINION: The quay is worth every penny we spend on it\nour columns",
            "The quay is worth every penny we spend on it",
        ),
        # a banner of two sentences is no headline
        (
            "JUST IN: Tickets for the harbour fair! Buy yours now!\n\nQuay stays open to boats",
            "Quay stays open to boats",
        ),
        # a headline that ends with its date, first on the page, is no photo's caption
        (
            "Harbour Address by Mayor Ann Lee, September 23, 2016",
            "Harbour Address by Mayor Ann Lee, September 23, 2016",
        ),
        # a section's day stamp over the headline
        (
            "Harbour News of Tuesday, 5 February 2008\n\nQuay stays open to boats",
            "Quay stays open to boats",
        ),
        # a trail of links from the site's home, a month alone (a post's date badge)
        ("Home  /  News  /  Harbour", BODY),
        ("April", BODY),
    ],
)
def test_the_headline_not_the_furniture_around_it(top: str, title: str) -> None:
    """Captions, credits, notices, stamps, kickers and banners give way to the headline."""
    assert parse(f"{top}\n\n{BODY}\n").title == title


@pytest.mark.parametrize(
    "stamp",
    ["March 14, 2019 07:18 pm | Updated 07:18 pm - PORTVIEW", "Portview, ME - 14 March 2019"],
)
def test_a_stamp_is_never_the_title(stamp: str) -> None:
    """With no headline, a date stamp or a dateline is not the title; the text is."""
    assert parse(f"{stamp}\n\n{BODY}\n").title.startswith("The harbour council voted")


def test_a_headline_with_a_date_inside_is_a_subtitle_not_a_stamp() -> None:
    """A date inside a line makes it prose (a standfirst), not a headline: the line
    above it, shorter but undated, is the title."""
    top = "Quay stays open\n\nA vote that settles the quarrel of 1998 over who owns the rail"
    assert parse(f"{top}\n\n{BODY}\n").title == "Quay stays open"


def test_a_button_is_never_the_title() -> None:
    """A line that asks the reader to do something ('Download "..."', "View comments")
    is a page's control, even when it is the longest line above the body."""
    doc = parse(
        "MEMORIES OF THE KETTLE MILL FLOOD\n\n"
        'Download "MEMORIES OF THE KETTLE MILL FLOOD" as a PDF file\n\n'
        "View all reader comments on this story\n\n"
        "The Kettle Mill flooded in the spring of 1947, and the families who worked there "
        "lost their homes and their jobs in a single week of rain.\n"
    )
    assert doc.title == "MEMORIES OF THE KETTLE MILL FLOOD"


def test_a_bracketed_note_or_a_link_line_is_never_the_title() -> None:
    """A note in square brackets standing for something missing, and a line of a link in
    lower case under a site's name, are a page's furniture, not its headline."""
    doc = parse(
        "[an error occurred while processing this directive]\n\n"
        "Harbour Daily News\nwatch Harbour TV live and on demand\n\n"
        "Timeline: the harbour wall\n\n"
        "The Kettle harbour wall took six years to build and survived three winters before "
        "the great storm of 1953 broke it in two places.\n"
    )
    assert doc.title == "Timeline: the harbour wall"


def test_a_banner_that_calls_the_reader_in_is_never_the_title() -> None:
    """A short line of two sentences ending with an exclamation mark ("... this Friday!
    Book your seats now!") is a promotion, not a headline, however long it is."""
    doc = parse(
        "JUST ADDED: The Harbour Band will play our Summer Night on the quay this Friday! "
        "Book your seats now!\n\n"
        "Harbour wall reopens after the storm\n\n"
        "The Kettle harbour wall reopened on Monday after six months of repairs, and the "
        "first boats came in on the evening tide.\n"
    )
    assert doc.title == "Harbour wall reopens after the storm"


def test_the_sites_name_that_its_copyright_line_names_is_never_the_title() -> None:
    """A short line above the article that the page's copyright line names ("Copyright
    © 2019, Kettle Courier") is the site's name, not the document's."""
    doc = parse(
        "Kettle Courier\n\n"
        "The Kettle harbour wall reopened on Monday after six months of repairs, and the "
        "first boats came in on the evening tide.\n\n"
        "Copyright © 2019, Kettle Courier\n",
        "harbour_wall_reopens.txt",
    )
    assert doc.title != "Kettle Courier"


@pytest.mark.parametrize(
    ("top", "title"),
    [
        # a site's tagline under a short headline
        ("Kettle Quay\n\nfrom Kettlepedia, the free harbour guide", "Kettle Quay"),
        # a tagline above the headline, longer than it
        ("brought to you every morning by the harbour desk\n\nQuay stays open", "Quay stays open"),
        # a byline in lower case between the headline and the body
        ("Quay stays open\n\nfiled under harbour news and council affairs", "Quay stays open"),
        # a headline that opens with a name in lower case is still a headline
        (
            "Harbour\n\neBay sellers take over the quay market",
            "eBay sellers take over the quay market",
        ),
    ],
)
def test_a_line_opening_in_lower_case_is_never_the_title(top: str, title: str) -> None:
    """A headline opens with a capital: a line that opens with a word in lower case is a
    tagline, a byline or a link, whatever its length."""
    assert parse(f"{top}\n\n{BODY}\n").title == title


@pytest.mark.parametrize(
    ("top", "title"),
    [
        ("Mara Quell\n\nMara Quell (1987)", "Mara Quell"),
        ("Kettle Quay\n\nKettle Quay (north side, 1953)", "Kettle Quay"),
        (
            "The Old Kettle Quay\n\nThe Old Kettle Quay (seen from the lighthouse)",
            "The Old Kettle Quay",
        ),
        ("Harbour Notes\nThe Old Kettle Quay\nThe Old Kettle Quay (1953)", "The Old Kettle Quay"),
    ],
)
def test_a_line_repeated_with_a_note_in_brackets_is_a_caption(top: str, title: str) -> None:
    """A picture's caption often repeats the name above it with a year or a place in
    brackets: that caption is longer than the name, but the name is the title."""
    assert parse(f"{top}\n\n{BODY}\n").title == title


@pytest.mark.parametrize(
    ("top", "title"),
    [
        # a headline wrapped after "the": its lines are one headline, not the longer half
        ("Hearings of the\nHarbour Board on the Quay", "Hearings of the Harbour Board on the Quay"),
        # wrapped after "of", then going on in lower case
        (
            "Harbour Trust\n\nReport of\nthe Kettle Harbour Commission\non the old quay",
            "Report of the Kettle Harbour Commission on the old quay",
        ),
        # a line cut off after its article is no headline, however long
        (
            "Remarks of the Harbour Master at the Quay Opening, 2019, in A\n\nQuay stays open",
            "Quay stays open",
        ),
        # a box of credits whose lines end with "By" under the headline
        (
            "Quay stays open\n\nProduced By\nRecorded By\nWritten By\nListen to the harbour report",
            "Quay stays open",
        ),
    ],
)
def test_a_headline_wrapped_over_lines_is_one_and_a_cut_one_none(top: str, title: str) -> None:
    """A line that ends with an article, a preposition or a conjunction goes on in the
    line right under it; with no line under it, it was cut off (or labels a field)."""
    assert parse(f"{top}\n\n{BODY}\n").title == title


@pytest.mark.parametrize(
    "data",
    [
        "Total Pages:24\n\nFile Type:pdf, Size:880Kb",
        "555-201-4477\npress@kettle-harbour.org",
        "Call the harbour desk on (555) 201-4477",
        "Write to the harbour desk: desk@kettle-harbour.example",
        "Scan of the Harbour Notes.pdf",
        "From: The Kettle Harbour Trust Server at <http://www.kettle.example/>",
    ],
)
def test_a_line_of_data_is_never_the_title(data: str) -> None:
    """A file's fields ("File Type:pdf"), a telephone number or an e-mail address above
    the headline are data about the page, longer than its short headline."""
    assert parse(f"{data}\n\nQuay open\n\n{BODY}\n").title == "Quay open"


@pytest.mark.parametrize(
    "release",
    [
        # a release's headline in capitals right on top of its text
        "Kettle Harbour Trust\nMara Quell\n555-201-4477\nRELEASE: 19-044\n"
        "HARBOUR TRUST KEEPS THE OLD QUAY OPEN TO FISHING BOATS FOR TEN YEARS\n{body}",
        # in mixed case, right above the dateline that opens the text
        "Kettle Harbour Trust\nMara Quell\n\n"
        "Harbour Trust keeps the old quay open to fishing boats for ten years\n"
        "KETTLE -- {body}",
        # the dateline with an agency's name
        "Harbour Trust keeps the old quay open to fishing boats for ten years\n"
        "PORT ELLEN, Islay (Reuters) - {body}",
    ],
)
def test_a_headline_glued_to_its_text_is_the_title(release: str) -> None:
    """A press release sets its headline on the line right above its first paragraph,
    with no blank line (and long enough to read as that paragraph's first line): in
    capitals, or above the dateline that opens the text."""
    doc = parse(release.format(body=BODY) + "\n")
    assert (
        doc.title.lower() == "harbour trust keeps the old quay open to fishing boats for ten years"
    )


def test_a_wrapped_paragraphs_first_line_is_no_headline() -> None:
    """The first line of a paragraph wrapped at a fixed width is no headline glued to
    it: it is in mixed case and no dateline follows it."""
    wrapped = (
        "The harbour council voted on Tuesday to keep the old quay open to\n"
        "fishing boats, after two years of argument about its cost and its future,\n"
        "and the harbour master said the boats would be back by the spring.\n"
    )
    assert parse(wrapped).title.startswith("The harbour council voted on Tuesday")


@pytest.mark.parametrize(
    "box",
    [
        "Harbour Radio Credits\nProduced By\nRead By",
        "Kettle Harbour Quick Links",
        "Harbour Guide Contents:",
        "Harbour History Downloads\n\nMore Harbour Stories Categories",
    ],
)
def test_the_heading_of_a_box_is_never_the_title(box: str) -> None:
    """A short line that names what a box beside the article holds (credits, links,
    contents, categories) heads that box, however much longer than the headline."""
    assert parse(f"{box}\n\nQuay open\n\n{BODY}\n").title == "Quay open"


@pytest.mark.parametrize(
    ("top", "title"),
    [
        ("Harbour Trust\n\nHarbour notes: March 14, 2019", "Harbour notes: March 14, 2019"),
        ("Kettle Radio\n\nNews briefs:March 14, 2019", "News briefs:March 14, 2019"),
        ("Quay open\n\nRelease date: March 14, 2019", "Quay open"),
        ("Quay open\n\nLast modified: 14 March 2019", "Quay open"),
    ],
)
def test_a_date_under_a_label_of_its_own_is_a_dated_title(top: str, title: str) -> None:
    """A label and a colon before a date name a day's page ("News briefs: ..."), which
    is its title; a label that says the date is the page's own makes it a stamp."""
    assert parse(f"{top}\n\n{BODY}\n").title == title


@pytest.mark.parametrize(
    "masthead",
    [
        "Kettle Daily Courier",
        "Office of the Harbour Master",
        "Kettle University of the Isles\nHarbour Studies Programme",
        "Harbour Heritage Today\n\nKettle Harbour Trust",
        "Watch Kettle News",
    ],
)
def test_the_sites_name_above_the_headline_is_never_the_title(masthead: str) -> None:
    """A publisher's or an institution's name (a paper, a site, a body, a project) above
    a short headline is the site, however much longer than the headline."""
    assert parse(f"{masthead}\n\nQuay open\n\n{BODY}\n").title == "Quay open"


@pytest.mark.parametrize(
    "opening",
    [
        'A coastguard spokesman said: "Gusts are likely all along the coast."',
        "Mayor Ann Lee on the ferry: \u201cIt will run again by spring.\u201d",
    ],
)
def test_a_short_quote_paragraph_under_a_short_headline_is_no_headline(opening: str) -> None:
    """A sentence in quotation marks closes with its full stop inside the mark: the
    paragraph is the body's first, not a longer headline than the short one above."""
    doc = parse(
        f"Storm hits coast\n\nSunday 9 February 2020\n\n{opening}\n\n"
        "More than 20,000 homes were without power on Sunday, the network said.\n"
    )
    assert doc.title == "Storm hits coast"


@pytest.mark.parametrize("credit", ["Picture: PA", "Photo: Harbour Press"])
def test_a_caption_set_again_with_its_credit_is_no_headline(credit: str) -> None:
    """A picture's caption above the text, longer than the headline, that the page sets
    again below with its credit, is a caption: never the title."""
    doc = parse(
        "Storm closes harbour\n\n12 October 2019\n\n"
        "Hundreds of people were told to leave the old quay\n"
        f"Hundreds of people were told to leave the old quay. {credit}\n\n"
        "The harbour closed on Saturday as the storm reached the coast, the trust said.\n"
    )
    assert doc.title == "Storm closes harbour"


def test_a_headline_that_is_a_quote_alone_keeps_its_stop() -> None:
    """'"We have never seen anything like it."': a headline made of a quote alone may
    close it with a full stop inside the marks, and is still the headline."""
    doc = parse(
        '"We have never seen anything like it."\n\n'
        "The storm flattened the sea wall and tore roofs from the harbour houses.\n\n"
        '"We have never seen anything like it," said Jean Pike, who runs the cafe.\n'
    )
    assert doc.title == '"We have never seen anything like it."'


@pytest.mark.parametrize(
    "roll",
    [
        "Present: Cllr Ann Lee (Chair), Cllr Tom Reed, Cllr Jim Cole, Cllr Joan Pike",
        "Apologies: Cllr Ann Lee, Cllr Tom Reed and the harbour master Jim Cole",
        "Members in attendance: Ann Lee, Tom Reed, Jim Cole and Joan Pike",
    ],
)
def test_a_minutes_roll_call_is_never_the_title(roll: str) -> None:
    """Minutes list who attended under their heading, in a line longer than it."""
    doc = parse(
        f"Harbour council minutes\n\n{roll}\n\n1. Ferry timetable\n"
        "Cllr Reed said the winter timetable had let the island down badly.\n"
    )
    assert doc.title == "Harbour council minutes"


@pytest.mark.parametrize(
    "title",
    [
        "History of the Kettle Harbour Railway",
        "A Timeline of Kettle Airways",
        "The Story of the Kettle Harbour Trust",
    ],
)
def test_a_title_about_a_body_is_no_masthead(title: str) -> None:
    """'History of the Kettle Harbour Railway' ends with a body's name, as a masthead
    does, but says what the page tells of it: the title, over a timeline of entries."""
    doc = parse(
        f"{title}\n\n1862 \u2013 Surveyors mark the route.\n"
        "1865 \u2013 The first train runs.\n1923 \u2013 The line is sold.\n"
    )
    assert doc.title == title


def test_with_only_the_sites_name_above_the_body_the_body_gives_the_title() -> None:
    """A page with its site's name and no headline: the title is the body's opening,
    not the site's name."""
    title = parse(f"Kettle Harbour Museum\n\n{BODY}\n").title
    assert title.startswith("The harbour council voted")


def test_a_name_the_body_is_about_is_the_title() -> None:
    """An encyclopedia's page is titled with the name its first paragraph is about."""
    doc = parse(
        "Kettle Harbour Museum\n\n"
        "The Kettle Harbour Museum is a museum of boats and nets in the old customs house, "
        "opened in 1953 by the harbour trust and run by volunteers ever since.\n"
    )
    assert doc.title == "Kettle Harbour Museum"


LEDE = BODY + " The harbour master welcomed the vote."


@pytest.mark.parametrize(
    "text",
    [
        LEDE,
        f"KETTLE \u2013 {LEDE}",
        f"PORT ELLEN, Islay -- {LEDE}",
        f"by Staff Writers Kettle (HNS) March 3, 2019 {LEDE}",
        f"Sunday, March 3, 2019 {LEDE}",
    ],
)
def test_with_no_headline_the_title_is_the_first_sentence(text: str) -> None:
    """A text with no headline is cited by its first sentence, the text's own words (a
    news lede sums its story up), without the dateline, agency line or date stamp that
    opens it; a file's name ("article.txt") may say nothing at all."""
    assert parse(f"{text}\n", "article.txt").title == BODY


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a date inside the sentence is kept
        (
            "On March 3, 2019, the harbour council voted to keep the old quay open to boats. "
            "The harbour master welcomed the vote.",
            "On March 3, 2019, the harbour council voted to keep the old quay open to boats.",
        ),
        # a first sentence too short to tell texts apart gives way to the paragraph
        (f"Yes. {BODY}", f"Yes. {BODY}"),
    ],
)
def test_the_first_sentence_keeps_its_own_date_and_needs_some_words(text: str, title: str) -> None:
    """Only a stamp before the sentence goes, and "Yes." alone is no title."""
    assert parse(f"{text}\n", "article.txt").title == title


def test_a_headline_above_a_line_longer_than_any_wrap_is_the_title() -> None:
    """In text not wrapped at a width (its next line is longer than any wrap), a line
    break right after a short line is the writer's: that line is the headline."""
    doc = parse(
        "'Who will mend the quay if we do not?': Harbour master's plea to the council\n"
        f"{BODY} The harbour master said the vote came just in time for the spring boats.\n"
    )
    assert (
        doc.title == "'Who will mend the quay if we do not?': Harbour master's plea to the council"
    )


@pytest.mark.parametrize(
    "bar",
    [
        "Quay stays open to boats - Kettle Courier",
        "Quay stays open to boats | Kettle Harbour Radio 7",
        "Kettle Courier \u2013 Quay stays open to boats",
        "KHR 7 News :: Quay stays open to boats",
    ],
)
def test_the_page_title_bar_gives_way_to_the_headline_it_copies(bar: str) -> None:
    """A saved page's title bar copies the headline with the site's name and a separator;
    the headline itself, shorter, is the title."""
    top = f"{bar}\n\nBy Mara Quell\n\nQuay stays open to boats"
    assert parse(f"{top}\n\n{BODY}\n").title == "Quay stays open to boats"


@pytest.mark.parametrize(
    "byline",
    [
        "Mara Quell, Harbour Reporter",
        "Tom O'Hare, Senior Political Correspondent",
        "Ana Lima-Costa, Staff Writer",
        "Jan Novak, Editor",
    ],
)
def test_a_byline_with_the_writers_job_is_never_the_title(byline: str) -> None:
    """A byline may give the writer's job instead of "By" ("Name, Reporter"), above or
    below the headline; it is no headline, however long."""
    for top in (f"{byline}\n\nQuay open", f"Quay open\n\n{byline}"):
        assert parse(f"{top}\n\n{BODY}\n").title == "Quay open"


@pytest.mark.parametrize(
    "row",
    [
        "Harbour   Boats   Quay   Fish Market   Weather",
        "Send this story to a friend   Read the comments",
        "Home\tNews\tHarbour life and the old quay\tContact",
    ],
)
def test_a_row_of_links_or_cells_is_never_the_title(row: str) -> None:
    """Words set apart by runs of spaces or by tabs are a menu's or a table's cells,
    however long the row."""
    assert parse(f"{row}\n\nQuay open\n\n{BODY}\n").title == "Quay open"


@pytest.mark.parametrize("label", ["Source:", "Sources:", "Citation:", "Courtesy of"])
def test_a_citation_above_the_text_is_never_the_title(label: str) -> None:
    """A line that cites where the text comes from is no headline and no body, however
    long: the heading under it is the title."""
    citation = (
        f"{label} Quell, M. A history of Kettle harbour and its quay, in three volumes. "
        "Kettle: The Harbour Trust Press, 1953; printed by Novak & Sons, The Quay. p. 14; "
        "reprinted in 1988 by the Kettle Harbour Society with a new index and maps"
    )
    assert parse(f"{citation}\nHARBOUR NOTES.\n\n{BODY}\n").title == "HARBOUR NOTES."


@pytest.mark.parametrize("division", ["PART ONE", "Chapter 4", "SECTION IV", "Book Two."])
def test_a_bare_mark_of_a_books_division_is_never_the_title(division: str) -> None:
    """A bare "PART ONE" or "Chapter 4" marks where a part starts; the part's name, if
    any, gives the title ("Chapter 4: The Old Quay")."""
    assert parse(f"{division}\n\nQuay open\n\n{BODY}\n").title == "Quay open"
    named = f"{division}: The Old Quay"
    assert parse(f"{named}\n\n{BODY}\n").title.endswith("The Old Quay")


@pytest.mark.parametrize(
    "links",
    [
        # links run together into a line as long as a paragraph
        "Read the Harbour Act (1911) Read the Quay Charter of the old town (1850) Read the "
        "Fishing Rights Order (1920) Read the harbour's other founding papers in our library",
        # one link that names a paper and its author
        'Read the "Harbour Act" (by Mara Quell and Jan Novak)',
    ],
)
def test_links_to_read_are_never_the_title(links: str) -> None:
    """A line of links that open with what they ask ("Read the ..."), one or many run
    together, is neither the headline nor the body."""
    assert parse(f"{links}\n\nQuay open\n\n{BODY}\n").title == "Quay open"


@pytest.mark.parametrize(
    "trail",
    [
        "Harbour Notes Directory - Previous Article - Next Article",
        "Kettle Courier - Home - Harbour life and the old quay",
        "Harbour Trust | Latest News | The old quay and its boats",
    ],
)
def test_a_line_of_links_with_a_pages_navigation_is_never_the_title(trail: str) -> None:
    """Links set apart by separators, one of them a page's navigation ("Next Article",
    "Home", "Latest News"), are a trail of links, however long."""
    assert parse(f"{trail}\n\nQuay open\n\n{BODY}\n").title == "Quay open"


def test_a_menus_items_do_not_hide_the_headline_below_them() -> None:
    """A saved page's menu, one short item a line, can run to dozens of lines above the
    article: its items do not count against how far down a headline is looked for."""
    menu = "\n".join(f"From {place}" for place in "ABCDEFGHIJKLMNOPQRSTUVWX")
    doc = parse(f"Harbour Network\n\n{menu}\n\nQuay stays open to boats\n\n{BODY}\n")
    assert doc.title == "Quay stays open to boats"


@pytest.mark.parametrize(
    "site",
    [
        "Quell's Harbour Blog\nnotes from the old quay, most mornings",
        "Kettle Daily Courier\nthe voice of the harbour since 1850",
    ],
)
def test_a_sites_name_with_its_tagline_under_it_is_never_the_title(site: str) -> None:
    """A site's name with its tagline on the line under it (in lower case) is the site,
    not a headline that goes on in the line below."""
    assert parse(f"{site}\n\nQuay open\n\n{BODY}\n").title == "Quay open"


HEADLINE = "Council keeps the old quay open to boats"
LAYOUTS = {
    "news page": "Kettle Daily Courier\nHome | News | Sport | Weather\n\nNews\n\n{h}\n\n"
    "Fishers cheer as a two-year row over the harbour ends.\n\n"
    "By Mara Quell, Harbour Reporter\n\nPublished: 14 March 2019\n\n{body}",
    "blog": "Quell's Harbour Blog\nnotes from the old quay\n\n{h}\n\n"
    "Posted on March 14, 2019 by Mara Quell\n\n{body}\n\nLeave a comment",
    "press release": "Kettle Harbour Trust\nPress Office\n555-201-4477\npress@kettle.example\n"
    "March 14, 2019\n\n{H}\nKETTLE -- {body}",
    "government release": "Office of the Harbour Master\n\nNews release\n\n{h}\n\n"
    "14 March 2019\n\n{body}",
    "saved title bar": "{h} - Kettle Daily Courier\n\nKettle Daily Courier\n\n"
    "Mara Quell, Reporter\n\n{h}\n\nUpdated: 14 March 2019\n\n{body}",
    "kicker": "Kettle Daily Courier\n\nHARBOUR: {h}\n\nMarch 14, 2019\n\n{body}",
    "glued to its text": "Kettle Daily Courier\n\n{h}, and the fishers say they will stay\n"
    "{body} {body}",
}


@pytest.mark.parametrize("layout", LAYOUTS.values(), ids=LAYOUTS.keys())
def test_the_headline_among_a_pages_usual_furniture(layout: str) -> None:
    """Site names, menus, sections, standfirsts, bylines, stamps, datelines and title bars
    in the orders pages set them: the headline is the title."""
    text = layout.format(h=HEADLINE, H=HEADLINE.upper(), body=BODY)
    assert parse(f"{text}\n").title.lower().startswith(HEADLINE.lower())


@pytest.mark.parametrize(
    "headline", ["Kettle-Isles: Quotes", "Harbour Sell-Off", "Franco-Kettle Sea-Trials"]
)
def test_words_joined_by_a_hyphen_count_as_words(headline: str) -> None:
    """A short headline of hyphenated words ("Kettle-Isles: Quotes") has as many words
    as a reader counts, enough to be a headline beside a section's head below it."""
    assert parse(f"{headline}\n\nBefore the Race\n\n{BODY}\n").title == headline


@pytest.mark.parametrize(
    ("headline", "standfirst"),
    [
        (
            "Salt and silver",
            "Herring boats return to the old quay as the council ends a two-year row "
            "over what the harbour wall will cost",
        ),
        (
            "The harbour in numbers",
            "What the fishers landed at the old quay this year, boat by boat and month "
            "by month, with the council's own figures:",
        ),
    ],
)
def test_a_short_headline_over_its_longer_standfirst(headline: str, standfirst: str) -> None:
    """A page sets its headline first and short, and the standfirst that sums the story
    up in a sentence right under it: the headline is the title, however much shorter."""
    text = f"Kettle Daily Courier\n\n{headline}\n\n{standfirst}\n\nBy MARA QUELL\n\n{BODY}\n"
    assert parse(text).title == headline


def test_a_long_headline_under_a_short_line_is_still_the_headline() -> None:
    """A long headline in title case under a short section's line is no standfirst."""
    headline = (
        "Herring Boats Return To The Old Quay As The Council Ends Its Long Row Over "
        "The Cost Of The Harbour Wall"
    )
    assert parse(f"Harbour Life Today\n\n{headline}\n\n{BODY}\n").title == headline


@pytest.mark.parametrize(
    "caption",
    [
        "Harbour Trust members (L. to R.) front row: Ann Vey, Tom Rusk and Ola Berg",
        "The new wardens, left to right: Ann Vey, Tom Rusk and Ola Berg",
        "Photo: the old quay at dawn, with the nets of the last boats drying",
    ],
)
def test_a_pictures_caption_is_never_the_title(caption: str) -> None:
    """A caption says who or what a picture shows ("(L. to R.)", "left to right:",
    "Photo:"), whether it stands above the article or is glued on top of its text."""
    for gap in ("\n\n", "\n"):
        title = parse(f"{caption}{gap}{BODY}\n").title
        assert title.startswith("The harbour council voted"), (gap, title)


@pytest.mark.parametrize("gap", ["\n\n", "\n"])
def test_a_trail_of_links_to_the_page_is_never_the_title(gap: str) -> None:
    """A breadcrumb ("Home > Harbour > Boats") is navigation, whatever its last link
    says, above the article or glued on top of its first words."""
    trail = "Home > Kettle County > The story of the old quay and of its herring boats"
    assert parse(f"{trail}{gap}{BODY}\n").title.startswith("The harbour council voted")


@pytest.mark.parametrize("line", ["Year |", "| Year | Event |", "To kettle-courier.co.uk"])
def test_a_table_header_or_a_sites_link_is_never_the_title(line: str) -> None:
    """With no headline above the text, a table's header row or a link to a site ("To
    kettle-courier.co.uk", what a share button leaves) does not name the page."""
    title = parse(f"{line}\n\n1901 | The quay is built |\n\n{BODY}\n").title
    assert title not in (line, line.strip("| ")), title


@pytest.mark.parametrize(
    "headline", ["The Letters of Captain Tom Rusk Jr.", "Boats of the Kettle Quay, 18th c."]
)
def test_a_headline_may_close_with_an_abbreviation(headline: str) -> None:
    """A full stop that closes an abbreviation ("Jr.", "Ltd.", "18th c.") ends no
    sentence: the line is still a headline, not prose."""
    assert parse(f"Harbour Notes\n\n{headline}\n\n{BODY}\n").title == headline


def test_a_line_that_closes_a_sentence_is_no_headline() -> None:
    """A line that ends with a sentence's full stop is prose, however short."""
    text = f"Notes from the harbour\n\nThe boats came home to the quay.\n\n{BODY}\n"
    assert parse(text).title == "Notes from the harbour"


ENTRIES = (
    "March 3, 1901 - The first stone of the harbour wall is laid.\n\n"
    "June 9, 1901 - The harbour wall is finished and the boats come in.\n"
)


@pytest.mark.parametrize(
    ("top", "title"),
    [
        ("1901: The year of the harbour wall", "1901: The year of the harbour wall"),
        ("PART TWO\n\n1901\nThe harbour wall", "1901 The harbour wall"),
    ],
)
def test_a_page_headed_by_a_date_and_its_phrase(top: str, title: str) -> None:
    """A history's chapter or a year's page is headed by its date and a phrase, on one
    line or the line under it, above its dated entries and no paragraph: that heading
    is the page's headline."""
    assert parse(f"{top}\n\n{ENTRIES}", "notes.txt").title == title


def test_a_days_log_is_titled_by_its_date() -> None:
    """A log of one day's entries, each at its time, under that day's date alone."""
    text = (
        "Monday, March 4, 1901\n\n9:10 a.m. - The first boats leave the quay.\n\n"
        "4:40 p.m. - The boats come back with the herring.\n"
    )
    assert parse(text, "notes.txt").title == "Monday, March 4, 1901"


def test_a_first_entry_in_prose_does_not_title_the_page() -> None:
    """A timeline's first entry, a sentence with its full stop, is no headline."""
    title = parse(f"1899: The council votes to build a harbour wall.\n\n{ENTRIES}", "notes.txt")
    assert not title.title.startswith("1899"), title.title


def test_a_timelines_heading_under_its_word_of_welcome() -> None:
    """A timeline page may open with a paragraph of welcome, then the heading of its
    entries ("Kettle Harbour Timeline") right above the first dated one: with no
    headline above, that heading names the page, not the welcome's first sentence."""
    text = (
        "The harbour has a long story. Walk along the quay and you will find it in every "
        "stone of the wall, so read on and see what you can find.\n\n"
        f"Kettle Harbour Timeline\n\n{ENTRIES}"
    )
    assert parse(text, "notes.txt").title == "Kettle Harbour Timeline"


def test_a_subheading_in_prose_does_not_name_the_page() -> None:
    """A heading between paragraphs of prose, with no dated entry under it, is the
    article's own subheading: the opening sentence stays the title."""
    text = f"{BODY}\n\nThe Cost\n\n{BODY}\n"
    assert parse(text, "notes.txt").title.startswith("The harbour council voted")


def test_a_line_of_sixteen_words_under_a_headline_of_ten_is_its_standfirst() -> None:
    """A line of sixteen words under a headline of ten is its standfirst: pages set a
    long standfirst under a headline far more often than a long headline under a
    kicker of ten words (kickers are a word or a few, in capitals or title case)."""
    headline = "From the harbour desk: the news of the old quay"
    below = "Herring boats return to the old quay as the council ends its long row over the wall"
    text = f"{headline}\n\n{below}\n\n{BODY}\n"
    assert parse(text).title == headline


def test_a_headline_with_a_picture_in_its_words_is_no_caption() -> None:
    """A kicker such as "The big picture:" opens a headline, not a caption."""
    headline = "The big picture: what the old quay costs the harbour"
    assert parse(f"Harbour Notes\n\n{headline}\n\n{BODY}\n").title == headline


@pytest.mark.parametrize(
    "bar", ["Share on Facebook", "Facebook  Twitter  WhatsApp  Email", "4 min read"]
)
def test_a_bar_of_share_buttons_never_names_the_page(bar: str) -> None:
    """A bar of share or follow buttons, or a note of the time it takes to read, above
    an article with no headline, is furniture: the opening sentence names the page."""
    assert parse(f"{bar}\n\n{BODY}\n").title.startswith("The harbour council voted")


def test_a_days_entry_with_its_phrase_does_not_title_the_page() -> None:
    """A day's date with a phrase ("March 3, 1901: Ann Vey opens the quay") is the first
    entry of a timeline, not the heading of a year's or a month's page."""
    text = f"March 3, 1901: Ann Vey and Tom Rusk open the quay\n\n{ENTRIES}"
    assert not parse(text, "notes.txt").title.startswith("March 3, 1901")


@pytest.mark.parametrize(
    "line",
    [
        "Please enable JavaScript to view the comments.",
        "You must be logged in to post a comment.",
        "Comments are closed.",
        "Mara Quell is a harbour reporter.",
        "The old quay at dawn, with nets on the rail.",
        "Have a story? Email us.",
    ],
)
def test_a_sentence_above_the_body_never_names_a_page_without_headline(line: str) -> None:
    """With no line above the body read as a headline, a line closing with a full stop
    names the page only when set as a title (capitals or title case): a sentence in
    sentence case is a notice, a caption or a note on the writer."""
    assert parse(f"{line}\n\n{BODY}\n").title.startswith("The harbour council voted")


@pytest.mark.parametrize(
    "name",
    [
        "HARBOUR WALL RECORDS.",
        "The History of our Harbour.",
        "Mara Quell, famed Harbour Pilot, dies at 90.",
        "Fishers hail their greats..",
        "19th Century.",
    ],
)
def test_a_title_with_a_full_stop_still_names_the_page(name: str) -> None:
    """A title set in capitals or title case keeps naming the page with a stray full
    stop, as does one closing on two dots."""
    assert parse(f"{name}\n\n{BODY}\n").title == name


@pytest.mark.parametrize(
    "below",
    [
        # a standfirst in sentence case, not twice the headline's length
        "Fishers cheer as the council ends its long row over the harbour wall",
        # a deck in title case
        "Council Ends Its Long Two-Year Row Over The Cost Of The Harbour Wall",
        # a picture's caption with no credit
        "Nets drying on the rail of the old quay at dawn, before the boats went out to sea",
        # a note on the writer
        "Mara Quell has covered the harbour and its council for the Kettle Courier",
    ],
)
def test_a_longer_line_under_the_headline_does_not_outrank_it(below: str) -> None:
    """A page sets its headline first, and under it what says more: a standfirst or a
    deck in either case, a caption, a note on the writer. Half as long again or more,
    such a line is no headline, however long."""
    headline = "Quay reopens to fishing boats"
    text = f"{headline}\n\n{below}\n\nBy MARA QUELL\n\n{BODY}\n"
    assert parse(text).title == headline


@pytest.mark.parametrize(
    "top",
    [
        "Quell's Harbour Blog\n\nJust another harbour blog",  # a site's tagline
        "Page 1 of 3",  # a pager
        "HARBOUR NEWS AND VIEWS",  # a banner in capitals
        "Mara Quell\nHarbour Office\n555-201-4477",  # a contact's block
    ],
)
def test_a_sites_line_above_the_headline_does_not_hold_it_down(top: str) -> None:
    """A site's tagline under its name, a pager, a banner in capitals or a contact's
    block above the headline is no headline of its own: the longer headline below it
    stays the title."""
    headline = "Fishers return to the old quay as the council ends its long row"
    assert parse(f"{top}\n\n{headline}\n\n{BODY}\n").title == headline


@pytest.mark.parametrize(
    "line",
    [
        "The boats came back to the old quay every week of the winter,",
        "We kept the quay open, through the storms and the long nights;",
    ],
)
def test_a_line_that_ends_with_a_comma_is_no_headline(line: str) -> None:
    """A headline is a phrase that ends; a line ending with a comma or a semicolon is a
    sentence that goes on below (a quote's or a lede's first line), however long."""
    assert parse(f"Quay Stays Open\n\n{line}\n\n{BODY}\n").title == "Quay Stays Open"
