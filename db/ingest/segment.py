"""Splitting cleaned lines into sections, blocks and sentences, all as original offsets."""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final, Literal

from db.ingest.clean import BULLET_MARKS, Line
from db.ingest.dates import (
    LIKELY_YEAR,
    MONTH,
    NAMED_DAY_WORDS,
    SHORT_YEAR_CIRCA,
    DateIndex,
    LineDate,
    line_date,
    make_date,
    make_year,
    nearest_to,
    numeric_order,
    opens_run_in,
    short_year_line,
    within_year,
)
from db.ingest.lexicon import (
    DAY_ORDINALS,
    HONORIFICS,
    MONTHS,
    PARTS_OF_YEAR,
    SPEECH_VERBS,
    STAMP_PREFIXES,
    TITLE_OFFICES,
    WEEKDAYS,
)
from db.records import PartialDate
from db.text import lower

BlockKind = Literal["heading", "paragraph", "caption", "bullet", "label"]

# A saved page's head: a bare date among its first lines (past a site name, contacts,
# a section) is the document's own date; pipeline looks this far for its date too.
HEAD_LINES: Final = 15
_MONTH_WORD: Final = re.compile(rf"\b{MONTH}\b")
# A dated line whose words open so is the page's stamp ("11.01.2014 - Update: ..."), no
# entry: "update" as well as the stamp words that make a whole line furniture.
_STAMP_WORDS: Final = ("update", *STAMP_PREFIXES)
# A time of day alone after a date near the top: the page's stamp, no entry's words.
_STAMP_TIME: Final = re.compile(
    r"\s*(?:[|,-]\s*)?(?:at\s)?\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
    r"(?:\s?[A-Z]{2,4})?\s*"
)
_POSITION_MARK: Final = re.compile(
    r"\((?:left|right|center|centre|top|bottom|front|rear|L|R|C|"
    r"(?:second|third) from (?:left|right))\)|, (?:left|right),"
)
_DATED_CAPTION_END: Final = re.compile(
    rf",\s(?:on\s)?(?:{MONTH}\.?\s\d{{1,2}},?\s\d{{4}}|\d{{1,2}}\s{MONTH}\s\d{{4}})"
    r"(?:,\s(?:in\s)?[A-Z][\w .,'-]{0,60})?\.?\s*$"
)
# A short line of capitalised words, a "&" between them or not ("Arts & Culture").
_LABEL: Final = re.compile(r"(?:[A-Z][\w'.-]*\s?(?:&\s)?){1,4}")
# A run of ".", "!" or "?" (not begun after another one), a closing bracket or a footnote
# mark ("restored.* This", "ruled.† It") at most, then space and a capital or digit.
# The pattern opens with the mark itself and checks the character before it by lookbehind:
# a pattern opening with a lookbehind would be tried at every character of the text.
_SENTENCE_END: Final = re.compile(
    r"[.!?](?<![.!?].)[.!?]*+[)\]*\u2020\u2021]{0,2}\s+(?=[\"'(\[]?[A-Z0-9])"
)
# An ellipsis ends a sentence too before a capital ("designers such as Raymond [\u2026]\nNew
# London police ..."); a pattern of its own, opening with the character, looked for
# only in text that holds one, so the two above keep their plain first character.
_MATCH_AT: Final = operator.methodcaller("start")
_LINE_START: Final = operator.attrgetter("start")
_ELLIPSIS_END: Final = re.compile(
    r"\u2026(?<!\u2026\u2026)\u2026*+[)\]*\u2020\u2021]{0,2}\s+(?=[\"'(\[]?[A-Z0-9])"
)
# A quotation that ends its sentence: the stop inside its closing mark, then a capital
# (`Kell said: "We had no choice." The quay ...`); see _quote_ends.
_NEXT_SENTENCE: Final = re.compile(r"\s+(?=[\"'(\[]?[A-Z0-9])")  # after a closing mark
_STOPS: Final = frozenset(".!?")
_ATTRIBUTION_WORDS: Final = 6  # "Mission commander Scott Altman later said"
_ATTRIBUTION_WORDS_REACH: Final = 80
# _SENTENCE_END where the text holds no "!" or "?": it opens with the plain "." that the
# regex engine finds by a simple character search, instead of testing each character.
_FULL_STOP_END: Final = re.compile(
    r"\.(?<![.!?].)\.*+[)\]*\u2020\u2021]{0,2}\s+(?=[\"'(\[]?[A-Z0-9])"
)
# The word before a full stop, r"([A-Za-z.]+)$", is what rstrip of these characters leaves.
_WORD_BEFORE_CHARS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz."
_ABBREVIATIONS: Final = frozenset(
    "mr mrs ms dr jr sr st gen sen rep gov lt col capt prof vs no mt ft inc corp co ltd"
    " hon jan feb mar apr jun jul aug sep sept oct nov dec"
    " b d c ca fl".split()  # a life's marks: "b. 1911, d. 1980", "c. 1200", "fl. 1350"
) | {lower(title) for title in (*HONORIFICS, *TITLE_OFFICES)}  # "Rev. Ann Lee", "Supt. Ng"
_OPENING_BULLET: Final = re.compile(r"\s*[*-]\s")
# What a dated line can open with besides a digit: a bullet, or a month's or a
# weekday's first three letters (every month and weekday name is at least that long).
_HEAD_OPENINGS: Final = frozenset(
    [
        *(f(word[:3]) for word in (*MONTHS, *WEEKDAYS) for f in (str.capitalize, str.upper)),
        *("c. ", "c.1", "cir", "ca.", "AD ", "A.D"),  # "c. 1200", "circa", "AD 79"
        *("Cir", "Ca.", "c.A"),  # "Circa 1200", "Ca. 1350", "c.AD60"
        *(f"AD{digit}" for digit in "123456789"),  # "AD43": the era glued to its year
        # a part of the year before it: "Spring 1901", "Mid-1901"
        *(f(word[:3]) for word in PARTS_OF_YEAR for f in (str.capitalize, str.lower)),
        # a named day: "Christmas Eve 1914", "Good Friday 1918", "Orthodox Easter ..."
        *(word[:3] for word in NAMED_DAY_WORDS),
        "Ort",
    ]
)
_HEAD_INITIALS: Final = frozenset(opening[0] for opening in _HEAD_OPENINGS)
# What a day in words opens with, after "the": "The twentieth of July 1969:", "The
# Fourth of July 1914:".
_DAY_WORD_OPENINGS: Final = frozenset(f(w[:3]) for w in DAY_ORDINALS for f in (str, str.title))
_OPENING_REACH: Final = 12  # leading spaces and the first three characters of a line
_HEAD_MARKS: Final = ("*", "-")  # bullets: "- 1638", "- March 29: ..."
_ASCII_DIGITS: Final = "0123456789"
_TERMINAL = (".", "!", "?", ":", '"', "'", ")")
# What ends a sentence, in norm (where every quote mark is folded to " or ').
_SENTENCE_CLOSERS: Final = (*_TERMINAL, ";", "]", "\u2026")
TITLE_LINE_MOST: Final = 100  # a longer stretch without a closing mark is a wrapped sentence
# A timeline flattened into one line: an entry's head before its separator, read back
# from it ("1850 January 29", "February 1" or "1851"); see _flattened.
_INLINE_HEAD: Final = re.compile(
    rf"(?P<year>[1-9]\d{{3}} )?{MONTH}\.? \d{{1,2}}(?:st|nd|rd|th)?\Z|[1-9]\d{{3}}\Z"
)
# A rule run into a flattened line between entries: three or more of one mark, spaced.
_RULES: Final = (" --- ", " === ", " *** ", " ___ ", " ~~~ ")
_INLINE_RULE: Final = re.compile(r" (?:-{3,}|={3,}|\*{3,}|_{3,}|~{3,}) +")
_MIN_RULES: Final = 2
_HEAD_REACH: Final = 30  # "1851 September 18th" and a little room
_MIN_INLINE_HEADS: Final = 3  # inline heads in a line before it is read as run-on entries
# A year that opens a sentence and runs into a capitalised word: a run-on entry's head.
_RUN_IN_YEAR_HEAD: Final = re.compile(r"[.!?] (?=[12]\d{3} [A-Z][a-z])")
_RUN_IN_LINE_LEAST: Final = 200  # a line this long may be a chronology run on
_MIN_RUN_IN: Final = 3  # lines opening with a date run into a sentence: a timeline
_RUN_IN_REACH: Final = 64  # a weekday, a full date and the first word after it
# The line under a number alone that makes the number a day: a month's name alone (a
# post's date badge, "20" / "April").
_DAY_OVER_MONTH: Final = re.compile(rf"[ \t]*\n\s*{MONTH}\.?[ \t]*(?:\n|\Z)")
_NUMERIC_REACH: Final = 24  # a list's or a table's mark and a numeric date
_ORDINALS: Final = ("st", "nd", "rd", "th")
_HEAD_SEPARATORS: Final = (": ", " - ")  # what follows an inline entry's head
# A title line's closing year in brackets: "Mobiles go digital (1991)".
_BRACKET_YEAR: Final = re.compile(r"\S\s\(([1-9]\d{3})\)$")
_TITLE_YEAR: Final = re.compile(rf"(?<![\d,.])\b({LIKELY_YEAR})\b(?![\d,.%]\d|s\b|\s?%)")
_MIN_BRACKET_HEADINGS: Final = 2
_MIN_BAR_CELLS: Final = 2  # " | " marks in a line before it is a row or a bar of links
_CLAUSE_MARKS: Final = (".", ",", ";", ":")
_SENTENCE_ENDS: Final = (".", "!", "?", '."', '!"', '?"')
# An era said in words or marks: before Christ, or after (AD, CE, Anno Domini).
_BEFORE_CHRIST: Final = re.compile(
    r"(?<![\w.])(?:B\.\s?C\.(?:\s?E\.)?|BCE?|[Bb]efore\s[Cc]hrist)(?!\w)"
)
_ANNO_DOMINI: Final = re.compile(
    r"(?<![\w.])(?:A\.\s?D\.|AD|C\.\s?E\.|CE|[Aa]nno\s[Dd]omini)(?!\w)"
)
_ERA_OPENINGS: Final = re.compile(r"B\.\s?C|BC|[Bb]efore\s[Cc]hrist")  # the cheap test
_ERA_LINE_MOST: Final = 100  # a heading's length, at most
_MIN_YEAR_LINES: Final = 2  # lines headed by a bare year before a number below 1000 is one
# A list's numbers count from 1 by ones ("1: ...", "2: ..."): a number below 10, or a
# run of numbers one apart, is no chronology's year.
_LEAST_SHORT_YEAR: Final = 10
_MIN_COUNT_BACK: Final = 3  # bare years under a BC heading before they count back
_MIN_YEARS_ALONE: Final = 4  # numbers below 1000 in a row that are years with no plain year


