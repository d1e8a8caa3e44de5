"""Quote records: the words, who said them, when, where, and whether they are a fragment.

A quote said in a dated timeline section carries that section's date; a caption's
quote carries the caption's date; otherwise an explicit date in its sentence, else none.
A speaker the text does not make clear stays None.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Final

from db.ingest.attribution import NOBODY, Attribution, Attributor
from db.ingest.clean import DOUBLED_OPENINGS
from db.ingest.dates import LIKELY_YEAR, MONTH, DateIndex, make_date, make_year, nearest_to, shift
from db.ingest.lexicon import MONTHS, SPEECH_VERBS, TURN_LABEL_WORDS
from db.ingest.people import Intervals
from db.ingest.quotemarks import QuoteSpan, Unit, introduced, names_a_work
from db.ingest.segment import TITLE_LINE_MOST, Section, is_title_line
from db.records import PartialDate, QuoteRecord, Span
from db.text import lower

_WORD: Final = re.compile(r"\w+")
# Every ASCII character that \w does not match, to a space (str.split's separator).
_ASCII_NON_WORD_TO_SPACE: Final = {
    code: " " for code in range(128) if not (chr(code).isalnum() or chr(code) == "_")
}
_SIMILAR: Final = 0.6
# An embedded post's signature: "— Ann Lee (@annlee) May 6, 2016", a picture's link
# perhaps before it; the date follows the handle.
_POST_CREDIT: Final = re.compile(
    r"(?:pic\.twitter\.com/\S{1,40}\s*)?[\u2014\u2013-]{1,2}\s?[^\n()@]{1,60}?\s\(@\w{1,30}\)\s*"
)
_POST_REACH: Final = 160  # how far after a quote's words its post's signature may stand
_BETWEEN_POST: Final = " \n\"'\u201d\u2019"  # closing marks and space before the signature
_ASIDE_MAX: Final = 160  # the longest caption or credit skipped between a quote's paragraphs
_NAME_LINE_WORDS: Final = 6  # the most words of a name line, a role after it included
# Paragraphs above an `It reads:` line searched for the statement it opens.
_STATEMENT_LOOKBACK: Final = 4
_ATTRIBUTION_REACH: Final = 60  # how far from its marks a date can say when words were said
# How far from its marks the clause that says who spoke can give the time they spoke:
# `," Lee told The Associated Press in a phone interview on Thursday.`
_SAID_REACH: Final = 120
_DAY_UNITS: Final = frozenset(("day", "weekday", "today"))  # a time counted in days
_DAY_PRECISIONS: Final = ("day", "month-day")  # a date that states its day
# The words that open the clause a speech verb reports ("said that", "said he"), and
# the verbs that show a reported clause of its own ("said Weber had been ... in 1993").
_CONTENT_OPENERS: Final = frozenset(
    ("that", "he", "she", "they", "it", "we", "i", "there", "his", "her", "their", "its")
)
_REPORTED_VERBS: Final = frozenset(
    ("had", "has", "have", "was", "were", "is", "are", "would", "will", "could", "did")
)
# The units of a time of speaking counted from the page's date: a day ("on Tuesday",
# "yesterday"), a week's month ("last week"), a month or a year ("last month", "two years
# ago"). A count of weeks ("three weeks ago") would state a day the text does not.
_SAID_UNITS: Final = _DAY_UNITS | frozenset(("week-span", "month", "year"))
# Words that open a clause about something other than the speaking: "said Lee, who was
# elected last year", "After the vote on Monday, Lee said".
_CLAUSE_BREAK: Final = re.compile(
    r"\b(?:[Ww]ho|whom|whose|which|[Ww]hen|[Aa]fter|[Bb]efore|[Ss]ince|[Uu]ntil|[Ww]hile"
    r"|[Bb]ecause|[Aa]s)\b|[;(]"
)
# A note on a page of quotes saying when they were said: "The quotations come from their
# 1 August speeches in 2015", "All remarks were made at the 2019 summit".
_QUOTES_NOTE: Final = re.compile(
    r"\b(?:[Qq]uot(?:es|ations)|[Rr]emarks)\b[^.!?\n]{0,60}?"
    r"\b(?:come|came|are|were|is|was)\s(?:taken\s|drawn\s|made\s|given\s)?"
    r"(?:from|at|in|on|during)\b"
)
_NOTE_WORDS: Final = ("uotes", "uotations", "emarks")  # what _QUOTES_NOTE's hold
# "in a 2008 call", "in his 1961 inaugural address": the year of the occasion the words
# were said on, written before its noun.
_OCCASIONS: Final = (
    r"(?:call|interview|speech|letter|address|statement|conversation|meeting|broadcast"
    r"|debate|memo|e-?mail|message|lecture|column|post|tweet|testimony|hearing"
    r"|conference|briefing|book|diary|essay|article|sermon|homily|toast|report|release)s?\b"
)
# Nouns of an occasion an article's words were said or issued at, named near its top:
# "speaking at Tuesday's (May 14) meeting", "in a statement issued on Wednesday".
_OCCASION_NOUNS: Final = (
    "meeting", "statement", "ruling", "judgment", "judgement", "verdict", "hearing",
    "session", "sitting", "speech", "address", "interview", "briefing", "conference",
    "debate", "ceremony", "rally", "summit", "vigil", "sermon", "testimony", "broadcast",
    "lecture", "homily", "remark", "comment",
)  # fmt: skip
_ARTICLE_OCCASION: Final = re.compile(r"\b(?:" + "|".join(_OCCASION_NOUNS) + r")s?\b")
# The words by which a sentence tells of someone speaking: a speech verb or an occasion.
_WORDS_OF_SPEAKING: Final = SPEECH_VERBS | frozenset(_OCCASION_NOUNS)
_OCCASION_REACH: Final = 40  # a day this close to the noun, in its sentence, is its day
# The words that make the noun the occasion of what was said, not a thing talked about
# ("follows a 26 December ruling"): a place one is at or speaks in ("at Tuesday's (May
# 14) meeting", "in a statement", "a video of the council meeting"), a verb that issues
# it ("released a joint statement"), or a participle after it ("a ruling delivered on").
_AT_OCCASION: Final = re.compile(
    r"(?:\b(?:at|in|during|of)|\b(?:issued|released|made|gave|delivered|held|read))\s"
    r"(?:[\w'\u2019().,-]+\s){0,4}$"
)
_OCCASION_ISSUED: Final = re.compile(
    r"\s(?:was\s)?(?:issued|released|delivered|held|handed\sdown|given|made|read)\b"
)
# A relative clause about the speaker, not the speaking: "Lee, who retired in 2005, said".
_RELATIVE_PRONOUN: Final = re.compile(r"\b(?:who|whom|whose|which)\b")
_RELATIVE_REACH: Final = 80  # how far before a date its clause's pronoun is looked for
_LEDE_PARAGRAPHS: Final = 3  # the paragraphs at the top that set an article's occasion
_PROSE_SPACES: Final = 10  # a paragraph with fewer words is a line of the page's head
# "the April 9 council meeting": a month-day the date scan leaves out before a noun.
_MONTH_DAY: Final = re.compile(rf"\b(?P<month>{MONTH})\.?\s(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\b")
_OCCASION_YEAR: Final = re.compile(
    rf"\b(?:a|an|the|his|her|their|its|that|this)\s(?P<year>{LIKELY_YEAR})\s(?:[a-z]+\s)?"
    + _OCCASIONS
)
# "in the October 18 press release", "in a March 3 letter": the day of the occasion, before
# its noun (a month-day the date scan leaves out there, as it names the occasion).
_OCCASION_DAY: Final = re.compile(
    rf"\b(?:a|an|the|his|her|their|its|that|this)\s(?P<month>{MONTH})\.?\s(?P<day>\d{{1,2}})"
    r"(?:st|nd|rd|th)?\s(?:[a-z]+\s)?" + _OCCASIONS
)
_DIGIT: Final = re.compile(r"\d")  # what a month-day or a year holds, however written
# Inside a quote, after a colon or a speech verb: words in the other kind of marks, closed
# in the same paragraph piece ("said: “Good idea.”" inside ‘…’, "shouted, 'Help me!'" or
# "said: ‘we agree to it’" inside “…”). A closing single mark is one no letter follows
# (so "Let’s" and "He's" go on).
_NESTED_OPENER: Final = re.compile("[\u201c\u2018']")
_NESTED: Final = re.compile(
    r"\u201c(?P<double>[^\u201c\u201d\n]{1,400})\u201d"
    r"|\u2018(?P<single>[^\u2018\n]{1,400}?)\u2019(?!\w)"
    r"|'(?P<straight>[^\n]{1,400}?)'(?!\w)"
)
_RETOLD_REACH: Final = 40  # how far before a nested mark its speech verb's subject is read
_RETOLD_WORDS: Final = 3
_FIRST_PERSON: Final = frozenset(("I", "we", "We"))
_LETTERS: Final = re.compile(r"[A-Za-z]+")
_REPLY_REACH: Final = 30  # `," the fire chief said`: the speech verb after a short reply
_NESTED_WORDS: Final = 3  # shorter nested words are a scare quote's
_NOTE_MAX: Final = 300  # a note is a short paragraph of its own
_BLOCK_MIN_WORDS: Final = 4
# `• Ama Owusu: We wanted it more.`: a list item's label, a name of up to four words.
_ITEM_LABEL: Final = re.compile(
    r"(?:[\u2022*\u2013-]\s*)?(?P<name>[A-Z][\w.'\u2019-]{0,30}(?: [A-Z][\w.'\u2019-]{0,30}){0,3}):"
    r" +(?=[\"']?[A-Z])"
)
_LIST_LEAST: Final = 2  # items labelled with a person's name that make a list of quotes
_SENTENCE_WORDS: Final = 8  # an item's words this long say something, stop or not
_CLOSING_MARKS: Final = '"\u201d\u2019 '  # an introduced paragraph shorter than this is a caption
# An attribution between two parts of one quote: `," Lee told the Courier on Monday. "`.
_ATTRIBUTION_MOST: Final = 100
_CLAUSE_STOPS: Final = (". ", "! ", "? ", ";", ":", "\n")  # a second clause or sentence
_PART_ENDS: Final = (",", ".", "!", "?", "\u2026")  # how a part the attribution follows ends


@dataclass(slots=True)
class Layout:
    """The document's units, their sentences and sections, shared by quotes and events."""

    text: str
    norm: str
    units: list[Unit]
    sentences: list[list[tuple[int, int]]]
    sections: list[Section]
    dates: DateIndex
    _starts: dict[int, list[int]] = field(default_factory=dict)

    def sentence_at(self, unit: Unit, pos: int) -> tuple[int, int]:
        """The sentence of a unit that contains pos (or the unit itself if none does)."""
        index = self.sentence_index(unit, pos)
        return self.sentences[unit.index][index] if index >= 0 else (unit.start, unit.end)

    def sentence_index(self, unit: Unit, pos: int) -> int:
        """The index in its unit of the sentence that contains pos; -1 before the first."""
        starts = self._starts.get(unit.index)
        if starts is None:
            starts = self._starts[unit.index] = [s for s, _ in self.sentences[unit.index]]
        return bisect.bisect_right(starts, pos) - 1


