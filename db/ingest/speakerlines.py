"""Pages of quotes laid out as lists: which line names the speaker of which quotes.

A page of reactions or "who said what" sets each quote as a paragraph of its own and
names its speaker on a line of its own, in one of two layouts:

- a credit line UNDER the quote, led by a dash (`– Ivory Coast coach Ann Lee after the
  final`): a role may come before the name and the occasion after it;
- a name line OVER the quotes (`Ann Lee (Wanderers)`), heading one or more quote
  paragraphs until the next name line.

Each line of such a block is first read for what it is: a quote line (a paragraph that
opens with a quotation mark), a credit line, a name line, or prose; then the speaker a
line names is carried to the quote lines it credits or heads. A name line heads quotes
only on a page with two of them or more, each over a quote line, and none of them a
credit; a credit line without its dash counts only on a page whose other credits have
one.
"""

from __future__ import annotations

import re
from typing import Final

from db.ingest.lexicon import SPEECH_VERBS, STOPWORDS, US_STATE_CODES
from db.ingest.names import run_shape
from db.ingest.people import Cast
from db.ingest.quotemarks import Unit
from db.text import lower

# A run of capitalised words (with name particles inside it), cut before a possessive.
_RUN: Final = re.compile(
    r"[A-Z][\w.\u2019'-]*?(?=['\u2019]s\b|[^\w.\u2019'-]|$)"
    r"(?:\s(?:(?:de|da|di|del|van|von|der|la|le|bin|al)\s)?[A-Z][\w.\u2019'-]*?(?=['\u2019]s\b|[^\w.\u2019'-]|$))*"
)
# After a run: a possessive ("Ivory Coast's Ann Lee"), or one or two lower-case words and
# another capitalised run ("Wanderers coach Ann Lee", "Wanderers coach, Ann Lee"): the run
# qualifies the role of the name after it, as its team or its country.
POSSESSIVE: Final = re.compile(r"['\u2019]s\s")
_STATE_AFTER: Final = re.compile(r",\s([A-Z]{2})\b")  # "Springfield, IL": a place
_ROLE_AFTER: Final = re.compile(r"\s([a-z][\w-]*)(?:\s([a-z][\w-]*))?,?\s[A-Z]")
_DASH: Final = re.compile(r"[-\u2013\u2014]{1,2}\s*(?=[A-Z])")
_DASHES: Final = ("-", "\u2013", "\u2014")  # what a dashed credit opens with (_DASH)
_ASIDE: Final = re.compile(r"\s*\([^()\n]{1,40}\)\s*$")
_OPENING_MARKS: Final = "\"\u201c\u2018\u00ab'"
_CLOSED: Final = re.compile(r"[\"\u201d\u2019\u00bb'][.,]?\s*$")
_CREDIT_MOST: Final = 200  # how much of a credit line is read: the name opens it
_LEAD_MOST: Final = 60  # the longest role written before the name of a credit
_NAME_LINE_MOST: Final = 60  # the longest name line over quotes
_NAME_LINE_WORDS: Final = 8
_ROLE_WORDS: Final = 6  # the most words of a role after a name line's comma
# Words that make what follows a name's comma a clause about them, not their role.
_CLAUSE_WORDS: Final = frozenset("who whose which that when where after before as is was".split())
_TOPIC_MOST: Final = 160  # the longest "On the defeat:" line between a name and quotes
_TOPICS_MOST: Final = 2  # topic lines read past between a name line and its quote
LIST_LEAST: Final = 2  # name lines, or dashed credits, that make a page of quotes
_LINE_KINDS: Final = ("paragraph", "label", "bullet")


def _context_word(word: str) -> bool:
    """A lower-case word that starts what is said of the speaker (an occasion, a verb),
    not a role's noun: a preposition or the like, a speech verb, an -ing form."""
    return word in STOPWORDS or word in SPEECH_VERBS or word.endswith("ing")


def _qualifies(norm: str, end: int, line_end: int) -> bool:
    """The run that ends at `end` qualifies a role before a name ("Wanderers coach ..."),
    or names a place with its state ("Hot Springs, SD City Administrator Ann Lee")."""
    if POSSESSIVE.match(norm, end, line_end):
        return True
    state = _STATE_AFTER.match(norm, end, line_end)
    if state is not None and state.group(1) in US_STATE_CODES:
        return True
    role = _ROLE_AFTER.match(norm, end, line_end)
    if role is None:
        return False
    return not any(w is not None and _context_word(w) for w in role.groups())