class Block:
    """A paragraph-like unit: [start, end) in the original text, trimmed of spaces.

    A plain class, not a dataclass: a document has one per paragraph, and compiled with
    mypyc a dataclass is made through the Python __init__ that dataclasses generates.
    """

    __slots__ = ("end", "kind", "line", "section", "start")

    def __init__(self, start: int, end: int, kind: BlockKind, section: int, line: int) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.section = section
        self.line = line


@dataclass(slots=True)
class Section:
    """A stretch of the document under one dated heading (or the whole undated part)."""

    index: int
    date: PartialDate | None
    heading: Block | None
    headline_start: int
    blocks: list[Block] = field(default_factory=list)


@dataclass(slots=True)
class Segmented:
    """The document as sections of blocks, plus warnings about headings."""

    sections: list[Section]
    warnings: list[str]


def _may_head(line_text: str) -> bool:
    """Cheap test that line_date might match: a digit, a bullet, a month, a weekday or
    a circa mark."""
    line_text = line_text.lstrip().lstrip("|#")  # "| 1901 | ...", "## 1901": a row, a heading
    opening = line_text.lstrip()[:3]
    if opening[:1] == "c" and opening[1:].lstrip(".")[:1].isdecimal():  # "c800", "c.640"
        return True
    if opening in ("the", "The"):  # "the 3rd of March:", "The twentieth of July 1969:"
        day = line_text.lstrip()[4:7]
        return day[:1].isdecimal() or day in _DAY_WORD_OPENINGS
    return opening[:1] in _HEAD_MARKS or opening[:1].isdecimal() or opening in _HEAD_OPENINGS