def is_fragment(norm: str, text: str, open_at: int) -> bool:
    """A scare quote (one or two words), or a work's or event's name, not an utterance."""
    if len(text.split(None, 2)) > 2:  # exact up to 2 words; 3 stands for "more than 2"
        return names_a_work(norm, text, open_at)  # else someone's words, embedded or not
    before = norm[max(0, open_at - 3) : open_at].rstrip()
    complete = text[:1].isupper() and text.rstrip("\"'").endswith((".", "!", "?"))
    # One or two words right after a word ('dubbed "Overlord."') are a scare quote, full
    # stop or not; complete, after a colon, a comma or opening a sentence, a reply.
    return not complete or bool(before and before[-1].isalnum())


def _quote_text(text: str, quote: QuoteSpan) -> str:
    if len(quote.pieces) == 1:  # the common case: " ".join of one part is that part
        start, end = quote.pieces[0]
        words = text[start:end].strip().rstrip(" ,;:")
    else:
        parts = [text[a:b].strip() for a, b in quote.pieces]
        words = " ".join(p for p in parts if p).rstrip(" ,;:")
    if text.startswith("``", quote.open):  # the second halves of ``TeX-style'' marks
        words = words.removeprefix("`").removesuffix("'").strip().rstrip(" ,;:")
    elif text.startswith(DOUBLED_OPENINGS, quote.open):  # and of ‘’doubled singles’’
        words = words[1:].removesuffix(text[quote.open + 1]).strip().rstrip(" ,;:")
    if "\n" in words:  # a hard-wrapped quote reads as the one line it was said as
        words = " ".join(words.split())
    return words


def _runs_on(text: str, quote: QuoteSpan) -> bool:
    """`"We will rebuild it," Rev. Ann Lee said.`: words that end in a comma inside their
    marks run on into the sentence after them, which holds their attribution (read or
    not, as when a title's full stop cut the sentence); no one else's narration does."""
    start, end = quote.pieces[-1]
    return text[start:end].rstrip().endswith(",")


def _only_quote(layout: Layout, quote: QuoteSpan) -> bool:
    first = layout.units[quote.blocks[0]]
    last = layout.units[quote.blocks[-1]]
    if quote.open != first.start or last.end - quote.close > 3:
        return False
    return not layout.norm[quote.close : last.end].strip(" .,")