def _person_of(cast: Cast, run: str) -> str | None:
    """The person a run names: someone the text names by this name or surname, or a new
    full personal name ("Ann Lee"); a lone word that names no one known is no one."""
    wanted = lower(run)
    for person, record in cast.people.items():
        if run in record.aliases or lower(person) == wanted:
            return person
    shape = run_shape(run, sentence_start=True)
    if shape is None or not shape.name:
        return None
    name = " ".join(shape.name)
    if shape.name_offset + len(name) != len(run):
        return None
    surname = lower(shape.name[-1])
    known = [p for p in cast.people if lower(p.split()[-1]) == surname]
    if len(known) == 1:
        return known[0]
    return name if shape.full and not known else None


def credit_name(norm: str, cast: Cast, start: int, end: int) -> tuple[str, int, int] | None:
    """The person a credit names in norm[start:end] (a dash already cut off): a role may
    come first ("Wanderers coach, Ann Lee"), what they spoke about after ("Lee on the
    final"). The person and where their name stands; None if no person is named before
    the end of a role of a few words."""
    for run in _RUN.finditer(norm, start, end):
        if run.start() - start > _LEAD_MOST:
            return None
        lead = norm[start : run.start()]
        if any(stop in lead for stop in (". ", "! ", "? ", ": ")):
            return None
        if _qualifies(norm, run.end(), end):
            continue
        person = _person_of(cast, run.group())
        if person is not None:
            return person, run.start(), run.end()
    return None


def _first_line_end(norm: str, unit: Unit) -> int:
    newline = norm.find("\n", unit.start, unit.end)
    return unit.end if newline < 0 else newline


def _quote_line(norm: str, unit: Unit) -> bool:
    return unit.block.kind in _LINE_KINDS and norm[unit.start] in _OPENING_MARKS


def _ends_quote(norm: str, unit: Unit) -> bool:
    """The unit's last line closes a quotation: a quote line stands above."""
    return _CLOSED.search(norm, max(unit.start, unit.end - 4), unit.end) is not None


def _dashed_credit(norm: str, cast: Cast, unit: Unit) -> str | None:
    if unit.block.kind not in _LINE_KINDS:
        return None
    end = min(_first_line_end(norm, unit), unit.start + _CREDIT_MOST)  # the name leads it
    dash = _DASH.match(norm, unit.start, end)
    if dash is None:
        return None
    found = credit_name(norm, cast, dash.end(), end)
    return None if found is None else found[0]


def _name_line(norm: str, cast: Cast, unit: Unit, heading: bool = False) -> str | None:
    """A short line that is a name, a role before it or an aside after it allowed
    ("Coach Ann Lee (Wanderers)", "Wanderers coach, Ann Lee"): no sentence. A line
    that heads the quotes under it may end with a colon ("Wanderers coach Ann Lee:");
    a credit under a quote never does."""
    if unit.block.kind not in _LINE_KINDS or unit.end - unit.start > _NAME_LINE_MOST:
        return None
    line = norm[unit.start : unit.end]
    if heading and line.endswith(":"):
        line = line[:-1].rstrip()
    if not line or "\n" in line or line[-1] in ".!?:;," or line[0] in _OPENING_MARKS:
        return None
    if len(line.split()) > _NAME_LINE_WORDS:
        return None
    if line[0] == "(" and line[-1] == ")":  # "(Ann Lee)": the name alone in brackets
        return _bracketed_name(norm, cast, unit.start + 1, unit.start + len(line) - 1)
    aside = _ASIDE.search(line)
    end = unit.start + (aside.start() if aside else len(line))
    found = credit_name(norm, cast, unit.start, end)
    if found is None:
        return None
    if any(lower(word) in STOPWORDS for word in norm[unit.start : found[1]].split()):
        return None  # "On the absence of captain Ann Lee:": a topic line, no name line
    if found[2] != end and (found[1] != unit.start or not _role_after(norm, cast, found[2], end)):
        return None  # the name ends the line, or only an aside or a role follows it
    return found[0]