def _may_head_at(norm: str, line: Line) -> bool:
    """_may_head of the line's opening, told without slicing and stripping it where its
    first character is no space, "|" or "#" (most lines): a letter other than "c" leaves
    the first three characters to tell, any other mark only a bullet or a digit, as every
    one of _HEAD_OPENINGS opens with a letter."""
    start, end = line.start, line.end
    first = norm[start : start + 1]
    if first == "C" and norm.startswith(" ", start + 1) and norm[start + 2 : start + 3].isdecimal():
        return True  # "C 7,000 BC": circa, in a capital
    if first.isalpha() and first != "c":
        opening = norm[start : min(end, start + 3)]
        if opening in ("the", "The"):  # "the 3rd of March:", "The twentieth of July 1969:"
            day = norm[start + 4 : min(end, start + 7)]
            return day[:1].isdecimal() or day in _DAY_WORD_OPENINGS
        return first in _HEAD_INITIALS and opening in _HEAD_OPENINGS
    if first.isdecimal() or first in _HEAD_MARKS:
        return True
    if first and not first.isspace() and first not in "|#c":
        return False  # a quotation mark, a bracket: no date opens so
    return _may_head(norm[start : min(end, start + _OPENING_REACH)])


def _trimmed(line: Line, line_text: str) -> tuple[int, int]:
    """The line's bounds without its leading and trailing spaces (it has other text)."""
    lead = len(line_text) - len(line_text.lstrip())
    return line.start + lead, line.start + len(line_text.rstrip())


def _is_caption(norm_block: str) -> bool:
    """A photo caption: names with (left)/(right) marks, or a first sentence ending in a date."""
    if norm_block.startswith(('"', "'")):
        return False
    if _may_mark_position(norm_block) and _POSITION_MARK.search(norm_block):
        return True
    if not norm_block[:1].isupper():  # the first sentence starts the block
        return False
    if not _may_hold_digit(norm_block):  # _DATED_CAPTION_END needs \d: no sentence end needed
        return False
    ends = _FULL_STOP_END if has_only_stops(norm_block) else _SENTENCE_END
    first_end = ends.search(norm_block)
    stop = len(norm_block) if first_end is None else first_end.start()
    return bool(_DATED_CAPTION_END.search(norm_block, 0, stop))  # $ holds at stop


def _may_hold_digit(norm_block: str) -> bool:
    """False only when no \\d can match: in ASCII text \\d is 0-9, each found by a plain
    character search, far cheaper than the regex searches it spares."""
    if not norm_block.isascii():
        return True
    for digit in _ASCII_DIGITS:  # noqa: SIM110 (any() of a generator: slow in pure Python)
        if digit in norm_block:
            return True
    return False


def _may_mark_position(norm_block: str) -> bool:
    """Cheap test that _POSITION_MARK might match: it needs "(" or ", left," / ", right,"."""
    return "(" in norm_block or ", left," in norm_block or ", right," in norm_block


def _opens_with_bullet(text: str) -> bool:
    """_OPENING_BULLET.match(text), asked only when the text opens with a bullet mark."""
    return text.lstrip().startswith(BULLET_MARKS) and bool(_OPENING_BULLET.match(text))


def _block_kind(norm_block: str, first_text: bool) -> BlockKind:
    if _opens_with_bullet(norm_block):
        return "bullet"
    if not first_text and _is_caption(norm_block):
        return "caption"
    if not first_text and len(norm_block) < 60 and _LABEL.fullmatch(norm_block):
        return "label"
    return "paragraph"


def is_title_line(norm: str, start: int, end: int) -> bool:
    """A short stretch that ends with no sentence's closing mark ("Quay notes") is a
    headline or a label, not a sentence: a speech verb in it attributes nothing."""
    if end - start > TITLE_LINE_MOST:
        return False
    stretch = norm[start:end].rstrip()
    return bool(stretch) and not stretch.endswith(_SENTENCE_CLOSERS)


# A speaker's label in capitals opening a line, an aside in brackets after it or not.
_CAPS_LABEL: Final = re.compile(r"[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)+(?: \([^()\n]{1,60}\))?: ")


def _continues(above: str, below: str) -> bool:
    """A hard-wrapped line (below) continues the paragraph of the line above it."""
    above = above.rstrip()
    below = below.lstrip()
    if not above or not below or above.endswith(_TERMINAL) or _opens_with_bullet(below):
        return False
    if above.endswith("|") or above.count(" | ") >= _MIN_BAR_CELLS:
        return False  # a table's row or a bar of links ("Part 1 | Part 2 | ...") ends so
    if below[0].isupper() and _CAPS_LABEL.match(below) is not None:
        return False  # "RIGHT HON ANN LEE (Prime Minister): Thank you.": a turn's label
    return below[0].islower() or len(above) >= 60 or _ends_mid_sentence(above)


# Words no sentence, heading or name line ends with: a line that ends with one was cut
# mid-sentence by a hard wrap ("was born in Melbourne on" / "14 October 1927 ...").
_MID_SENTENCE_WORDS: Final = frozenset(
    "a an the of on in at to by from with into onto upon for and or but nor as than that"
    " which whose who where when while was were is are has had have been be its their his"
    " her our my your".split()
)
_LAST_WORD_REACH: Final = 8  # characters looked back over for a line's last word


def _wrapped_onto(norm: str, above: Line | None) -> bool:
    """The line above is text cut mid-sentence, so the line below goes on with it."""
    if above is None or above.kind != "text":
        return False
    text = norm[above.start : above.end].rstrip()
    return not text.endswith(_TERMINAL) and _ends_mid_sentence(text)


def _ends_mid_sentence(above: str) -> bool:
    """The line ends with a word that leaves its sentence open (see _MID_SENTENCE_WORDS)."""
    tail = above[-_LAST_WORD_REACH:]
    cut = tail.rfind(" ")
    return cut >= 0 and tail[cut + 1 :] in _MID_SENTENCE_WORDS


def _inline_heads(norm: str, line: Line) -> list[int]:
    """Where dated entries start inside a line: a head and its separator (": " or " - "),
    after a sentence's end (or, for a head with its year, "1852 March 20:", after any
    word)."""
    cuts: list[int] = []
    loose: list[int] = []  # bare years after a word: entries only where they keep the order
    years: dict[int, int] = {}  # the year each head states, by its start
    for end in _separators(norm, line.start + 1, line.end):
        head = _INLINE_HEAD.search(norm, max(line.start, end - _HEAD_REACH), end)
        if head is not None and head.start() > line.start and norm[head.start() - 1] == " ":
            at = head.start()
            year = head.group("year") or (head.group(0) if head.group(0).isdecimal() else "")
            if year:
                years[at] = int(year)
            before = norm[max(line.start, at - 4) : at].rstrip()
            if head.group("year") or before.endswith(_SENTENCE_ENDS):
                cuts.append(at)
            elif year:
                loose.append(at)
    if len(cuts) < _MIN_INLINE_HEADS or not loose:
        return cuts
    dated = [c for c in cuts if c in years]  # once: each look-up below is a bisection
    return sorted([*cuts, *(at for at in loose if _keeps_order(at, dated, years))])