def _words(text: str) -> set[str]:
    """The lowercase words of text. In ASCII text \\w is [A-Za-z0-9_] and lowercasing
    first keeps every word whole: every other character becomes a space and str.split
    cuts the words out, without a regex scan; elsewhere case mappings may split or join
    words, so each word is lowered."""
    if text.isascii():
        return set(lower(text).translate(_ASCII_NON_WORD_TO_SPACE).split())
    return {lower(w) for w in _WORD.findall(text)}


def _similar(left: set[str], right: set[str]) -> bool:
    """Jaccard similarity of at least _SIMILAR, or left a subset of right.

    Counted from the intersection alone: |left | right| is |left| + |right| - common,
    and left <= right exactly when all of left is common; no union set is built.
    """
    if not left or not right:
        return False
    common = len(left & right)
    return common / (len(left) + len(right) - common) >= _SIMILAR or common == len(left)


def introduced_blocks(
    layout: Layout,
    attributor: Attributor,
    taken: Callable[[Unit], bool],
    dates: list[PartialDate | None],
) -> list[QuoteRecord]:
    """`She writes in The Irish Times:` over a paragraph with no quotation marks: that
    paragraph is her words. The paragraph above ends with a colon after a speech verb
    whose subject the text names; the quoted paragraph holds no marked quote and is in
    no turn or block quote (taken). dates[i] is the date of unit i."""
    found: list[QuoteRecord] = []
    units, norm = layout.units, layout.norm
    for intro, words in pairwise(units):
        if norm[intro.end - 1] != ":" or intro.block.kind != "paragraph":
            continue  # blocks are trimmed: a colon ends the paragraph's text
        if words.block.kind != "paragraph" or intro.block.section != words.block.section:
            continue
        if taken(words):
            continue
        sentences = layout.sentences[intro.index]
        if not sentences or len(norm[words.start : words.end].split()) < _BLOCK_MIN_WORDS:
            continue
        speaker = attributor.reported_speaker(sentences[-1][0], intro.end)
        if speaker is None:
            continue
        text = " ".join(layout.text[words.start : words.end].split())
        span = Span(words.start, words.end)
        found.append(QuoteRecord(speaker, text, dates[words.index], None, False, span))
    return found


def labelled_items(
    layout: Layout,
    people: dict[str, set[str]],
    taken: Callable[[Unit], bool],
    dates: list[PartialDate | None],
) -> list[QuoteRecord]:
    """`• Ama Owusu: We wanted it more.`: in a list of quotes by name, an item whose label
    is a person the text names is that person's words, marks or none (a page of quotes
    drops or half-keeps them). Two such items at least make the list; an item with a
    marked quote opening in it is left to the marks (taken). people: name -> aliases.
    A label that a namesake shares gives no speaker."""
    items: list[tuple[Unit, re.Match[str], str | None]] = []
    for unit in layout.units:
        if unit.block.kind != "bullet":
            continue
        label = _ITEM_LABEL.match(layout.norm, unit.start, unit.end)
        if label is None:
            continue
        name = label.group("name")
        person = next((p for p, aliases in people.items() if name in aliases), None)
        if person is not None or _unnamed_speaker(layout.norm, label, unit):
            items.append((unit, label, person))
    found: list[QuoteRecord] = []
    named = sum(1 for _, _, person in items if person is not None)
    if named < _LIST_LEAST or named * 2 < len(items):
        return found  # a list of quotes: two items by name at least, and most of them
    for unit, label, person in items:
        words = " ".join(layout.text[label.end() : unit.end].split()).rstrip(_CLOSING_MARKS)
        if taken(unit) or len(words.split()) < _BLOCK_MIN_WORDS:
            continue
        span = Span(label.end(), unit.end)
        speaker = None if person is None or _namesakes(people, person) else person
        found.append(QuoteRecord(speaker, words, dates[unit.index], None, False, span))
    return found


def _unnamed_speaker(norm: str, label: re.Match[str], unit: Unit) -> bool:
    """`• Fan in the stands: When the goal went in ...` among items labelled by name: the
    words of someone the label describes and does not name, when they make a sentence
    or more (a field of a fact box, "Venue: City Stadium", does not) and the label is
    no heading word ("Note", "Source")."""
    if lower(label.group("name")) in TURN_LABEL_WORDS:
        return False
    words = norm[label.end() : unit.end].rstrip(_CLOSING_MARKS)
    return len(words.split()) >= _SENTENCE_WORDS or words.endswith((".", "!", "?"))


def _namesakes(people: dict[str, set[str]], person: str) -> bool:
    """Another person of the text shares the surname ("Jnr Agogo", "Junior Agogo"): the
    label may mean either, so it names nobody for sure."""
    surname = person.split()[-1]
    return any(p != person and p.split()[-1] == surname for p in people)


def nested_quotes(layout: Layout, spans: list[QuoteSpan]) -> list[QuoteRecord]:
    """`‘Somebody at the top said: “Good idea. Let’s get this story.”’`: words a quote
    quotes after a colon or a speech verb, in the other kind of marks, are a quote of their
    own. The speaker they are given is someone the outer speaker names, so it stays
    unknown."""
    text = layout.text
    found: list[QuoteRecord] = []
    for quote in spans:
        for start, end in quote.pieces:
            if (
                text.find("\u201c", start, end) < 0
                and text.find("\u2018", start, end) < 0
                and text.find("'", start, end) < 0
            ):
                continue  # _NESTED_OPENER's marks, by three plain searches: most quotes hold none
            for opener in _NESTED_OPENER.finditer(text, start, end):
                at = opener.start()
                if at == start or text[at - 1].isalnum() or not introduced(text, at):
                    continue  # an apostrophe, or marks no colon or speech verb introduces
                if _retold(text, at):
                    continue
                nested = _NESTED.match(text, at, end)
                group = None if nested is None else nested.lastgroup
                if nested is not None and group is not None:
                    words = " ".join(nested[group].split()).rstrip(" ,;:")
                    if len(words.split()) >= _NESTED_WORDS:
                        span = Span(at, nested.end())
                        found.append(QuoteRecord(None, words, None, None, False, span))
    return found


def _retold(text: str, at: int) -> bool:
    """`"I told him, 'Leave now,' and he stayed"`: a speaker retelling their own words
    (I or we beside the speech verb, no colon) goes on speaking; not a quote of its own."""
    before = text[max(0, at - _RETOLD_REACH) : at].rstrip()
    if before.endswith(":"):
        return False
    return any(word in _FIRST_PERSON for word in _LETTERS.findall(before)[-_RETOLD_WORDS:])


