"""A site's own lines around an article yield nothing (invented lines): its section
names, its publisher's line of units, its menus glued into one word, and its name where
the title bar repeats it."""

from __future__ import annotations

import pytest

from db.ingest.clean import classify_lines, normalise
from tests.unit.db.ingest.helpers import parse

_HEADLINE = "Quay stays open to boats for ten more years"
_BODY = (
    "The harbour trust voted on Tuesday to keep the old quay open to fishing boats, "
    "after a winter of repairs to its wall and a long debate in the town hall.\n"
)


def _kind(line: str) -> str:
    return classify_lines(line, normalise(line))[0].kind


@pytest.mark.parametrize(
    "line",
    [
        "Media Releases & Transcripts",
        "News and Events",
        "Speeches, Statements and Transcripts",
        "Timeline Home",
        "Press Releases",
        "Newsroom / Announcements",
    ],
)
def test_a_sites_section_name_is_furniture(line: str) -> None:
    """A section of a site is named by the kinds of page it holds ("Media Releases &
    Transcripts", "News and Events"): a line of such nouns alone is the site's, never a
    headline."""
    assert _kind(line) == "furniture"
    doc = parse(f"{line}\n\n{_HEADLINE}\n\n{_BODY}")
    assert doc.title == _HEADLINE


@pytest.mark.parametrize(
    "line",
    [
        "Home Office releases its harbour plan",
        "Stories from the old quay",
        "Press and media turn out for the quay",
        "Transcripts",
    ],
)
def test_a_headline_with_a_section_noun_is_kept(line: str) -> None:
    """Only a line made of section nouns and joiners, two of them at least, is one."""
    assert _kind(line) == "text"


@pytest.mark.parametrize(
    "line",
    [
        "Office of Harbour Works \u2022 Quay Division \u2022 Port Town",
        "Port Town Council \u00b7 Harbour Committee \u00b7 Minutes",
        "Home \u2022 About the Trust \u2022 Contact",
    ],
)
def test_a_line_of_units_set_apart_by_dots_is_furniture(line: str) -> None:
    """A publisher's line of its units or a menu, its parts set apart by bullets or
    middle dots, is no prose and no event of the day the page is dated."""
    assert _kind(line) == "furniture"
    doc = parse(f"{_HEADLINE}\n\n12 March 2019\n\n{line}\n\n{_BODY}")
    assert doc.events == [] or all("Division" not in e.title for e in doc.events)
    assert all("\u2022" not in e.title and "\u00b7" not in e.title for e in doc.events)


@pytest.mark.parametrize(
    "line",
    [
        "1905 \u2022 The quay opens \u2022 The first boats land",
        "She sold nets \u2022 and he mended them.",
    ],
)
def test_a_dated_entry_or_prose_with_dots_is_kept(line: str) -> None:
    """A timeline's row headed by a date, or a line with one dot, is no menu."""
    assert _kind(line) == "text"


@pytest.mark.parametrize(
    "line",
    [
        "QuayPostBlogsHarbour Notes Quay stays open",
        "HomeNewsSportHarbour",
        "PortTownArchiveTimelines",
    ],
)
def test_a_menu_glued_into_one_word_is_furniture(line: str) -> None:
    """A saved page that lost the spaces between a menu's items glues them into one
    word of capitalised pieces ("HomeNewsSport"): no name is written so."""
    assert _kind(line) == "furniture"
    doc = parse(f"{line}\n\n{_HEADLINE}\n\n{_BODY}")
    assert doc.title == _HEADLINE


@pytest.mark.parametrize(
    "line",
    [
        "#SaveTheQuay rally draws hundreds to the harbour",
        "DeShawn McDonald opened the quay with LaToya DeVries.",
        "The quay opened on the iPhone's launch day.",
    ],
)
def test_names_and_tags_in_camel_case_are_kept(line: str) -> None:
    """A name with an inner capital ("McDonald", "DeVries") or a hashtag is kept."""
    assert _kind(line) == "text"


@pytest.mark.parametrize(
    ("bar", "site", "headline"),
    [
        (
            "QUAY DATES - Harbour Guide (Port Books) (2016)",
            "Harbour Guide (Port Books) (2016)",
            "QUAY DATES",
        ),
        ("Harbour Weekly | Quay reopens after storm", "Harbour Weekly", "Quay reopens after storm"),
        (
            "Quay reopens after storm \u2014 The Port Town Courier",
            "The Port Town Courier",
            "Quay reopens after storm",
        ),
    ],
)
def test_the_site_a_title_bar_names_is_furniture(bar: str, site: str, headline: str) -> None:
    """A saved page opens with its title bar ("Headline - Site", "Site | Headline") and
    shows both parts again: the site's name first, as a masthead or a running head, the
    headline nearer the text. The bar and the site's name are furniture: no title, no
    event of a book's year."""
    text = (
        f"{bar}\n\n{site}\n\n{headline}\n\nThe quay's years.\n\n"
        "1905 The quay opens to the first boats.\n\n1921 A storm breaks the quay wall.\n\n"
        f"1950 The quay gets a crane.\n\n{site}\n"
    )
    doc = parse(text)
    assert doc.title == headline
    assert sorted(e.date.iso() for e in doc.events) == ["1905", "1921", "1950"]
    assert all(site not in e.title for e in doc.events)