def _bracketed_name(norm: str, cast: Cast, start: int, end: int) -> str | None:
    found = credit_name(norm, cast, start, end)
    return None if found is None or found[1] != start or found[2] != end else found[0]


def _role_after(norm: str, cast: Cast, start: int, end: int) -> bool:
    """`, Wanderers head coach`, `, number eight, captain`, `, chief executive of Acme`:
    a role after the name's comma, a few words, no clause ("Ann Lee, who scored") and no
    one else's name ("Ann Lee, Tom Reed and Karl Berg" lists people)."""
    if not norm.startswith(", ", start):
        return False
    words = norm[start + 2 : end].replace(",", " ").split()
    if not 0 < len(words) <= _ROLE_WORDS:
        return False
    if any(lower(w) in _CLAUSE_WORDS or lower(w) in SPEECH_VERBS for w in words):
        return False
    surnames = {lower(person.split()[-1]) for person in cast.people}
    return not any(lower(w) in surnames for w in words)


def speaker_lines(norm: str, units: list[Unit], cast: Cast) -> tuple[dict[int, str], set[int]]:
    """The speaker of each quote line a credit or name line attributes (by unit index),
    and the indexes of the name lines that head quotes (never a signature below one)."""
    credits: dict[int, str] = {}
    for index in range(1, len(units)):
        if norm.startswith(_DASHES, units[index].start) and _ends_quote(norm, units[index - 1]):
            person = _dashed_credit(norm, cast, units[index])
            if person is not None:  # known from here on ("Lee" in a later credit)
                credits[index] = cast.adopt(person)
    speakers: dict[int, str] = {}
    if len(credits) >= LIST_LEAST:  # a page credited below: a dashless credit counts too
        for index in range(1, len(units)):
            if index not in credits and _ends_quote(norm, units[index - 1]):
                person = _name_line(norm, cast, units[index])
                if person is not None:
                    credits[index] = cast.adopt(person)
    for index, person in credits.items():
        speakers[index - 1] = person  # the quote closing right above (perhaps a line of it)
        above = index - 2
        while above >= 0 and above + 1 not in credits and _quote_line(norm, units[above + 1]):
            if above in credits or not _quote_line(norm, units[above]):
                break
            speakers[above] = person  # an earlier paragraph of the same speaker's quotes
            above -= 1
    if credits:
        return speakers, set()
    # Name lines head, and lines under closed quotes credit, only quote lines: a page
    # with none (most pages) needs neither read.
    quote_lines = [index for index, unit in enumerate(units) if _quote_line(norm, unit)]
    if not quote_lines:
        return speakers, set()
    headed = _headed(norm, units, cast, quote_lines)
    if headed[1]:
        return headed
    return _credited_below(norm, units, cast, quote_lines), set()


def _credited_below(
    norm: str, units: list[Unit], cast: Cast, quote_lines: list[int]
) -> dict[int, str]:
    """No dash anywhere and no name line heading quotes: name lines under closed quotes
    (`Ann Lee, Mexico coach`, `(Ann Lee)`) credit them, on a page with two or more.
    quote_lines: the indexes of the quote lines, in order."""
    found: dict[int, str] = {}
    for above in quote_lines:
        if above + 1 < len(units) and _ends_quote(norm, units[above]):
            person = _name_line(norm, cast, units[above + 1])
            if person is not None:
                found[above] = person
    if len(found) < LIST_LEAST:
        return {}
    for person in found.values():
        cast.adopt(person)
    return found


def signature_name(norm: str, cast: Cast, unit: Unit) -> str | None:
    """The person a line under a block quote names: the name alone, a role before it or
    after its comma, an aside in brackets after it, or the name in brackets."""
    return _name_line(norm, cast, unit)


