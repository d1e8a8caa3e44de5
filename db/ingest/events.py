"""Events: dated headings, captions with their own date, and dated facts in sentences.

Relative dates resolve against the section's date (or the document's), at the
precision really stated; "two days before the invasion, X" dates the invasion.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from typing import Final

from db.ingest.clean import BULLET_CHARS, ends_sentence
from db.ingest.dates import (
    ENTRY_SEPARATOR,
    LIKELY_YEAR,
    NEXT_WEEKDAY,
    WEEKDAY_WORD,
    DateHit,
    make_date,
    make_year,
    nearest_to,
    shift,
    within_year,
)
from db.ingest.lexicon import FACT_LINE_WORDS, MONTHS, WEEKDAY_NAMES, WEEKDAYS
from db.ingest.people import Cast, Intervals
from db.ingest.quotemarks import Unit
from db.ingest.quotes import Layout
from db.ingest.segment import Section, bracket_year_headings, is_time_stamp, is_title_line
from db.records import EventRecord, PartialDate, Span
from db.text import lower

SUMMARY_LIMIT: Final = 300
_HIT_START: Final = operator.attrgetter("start")
TITLE_LIMIT: Final = 200
MAX_PER_SENTENCE: Final = 8  # a sentence with more dates is a list; its first ones are enough
# "1904 - sent catalogs; 1926 - opened a store; ..." entries are each an event of their
# own, however many one paragraph runs on (up to this bound, which keeps a line linear).
MAX_ENTRIES_PER_SENTENCE: Final = 100
_ENTRY_LEAD: Final = re.compile(r";[ \t]*$")
_DATELINE: Final = re.compile(
    r"[A-Z][A-Z .'-]{2,40}(?:,\s[\w .'-]{2,40})?\s\([\w .'-]{2,30}\)\s?-{1,2}\s?"
)
_POSITION: Final = re.compile(
    r"\s\((?:left|right|center|centre|(?:second|third) from (?:left|right))\)"
)
# "Retrieved 2016-05-01.", "Archived from the original on October 4, 2002.": a
# reference list's note of when a citation was read, not a dated fact.
_CITATION_NOTE: Final = re.compile(
    r"\s*(?:Retrieved|Accessed|Archived from the original|Archived)(?:\s+on)?\s*"
)
# A life's span after a name ("Ann Lee (1931-2018)", any dash folded to "-"), and the
# words of a death, before a month that tells when in the last year it came.
_LIFE_SPAN: Final = re.compile(rf"\(({LIKELY_YEAR})\s?-\s?({LIKELY_YEAR})\)")
_DEATH: Final = re.compile(r"\b(?:died|passed away|death)\b")
# A month's name alone in brackets, an entry's note of when in its year: "(September)".
_MONTH_NOTE: Final = re.compile(
    r"\((January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\)"
)
_PARENS: Final = re.compile(r"\(([^()]{10,300})\)")
_PHRASE_END: Final = re.compile(r"[,;:]|$")
_CLAUSE_BREAK: Final = re.compile(r"[,;]\s|\s[\u2014\u2013-]{1,2}\s")
# A subordinate clause opened by a participle or a conjunction, optionally with
# "that": ", recalling that the union applied in 1954", ", while the fleet sailed in 1905".
_CLAUSE_OPENER: Final = re.compile(
    r"(?:[a-z]+ing|and|but|while|whereas|although|though|because|since|as|after|before|when)"
    r"(?:\s+that)?\s+(?=\S)"
)
MIN_CLAUSE_WORDS: Final = 4
_ENTRY_SEPARATOR: Final = re.compile(ENTRY_SEPARATOR)
_CALENDAR_UNITS: Final = ("week-span", "month", "year")  # what "last week" and such count in
_LOOK_BACK: Final = 8  # dates looked back over for the one "three years later" counts from
# The words of a sentence that only says what day it is ("Today is April 19, 2013.").
_DATE_STATEMENT: Final = frozenset("today this it is was the date now".split())
_WORD_EDGES: Final = " .,;:!?\"'()"
_DATE_STATEMENT_MAX: Final = 48  # characters around the date in such a sentence
# A sentence about what is to come: a weekday in it is the next one, not the last.
_FUTURE: Final = re.compile(
    r"\b(?:will|'ll|won't|shall|due to|due|scheduled|expected to|set to|plans? to|planned|going to"
    rf"|is to|are to|would|for {WEEKDAY_WORD})\b"
)

_ENTRY_DATE_REACH: Final = 40  # "Wednesday, September 30, 2015" opening a paragraph
_RUN_IN: Final = re.compile(r" +[A-Z]")  # the entry's first sentence, on the date's line
_WEEKDAY_GAP: Final = 3  # ", " between a weekday and the date it names
# Words of a life's span in brackets, beside its dates: "(b. 1911, d. 1980)".
# "\u2020" and "*": a death's and a birth's marks ("* 3 May 1887 in Bergen, \u2020 ...").
_LIFE_WORDS: Final = frozenset([*"b born d died c circa ca and to until in \u2020 *".split(), ""])
_LIFE_EDGES: Final = " .,;:-"
# What joins a life's two dates on a name's line, and the words besides a name there.
_LIFE_JOINS: Final = frozenset(("-", "--", "to", "\u2020", "- \u2020", "d.", "died"))
_LIFE_NAME_WORDS: Final = frozenset(("in", "memoriam", "b", "born", "*", ""))
_CLAUSE_DATE_LEADS: Final = frozenset(("", "on", "in", "at", "c.", "ca.", "circa", "around"))
_BOUND_WORDS: Final = ("until", "since", "from", "by", "till")
_NAME_REACH: Final = 24  # the word before an aside's bracket: a name's or a clause's
_MIN_ENTRY_LINES: Final = 2  # lines under an entry's own before they are entries too
_ENTRY_LINE_MOST: Final = 100  # characters in such a line
# A line opened by a span of numbers ("743-742 First War: ...", "1315-8 Invasion."): a
# chronology's row of its own years, never a further entry of the row above.
_SPAN_ROW: Final = re.compile(r"\d{1,4}\s?[-\u2013\u2014/]\s?\d{1,4}\b")
_DAY_ITEM_MOST: Final = 300  # characters in a paragraph of a day's list (_day_items)
_DAY_ITEM_SENTENCES: Final = 2
_MIN_DAY_HEADINGS: Final = 2  # days headed in a text before it lists days' happenings
_MIN_YEAR_HEADINGS: Final = 3  # bare year headings before a text lists years' happenings
# Bare date lines over a short name line and words ("Nov 21, 1510" / "Severe Flood" /
# "Flooding in ..."), as a timeline exports each entry, each name its own, before the
# names head them: one alone may be a page's stamp over its byline ("Mar 2017" /
# "Matosinhos Portugal").
_MIN_NAMED_ENTRIES: Final = 3
# Every quotation mark, as normalise folds them: a paragraph opening with one is a
# quotation, and one closing a sentence may stand after its full stop.
_QUOTE_MARKS: Final = "\"'"
# A topic's own line: short, not closed as a sentence is ("Ann Lee (1948-2018)" is one).
_TOPIC_LINE_MOST: Final = 100
_TOPIC_LINE_ENDS: Final = (".", "!", "?", ":", ";", '"', "'", ",")
_RESTATED_GAP: Final = len(", on ")  # between "the next day" and the date that restates it
_FUTURE_REACH: Final = 60
# A plan that changed ("was originally scheduled to be held on August 26", "had been
# due on Monday"): its day has gone by, so the past one stands. A plain "were due to
# reopen Tuesday" may still be to come, and is.
_PAST_PLAN: Final = re.compile(r"\b(?:(?:was|were|had) originally|had(?: originally)? been) $")
_PAST_PLAN_REACH: Final = len("had originally been ")
_WEEKDAY_LEADS: Final = frozenset(("", "On", "on", "By", "by", "Until", "until", "And", "Then"))
_CLAUSE_STOP: Final = re.compile(r"[;:.!?]")
# A verb of the past between a weekday and "will": "said", "told", "announced".
_PAST_WORD: Final = re.compile(
    r"[a-z]{2,}ed|said|told|wrote|spoke|made|gave|took|met|was|were"
)  # how far before a weekday a word of the future makes it the next


# The writer's own words in a sentence: a diary's or a letter's, not a chronology's.
_FIRST_PERSON: Final = re.compile(r"\b(?:I|I'm|I've|I'd|[Ww]e|[Mm]y|[Oo]ur|[Mm]e|[Uu]s)\b")
_MONTH_END: Final = 31  # a month's entry reaches to its last day
_FACT_LINE_MOST: Final = 160  # a header line of a life's facts, at most
_MIN_FACTS: Final = 2  # dated facts in a line before it is read as such a line
# Where one fact of such a line ends: a comma, a semicolon, a bar or a spaced dash.
_FACT_BREAK: Final = re.compile(r"[,;|]|\s[\u2013\u2014-]{1,2}\s")
_CLOSING_YEAR: Final = re.compile(rf"(?<![\d,.])\b({LIKELY_YEAR})\.?$")
_FIRST_WORD: Final = re.compile(r"\s*([A-Za-z]+\.?)")
_FACT_EDGES: Final = " ,;|:\u2013\u2014-"


def _first_word(text: str, start: int = 0, end: int | None = None) -> str:
    """The first word of text[start:end], lower case, a full stop kept ("b.", "d."); ""
    if none. Read in place: a unit's line is not copied out to find that it opens with
    no fact's word, as nearly every one does."""
    found = _FIRST_WORD.match(text, start, len(text) if end is None else end)
    if found is None:
        return ""
    word = lower(found.group(1))
    return word if word in FACT_LINE_WORDS else word.rstrip(".")


