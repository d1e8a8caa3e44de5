"""parse_document: text in, ParsedDocument out; never raises, linear in the text size."""

from __future__ import annotations

import bisect
import re
from itertools import islice
from typing import Final

from db.ingest.attribution import Attributor
from db.ingest.clean import (
    Line,
    classify_lines,
    doubled_singles_as_doubles,
    ends_sentence,
    normalise,
)
from db.ingest.dates import DateHit, DateIndex, find_dates, line_date, two_digit_stamp
from db.ingest.events import EventBuilder
from db.ingest.lexicon import WEEKDAY_NAMES, WEEKDAYS
from db.ingest.people import Cast, Intervals, build_cast
from db.ingest.quotemarks import Unit, find_quotes
from db.ingest.quotes import (
    Layout,
    QuoteBuilder,
    article_occasion,
    introduced_blocks,
    labelled_items,
    nested_quotes,
    posted_dates,
    quotes_note_date,
)
from db.ingest.segment import (
    HEAD_LINES,
    Section,
    date_by_page,
    has_only_stops,
    segment,
    split_sentences,
)
from db.ingest.titles import AGENCY_DATELINE, DATE_LENGTH, DATELINE_MAX, page_title
from db.ingest.turns import Turns, find_turns, first_person
from db.records import ParsedDocument, PartialDate, QuoteRecord
from db.text import lower

_PUBLISHED: Final = re.compile(
    r"(?i:published|posted|updated|update|first published|modified|date)\b[^\n]{0,20}?"
    r"(?=\d|[A-Z][a-z]{2,8}\.?\s\d)"
)
# Days of a range ("Date: October 8-10, 1871"): when something lasted, as an entry's
# field gives it, never the one day a page was published.
_DAYS_SPANNED: Final = re.compile(r"(?<![\d-])\d{1,2}\s?-\s?\d{1,2}(?![\d-])")
# A time of day between a publication word and its date: "PUBLISHED: 10:15, 3 March".
_CLOCK: Final = re.compile(r"\d{1,2}[:.]\d{2}(?:\s?[AaPp]\.?[Mm]\.?)?(?:\s[A-Z]{2,4})?,?\s")
# A byline that says when it was written: "By Jane Roe on 3 March 2015."
_BYLINE: Final = re.compile(r"(?:(?:Written|Posted|Words|Story)\s)?[Bb]y\s[A-Z]")
_PUBLISHED_WORDS = ("published", "posted", "update", "modified", "date")  # what _PUBLISHED's hold
_AGENCY_REACH: Final = 200
_MARK_LEADS: Final = (0, 1)  # a marked quote's words start at a turn's, or after its mark
_STORY_DASH: Final = re.compile(r"(?:-{1,2}|[\u2013\u2014])\s")  # the dash a dateline ends on
_CITY_DATELINE: Final = re.compile(r"[A-Z][A-Z .'-]{2,30}(?:,\s[A-Z][A-Za-z.]{1,20})?,\s")
# A town in title case, as Indian and some British papers set it, its month-day closed by
# a colon before the story: "Thiruvananthapuram, Jan 8: ...", "London, Aug 23 : ...".
_TOWN_DATELINE: Final = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+){0,2},\s")
_STORY_COLON: Final = re.compile(r":\s+[A-Z\"\u201c]")
_PLACE: Final = re.compile(r"[A-Z][\w.'-]*(?:[ ,]{1,2}[A-Z][\w.'-]*){0,5}")
# The words that open an interview by saying when it is held, right before that date.
_INTERVIEW_OPENING: Final = re.compile(
    r"\b(?:[Tt]his\s(?:is|begins)\san\s(?:oral\shistory\s)?interview\b[^!?\n]{0,160}?\son"
    r"|[Tt]oday\sis|[Tt]his\sis)\s(?=[A-Z0-9])"
)
_HEADING_DATE_GAP: Final = 40  # at most a short line between a heading's date and a turn
_INTERVIEW_WORDS: Final = ("his is ", "his begins ", "oday is ")  # what its cues hold
# "Today is Thursday, May 20th, 2010": the weekday an interviewer says before the date.
_WEEKDAY_BEFORE: Final = re.compile("(?:" + "|".join(map(str.capitalize, WEEKDAYS)) + r"),?\s")
_INTERVIEW_REACH: Final = 3000  # an interview's opening words stand near the top
# A record of a sitting states the sitting's day as its own: minutes open "Minutes of the
# Council meeting held on Monday, 18th July, 2005", a Hansard "Wednesday 8th November,
# 2017 The House met at 2.30 p.m.".
_MINUTES_HELD: Final = re.compile(
    r"\s*(?i:minutes\sof\b[^\n]{0,120}?\bheld\son\s(?:(?:" + "|".join(WEEKDAYS) + r"),?\s)?)"
)
_HOUSE_MET: Final = re.compile(
    r",?\s(?:The|THE)\s(?:[A-Z][\w-]*\s){0,2}?"
    r"(?:House|Senate|Assembly|Council|Committee|Board|Chamber|Sabha|HOUSE|SENATE|ASSEMBLY)"
    r"\s(?:met|assembled|MET|ASSEMBLED)\b"
)
# A syndicated story's closing credit: "Published in The Daily Star, April 25th, 2013."
_PUBLISHED_IN: Final = re.compile(
    r"\b(?:(?:[Ff]irst|[Oo]riginally)\s)?[Pp]ublished\sin\s[^\n.,]{1,60},\s"
)
_CREDIT_REACH: Final = 300  # the credit closes the text
_SPAN_ENDS: Final = frozenset(("to", "until", "till", "through"))  # "(3 May to 9 June 2016)"
# "Founded – February 28, 1998", "Opened: 3 May 1911": one word, a dash or colon, then
# the date is a fact's field (an infobox or a table row), not the page's own stamp.
_FIELD_LABEL: Final = re.compile(r"\s*[A-Z][a-z]+\s*[\u2013\u2014:-]\s*")