def _keeps_order(at: int, dated: list[int], years: dict[int, int]) -> bool:
    """'... the City Hospital Campus 1812: Four more wards ...': a bare year head after a
    word, with no stop between (a flattened entry that had none), is an entry where its
    year lies between the years of the entries (dated: those heads that state a year)
    on either side of it (at least one), as a chronology's years run forward."""
    index = bisect.bisect_left(dated, at)
    before = years[dated[index - 1]] if index > 0 else None
    after = years[dated[index]] if index < len(dated) else None
    year = years[at]
    if before is None and after is None:
        return False
    return (before is None or before <= year) and (after is None or year <= after)


def _separators(norm: str, start: int, end: int) -> list[int]:
    """Where an entry's separator (": " or " - ", any dash folded to "-") starts in
    [start, end), after what a head ends with (a digit or an ordinal's letters)."""
    found: list[int] = []
    for mark in _HEAD_SEPARATORS:
        at = norm.find(mark, start, end)
        while at >= 0:
            if norm[at - 1 : at].isdecimal() or norm[at - 2 : at] in _ORDINALS:
                found.append(at)
            at = norm.find(mark, at + len(mark), end)
    return sorted(found)


def _crowded_lines(lines: list[Line], separators: list[int]) -> list[int]:
    """The indices of the lines that hold _MIN_INLINE_HEADS or more of the text's
    separators (_separators of all of it, sorted), at least as many as of their own, as
    no mark holds a newline to run across lines: each separator's line found by bisection,
    where a count over every line would look at all of them."""
    crowded: list[int] = []
    last = -1
    count = 0
    for at in separators:
        index = bisect.bisect_right(lines, at, key=_LINE_START) - 1
        if index < 0 or at >= lines[index].end:
            continue  # between lines: none of them holds it
        count = count + 1 if index == last else 1
        last = index
        if count == _MIN_INLINE_HEADS:
            crowded.append(index)
    return crowded


def _flattened(norm: str, lines: list[Line]) -> list[tuple[int, Line, bool]]:
    """Each line by number, a run-on timeline's line cut into its entries: (number, line,
    cut) where cut says the piece starts inside its line. A timeline copied from a page
    that lost its line breaks holds several "February 1: ..." heads in one paragraph, and
    each is an entry as it would be on a line of its own; so does a diary whose entries
    a rule parts ("... for months! --- August 1990 I remember ...", see _ruled)."""
    ruled = _may_be_ruled(norm)
    pieces = [(number, line, False) for number, line in enumerate(lines, start=1)]
    separators = _separators(norm, 0, len(norm))
    if len(separators) >= _MIN_INLINE_HEADS:  # else no line holds enough
        pieces = _cut_at_heads(norm, lines, pieces, _crowded_lines(lines, separators))
    if norm.count(". 1") + norm.count(". 2") >= _MIN_INLINE_HEADS:  # else no run-in years
        pieces = _cut_at_run_in_years(norm, lines, pieces)
    return _ruled(norm, pieces) if ruled else pieces


def _cut_at_run_in_years(
    norm: str, lines: list[Line], pieces: list[tuple[int, Line, bool]]
) -> list[tuple[int, Line, bool]]:
    """The pieces, a line that runs a chronology's entries on with no separator (". 1878
    Cyprus leased by ... . 1914 Cyprus annexed by ...") cut at each year that opens a
    sentence and runs into a capitalised word, where _MIN_INLINE_HEADS or more do so in
    the line and their years run forward (pieces: the line's, maybe cut already)."""
    heads: set[int] = set()
    for line in lines:
        if line.kind != "text" or line.end - line.start <= _RUN_IN_LINE_LEAST:
            continue
        found = [m.end() for m in _RUN_IN_YEAR_HEAD.finditer(norm, line.start, line.end)]
        years = [int(norm[at : at + 4]) for at in found]
        if len(found) >= _MIN_INLINE_HEADS and all(a <= b for a, b in itertools.pairwise(years)):
            heads.update(found)
    if not heads:
        return pieces
    ordered = sorted(heads)
    out: list[tuple[int, Line, bool]] = []
    for number, piece, cut in pieces:
        inside = ordered[
            bisect.bisect_right(ordered, piece.start) : bisect.bisect_left(ordered, piece.end)
        ]
        out.extend(_split_line(norm, number, piece, inside, cut))
    return out


def _split_line(
    norm: str, number: int, line: Line, cuts: list[int], cut: bool
) -> list[tuple[int, Line, bool]]:
    """The line's pieces between cuts (ascending offsets inside it) that hold more than
    spaces, each marked cut but the first (and that too if the line was cut already)."""
    out: list[tuple[int, Line, bool]] = []
    begin = line.start
    for at in [*cuts, line.end]:
        if norm[begin:at].strip():
            out.append((number, Line(begin, at, line.kind), cut or begin != line.start))
        begin = at
    return out


def _cut_at_heads(
    norm: str, lines: list[Line], pieces: list[tuple[int, Line, bool]], crowded: list[int]
) -> list[tuple[int, Line, bool]]:
    """The pieces, each crowded line (by index) that holds _MIN_INLINE_HEADS inline heads
    or more cut into its entries at them; the other lines as they were."""
    out: list[tuple[int, Line, bool]] = []
    done = 0  # the pieces before this index are in out
    for index in crowded:
        line = lines[index]
        cuts = (
            _inline_heads(norm, line)
            if line.kind == "text"
            and len(_separators(norm, line.start, line.end)) >= _MIN_INLINE_HEADS
            else []
        )
        if len(cuts) < _MIN_INLINE_HEADS:
            continue
        out.extend(pieces[done:index])
        out.extend(_split_line(norm, index + 1, line, cuts, False))
        done = index + 1
    if not done:
        return pieces
    out.extend(pieces[done:])
    return out


def _may_be_ruled(norm: str) -> bool:
    """One of _RULES stands in the text: each looked for only where its mark does, as a
    search for one character runs many times faster than one for five, and most texts
    hold no "=", "*", "_" or "~"."""
    return any(rule[1] in norm and rule in norm for rule in _RULES)