def quotes_note_date(layout: Layout) -> PartialDate | None:
    """The date a page's note gives its quotes ("The quotations come from their 1 August
    speeches in 2015"): a short paragraph about the quotes that states one date."""
    norm = layout.norm
    if not any(word in norm for word in _NOTE_WORDS):
        return None
    for unit in layout.units:
        if unit.end - unit.start > _NOTE_MAX or unit.block.kind not in ("paragraph", "label"):
            continue
        if not any(word in norm[unit.start : unit.end] for word in _NOTE_WORDS):
            continue
        if _QUOTES_NOTE.search(norm, unit.start, unit.end) is None:
            continue
        dates = [h.date for h in layout.dates.dates_in(unit.start, unit.end)]
        if len(dates) == 1 and dates[0].year is not None:
            return dates[0]
    return None


def article_occasion(
    layout: Layout, published: PartialDate | None, quoted: Intervals | None = None
) -> PartialDate | None:
    """The day of the one occasion an article's opening paragraphs say its words were said
    or issued at ("They were speaking at Tuesday's (May 14) meeting", "said in a statement
    issued on Wednesday", "a ruling delivered on Monday, 3 June"): its quotes that state no
    time of their own were said then, not on the day the page came out. None when the top
    names no such day, or days that differ. Words inside quotations (quoted) are what
    was said, not the occasion of saying it: "'... at the meeting on 26 April'"."""
    norm = layout.norm
    lede: list[Unit] = []
    paragraphs = 0
    for unit in layout.units:
        if unit.block.kind != "paragraph":
            continue
        if paragraphs == _LEDE_PARAGRAPHS:
            break
        if norm.count(" ", unit.start, unit.end) >= _PROSE_SPACES:
            paragraphs += 1  # a paragraph of prose; a site's name or a stamp does not count
        lede.append(unit)
    # Plain searches for the nouns, in the top alone: most tops name none.
    top = norm[lede[0].start : lede[-1].end] if lede else ""
    present = [noun for noun in _OCCASION_NOUNS if noun in top]
    if not present:
        return None
    found: set[PartialDate] = set()
    for unit in lede:
        for match in _occasion_nouns(norm, unit, present):
            start, end = match.start(), match.end()
            if quoted is not None and quoted.contains(start):
                continue
            if not (
                _AT_OCCASION.search(norm, max(unit.start, start - _OCCASION_REACH), start)
                or _OCCASION_ISSUED.match(norm, end, min(unit.end, end + _OCCASION_REACH))
            ):
                continue  # "follows a 26 December ruling": a thing talked about
            day = _occasion_date(layout, unit, start, end, published, quoted)
            if day is not None:
                found.add(day)
    return found.pop() if len(found) == 1 else None


def _occasion_nouns(norm: str, unit: Unit, present: list[str]) -> list[re.Match[str]]:
    """_ARTICLE_OCCASION's matches in a unit, in order, matched only where one of the
    nouns the top holds (present) stands: a whole word cannot start inside another, so
    these are finditer's matches, without its regex step at every character."""
    starts: set[int] = set()
    for noun in present:
        at = norm.find(noun, unit.start, unit.end)
        while at >= 0:
            starts.add(at)
            at = norm.find(noun, at + 1, unit.end)
    found: list[re.Match[str]] = []
    for at in sorted(starts):
        match = _ARTICLE_OCCASION.match(norm, at, unit.end)
        if match is not None:
            found.append(match)
    return found


def _occasion_date(
    layout: Layout,
    unit: Unit,
    start: int,
    end: int,
    published: PartialDate | None,
    quoted: Intervals | None = None,
) -> PartialDate | None:
    """The day written nearest an occasion's noun at [start, end), in its sentence: a
    date, a month-day before the noun, or a weekday counted from the page's own date."""
    low, high = layout.sentence_at(unit, start)
    low, high = max(low, start - _OCCASION_REACH), min(high, end + _OCCASION_REACH)
    near: list[tuple[int, PartialDate]] = []
    for hit in layout.dates.dates_in(low, high):
        if quoted is not None and quoted.contains(hit.start):
            continue
        if hit.date.precision in ("day", "month-day"):
            near.append((min(abs(hit.start - end), abs(start - hit.end)), hit.date))
    for found in _MONTH_DAY.finditer(layout.norm, low, high):
        if start <= found.start() < end:
            continue
        month = MONTHS.get(lower(found["month"]))
        day = make_date(None, month, int(found["day"])) if month is not None else None
        if day is not None:
            distance = start - found.end() if found.start() < start else found.start() - end
            near.append((distance, day))
    if published is not None:
        for relative in layout.dates.relatives_in(low, high):
            if quoted is not None and quoted.contains(relative.start):
                continue
            if relative.unit in _DAY_UNITS and not relative.anaphoric:
                shifted = shift(published, relative.delta, relative.unit)
                if shifted is not None:
                    distance = min(abs(relative.start - end), abs(start - relative.end))
                    near.append((distance, shifted))
    if not near:
        return None
    date = min(near, key=lambda pair: pair[0])[1]
    return nearest_to(date, published) if date.year is None else date


def _in_relative_clause(norm: str, start: int, date_at: int) -> bool:
    """The date at date_at stands in a relative clause opened in [start, date_at) and not
    closed by a comma before it: "who retired in 2005", "for whom he sang in 1975"."""
    if "wh" not in norm[start:date_at]:
        return False  # most attributions hold no relative clause
    opened = [m.end() for m in _RELATIVE_PRONOUN.finditer(norm, start, date_at)]
    return bool(opened) and "," not in norm[opened[-1] : date_at]


def _reported_content(norm: str, start: int, date_at: int) -> bool:
    """`Lee said Weber had been his friend since he moved there in 1993`: the date at
    date_at stands in what a speech verb of the sentence [start, ...) reports, not in
    when it was said: the verb comes first, and the date is more than a few words on or
    after the pronoun or "that" opening the reported clause, or after the clause's own
    verb ("had", "was"). `Vik spoke to the council on March 3, 1997`, `On Monday, Brown
    said`: the time of the speaking."""
    for word in _WORD.finditer(norm, start, date_at):
        if lower(word.group(0)) not in SPEECH_VERBS:
            continue
        between = [lower(w.strip(",")) for w in norm[word.end() : date_at].split()]
        if between and between[0] in _CONTENT_OPENERS:
            return True
        return any(w in _REPORTED_VERBS or w == "that" for w in between)
    return False