def _units(sections: list[Section]) -> list[Unit]:
    units: list[Unit] = []
    for section in sections:
        if section.heading is not None:
            heading = section.heading
            units.append(Unit(len(units), heading, section.headline_start, heading.end))
        for block in section.blocks:
            units.append(Unit(len(units), block, block.start, block.end))
    return units


def _published(
    norm: str, lines: list[Line], headings: set[int], dates: DateIndex
) -> PartialDate | None:
    """A date the document states as its publication date, near its top: after a word
    such as "Published", after a dateline ("PITTSBURGH, ...", "Chicago (AFP) ..."), a bare
    date on a line of its own that heads no entry, else a short stamp line's date."""
    fallback: PartialDate | None = None  # a stamp line, if no line says more
    yearless: PartialDate | None = None  # "LONDON, Oct. 17 (Xinhua) --", if nothing has a year
    for head in islice((line for line in lines if line.kind != "blank"), HEAD_LINES):
        if yearless is None and dates.bare_in(head.start, head.end):
            yearless = _wire_dateline(norm[head.start : head.end], dates, head)
        hits = _line_hits(dates, head)
        if not hits:
            if (
                fallback is None
                and head.kind == "text"
                and norm.find(":", head.start, head.end) > 0
            ):
                fallback = two_digit_stamp(norm[head.start : head.end])  # "Date: 24-Jul-16"
            continue  # every form below needs a date in the line: most lines have none
        line = norm[head.start : head.end]
        if head.kind == "text" and head.start not in headings and len(line) < DATELINE_MAX:
            bare = line_date(line, None)
            whole = bare is not None and bare.head >= len(line.rstrip())
            if whole and bare is not None and bare.date and bare.date.precision == "day":
                return bare.date
            dateline = _dateline_date(line, hits)
            if dateline is not None:
                return dateline
        datelines = (
            AGENCY_DATELINE.search(line, 0, _AGENCY_REACH) if "(" in line else None,
            _CITY_DATELINE.match(line) if line[:1].isupper() else None,  # "PITTSBURGH, ..."
        )
        for dateline_end in (d.end() for d in datelines if d is not None):
            at = [h for h in hits if h.start == dateline_end and h.date.precision == "day"]
            if at:
                return at[0].date
        marker = _PUBLISHED.search(line) if _may_mark_publication(line) else None
        after = find_dates(line[marker.end() :]).hits if marker is not None else []
        if marker is not None and after:
            clock = _CLOCK.match(line, marker.end())  # "PUBLISHED: 10:15, 3 March 2015"
            told = line[marker.end() + after[0].start : marker.end() + after[0].end]
            if after[0].start == (clock.end() - marker.end() if clock else 0) and not (
                _DAYS_SPANNED.search(told)
            ):
                return after[0].date
        if fallback is None and head.start not in headings:
            fallback = _stamp_date(line, hits)
    return fallback or yearless or _interview_date(norm, dates) or _closing_credit(norm, dates)