def _ruled(norm: str, pieces: list[tuple[int, Line, bool]]) -> list[tuple[int, Line, bool]]:
    """The pieces, a line that rules part inline cut at each rule that a date opening an
    entry follows ("=== September 1989 On ...", "--- June 5, 1996 It was ..."): a page
    that lost its line breaks keeps its rules, and each entry starts after one. At least
    two such rules in a line, so that one dash run in a sentence cuts nothing."""
    out: list[tuple[int, Line, bool]] = []
    for number, line, cut in pieces:
        ends: list[tuple[int, int]] = []
        if line.kind == "text":
            for rule in _INLINE_RULE.finditer(norm, line.start, line.end):
                rest = norm[rule.end() : min(line.end, rule.end() + _RUN_IN_REACH)]
                if rule.start() > line.start and line_date(rest, None, True) is not None:
                    ends.append((rule.start(), rule.end()))
        if len(ends) < _MIN_RULES:
            out.append((number, line, cut))
            continue
        begin, inside = line.start, cut
        for rule_start, rule_end in [*ends, (line.end, line.end)]:
            out.append((number, Line(begin, rule_start, "text"), inside))
            begin, inside = rule_end, True
    return out


def _broken_off(above: str, below: str) -> bool:
    """A heading's line broken mid-sentence: the line below goes on in lower case. A
    heading over a capitalised line is a headline over its text (even one ending "...
    in the same trench with"), not a wrapped one."""
    below = below.lstrip()
    return bool(below) and below[0].islower() and bool(above.strip())


def segment(
    text: str,
    norm: str,
    lines: list[Line],
    published: PartialDate | None = None,
    headings: frozenset[int] = frozenset(),
) -> Segmented:
    """Group lines into blocks and blocks into dated sections. published is the document's
    own date where its metadata states it, headings the lines its markup marks as
    headings (see _dated_lines)."""
    sections = [Section(0, None, None, 0)]
    warnings: list[str] = []
    current: Block | None = None
    above: str | None = None  # the previous text line, while it may be continued
    seen_text = False
    wrapped: dict[int, Block] = {}  # blocks longer than their first line, by id
    pieces = _flattened(norm, lines)
    dated = _dated_lines(norm, pieces, published, headings)
    for number, line, cut in pieces:
        if line.kind != "text":
            current, above = None, None
            continue
        line_text = norm[line.start : line.end]
        heading = dated.get(line.start)
        if heading is not None:
            start, end = _trimmed(line, line_text)
            block = Block(start, end, "heading", len(sections), number)
            head = min(line.start + heading.head, end)
            sections.append(Section(len(sections), heading.date, block, head))
            # a head line broken mid-sentence runs on into its wrapped lines, as prose does
            current, above, seen_text = block, line_text, True
            continue
        if (
            current is not None
            and above is not None
            and not cut
            and (
                _broken_off(above, line_text)
                if current.kind == "heading"
                else _continues(above, line_text)
            )
        ):
            current.end = _trimmed(line, line_text)[1]
            wrapped[id(current)] = current
            above = line_text
            continue
        body = line_text.strip()
        if len(body) == len(line_text):  # most lines: no spaces to trim, nothing to slice
            start, end = line.start, line.end
        else:
            start, end = _trimmed(line, line_text)
            body = norm[start:end]
        kind = _block_kind(body, first_text=not seen_text)
        current = Block(start, end, kind, sections[-1].index, number)
        sections[-1].blocks.append(current)
        above, seen_text = line_text, True
    _reclassify_wrapped(norm, list(wrapped.values()))
    return Segmented(sections, warnings)


def _dated_lines(
    norm: str,
    lines: list[tuple[int, Line, bool]],
    published: PartialDate | None = None,
    headings: frozenset[int] = frozenset(),
) -> dict[int, LineDate]:
    """The lines (by start offset) that head a dated entry. Each takes the year (or day) of the
    entry above it where it states less. A bare full date among the first lines of a
    document with few other dated entries is the document's own date, not an entry,
    unless the document's metadata gives another own date (published) or its markup
    makes the line a heading, or another bare date line below heads words as it does
    ("June 16, 2001" over an entry, "June 20, 2001" over the next): then it heads an
    entry like any other."""
    dated: dict[int, LineDate] = {}
    # lines that may head: number, line, rank among text lines, the uncut line above
    openers: list[tuple[int, Line, int, Line | None]] = []
    text_lines = 0
    above: Line | None = None  # the uncut piece of the line above the piece's own line
    here: Line | None = None  # the uncut piece of the piece's own line
    here_number = 0
    for number, line, cut in lines:
        if number != here_number:
            above = here if here_number == number - 1 else None
            here, here_number = None, number
        if not cut:
            here = line
        if line.kind != "text":
            continue
        text_lines += 1
        if _may_head_at(norm, line):
            openers.append((number, line, text_lines, above))
    if not openers:
        return dated  # nothing below can date a line: no line opens as a date may
    run_in = _has_run_in_entries(norm, openers)
    month_first = numeric_order(
        norm[line.start : min(line.end, line.start + _NUMERIC_REACH)]
        for _, line, _, _ in openers
        if norm.find("/", line.start, min(line.end, line.start + _NUMERIC_REACH)) >= 0
        or norm.find(".", line.start, min(line.end, line.start + _NUMERIC_REACH)) >= 0
    )  # only a head that holds "/" or "." can be numeric
    context: PartialDate | None = None
    top: int | None = None  # the first text line that is a bare date near the top
    top_repeated = False
    last_line = text_lines  # a date on the last line heads no words (a letter's date)
    short_years: dict[int, LineDate] = {}  # "476: ...": a year, if in order
    run_in_only: set[int] = set()  # "476 The ...": a year only under a BC heading
    for number, line, text_lines, line_above in openers:
        line_text = norm[line.start : line.end]
        if _wrapped_onto(norm, line_above):
            continue  # "born in Melbourne on" / "14 October 1927. He grew up ...": prose
        heading = line_date(line_text, context, run_in, month_first)
        if heading is None:
            opening = line_text.lstrip(" *-|")
            digit = line_text[:1].isdecimal() or opening[:1].isdecimal()
            if digit or opening.startswith(SHORT_YEAR_CIRCA):
                short = short_year_line(line_text, True)
                if short is not None and _DAY_OVER_MONTH.match(norm, line.end):
                    continue  # "20" over "April": a post's date badge, no year 20
                if short is not None:
                    short_years[line.start] = short
                    if not run_in and short_year_line(line_text, False) is None:
                        run_in_only.add(line.start)  # "884 Lycurgus ...": see _in_order
            continue
        day = heading.date is not None and heading.date.precision == "day"
        if day and text_lines <= HEAD_LINES and _is_stamp(line_text[heading.head :]):
            continue
        dated[line.start] = heading
        context = heading.date or context
        bare = heading.head >= len(line_text.rstrip())
        own = (published is None or heading.date == published) and number not in headings
        if bare and day and own and len(dated) == 1 and text_lines <= HEAD_LINES:
            top = line.start
        elif bare and day and top is not None and text_lines < last_line:
            top_repeated = True  # another bare date over words: the top one heads too
    # _count_back needs _MIN_COUNT_BACK dated lines: with fewer, no need to look for an era
    eras = len(dated) + len(short_years) >= _MIN_COUNT_BACK and _may_say_era(norm)
    if short_years or eras:
        parts = _era_parts(norm, lines, {*dated, *short_years})
        if short_years:
            _in_order(parts, short_years, dated, run_in_only)
        if eras:
            _count_back(norm, parts, dated)
    few = len(dated) < 3 and not top_repeated
    if top is not None and (few or _dates_the_page(dated, top)):
        del dated[top]
    if len(dated) == 1:
        ((start, only),) = dated.items()
        if _lone_number(norm, start, only) and not _marked_heading(lines, start, headings):
            del dated[start]
    return dated