def posted_dates(layout: Layout, quotes: list[QuoteRecord]) -> None:
    """`... The sun is shining. — Ann Lee (@annlee) May 6, 2016`: a social post
    embedded in a page is signed, as the embed code writes it, with its author, the
    handle in brackets and the day it was posted, right after its words (a picture's
    link between). That day is when the words were written, whatever the page's."""
    norm = layout.norm
    if "(@" not in norm:
        return  # most pages embed no post
    for quote in quotes:
        start, end = quote.span.start, quote.span.end
        high = min(len(norm), end + _POST_REACH)
        if norm.find("(@", start, high) < 0:
            continue
        for credit in _POST_CREDIT.finditer(norm, start, high):
            if credit.start() > end and norm[end : credit.start()].strip(_BETWEEN_POST):
                break  # words between: the credit signs something else
            hits = layout.dates.dates_in(credit.end(), credit.end() + 1)
            if hits and hits[0].date.precision == "day":
                quote.date = hits[0].date
                break


def _may_name_a_speaker(line: str) -> bool:
    """A short line of capitalised words, a role perhaps after a comma ("Queen Mary II",
    "Theresa May, British PM"): on a page of name lines over quotes, the name of the
    speaker below that no name reading took; never one speaker's aside to go past."""
    words = line.split()
    if not words or len(words) > _NAME_LINE_WORDS or line.rstrip()[-1:] in ".!?:;":
        return False
    capitals = sum(1 for word in words if word[:1].isupper())
    return words[0][:1].isupper() and capitals * 2 > len(words)


