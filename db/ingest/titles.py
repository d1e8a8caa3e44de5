"""The page's title: its real headline, never the furniture a saved page sets around it.

A saved page puts a site's name, menus, banners, captions, bylines and stamps above its
headline; _head_lines leaves out what can never be a headline, page_title picks the
headline among the rest and falls back, in order, on the first line that names the page,
the body's first sentence, a dated heading, then a timeline's span and people.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import islice, pairwise
from typing import Final

from db.ingest.clean import ends_sentence
from db.ingest.dates import WEEKDAY_WORD, DateHit
from db.ingest.events import trim
from db.ingest.lexicon import (
    MONTHS,
    ORGANISATION_NOUNS,
    ROLL_CALL_WORDS,
    SHARE_BAR_WORDS,
    TITLE_END_ABBREVIATIONS,
    WEEKDAYS,
    WHOLE_LINE_FURNITURE,
)
from db.ingest.people import Cast
from db.ingest.quotemarks import Unit
from db.ingest.quotes import Layout
from db.text import lower

DATELINE_MAX: Final = 80
# "Chicago (AFP) April 15, 2012 ...", "LONDON (Reuters) - March 3, 2015": a news agency's
# dateline near the start of a line, then the date.
AGENCY_DATELINE: Final = re.compile(r"\([A-Z][A-Za-z]{1,11}\)\s*(?:-{1,2}\s*)?")
DATE_LENGTH: Final = 40  # "Wednesday, September 30, 2015" and then some
_TITLE_REACH: Final = 16  # blocks from the top where a headline may stand
_TITLE_SCAN: Final = 64  # ... with a menu's items, which do not count
_MENU_ITEM: Final = 24
_TITLE_WORDS: Final = 3
# Data in a line: "Page:16", "Type:pdf" (a field's label glued to its value), an e-mail
# address, a telephone number ("202-358-1100", "(202) 358-1100"), a file's name, a link.
_DATA: Final = re.compile(
    r"[A-Za-z]:[a-z\d]|\w@\w|\d{3}[-. )]{1,2}\d{3}[-. ]\d{4}"
    r"|\S\.(?:pdf|docx?|jpe?g|png|gif|html?|txt)\b|https?://|www\.\w"
)
_DATA_LENGTH: Final = 100
# What a box beside the article holds, closing the box's heading (see _names_a_box).
_BOX_NAMES: Final = frozenset(
    "credits links contents menu navigation categories tags sections sitemap downloads".split()
)
_BOX_WORDS: Final = 6
# A release's dateline opening its text: "HOUSTON -- ", "LONDON (Reuters) - ", "ISLAMABAD
# – " (dashes are folded to "-" in the normalised text).
_PRESS_DATELINE: Final = re.compile(
    r"[A-Z][A-Z.'-]{1,20}(?: [A-Z][A-Z.'-]{1,20}){0,3}(?:, [A-Z][A-Za-z.]{1,20})?"
    r"(?: \([A-Za-z]{1,12}\))? ?-{1,2} "
)
# A standfirst (the summary under a headline) has at least this many words.
_STANDFIRST_WORDS: Final = 15
_DATED_HEADLINE_WORDS: Final = 12  # the phrase after the date of a page's heading
_LEDE_WORDS: Final = 6  # a first sentence shorter than this is no title of its own
_SET_HEADLINE_WORDS: Final = 4  # a headline that outranks longer lines below has these
_TITLE_BAR_MARKS: Final = frozenset(("-", "|", "\u2013", "\u2014", "\u00bb", "::"))
# A byline that gives the writer's job instead of "By": "Mara Quell, Harbour Reporter".
_BYLINE_ROLE: Final = re.compile(
    r"[A-Z][\w.'-]{0,30}(?: [A-Z][\w.'-]{0,30}){0,3}, (?:[A-Z][a-z]{1,20} ){0,2}"
    r"(?i:reporter|correspondent|editor|writer|columnist|contributor|photographer|producer)s?"
)
# Words set apart by runs of spaces or by tabs: a menu's or a table's
# row of cells ("Timeline   ACT   NSW", "Email this to a friend   View Comments").
_CELLS: Final = re.compile(r"\S(?: {3,40}|\t)\S")
# A line that opens with one of these cites where the text comes from.
_SOURCE_LABELS: Final = ("source:", "sources:", "credit:", "credits:", "citation:", "courtesy of")
_SOURCE_REACH: Final = 12
# A bare mark of a book's or a report's division: "PART ONE", "Chapter 4", "Section IV".
_DIVISION: Final = re.compile(
    r"(?i:part|chapter|section|book|volume|vol\.)\s(?:[IVXLC]{1,6}|\d{1,3}|(?i:one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve))\.?"
)
_DIVISION_LENGTH: Final = 24
_NAME_LENGTH: Final = 80  # no site's name or box heading is longer
_LAST_WORD: Final = 12  # longer than any word of _OPEN_ENDINGS, with spaces
_LINK_VERBS: Final = frozenset(("Read ", "View ", "Watch ", "Listen ", "Download ", "See "))
_LINK_RUN: Final = 3  # links in a row that make a line a list of links
_TRAIL_MARK: Final = re.compile(r" [-|\u00bb\u203a] ")
_TRAIL_LENGTH: Final = 200
_GLUED_FURNITURE_LINES: Final = 3  # caption or trail lines glued on top of a paragraph
_WRAP_WIDTH: Final = 100  # text wrapped at a width has no longer lines
_TITLE_GAP: Final = 40  # spaces at most between a wrapped headline's lines
# The last word of a line that goes on below, or was cut off: "Hearings of the", "Remarks
# in A", "Produced By" ("in", "on", "up" end phrasal verbs: "Weighs In", "Sets Up").
_OPEN_ENDINGS: Final = frozenset("a an the of and or & to for by with from at".split())
_BODY_WORDS: Final = 25
# A site's address without its scheme: "guardian.ng", "kettle-courier.co.uk".
# A site's name ("kettle.com", "news.bbc.co.uk"). It is tried only from the start of a run of
# letters, digits and dashes (its leading dashes skipped), so a long run ("1-1-1-...") is
# read once, not once from each of its characters.
_DOMAIN: Final = re.compile(r"(?<![a-z\d-])-*[a-z\d][a-z\d-]*\.(?:[a-z]{2,3}\.)?[a-z]{2,6}\b")
_WORD_MARKS: Final = " .,:;!?|()[]*-\u2022"  # around a button's word
_HASHY_NAME: Final = re.compile(r"^[\d_\-\s.]+|[_\-\s.]*[0-9a-f]{8,}$")
# A sentence ending inside a line, after a word: a headline is one phrase, so such a
# line is a caption with its credit ("... a police car. Supplied/Police") or a blurb.
_INNER_BREAK: Final = re.compile(r"[a-z]{3}[.!?][\"'\u2019\u201d]?\s+[A-Z]")
_CAPTION_MARKS: Final = (
    "image source", "image caption", "getty images", "(photo", "file photo", "photo:",
    "photograph:", "photo credit", "(l. to r.)", "(l to r)", "(l-r)", "(l.-r.)",
    "(left to right)", "left to right:", "(from left)", "from left:", "front row:",
    "back row:",
)  # fmt: skip
_CAPTION_LABELS: Final = frozenset(("image caption", "caption", "photo caption"))
# A picture's credit right after its caption's words ("... safety. Picture: PA"); "The
# big picture:" opening a headline is no credit.
_CREDIT_AFTER: Final = re.compile(r"\.?\s*(?:Picture|Photo|Photograph|Image|Credit)s?:\s")
# A kicker in capitals before a headline in mixed case: "INDUSTRIES: Business History ...".
_KICKER_LINE: Final = re.compile(
    r"^[ \t]*[A-Z]{3,}(?:\s[A-Z]{3,})?:[ \t]+(?P<headline>(?=[^\n]*[a-z])[^\n]+)$", re.MULTILINE
)
# Words of a label that says a date is the page's own ("Release date:", "Posted:").
_STAMP_LABELS: Final = (
    "publish", "post", "update", "date", "release", "issued", "filed", "modified",
    "created", "archive", "time", "as of", "last",
)  # fmt: skip
# What ends a paper's, a site's or a body's name (see _is_masthead), beside the nouns of
# organisations that names of people are checked against.
_MASTHEAD_NOUNS: Final = ORGANISATION_NOUNS | frozenset(
    """News Daily Press Times Mail Post Herald Gazette Journal Today Review Magazine Tribune
    Chronicle Telegraph Observer Courier Weekly Encyclopedia Online Blog Project Programme
    Program""".split()
)
_MASTHEAD_WORDS: Final = 7
_CLOSING_MARKS: Final = "\"'\u201d\u2019\u00bb"
_OPENING_MARKS: Final = "\"'\u201c\u2018\u00ab\u201e"
_ROLL_CALL_REACH: Final = len("Members in attendance")  # a roll call's label, at most
# What a title says it tells of a body, before "of" ("History of the Valley Railway", "A
# Timeline of Acme Airways"): a page about the body, not the body's own masthead.
_TOPIC_HEADS: Final = frozenset(
    """history histories story stories timeline chronology chronicle origins origin life
    lives rise fall birth death end days years decades century centuries making legacy
    memories tale tales""".split()
)
_NAME_JOINERS: Final = frozenset(("of", "the", "and", "for", "on", "&", "in", "at", "de"))
_TITLE_WORD: Final = re.compile(r"[^\W\d_]{2,}")
# What a button or link asks the reader to do, opening its line (see _is_control).
# (Lines the clean-up drops already, "read more", "sign up for", are not repeated here.)
_CONTROL_WORDS: Final = (
    "download ", "view ", "print ", "click ", "tap ", "subscribe ", "listen to ",
    "listen now", "watch now", "open in app", "read the ", 'read "', "read our ",
)  # fmt: skip
# A line in a block that opens with a verb of a link in lower case ("BBC News\nwatch
# One-Minute World News"): a link under a site's name, not a wrapped headline's end.
_CONTROL_LINE: Final = re.compile(
    r"(?:watch|listen|read|see|play|view|download|print|click|tap|subscribe|share)\s"
)
# A copyright line: its owner is the site, whose name a page also shows as a heading.
_COPYRIGHT: Final = re.compile(r"(?:[Cc]opyright|\u00a9)[^\n]{0,100}")
_OWNER_WORDS: Final = 5  # the longest site's name looked for in a copyright line
_NOTICE_WORDS: Final = 60
# Where a headline glued onto the text's first words ends (see _glued_on_text): at a year
# or a word run into the next capitalised word ("1998Mara", "EditorA publication"), or
# before the first of a flattened timeline's entries ("... Boats 1905: The quay opens").
_GLUED_WORD: Final = re.compile(r"(?<=\d{4})[A-Z][a-z]|(?<=[a-z]{3})[A-Z] [a-z]")
_ENTRY_HEAD: Final = re.compile(r" \d{3,4}: [A-Z\d]")
_GLUED_REACH: Final = 200  # a headline glued on stands in the paragraph's first words
_GLUED_ENTRIES: Final = 2
_REPEATED_WORDS: Final = 6
# A heading set twice on its line, marks between ("Harbour Quotes ••• Harbour Quotes").
_DOUBLED: Final = re.compile(
    r"(?P<once>[^\n]{3,100}?)\s{0,3}[\u2022\u00b7|\u00bb\u203a*:\-\u2013\u2014]{1,4}\s{0,3}(?P=once)"
)
_DOUBLED_LENGTH: Final = 210
# The words of a bare span of dates ("1st March to 3rd March 1901", "1901 to 1903"),
# besides month names: days, years, and what joins the two ends.
_SPAN_NUMBER: Final = re.compile(r"\d{1,4}(?:st|nd|rd|th)?")
_SPAN_JOINERS: Final = frozenset(("to", "until", "till", "through", "-", "from"))
_SPAN_LENGTH: Final = 60  # words of the paragraph below that a standfirst repeats
_NOTICE_PHRASES: Final = (
    "this website", "the website", "this site", "this page", "cookies", "javascript",
    "your browser", "no longer updated", "archived", "this article",
)  # fmt: skip


def page_title(layout: Layout, cast: Cast, name: str) -> str:
    """The headline: the longest headline-like line above the body, else the first line
    that is no stamp, else the body's first sentence, else a timeline title.

    A saved page puts a site name, a menu, a section, a banner, a caption or a byline
    around its headline; the headline is a line of a few words that is one phrase (no
    sentence, no caption with its credit), no stamp and not only a date, above the first
    paragraph of prose (_head_lines leaves the furniture out). A kicker in capitals
    before it ("INDUSTRIES: ...") is no part of it; a publisher's name is the site's
    unless the body is about it; a title bar ("Headline - Site") gives way to the
    headline it copies.
    """
    head, body = _head_lines(layout)
    reading = _HeadReading()
    for start, end, block in head:
        reading.read(layout, body, start, end, block)
    headline = reading.headline(layout.text)
    if headline is not None:
        return trim(headline, 200)
    if reading.first is not None:
        return trim(reading.first, 200)
    if body is not None:
        return _entries_heading(layout, body) or _lede(layout, body)
    if reading.prose is not None:
        return trim(reading.prose, 200)
    dated = _dated_headline(layout)
    if dated is not None:
        return trim(dated, 200)
    if any(s.date is not None for s in layout.sections):
        return _span_heading(layout.text, layout.norm) or _timeline_title(layout, cast, name)
    return _stem_title(name) or name


@dataclass
class _HeadReading:
    """What the lines above the body say, read top to bottom (see page_title)."""

    candidates: list[str] = field(default_factory=list)  # headline-like lines
    standfirsts: set[str] = field(default_factory=set)  # candidates that sum up another
    first: str | None = None  # the first line that may name the page
    prose: str | None = None  # a sentence that may name the page, with no body below
    above: str | None = None  # the headline-like line right above, if the last one was
    set_headline: str | None = None  # the first line set as a headline (_set_as_headline)
    under_masthead: bool = False  # the last line was the site's name: this may be its tagline

    def read(self, layout: Layout, body: Unit | None, start: int, end: int, block: str) -> None:
        if _is_masthead(block) and not _names(layout, body, block):
            self.under_masthead = True
            return  # "Hull Daily Mail", "American University of Beirut": the site
        if self.first is None and _may_be_named_by(layout, start, end, block):
            if not _ends_with_full_stop(block) or _set_as_title(block):
                self.first = " ".join(block.split())
            elif self.prose is None:  # "Comments are closed.": a body's lede names it better
                self.prose = " ".join(block.split())
        kicked = _KICKER_LINE.search(block) if ":" in block else None
        if kicked is not None:  # "INDUSTRIES: Business History of Retail" in a block
            start, end = start + kicked.start(), start + kicked.end()
            block = kicked.group("headline")
        if not _is_headline_like(layout, start, end, block):
            self.above = None
            return
        line = " ".join(block.split())
        if self.above is not None and _is_standfirst(line, self.above):
            self.standfirsts.add(line)  # "Fast and furious" above "Death toll rises to ..."
        elif self.set_headline is not None and _sums_up(line, self.set_headline):
            self.standfirsts.add(line)  # "Quay reopens to fishing boats" over its deck
        self.candidates.append(line)
        self.above = line
        if self.set_headline is None and not self.under_masthead and _set_as_headline(block):
            self.set_headline = line
        self.under_masthead = False

    def headline(self, text: str) -> str | None:
        """The longest candidate that is no standfirst and no title bar of another; one
        the page shows again as a line of its own outranks longer ones (see _repeated)."""
        if not self.candidates:
            return None
        kept = [c for c in self.candidates if c not in self.standfirsts]
        headlines = [c for c in kept if not any(_bars(c, other) for other in kept)]
        repeated = [c for c in headlines if _repeated(c, text)] if len(headlines) > 1 else []
        return max(repeated or headlines or kept, key=len)


def _repeated(line: str, text: str) -> bool:
    """The page shows the line twice or more as a line of its own: a headline is set
    again (the title bar's copy over the heading, a share box's or a video's name
    under the text), a deck or a subtitle under it is not."""
    if text.count(line) < 2:
        return False
    own = re.compile(rf"^[ \t]*{re.escape(line)}[ \t]*$", re.MULTILINE)
    return len(own.findall(text)) >= 2


def _span_heading(text: str, norm: str) -> str | None:
    """The page's first line when it is a bare span of dates over the dated entries
    ("1st March to 3rd March 1901", "March 1 - March 3, 1901", "1901 to 1903"): a
    diary's, a log's or a chronicle's page is headed by the span it covers. A single
    date is a stamp; a span is not, but is no headline-like line either."""
    start = len(norm) - len(norm.lstrip())
    end = norm.find("\n", start)
    end = end if end >= 0 else len(norm)
    line = norm[start:end].strip()
    if not line or len(line) > _SPAN_LENGTH:
        return None
    numbers = joiners = 0
    for word in line.replace(",", " ").replace(".", " ").split():
        lowered = lower(word)
        if _SPAN_NUMBER.fullmatch(lowered):
            numbers += 1
        elif lowered in _SPAN_JOINERS:
            joiners += lowered != "from"
        elif lowered not in MONTHS:
            return None
    if numbers < 2 or joiners != 1:
        return None
    return text[start:end].strip()


def _stem_title(name: str) -> str | None:
    stem = name.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    words = _HASHY_NAME.sub("", stem).replace("_", " ").replace("-", " ").strip()
    return words[:1].upper() + words[1:] if sum(c.isalpha() for c in words) >= 3 else None


def _timeline_title(layout: Layout, cast: Cast, name: str) -> str:
    dated = [s for s in layout.sections if s.date is not None and s.date.year is not None]
    years = sorted({s.date.year for s in dated if s.date and s.date.year})
    span = f"{years[0]}–{years[-1]}" if len(years) > 1 else (str(years[0]) if years else "")
    stem = _stem_title(name)
    if stem:
        return stem
    counts: Counter[str] = Counter()
    for people in cast.by_section().values():
        counts.update(people)
    leading = [p for p, n in counts.most_common(2) if n * 2 >= len(dated)]
    if leading:
        return f"Timeline {span}: {' and '.join(leading)}".strip()
    first = dated[0].heading if dated else None
    headline = layout.text[dated[0].headline_start : first.end] if first else name
    return trim(f"Timeline {span}: {headline}", 200)


def _entries_heading(layout: Layout, body: Unit) -> str | None:
    """The heading of a timeline's entries right under the page's opening paragraph
    ("Harbour Timeline" between a word of welcome and "1901 ..."): with no headline
    above, a short heading in title case over the first dated entry names the page."""
    units = layout.units
    index = body.index + 1
    if index + 1 >= len(units) or units[index + 1].block.section == 0:
        return None  # no dated entry right under the line
    unit = units[index]
    if unit.block.section != 0 or unit.block.kind not in ("paragraph", "label"):
        return None
    line = " ".join(layout.text[unit.start : unit.end].split())
    words = line.split()
    if not 0 < len(words) <= _BOX_WORDS or ends_sentence(line) or line.endswith(":"):
        return None
    capitalised = all(w[:1].isupper() or w in _NAME_JOINERS for w in words)
    return line if capitalised and words[0][:1].isupper() and _may_name(line) else None


def _dated_headline(layout: Layout) -> str | None:
    """The headline of a page that opens with a dated heading, above no paragraph: the
    date with the phrase after it or on the line right under it ("1914: Over by
    Christmas", "1914\nOver by Christmas"), as a chapter of a history or a year's or a
    month's page is headed, or a day's date alone over entries of that day (a day's
    log); a day's date with a phrase is the first entry of a timeline."""
    sections = layout.sections  # (above it, the caller found only furniture)
    if len(sections) < 2 or sections[1].heading is None:
        return None
    top, heading = sections[1], sections[1].heading
    phrase = layout.text[top.headline_start : heading.end].strip()
    title = layout.text[heading.start : heading.end].strip()
    if not phrase and top.blocks:
        block = top.blocks[0]
        gap = layout.text[heading.end : block.start]
        if gap.count("\n") == 1 and gap.isspace():  # the very next line
            phrase = layout.text[block.start : block.end].strip()
            title = f"{title} {phrase}"
    if not phrase:
        following = sections[2].date if len(sections) > 2 else None
        day = top.date is not None and top.date.precision == "day"
        return title if day and following == top.date and not top.blocks else None
    if top.date is None or top.date.precision == "day":
        return None  # "March 3, 1901: The quay opens": one day's entry of a timeline
    words = len(phrase.split())
    if not _TITLE_WORDS - 1 <= words <= _DATED_HEADLINE_WORDS or "\n" in phrase:
        return None
    if _ends_with_full_stop(phrase) or _opens_in_lower_case(phrase) or not _may_name(phrase):
        return None
    return title


def _ends_with_full_stop(line: str) -> bool:
    """The line ends with a full stop that closes a sentence (inside a closing quotation
    mark or not, unless the line is a quote alone), not one that closes an abbreviation
    ("Timeline 18th c.", "Harbour Boats Inc."): a headline has none."""
    stripped = line.rstrip()
    if stripped[:1] not in _OPENING_MARKS:  # a quote alone may be a headline, stop and all
        stripped = stripped.rstrip(_CLOSING_MARKS)  # 'Lee: "It will run by spring."'
    if not stripped.endswith("."):
        return False
    last = stripped[-_LAST_WORD:].rsplit(None, 1)[-1]
    return lower(last.rstrip(".")) not in TITLE_END_ABBREVIATIONS


def _may_be_named_by(layout: Layout, start: int, end: int, block: str) -> bool:
    """The line may name a page that has no headline: no stamp, no row of a table, no
    link and no bar of buttons (see _may_name)."""
    return not _is_stamp(layout, start, end, block) and _may_name(block)


def _set_as_title(block: str) -> bool:
    """A line that closes with a full stop is still a title when it is set as one: in
    capitals or title case, half its words capitalised at least ("CHURCH RECORDS.",
    "The History of our Harbour.", "Mara Quell, famed Harbour Pilot, dies."), or closing
    on two dots or more ("Fishers hail their greats.."), one phrase; a sentence in
    sentence case is a notice or a caption ("Please enable JavaScript to comment.")."""
    line = " ".join(block.split())
    if _INNER_BREAK.search(line):
        return False
    if line.endswith(".."):
        return True
    words = [w for w in line.split() if w not in _NAME_JOINERS]
    capitals = sum(1 for w in words if w[:1].isupper() or w[:1].isdecimal())
    return capitals * 2 >= len(words)


def _may_name(block: str) -> bool:
    """The line may name the page when no line reads as a headline: no row of a table
    ("Date |", "| Year | Event |", "Part 1 | Part 2 | Part 3 |") and no link to a site
    ("To harbour.example", "Share on kettle.com"), no bar of share buttons ("Share on
    Facebook", "Facebook Twitter Email"), which a page's furniture is made of."""
    line = block.strip()
    if "|" in line and (line.startswith("|") or line.endswith("|") or line.count("|") > 2):
        return False
    words = [lower(word).strip(_WORD_MARKS) for word in line.split()]
    if all(not word or word.isdecimal() or word in SHARE_BAR_WORDS for word in words):
        return False  # "Share on Facebook", "Facebook Twitter Email", "5 min read"
    return len(words) >= _TITLE_WORDS or _DOMAIN.search(line) is None


def _is_standfirst(line: str, headline: str) -> bool:
    """The line is the standfirst under a headline: a summary in prose, in sentence
    case and twice as long as the headline right above it at least ("Fast and furious" above
    "Death toll rises to nine as communities survey the damage from ..."). A page sets
    its headline first and short, and the sentence that sums the story up below it."""
    words = line.split()
    if len(words) < _STANDFIRST_WORDS or len(words) < len(headline.split()) * 2:
        return False
    capitals = sum(1 for word in words[1:] if word[:1].isupper())
    return capitals * 2 < len(words) - 1


def _set_as_headline(block: str) -> bool:
    """A line set as a page's headline, to which the longer lines under it are subject:
    one line of four words at least, three of them words of letters ("Quay reopens to
    boats"; "Page 1 of 3" is a pager), not in capitals (a banner, a kicker or a site's
    name) and holding no data (a contact's telephone number or e-mail address)."""
    if "\n" in block.strip() or block.isupper() or _DATA.search(block) is not None:
        return False
    words = [lower(word).strip(_WORD_MARKS) for word in block.split()]
    lettered = [w for w in words if w not in _NAME_JOINERS and any(c.isalpha() for c in w)]
    return len(words) >= _SET_HEADLINE_WORDS and len(lettered) >= _SET_HEADLINE_WORDS - 1


def _sums_up(line: str, headline: str) -> bool:
    """The line, under the page's headline, is half as long again at least: what a page
    sets under its headline to say more (a deck or a standfirst, a picture's caption, a
    note on the writer), in whatever case. A page sets its headline first and short, so
    a longer line below does not outrank it ("Quay reopens to boats" over "Fishers
    cheer as the council ends its long row over the wall")."""
    return len(line.split()) * 2 >= len(headline.split()) * 3


def _bars(line: str, headline: str) -> bool:
    """The line is the page's title bar: the headline with the site's name after or
    before it and a separator ("Quay stays open - Kettle Courier", "Kettle Courier |
    Quay stays open"), copied above the headline itself."""
    if line == headline or len(headline) < _TITLE_WORDS:
        return False
    if line.startswith(headline):
        mark = line[len(headline) :].split(None, 1)[0]
        return line[len(headline) : len(headline) + 1] == " " and mark in _TITLE_BAR_MARKS
    if line.endswith(headline):
        mark = line[: -len(headline)].rsplit(None, 1)[-1]
        return line[-len(headline) - 1] == " " and mark in _TITLE_BAR_MARKS
    return False


def _is_masthead(block: str) -> bool:
    """A line that is a publisher's or an institution's name: a few capitalised words
    ending with what names a paper, a site or a body ("Hull Daily Mail", "BBC News",
    "Oral History Project") or built on one ("Office of the Press Secretary",
    "American University of Beirut")."""
    if len(block) > _NAME_LENGTH:
        return False
    words = block.split()
    if len(words) > _MASTHEAD_WORDS or not all(
        w[:1].isupper() or w in _NAME_JOINERS for w in words
    ):
        return False
    bare = [w.strip(".,:;'\u2019") for w in words]
    head = bare[1:] if bare[0] in ("A", "The") else bare
    if len(head) > 1 and head[1] == "of" and lower(head[0]) in _TOPIC_HEADS:
        return False  # "History of the Valley Railway", "A Timeline of Acme Airways": a title
    return bare[-1] in _MASTHEAD_NOUNS or any(
        word in _MASTHEAD_NOUNS and after in ("of", "for") for word, after in pairwise(bare)
    )


def _names(layout: Layout, body: Unit | None, block: str) -> bool:
    """The body's first paragraph names what the line says: the page is about it (an
    encyclopedia's "Harbour Museum" above "The Harbour Museum is ..."), not on its site."""
    if body is None:
        return False
    return lower(" ".join(block.split())) in lower(
        " ".join(layout.text[body.start : body.end].split())
    )


def _lede(layout: Layout, body: Unit) -> str:
    """The title of a text with no headline: the first sentence of its body, without
    the dateline, the agency's line or the date that opens it ("ISLAMABAD - ", "Chicago
    (AFP) April 15, 2012 ", "Thursday, October 30, 2008 "). The text's own words say
    what it is about, as a news lede sums up its story, and every text has them; a
    file's name may be "article.txt". A first sentence too short to tell texts apart
    ("Yes.") gives way to the paragraph."""
    start, end = body.start, body.end
    spans = layout.sentences[body.index]
    after = _past_furniture_lines(layout.text, start, end)
    if after > start:  # a caption or a trail of links on the paragraph's first lines
        spans = [(max(s, after), e) for s, e in spans if e > after]
        start = after
    glued = _glued_on_text(layout, body, start)
    if glued is not None:
        return trim(glued, 200)
    if spans and len(layout.norm[spans[0][0] : spans[0][1]].split()) >= _LEDE_WORDS:
        start, end = spans[0]
    opening = _PRESS_DATELINE.match(layout.norm, start, min(end, start + DATELINE_MAX))
    agency = AGENCY_DATELINE.search(layout.norm, start, min(end, start + DATELINE_MAX))
    if opening is not None:
        start = opening.end()
    elif agency is not None:
        start = agency.end()
    dated = layout.dates.dates_in(start, start + DATE_LENGTH)
    if dated and _opens_with_stamp(layout.norm, start, dated[0], end):
        start = dated[0].end
    return trim(layout.text[start:end].lstrip(" ,:-\u2013\u2014"), 200)


def _glued_on_text(layout: Layout, body: Unit, start: int) -> str | None:
    """A headline that a saved page glued onto the text's first words when it lost a
    line break: run into the standfirst that stands again as the paragraph below, into
    the next line's first word with no space ("Annual Notes, 1998Mara Quell"), or onto
    the first of a timeline's entries flattened into one paragraph ("Timeline of the
    Quay 1905: The quay opens ... 1921: ..."). The words before are the headline when
    they are a phrase of three words or more."""
    text = layout.text
    reach = min(body.end, start + _GLUED_REACH)
    cuts: list[int] = []
    word = _GLUED_WORD.search(text, start, reach)
    if word is not None:
        cuts.append(word.start())
    found = _ENTRY_HEAD.finditer(text, start, body.end)
    entries = [m.start() for m in islice(found, _GLUED_ENTRIES)]
    if len(entries) == _GLUED_ENTRIES and entries[0] < reach:
        cuts.append(entries[0])
    below = layout.units[body.index + 1] if body.index + 1 < len(layout.units) else None
    if below is not None and below.block.kind == "paragraph":
        opening = text[below.start : below.end].split(None, _REPEATED_WORDS)[:_REPEATED_WORDS]
        if len(opening) == _REPEATED_WORDS:
            at = text.find(" ".join(opening), start + 1, reach)
            if at > start:
                cuts.append(at)
    for cut in sorted(cuts):
        head = " ".join(text[start:cut].split())
        if len(head.split()) >= _TITLE_WORDS and head[:1].isupper() and not ends_sentence(head):
            return head
    return None


def _past_furniture_lines(text: str, start: int, end: int) -> int:
    """Where a paragraph's text starts after its first lines that are a picture's caption
    ("Harbour Trust members (L. to R.) front row: ...") or a trail of links ("Home >
    Harbour > Boats"), which a saved page glues on top of the article's first words."""
    for _ in range(_GLUED_FURNITURE_LINES):
        cut = text.find("\n", start, end)
        if cut < 0:
            return start
        line = text[start:cut]
        if not (_is_caption(line) or _is_breadcrumb(line)):
            return start
        start = cut + 1
    return start


def _is_caption(line: str) -> bool:
    """A picture's caption or credit: it says what the picture shows, and where."""
    lowered = lower(line)
    return any(mark in lowered for mark in _CAPTION_MARKS)


def _credited_elsewhere(text: str, line: str, after: int) -> bool:
    """The line is set again below (after), as a line's opening with a picture's credit
    after it ("Millions were told to leave" / ... / "Millions were told to leave.
    Picture: PA"): a caption, whose picture the page shows twice."""
    at = text.find(line, after)
    while at >= 0:
        end = text.find("\n", at)
        rest = text[at + len(line) : end if end >= 0 else len(text)]
        if _CREDIT_AFTER.match(rest) or _is_caption(rest):
            return True
        at = text.find(line, at + 1)
    return False


def _is_roll_call(lowered: str) -> bool:
    """A minutes' line of who attended ("present: ...", "apologies: ..."; lower case):
    its label before the colon ends with a roll call's word."""
    colon = lowered.find(":")
    label = lowered[:colon].split() if 0 < colon <= _ROLL_CALL_REACH else []
    return bool(label) and label[-1] in ROLL_CALL_WORDS


def _is_breadcrumb(line: str) -> bool:
    """A trail of links to the page ("USA > Harbour County > Boats"): words set apart
    by at least two ">" marks, which prose never writes, or by slashes after the site's
    home ("Home / Timelines / Newspaper")."""
    return (
        line.count(" > ") >= _LINK_RUN - 1
        or line.count(" \u203a ") >= _LINK_RUN - 1
        or (line.startswith("Home ") and line.count(" / ") >= _LINK_RUN - 1)
    )


def _opens_with_stamp(norm: str, start: int, hit: DateHit, end: int) -> bool:
    """The date opens the paragraph as a stamp, after a weekday at most, and a sentence
    of its own starts after it ("Thursday, October 30, 2008 Actor David Tennant ..."),
    unlike a date that is part of the sentence ("On April 24, 1863, the State ...")."""
    before = lower(norm[start : hit.start]).strip(" ,")
    after = norm[hit.end : end].lstrip(" ,:-")
    return (not before or before in WEEKDAYS) and after[:1].isupper()


def _head_lines(layout: Layout) -> tuple[list[tuple[int, int, str]], Unit | None]:
    """The lines above the body that may be the headline, as (start, end, text), and the
    first paragraph of the body (None when the top of the page holds none).

    Page furniture that can never be a headline is left out here: banners, the site's
    name its copyright line gives, notices, buttons, the caption below an "Image
    caption" line, lines that open in lower case, and a line above repeated as a
    picture's caption.
    """
    lines: list[tuple[int, int, str]] = []
    caption_next = False
    owners = _copyright_lines(layout.norm)
    units = layout.units[:_TITLE_SCAN]
    index = reach = 0
    while index < len(units) and reach < _TITLE_REACH:
        unit = units[index]
        index += 1
        if unit.block.section != 0:
            break
        if unit.block.kind != "label" or unit.end - unit.start > _MENU_ITEM:
            reach += 1  # a menu's items, short labels one a line, take no reach
        if unit.block.kind not in ("paragraph", "label"):
            caption_next = False
            continue
        block = layout.text[unit.start : unit.end]
        if lower(block.strip().rstrip(".")) in MONTHS:
            continue  # "20" / "April": a post's date badge, split over its lines
        if _is_promotion(block):
            continue  # "... our Best Of Event! Grab your tickets now!": a banner
        start = unit.start
        if block[:1] in "SsCc" and lower(block[:_SOURCE_REACH]).startswith(_SOURCE_LABELS):
            if "\n" not in block.rstrip():
                continue  # "Source: Andreas, A. T. Historical atlas ...": a citation
            start += block.index("\n") + 1  # the lines under it: the text's own
            block = layout.text[start : unit.end]
        after = _past_furniture_lines(layout.text, start, unit.end)
        if after > start:  # "Home > Harbour > Boats" or a caption glued on top of lines
            start, block = after, layout.text[after : unit.end]
        if _is_trail(block) or _is_breadcrumb(block):
            continue  # "Press Review Directory - Previous Article - Next Article": links
        if _is_link_run(block):
            continue  # "Read the Convention ... Read the Treaty ... Read ...": links run on
        if owners and _is_owner(block, owners):
            continue  # "Daily Press" above, "Copyright © 2018, Daily Press" below: the site
        if _is_body(block):
            if _is_notice(block):
                continue  # "This is historical material ... The website is no longer ..."
            glued = _glued_headline(layout, unit)
            return ([*lines, glued] if glued else lines), unit
        if caption_next:  # the words under an "Image caption" line
            caption_next = False
            continue
        if _is_control(block):
            continue  # 'Download "..."', "View blog reactions": a button, not a headline
        end = unit.end
        last_line = block.rstrip().rsplit("\n", 1)
        if lower(last_line[-1]).strip(" ,:") in _CAPTION_LABELS:
            caption_next = True  # "Image caption," ends this block: the next is a caption
            if len(last_line) == 1:
                continue
            block = last_line[0]
            end = start + len(block)
        if "\n" not in block.strip() and _is_caption(block):
            continue  # "Harbour Trust members (L. to R.): ...": a picture's caption
        while "\n" in block and _CONTROL_LINE.match(block, block.rindex("\n") + 1):
            block = block[: block.rindex("\n")]  # "BBC News\nwatch One-Minute World News"
            end = start + len(block)
        name, _, below = block.partition("\n")
        if below and _opens_in_lower_case(below.lstrip()) and _is_masthead(name):
            block = name  # "Quell's Harbour Blog\nnotes from the old quay": a tagline below
            end = start + len(block)
        joined = 0
        while index < len(units) and _goes_on_in(layout, end, units[index], joined):
            end = units[index].end  # "Hearings of the\nSubcommittee on ...": one headline
            block = layout.text[start:end]
            index += 1
            joined += 1
        if _is_unfinished(block):
            continue  # "Remarks in A", "Produced By": cut off, or a field's label
        if len(block) < _DIVISION_LENGTH and _DIVISION.fullmatch(block.strip()):
            continue  # "PART ONE", "Chapter 4": where a book's part starts, not its name
        if ("   " in block or "\t" in block) and _CELLS.search(layout.text, start, end):
            continue  # "Timeline   ACT   NSW   NT": a row of links or of a table's cells
        if "," in block and _BYLINE_ROLE.fullmatch(" ".join(block.split())):
            continue  # "Amanda Hernandez, Reporter": a byline without its "By"
        if _names_a_box(block):
            continue  # "Wikinews Audio Briefs Credits", "Business History Links": a box
        if _is_data(block):
            continue  # "File Type:pdf, Size:1020Kb", "202-358-1100 jbuck@nasa.gov"
        if _opens_in_lower_case(block):
            continue  # "from Wikipedia, the free encyclopedia": a tagline, not a headline
        if _echoes(block, lines):
            continue  # "Arne Nordheim" above, "Arne Nordheim (1968)": a portrait's caption
        once = _set_twice(block)
        if once is not None:  # "Harbour Quotes ••• Harbour Quotes": the name and the heading
            block, end = once, start + len(once)
        lines.append((start, end, block))
    return lines, None


def _set_twice(block: str) -> str | None:
    """The words of a line that sets them twice with marks between ("Harbour Quotes •••
    Harbour Quotes", "Quay Notes | Quay Notes"): a saved page joined the page's name
    and its heading, which are the same; once is the headline."""
    line = block.strip()
    if len(line) > _DOUBLED_LENGTH or "\n" in line or line.count(line[:4]) < 2:
        return None
    found = _DOUBLED.fullmatch(line)
    return found.group("once").strip() if found is not None else None


def _glued_headline(layout: Layout, unit: Unit) -> tuple[int, int, str] | None:
    """The first line of the body's first paragraph when it is a headline with no blank
    line under it: a line in capitals, one above a dateline ("HOUSTON -- During ..."),
    as a press release sets its headline right on top of its text, or one above a line
    longer than any width text is wrapped at (a line break there was the writer's)."""
    text = layout.text
    cut = text.find("\n", unit.start, unit.end)
    if cut < 0:
        return None
    line = text[unit.start : cut].rstrip()
    if len(line.split()) < _TITLE_WORDS or _opens_in_lower_case(line) or _is_data(line):
        return None
    below = layout.norm[cut + 1 : cut + 1 + DATELINE_MAX].lstrip()
    next_end = text.find("\n", cut + 1, unit.end)
    unwrapped = (next_end if next_end >= 0 else unit.end) - cut > _WRAP_WIDTH
    if not (line.isupper() or unwrapped or _PRESS_DATELINE.match(below)):
        return None
    end = unit.start + len(line)
    return (unit.start, end, line) if _is_headline_like(layout, unit.start, end, line) else None


def _is_trail(block: str) -> bool:
    """A line of links set apart by separators, one of them a page's navigation ("News
    Review Directory - Previous Article - Next Article", "Home | Harbour | Boats")."""
    if len(block) > _TRAIL_LENGTH or (" - " not in block and " | " not in block):
        return False
    parts = _TRAIL_MARK.split(block)
    return len(parts) >= _LINK_RUN and any(
        lower(part).strip() in WHOLE_LINE_FURNITURE for part in parts
    )


def _is_link_run(block: str) -> bool:
    """Links run together in one line, each opening with the verb of a link ("Read the
    Convention on ... (1950) Read the Treaty of ... Read ..."): a list of links, however
    long, which a saved page flattened into one paragraph."""
    verb = block[: block.find(" ") + 1]
    return verb in _LINK_VERBS and block.count(f" {verb}") >= _LINK_RUN - 1


def _is_unfinished(block: str) -> bool:
    """A line that ends with an article, a preposition or a conjunction ("Hearings of
    the", "Remarks in A", "Produced By"): the words go on below, or were cut off."""
    words = block[-_LAST_WORD:].rsplit(None, 1)
    return bool(words) and lower(words[-1]) in _OPEN_ENDINGS


def _goes_on_in(layout: Layout, end: int, unit: Unit, joined: int) -> bool:
    """The unit is the next line of a headline wrapped over lines: on the very next line
    under one that is unfinished (or, once a line is joined, opening in lower case)."""
    text = layout.text
    if unit.start - end > _TITLE_GAP or unit.end - unit.start > _WRAP_WIDTH:
        return False  # a blank line or more between, or a paragraph of prose below
    if unit.block.section != 0 or unit.block.kind not in ("paragraph", "label"):
        return False
    if not _is_unfinished(text[max(0, end - 20) : end]) and not (
        joined > 0 and _opens_in_lower_case(text[unit.start : unit.start + 2])
    ):
        return False
    gap = text[end : unit.start]
    line = text[unit.start : unit.end]
    # prose, or a button under a box of fields ("Listen To This Brief"), is no headline's
    return gap.count("\n") == 1 and gap.isspace() and not _is_body(line) and not _is_control(line)


def _names_a_box(block: str) -> bool:
    """A short line that ends with what a box of a page holds ("Audio Briefs Credits",
    "Harbour History Links", "Guide Contents"): the box's heading, not the article's."""
    if len(block) > _NAME_LENGTH:
        return False
    words = block.split()
    return len(words) <= _BOX_WORDS and lower(words[-1]).strip(" :") in _BOX_NAMES


def _is_data(block: str) -> bool:
    """A short line of data, not words: a file's fields written "Label:value" with no
    space ("Total Page:16", "File Type:pdf"), a telephone number, an e-mail address or
    a file's name ("Page:Harbour notes (1953).pdf/12");
    a headline that has a colon puts a space after it ("Timeline: the harbour wall")."""
    return len(block) <= _DATA_LENGTH and _DATA.search(block) is not None


def _opens_in_lower_case(block: str) -> bool:
    """A line that opens with a word in lower case ("from Wikipedia, the free
    encyclopedia", "filed under ..."): a tagline, a byline or a link's words, since a
    headline opens with a capital; "eBay ...", "iPhone ..." open with a name."""
    opening = block.lstrip()[:2]
    return opening[:1].islower() and not opening[1:2].isupper()


def _echoes(block: str, lines: list[tuple[int, int, str]]) -> bool:
    """A line that repeats a line above it with a note in brackets ("Arne Nordheim"
    above, "Arne Nordheim (1968)"): the caption of a picture of what the line names."""
    if not block.rstrip().endswith(")") or "(" not in block:
        return False
    words = " ".join(block.split())
    named = words[: words.rindex("(")].rstrip()
    return any(" ".join(line.split()) == named for _, _, line in lines)


def _is_control(block: str) -> bool:
    """A page's control: a line that opens with what a button or link asks the reader to
    do ('Download "Annual Report"', "View comments", "Print this page"), or a note in
    square brackets that stands for something missing ("[an error occurred while
    processing this directive]", "[Advertisement]")."""
    stripped = block.strip()
    if stripped.startswith("[") and stripped.endswith("]") and "\n" not in stripped:
        return True
    return lower(stripped).startswith(_CONTROL_WORDS)


def _copyright_lines(norm: str) -> list[str]:
    """The page's copyright lines, in lower case ("copyright © 2018, daily press")."""
    if "\u00a9" not in norm and "opyright" not in norm:
        return []
    return [lower(m.group(0)) for m in _COPYRIGHT.finditer(norm)]


def _is_owner(block: str, owners: list[str]) -> bool:
    """A short line that a copyright line names: the site's or the owner's name."""
    words = " ".join(block.split())
    if len(words.split()) > _OWNER_WORDS:
        return False
    name = lower(words)
    return any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", line) for line in owners)


def _is_promotion(block: str) -> bool:
    """A banner that calls the reader in ("... our Best Of Event! Grab your tickets
    now!"): two sentences or more in one short line, the last ending with an exclamation
    mark; a headline is one phrase, and prose does not shout."""
    line = block.rstrip()
    if not line.endswith("!") or "\n" in line or len(line.split()) > _BODY_WORDS:
        return False
    return _INNER_BREAK.search(line) is not None


def _is_body(line: str) -> bool:
    """A paragraph of prose: many words, or a finished sentence of a dozen."""
    words = len(line.split())
    return words >= _BODY_WORDS or (words >= 12 and ends_sentence(line))


def _is_notice(block: str) -> bool:
    """A short notice about the page itself above the article (an archive banner, a
    cookie or browser notice): it speaks of the site, the page or the reader's browser."""
    if len(block.split()) > _NOTICE_WORDS:
        return False
    lowered = lower(block)
    return any(word in lowered for word in _NOTICE_PHRASES)


def _is_stamp(layout: Layout, start: int, end: int, line: str) -> bool:
    """A line that is a date and little else: "January 26, 2024 07:18 pm | Updated ...",
    "Houston, TX - 19 April 2013", "Archives July 2020"."""
    hits = layout.dates.dates_in(start, end)
    if not hits:
        return False
    if "|" in line:
        return True
    if _labels_a_date(layout.norm[start : hits[0].start]):
        return False  # "News briefs: April 14, 2010": a day's page, titled by its date
    before = layout.norm[start : hits[0].start]
    if _OF_WEEKDAY.search(before):
        return True  # "Soccer News of Tuesday, 5 February 2008": a section's day stamp
    rest = before + layout.norm[hits[-1].end : end]
    return len(_TITLE_WORD.findall(rest)) < _TITLE_WORDS or hits[0].start - start < 3


# A section's name and "of" a weekday right before a date: "General News of Saturday,".
_OF_WEEKDAY: Final = re.compile(rf"\sof\s{WEEKDAY_WORD},?\s*\Z")


def _labels_a_date(before: str) -> bool:
    """The words before a line's date name what is dated, with a colon ("News briefs:
    April 14, 2010", "Council minutes: 4 June 2018"): a title of a day's page or issue,
    unless they say the date is the page's own ("Posted:", "Release date:")."""
    label = before.rstrip()
    if not label.endswith(":") or not label[:1].isupper():
        return False
    lowered = lower(label)
    return not any(word in lowered for word in _STAMP_LABELS) and bool(_TITLE_WORD.search(label))


def _is_headline_like(layout: Layout, start: int, end: int, line: str) -> bool:
    words = len(line.replace("-", " ").split())
    if not _TITLE_WORDS <= words <= _BODY_WORDS or "|" in line or _is_breadcrumb(line):
        return False
    if not _may_name(line):
        return False  # "To kettle-courier.co.uk": a link to a site, its words hyphenated
    lowered = lower(line)
    if _ends_with_full_stop(line) or lowered.startswith(("by ", "photo", "image")):
        return False
    if line.endswith((",", ";")):
        return False  # "We played the perfect game, especially in defence,": it goes on
    if _is_roll_call(lowered):
        return False  # "Present: Cllr Ann Lee (Chair), Cllr Tom Reed": who attended
    if _INNER_BREAK.search(line) or _is_caption(line):
        return False  # two sentences, or a caption and its credit
    if _credited_elsewhere(layout.text, line, end):
        return False  # a picture's caption, set again with its credit below
    hits = layout.dates.dates_in(start, end)
    if hits and layout.norm[hits[-1].end : end].strip(" .,;:)"):
        return False  # a date in a headline closes it ("... Chicago, IL, 1/10/2017")
    return not _is_stamp(layout, start, end, line)