def _marked_heading(
    lines: list[tuple[int, Line, bool]], start: int, headings: frozenset[int]
) -> bool:
    """The line that starts at start is one the markup marks as a heading."""
    return bool(headings) and any(line.start == start and n in headings for n, line, _ in lines)


def _may_say_era(norm: str) -> bool:
    """_ERA_OPENINGS.search(norm) is not None, tried only where the text holds "BC" (a
    match), "B." or "hrist", one of which each of its forms holds: the regex is tried at
    every "b" of the text, a few plain substring searches skip most texts."""
    if "BC" in norm:
        return True
    return ("B." in norm or "hrist" in norm) and _ERA_OPENINGS.search(norm) is not None


def _era_parts(
    norm: str, lines: list[tuple[int, Line, bool]], starts: set[int]
) -> list[tuple[int, list[int]]]:
    """The lines of starts (dated lines and candidates), in order, parted where a short
    undated line says an era (see _era_of): each part's era (-1 before Christ, +1 after,
    0 unsaid) and its lines' starts."""
    parts: list[tuple[int, list[int]]] = [(0, [])]
    for _, line, _ in lines:
        if line.kind != "text":
            continue
        if line.start in starts:
            parts[-1][1].append(line.start)
            continue
        if line.end - line.start <= _ERA_LINE_MOST:
            said = _era_of(norm[line.start : line.end])
            if said and said != parts[-1][0]:
                parts.append((said, []))
    return parts


def _in_order(
    parts: list[tuple[int, list[int]]],
    short_years: dict[int, LineDate],
    dated: dict[int, LineDate],
    run_in_only: set[int],
) -> None:
    """Lines headed by a number below 1000 ("476: ...") that are years of the chronology
    they stand in, added to dated. In each part of the text (see _era_parts) that has at
    least _MIN_YEAR_LINES lines headed by a bare year, a run of such numbers is years when
    it and the years of the lines on either side of it run one way, forward or back (as
    BC years do). A list's numbers, a score or a count breaks the order: left alone.
    A number run into its words with no separator ("884 Lycurgus ...", run_in_only) is
    read so only under a heading that says BC, where it may stand with no plain year.
    A chronology of the first millennium may have no plain year at all ("612 - ...",
    "645 - ...", "676 - ..."): there a run of such numbers is years when it alone runs
    one way (see _years_alone)."""
    for era, starts in parts:
        if era >= 0:
            starts = [at for at in starts if at not in run_in_only]
        plain = [at for at in starts if at not in short_years and _year_head(dated[at])]
        anchored = len(plain) >= _MIN_YEAR_LINES
        if not anchored and era < 0:
            _counted_down(starts, short_years, dated)
            continue
        years = [
            (at, y)
            for at in starts
            if (y := _year_head(short_years[at] if at in short_years else dated[at]))
        ]
        index = 0
        while index < len(years):
            if years[index][0] not in short_years:
                index += 1
                continue
            end = index
            while end < len(years) and years[end][0] in short_years:
                end += 1
            run = [y for _, y in years[max(0, index - 1) : end + 1]]
            # A year said again ("400" over "400 Pope sends ...") neither runs forward
            # nor back: the steps between different numbers decide.
            steps = [b - a for a, b in itertools.pairwise(run) if b != a]
            counted = [y for _, y in years[index:end]]
            if (
                steps
                and (len(run) > end - index if anchored else _years_alone(steps, end - index))
                and (all(step > 0 for step in steps) or all(step < 0 for step in steps))
                and min(counted) >= _LEAST_SHORT_YEAR
                and all(abs(b - a) != 1 for a, b in itertools.pairwise(counted))
            ):
                for at, _ in years[index:end]:
                    dated[at] = short_years[at]
            index = end


def _years_alone(steps: list[int], count: int) -> bool:
    """Whether a run of count numbers below 1000 with these steps, and no plain year
    beside it, is a chronology's years: enough of them, and not a list's even steps
    ("10 - Mix ...", "20 - Add ...", "30 - ...")."""
    return count >= _MIN_YEARS_ALONE and len(set(steps)) > 1


def _counted_down(
    starts: list[int], short_years: dict[int, LineDate], dated: dict[int, LineDate]
) -> None:
    """Under a heading that says BC, with no plain year line: the numbers below 1000 that
    head its lines are its years when there are _MIN_COUNT_BACK or more and they count
    down more often than up, as BC years do ("884 ...", "776 ...", "680 ..."); the
    chronology's _count_back then puts them before Christ."""
    years = [(at, y) for at in starts if at in short_years and (y := _year_head(short_years[at]))]
    counted = [y for _, y in years]
    if len(counted) < _MIN_COUNT_BACK or min(counted) < _LEAST_SHORT_YEAR:
        return
    down = sum(b < a for a, b in itertools.pairwise(counted))
    if down <= len(counted) - 1 - down:
        return  # a list's numbers count up; BC years one apart ("539", "538") are years
    for at, _ in years:
        dated[at] = short_years[at]