def trim(text: str, limit: int) -> str:
    """Cut at a word boundary with an ellipsis when longer than limit."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:-") + "…"


def _undatelined(text: str) -> str:
    """The text without its first dateline ("MOSCOW (AP) -- "); one needs a "("."""
    return _DATELINE.sub("", text, count=1) if "(" in text else text


def _unbulleted(text: str) -> str:
    """A list item's words without its mark: "- On March 3 ..." -> "On March 3 ..."."""
    stripped = text.lstrip()
    if stripped[:1] in BULLET_CHARS and stripped[1:2].isspace():
        return stripped[2:].lstrip()
    return text


def _is_day(date: PartialDate | None) -> bool:
    return date is not None and date.day is not None


def _capitalise(text: str) -> str:
    text = text.strip(" ,;:-")
    return text[:1].upper() + text[1:]


def _restates(date: PartialDate, section: PartialDate | None) -> bool:
    """The section's own date stated again, at its precision or coarser: "in 1848" under
    "1848" / "15 June" tells the heading's event, no other."""
    if section is None or date == section:
        return date == section
    if date.year is None or date.year != section.year or date.day is not None:
        return False
    return date.month is None or (date.month == section.month and section.day is not None)


class EventBuilder:
    """Collects the events of one document."""

    def __init__(
        self,
        layout: Layout,
        cast: Cast,
        published: PartialDate | None,
        quoted: Intervals | None = None,
    ) -> None:
        self.layout = layout
        self.cast = cast
        self.published = published
        self.quoted = quoted or Intervals([])  # the text's quotations
        self.events: list[EventRecord] = []
        self.seen: set[tuple[str, str]] = set()
        self.starts = [m.start for m in cast.mentions]
        # The last date a count resolved ("the next morning"), and where: a count after
        # it, with no date stated between, counts on from it.
        self.told: tuple[int, PartialDate] | None = None
        self.titles: list[int] | None = None  # title lines' starts, once asked (_topic_start)
        self.days: int | None = None  # sections a day heads, once asked (_headed_days)
        self.years: int | None = None  # sections a bare year heads (_headed_years)
        # The paragraph under a bracketed year heading, by its start, and that year: a
        # sentence there that states the year again tells the heading's event.
        self.restated: tuple[int, PartialDate] | None = None
        self.entry_names: set[str] = set()  # each one entry's own name line (see build)

    def build(self) -> list[EventRecord]:
        """All events of the document, in text order, without repeats."""
        by_section: dict[int, list[Unit]] = {}
        for unit in self.layout.units:
            by_section.setdefault(unit.block.section, []).append(unit)
        year_item: Section | None = None  # the "- 1638" item that the items below refine
        headings = bracket_year_headings(self.layout.norm, [u.block for u in self.layout.units])
        names: dict[str, int] = {}
        for section in self.layout.sections:
            if section.heading is not None and section.date is not None:
                name = _entry_name(self.layout.text, section, by_section.get(section.index, []))
                if name is not None:
                    names[name] = names.get(name, 0) + 1
        # a line over two entries or more ("Canadian Life") is a category, not a name,
        # and a timeline that files entries under categories names none of them
        if len(names) >= _MIN_NAMED_ENTRIES and all(count == 1 for count in names.values()):
            self.entry_names = set(names)
        for section in self.layout.sections:
            units = by_section.get(section.index, [])
            year_item = self._year_item(section, units, year_item)
            if section.heading is not None and section.date is not None:
                self._heading_event(section, units)
                self._entry_lines(section, units)
                self._day_items(section, units)
                self._continued_items(section, units)
            for index, unit in enumerate(units):
                year = headings.get(unit.start) if headings else None
                if year is not None:
                    self._bracket_heading(year, unit, units[index + 1 : index + 2])
                    continue
                self._unit_events(section, unit)
            if year_item is not None and year_item is not section:
                self._sibling_items(year_item, units)
        return self.events

    def _bracket_heading(self, year: PartialDate, unit: Unit, below: list[Unit]) -> None:
        """'3. Mobiles go digital (1991)' over its paragraph: an event of that year, told
        by the paragraph's first sentences, where the year is not stated again."""
        text = self.layout.text
        summary = text[unit.start : unit.end]
        end = unit.end
        if below and below[0].block.kind == "paragraph":
            sentences = self.layout.sentences[below[0].index][:2]
            summary = text[sentences[0][0] : sentences[-1][1]] if sentences else summary
            end = below[0].end
            self.restated = (below[0].start, year)
        title = text[unit.start : unit.end]
        self._add(year, title, summary, self._people(unit.start, end), unit.start, unit.end, True)

    def _entry_lines(self, section: Section, units: list[Unit]) -> None:
        """'1868. Opening of Hyogo and Osaka.' / 'Yedo named Tokyo and made capital.' / ...:
        short lines, one sentence each and undated, right under an entry's own line (no
        blank line between) are further entries of its date, as a chronology lists a
        year's events; at least two, so that a heading's one line of detail stays its."""
        heading = section.heading
        assert heading is not None
        assert section.date is not None
        if not self.layout.norm[section.headline_start : heading.end].strip():
            return  # a bare date line: its words are its own event (see _heading_event)
        lines: list[Unit] = []
        line = heading.line
        for unit in units:
            if unit.block is heading:
                continue
            if unit.block.kind != "paragraph" or unit.block.line != line + 1:
                break
            if not self._entry_line(unit):
                break
            lines.append(unit)
            line += 1
        if len(lines) < _MIN_ENTRY_LINES:
            return
        text = self.layout.text
        for unit in lines:
            words = text[unit.start : unit.end]
            self._add(
                section.date, words, words, self._people(unit.start, unit.end), unit.start, unit.end
            )

    def _day_items(self, section: Section, units: list[Unit]) -> None:
        """'January 23' / 'The envoy was recalled.' / 'Talks were cancelled.': a bare day's
        heading over short paragraphs, as a live timeline lists what happened that day.
        The first is the heading's event (see _heading_event); each one after it is an
        event of the day too. Only where every paragraph is short and states no date of
        its own, so that a dated essay's paragraphs stay its one event. A bare year's
        heading ("1881:") lists so too, in a chronology of three or more, where its
        paragraphs stand apart by blank lines (wrapped lines tell one happening on)."""
        heading = section.heading
        assert heading is not None
        assert section.date is not None
        if self.layout.norm[section.headline_start : heading.end].strip():
            return
        if section.date.day is not None:
            if self._headed_days() < _MIN_DAY_HEADINGS:
                return  # one dated line over an article is its date, not a timeline's day
        elif section.date.precision != "year" or self._headed_years() < _MIN_YEAR_HEADINGS:
            return  # "1881:" over its happenings, in a chronology of such headings
        body = [u for u in units if u.block is not heading]
        if len(body) > 1 and self._running_head(body[-1]):
            body.pop()  # a running head ("Timeline of American Business") closing it
        least = _MIN_ENTRY_LINES if section.date.day is not None else 1
        if len(body) <= least or not all(self._day_item(u) for u in body):
            return
        if section.date.day is None and not self._set_apart(body):
            return  # a year's entry hard-wrapped over lines is one happening, told on
        text, sentences = self.layout.text, self.layout.sentences
        for unit in body[1:]:
            first = sentences[unit.index][:1]
            if first:
                words = text[first[0][0] : first[0][1]]
                people = self._people(unit.start, unit.end)
                self._add(section.date, words, words, people, unit.start, unit.end)

    def _continued_items(self, section: Section, units: list[Unit]) -> None:
        """'Jan. 28 - Clashes kill 24.' / '- Troops move in.' / '- Curfew extended.': dash
        items right under a dated entry (itself no item) that state no date of their own
        go on with its date, as a wire timeline lists more of one day's happenings. Each
        must read as a statement (a full stop), so a list of figures stays out."""
        heading = section.heading
        assert heading is not None
        assert section.date is not None
        norm = self.layout.norm
        if not norm[section.headline_start : heading.end].strip():
            return  # a bare date over its items: see _heading_event
        if norm[heading.start : heading.start + 1] in BULLET_CHARS:
            return  # "- 765: ..." / "- 750-850: ...": siblings, each with its own time
        dates, text = self.layout.dates, self.layout.text
        for unit in units:
            if unit.block is heading:
                continue
            if unit.block.kind != "bullet" or not self._statement(unit):
                break
            if dates.dates_in(unit.start, unit.end) or dates.partial_in(unit.start, unit.end):
                break
            item = text[unit.start : unit.end].lstrip("*-\u2022 ")
            people = self._people(unit.start, unit.end)
            self._add(section.date, item, item, people, unit.start, unit.end)

    def _statement(self, unit: Unit) -> bool:
        """The unit ends as a statement does: a full stop, perhaps inside a closing mark."""
        return self.layout.norm[unit.start : unit.end].rstrip().rstrip(_QUOTE_MARKS).endswith(".")

    def _headed_days(self) -> int:
        """How many sections a day's date heads (counted once, when first asked)."""
        if self.days is None:
            self.days = sum(s.heading is not None and _is_day(s.date) for s in self.layout.sections)
        return self.days

    def _running_head(self, unit: Unit) -> bool:
        """One line, one sentence, no full stop: a page's running head, no happening."""
        one_line = "\n" not in self.layout.norm[unit.start : unit.end]
        single = len(self.layout.sentences[unit.index]) == 1
        return one_line and single and not self._statement(unit)

    def _set_apart(self, body: list[Unit]) -> bool:
        """Each paragraph stands apart from the one before it by a blank line."""
        norm = self.layout.norm
        return all("\n\n" in norm[a.end : b.start] for a, b in itertools.pairwise(body))

    def _headed_years(self) -> int:
        """How many sections a bare year heads (counted once, when first asked)."""
        if self.years is None:
            self.years = sum(
                s.heading is not None
                and s.date is not None
                and s.date.precision == "year"
                and not self.layout.norm[s.headline_start : s.heading.end].strip()
                for s in self.layout.sections
            )
        return self.years

    def _day_item(self, unit: Unit) -> bool:
        """A paragraph of at most two sentences ending with a full stop, not a quotation,
        that states no date."""
        if unit.block.kind != "paragraph" or unit.end - unit.start > _DAY_ITEM_MOST:
            return False
        if len(self.layout.sentences[unit.index]) > _DAY_ITEM_SENTENCES:
            return False
        norm = self.layout.norm
        if norm[unit.start : unit.start + 1] in _QUOTE_MARKS:
            return False
        if not self._statement(unit):
            return False  # a headline over its story, a link: no statement of what happened
        dates = self.layout.dates
        return not dates.dates_in(unit.start, unit.end) and not dates.partial_in(
            unit.start, unit.end
        )

    def _entry_line(self, unit: Unit) -> bool:
        """A short line of one sentence, ending with a full stop, that states no date."""
        if unit.end - unit.start > _ENTRY_LINE_MOST or len(self.layout.sentences[unit.index]) != 1:
            return False
        dates = self.layout.dates
        norm = self.layout.norm
        return (
            norm[unit.end - 1] == "."
            and not (norm[unit.start].isdecimal() and _SPAN_ROW.match(norm, unit.start))
            and not dates.dates_in(unit.start, unit.end)
            and not dates.partial_in(unit.start, unit.end)
            and not dates.relatives_in(unit.start, unit.end)
        )

    def _year_item(
        self, section: Section, units: list[Unit], current: Section | None
    ) -> Section | None:
        """The bare year item ("- 1638") whose list the section's items belong to: the
        section itself, or, for a dated item of that year ("- March 29: ..."), the one
        above; None once a section leaves that list."""
        date, heading = section.date, section.heading
        if date is None or heading is None:
            return None
        line = self.layout.norm[heading.start : heading.end].lstrip()
        headline = self.layout.norm[section.headline_start : heading.end]
        if date.precision == "year":  # "- 1638" or "1638" alone, over its list
            alone = all(unit.block is heading for unit in units)  # no words of its own
            return section if alone and not headline.strip() else None
        if not line.startswith(("-", "*", "\u2022")):
            return None
        if current is not None and current.date is not None and current.date.year == date.year:
            return current
        return None

    def _sibling_items(self, year_item: Section, units: list[Unit]) -> None:
        """'- 1638' / '- March 29: ...' / '- Fort built ...': an undated item after a dated
        one of that year is the year's, as the items are siblings in one list."""
        assert year_item.date is not None
        text = self.layout.text
        for unit in units:
            if unit.block.kind != "bullet" or self.layout.dates.dates_in(unit.start, unit.end):
                continue
            item = text[unit.start : unit.end].lstrip("*-\u2022 ")
            people = self._people(unit.start, unit.end)
            self._add(year_item.date, item, item, people, unit.start, unit.end)

    def _people(self, start: int, end: int) -> list[str]:
        seen: dict[str, None] = {}
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        for mention in self.cast.mentions[low:high]:
            if mention.person and mention.kind != "pronoun" and not mention.in_quote:
                seen.setdefault(mention.person, None)
        return list(seen)

    def _told_beside(self, start: int, pos: int) -> bool:
        """A count at pos about a phrase ('seven years before the state was admitted')
        dates that phrase back from the time it is told at: the section's or the story's,
        or a date of its own sentence (from start) that the count stands beside ('In
        1920, three years after the revolution'), not one of another clause."""
        stated = self.layout.dates.dates_in(start, pos)
        return not stated or not self.layout.norm[stated[-1].end : pos].strip(" ,")

    def _phrase_date(self, start: int, end: int) -> PartialDate | None:
        """The one date stated in the phrase a count is about ("14 years after the coup
        against Zelaya in 2009"), up to the phrase's end (a comma, a semicolon or the
        sentence's)."""
        stop = _PHRASE_END.search(self.layout.norm, start, end)
        stated = self.layout.dates.dates_in(start, stop.start() if stop else end)
        return stated[0].date if len(stated) == 1 else None

    def _add(
        self,
        date: PartialDate,
        title: str,
        summary: str,
        people: list[str],
        start: int,
        end: int,
        heading: bool = False,
    ) -> None:
        """Record an event spanning [start, end) unless one has its date and title.

        Its Span is made only when it is kept: a record of db.records is made through
        the Python __init__ that dataclasses generate, even in the compiled build.
        """
        title = trim(_undatelined(_unbulleted(title)), TITLE_LIMIT).rstrip(" |")  # a row's bar
        key = (date.iso(), title)
        if not title or key in self.seen:
            return
        self.seen.add(key)
        summary = trim(_undatelined(_unbulleted(summary)), SUMMARY_LIMIT)
        self.events.append(EventRecord(date, title, summary, people, Span(start, end), heading))

    def _heading_event(self, section: Section, units: list[Unit]) -> None:
        assert section.heading is not None
        assert section.date is not None
        if self._day_in_entry(section):
            return  # its words' own event holds the day
        text = self.layout.text
        lead = self._first_body(units)  # the body's first paragraph: most need no more
        headline = text[section.headline_start : section.heading.end]
        summary = headline  # a heading alone
        if lead is not None:
            sentences = self.layout.sentences[lead.index][:2]
            summary = text[sentences[0][0] : sentences[-1][1]] if sentences else ""
        end = units[-1].end if units else section.heading.end
        bare = not headline.strip()
        bullets = [u for u in units if u.block.kind == "bullet"] if bare else []
        if bullets:  # "- 1832" over "- Bayard ..." items
            for unit in bullets:
                stated = self.layout.dates.dates_in(unit.start, unit.end)
                # "300 B.C." over "- Greek culture reaches Axum (c. 300 B.C.)": an item
                # that states only the heading's date again is an item of it too
                if all(_restates(hit.date, section.date) for hit in stated):
                    item = text[unit.start : unit.end].lstrip("*-\u2022 ")
                    people = self._people(unit.start, unit.end)
                    self._add(section.date, item, item, people, unit.start, unit.end)
            body = [u for u in units if u.block.kind == "paragraph" and not self._is_own_date(u)]
            if all(is_title_line(self.layout.norm, u.start, u.end) for u in body):
                return  # "1950" / "Academic initiatives" / "- Botany ...": the items tell
        below = _named_below(section, units) if bare else None
        if bare and lead is None and below is not None:
            lead = below  # "07 November" over "First Melbourne Cup": a short line says
        elif (
            below is not None
            and lead is not None
            and lead.start > below.start
            and text[below.start : below.end].strip() in self.entry_names
        ):
            # "Nov 21, 1510" / "Severe Flood" / "Flooding in the city ...": each entry's
            # own name heads it, its words tell more
            headline = text[below.start : below.end].strip()
            bare = False
        if bare and lead is not None:  # a bare date line: its first sentence says what
            first = self.layout.sentences[lead.index][:1]
            headline = text[first[0][0] : first[0][1]] if first else ""
            if first and self._finer_in(section.date, *first[0]):
                return  # "1905" over "On 3 June the quay opened.": that day is the event
        self._add(
            self._noted_month(section.date, section.headline_start, section.heading.end),
            headline,
            summary,
            self._people(section.heading.start, end),
            section.heading.start,
            section.heading.end,
            heading=True,
        )

    def _first_body(self, units: list[Unit]) -> Unit | None:
        """The first paragraph of units that is not the document's own date alone."""
        for unit in units:
            if unit.block.kind == "paragraph" and not self._is_own_date(unit):
                return unit
        return None

    def _noted_month(self, date: PartialDate, start: int, end: int) -> PartialDate:
        """'1822 | The Moresby Treaty. ... (September)': a year entry whose words note one
        month alone in brackets happened in that month of the year."""
        if date.precision != "year" or date.year is None:
            return date
        notes = _MONTH_NOTE.findall(self.layout.norm, start, end)
        if len(notes) != 1:
            return date
        return make_date(date.year, MONTHS[lower(notes[0])], None) or date

    def _finer_in(self, heading: PartialDate, start: int, end: int) -> bool:
        """A year heading's first sentence at [start, end) states a month or a day of
        that year, or a month heading's ("August 1945") a day of that month: the
        sentence's event holds it, and the heading makes none of its own."""
        if heading.precision not in ("year", "month"):
            return False
        dates = self.layout.dates
        hits = [*dates.dates_in(start, end), *dates.bare_in(start, end)]
        hits += dates.partial_in(start, end)
        if heading.precision == "year":
            return any(
                h.date.month is not None and h.date.year in (None, heading.year) for h in hits
            )
        return any(
            h.date.day is not None
            and h.date.month == heading.month
            and h.date.year in (None, heading.year)
            for h in hits
        )

    def _day_in_entry(self, section: Section) -> bool:
        """A year entry whose words state one month-day ("1963: ... a speech June 11 at
        the hall"): that day, in the entry's year, is the event, not the year."""
        assert section.heading is not None
        if section.date is None or section.date.precision != "year":
            return False
        dates = self.layout.dates
        hits = [
            *dates.dates_in(section.headline_start, section.heading.end),
            *dates.bare_in(section.headline_start, section.heading.end),
        ]
        return len(hits) == 1 and hits[0].date.precision == "month-day"

    def _unit_events(self, section: Section, unit: Unit) -> None:
        if unit.block.kind == "label" or self._fact_line(unit):
            return
        dates = self.layout.dates
        stated = dates.dates_in(unit.start, unit.end)  # most units state none
        if stated and self._only_own_date(unit, stated):
            return
        anchor = section.date or self.published
        in_year = section.date is not None and section.date.year is not None
        if (
            not stated
            and not (in_year and dates.bare_in(unit.start, unit.end))
            and (anchor is None or not dates.relatives_in(unit.start, unit.end))
            and not dates.partial_in(unit.start, unit.end)
        ):
            return  # its sentences lie inside it: none of them can date anything
        entry = self._entry_date(unit) if section.date is None else None
        for number, (start, end) in enumerate(self.layout.sentences[unit.index]):
            if unit.block.kind == "caption" and number == 0:
                self._caption_event(section, start, end)
                continue  # the caption's own date; the sentences after it tell as prose do
            days = entry is not None and self._has_relative_day(start, end)
            own = entry.start if days and entry else -1
            self._stated_dates(section, start, end, own, unit.start)
            if entry is not None:
                self._relative_dates(entry.date, start, end, True, unit.start)
            elif section.date is None:
                self._relative_dates(anchor, start, end, True, unit.start)
            elif anchor is not None:
                self._relative_dates(anchor, start, end, False, section.headline_start)

    def _stated_before(self, since: int, pos: int) -> PartialDate | None:
        """The last date with a year stated in [since, pos), given its year from the
        document's date if it is a month-day, or the year a span there reaches ("between
        1939 and 1947. In that year ..."); among the last few dates only, so that a
        paragraph of many year-less dates stays linear."""
        dates = self.layout.dates
        span_end = dates.span_end_before(since, pos)  # "between 1939 and 1947": 1947
        high = bisect.bisect_left(dates.hit_starts, pos)
        low = max(bisect.bisect_left(dates.hit_starts, since), high - _LOOK_BACK)
        for index in range(high - 1, low - 1, -1):
            hit = dates.hits[index]
            if span_end is not None and span_end.start > hit.start:
                return span_end.date
            date = self._in_frame(nearest_to(hit.date, self.published), hit.start)
            if date.year is not None:
                return date
        return span_end.date if span_end is not None else None

    def _told_since(self, since: int, pos: int) -> PartialDate | None:
        """The date a count resolved in [since, pos) after the last date stated there."""
        if self.told is None or not since <= self.told[0] < pos:
            return None
        starts = self.layout.dates.hit_starts
        last = bisect.bisect_left(starts, pos) - 1
        return self.told[1] if last < 0 or starts[last] < self.told[0] else None

    def _stated_in_section(
        self, since: int, pos: int, section: PartialDate | None
    ) -> PartialDate | None:
        """The last date stated in a dated section before pos (from since, its heading's
        words), in the section's year; among the last few dates only."""
        dates = self.layout.dates
        high = bisect.bisect_left(dates.hit_starts, pos)
        low = max(bisect.bisect_left(dates.hit_starts, since), high - _LOOK_BACK)
        for index in range(high - 1, low - 1, -1):
            date = within_year(dates.hits[index].date, section)
            if date.year is not None:
                return date
        return None

    def _restated(self, end: int) -> bool:
        """A date right after a count ends at end ("the next year, in April", "on that day
        in 1920"): it states the count's date more exactly, or another one."""
        dates = self.layout.dates
        gap = end + _RESTATED_GAP
        return bool(dates.dates_in(end, gap) or dates.partial_in(end, gap))

    def _days_dated(self, section: Section, days: list[DateHit], since: int) -> list[DateHit]:
        """Days stated alone ("On the 24th it sailed"), each in the month last stated
        with its year: the section's, else the paragraph's before it (from since).
        Left out where neither says both."""
        dated: list[DateHit] = []
        for hit in days:
            frame = section.date
            if frame is None or frame.month is None or frame.year is None:
                frame = self._month_before(since, hit.start, section.date)
            if frame is None or frame.month is None or frame.year is None:
                continue
            date = make_date(frame.year, frame.month, hit.date.day)
            if date is not None:
                dated.append(DateHit(hit.start, hit.end, date))
        return dated

    def _month_before(
        self, since: int, pos: int, section: PartialDate | None
    ) -> PartialDate | None:
        """The last date with a month and a year stated in [since, pos), a month-day
        given its year as an event of it would be; among the last few."""
        dates = self.layout.dates
        high = bisect.bisect_left(dates.hit_starts, pos)
        low = max(bisect.bisect_left(dates.hit_starts, since), high - _LOOK_BACK)
        for index in range(high - 1, low - 1, -1):
            hit = dates.hits[index]
            if hit.date.month is None:
                continue
            if section is not None:
                return within_year(hit.date, section)
            return self._in_frame(nearest_to(hit.date, self.published), hit.start)
        return None

    def _months_dated(
        self, section: Section, months: list[DateHit], start: int, end: int
    ) -> list[DateHit]:
        """Months stated alone ("In March the harbour froze"), each in the year it is
        told in: the section's; else, in a text with its own day, the latest such month
        on or before that day (the first after it in a sentence about what is to come);
        else the year the narrative last stated. Left out where none says the year."""
        dated: list[DateHit] = []
        published = self.published
        for hit in months:
            month = hit.date.month
            assert month is not None
            year: int | None = None
            if section.date is not None and section.date.year is not None:
                year = section.date.year
            elif published is not None and published.precision == "day":
                assert published.year is not None
                assert published.month is not None
                if self._ahead(start, hit.start, hit.end):
                    # "will begin in January" written in March: a plan for a year the
                    # text does not state, and no happening: it dates nothing
                    year = published.year if month >= published.month else None
                elif month <= published.month:
                    year = published.year
            else:
                frame = self._year_before(hit.start, start)
                year = frame.year if frame is not None else self._death_year(start, hit.start)
            date = make_date(year, month, None) if year is not None else None
            if date is not None:
                dated.append(DateHit(hit.start, hit.end, date))
        return dated

    def _year_before(self, pos: int, sentence: int = -1) -> PartialDate | None:
        """The last date with a year stated before pos, among the last few; or the year a
        count before pos in its sentence (from offset sentence) names ("The next year, in
        April", "Two years later, on 4 May")."""
        dates = self.layout.dates
        if sentence >= 0:
            for count in reversed(dates.relatives_in(sentence, pos)):
                if count.anaphoric and count.unit == "year" and not count.about_phrase:
                    counted = shift(self._stated_before(0, count.start), count.delta, "year")
                    if counted is not None:
                        return counted
        high = bisect.bisect_left(dates.hit_starts, pos)
        topic = self._topic_start(pos)
        for index in range(high - 1, max(-1, high - 1 - _LOOK_BACK), -1):
            if dates.hits[index].start < topic:
                break  # another topic's year: "Ann Lee (1948-2018)" heads a new one
            if dates.hits[index].date.year is not None:
                return dates.hits[index].date
        return None

    def _death_year(self, start: int, pos: int) -> int | None:
        """'Ann Lee (1931-2018)' over 'Ann Lee died in June of cancer.': a month of a
        death, told under a name whose life's span the line above gives, is of the
        span's last year (an obituary list's convention)."""
        norm = self.layout.norm
        if _DEATH.search(norm, start, pos) is None:
            return None
        topic = self._topic_start(pos)
        line_end = norm.find("\n", topic, pos)
        span = _LIFE_SPAN.search(norm, topic, line_end if line_end >= 0 else pos)
        return int(span.group(2)) if span is not None else None

    def _topic_start(self, pos: int) -> int:
        """Where the stretch of text pos is in starts: after the last title line (a short
        line without a closing mark: a headline, a name over a section) before it."""
        if self.titles is None:
            norm = self.layout.norm
            self.titles = [
                u.start
                for u in self.layout.units
                if u.block.kind in ("paragraph", "label")
                and u.end - u.start <= _TOPIC_LINE_MOST
                and not norm[u.start : u.end].rstrip().endswith(_TOPIC_LINE_ENDS)
            ]
        index = bisect.bisect_right(self.titles, pos) - 1
        return self.titles[index] if index >= 0 else 0

    def _in_frame(self, date: PartialDate, pos: int, sentence: int = -1) -> PartialDate:
        """A month-day in a text without a day of its own, in the year the narrative last
        stated before pos ("In 1916 the army took the mill. On 4 May the council voted"):
        history tells its days in the year it has reached. A text with its own day (news)
        dates them from that day instead (see nearest_to), and a text that has stated no
        year leaves them without one."""
        if date.precision != "month-day" or (
            self.published is not None and self.published.precision == "day"
        ):
            return date
        frame = self._year_before(pos, sentence)
        return within_year(date, frame) if frame is not None else date

    def _fact_line(self, unit: Unit) -> bool:
        """'Died 31 October 2008, elected to Fellowship 1965', 'Born: 3 May 1910 | Died:
        1 June 1988': a short line of clauses, each opened by a word of a dated fact
        (FACT_LINE_WORDS), as a memoir's or a register's header sums a life up. Each such
        clause is an event of its date, a year closing it included ("elected 1965");
        clauses of no fact ("Leeds") only say where. True when the line was read so."""
        if unit.end - unit.start > _FACT_LINE_MOST:
            return False
        norm = self.layout.norm
        if _first_word(norm, unit.start, unit.end) not in FACT_LINE_WORDS:
            return False
        line = norm[unit.start : unit.end]
        if "\n" in line:
            return False
        facts: list[tuple[PartialDate, int, int]] = []
        begin = 0
        for cut in [*(m.start() for m in _FACT_BREAK.finditer(line)), len(line)]:
            piece = line[begin:cut]
            at = unit.start + begin + len(piece) - len(piece.lstrip(_FACT_EDGES))
            clause = piece.strip(_FACT_EDGES)
            begin = cut
            if _first_word(clause) not in FACT_LINE_WORDS:
                continue
            hits = self.layout.dates.dates_in(at, at + len(clause))
            year = _CLOSING_YEAR.search(clause) if not hits else None
            date = hits[0].date if hits else make_year(int(year.group(1))) if year else None
            if date is not None:
                facts.append((date, at, at + len(clause)))
        if len(facts) < _MIN_FACTS:
            return False
        text = self.layout.text
        summary = text[unit.start : unit.end]
        for date, start, end in facts:
            people = self._people(unit.start, unit.end)
            self._add(date, _capitalise(text[start:end]), summary, people, start, end)
        return True

    def _is_own_date(self, unit: Unit) -> bool:
        """A short line with only the document's own date and no sentence after it (a bare
        date, a dateline such as "Houston, TX - 19 April 2013", a stamp "May | 25 March
        2019 | News", "11.01.2014 - Update : 11.01.2014"): no event (see
        pipeline._published)."""
        return self._only_own_date(unit, self.layout.dates.dates_in(unit.start, unit.end))

    def _only_own_date(self, unit: Unit, hits: list[DateHit]) -> bool:
        """_is_own_date, given the dates stated in the unit (hits)."""
        if not hits or unit.end - unit.start > 100:
            return False
        norm = self.layout.norm
        if len(hits) == 1 and is_time_stamp(norm[hits[0].end : unit.end]):
            lead = lower(norm[unit.start : hits[0].start].strip(" ,."))
            if not lead or lead in WEEKDAY_NAMES:
                return True  # "27 May 2019 | 9:51 am", "Sun Mar 21, 2010 7:51pm EDT": a stamp
        if any(h.date != self.published for h in hits):  # "11.01.2014 - Update: 11.01.2014"
            return False
        return not ends_sentence(self.layout.norm[unit.start : unit.end])

    def _caption_event(self, section: Section, start: int, end: int) -> None:
        hits = self.layout.dates.dates_in(start, end)
        hits = [h for h in hits if h.date.precision in ("day", "month")]
        if not hits or hits[0].date == section.date:
            return
        sentence = _POSITION.sub("", self.layout.text[start:end])
        self._add(hits[0].date, sentence, sentence, self._people(start, end), start, end)

    def _entry_date(self, unit: Unit) -> DateHit | None:
        """A full date that opens a paragraph and runs into its first sentence, as a
        listing's entry opens ("Sunday, January 27, 2008 Viktor Schreckengost ... died
        yesterday."): the day the entry was written, from which its relative days count."""
        norm = self.layout.norm
        hits = self.layout.dates.dates_in(unit.start, unit.start + _ENTRY_DATE_REACH)
        if not hits or hits[0].date.precision != "day" or hits[0].date.year is None:
            return None
        lead = norm[unit.start : hits[0].start].strip(" ,")
        if lead and lower(lead) not in WEEKDAYS:
            return None
        return hits[0] if _RUN_IN.match(norm, hits[0].end, unit.end) else None

    def _has_relative_day(self, start: int, end: int) -> bool:
        """A day counted from another ("yesterday", "on Wednesday") in [start, end)."""
        found = self.layout.dates.relatives_in(start, end)
        return any(
            h.unit in ("day", "weekday") and not h.anaphoric and not self._of_a_date(h.end)
            for h in found
        )

    def _of_a_date(self, end: int) -> bool:
        """A weekday that a full date follows ("Sunday, January 27, 2008") names that
        date's day: it counts nothing."""
        return bool(self.layout.dates.dates_in(end, end + _WEEKDAY_GAP))

    def _stated_dates(
        self, section: Section, start: int, end: int, own: int = -1, since: int = -1
    ) -> None:
        """Events on the dates [start, end) states; own is the offset of a listing
        entry's own date there when the sentence counts its event from it (no event)."""
        hits = self.layout.dates.dates_in(start, end)
        if own >= 0:
            hits = [h for h in hits if h.start != own]
        if section.date is not None and section.date.year is not None:
            bare = self.layout.dates.bare_in(start, end)  # "1963: ... speech June 11"
            hits = sorted([*hits, *bare], key=_HIT_START) if bare else hits
        partial = self.layout.dates.partial_in(start, end)
        if partial:
            since = start if since < 0 else since
            months = [h for h in partial if h.date.day is None]
            days = [h for h in partial if h.date.month is None]
            dated = [
                *self._months_dated(section, months, start, end),
                *self._days_dated(section, days, since),
            ]
            hits = sorted([*hits, *dated], key=_HIT_START)
        hits = [h for h in hits if not _restates(h.date, section.date)]
        hits = hits[:MAX_ENTRIES_PER_SENTENCE]
        if self.layout.dates.unmarked:
            hits = [h for h in hits if not self._planned(h)]
        if self.restated is not None and self.restated[0] == since:
            hits = [h for h in hits if h.date != self.restated[1]]
        if (
            not hits
            or self._is_citation_note(start, end, hits)
            or (len(hits) == 2 and self._life_line(start, end, hits[0], hits[1]))
            or (len(hits) == 1 and self._only_states(start, end, hits[0]))
        ):
            return
        sentence = trim(self.layout.text[start:end], SUMMARY_LIMIT)
        people = self._people(start, end)
        asides = [(m.start(), m.end()) for m in _PARENS.finditer(self.layout.norm, start, end)]
        stated = 0
        for hit in hits:
            if section.date is not None:
                date = within_year(hit.date, section.date)
                if date.year is not None and self._recalls(section.date, hit, start, end):
                    assert hit.date.month is not None
                    date = make_date(date.year - 1, hit.date.month, hit.date.day) or date
            else:
                ahead = self._ahead(start, hit.start, hit.end)  # "will close in July"
                date = nearest_to(hit.date, self.published, ahead)
                date = self._in_frame(date, hit.start, start)
            if date == section.date:
                continue  # the heading's own date, stated again
            entry = self._entry(start, end, hit.start, hit.end)
            if entry is not None:
                self._add(date, entry, entry, people, start, end)
                continue
            stated += 1
            if stated > MAX_PER_SENTENCE:
                continue
            aside = next(((a, b) for a, b in asides if a < hit.start < b), None)
            if aside and self._aside_tells(aside[0] + 1, aside[1] - 1):
                title = _capitalise(self.layout.text[aside[0] + 1 : aside[1] - 1])
            elif aside and self._dates_its_clause(aside[0], aside[1], hit):
                title = self._dated_clause(start, end, hit.start, hit.end) or sentence
            elif aside:
                continue  # "(until 1997)", "(born 1950)": a date with nothing to tell
            else:
                title = self._dated_clause(start, end, hit.start, hit.end) or sentence
            self._add(date, title, sentence, people, start, end)

    def _life_line(self, start: int, end: int, born: DateHit, died: DateHit) -> bool:
        """'Ann Lee 18 August 1937 - 30 December 2013', 'ANN LEE | 18.08.1937 - 30.12.2013',
        'In memoriam Ann Lee * 3 May 1920 † 4 June 1999': a line of a name and a life's
        two dates, an earlier and a later one with a dash (or a life's marks) between and
        nothing after, tells no event: it heads the life the text goes on to tell."""
        norm = self.layout.norm
        if born.date.year is None or died.date.year is None or born.date.year >= died.date.year:
            return False
        if norm.find("\n", start, end) >= 0 or norm[died.end : end].strip(_LIFE_EDGES):
            return False
        if lower(norm[born.end : died.start].strip()) not in _LIFE_JOINS:
            return False
        words = norm[start : born.start].replace("|", " ").split()
        return bool(words) and all(
            w[:1].isupper() or lower(w.strip(_LIFE_EDGES)) in _LIFE_NAME_WORDS for w in words
        )

    def _planned(self, hit: DateHit) -> bool:
        """'the 2019 tournament' in a text of 2015: a dated noun of a year still to come
        names a plan, nothing that happened; in a speaker's words ("the 1996 squad") it
        names a thing loosely, a team as well as a time."""
        if hit.start not in self.layout.dates.unmarked:
            return False
        if self.quoted.contains(hit.start):
            return True
        published = self.published
        return (
            published is not None
            and published.year is not None
            and hit.date.year is not None
            and hit.date.year > published.year
        )

    def _dates_its_clause(self, open_at: int, close: int, hit: DateHit) -> bool:
        """'The quay opened (March 3, 1901).', 'signed today (Friday 3 June)': brackets
        that hold one date (its weekday beside it) and nothing else, after a clause's
        words rather than a name (not "Ada Brell (3 May 1887)"), date that clause."""
        norm = self.layout.norm
        inside = self.layout.dates.dates_in(open_at, close)
        lead = lower(norm[open_at + 1 : inside[0].start].strip())
        rest = [norm[a.end : b.start] for a, b in itertools.pairwise(inside)]
        if lead.rstrip(",") in WEEKDAYS:
            lead = ""  # "today (Friday 3 June)": the day's name beside its date
        if lead not in _CLAUSE_DATE_LEADS or norm[inside[-1].end : close - 1].strip(" .,"):
            return False
        if any(part.strip(" ,") not in ("", "and") for part in rest):
            return False  # "(1576, 1577 and 1578)": a list of years, each its event
        if lower(norm[hit.start : hit.end]).startswith(_BOUND_WORDS):
            return False  # "(until 1990)": a bound, no time something happened
        if len(inside) > 1:
            return True  # several years: a list of times, never a life's date
        before = norm[max(0, open_at - _NAME_REACH) : open_at].split()
        # "opened on Saturday (June 16, 2001)": a weekday names the same day, no person
        if bool(before) and (not before[-1][:1].isupper() or lower(before[-1]) in WEEKDAYS):
            return True
        return self._closes_item(open_at, close)

    def _closes_item(self, open_at: int, close: int) -> bool:
        """The brackets at [open_at, close) end a list item's line, "- Axum conquers Kush
        (c. 350 A.D.)": a chronology's item dated at its end, whatever name stands
        before its date (no life's span, which follows a name in running words)."""
        norm = self.layout.norm
        line_end = norm.find("\n", close)
        if norm[close : line_end if line_end >= 0 else len(norm)].strip(" ."):
            return False
        opening = norm[norm.rfind("\n", 0, open_at) + 1 : open_at].lstrip()
        return opening[:1] in BULLET_CHARS and opening[1:2].isspace()

    def _aside_tells(self, start: int, end: int) -> bool:
        """An aside in brackets at [start, end) says more than its dates: not "(born
        1950)", "(until 1997)", "(3 May 1887 - 4 June 1923)", "(b. 1911, d. 1980)", a
        life's span after a name."""
        norm = self.layout.norm
        words: list[str] = []
        at = start
        for other in self.layout.dates.dates_in(start, end):
            words += norm[at : other.start].split()
            at = other.end
        words += norm[at:end].split()
        told = [
            w
            for before, w in zip(["", *words], words, strict=False)
            if lower(w.strip(_LIFE_EDGES)) not in _LIFE_WORDS
            and not (lower(before) == "in" and w[:1].isupper())  # "born ... in Larvik"
        ]
        return len(told) >= 2

    def _is_citation_note(self, start: int, end: int, hits: list[DateHit]) -> bool:
        """'Retrieved 1 May 2016.': a sentence that is a citation's note and its date."""
        norm = self.layout.norm
        return (
            len(hits) == 1
            and _CITATION_NOTE.fullmatch(norm, start, hits[0].start) is not None
            and not norm[hits[0].end : end].strip(" .")
        )

    def _only_states(self, start: int, end: int, hit: DateHit) -> bool:
        """'Today is April 19, 2013.', 'This is February 20, 1998.': a sentence that only
        says what day it is (an interview's or a letter's own date) tells of no event."""
        if (hit.start - start) + (end - hit.end) > _DATE_STATEMENT_MAX:
            return False  # more words than "Name: Today is ... ." can hold
        norm = self.layout.norm
        around = (norm[start : hit.start] + " " + norm[hit.end : end]).split()
        if around and around[0].endswith(":"):
            around = around[1:]  # a transcript turn's label: "Wright: Today is ..."
        words = [w for w in (lower(w.strip(_WORD_EDGES)) for w in around) if w]
        return 0 < len(words) <= 3 and all(w in _DATE_STATEMENT for w in words)

    def _entry(self, start: int, end: int, hit_start: int, hit_end: int) -> str | None:
        """'...; 1904 - sent 3 million catalogs; 1926 - ...': a date that opens a clause and
        is followed by a dash or colon heads an entry, which runs to the next semicolon."""
        norm = self.layout.norm
        if hit_start != start and not _ENTRY_LEAD.search(
            norm, max(start, hit_start - 8), hit_start
        ):
            return None
        separator = _ENTRY_SEPARATOR.match(norm, hit_end, end)
        if separator is None:
            return None
        stop = norm.find(";", separator.end(), end)
        words = self.layout.text[separator.end() : stop if stop >= 0 else end].strip(" .")
        return _capitalise(words) if len(words.split()) >= 2 else None

    def _dated_clause(self, start: int, end: int, hit_start: int, hit_end: int) -> str | None:
        """The subordinate clause that holds the date, when the sentence marks one.

        "X asked about NATO, recalling that the union applied in 1954" dates the
        application, not the asking: the title is the clause. Without a clear
        opener (participle or conjunction) the whole sentence is kept, since a
        bare comma clause may lack its subject.
        """
        norm = self.layout.norm
        before = [m.end() for m in _CLAUSE_BREAK.finditer(norm, start, hit_start)]
        if not before:
            return None
        after = _CLAUSE_BREAK.search(norm, hit_end, end)
        clause_end = after.start() if after else end
        opener = _CLAUSE_OPENER.match(norm, before[-1], clause_end)
        if opener is None:
            return None
        clause = self.layout.text[opener.end() : clause_end].strip(" .;,")
        if len(clause.split()) < MIN_CLAUSE_WORDS:
            return None
        return _capitalise(clause)

    def _recalls(self, entry: PartialDate, hit: DateHit, start: int, end: int) -> bool:
        """A diary's entry recalls a month-day gone by: "I remember on September 18th
        ..." under "August 1990" is last September's, as a writer dating the page names
        the last such day. The sentence (from start to end) says I or we and tells
        nothing to come; a month-day after the entry's date in its year would be ahead.
        A chronology's third person tells later days of the same year, and keeps them."""
        if hit.date.precision != "month-day" or entry.month is None or entry.year is None:
            return False
        assert hit.date.month is not None
        if (hit.date.month, hit.date.day or 0) <= (entry.month, entry.day or _MONTH_END):
            return False
        norm = self.layout.norm
        if _FIRST_PERSON.search(norm, start, end) is None or self._ahead(start, hit.start, hit.end):
            return False
        return not _FUTURE.search(norm, start, end)

    def _ahead(self, start: int, pos: int, end: int) -> bool:
        """A word of what is to come right before the date at [pos, end) in its sentence
        (from start), outside quotation marks: "due to reopen Tuesday", "canceled for
        Monday", "will close in July"; not "said Monday he will go", "announced in July it
        planned to close", "was originally scheduled for August 26" (a plan that changed), nor
        "Monday night" in a sentence whose quote says "we were going to"."""
        norm = self.layout.norm
        low = max(start, pos - _FUTURE_REACH)
        found = _FUTURE.search(norm, low, end)
        while found is not None:
            if not self.quoted.contains(found.start()):
                return not _PAST_PLAN.search(
                    norm, max(start, found.start() - _PAST_PLAN_REACH), found.start()
                )
            found = _FUTURE.search(norm, found.end(), end)
        return self._opens_future(start, pos, end)

    def _opens_future(self, start: int, pos: int, end: int) -> bool:
        """'On Friday the council will vote', 'Next Tuesday, voters are to choose': the
        weekday opens its sentence (from start) and the clause it heads tells of what is
        to come, no verb of the past between ("On Monday she said she will go" is
        Monday past)."""
        norm = self.layout.norm
        if norm[start:pos].strip(" \"'") not in _WEEKDAY_LEADS:
            return False
        stop = _CLAUSE_STOP.search(norm, end, min(len(norm), end + _FUTURE_REACH))
        limit = stop.start() if stop is not None else min(len(norm), end + _FUTURE_REACH)
        found = _FUTURE.search(norm, end, limit)
        if found is None or self.quoted.contains(found.start()):
            return False
        words = norm[end : found.start()].split()
        return not any(_PAST_WORD.fullmatch(w.strip(",;")) for w in words)

    def _relative_dates(
        self, anchor: PartialDate | None, start: int, end: int, same_day: bool, since: int
    ) -> None:
        """Relative dates counted from the anchor; an event on the anchor's own day is kept
        only when the anchor is the document's date ("on Tuesday" in Tuesday's paper), as a
        section's heading already holds its own day.

        same_day: the anchor is the document's own date (an article, not a dated section).
        There, "three years later" counts from the date the paragraph last stated (from
        `since` on), never from the day of writing: without such a date it dates nothing.
        """
        text, norm = self.layout.text, self.layout.norm
        hits = self.layout.dates.relatives_in(start, end)[:MAX_PER_SENTENCE]
        if not hits:
            return
        people = self._people(start, end)
        sentence = trim(text[start:end], SUMMARY_LIMIT)
        own_date = anchor
        for hit in hits:
            if hit.unit == "weekday" and self._of_a_date(hit.end):
                continue  # "Thursday, October 30, 2008": the date's own weekday
            if hit.anaphoric and self._restated(hit.end):
                continue  # "on that day in 1920", "the next day, 5 May": the date says it
            if not hit.anaphoric:
                # "500 years ago", "yesterday": counted from when the words were written,
                # the document's date or a diary's or log's dated day; a heading of a year
                # or a month dates what happened, never the moment of writing
                anchor = own_date if same_day or _is_day(own_date) else None
            elif same_day:
                anchor = self._stated_before(since, hit.start)
            else:  # "1906: ... On 4 May the tower fell. Later that month ...": from 4 May
                anchor = self._stated_in_section(since, hit.start, own_date) or own_date
            told = self._told_since(since, hit.start) if hit.anaphoric else None
            if told is not None:
                anchor = told  # "The next morning ... Later that afternoon": chained
            phrase_date = self._phrase_date(hit.end, end) if hit.about_phrase else None
            if anchor is None and phrase_date is None:
                continue
            if hit.unit in _CALENDAR_UNITS and self.quoted.contains(hit.start):
                continue  # a speaker's "this year" is the year of the words, not the text's
            limit = min(end, hit.end + TITLE_LIMIT * 2)
            if phrase_date is not None:
                # "..., 14 years after the coup against Zelaya in 2009.": the phrase states
                # its own time, and the sentence's happening is counted on from it
                date, title = shift(phrase_date, hit.delta, hit.unit), sentence
            elif hit.about_phrase:
                if not self._told_beside(max(start, since), hit.start):
                    continue  # "in 1986, with her book set 15 years after the novel's end"
                date = shift(anchor, -hit.delta, hit.unit)
                stop = _PHRASE_END.search(norm, hit.end, limit)
                title = _capitalise(text[hit.end : stop.start() if stop else limit])
            else:
                delta = hit.delta
                if (
                    hit.unit == "weekday"
                    and delta < NEXT_WEEKDAY
                    and self._ahead(start, hit.start, hit.end)
                ):
                    delta += NEXT_WEEKDAY  # "schools are due to reopen Tuesday": the next one
                date = shift(anchor, delta, hit.unit)
                lead = norm[max(start, hit.start - 3) : hit.start].strip(" \"'")
                opens = hit.start - start <= 3 and not lead
                title = _capitalise(text[hit.end : limit]) if opens else sentence
                if not opens and hit.anaphoric and self.layout.dates.dates_in(start, hit.start):
                    # "In 1871 the class graduated, and the same year the faculty moved":
                    # the clause from the count on is its own event
                    title = _capitalise(text[hit.start : limit])
            # "on Tuesday" in its paper; in an article, "the same day" as the date before
            own_day = same_day and (hit.unit in ("weekday", "today") or hit.anaphoric)
            # "1812: ... In the same year an asylum opened": another of the entry's events
            own_day = own_day or (
                hit.anaphoric and hit.delta == 0 and hit.unit == "year" and start > since
            )
            if date is not None and (date != anchor or own_day):
                self._add(date, title, sentence, people, start, end)
            if date is not None and hit.anaphoric and not hit.about_phrase:
                self.told = (hit.start, date)


def _named_below(section: Section, units: list[Unit]) -> Unit | None:
    """The short name line right under a bare date heading, if the first unit below it
    is one (a "label" block: "First Melbourne Cup", "Severe Flood")."""
    below = next((u for u in units if u.block is not section.heading), None)
    return below if below is not None and below.block.kind == "label" else None


def _entry_name(text: str, section: Section, units: list[Unit]) -> str | None:
    """The name line of a bare date heading over a name line and then words: one entry
    of a timeline whose entries are named (see _MIN_NAMED_ENTRIES); else None."""
    assert section.heading is not None
    if text[section.headline_start : section.heading.end].strip():
        return None  # a heading with words of its own
    below = _named_below(section, units)
    if below is None or not any(
        u.block.kind == "paragraph" and u.start > below.start for u in units
    ):
        return None
    return text[below.start : below.end].strip()