def _sitting_date(norm: str, lines: list[Line], dates: DateIndex) -> PartialDate | None:
    """The day a record of a sitting (minutes, a Hansard) says it was held, in the words
    such records open with (_MINUTES_HELD, _HOUSE_MET), near its top: every word in it
    was said then. It dates the words, not the record's publication."""
    for head in islice((line for line in lines if line.kind != "blank"), HEAD_LINES):
        line = norm[head.start : head.end]
        if not _may_record_a_sitting(line):
            continue  # most lines are no such record's
        days = [h for h in _line_hits(dates, head) if h.date.precision == "day"]
        held = (
            _MINUTES_HELD.match(line) if lower(line[:12]).lstrip().startswith("minutes") else None
        )
        if held is not None and days and days[0].start == held.end():
            return days[0].date
        met = next((h for h in days if _HOUSE_MET.match(line, h.end)), None)
        if met is not None:
            return met.date
    return None


def _may_record_a_sitting(line: str) -> bool:
    """Cheap test that _MINUTES_HELD or _HOUSE_MET might match in the line."""
    return " met" in line or " MET" in line or lower(line[:12]).lstrip().startswith("minutes")


def _wire_dateline(line: str, dates: DateIndex, head: Line) -> PartialDate | None:
    """'NAIROBI, Nov 8 (Reuters) -', 'LONDON, Oct. 17 (Xinhua) --', 'PARIS (AFP) March 3
    -', 'Thiruvananthapuram, Jan 8: ...': a wire story's dateline gives the day the story
    was filed, and often no year. A place in capitals (or a town in title case before a
    colon), its month-day (which the scan keeps apart, stated without "on"), then the
    agency or the dash that opens the story: the page's own date, its year unknown."""
    place = _CITY_DATELINE.match(line) if line[:1].isupper() else None
    town = _TOWN_DATELINE.match(line) if place is None and line[:1].isupper() else None
    agency = AGENCY_DATELINE.search(line, 0, _AGENCY_REACH) if "(" in line else None
    for found in (place, town, agency):
        if found is None:
            continue
        at = dates.bare_in(head.start + found.end(), head.start + found.end() + 1)
        if not at or at[0].date.precision != "month-day":
            continue
        after = line[at[0].end - head.start : at[0].end - head.start + _AGENCY_REACH]
        after = after.lstrip(" ,")
        if (after.startswith("(") and AGENCY_DATELINE.match(after)) or (
            _STORY_COLON.match(after) if found is town else _STORY_DASH.match(after)
        ):
            return at[0].date
    return None


def _interview_date(norm: str, dates: DateIndex) -> PartialDate | None:
    """An interview's opening words that give its date ("This begins an interview with
    Ann Lee on April 8, 2003", "Today is April 19, 2013", a weekday perhaps before the
    date), near the top: the date of the document when no stamp or dateline gives one."""
    for word in _INTERVIEW_WORDS:  # a plain search for the words every cue holds
        if norm.find(word, 0, _INTERVIEW_REACH) >= 0:
            break
    else:
        return None  # most texts have none
    for cue in _INTERVIEW_OPENING.finditer(norm, 0, _INTERVIEW_REACH):
        weekday = _WEEKDAY_BEFORE.match(norm, cue.end()) if norm[cue.end()] in "MTWFS" else None
        at = cue.end() if weekday is None else weekday.end()
        hits = dates.dates_in(at, at + DATE_LENGTH)
        if hits and hits[0].start == at and hits[0].date.precision == "day":
            return hits[0].date
    return None


def _closing_credit(norm: str, dates: DateIndex) -> PartialDate | None:
    """'Published in The Daily Star, April 25th, 2013.' as a text's last words: the day a
    paper syndicating the story printed it, when nothing at the top dates the page."""
    tail = max(0, len(norm.rstrip()) - _CREDIT_REACH)
    if norm.find("ublished in ", tail) < 0:
        return None  # most texts end otherwise
    for credit in _PUBLISHED_IN.finditer(norm, tail):
        hits = dates.dates_in(credit.end(), credit.end() + 1)
        if hits and hits[0].date.precision == "day" and not norm[hits[0].end :].strip(" .\n"):
            return hits[0].date
    return None


def _heading_date(dates: DateIndex, turns: Turns) -> PartialDate | None:
    """A transcript whose heading ends with its date ("... on the Space Station April
    24, 2017 The President. Station, ..."): the date right before the first turn is the
    document's, and its undated turns were said on it."""
    first = turns.turns[0][0]
    hits = dates.dates_in(max(0, first - _HEADING_DATE_GAP - DATE_LENGTH), first)
    if not hits or hits[-1].date.precision != "day" or first - hits[-1].end > _HEADING_DATE_GAP:
        return None
    date = hits[-1].date
    for quote in turns.quotes:
        if quote.date is None:
            quote.date = date
    return date