def _year_head(heading: LineDate) -> int | None:
    """The year of a line headed by a bare year, else None."""
    date = heading.date
    return date.year if date is not None and date.precision == "year" else None


def _era_of(line_text: str) -> int:
    """-1 where a line says only "before Christ" (BC, B.C., BCE, Before Christ), +1
    where it says only AD or CE, 0 where it says neither or both."""
    before = _BEFORE_CHRIST.search(line_text) is not None
    after = _ANNO_DOMINI.search(line_text) is not None
    return after - before


def _count_back(norm: str, parts: list[tuple[int, list[int]]], dated: dict[int, LineDate]) -> None:
    """A chronology of the years before Christ says its era once, in a heading over
    its entries ("Timeline of the ancient world, B.C.", "BCE"), and its entries' bare
    years count down (3500, 3100, 2900): those years are BC. Such a heading rules the
    lines below it up to one that says AD or CE (see _era_parts); an entry that states
    its own era is that era's. Entries whose years count forward under it are not BC
    (the years of a dig or a book about that time), nor are fewer than _MIN_COUNT_BACK."""
    for era, starts in parts:
        if era >= 0:
            continue
        entries: list[tuple[int, LineDate]] = []
        for at in starts:
            heading = dated.get(at)
            if heading is None or heading.date is None or heading.date.year is None:
                continue
            if heading.date.year < 1 or _era_of(norm[at : at + heading.head]):
                continue  # "44 BC: ...", "AD 43 - ...": its own era
            entries.append((at, heading))
        years = [h.date.year for _, h in entries if h.date is not None and h.date.year]
        down = sum(b < a for a, b in itertools.pairwise(years))
        up = sum(b > a for a, b in itertools.pairwise(years))
        if len(years) < _MIN_COUNT_BACK or down <= up:
            continue
        for start, heading in entries:
            date = heading.date
            assert date is not None
            assert date.year is not None
            back = (
                make_date(-date.year, date.month, date.day) if date.month else make_year(-date.year)
            )
            if back is not None:
                dated[start] = LineDate(back, heading.head)


def _lone_number(norm: str, start: int, heading: LineDate) -> bool:
    """A bare year line that nothing on the page answers: a view count, a score or a
    reference number set on its own line ("- 1411" under a headline), not a heading. A
    year heads its lines in a series of dated lines, when the markup says so, or when a
    month below needs its year ("1906" over "On 4 May the tower fell")."""
    end = norm.find("\n", start)
    end = len(norm) if end < 0 else end
    return (
        heading.date is not None
        and heading.date.precision == "year"
        and heading.head >= len(norm[start:end].rstrip())
        and _MONTH_WORD.search(norm, end) is None
    )


def bracket_year_headings(norm: str, blocks: list[Block]) -> dict[int, PartialDate]:
    """'3. Mobiles go digital (1991)' over its paragraph: a series of short one-line
    blocks (at least two) that each end with a year in brackets are headings of their
    years, their paragraphs below telling what happened then (a listicle's, a history's
    numbered parts). One such line alone is a caption or a name with a year. The
    blocks' starts, with their years."""
    found: dict[int, PartialDate] = {}
    for block in blocks:
        if block.kind != "paragraph" or block.end - block.start > TITLE_LINE_MOST:
            continue
        stretch = norm[block.start : block.end]
        if not stretch.endswith(")") or not stretch[-2:-1].isdecimal():
            continue  # the cheap test: most blocks end otherwise
        year = _BRACKET_YEAR.search(stretch)
        if year is None or stretch[: year.start() + 1].endswith(_CLAUSE_MARKS):
            continue  # "... in the end (1991)": a sentence's or a clause's end
        date = make_year(int(year.group(1)))
        if date is not None:
            found[block.start] = date
    return found if len(found) >= _MIN_BRACKET_HEADINGS else {}


def _has_run_in_entries(norm: str, openers: list[tuple[int, Line, int, Line | None]]) -> bool:
    """Several lines open with a full date run into a capitalised sentence, no separator
    between ("23 March 1933 The Reichstag passed ..."): a timeline (a table's rows as
    text), whose such lines head entries; one such line is prose that opens so."""
    if len(openers) < _MIN_RUN_IN:
        return False
    count = 0
    for _, line, _, _ in openers:
        count += opens_run_in(norm[line.start : min(line.end, line.start + _RUN_IN_REACH)])
        if count >= _MIN_RUN_IN:
            return True
    return False


def _dates_the_page(dated: dict[int, LineDate], top: int) -> bool:
    """The bare date at the top is more than a year after every entry below it: a post's
    date over a timeline of long ago ("October 20, 2019" over 1850's entries), not the
    first of its headings (a timeline's entries follow its first heading, or just
    precede it when it runs newest first)."""
    own = dated[top].date
    years = [d.date.year for at, d in dated.items() if at != top and d.date and d.date.year]
    return own is not None and own.year is not None and bool(years) and own.year > max(years) + 1


def date_by_page(sections: list[Section], published: PartialDate | None, dates: DateIndex) -> None:
    """Year-less day headings ("Sunday 26 December") take the one year the whole text
    states: from the page's own date (the latest such day on or before it), a news
    page's timeline of its own days; or, with no page date, from the title's or the
    text's only year ("Apollo 11 in 1969" over "July 16: Launch"), or the one year the
    words above the first such heading state ("The war started on 26 March 1971 ..."
    over "1 March: ...", "7 March: ... elections in 1970"), as a chronology of one year
    writes them. A text that states two years there leaves its headings without one,
    as it does not say which is theirs."""
    days = [s for s in sections if s.date is not None and s.date.precision == "month-day"]
    if not days:
        return
    assert days[0].heading is not None
    first = days[0].heading.start  # where the first year-less day heading stands
    headline = _headline_year(sections, dates, first)
    stamp = published.year if published is not None else None
    others = {h.date.year for h in dates.hits if h.date.year not in (None, stamp)}
    if headline is not None and others <= {headline.year}:
        # "Africa's year: 1960" over "Jan. 9 - ..." in a page of 2019: the nearest year
        _frame_days(days, headline)
        return
    years = {h.date.year for h in dates.hits if h.date.year is not None}
    own = published is not None and published.precision == "day"
    if published is not None and own and published.year is not None:
        years.add(published.year)
    if len(years) != 1:
        lead = _lead_year(dates, first) if published is None else None
        if lead is not None:
            _frame_days(days, lead)
        return
    if not own:
        (year,) = years
        _frame_days(days, make_year(year))
        return
    for section in days:
        if section.date is not None:
            section.date = nearest_to(section.date, published)