class QuoteBuilder:
    """Turns quote spans into QuoteRecords for one document."""

    def __init__(
        self,
        layout: Layout,
        attributor: Attributor,
        published: PartialDate | None = None,
        said: PartialDate | None = None,
        listed: dict[int, str] | None = None,
    ) -> None:
        self.layout = layout
        # the speaker a list's credit or name line gives a quote line (speakerlines)
        self.listed = listed or {}
        self.published = published
        # when the page's quotes were said where nothing closer says: a note's date
        # (quotes_note_date), the article's occasion (article_occasion) or its own date
        self.said = said
        # the page's own dates a quote's date may be, each once: said is often published
        self.page_dates = tuple(
            d for d in (published, said) if d is not None and (d is published or d != published)
        )
        self.attributor = attributor
        self.last_in_unit: dict[int, QuoteRecord] = {}
        self.stated: dict[tuple[int, int], list[PartialDate]] = {}
        self.occasions: dict[int, str | None] = {}
        # a section's occasion is one "during ..." (Attributor.occasion_in): most texts
        # hold no "during", and their sections need not be read for one
        self.during = "during" in layout.norm

    def build(self, spans: list[QuoteSpan]) -> list[QuoteRecord]:
        """Records in document order; heading quotes borrow a matching body quote's speaker."""
        records: list[tuple[QuoteSpan, QuoteRecord]] = []
        previous: QuoteSpan | None = None  # the last quote read, whose words may go on
        for quote in spans:
            record = self._record(quote)
            if previous is not None and self._goes_on(previous, records[-1][1], quote, record):
                start, end = previous.pieces[-1]
                ending = self.layout.text[start:end].rstrip()[-1:]
                record = _joined(records[-1][1], record, ending)
                records[-1] = (records[-1][0], record)
            else:
                records.append((quote, record))
            self.last_in_unit[quote.blocks[-1]] = record
            previous = quote
        return self._settle_headings(records)

    def _goes_on(
        self, before: QuoteSpan, said: QuoteRecord, quote: QuoteSpan, record: QuoteRecord
    ) -> bool:
        """`"I came," she said, "and saw."`, `"We lost," Lee said. "We go again."`: a quote
        that only its own attribution interrupts, in one paragraph, is one quote (the
        second part names no speaker of its own after it). The attribution is one clause
        with a speech verb, ending in a comma or a stop, never a colon (`He added: "..."`
        opens words of their own)."""
        if before.capped or before.blocks[-1] != quote.blocks[0]:
            return False
        if said.fragment or record.fragment or said.speaker != record.speaker:
            return False
        norm = self.layout.norm
        between = norm[before.close : quote.open]
        clause = between.strip()
        if len(between) > _ATTRIBUTION_MOST or not clause.endswith((",", ".")):
            return False
        if any(stop in clause[:-1] for stop in _CLAUSE_STOPS):
            return False  # narration of its own between the two parts
        start, end = before.pieces[-1]
        if not (norm[start:end].rstrip().endswith(_PART_ENDS) or clause.startswith(",")):
            return False
        if not self.attributor.speaks_in(before.close, quote.open):
            return False
        last = self.layout.units[quote.blocks[-1]]
        sentence_end = self.layout.sentence_at(last, quote.close - 1)[1]
        return quote.capped or not self.attributor.speaks_in(quote.close, sentence_end)

    def _record(self, quote: QuoteSpan) -> QuoteRecord:
        layout = self.layout
        text = _quote_text(layout.text, quote)
        first = layout.units[quote.blocks[0]]
        opening = layout.sentence_at(first, quote.open)  # the sentence the quote opens in
        attribution = self._attribute(quote, first, opening[0])
        section = layout.sections[first.block.section]
        context = attribution.context
        if context is None and attribution.speaker and section.date is not None and self.during:
            context = self._section_occasion(section)
        date = self._date(opening, first, section, quote)
        if date is None or date in self.page_dates:
            date = self._lead_date(opening, first, attribution.speaker) or date
        return QuoteRecord(
            speaker=attribution.speaker,
            text=text,
            date=date,
            context=context,
            fragment=is_fragment(layout.norm, text, quote.open)
            and not self._reply(quote)
            and not (attribution.speaker is not None and self._labelled_reply(first, quote)),
            span=Span(quote.open, quote.close),
        )

    def _reply(self, quote: QuoteSpan) -> bool:
        """`"Everybody's good," the chief said.`: one or two words that open their sentence
        and close on a comma that a speech verb follows are said, not a scare quote."""
        norm = self.layout.norm
        if quote.capped or quote.close < 3 or norm[quote.close - 2] != ",":
            return False
        before = norm[max(0, quote.open - 3) : quote.open].rstrip(" ")  # a line break ends it
        if before and before[-1].isalnum():
            return False  # 'dubbed "Big Al," she said': a name given, after a word
        end = min(len(norm), quote.close + _REPLY_REACH)
        return self.attributor.speaks_in(quote.close, end)

    def _labelled_reply(self, unit: Unit, quote: QuoteSpan) -> bool:
        """`Popovich: "We competed"`: a speaker's label, then the short quote that is all
        the rest of its paragraph, is the speaker's whole reply, not a scare quote (when
        the label names someone: `Note: "Closed"` is a sign's words)."""
        norm = self.layout.norm
        if norm[quote.open - 2 : quote.open] != ": " or not norm[unit.start].isupper():
            return False
        label = _ITEM_LABEL.match(norm, unit.start, quote.open + 2)
        last = self.layout.units[quote.blocks[-1]]
        return (
            label is not None
            and label.end() == quote.open
            and not norm[quote.close : last.end].strip(" .!?")
        )

    def _attribute(self, quote: QuoteSpan, first: Unit, sentence_start: int) -> Attribution:
        layout = self.layout
        found = NOBODY
        sentence_end = None
        if not quote.capped:
            last = layout.units[quote.blocks[-1]]
            sentence_end = layout.sentence_at(last, quote.close - 1)[1]
            found = self.attributor.after(quote.close, sentence_end)
        if found.found and self.attributor.documented(sentence_start, quote.open):
            return NOBODY  # a document's words or the speaker's after it: unknown
        if not found.found:
            found = self.attributor.before(sentence_start, quote.open)
        if not found.found and sentence_end is not None:
            found = self.attributor.closing(quote.close, sentence_end)
            if found.found and self.attributor.documented(sentence_start, quote.open):
                return NOBODY
        if not found.found and first.index in self.listed:
            return Attribution(self.listed[first.index], None, True)
        if not found.found and _only_quote(layout, quote):
            found = self._credited_below(layout.units[quote.blocks[-1]])
            if not found.found:
                found = self._continuation(first)
        if not found.found:
            found = self._same_paragraph(first, quote.open)
        if (
            not found.found
            and sentence_start >= quote.open - 1
            and not _runs_on(layout.text, quote)
            and (sentence_end is None or not self.attributor.speaks_in(quote.close, sentence_end))
        ):
            found = self._narrated(first, quote)
            if not found.found:
                found = self._reported_earlier(first, quote.open)
        return found

    def _reported_earlier(self, unit: Unit, open_at: int) -> Attribution:
        """`According to Ann Lee, the plan failed. It was late. "It was a mess."`: a quote
        that opens its sentence goes on in the voice of the reported speech just before
        it in its paragraph, as a bare quote paragraph does after one (see _continuation),
        when nobody else is named there."""
        index = self.layout.sentence_index(unit, open_at)
        if index == 0:
            return NOBODY
        sentences = self.layout.sentences[unit.index][max(0, index - 2) : index]
        speaker = self.attributor.reported_speaker(sentences[0][0], sentences[-1][1])
        if speaker is None or self.attributor.named_between(sentences[0][0], open_at) - {speaker}:
            return NOBODY  # "Lena Fisk disagreed." between: the quote may be hers
        return Attribution(speaker, None, True)

    def _narrated(self, unit: Unit, quote: QuoteSpan) -> Attribution:
        """`Lee was defiant. "We will appeal."`: a quote that opens its sentence, with no
        speech verb near it, is the words of the person the sentence before it is about
        (in its paragraph, or closing the paragraph above a quote paragraph)."""
        if not self.attributor.spoken(quote.open, quote.close):
            return NOBODY  # "Closed until further notice": a sign's words, not speech
        units = self.layout.units
        index = self.layout.sentence_index(unit, quote.open)
        if index > 0:
            start, end = self.layout.sentences[unit.index][index - 1]
            context = units[unit.index - 1].start if unit.index > 0 else unit.start
        elif unit.index > 0:  # the quote opens its paragraph
            previous = units[unit.index - 1]
            if previous.block.section != unit.block.section or previous.block.kind != "paragraph":
                return NOBODY
            if previous.index in self.last_in_unit or not self.layout.sentences[previous.index]:
                return NOBODY
            start, end = self.layout.sentences[previous.index][-1]
            context = units[previous.index - 1].start if previous.index > 0 else previous.start
        else:
            return NOBODY
        speaker = self.attributor.narrated(start, end, context)
        return NOBODY if speaker is None else Attribution(speaker, None, True)

    def _same_paragraph(self, unit: Unit, open_at: int) -> Attribution:
        """`"...," says Smith. "..."`: a further quote in a paragraph goes on in the voice
        of the quote before it there, when the text names no one else in between."""
        earlier = self.last_in_unit.get(unit.index)
        if earlier is None or earlier.speaker is None:
            return NOBODY
        between = self.attributor.named_between(earlier.span.end, open_at, earlier.speaker)
        if between - {earlier.speaker}:
            return NOBODY
        return Attribution(earlier.speaker, earlier.context, True)

    def _credited_below(self, last: Unit) -> Attribution:
        """`"..."` alone, then `That was the message from Ann Lee.`: the paragraph below a
        bare quote paragraph names its speaker in its opening words."""
        units = self.layout.units
        if last.index + 1 >= len(units):
            return NOBODY
        below = units[last.index + 1]
        if below.block.section != last.block.section or below.block.kind != "paragraph":
            return NOBODY
        speaker = self.attributor.credited_below(below.start, below.end)
        return NOBODY if speaker is None else Attribution(speaker, None, True)

    def _continuation(self, unit: Unit) -> Attribution:
        """A bare quote paragraph continues the speaker of the paragraph before it."""
        if unit.index == 0:
            return NOBODY
        previous = self.layout.units[unit.index - 1]
        if self._introduces(previous):
            author = self._statement_above(previous)  # "It reads:" under "a statement from X"
            if author is not None:
                return Attribution(author, None, True)
        if previous.block.kind == "caption" or self._is_aside(previous):
            if unit.index < 2:  # a photo caption between two paragraphs of one speaker
                return NOBODY
            if previous.block.kind != "caption" and _may_name_a_speaker(
                self.layout.norm[previous.start : previous.end]
            ):
                return NOBODY  # "Queen Mary II" over the quote: a name line not read as one
            previous = self.layout.units[unit.index - 2]
        if previous.block.section != unit.block.section or previous.block.kind != "paragraph":
            return NOBODY
        earlier = self.last_in_unit.get(previous.index)
        if earlier is not None:
            return Attribution(earlier.speaker, earlier.context, earlier.speaker is not None)
        sentences = self.layout.sentences[previous.index][-2:]
        if not sentences or is_title_line(self.layout.norm, previous.start, previous.end):
            return NOBODY  # a headline such as "Quay notes" reports no speech
        speaker = self.attributor.reported_speaker(sentences[0][0], sentences[-1][1])
        if speaker is None and self._introduces(previous):
            speaker = self.attributor.first_subject(sentences[-1][0], sentences[-1][1])
        return Attribution(speaker, None, speaker is not None)

    def _statement_above(self, intro: Unit) -> str | None:
        """`It reads:` names nobody: the statement it opens was introduced above it
        ("published a statement from its Chair Ann Lee"), past asides such as an ad line,
        within the section and a few paragraphs."""
        if not self._is_aside(intro):
            return None
        for index in range(intro.index - 1, max(-1, intro.index - 1 - _STATEMENT_LOOKBACK), -1):
            unit = self.layout.units[index]
            if unit.block.section != intro.block.section:
                return None
            author = self.attributor.statement_author(unit.start, unit.end)
            if author is not None:
                return author
        return None

    def _introduces(self, unit: Unit) -> bool:
        """A paragraph ending in a colon introduces the quote paragraph below it."""
        return self.layout.norm[unit.start : unit.end].rstrip().endswith(":")

    def _is_aside(self, unit: Unit) -> bool:
        """A short paragraph with no quote and no person in it: a caption, a credit."""
        if unit.index in self.last_in_unit or unit.end - unit.start > _ASIDE_MAX:
            return False
        return not self.attributor.named_between(unit.start, unit.end)

    def _section_occasion(self, section: Section) -> str | None:
        if section.index not in self.occasions:
            first = next((b for b in section.blocks if b.kind == "paragraph"), None)
            occasion = self.attributor.occasion_in(first.start, first.end) if first else None
            self.occasions[section.index] = occasion
        return self.occasions[section.index]

    def _date(
        self, sentence: tuple[int, int], unit: Unit, section: Section, quote: QuoteSpan
    ) -> PartialDate | None:
        start, end = sentence
        caption = unit.block.kind == "caption"
        # the days the sentence states are asked only where the section states no date
        stated = self._stated(start, end) if caption or section.date is None else []
        if caption and stated:
            return stated[0]
        if section.date is not None and section.date.precision == "day":
            beside = self._day_beside(start, end, quote)  # "in its October 18 release"
            return section.date if beside is None else nearest_to(beside, section.date)
        if section.date is not None:
            return section.date
        if stated:
            return nearest_to(stated[0], self.published)
        return (
            self._attribution_date(start, end, quote)
            or self._relative_date(start, end, quote)
            or self.said  # said for the article: its occasion, or as of its own date
        )

    def _stated(self, start: int, end: int) -> list[PartialDate]:
        """The days and month-days a sentence [start, end) states outside quotations,
        read once per sentence."""
        stated = self.stated.get((start, end))
        if stated is None:
            hits = self.layout.dates.dates_in(start, end)
            quotes = self.attributor.quotes
            stated = [
                h.date
                for h in hits
                if h.date.precision in ("day", "month-day") and not quotes.contains(h.start)
            ]  # a date inside the marks is what the words tell of, not when they were said
            self.stated[(start, end)] = stated
        return stated

    def _day_beside(self, start: int, end: int, quote: QuoteSpan) -> PartialDate | None:
        """A day stated beside the marks, in the quote's sentence [start, end) and outside
        the quote: `," said the Church in the October 18 press release.`"""
        low, high = max(start, quote.open - _ATTRIBUTION_REACH), min(end, quote.close + 60)
        dates = self.layout.dates
        before = dates.dates_in(low, quote.open)
        if before and before[-1].date.precision in _DAY_PRECISIONS:
            return before[-1].date
        after = dates.dates_in(quote.close, high)
        if after and after[0].date.precision in _DAY_PRECISIONS:
            return after[0].date
        return self._occasion_day(low, quote.open, quote.close, high)

    def _occasion_day(self, low: int, open_at: int, close: int, high: int) -> PartialDate | None:
        """The month-day of the occasion the words were said on, beside the marks."""
        norm = self.layout.norm
        for lo, hi in ((low, open_at), (close, high)):
            # its day's digits first: one quick search, where most stretches have none
            digit = hi - lo > 8 and _DIGIT.search(norm, lo, hi) is not None
            found = _OCCASION_DAY.search(norm, lo, hi) if digit else None
            month = MONTHS.get(lower(found["month"])) if found is not None else None
            if found is not None and month is not None:
                return make_date(None, month, int(found["day"]))
        return None

    def _relative_date(self, start: int, end: int, quote: QuoteSpan) -> PartialDate | None:
        """`"...," Smith said on Tuesday.`, `"...," Lee told the AP in a phone interview
        Thursday.`, `On Monday, Lee told the council: "..."`, `"...," Lee said last month.`:
        a time counted from the document's own date, in the clause that says who spoke
        (a speech verb between it and the marks, no clause of something else between:
        `said Lee, who was elected last year`)."""
        if self.published is None:
            return None
        dates, norm = self.layout.dates, self.layout.norm
        close, high = quote.close, min(end, quote.close + _SAID_REACH)
        after = [h for h in dates.relatives_in(close, high) if not h.anaphoric][:1]
        for hit in after:
            near = hit.start - close <= _ATTRIBUTION_REACH and hit.unit in _DAY_UNITS
            if near or (
                hit.unit in _SAID_UNITS
                and self.attributor.speaks_in(close, hit.start)
                and _CLAUSE_BREAK.search(norm, close, hit.start) is None
            ):
                return shift(self.published, hit.delta, hit.unit)
        low = max(start, quote.open - _SAID_REACH)
        before = [h for h in dates.relatives_in(low, quote.open) if not h.anaphoric][-1:]
        for hit in before:
            if (
                hit.unit in _SAID_UNITS
                and self.attributor.speaks_in(start, quote.open)
                and _CLAUSE_BREAK.search(norm, start, quote.open) is None
            ):
                return shift(self.published, hit.delta, hit.unit)
        return None

    def _attribution_date(self, start: int, end: int, quote: QuoteSpan) -> PartialDate | None:
        """A month or year said of the words themselves, beside them: `Name in 2001: "..."`,
        `in an April 2008 call, Name said "..."`, `"...," she said in a 2008 interview.`,
        or the day of the occasion (`in its March 3 statement`), its year from the page's.
        Not a date in a relative clause about the speaker: `Lee, who retired in 2005,
        said "..."`, `"...," said Lee, who joined in 1998.`"""
        dates = self.layout.dates
        low, high = max(start, quote.open - _ATTRIBUTION_REACH), min(end, quote.close + 60)
        norm = self.layout.norm
        before = [
            h for h in dates.dates_in(low, quote.open)[-1:]
            if not _in_relative_clause(norm, max(start, h.start - _RELATIVE_REACH), h.start)
            or "," not in norm[h.end : quote.open]
        ]  # fmt: skip
        after = [
            h for h in dates.dates_in(quote.close, high)[:1]
            if not _in_relative_clause(norm, quote.close, h.start)
        ]  # fmt: skip
        near = [h.date for h in (*before, *after) if h.date.year is not None]
        if near:
            return near[0]
        for lo, hi in ((low, quote.open), (quote.close, high)):
            digit = hi - lo > 8 and _DIGIT.search(norm, lo, hi) is not None  # as above
            occasion = _OCCASION_YEAR.search(norm, lo, hi) if digit else None
            if occasion is not None:
                return make_year(int(occasion.group("year")))
        day = self._occasion_day(low, quote.open, quote.close, high)
        return None if day is None else nearest_to(day, self.published)

    def _lead_date(
        self, sentence: tuple[int, int], unit: Unit, speaker: str | None
    ) -> PartialDate | None:
        """`Vik spoke to the council on March 3, 1997. "...," Vik said.`: the sentence
        before, in the same paragraph, names the speaker, states one date with a year and
        tells of speaking (a speech verb, or an occasion of words such as a call or a
        speech: not "Vik published his first book in 1948"), and the quote's own sentence
        states none."""
        if speaker is None:
            return None
        quotes = self.attributor.quotes
        if any(not quotes.contains(h.start) for h in self.layout.dates.dates_in(*sentence)):
            return None  # the quote's sentence states a time of its own, outside the marks
        index = self.layout.sentence_index(unit, sentence[0])
        if index > 0:
            start, end = self.layout.sentences[unit.index][index - 1]
            said = self._one_day_said(start, end)
            if said is None:
                return None
            if speaker not in self.attributor.named_between(start, end):
                return None
            if not _WORDS_OF_SPEAKING & _words(self.layout.norm[start:end]):
                return None  # the date of something else the speaker did
            return said
        return self._reported_before(unit, speaker)

    def _one_day_said(self, start: int, end: int) -> PartialDate | None:
        """The one time the sentence at [start, end) states, with its year, and not of
        the words it reports ("said she would go in 2009"); else the one day it counts
        from the page's date outside quotation marks ("said yesterday", "on Monday"):
        when its speaker spoke."""
        hits = self.layout.dates.dates_in(start, end)
        if hits:
            if len(hits) != 1 or hits[0].date.year is None:
                return None
            if _reported_content(self.layout.norm, start, hits[0].start):
                return None
            return hits[0].date
        quoted = self.attributor.quotes
        days = [
            h for h in self.layout.dates.relatives_in(start, end)
            if h.unit in _DAY_UNITS and not h.anaphoric and not quoted.contains(h.start)
        ]  # fmt: skip
        return shift(self.published, days[0].delta, days[0].unit) if len(days) == 1 else None

    def _reported_before(self, unit: Unit, speaker: str) -> PartialDate | None:
        """`During an interview Monday night, Brown said ...` closing the paragraph above
        a quote that opens its own: the speaker spoke then, one day stated or counted from
        the page's date, when the speaker named there is a speech verb's subject."""
        previous = self.layout.units[unit.index - 1] if unit.index > 0 else None
        if previous is None or previous.block.kind != "paragraph":
            return None
        if (
            previous.block.section != unit.block.section
            or not self.layout.sentences[previous.index]
        ):
            return None
        start, end = self.layout.sentences[previous.index][-1]
        said = self._one_day_said(start, end)
        if said is None:
            return None  # the sentence states no one day: who speaks in it need not be read
        if self.attributor.reported_speaker(start, end) != speaker:
            return None  # no words of the speaker's said then
        if speaker not in self.attributor.named_between(start, end):
            return None
        return said

    def _settle_headings(self, records: list[tuple[QuoteSpan, QuoteRecord]]) -> list[QuoteRecord]:
        """A headline repeating a body quote takes its speaker; a heading's full repeat is
        dropped. A headline is a heading, or the document's first line when it reads as
        one (a quote of its own, which the page shows twice)."""
        headlines = [self._headline(quote) for quote, _ in records]
        if not any(headlines):
            return [record for _, record in records]
        kept: list[QuoteRecord] = []
        body: dict[int, list[QuoteRecord]] = {}
        for (quote, record), headline in zip(records, headlines, strict=True):
            if not headline:
                block = self.layout.units[quote.blocks[0]].block
                body.setdefault(block.section, []).append(record)
        words: dict[int, set[str]] = {}  # the words of body quotes, by id: asked per headline
        for (quote, record), headline in zip(records, headlines, strict=True):
            unit = self.layout.units[quote.blocks[0]]
            if headline:
                twin = _twin(record, body.get(unit.block.section, []), words)
                if twin is not None and record.speaker is None:
                    record.speaker, record.context = twin.speaker, twin.context
                if twin is not None and not record.fragment and unit.block.kind == "heading":
                    continue  # a heading's repeat; a first line's stays, a quote of its own
            kept.append(record)
        return kept

    def _headline(self, quote: QuoteSpan) -> bool:
        unit = self.layout.units[quote.blocks[0]]
        if unit.block.kind == "heading":
            return True
        if unit.index != 0:
            return False
        norm = self.layout.norm
        newline = norm.find("\n", unit.start, unit.end)
        line_end = unit.end if newline < 0 else newline
        if quote.close > line_end:
            return False
        words = norm[unit.start : line_end].rstrip()
        if quote.close == unit.start + len(words):
            # the quote ends the line, alone or after a kicker ('Storm Ciara: "We have
            # never seen anything like it"', '"Why won't anyone fix it?"'): its own stop
            # closes no sentence of the line's
            kicker = norm[unit.start : quote.open].rstrip(" :-\u2013\u2014")
            return len(words) <= TITLE_LINE_MOST and not kicker.endswith(_SENTENCE_ENDS)
        return is_title_line(norm, unit.start, unit.start + len(words))