def _line_hits(dates: DateIndex, line: Line) -> list[DateHit]:
    """The dates of the whole text's scan that lie in a line, with offsets in the line."""
    found = dates.dates_in(line.start, line.end)
    return [DateHit(h.start - line.start, h.end - line.start, h.date) for h in found]


def _stamp_date(line: str, found: list[DateHit]) -> PartialDate | None:
    """'Melanie May | 25 March 2019 | News', 'January 26, 2024 07:18 pm | Updated ...':
    a short line, no sentence, whose one full date is the page's own stamp."""
    if len(line) >= DATELINE_MAX + 20 or (ends_sentence(line) and not _BYLINE.match(line)):
        return None  # "Written by Jane Roe on 3 March 2015." is a stamp, as a sentence
    hits = [h for h in found if h.date.precision == "day"]
    if len(hits) != 1 or _FIELD_LABEL.fullmatch(line, 0, hits[0].start):
        return None
    if _tells_of_the_date(line[: hits[0].start]):
        return None
    return hits[0].date


def _tells_of_the_date(before: str) -> bool:
    """'Died 31 October 2008, elected ...', '(3 May to 19 October 2016)': a word joined to
    the date by one space that says what happened then (the line's only word before the
    date, no weekday: 'Died', 'Born'), or that a span ends there ('to', 'until'), makes
    the date a fact's; a page's stamp stands first on its line, or after a separator
    ('|', ','), a time, a weekday, a byline's name or a column's gap."""
    if not before.endswith(" ") or before.endswith("  "):
        return False
    words = before.split()
    word = words[-1] if words else ""
    if word in _SPAN_ENDS:
        return True
    return (
        len(words) == 1
        and word.rstrip(".").isalpha()
        and word[0].isupper()
        and lower(word.rstrip(".")) not in WEEKDAY_NAMES
    )


def _dateline_date(line: str, hits: list[DateHit]) -> PartialDate | None:
    """'Houston, TX - 19 April 2013', 'LONDON, March 3, 2015': a place, then the date."""
    if len(hits) != 1 or hits[0].date.precision != "day" or line[hits[0].end :].strip(" .-:"):
        return None
    place = line[: hits[0].start].rstrip()
    if not place.endswith(("-", ",")) or not _PLACE.fullmatch(place.rstrip(" -,")):
        return None
    return hits[0].date


def _may_mark_publication(line: str) -> bool:
    """Cheap test that _PUBLISHED might match; only for ASCII, where its (?i:) means
    exactly what lowercasing does (non-ASCII letters such as "\u017f" also match "s").
    Four plain substring tests: a regex alternation would test every character."""
    if not line.isascii():
        return True
    lowered = lower(line)
    return any(word in lowered for word in _PUBLISHED_WORDS)


