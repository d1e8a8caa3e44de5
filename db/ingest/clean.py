"""Page furniture detection and a same-length normalised copy of the text.

Spans must point into the original text, so nothing here rewrites it: lines are
classified in place, and the copy used for matching has exactly the same length.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Final, Literal

from db.ingest.dates import MONTH, line_date
from db.ingest.lexicon import (
    ALT_TEXT_NOUNS,
    FURNITURE_PREFIXES,
    LINE_FURNITURE_PHRASES,
    SEARCH_BOX_OPENINGS,
    SECTION_NAME_JOINERS,
    SECTION_NAME_WORDS,
    STAMP_PREFIXES,
    WHOLE_LINE_FURNITURE,
)
from db.text import lower

LineKind = Literal["blank", "furniture", "text"]

# One character in, one character out: offsets in the copy are offsets in the original.
# No replacement is itself replaced, so the order of the replacements does not matter.
_FOLDS: Final[dict[str, str]] = {
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u201f": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u2018": "'",
    "\u2019": "'",
    "\u02bc": "'",
    "\u201b": "'",
    "\u2032": "'",
    "\u00a0": " ",
    "\u2007": " ",
    "\u202f": " ",
    "\u2009": " ",
    "\u200b": " ",
    "\ufeff": " ",
    "\r": " ",
    "\t": " ",
    "\u2014": "-",
    "\u2013": "-",
    "\u2012": "-",
    "\u2212": "-",
    "\u2022": "*",
    "\u00b7": "*",
    "\u25cf": "*",
    "\u25aa": "*",
}

# Two single marks typed for each double one, closed so on the line they open on: curly
# ("‘’A throwback ...’’": an opening mark right before a closing one quotes nothing)
# or straight ("''Seyran Ohanyan brought ...''", at a word's start and at another's end).
DOUBLED_OPENINGS: Final = ("\u2018\u2019", "''")
_DOUBLED_SINGLES: Final = re.compile("\u2018\u2019([^\n]*?)\u2019\u2019")
_DOUBLED_STRAIGHT: Final = re.compile(r"(?<![\w'`])''(?=\w)([^\n]*?\S)''(?![\w'])")


def doubled_singles_as_doubles(text: str) -> str:
    """The text with each quotation in doubled single marks in curly double marks and a
    space beside each (keeping every offset), for quote finding to read as any other;
    its words are read from the text as written (see DOUBLED_OPENINGS). Not in a text
    with ``TeX-style'' marks, whose closing pair is two straight marks."""
    if "\u2018\u2019" in text:
        text = _DOUBLED_SINGLES.sub(_as_doubles, text)
    if "''" in text and "``" not in text:
        text = _DOUBLED_STRAIGHT.sub(_as_doubles, text)
    return text


def _as_doubles(found: re.Match[str]) -> str:
    return f"\u201c {found.group(1)} \u201d"


_GLUED_DASH: Final = re.compile(r"(?<=\w)\u2014(?=\w)")
BULLET_CHARS: Final = "*-"
BULLET_MARKS = ("*", "-")


def normalise(text: str) -> str:
    """Fold quotes, apostrophes, dashes, bullets and odd spaces; keeps every offset.

    ``TeX-style'' marks fold to a double mark and a space (opening: the first
    character; closing: the second), so they too keep every offset.

    One str.replace per character that occurs is many times faster than str.translate
    with a dict table (which looks every character of the text up in the dict).
    """
    if "\u2014" in text:  # "Ross\u2014he said": a dash between words is a break, no hyphen
        text = _GLUED_DASH.sub(" ", text)
    for old, new in _FOLDS.items():
        if old in text:
            text = text.replace(old, new)
    if "``" in text:  # ``TeX-style'' quotation marks: two characters each, folded in place
        text = text.replace("``", '" ').replace("''", ' "')
    return text


class Line:
    """One line of the original text: [start, end) excludes the newline.

    A plain class rather than a NamedTuple: a document has one per line, and compiled
    with mypyc a NamedTuple is made through Python code, a plain class natively.
    """

    __slots__ = ("end", "kind", "start")

    def __init__(self, start: int, end: int, kind: LineKind) -> None:
        self.start = start
        self.end = end
        self.kind = kind


def _phrases_by(char_of: Callable[[str], str]) -> dict[str, tuple[str, ...]]:
    """LINE_FURNITURE_PHRASES grouped by a character: a line can only start (or end) with
    the phrases that start (or end) with its own first (or last) character."""
    grouped: dict[str, tuple[str, ...]] = {}
    for phrase in LINE_FURNITURE_PHRASES:
        grouped[char_of(phrase)] = (*grouped.get(char_of(phrase), ()), phrase)
    return grouped


_OPENING_WITH: Final = _phrases_by(lambda phrase: phrase[0])
_ENDING_WITH: Final = _phrases_by(lambda phrase: phrase[-1])
_OUTER_PUNCTUATION: Final = " .:|>»›<«‹*-\"'"
_ONLY_SYMBOLS: Final = re.compile(r"[\W_]*")
_LINK_SEPARATORS: Final = re.compile(r"\s[|»›]\s|\s[|»›]$|^[|»›]\s")
_CELL_SENTENCE_ENDS: Final = ".!?"
_CELL_SENTENCE_SPACES: Final = 6  # seven words or more, then a sentence's end: no link's name
_BYLINE: Final = re.compile(r"(?:By|BY)\s+[A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*\s*$")
_BYLINE_OPENINGS = ("By", "BY")  # what _BYLINE opens with
_CREDIT_WORDS = ("photo", "image", "picture", "credit", "source")  # _CREDIT's, "(" aside
_CREDIT: Final = re.compile(
    r"^\(?(?:photo|photograph|image|picture|credit|source)s?\s*(?:by|:|credit)", re.IGNORECASE
)
# What a dated table's first column is called: its header row opens with it.
_TABLE_HEAD_WORDS: Final = frozenset(("date", "dates", "year", "years"))
_TABLE_HEAD_OPENINGS: Final = frozenset(word[:4] for word in _TABLE_HEAD_WORDS)
_TABLE_HEAD_FIRSTS: Final = frozenset("DdYy| ")  # what such a line may open with
# Words of a title ("Year of the Dragon", "Year Zero"), never of a header's column names.
_TITLE_ONLY_WORDS: Final = frozenset("of the a an and in on to for at zero one".split())
_TABLE_HEAD_MOST: Final = 4  # columns a header row names, at most
# A search's or a catalogue's count of what it found: "Showing 571 results".
_RESULTS_COUNT: Final = re.compile(
    r"(?:showing\s)?(?:\d[\d,]*\s?(?:-|to)\s?\d[\d,]*\sof\s)?\d[\d,]*\sresults?"
)
# A social network's handle alone on its line, perhaps in brackets.
_HANDLE: Final = re.compile(r"\(?@\w{1,30}\)?")
# A site's tagline under its name: "From Wikipedia, the free encyclopedia".
_TAGLINE: Final = re.compile(r"from\s[\w .'-]{2,40},\sthe\sfree\s[\w '-]{2,40}[!.]?")
_MONTH_STARTS: Final = frozenset("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split())
# A blog's archive header: "Archives July 2020", "Archive for: March 2011", "Archives: 2019".
# A blog's tag or category page header: "Posts Tagged 'science'", "Posts tagged with
# harbour", "Category Archives: News", "Tag Archives: ferry".
_TAG_HEADER: Final = re.compile(
    r"(?i:posts?\stagged(?:\swith)?|(?:category|tag)\sarchives?:?)\s\S[^\n]{0,50}"
)
_TAG_HEADER_OPENINGS: Final = ("post", "category archive", "tag archive")
_TAG_HEADER_LENGTH: Final = 80
_ARCHIVE_HEADER: Final = re.compile(rf"(?i:archives?)(?:\s(?i:for))?:?\s(?:{MONTH}\s)?\d{{4}}$")
# A line that sends the reader to a link: "For a complete list of our obituaries, see
# here.", "To read the full report, click here." (its words were the link's).
_LINK_POINTER: Final = re.compile(
    r"(?:For|To)\s[^\n]{3,120},\s(?:see|click|go|look|read|visit|listen)\s(?:it\s)?here[.!]?"
)
_POINTER_LENGTH: Final = 160
_POINTER_ENDINGS: Final = ("here", "here.", "here!")  # what _LINK_POINTER ends with
_SHORT_BULLET: Final = re.compile(r"^\s*[*-]\s*[A-Z0-9\"'][^\n]{0,60}$")
_BULLET: Final = re.compile(r"^\s*[*-]\s")
# A bullet that closes with its date and era in brackets, "- Axum conquers Kush (c. 350
# A.D.)": a chronology's entry, never a link's title.
_CLOSING_ERA_DATE: Final = re.compile(
    r"\(\s?(?:c\.?\s?|ca\.\s?|circa\s)?\d[\d,]{0,5}\s?"
    r"(?:B\.?\s?C\.?(?:\s?E\.?)?|A\.?\s?D\.?|C\.?\s?E\.?)\s?\)$"
)
_SECTION_LENGTH: Final = 60
_SECTION_WORDS: Final = 6  # "Speeches, Statements and Transcripts" and then some
# Parts of a line set apart by bullets or middle dots (both folded to "*"): "Department
# of Works * Quay Division * Port Town", a publisher's units or a menu.
_DOT_PART: Final = " * "
_DOT_LENGTH: Final = 200
_DOT_PART_WORDS: Final = 6
# A menu glued into one word: three capitalised pieces at least ("HomeNewsSport"); a
# name has one inner capital ("McDonald", "DeVries"), a hashtag opens with "#".
_GLUED_MENU: Final = re.compile(r"[A-Z][a-z]+[A-Z][a-z]+[A-Z]")  # at a word's start
_GLUED_LENGTH: Final = 200
# How a sentence ends (normalise folds every closing quotation mark to '"'): a menu,
# glued or not, never does, so a line ending so is not searched for glued pieces (the
# search is the costliest test of a short line).
_SENTENCE_ENDS: Final = frozenset('.!?"')
# A player's clock: times alone, two at least ("0:00 0:00", "00:00 / 03:24").
_CLOCKS: Final = re.compile(r"\d{1,2}:\d\d(?::\d\d)?(?:\s{0,3}[/|]?\s{0,3}\d{1,2}:\d\d(?::\d\d)?)+")
_CLOCK_LENGTH: Final = 40
# A file's link with its type and size: "PDF 58 KB", "(PDF, 1.2 MB)", "[DOC 310 kB]".
_FILE_SIZE: Final = re.compile(
    r"\b(?:pdf|docx?|xlsx?|pptx?|rtf|mp3|mp4|zip|csv)\b[^\n]{0,12}?\b\d+(?:[.,]\d+)?\s?(?:[kmg]b|bytes)\b"
)
_FILE_LENGTH: Final = 120
_SIZE_ENDS: Final = "bBsS)]"  # how a file's link ends: "58 KB", "(PDF, 1.2 MB)", "[DOC 3 kB]"
_SEARCH_LENGTH: Final = 40
_ALT_TEXT_LENGTH: Final = 30
_ALT_TEXT_WORDS: Final = 3
# A title bar's marks between its parts (dashes are folded to "-"; "»" to a quote mark).
_BAR_MARK: Final = re.compile(r" (?:-|\||::) ")
_BAR_MARKS: Final = (" - ", " | ", " :: ")
_BAR_LENGTH: Final = 200
_BAR_SLACK: Final = 8  # spaces around a part's copy on its own line
# A book's running head: its name, maybe its series, and its year in brackets, "Harbour
# Guide (Port Books) (2016)".
_RUNNING_HEAD: Final = re.compile(r"[A-Z][^()\n]{2,80}(?:\([^()\n]{2,40}\) )?\(\d{4}\)")
_RUNNING_HEAD_LENGTH: Final = 120
_BAR_REACH: Final = 3  # the first text lines of a page, where its title bar stands
# The longest line any test of _is_furniture_line but the first few asks of: _LINK_SEPARATORS'
# 200, _DOT_LENGTH, _GLUED_LENGTH.
_FURNITURE_LENGTH: Final = 200


# A parliament's record online heads each speech with its member's photo, whose alt
# text stays glued to the name, then the seat and party: `Photo of Ann LeeAnn Lee
# (Kildare South, Labour)`, its links on the same line or the next (see turns).
MEMBER_PHOTO: Final = re.compile(r"Photo of (?P<label>[^()\n]{2,60}?)(?P=label)\s\([^()\n]{1,80}\)")


def _is_furniture_line(norm_line: str) -> bool:
    """A line that is page navigation, a credit or a byline rather than prose; never a
    member's header in a parliament's record, whatever links follow it."""
    stripped = norm_line.strip()
    if stripped.startswith("Photo of ") and MEMBER_PHOTO.match(stripped):
        return False
    if not stripped[:1].isalnum() and _ONLY_SYMBOLS.fullmatch(stripped):  # \w: alnum or _
        return True
    lowered = lower(stripped)
    if lowered.startswith(_OPENING_WITH.get(lowered[:1], ())) or lowered.endswith(
        _ENDING_WITH.get(lowered[-1:], ())
    ):
        return True
    if lowered.startswith(FURNITURE_PREFIXES):
        return True
    length = len(stripped)
    if length >= _FURNITURE_LENGTH:
        return False  # every test below is of a shorter line: most prose stops here
    if length < 80 and lowered.startswith(STAMP_PREFIXES):
        return True
    if length < 40 and lowered.strip(_OUTER_PUNCTUATION) in WHOLE_LINE_FURNITURE:
        return True
    if lowered.endswith(("results", "result")) and _RESULTS_COUNT.fullmatch(lowered):
        return True  # "Showing 571 results", "1 - 10 of 571 results": a search's count
    if "@" in stripped[:2] and _HANDLE.fullmatch(stripped):
        return True  # "(@ann_lee)": a writer's handle, on its own line under a byline
    if lowered.startswith("from ") and _TAGLINE.fullmatch(lowered):
        return True  # "From Wikinews, the free news source": a site's tagline
    if _is_widget(stripped, lowered):
        return True  # "0:00 / 3:24", "Minutes pdf icon PDF 58 KB": a player, a file's link
    if length < _SEARCH_LENGTH and lowered.startswith(SEARCH_BOX_OPENINGS):
        return True  # "Search This Transcript": a search box
    if length < _ALT_TEXT_LENGTH and _is_alt_text(lowered):
        return True  # "Article image", "Site logo": where an image stood
    if lowered.endswith(_POINTER_ENDINGS) and length < _POINTER_LENGTH:
        return _LINK_POINTER.fullmatch(stripped) is not None  # "For ..., see here."
    if length < 40 and lowered.startswith("archive") and _ARCHIVE_HEADER.match(stripped):
        return True
    if length < _TAG_HEADER_LENGTH and lowered.startswith(_TAG_HEADER_OPENINGS):
        return _TAG_HEADER.fullmatch(stripped) is not None  # "Posts Tagged 'science'"
    if _has_link_mark(stripped) and _LINK_SEPARATORS.search(stripped):
        links = stripped.count("|") + stripped.count("»") >= 2 or stripped.startswith("|")
        return links and not _dated_row(stripped) and not _holds_a_sentence(stripped)
    if _may_be_byline(stripped) and _BYLINE.match(stripped) and len(stripped.split()) <= 12:
        return True
    if length < _SECTION_LENGTH and _is_section_name(lowered):
        return True  # "Media Releases & Transcripts", "News and Events"
    if _DOT_PART in stripped and _is_dotted_line(stripped):
        return True  # "Department of Works * Quay Division * Port Town"
    if stripped[-1:] not in _SENTENCE_ENDS and _is_glued_menu(stripped):
        return True  # "HomeNewsSportHarbour": a menu that lost its spaces
    return length < 160 and _may_be_credit(stripped, lowered) and bool(_CREDIT.match(stripped))


def _is_glued_menu(stripped: str) -> bool:
    """A menu glued into one word: a word that opens with three capitalised pieces
    ("HomeNewsSport"); one after "#" or "@" is a tag. (A look-behind in the pattern
    would be tried at every character; checking the match's start is cheaper.)"""
    for found in _GLUED_MENU.finditer(stripped):
        before = stripped[found.start() - 1 : found.start()]
        if not before or not (before.isalnum() or before in "#@_"):
            return True
    return False


def _mark_table_head(lines: list[Line], norm: str, index: int) -> None:
    """The line at index is furniture when it names a dated table's columns: a few
    capitalised words, the first a date column's ("Date Emperor", "Year | Event"), over
    a row that opens with a number (the first row's date)."""
    below = index + 1
    while below < len(lines) and lines[below].kind == "blank":
        below += 1
    if below == len(lines) or lines[below].kind != "text":
        return
    row = norm[lines[below].start : lines[below].end].lstrip(" |*-")
    head = lines[index]
    if row[:1].isdecimal() and _is_table_head(norm[head.start : head.end]):
        head.kind = "furniture"


def _is_table_head(stripped: str) -> bool:
    """A row of a few capitalised words, the first a date column's name: a table's
    header, no headline and no prose ("Year of the Harbour" is a headline)."""
    words = stripped.replace("|", " ").split()
    return (
        2 <= len(words) <= _TABLE_HEAD_MOST
        and lower(words[0]) in _TABLE_HEAD_WORDS
        and all(word.isalpha() and word[0].isupper() for word in words)
        and not any(lower(word) in _TITLE_ONLY_WORDS for word in words)
    )


def _is_section_name(lowered: str) -> bool:
    """A site's section, named by the kinds of page it holds, two at least, with nothing
    else but joiners ("media releases & transcripts", "timeline home"): never a headline,
    which says something of its own."""
    words = lowered.replace(",", " ").split()
    if not 2 <= len(words) <= _SECTION_WORDS or words[0] not in SECTION_NAME_WORDS:
        return False
    named = 0
    for word in words:
        if word in SECTION_NAME_WORDS:
            named += 1
        elif word not in SECTION_NAME_JOINERS:
            return False
    return named >= 2


def _is_dotted_line(stripped: str) -> bool:
    """Three short parts at least set apart by bullets or middle dots, none a sentence
    ("Department of Works * Quay Division * Port Town"): a publisher's line of its
    units, or a menu; a timeline's row headed by a date is kept."""
    if stripped.startswith(BULLET_CHARS) or stripped[:1].isdecimal():
        return False  # a bullet of a list, or a row headed by a date
    parts = stripped.split(_DOT_PART)
    if len(parts) < 3:
        return False
    for part in parts:
        words = part.split()
        if not 0 < len(words) <= _DOT_PART_WORDS or ends_sentence(part):
            return False
    return not _dated_row(stripped)


def _is_alt_text(lowered: str) -> bool:
    """An image's alt text kept where the image stood: two or three words that end with
    what the thing is ("article image", "site logo", "pdf icon"); "the image" is prose."""
    words = lowered.split()
    return (
        1 < len(words) <= _ALT_TEXT_WORDS
        and words[-1] in ALT_TEXT_NOUNS
        and words[0] not in ("the", "a", "an", "this", "that")
    )


def _is_widget(stripped: str, lowered: str) -> bool:
    """A player's clock ("0:00 0:00", "00:00 / 03:24") or a file's link with its type
    and size ("Minutes pdf icon PDF 58 KB", "Report (PDF, 1.2 MB)"): a widget of the
    page, whose name or year is no part of the text."""
    if len(stripped) < _CLOCK_LENGTH and stripped[:1].isdecimal() and ":" in stripped:
        return _CLOCKS.fullmatch(stripped) is not None
    if len(stripped) < _FILE_LENGTH and stripped[-1:] in _SIZE_ENDS:
        return _FILE_SIZE.search(lowered) is not None
    return False


def _dated_row(stripped: str) -> bool:
    """'1402 | First written record of Lamu |': a table's row headed by a date, an entry
    of a timeline, not a bar of links; or a year's cell alone ("| 1945 |") over the
    lines of its entries."""
    stripped = stripped.lstrip("| *-")  # "| 1402 | First ...", "| - 1402: First ...": a row
    if not stripped[:1].isdecimal() and stripped[:3] not in _MONTH_STARTS:
        return False
    head = line_date(stripped, None)
    if head is None or head.date is None:
        return False
    return head.head < len(stripped) or head.date.precision == "year"


def _holds_a_sentence(stripped: str) -> bool:
    """One of the line's cells between bars is a sentence ("| - The discovery gained fame
    and changed surgery. |"): a table's row of text, as no link's words run so long."""
    for cell in stripped.split("|"):
        cell = cell.strip()
        if cell[-1:] in _CELL_SENTENCE_ENDS and cell.count(" ") >= _CELL_SENTENCE_SPACES:
            return True
    return False


def _may_be_byline(stripped: str) -> bool:
    """Cheap test that a line may be a byline: short, opening as _BYLINE does."""
    return len(stripped) < 120 and stripped.startswith(_BYLINE_OPENINGS)


def _may_be_credit(stripped: str, lowered: str) -> bool:
    """Cheap test that _CREDIT might match: in ASCII, where its re.IGNORECASE means just
    lowercasing, the line opens with one of its words (after an optional "(")."""
    if not stripped.isascii():
        return True
    return lowered.startswith(_CREDIT_WORDS, 1 if lowered.startswith("(") else 0)


def _has_link_mark(line: str) -> bool:
    """Cheap test that _LINK_SEPARATORS might match: every form of it holds one of |»›."""
    return "|" in line or "»" in line or "›" in line


_INVISIBLE: Final = (
    "\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff "
)


def ends_sentence(text: str) -> bool:
    """The text ends with a full stop, "!" or "?" (invisible marks and spaces aside)."""
    return text.rstrip(_INVISIBLE).endswith((".", "!", "?"))


def _is_link_bullet(norm_line: str) -> bool:
    """A short capitalised bullet without a full stop: a link title, not a list item.

    A bullet that opens with a date ("- 1638", "- 1655 - Fort taken") is a timeline entry.
    """
    if not norm_line.lstrip().startswith(BULLET_MARKS) or not _SHORT_BULLET.match(norm_line):
        return False
    body = norm_line.strip().lstrip(BULLET_CHARS).strip()
    if len(body.split()) > 8 or body.endswith((",", ";", ".")):
        return False
    if body.endswith(")") and _CLOSING_ERA_DATE.search(body) is not None:
        return False
    return not (body[:1].isdigit() or body[:3] in _MONTH_STARTS) or line_date(body, None) is None


def classify_lines(text: str, norm: str) -> list[Line]:
    """Every line of the text with its kind; link lists are furniture as whole blocks.

    norm has its newlines where text has them (no fold makes or removes one), so its
    lines are split directly rather than sliced out line by line.
    """
    lines: list[Line] = []
    link_bullets: list[int] = []  # the indices of the lines that are link bullets
    heads: list[int] = []  # the indices of the lines that may be running heads
    table_heads: list[int] = []  # the indices of the lines that may name a table's columns
    start = 0
    for line in norm.split("\n"):
        end = start + len(line)
        kind: LineKind = "text"
        if not line or line.isspace():
            kind = "blank"
        elif _is_furniture_line(line):
            kind = "furniture"
        else:
            first = line[0]
            if (first in BULLET_CHARS or first.isspace()) and _is_link_bullet(line):
                link_bullets.append(len(lines))  # a bullet opens it, past any spaces
            if end - start <= _RUNNING_HEAD_LENGTH and line[-1] in ") \t":
                heads.append(len(lines))  # it may end with "(2016)"
            if first in _TABLE_HEAD_FIRSTS and lower(line.lstrip(" |")[:4]) in _TABLE_HEAD_OPENINGS:
                table_heads.append(len(lines))  # "Date Emperor", "| Year | Event |"
        lines.append(Line(start, end, kind))
        start = end + 1
    for index in table_heads:
        _mark_table_head(lines, norm, index)
    if len(link_bullets) >= 2:  # a link list needs two link bullets
        _mark_link_blocks(lines, link_bullets)
    _mark_title_bar(lines, norm)
    if heads:
        _mark_running_heads(lines, heads, norm)
    _mark_comment_section(lines, norm)
    return lines


# The heading a blog sets over its readers' comments: "2 thoughts on “The day ...”", "14
# Responses to “...”", "One comment on “...”", "Leave a Reply" (lower case, marks folded).
_COMMENTS_HEAD: Final = re.compile(
    r"\s*(?:\d+|one|no)\s(?:thoughts?|comments?|responses?|replies|reply)\s(?:on|to)\s\".*\"\s*"
    r"|\s*leave\sa\s(?:reply|comment)\s*"
)
# What each such heading holds, found by a plain search (its first letter may be either
# case): only the lines that hold one are read.
_COMMENTS_CUES: Final = (
    "hought on ", "houghts on ", "omment on ", "omments on ", "esponse to ",
    "esponses to ", "eplies to ", "eply to ", "eave a ",
)  # fmt: skip
_COMMENTS_AFTER_LINES: Final = 3  # a post's title and stamp come before any comments
_COMMENTS_HEAD_MOST: Final = 200


def _mark_comment_section(lines: list[Line], norm: str) -> None:
    """A blog's readers' comments, from their heading to the end, are furniture: what
    readers wrote under a post is no part of the text, and its "Ann Lee says:" lines
    and time stamps would read as turns and dates. Only the lines below the text's first
    few that hold a heading's words are read."""
    first: int | None = None
    starts: list[int] | None = None
    for cue in _COMMENTS_CUES:
        at = norm.find(cue)
        while at >= 0:
            if starts is None:
                starts = [line.start for line in lines]
            index = bisect.bisect_right(starts, at) - 1
            line = lines[index]
            if (
                index >= _COMMENTS_AFTER_LINES
                and (first is None or index < first)
                and line.kind == "text"
                and line.end - line.start <= _COMMENTS_HEAD_MOST
                and _COMMENTS_HEAD.fullmatch(lower(norm[line.start : line.end]))
            ):
                first = index
            at = norm.find(cue, line.end)
    if first is not None:
        for line in lines[first:]:
            if line.kind != "blank":
                line.kind = "furniture"


def _mark_link_blocks(lines: list[Line], link_bullets: list[int]) -> None:
    """A run of lines where link bullets dominate is a link list: all of it is furniture.
    Only the runs that hold a link bullet (link_bullets: their indices, in order) are
    looked at; marking makes no line blank, so the runs stay as they were."""
    bullets = set(link_bullets)
    done = 0  # the lines before this index are judged
    for at in link_bullets:
        if at < done:
            continue  # in the run just judged
        index = at
        while index > done and lines[index - 1].kind != "blank":
            index -= 1
        end = at
        while end < len(lines) and lines[end].kind != "blank":
            end += 1
        links = bisect.bisect_left(link_bullets, end) - bisect.bisect_left(link_bullets, index)
        if links >= 2 and links * 2 >= end - index:
            for i in range(index, end):
                short = lines[i].end - lines[i].start <= 80
                if i in bullets or short:
                    lines[i].kind = "furniture"
        done = end


def _mark_title_bar(lines: list[Line], norm: str) -> None:
    """A saved page opens with its title bar ("Headline - Site", "Site | Headline") and
    shows its parts again as lines of their own: the site's name (a masthead, or a
    book's running head) above, the headline nearer the text. When two parts stand
    again, the bar is a copy and every line of the parts above the last is the site's:
    all of them are furniture, and the headline's own line is kept."""
    bars: list[int] = []
    for index, line in enumerate(lines):
        if line.kind != "text":
            continue
        if len(bars) == _BAR_REACH:
            break
        bars.append(index)
    for bar in bars:
        text = norm[lines[bar].start : lines[bar].end].strip()
        if len(text) > _BAR_LENGTH or not any(mark in text for mark in _BAR_MARKS):
            continue
        parts = {part.strip() for part in _BAR_MARK.split(text) if part.strip()}
        if len(parts) < 2 or _dated_row(text):
            continue
        copies: dict[str, list[int]] = {}
        shortest = min(len(part) for part in parts)
        longest = max(len(part) for part in parts) + _BAR_SLACK
        for index in range(bar + 1, len(lines)):
            line = lines[index]
            if line.kind == "text" and shortest <= line.end - line.start <= longest:
                copy = norm[line.start : line.end].strip()
                if copy in parts:
                    copies.setdefault(copy, []).append(index)
        if len(copies) < 2:
            continue
        headline = max(copies, key=lambda part: copies[part][0])  # nearest the text
        lines[bar].kind = "furniture"
        for part, indices in copies.items():
            if part != headline:
                for index in indices:
                    lines[index].kind = "furniture"
        return


def _mark_running_heads(lines: list[Line], candidates: list[int], norm: str) -> None:
    """An excerpt of a book repeats the book's name with its year in brackets on each of
    its pages ("Harbour Guide (Port Books) (2016)"): such a line that stands twice or
    more is a running head, furniture and never an event of the book's year; a heading
    with a year that stands once is kept. candidates: the text lines (by index) short
    enough that end so, the cheap test classify_lines made as it read them."""
    heads: dict[str, list[int]] = {}
    for index in candidates:
        line = lines[index]
        if line.kind != "text":
            continue  # made furniture since: a link list's, a title bar's
        text = norm[line.start : line.end].strip()
        if text[-6:-5] == "(" and _RUNNING_HEAD.fullmatch(text):
            heads.setdefault(text, []).append(index)
    for indices in heads.values():
        if len(indices) >= 2:
            for index in indices:
                lines[index].kind = "furniture"