def test_a_title_bar_with_no_copy_of_its_parts_is_kept() -> None:
    """A line with a dash whose parts stand nowhere else is no title bar."""
    text = f"Harbour notes - a quay reopens\n\n{_BODY}"
    lines = classify_lines(text, normalise(text))
    assert lines[0].kind == "text"


@pytest.mark.parametrize(
    "line",
    [
        "0:00 0:00",
        "00:00 / 03:24",
        "1:02:11 | 1:45:00",
        "Harbour Minutes pdf icon PDF 58 KB",
        "Download the quay report (PDF, 1.2 MB)",
        "Annual Report 2019 [DOC 310 kB]",
    ],
)
def test_a_players_clock_or_a_files_size_is_furniture(line: str) -> None:
    """A player's clock ("0:00 / 3:24") and a file's link with its type and size ("PDF
    58 KB") are widgets of the page, not its text: no event of a year in their name."""
    assert _kind(line) == "furniture"
    doc = parse(f"{_HEADLINE}\n\n{line}\n\n{_BODY}")
    assert doc.title == _HEADLINE
    assert all("KB" not in e.title and "MB" not in e.title for e in doc.events)


@pytest.mark.parametrize(
    "line",
    [
        "The quay opened at 9:30 and closed at 17:00.",
        "The harbour's archive holds 58 KB of scanned letters from 1905.",
        "12:00",
    ],
)
def test_times_and_sizes_in_prose_are_kept(line: str) -> None:
    """A time in a sentence, a size with no file's type, a lone time are kept."""
    assert _kind(line) == "text"


@pytest.mark.parametrize(
    "line", ["Search This Transcript", "Search this site", "Search our archive", "Search for:"]
)
def test_a_search_box_is_furniture(line: str) -> None:
    """A search box's label asks the reader to search the page or the site."""
    assert _kind(line) == "furniture"


def test_a_headline_about_a_search_is_kept() -> None:
    """A headline that tells of a search is news, not a box."""
    assert _kind("Search for missing fishing boat goes on") == "text"


@pytest.mark.parametrize(
    "notice",
    [
        "This article contains text that was read by a machine from an old page and may "
        "hold errors in its words.",
        "Thank you for correcting the text in this article. Your corrections help every "
        "reader who looks for it.",
        "This article is more than 12 years old and its facts may have changed since.",
    ],
)
def test_a_notice_about_the_article_above_its_headline_is_no_lede(notice: str) -> None:
    """A site's notice about the article itself (its age, its machine-read text, the
    readers' corrections) stands above the headline; it is no lede and no title."""
    doc = parse(f"{notice}\n\n{_HEADLINE}\n\n{_BODY}")
    assert doc.title == _HEADLINE


@pytest.mark.parametrize(
    "line", ["Article image", "Featured Image", "Site logo", "Author photo", "pdf icon"]
)
def test_an_images_alt_text_is_furniture(line: str) -> None:
    """A saved page keeps an image's alt text where the image stood ("Article image",
    "Site logo"): a few words that end with what the thing is, no headline."""
    assert _kind(line) == "furniture"
    doc = parse(f"{line}\n{line}\n\n{_HEADLINE}\n\n{_BODY}")
    assert doc.title == _HEADLINE


@pytest.mark.parametrize("line", ["Harbour photo contest opens", "The image", "Logo"])
def test_a_line_about_an_image_is_kept(line: str) -> None:
    """A headline of more words, or a word alone, is no alt text."""
    assert _kind(line) == "text"


_YEARS = (
    "The quay's years.\n\n1905 The quay opens to the first boats.\n\n"
    "1921 A storm breaks the quay wall.\n\n1950 The quay gets a crane.\n\n"
)


@pytest.mark.parametrize(
    "head",
    [
        "Harbour Guide (Port Books) (2016)",
        "A Short History of the Quay (Pocket Series) (1998)",
        "Port Town Almanac (2011)",
    ],
)
def test_a_running_head_with_its_year_is_furniture(head: str) -> None:
    """An excerpt of a book repeats the book's name and year on each of its pages ("Harbour
    Guide (Port Books) (2016)"): a running head, never an event of the book's year."""
    doc = parse(f"{head}\n\nQUAY DATES\n\n{_YEARS}{head}\n\n1960 The quay is rebuilt.\n")
    assert sorted(e.date.iso() for e in doc.events) == ["1905", "1921", "1950", "1960"]
    assert doc.title == "QUAY DATES"


def test_a_heading_with_a_year_once_is_kept() -> None:
    """A line with a year in brackets that stands once is a heading, not a running head."""
    text = f"QUAY DATES\n\n{_YEARS}Battle of the Quay (1966)\n\nBoats burn in the harbour.\n"
    lines = classify_lines(text, normalise(text))
    kinds = {text[line.start : line.end]: line.kind for line in lines}
    assert kinds["Battle of the Quay (1966)"] == "text"