def _headed(
    norm: str, units: list[Unit], cast: Cast, quote_lines: list[int]
) -> tuple[dict[int, str], set[int]]:
    """Name lines over quote lines: each heads the quote lines under it. quote_lines:
    the indexes of the quote lines, in order (a head's line is found from them)."""
    heads: dict[int, str] = {}
    for below in quote_lines:  # a quote line opens with a mark: never a topic line
        # the lines that may head it: the one right above it, and those above no more
        # than _TOPICS_MOST topic lines in between
        lowest = below - 1
        while lowest > 0 and below - lowest <= _TOPICS_MOST and _topic_line(norm, units[lowest]):
            lowest -= 1
        for index in range(max(0, lowest), below):
            if units[below].block.section != units[index].block.section:
                continue
            person = _name_line(norm, cast, units[index], heading=True)
            if person is not None:
                heads[index] = person
    if len(heads) < LIST_LEAST:
        return {}, set()
    first = min(heads)
    if first > 0 and _ends_quote(norm, units[first - 1]):
        return {}, set()  # a quote above the first name line: the names sign below
    last = quote_lines[-1]
    if last + 1 < len(units) and _name_line(norm, cast, units[last + 1]) is not None:
        return {}, set()  # a name line under the last quote: the names sign below
    speakers: dict[int, str] = {}
    for index, person in heads.items():
        cast.adopt(person)
        at = index + 1
        section = units[index].block.section
        while at < len(units) and at not in heads and units[at].block.section == section:
            if _quote_line(norm, units[at]):
                speakers[at] = person
            elif not _topic_line(norm, units[at]):
                break
            at += 1
    return speakers, set(heads)


def _topic_line(norm: str, unit: Unit) -> bool:
    """`On the defeat in the final:`: a short line that says what the quote under it is
    about, between a name line and its quotes."""
    return (
        unit.block.kind in _LINE_KINDS
        and unit.end - unit.start <= _TOPIC_MOST
        and norm[unit.end - 1] == ":"
        and norm[unit.start] not in _OPENING_MARKS
        and "\n" not in norm[unit.start : unit.end]
    )


_TRAILING_DASH: Final = re.compile(r"(?:\s[-\u2013\u2014]{1,2}|[\u2013\u2014])\s*(?=[A-Z])")
_BULLET: Final = re.compile(r"[\u2022*\u2013\u2014-]\s+")
_SAYING_ENDS: Final = (".", "!", "?", '"', "'", "\u201d", "\u2019")
_TRAILING_MOST: Final = 400  # the longest item read for a credit at its end
_TRAILING_REACH: Final = 80  # the longest credit after an item's dash
_QUOTE_WORDS: Final = 8  # words before a trailing credit that make a saying, not a title
_TITLE_CASE_SMALL: Final = frozenset("a an the of and or in on at to for by with from".split())


def trailing_credit(text: str, norm: str, cast: Cast, unit: Unit) -> tuple[int, int, str] | None:
    """`• We never stopped believing in this team—Ann Lee`: an item of highlights that
    ends with a dash and a name is that person's words. The dash's offset and the
    person; None unless the words before it make a saying (eight words or more, not in
    title case as a book's or a song's name is) and the name, an aside perhaps after
    it, ends the item. Outside a list the words must end as a sentence does. Where the
    words start (after a bullet), where they end, and the person."""
    if unit.block.kind not in _LINE_KINDS or unit.end - unit.start > _TRAILING_MOST:
        return None
    low = max(unit.start, unit.end - _TRAILING_REACH)
    if (
        text.find("-", low, unit.end) < 0
        and text.find("\u2013", low, unit.end) < 0
        and text.find("\u2014", low, unit.end) < 0
    ):
        return None  # no dash to search for: str.find is far cheaper than the regex
    dash = None
    for found in _TRAILING_DASH.finditer(text, low, unit.end):
        dash = found  # the last dash: the credit after it
    if dash is None:
        return None
    aside = _ASIDE.search(norm, dash.end(), unit.end)
    end = unit.end if aside is None else aside.start()
    credited = credit_name(norm, cast, dash.end(), end)
    if credited is None or credited[2] != end:
        return None
    bullet = _BULLET.match(norm, unit.start, dash.start())
    said = norm[unit.start : dash.start()].rstrip().endswith(_SAYING_ENDS)
    if bullet is None and unit.block.kind != "bullet" and not said:
        return None  # prose that names someone after a dash ("set up by two brothers - ...")
    start = unit.start if bullet is None else bullet.end()
    words = text[start : dash.start()].split()
    if len(words) < _QUOTE_WORDS or all(w[:1].isupper() or w in _TITLE_CASE_SMALL for w in words):
        return None
    return start, dash.start(), credited[0]