def _frame_days(days: list[Section], frame: PartialDate | None) -> None:
    """Every year-less day heading (days) takes the frame's year."""
    for section in days:
        if section.date is not None:
            section.date = within_year(section.date, frame)


def _lead_year(dates: DateIndex, first: int) -> PartialDate | None:
    """The one year stated above the first year-less day heading (at first), if one
    alone is."""
    above = {h.date.year for h in dates.dates_in(0, first)}
    year = above.pop() if len(above) == 1 else None
    return make_year(year) if year is not None else None


def _headline_year(sections: list[Section], dates: DateIndex, first: int) -> PartialDate | None:
    """The one year a headline states above every year-less day heading ("Africa's year:
    1960", "The events of 1960"): a title line among the first few lines that holds one
    year and no day (not a stamp's "27 December 2019"), before the first such heading.
    Its year frames them, not the page's own stamp: the nearest stated year wins (where
    the text states no third year, which would leave them in doubt); first: where that
    heading stands."""
    norm = dates.norm
    blocks = [b for s in sections for b in s.blocks if b.end <= first]
    for block in blocks[:HEAD_LINES]:
        if block.kind not in ("paragraph", "label") or not is_title_line(
            norm, block.start, block.end
        ):
            continue
        if any(h.date.day is not None for h in dates.dates_in(block.start, block.end)):
            continue  # a stamp or a dateline, the page's own day
        years = _TITLE_YEAR.findall(norm, block.start, block.end)
        if len(years) == 1:
            return make_year(int(years[0]))
    return None


def _is_stamp(words: str) -> bool:
    """The words after a date say when the page was published or updated, or they are
    only its time of day ("27 May 2019 | 9:51 am", "4 April 2023 16:20:28")."""
    return lower(words.lstrip()).startswith(_STAMP_WORDS) or is_time_stamp(words)


def is_time_stamp(words: str) -> bool:
    """Words after a date that are only a time of day: "| 9:51 am", " 16:20:28"."""
    return _STAMP_TIME.fullmatch(words) is not None


def _reclassify_wrapped(norm: str, wrapped: list[Block]) -> None:
    """Kinds were guessed on a block's first line; check again on the whole block.

    Only wrapped blocks can change: a one-line block was judged on all of its text.
    """
    for block in wrapped:
        if block.kind == "paragraph" and _is_caption(norm[block.start : block.end]):
            block.kind = "caption"
        elif block.kind == "label":
            # a name line that lines of prose run on from is a copied page's running head
            # (a PDF's "Ann Lee" between "... he dropped" and "physics, despite ..."),
            # not a speaker's label over a turn: its block is prose
            block.kind = "paragraph"


def split_sentences(
    norm: str,
    start: int,
    end: int,
    protected: list[tuple[int, int]],
    starts: list[int],
    only_stops: bool = False,
) -> list[tuple[int, int]]:
    """Sentences of norm[start:end]; never split inside a protected (quoted) interval.

    protected is sorted and disjoint; starts holds its start offsets (for bisection).
    only_stops may say that the whole text holds no "!" or "?" (see has_only_stops).
    """
    sentences: list[tuple[int, int]] = []
    begin = start
    only_stops = only_stops or (norm.find("!", start, end) < 0 and norm.find("?", start, end) < 0)
    ends = _FULL_STOP_END if only_stops else _SENTENCE_END
    matches: Iterable[re.Match[str]] = ends.finditer(norm, start, end)
    if norm.find("\u2026", start, end) >= 0:
        matches = sorted([*matches, *_ELLIPSIS_END.finditer(norm, start, end)], key=_MATCH_AT)
    closing = _quote_ends(norm, protected, starts, start, end) if protected else []
    if closing:  # rare: the cuts as tuples, those at closing marks taken as they are
        cuts = sorted([*((m.start(), m.end(), False) for m in matches), *closing])
        for cut, after, closes in cuts:
            if closes or not (
                _inside(protected, starts, cut) or _is_abbreviation(norm, begin, cut)
            ):
                sentences.append((begin, after))
                begin = after
    else:
        for match in matches:
            cut = match.start()
            if _inside(protected, starts, cut) or _is_abbreviation(norm, begin, cut):
                continue
            sentences.append((begin, match.end()))
            begin = match.end()
    if begin < end:
        sentences.append((begin, end))
    return sentences


def _quote_ends(
    norm: str, protected: list[tuple[int, int]], starts: list[int], start: int, end: int
) -> list[tuple[int, int, bool]]:
    """Where a quotation that ends with its stop inside its closing mark ends a sentence
    in [start, end) (`Kell said: "We had no choice." The quay ...`): the stop, where the
    next sentence starts, and True; not where the words after it attribute the quote
    (`"... is it?" Altman said.` is one sentence)."""
    found: list[tuple[int, int, bool]] = []
    index = max(0, bisect.bisect_right(starts, start) - 1)
    while index < len(starts) and starts[index] < end:
        close = protected[index][1]
        index += 1
        if not start < close <= end or norm[close - 2 : close - 1] not in _STOPS:
            continue
        after = _NEXT_SENTENCE.match(norm, close, end)
        if after is None or norm[close - 1] not in "\"'":
            continue
        words = norm[after.end() : after.end() + _ATTRIBUTION_WORDS_REACH].split()
        if not any(lower(w.strip(",.;:")) in SPEECH_VERBS for w in words[:_ATTRIBUTION_WORDS]):
            found.append((close - 2, after.end(), True))
    return found


def has_only_stops(norm: str) -> bool:
    """No "!" or "?" anywhere: every sentence of the text ends with a full stop (or an
    ellipsis, which split_sentences looks for apart)."""
    return "!" not in norm and "?" not in norm


def _inside(protected: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    index = bisect.bisect_right(starts, pos) - 1
    return index >= 0 and protected[index][0] <= pos < protected[index][1]


def _is_abbreviation(norm: str, begin: int, cut: int) -> bool:
    """A full stop after 'Mr', an initial like 'W' or 'U.S' does not end a sentence."""
    if norm[cut] != ".":
        return False
    before = norm[max(begin, cut - 12) : cut]
    token = before[len(before.rstrip(_WORD_BEFORE_CHARS)) :]  # r"([A-Za-z.]+)$" before cut
    if not token:
        return False
    if len(token) == 1 and token.isupper():
        return True
    return lower(token) in _ABBREVIATIONS or ("." in token and token.replace(".", "").isupper())
