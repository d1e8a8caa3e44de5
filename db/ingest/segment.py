"""Splitting cleaned lines into sections, blocks and sentences, all as original offsets."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Literal

from db.ingest.clean import Line
from db.ingest.dates import MONTH, parse_single_date
from db.records import PartialDate

BlockKind = Literal["heading", "paragraph", "caption", "bullet", "label"]

_HEADING = re.compile(
    rf"\s*(?P<date>{MONTH}\.?\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{1,6}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s{MONTH}\.?,?\s\d{{1,6}}"
    r"|\d{1,6}-\d{1,2}-\d{1,2})\s?:\s*(?P<head>\S)"
)
_POSITION_MARK = re.compile(
    r"\((?:left|right|center|centre|top|bottom|front|rear|L|R|C|"
    r"(?:second|third) from (?:left|right))\)|, (?:left|right),"
)
_DATED_CAPTION_END = re.compile(
    rf",\s(?:on\s)?(?:{MONTH}\.?\s\d{{1,2}},?\s\d{{4}}|\d{{1,2}}\s{MONTH}\s\d{{4}})"
    r"(?:,\s(?:in\s)?[A-Z][\w .,'-]{0,60})?\.?\s*$"
)
_LABEL = re.compile(r"(?:[A-Z][\w'.-]*\s?){1,4}")
# A run of ".", "!" or "?" (not begun after another one), then space and a capital or digit.
# The pattern opens with the mark itself and checks the character before it by lookbehind:
# a pattern opening with a lookbehind would be tried at every character of the text.
_SENTENCE_END = re.compile(r"[.!?](?<![.!?].)[.!?]*+[)\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
_WORD_BEFORE = re.compile(r"([A-Za-z.]+)$")
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr jr sr st gen sen rep gov lt col capt prof vs no mt ft inc corp co ltd"
    " jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_OPENING_BULLET = re.compile(r"\s*[*-]\s")
_TERMINAL = (".", "!", "?", ":", '"', "'", ")")


@dataclass(slots=True)
class Block:
    """A paragraph-like unit: [start, end) in the original text, trimmed of spaces."""

    start: int
    end: int
    kind: BlockKind
    section: int
    line: int


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


def _trim(norm: str, start: int, end: int) -> tuple[int, int]:
    while start < end and norm[start].isspace():
        start += 1
    while end > start and norm[end - 1].isspace():
        end -= 1
    return start, end


def _is_caption(norm_block: str) -> bool:
    """A photo caption: names with (left)/(right) marks, or a first sentence ending in a date."""
    if norm_block.startswith(('"', "'")):
        return False
    if _may_mark_position(norm_block) and _POSITION_MARK.search(norm_block):
        return True
    if not norm_block[:1].isupper():  # the first sentence starts the block
        return False
    first = _SENTENCE_END.split(norm_block, maxsplit=1)[0]
    return bool(_DATED_CAPTION_END.search(first))


def _may_mark_position(norm_block: str) -> bool:
    """Cheap test that _POSITION_MARK might match: it needs "(" or ", left," / ", right,"."""
    return "(" in norm_block or ", left," in norm_block or ", right," in norm_block


def _block_kind(norm_block: str, first_text: bool) -> BlockKind:
    if _OPENING_BULLET.match(norm_block):
        return "bullet"
    if _is_caption(norm_block):
        return "caption"
    if not first_text and len(norm_block) < 60 and _LABEL.fullmatch(norm_block):
        return "label"
    return "paragraph"


def _continues(norm: str, previous: Line, line: Line) -> bool:
    """A hard-wrapped line continues the paragraph above it."""
    above = norm[previous.start : previous.end].rstrip()
    below = norm[line.start : line.end].lstrip()
    if not above or not below or above.endswith(_TERMINAL) or _OPENING_BULLET.match(below):
        return False
    return below[0].islower() or len(above) >= 60


def segment(text: str, norm: str, lines: list[Line]) -> Segmented:
    """Group lines into blocks and blocks into dated sections."""
    sections = [Section(0, None, None, 0)]
    warnings: list[str] = []
    current: Block | None = None
    previous: Line | None = None
    seen_text = False
    wrapped: dict[int, Block] = {}  # blocks longer than their first line, by id
    for number, line in enumerate(lines, start=1):
        if line.kind != "text":
            current, previous = None, None
            continue
        heading = _HEADING.match(norm, line.start, line.end)
        if heading is not None:
            date = parse_single_date(heading.group("date"))  # impossible: no date, a warning
            start, end = _trim(norm, line.start, line.end)
            block = Block(start, end, "heading", len(sections), number)
            sections.append(Section(len(sections), date, block, heading.start("head")))
            current, previous, seen_text = None, line, True
            continue
        if current is not None and previous is not None and _continues(norm, previous, line):
            current.end = _trim(norm, current.start, line.end)[1]
            wrapped[id(current)] = current
            previous = line
            continue
        start, end = _trim(norm, line.start, line.end)
        kind = _block_kind(norm[start:end], first_text=not seen_text)
        current = Block(start, end, kind, sections[-1].index, number)
        sections[-1].blocks.append(current)
        previous, seen_text = line, True
    _reclassify_wrapped(norm, list(wrapped.values()))
    return Segmented(sections, warnings)


def _reclassify_wrapped(norm: str, wrapped: list[Block]) -> None:
    """Kinds were guessed on a block's first line; check again on the whole block.

    Only wrapped blocks can change: a one-line block was judged on all of its text.
    """
    for block in wrapped:
        if block.kind == "paragraph" and _is_caption(norm[block.start : block.end]):
            block.kind = "caption"


def split_sentences(
    norm: str, start: int, end: int, protected: list[tuple[int, int]], starts: list[int]
) -> list[tuple[int, int]]:
    """Sentences of norm[start:end]; never split inside a protected (quoted) interval.

    protected is sorted and disjoint; starts holds its start offsets (for bisection).
    """
    sentences: list[tuple[int, int]] = []
    begin = start
    for match in _SENTENCE_END.finditer(norm, start, end):
        cut = match.start()
        if _inside(protected, starts, cut) or _is_abbreviation(norm, begin, cut):
            continue
        sentences.append((begin, match.end()))
        begin = match.end()
    if begin < end:
        sentences.append((begin, end))
    return sentences


def _inside(protected: list[tuple[int, int]], starts: list[int], pos: int) -> bool:
    index = bisect.bisect_right(starts, pos) - 1
    return index >= 0 and protected[index][0] <= pos < protected[index][1]


def _is_abbreviation(norm: str, begin: int, cut: int) -> bool:
    """A full stop after 'Mr', an initial like 'W' or 'U.S' does not end a sentence."""
    if norm[cut] != ".":
        return False
    word = _WORD_BEFORE.search(norm, max(begin, cut - 12), cut)
    if word is None:
        return False
    token = word.group(1)
    if len(token) == 1 and token.isupper():
        return True
    return token.lower() in _ABBREVIATIONS or ("." in token and token.replace(".", "").isupper())