def extract(
    text: str,
    name: str,
    *,
    published: PartialDate | None = None,
    headings: frozenset[int] = frozenset(),
) -> ParsedDocument:
    """The extraction itself; parse_document adds the never-raise guarantee."""
    marked = doubled_singles_as_doubles(text)  # the marks as quote finding reads them
    norm = normalise(marked)
    lines = classify_lines(text, norm)
    segmented = segment(text, norm, lines, published, headings)
    units = _units(segmented.sections)
    scan = find_quotes(marked, norm, units)
    quoted = Intervals([(q.open, q.close) for q in scan.spans])
    stops = has_only_stops(norm)
    sentences = [
        split_sentences(norm, u.start, u.end, quoted.spans, quoted.starts, stops) for u in units
    ]
    layout = Layout(text, norm, units, sentences, segmented.sections, DateIndex(norm))
    flat = [
        (s, e, unit.block.section)
        for unit, spans in zip(units, sentences, strict=True)
        if unit.block.kind != "label"
        for s, e in spans
    ]
    cast = build_cast(norm, flat, quoted)
    heading_starts = {s.heading.start for s in segmented.sections if s.heading is not None}
    if published is None:
        published = _published(norm, lines, heading_starts, layout.dates)
    date_by_page(segmented.sections, published, layout.dates)
    # when the page's quotes were said, where nothing closer says
    said = (
        quotes_note_date(layout)
        or _sitting_date(norm, lines, layout.dates)
        or article_occasion(layout, published, quoted)
        or published
    )
    unit_dates = [segmented.sections[u.block.section].date or said for u in units]
    turns = find_turns(text, norm, units, cast, unit_dates)
    if published is None and turns.turns:
        published = _heading_date(layout.dates, turns)
        said = said or published
    spans = scan.spans  # a marked quote inside a turn is the speaker quoting someone
    if turns.blocks:
        spans = [q for q in spans if not turns.is_block(q.open)]
    attributor = Attributor(norm, cast, quoted)
    quotes = QuoteBuilder(layout, attributor, published, said, turns.listed).build(spans)
    nested = nested_quotes(layout, spans) if spans else []
    if nested:
        quotes = sorted([*quotes, *nested], key=lambda q: q.span.start)
    blocks = _introduced(layout, attributor, cast, quoted, turns, unit_dates) if ":" in norm else []
    if turns.quotes or blocks:
        first_person(quotes, turns, norm)
        said_turns = _unmarked_turns(turns.quotes, quotes)
        quotes = sorted([*quotes, *said_turns, *blocks], key=lambda q: q.span.start)
    posted_dates(layout, quotes)
    events = EventBuilder(layout, cast, published, quoted).build()
    warnings = [*scan.warnings, *_date_warnings(layout, lines)]
    return ParsedDocument(
        title=page_title(layout, cast, name),
        published=published,
        people=cast.records(),
        events=events,
        quotes=quotes,
        warnings=warnings,
    )


def _unmarked_turns(turns: list[QuoteRecord], marked: list[QuoteRecord]) -> list[QuoteRecord]:
    """The turns not already read as marked quotes: `Name: "..."` is one quote, read from
    its marks (which end where the speaker does), not again as a turn (which may run on
    over the next label the turn reader cannot read)."""
    if not marked:
        return turns
    by_start = {(q.span.start, q.speaker) for q in marked}
    return [
        turn
        for turn in turns
        if not any((turn.span.start + lead, turn.speaker) in by_start for lead in _MARK_LEADS)
    ]


def _introduced(
    layout: Layout,
    attributor: Attributor,
    cast: Cast,
    quoted: Intervals,
    turns: Turns,
    dates: list[PartialDate | None],
) -> list[QuoteRecord]:
    """Paragraphs of someone's words that a colon introduces (quotes.introduced_blocks)
    and list items a person's name labels (quotes.labelled_items), where no marked quote,
    turn or block quote already is."""

    def taken(unit: Unit) -> bool:
        start = unit.start
        return _holds(quoted, unit) or turns.in_turn(start) is not None or turns.is_block(start)

    people = {name: record.aliases for name, record in cast.people.items()}
    items = labelled_items(layout, people, taken, dates)
    return [*introduced_blocks(layout, attributor, taken, dates), *items]


def _holds(quoted: Intervals, unit: Unit) -> bool:
    """A quotation opens inside the unit."""
    index = bisect.bisect_left(quoted.starts, unit.start)
    return index < len(quoted.starts) and quoted.starts[index] < unit.end


def _date_warnings(layout: Layout, lines: list[Line]) -> list[str]:
    dates = layout.dates
    if not dates.rejected and not dates.ambiguous:
        return []
    starts = [line.start for line in lines]
    warnings: list[str] = []
    for offset, rejected in dates.rejected:
        number = bisect.bisect_right(starts, offset)
        warnings.append(f"impossible date {rejected!r} at line {number}")
    for offset, unread in dates.ambiguous:  # left undated: see dates._month_first
        number = bisect.bisect_right(starts, offset)
        warnings.append(f"date {unread!r} at line {number} reads as day or month first")
    return warnings


def parse_document(
    text: str,
    name: str,
    *,
    published: PartialDate | None = None,
    headings: frozenset[int] = frozenset(),
) -> ParsedDocument:
    """Extract events, quotes and people; a failure becomes a warning, never an exception.

    published is the document's own date when its metadata states it (a saved page's,
    a front-matter block's): it then anchors relative and year-less dates instead of a
    date the text itself shows near its top. headings are the numbers of the lines its
    markup marks as headings (Markdown's, a page's): a date there heads a section, even
    at the top, where a bare date line is otherwise taken for the document's own date.
    """
    try:
        return extract(text, name, published=published, headings=headings)
    except Exception as exc:  # the extractor must not take ingest down with it
        return ParsedDocument(name, None, [], [], [], [f"extractor failed: {exc!r}"])