def _joined(first: QuoteRecord, rest: QuoteRecord, ending: str = "") -> QuoteRecord:
    """One quote of two parts that its attribution divides: the words of both, its span
    over both (the attribution inside), the first part's speaker, date and context.

    The first part's own ending (its last character inside the marks) says how the two
    read as one: a comma before a part that opens a sentence was the sentence's end
    (`"... like it," said Ann Lee. "The noise ..."` reads "... like it. The noise"),
    before one that goes on it stays (`"It was loud," she said, "and ..."`)."""
    span = Span(first.span.start, rest.span.end)
    joint = " "
    if ending in _PART_ENDINGS and not first.text.endswith(_SENTENCE_ENDS):
        joint = ". " if rest.text[:1].isupper() else f"{ending} "
    text = f"{first.text}{joint}{rest.text}"
    return QuoteRecord(first.speaker, text, first.date, first.context, first.fragment, span)


# What a quote's first part may end with inside its marks before the attribution divides
# it (stripped from the part's words), and the ends of a sentence it may keep.
_PART_ENDINGS: Final = (",", ";")
_SENTENCE_ENDS: Final = (".", "!", "?", "\u2026")


def _twin(
    record: QuoteRecord, candidates: list[QuoteRecord], known: dict[int, set[str]]
) -> QuoteRecord | None:
    """The first body quote that repeats a headline quote.

    Each word of an ASCII text is a substring of its lowercase form: the headline's
    words found there bound how many it shares with the body quote, and a bound too
    low for _similar spares reading that quote's words (most candidates)."""
    words = _words(record.text)
    if not words:
        return None  # _similar holds for no empty set
    for other in candidates:
        if id(other) not in known:
            if other.text.isascii():
                lowered = lower(other.text)
                shared = sum(1 for word in words if word in lowered)
                if shared < len(words) and shared / len(words) < _SIMILAR:
                    continue
            known[id(other)] = _words(other.text)
        if _similar(words, known[id(other)]):
            return other
    return None
