"""Finding dates in text, as precisely as they are stated, and resolving relative ones.

Every pattern is a bounded regex (no nested quantifiers), so scanning is linear.
A year is never invented: a month-day without a year stays a month-day.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import operator
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Final, Literal

from dateutil.easter import EASTER_ORTHODOX, EASTER_WESTERN, easter

from db.ingest.lexicon import (
    COUNTED_NOUNS,
    DAY_ORDINALS,
    MONTHS,
    NUMBER_WORDS,
    PARTS_OF_YEAR,
    ROUND_NUMBER_WORDS,
    US_STATE_CODES,
    WEEKDAYS,
)
from db.ingest.scan import finditer_near, led_starts, literal_starts, spaced
from db.memo import BoundedMemo
from db.records import PartialDate
from db.text import lower

_MONTH_NAMES: Final = (
    r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
)
# A month's name as written: capitalised, or in capitals as headlines and tables set it
# ("SEPT. 3, 1901"), never in lower case ("may", "march" are words).
MONTH = f"(?:{_MONTH_NAMES}|{_MONTH_NAMES.upper()})"
_ORD: Final = r"(?:st|nd|rd|th|d)?"  # "23d": the older "23rd"
# "8 th November 2017": an ordinal set apart, as typed or OCR-copied pages have it; read
# only in a full date, whose year makes the day certain.
_SPACED_ORD: Final = r"(?:\s?(?:st|nd|rd|th)|d)?"
# An era after a year: BC, B.C., BCE, B.C.E., AD, A.D., CE, C.E. (capitals only: "ad" is a word).
# A year of the last thousand years and this century written in four digits: the years
# a bare number in prose, a bracket or a heading is read as without an era or a month.
LIKELY_YEAR: Final = r"1\d{3}|20\d{2}"
# "bc" too: small capitals, as many books set an era, copy into text in lower case.
# A weekday written out in full ("Tuesday"): one pattern for every reader of one.
WEEKDAY_WORD: Final = "(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
# A mark before Christ may be glued to the next capitalised word, as a table's cells are
# when flattened into text ("12000 BCEArrival of first humans"); "500 CEOs" holds none.
_ERA_MARK: Final = (
    r"(?:(?:B\.?C\.?(?:E\.?)?|b\.?c\.?(?:e\.?)?)(?:(?!\w)|(?=[A-Z][a-z]))"
    r"|(?:A\.?D\.?|C\.?E\.?)(?!\w))"
)
# The lowercase words that may follow a month-day stated without "on".
_AFTER_BARE_DAY: Final = (
    "at in on of and or but to from for after before when while with by as until till"
    " through during near outside inside against amid since"
).split()
# The words that make four digits a year in prose ("in 1887", "in the year 1887", "in
# mid-1887", "in the spring of 1887", "by summer 1887", "in both 1920 and 1931", "in the
# year of our Lord 1887", "Anno Domini 1887"); a bare number may be a count.
_YEAR_LEAD: Final = (
    r"(?:[Ii]n\sboth\s|(?:[Ii]n|[Ss]ince|[Bb]y|[Ff]rom|[Uu]ntil|[Dd]uring|of|[Ee]arly"
    r"|[Ll]ate|[Aa]round|[Cc]irca|year|Lord|Domini|[Ss]pring|[Ss]ummer|[Aa]utumn|[Ff]all|[Ww]inter"
    # feasts whose day moves from year to year: "at Easter 1916" is a time in 1916
    r"|Easter|Whitsun|Pentecost|Thanksgiving|Passover|Ramadan|Hanukkah|Diwali)\s"
    r"|[Mm]id(?:-|\s)"
    r"|c\.\s?|ca\.\s?)"  # "founded c. 1132", "ca. 1450": about that year, as circa says
)
# What follows the year of a run-on entry ("...; 1904 - sent catalogs; 1926: opened ...");
# events.py cuts the entry's words at the same mark.
ENTRY_SEPARATOR: Final = r"\s?(?:-{1,2}|:)\s"
# The words that join a span's two ends in prose ("3 to 9 May", "1918 until 1927").
_SPAN_WORDS: Final = r"(?:to|until|till|through)"
_DAYS_TO: Final = rf"(?:-{{1,2}}|/|\s{_SPAN_WORDS}\s)"  # "16-18", "16 to 18"
# _DATES's alternatives, each in one of two groups by what it opens with (after \b or a
# lookbehind): a digit, or an ASCII letter. At a position only one group can match, and
# each keeps its alternatives' order, so the alternative that matches is the one the
# plain alternation in the order y1, y2, y3, d4, m14, m5, y6, y7, y8, y9, y10, y12, m11,
# d13 would give; but a guard skips a group that cannot match in one test (the letter
# group holds six alternations of the months' names, tried at every digit run).
_LETTER_GUARD: Final = "(?=[A-Za-z])"
_DATES_AT_DIGIT: Final = (
    rf"\b(?P<d2>\d{{1,2}})(?:{_SPACED_ORD}\s(?:day\sof\s|of\s)?|-(?={MONTH}))"
    rf"(?P<m2>{MONTH})(?:\.?,?\s|-(?=\d))(?P<y2>\d{{1,6}})\b(?![-/])"  # "16-Jun-2001" too
    rf"(?:\s?(?P<e2>{_ERA_MARK}))?"
    r"|\b(?P<y3>\d{4})-(?P<m3>\d{2})-(?P<d3>\d{2})\b"
    # "44 BC", "1,500 BC" (its thousands parted by a comma, and never read from "500")
    rf"|\b(?<!\d-)(?<!\d,)(?<!\d\.)(?P<y7>\d,\d{{3}}|\d{{1,4}})\s?(?P<e7>{_ERA_MARK})"
    r"|\b(?P<d9>\d{1,2})\.(?P<m9>\d{1,2})\.(?P<y9>\d{4})\b(?!\.\d)"  # 25.11.2016: day first
    rf"|(?:(?<=;\s)|(?<=;\s\s))(?P<y10>\d{{4}})(?={ENTRY_SEPARATOR})"  # "...; 1904 - sent ..."
    r"|\b(?P<a12>\d{1,2})/(?P<b12>\d{1,2})/(?P<y12>\d{4})\b(?![/-]\d)"  # 1/10/2017: see _slashed
    # "on 20 January", "(25 March)": a day and month, day first, with no year.
    rf"|\b(?P<d13>\d{{1,2}}){_ORD}\s(?:day\sof\s|of\s)?(?P<m13>{MONTH})\b\.?"
    r"(?!,?\s?\d|/|-\d)"
)
_DATES_AT_LETTER: Final = (
    rf"\b(?P<m1>{MONTH})\.?\s(?P<d1>\d{{1,2}}){_SPACED_ORD}(?:,\s?|\s)(?P<y1>\d{{1,6}})\b(?![-/])"
    rf"(?:\s?(?P<e1>{_ERA_MARK}))?"
    rf"|\b[Oo]n\s(?P<m4>{MONTH})\.?\s(?P<d4>\d{{1,2}}){_ORD}\b(?!,?\s?\d+\b(?![:.]\d)|/|-\d|:|\s(?:st|nd|rd|th),?\s\d"
    rf"|(?:{_DAYS_TO}|\s(?:and|&)\s)\d{{1,2}}{_ORD},?\s\d{{4}}\b)"
    # "June 16-18, 2001", "June 16 and 18, 2001": days of one month, dated by the first
    rf"|\b(?P<m14>{MONTH})\.?\s(?P<d14>\d{{1,2}}){_ORD}(?:{_DAYS_TO}|\s(?:and|&)\s)"
    rf"(?P<e14>\d{{1,2}}){_ORD},?\s"
    r"(?P<y14>\d{4})\b(?![-/])"
    rf"|\b(?P<m5>{MONTH})\.?,?\s(?:of\s)?(?P<y5>\d{{4}}\b(?![-/]|\d)|\d{{1,4}}\s?(?={_ERA_MARK}))"
    rf"(?P<e5>{_ERA_MARK})?"
    rf"|\b{_YEAR_LEAD}"
    rf"(?P<y6>\d{{4}})\b(?!s\b|'s|[-/.,]\d|\s?%|\s?{_ERA_MARK})"
    r"|\bA\.?D\.?\s?(?P<y8>\d{1,4})\b(?![-/.,:]\d)"  # "AD 43", "AD43", "c.AD60"
    # "a speech June 11 at the hall": a month-day without "on", unless a noun follows it
    # ("the September 11 attacks", "the July 4 parade" name something).
    rf"|\b(?P<m11>{MONTH})\.?\s(?P<d11>\d{{1,2}}){_ORD}\b"
    rf"(?!,?\s?\d+\b(?![:.]\d)|/|-\d|:(?!\s)|\s(?:st|nd|rd|th),?\s\d|\s(?!(?:{'|'.join(_AFTER_BARE_DAY)})\b)[a-z])"
)
_DATES: Final = re.compile(rf"(?=\d)(?:{_DATES_AT_DIGIT})|{_LETTER_GUARD}(?:{_DATES_AT_LETTER})")
# Which alternative of _DATES matched: the group that holds its year (or its day).
_FORMS: Final = (
    "y1", "y2", "d3", "d4", "y14", "y5", "y6", "y7", "y8", "y9", "y10", "d11", "y12", "d13",
)  # fmt: skip
_BEFORE_CHRIST: Final = frozenset(("BC", "BCE"))
_MONTH_THEN_YEAR: Final = frozenset(("y1", "y2", "y5"))  # forms whose year ends them
# After a year of a full date, a time of day ("July 16 9:32 a.m."), a decimal or a count.
_NOT_A_YEAR: Final = re.compile(r"\s?(?:[:.]\d|[ap]\.?m\b|[AP]\.?M\b|%)")
# Every date holds a digit that starts a run of digits, at most this far from its start
# (the longest lead is "On September. 9"), so _DATES is tried only near digit runs.
_DATE_REACH: Final = len("On September. ")
# What every alternative of _DATES reads up to its first digit, and that digit: where this
# fails, _DATES fails too, and it reads nothing past the digit (see finditer_near).
# Its words open with an ASCII letter, which a guard tests once before trying them all.
_DATE_OPENING: Final = re.compile(
    rf"\b(?:(?=\d)|{_LETTER_GUARD}(?:{MONTH}\.?,?\s(?:of\s)?(?=\d)|[Oo]n\s{MONTH}\.?\s(?=\d)"
    rf"|A\.?D\.?\s?(?=\d)|{_YEAR_LEAD}(?=\d)))"
)
# Not r"\d+": a pattern opening with a repeat is tried at every character.
_DIGIT_RUN: Final = re.compile(r"\d\d*")
_NEXT_WORD: Final = re.compile(r"\s+([a-z]+)")
_ASCII_DIGITS: Final = "0123456789"  # what \d matches in ASCII text
_START: Final = operator.methodcaller("start")
_HIT_START: Final = operator.attrgetter("start")
_FULL_FORMS: Final = {"y1": ("m1", "d1", "y1", "e1"), "y2": ("m2", "d2", "y2", "e2")}


class DateHit:
    """A date stated in the text at [start, end); never changed once made.

    A plain class, not a frozen dataclass: compiled with mypyc, that is made through the
    Python __init__ dataclasses generates, which sets each field by object.__setattr__.
    """

    __slots__ = ("date", "end", "start")

    def __init__(self, start: int, end: int, date: PartialDate) -> None:
        self.start = start
        self.end = end
        self.date = date


@dataclass(frozen=True, slots=True)
class DateScan:
    """Dates found in a piece of text, and what was rejected as impossible.

    bare: month-days stated without "on" ("a speech June 11"), kept apart: alone they
    may name a day ("because of September 11"); only a year entry makes them a date.
    """

    hits: list[DateHit]
    rejected: list[tuple[int, str]]
    bare: list[DateHit] = field(default_factory=list)
    ambiguous: list[tuple[int, str]] = field(default_factory=list)  # "3/4/2017", no rule
    # The closing years of spans ("from 1939 to 1947"): no events, but the narrative has
    # reached them, and "the following year" counts from there.
    span_ends: list[DateHit] = field(default_factory=list)


def _month_number(name: str) -> int:
    return MONTHS[lower(name).rstrip(".")]


# A page's own date with its year cut to two digits, after the word that marks it:
# "Date: 24-Jul-16", "Posted: 3 Mar 98". Read nowhere else, as "16" alone is no year.
_TWO_DIGIT_STAMP: Final = re.compile(
    rf"(?i:date|published|posted|updated)\s?:\s*(?P<d>\d{{1,2}})[-/ ](?P<m>{MONTH})\.?"
    r"[-/ ](?P<y>\d\d)\s*\Z"
)
# Two-digit years up to this one are of the 2000s, later ones of the 1900s (as POSIX
# strptime's %y reads them).
_TWO_DIGIT_PIVOT: Final = 68


def two_digit_stamp(line: str) -> PartialDate | None:
    """The page's date in a line that holds only a publication word and a date whose
    year has two digits ("Date: 24-Jul-16" is 24 July 2016), else None."""
    found = _TWO_DIGIT_STAMP.match(line.strip())
    if found is None:
        return None
    short = int(found["y"])
    year = 2000 + short if short <= _TWO_DIGIT_PIVOT else 1900 + short
    return make_date(year, _month_number(found["m"]), int(found["d"]))


_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


def _days_in(year: int, month: int) -> int:
    """calendar.monthrange(year, month)[1], without working out the weekday."""
    return 29 if month == 2 and calendar.isleap(year) else _MONTH_DAYS[month]


def make_date(year: int | None, month: int, day: int | None) -> PartialDate | None:
    """A PartialDate if the parts form a real calendar date, else None.

    The same dates recur in and across documents, and a PartialDate (a frozen dataclass)
    is slow to make, so each is made once and shared: nothing can change it.
    """
    return _MADE[(year, month, day)]


def _new_date(parts: tuple[int | None, int, int | None]) -> PartialDate | None:
    year, month, day = parts
    if year is not None and not (1 <= year <= 9999 or -9999 <= year <= -1):
        return None
    if day is None:
        return PartialDate(year, month, None, "month") if year is not None else None
    check_year = 2000 if year is None or year < 1 else year  # a leap year admits 29 Feb
    if not 1 <= day <= _days_in(check_year, month):
        return None
    if year is None:
        return PartialDate(None, month, day, "month-day")
    return PartialDate(year, month, day, "day")


_MADE: Final = BoundedMemo(_new_date, 1 << 14)  # make_date's dates, made once each


def form_of(match: re.Match[str]) -> str:
    """The alternative of _DATES that matched, named by the group holding its year."""
    for form in _FORMS:
        if match.group(form) is not None:
            return form
    return ""  # never: every alternative has one of these groups


def _year(digits: str, era: str | None) -> int | None:
    """The year of digits and an era mark; None where the digits are not a year.

    Without an era a year has four digits: "9:32" after "July 16" is a time, "March 3,
    250" a count. BC years are negative (historical numbering, no year zero).
    """
    if era is None:
        return int(digits) if len(digits) == 4 else None
    year = int(digits)
    if year == 0:
        return None
    return -year if era.replace(".", "").upper() in _BEFORE_CHRIST else year


def _from_match(match: re.Match[str], form: str) -> PartialDate | None:
    """The date of a _DATES match of the given form (see form_of)."""
    if form == "y6":
        return PartialDate(int(match.group("y6")), None, None, "year")
    if form == "y7":
        era_year = _year(match.group("y7").replace(",", ""), match.group("e7"))
        return make_year(era_year) if era_year is not None else None
    if form == "y8":
        return make_year(int(match.group("y8"))) if int(match.group("y8")) else None
    if form == "y10":
        return make_year(int(match.group("y10")))
    if form == "y9":
        day_first, month_second, year_third = match.group("d9", "m9", "y9")
        if not 1 <= int(month_second) <= 12:
            return None
        return make_date(int(year_third), int(month_second), int(day_first))
    if form == "y12":  # alone (a line's date): only a day over 12 tells the order
        first, second, slashed_year = (int(g) for g in match.group("a12", "b12", "y12"))
        order = _slashed_order(first, second) or (1 if first == second else 0)
        if order == 0:
            return None  # "3/4/2017": either order (03/03 reads the same both ways)
        return make_date(slashed_year, *((first, second) if order > 0 else (second, first)))
    if form == "d3":
        iso_year, iso_month, iso_day = match.group("y3", "m3", "d3")
        if not 1 <= int(iso_month) <= 12:
            return None
        return make_date(int(iso_year), int(iso_month), int(iso_day))
    if form == "y14":  # "June 16-18, 2001": from its first day, if both are days in order
        began, ended, span_year = (int(g) for g in match.group("d14", "e14", "y14"))
        span_month = _month_number(match.group("m14"))
        if began >= ended or make_date(span_year, span_month, ended) is None:
            return None
        return make_date(span_year, span_month, began)
    if form in ("d4", "d11", "d13"):
        month, day = match.group(f"m{form[1:]}", form)
        return make_date(None, _month_number(month), int(day))
    if form == "y5":
        year = _year(match.group("y5").strip(), match.group("e5"))
        return make_date(year, _month_number(match.group("m5")), None) if year else None
    name, day, digits, era = match.group(*_FULL_FORMS[form])
    year = _year(digits, era)
    if year is None:
        return None
    return make_date(year, _month_number(name), int(day))


def _is_stated_year(match: re.Match[str], form: str) -> bool:
    """False where a full date's year digits are really a time, a count or too short."""
    if form not in _FULL_FORMS:
        return True
    digits_end = match.end(_FULL_FORMS[form][2])
    if match.group(_FULL_FORMS[form][3]) is not None:
        return True
    if len(match.group(_FULL_FORMS[form][2])) < 4:
        return False  # a longer run is kept, and rejected as impossible by _from_match
    return _NOT_A_YEAR.match(match.string, digits_end) is None


# The months' names written out: a full stop after one ends a sentence, as it would
# after an abbreviation ("Dec. 1872") it would not.
_FULL_MONTH_NAMES: Final = frozenset(list(MONTHS)[:12])


def _closes_sentence(text: str, end: int, name: str) -> bool:
    """'... starting in June.' over a line '2560 The Great Pyramid ...': a month's name
    (ending at end) written out with a full stop ends its sentence; the year after it
    is the next sentence's or line's, not the month's."""
    return text[end : end + 1] == "." and lower(name) in _FULL_MONTH_NAMES


# A year that heads the next line's entry: its era, then its separator ("1971 - ", "1971:").
_NEXT_LINE_YEAR: Final = re.compile(rf"\n\d{{1,4}}(?:\s?{_ERA_MARK})?(?:[ \t]*[-|][ \t]|:)")


def _heads_next_line(text: str, end: int) -> bool:
    """'... retired in August' over '1971 - A storm wrecked the pier.': a month that ends
    one line (at end) and a year that heads the next line's entry are two lines' words,
    not one date (a hard-wrapped sentence's year runs on: '... in August' / '1971 and')."""
    return text.startswith("\n", end) and bool(_NEXT_LINE_YEAR.match(text, end))


def _counts_things(text: str, end: int) -> bool:
    """'in 1500 cases' counts cases; it is not a year."""
    word = _NEXT_WORD.match(text, end)
    return word is not None and word.group(1) in COUNTED_NOUNS


def _digit_run_starts(text: str) -> list[int]:
    """Where each run of digits starts (each match of _DIGIT_RUN), ascending.

    In ASCII text the digits are 0-9, found by ten str.find scans (plain character
    searches) in a fraction of the time of a regex scan, which looks each character's
    Unicode category up; a digit starts a run unless the one before it is a digit too.
    DateIndex finds them once for all its scans that start at digits.
    """
    if not text.isascii():
        return list(map(_START, _DIGIT_RUN.finditer(text)))
    starts: list[int] = []
    previous = -2
    for digit in literal_starts(text, _ASCII_DIGITS):
        if digit != previous + 1:
            starts.append(digit)
        previous = digit
    return starts


def find_dates(text: str, base: int = 0, digit_runs: list[int] | None = None) -> DateScan:
    """Dates in text (offsets shifted by base); impossible ones are listed as rejected.

    digit_runs, if given, is _digit_run_starts(text), found once by a caller that needs
    it again."""
    hits: list[DateHit] = []
    bare: list[DateHit] = []
    rejected: list[tuple[int, str]] = []
    slashed: list[re.Match[str]] = []
    written = 0
    month_day: DateHit | None = None  # the last month-day, which "in 2015" may complete
    listed_any = False  # years of a list after a year (see _listed_years) were added
    span_ends: list[DateHit] = []  # "between 1918 and 1927": the year a span reaches
    last: DateHit | None = None  # the last date kept, which a span's end may follow
    last_held = False  # it is in hits (else in bare)
    if digit_runs is None:
        digit_runs = _digit_run_starts(text)
    for match in finditer_near(_DATES, text, digit_runs, _DATE_REACH, _DATE_OPENING):
        form = form_of(match)
        if form == "y12":
            slashed.append(match)
            continue
        if form == "y6" and (
            _counts_things(text, match.end()) or not 1000 <= int(match.group("y6")) <= 2199
        ):
            continue
        if (
            form == "y6"
            and text.startswith(" or ", match.end())
            and _EITHER_YEAR.match(text, match.end())
        ):
            continue  # "in 2001 or 2002": either year, so neither is the time
        if form == "y6" and _opens_range(text, match.end(), match.start("y6")):
            span_end = _span_end(text, match.end(), base)
            if span_end is not None:
                span_ends.append(span_end)
            continue
        if form in ("y7", "y8") and _in_era_span(text, match.start(), match.end()):
            continue
        if form == "y5" and _closes_sentence(text, match.end("m5"), match.group("m5")):
            continue
        if form in _MONTH_THEN_YEAR and _heads_next_line(text, match.start(form) - 1):
            continue
        if form == "y5" and "," in match.group(0) and _counts_things(text, match.end()):
            continue  # "In June, 2000 people marched": the comma ends "In June"
        if not _is_stated_year(match, form):
            continue
        date = _from_match(match, form)
        if date is None:
            rejected.append((base + match.start(), match.group(0)))
            continue
        if form == "y6" and month_day is not None and month_day.date.month is not None:
            completed = _completed(text, month_day, match, base)
            if completed is not None:
                (hits if hits and hits[-1] is month_day else bare).pop()
                hits.append(completed)
                month_day = None
                last, last_held = completed, True
                continue
        held = hits if last_held else bare
        if (
            last is not None
            and held
            and held[-1] is last  # nothing kept since: a join right after it
            and _SPAN_JOIN_PROSE.fullmatch(text, last.end - base, match.start())
        ):
            # "from June 30 to July 2, 2001": a span, dated by the day it began if any
            held.pop()
            whole = _spanned(last.date, date)
            if whole is not None:
                hits.append(DateHit(last.start, base + match.end(), whole))
            last = month_day = None
            continue
        if form == "y5" and _MONTH_SPAN_BEFORE.search(
            text, max(0, match.start() - _MONTH_SPAN_REACH), match.start()
        ):
            continue  # "June-August 2001": a span of months
        hit = DateHit(base + match.start(), base + match.end(), date)
        if form in _DAY_FIRST_FORMS and text[match.start() - 1 : match.start()] in _SPAN_MARKS:
            span = _day_span(text, match, date)  # "16-18 June 2001": from its first day
            if span is not None:
                hit = DateHit(base + span.start, base + span.end, span.date)
        loose = form in ("d11", "d13") and not _DAY_FIRST_LEAD.search(
            text, max(0, match.start() - _DAY_LEAD_REACH), match.start()
        )
        (bare if loose else hits).append(hit)
        last, last_held = hit, not loose
        month_day = hit if date.precision == "month-day" else None
        written += _WRITTEN_ORDER.get(form, 0)
        if (
            form == "y6"
            and text[match.end() : match.end() + 1] in (",", " ")
            and _lists_years(text, match.start("y6"))
        ):
            listed = _listed_years(text, match.end(), base)
            if listed:
                hits += listed
                listed_any = True
    if listed_any:
        hits.sort(key=_HIT_START)
    if not slashed:
        return DateScan(hits, rejected, bare, span_ends=span_ends)
    ambiguous: list[tuple[int, str]] = []
    month_first = _month_first(text, written, slashed)
    for match in slashed:
        first, second, year = (int(g) for g in match.group("a12", "b12", "y12"))
        if month_first is None and first <= 12 and second <= 12 and first != second:
            ambiguous.append((base + match.start(), match.group(0)))
            continue
        if first > 12 or (month_first is False and second <= 12):
            first, second = second, first  # day first
        date = make_date(year, first, second) if first <= 12 else None
        if date is None:
            rejected.append((base + match.start(), match.group(0)))
            continue
        hits.append(DateHit(base + match.start(), base + match.end(), date))
    hits.sort(key=_HIT_START)
    return DateScan(hits, rejected, bare, ambiguous, span_ends)


# Between the two dates of a span in prose: "June 30 to July 2", "1999 - Jan. 1".
_SPAN_JOIN_PROSE: Final = re.compile(rf"\s?(?:-{{1,2}}|{_SPAN_WORDS})\s?")
# A day before a day-first date that makes a span of days: "16-18 June", "14/15 April",
# "14th-15th April", "16 to 18 June" (a dash or slash unspaced, as ranges are set).
_DAY_SPAN_BEFORE: Final = re.compile(
    r"(?<![\d.,/-])(?P<d>\d{1,2})(?:st|nd|rd|th)?"
    rf"(?:-{{1,2}}|/|\s(?:{_SPAN_WORDS}|and|&)\s)\Z"
)
_DAY_SPAN_REACH: Final = len("15th until ")
_SPAN_MARKS: Final = frozenset("-/ ")
_DAY_FIRST_FORMS: Final = frozenset(("y2", "d13"))
# A month's name before a month and year ("June-August 2001", "June to August 2001",
# "between June and August 2001"): a span of months, no one time in that year.
_MONTH_SPAN_BEFORE: Final = re.compile(
    rf"(?:\b[Bb]etween\s{MONTH}\.?\sand|\b{MONTH}\.?(?:-{{1,2}}|\s{_SPAN_WORDS}))\s?\Z"
)
_MONTH_SPAN_REACH: Final = len("between September. and ")


def _spanned(first: PartialDate, last: PartialDate) -> PartialDate | None:
    """A span of days from first to last within one month ("3 May to 9 May 2001"): the
    day it began, in the year stated at its end, as a reader dates such a span; None
    for a span across months or years, which no one date tells (as "1961 to 1963")."""
    if first.day is None or first.month != last.month or first.year not in (None, last.year):
        return None
    return make_date(last.year, last.month, first.day) if last.month else None


def _day_span(text: str, match: re.Match[str], date: PartialDate) -> DateHit | None:
    """A day-first date (match) that closes a span of days ("16-18 June 2001") or a pair
    ("16 and 18 June 2001"): dated by the first day, as a reader (and a chronology)
    dates them; None where neither ends at it."""
    start = match.start()
    found = _DAY_SPAN_BEFORE.search(text, max(0, start - _DAY_SPAN_REACH), start)
    if found is None or date.day is None or date.month is None:
        return None
    first = int(found.group("d"))
    began = make_date(date.year, date.month, first) if first < date.day else None
    return DateHit(found.start(), match.end(), began) if began is not None else None


# Days with a name of their own, on the same month-day every year: "on Christmas Day
# 1914", "New Year's Eve, 1999", "on Boxing Day". With a year, the day of that year;
# without one, a month-day only after "on" ("by Christmas Eve" bounds, names no day).
# Not Easter alone, a season (with a year, a time of that year: see _YEAR_LEAD), nor a
# country's own day ("Independence Day" is July 4 in one). "Christmas" alone with a
# year is its season, in December. The days of Easter's week and those counted from it
# move (see _EASTER_DAYS).
_HOLIDAYS: Final[dict[str, tuple[int, int | None]]] = {
    "christmas day": (12, 25), "christmas eve": (12, 24), "boxing day": (12, 26),
    "christmas": (12, None),
    "new year's day": (1, 1), "new year's eve": (12, 31), "halloween": (10, 31),
    "hallowe'en": (10, 31), "valentine's day": (2, 14), "guy fawkes night": (11, 5),
    "bonfire night": (11, 5), "armistice day": (11, 11), "bastille day": (7, 14),
    "the fourth of july": (7, 4), "all saints' day": (11, 1),
}  # fmt: skip
# Days that Easter's date moves, by their distance in days from Easter Sunday: each
# names a day only with its year ("Good Friday 1918", "Easter Monday, 1916"), the
# Western Easter unless "Orthodox" comes first. Before EASTER_DAYS_FROM the day is
# left unsaid (the year alone): English texts date earlier years by the Julian
# calendar, and other countries kept it longer still.
_EASTER_DAYS: Final[dict[str, int]] = {
    "good friday": -2, "easter sunday": 0, "easter day": 0, "easter monday": 1,
    "palm sunday": -7, "maundy thursday": -3, "holy saturday": -1,
    "ash wednesday": -46, "shrove tuesday": -47, "whit sunday": 49, "whitsunday": 49,
    "whit monday": 50,
}  # fmt: skip
EASTER_DAYS_FROM: Final = 1753  # Britain's first whole year of the Gregorian calendar
# What each name of _HOLIDAY holds, at most _HOLIDAY_REACH after the match's start.
NAMED_DAY_WORDS: Final = (
    "Christmas", "New Year", "Boxing", "Hallowe", "Valentine", "Fawkes", "Bonfire",
    "Armistice", "Bastille", "Fourth of July", "All Saints",
    "Good Friday", "Easter", "Palm Sunday", "Maundy", "Holy Saturday", "Ash Wednesday",
    "Shrove", "Whit",
)  # fmt: skip
_HOLIDAY_REACH: Final = len("On Orthodox Guy ")
_HOLIDAY: Final = re.compile(
    r"\b(?P<on>[Oo]n\s)?(?P<orthodox>Orthodox\s)?"
    r"(?P<name>Christmas(?:\s(?:Day|Eve))?|New\sYear's\s(?:Day|Eve)|Boxing\sDay"
    r"|Hallowe'?en|Valentine's\sDay|Guy\sFawkes\sNight|Bonfire\sNight|Armistice\sDay"
    r"|Bastille\sDay|[Tt]he\sFourth\sof\sJuly|All\sSaints'\sDay"
    r"|Good\sFriday|Easter\s(?:Sunday|Day|Monday)|Palm\sSunday|Maundy\sThursday"
    r"|Holy\sSaturday|Ash\sWednesday|Shrove\sTuesday|Whit\s?Sunday|Whit\sMonday)\b"
    r"(?:,?\s(?:of\s)?(?P<year>[1-9]\d{3})\b(?![-/.]\d|s\b|'s))?"
)


def _holiday_date(match: re.Match[str]) -> PartialDate | None:
    """The date a match of _HOLIDAY names: a fixed day (of its year, if stated), or a
    day counted from that year's Easter (see _EASTER_DAYS); None if it names none."""
    name, year = lower(match.group("name")), match.group("year")
    orthodox = match.group("orthodox") is not None
    before_easter = _EASTER_DAYS.get(name)
    if before_easter is None:
        month, day = _HOLIDAYS[name]
        if orthodox:
            return None  # "Orthodox Christmas" is not December 25
        if year is None and match.group("on") is None:
            return None
        return make_date(int(year) if year else None, month, day)
    if year is None:
        return None  # "on Good Friday": which year's, the day alone cannot say
    if int(year) < EASTER_DAYS_FROM:
        return make_year(int(year))
    found = easter(int(year), EASTER_ORTHODOX if orthodox else EASTER_WESTERN)
    found += dt.timedelta(days=before_easter)
    return make_date(found.year, found.month, found.day)


def with_holidays(text: str, anchors: list[int], hits: list[DateHit]) -> list[DateHit]:
    """hits with the named days of text (see _HOLIDAYS, found near anchors, where their
    words are) that no hit already covers, or that cover such a hit whole."""
    found: list[DateHit] = []
    for match in finditer_near(_HOLIDAY, text, anchors, _HOLIDAY_REACH):
        date = _holiday_date(match)
        if date is None:
            continue
        start, end = match.start(), match.end()
        inside = [h for h in hits if h.start < end and start < h.end]
        if all(start <= h.start and h.end <= end for h in inside):
            found.append(DateHit(start, end, date))  # "the Fourth of July 1914": not July
            hits = [h for h in hits if h not in inside] if inside else hits
    return sorted([*hits, *found], key=_HIT_START) if found else hits


# A day written in words before a month and year: "the sixteenth of June 1904", "the
# twenty-first day of March, 1911", "this fourth day of July, 1776" (read back from the
# month, \Z: its start, as endpos).
_DAY_IN_WORDS: Final = (
    r"[Tt]h(?:e|is)\s(?P<day>"
    + "|".join(w.replace(" ", r"\s") for w in sorted(DAY_ORDINALS, key=len, reverse=True))
    + r")\s(?:day\s)?of\s"
)
_WORDED_DAY: Final = re.compile(rf"\b{_DAY_IN_WORDS}\Z")
_WORDED_DAY_REACH: Final = len("the twenty-seventh day of ")


def with_worded_days(text: str, hits: list[DateHit]) -> list[DateHit]:
    """hits, each month of a year that a day in words opens ("the sixteenth of June
    1904") made that day; a day the month does not have leaves the month as it was."""
    days: list[DateHit] = []
    for hit in hits:
        date = hit.date
        if date.precision == "month" and text.endswith("of ", 0, hit.start):
            lead = _WORDED_DAY.search(text, max(0, hit.start - _WORDED_DAY_REACH), hit.start)
            if lead is not None and date.month is not None:
                day = make_date(date.year, date.month, DAY_ORDINALS[lower(lead["day"])])
                if day is not None:
                    hit = DateHit(lead.start(), hit.end, day)
            elif date.month is not None:
                roman = _ROMAN_DAY.search(text, max(0, hit.start - _ROMAN_DAY_REACH), hit.start)
                if roman is not None:
                    day = make_date(date.year, date.month, _roman_day(roman["day"], date.month))
                    hit = DateHit(roman.start(), hit.end, day) if day is not None else hit
        days.append(hit)
    return days


# The Roman calendar's named days before a month ("the Ides of March, 44 BC"): the
# Kalends is the first, the Ides the 15th of March, May, July and October and the
# 13th of the others, the Nones eight days before the Ides.
_ROMAN_DAY: Final = re.compile(r"\b(?P<day>[Ii]des|[Nn]ones|[KkCc]alends)\sof\s\Z")
_ROMAN_DAY_REACH: Final = len("Kalends of ")
_LATE_IDES: Final = frozenset((3, 5, 7, 10))


def _roman_day(name: str, month: int) -> int:
    """The day of the month a Roman named day is (see _ROMAN_DAY)."""
    name = lower(name)
    ides = 15 if month in _LATE_IDES else 13
    return 1 if name.endswith("alends") else ides if name == "ides" else ides - 8


# Between a month-day and the "in 2015" that gives its year: a few lowercase words
# ("their 1 August speeches in 2015", "on May 4 the fleet sailed in 1905").
_YEAR_GAP: Final = re.compile(
    r"(?:\s(?!(?:and|or|but|then|while|when|after|before|until|since|so)\b)[a-z]+){0,3}\s"
)


def _completed(text: str, month_day: DateHit, year: re.Match[str], base: int) -> DateHit | None:
    """A month-day and the "in YYYY" right after it, as one day date."""
    if not lower(year.group(0)).startswith("in"):
        return None
    gap = _YEAR_GAP.fullmatch(text, month_day.end - base, year.start())
    if gap is None:
        return None
    assert month_day.date.month is not None
    date = make_date(int(year.group("y6")), month_day.date.month, month_day.date.day)
    return DateHit(month_day.start, base + year.end(), date) if date is not None else None


# Forms of _DATES that write the month first (+1) or the day first (-1).
_WRITTEN_ORDER: Final = {"y1": 1, "d4": 1, "y2": -1, "y9": -1, "d13": -1}
# What makes a day-first month-day a date rather than a bare one (see DateScan): "on",
# "on the" or an opening bracket right before it; a weekday before either order
# ("Wednesday, 24 January", "Friday, March 3") names a day too, and so does a participle
# that says what was done that day ("a statement issued 31 March", "signed March 3"), or
# a part of the day ("the evening of June 25").
_DAY_FIRST_LEAD: Final = re.compile(
    rf"(?:\b[Oo]n\s(?:the\s)?|\(|\b{WEEKDAY_WORD},?\s"
    r"|\b(?:issued|released|published|signed|delivered)\s"
    r"|\b(?:morning|afternoon|evening|night)\sof\s)\Z"
)
_DAY_LEAD_REACH: Final = len("afternoon of ")
_US_PLACE: Final = re.compile(r"\b[A-Z][a-z]+,\s(?P<state>[A-Z]{2})\b(?![-\w])")


def _month_first(text: str, written: int, slashed: list[re.Match[str]]) -> bool | None:
    """Whether the text's numeric dates put the month first ("1/10/2017" is January 10).

    The text's own usage decides: a numeric date that can be read one way only (a part
    above 12), else its dates written out ("January 10, 2017" against "10 January 2017"
    and "10.01.2017"), else a US place ("Chicago, IL") for the US convention; None when
    nothing says, and such a date is left undated rather than guessed. written: the
    dates written month first less those written day first.
    """
    votes = sum(_slashed_order(int(m.group("a12")), int(m.group("b12"))) for m in slashed)
    if votes:
        return votes > 0
    if written:
        return written > 0
    for place in _US_PLACE.finditer(text):
        if place.group("state") in US_STATE_CODES:
            return True
    return None


def _slashed_order(first: int, second: int) -> int:
    """How one slashed date can be read: +1 month first only (its second part is over
    12), -1 day first only (its first part is), 0 either way."""
    return (second > 12 >= first) - (first > 12 >= second)


_EITHER_YEAR: Final = re.compile(r"\sor\s\d{4}\b")  # after a year: "in 2001 or 2002"
_RANGE_END: Final = re.compile(rf"\s?(?:-|{_SPAN_WORDS}|and)\s?\d{{4}}\b")
_BETWEEN: Final = re.compile(r"\b[Bb]etween\s(?:the\s(?:years?\s)?)?(?:of\s)?\Z")
_BETWEEN_REACH: Final = len("between the years of ")
_LIST_LEAD: Final = re.compile(r"\b[Ii]n(?:\sboth)?\s\Z")
_LIST_LEAD_REACH: Final = len("in both ")


def _opens_range(text: str, end: int, start: int) -> bool:
    """'from 2001 to 2008', 'between 2001 and 2008': a span, not an event at its start.
    A year at [start, end) and another after "and" are a list, each its own event ("in
    1901 and 1902 the river flooded"), unless "between" opens them."""
    found = _RANGE_END.match(text, end)
    if found is None:
        return False
    if not text.startswith("and", found.start() + (text[end] == " ")):
        return True
    return not _lists_years(text, start)


_BETWEEN_YEARS: Final = re.compile(
    r"\b[Bb]etween\s(?:the\s(?:years?\s)?)?(?:of\s)?[1-9]\d{3}\s?(?:and|-)\s?([1-9]\d{3})\b"
)


def _between_ends(text: str) -> list[DateHit]:
    """The closing years of spans "between 1918 and 1927" (see DateScan.span_ends)."""
    ends: list[DateHit] = []
    for found in _BETWEEN_YEARS.finditer(text):
        date = make_year(int(found.group(1)))
        if date is not None:
            ends.append(DateHit(found.start(1), found.end(1), date))
    return ends


def _span_end(text: str, end: int, base: int) -> DateHit | None:
    """The year that closes a span opened by the year ending at end ("1918 and 1927")."""
    found = _RANGE_END.match(text, end)
    if found is None:
        return None
    date = make_year(int(text[found.end() - 4 : found.end()]))
    return DateHit(base + found.end() - 4, base + found.end(), date) if date else None


# Years with an era that open or close a span: "950 B.C. to 450 B.C.", "c. 300 BC -
# 200 BC", "from 27 BC until AD 14" (the end may be written either way round), "800 to
# 500 B.C." (the era said once, at the end), "c. 4200 BCE - c. 2200 BCE" (each about).
_ERA_SPAN_JOIN: Final = rf"{_SPAN_JOIN_PROSE.pattern}(?:c\.\s?|ca\.\s?|circa\s)?"
_ERA_SPAN_ON: Final = re.compile(
    rf"{_ERA_SPAN_JOIN}(?:(?:\d,\d{{3}}|\d{{1,4}})\s?{_ERA_MARK}|A\.?D\.?\s?\d{{1,4}}\b)"
)
_ERA_SPAN_BACK: Final = re.compile(rf"\d(?:\s?{_ERA_MARK})?{_ERA_SPAN_JOIN}\Z")
_ERA_SPAN_REACH: Final = len("B.C.E. until circa ") + 1


def _in_era_span(text: str, start: int, end: int) -> bool:
    """A year with an era at [start, end) that opens or closes a span of such years: a
    time something lasted, no time it happened (as "from 2001 to 2008" is)."""
    if _ERA_SPAN_ON.match(text, end) is not None:
        return True
    return _ERA_SPAN_BACK.search(text, max(0, start - _ERA_SPAN_REACH), start) is not None


def _lists_years(text: str, start: int) -> bool:
    """Whether the year at start, and the years listed after it, each tell a time: after
    "in" ("in 1901 and 1902"), not after "between" or "during" (a span), nor after "of",
    "since" or "by" ("the heroes of 1916 and 2016" names, "since" and "by" bound)."""
    return (
        _LIST_LEAD.search(text, max(0, start - _LIST_LEAD_REACH), start) is not None
        and _BETWEEN.search(text, max(0, start - _BETWEEN_REACH), start) is None
    )


# Years listed after one that a word of time leads: "in 1887, 1890 and 1893", "in 1901
# and 1902", "in both 1920 and 1931". A list ends with "and" (a comma alone may go on
# to a count: "In 2001, 1500 troops were sent"), and holds at most ten years.
_YEAR_LIST: Final = re.compile(
    rf"(?P<commas>(?:,\s(?:{LIKELY_YEAR})\b(?![-/.,]\d)){{0,8}}),?\s(?:and|&)\s"
    rf"(?P<last>{LIKELY_YEAR})\b(?!s\b|'s|[-/.,]\d|\s?%|\s?{_ERA_MARK})"
)
_LISTED: Final = re.compile(LIKELY_YEAR)


def _listed_years(text: str, end: int, base: int) -> list[DateHit]:
    """The years of a _YEAR_LIST right after a year that ends at end (see there)."""
    found = _YEAR_LIST.match(text, end)
    if found is None or _counts_things(text, found.end()):
        return []
    listed: list[DateHit] = []
    for year in _LISTED.finditer(text, found.start(), found.end()):
        date = make_year(int(year.group(0)))
        if date is not None:
            listed.append(DateHit(base + year.start(), base + year.end(), date))
    return listed


# "today": a day counted from the anchor that names the anchor's own day ("said today");
# "week-span": the calendar week (Monday to Sunday) delta weeks from the anchor's, at the
# precision that holds it whole ("last week": a month, or a year across a month's end).
# "anniversary": the anchor's own day, delta years back or on ("Fifty years ago today").
# "season": the year of the next such season after the anchor's month, delta its first
# month ("the following spring" after June 1901 is 1902's, after February 1901's).
# "month-name": the month numbered delta, the last before the anchor's (delta below
# zero: "last March") or the next after it ("next March"). "month-last-year" and
# "month-next-year": the month numbered delta of the year before or after the anchor's.
Unit = Literal[
    "day",
    "week",
    "month",
    "year",
    "weekday",
    "today",
    "week-span",
    "anniversary",
    "season",
    "month-name",
    "month-last-year",
    "month-next-year",
]
_TODAY_AFTER: Final = re.compile(r",?\s(?:today|this\sday)\b")
_UNITS: Final[dict[str, Unit]] = {"day": "day", "week": "week", "month": "month", "year": "year"}

_AMOUNT = (
    r"(?P<amount>[Tt]he|[Aa]n?|[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even"
    r"|[Ee]ight|[Nn]ine|[Tt]en|[Ee]leven|[Tt]welve|[Tt]hirteen|[Ff]ourteen|[Ff]ifteen"
    r"|[Ss]ixteen|[Ss]eventeen|[Ee]ighteen|[Nn]ineteen|[Tt]wenty|[Tt]hirty|[Ff]orty"
    r"|[Ff]ifty|[Ss]ixty|[Ss]eventy|[Ee]ighty|[Nn]inety|[Hh]undred|\d{1,3})"
)
_UNIT_WORDS = ("day", "week", "month", "year", "decade")  # "day" first: see find_relatives
_UNIT_PATTERN: Final = "|".join(_UNIT_WORDS[:-1])
_DECADE: Final = 10  # "A decade later": ten years, counted as years are
# Words that make a count rough ("over 160 years later", "nearly two years on"): what it
# reaches is no stated year, so it dates nothing.
_ROUGHLY: Final = (
    "over ", "more than ", "nearly ", "almost ", "about ", "some ", "around ", "roughly ",
    "approximately ", "Over ", "More than ", "Nearly ", "Almost ", "About ", "Some ",
    "Around ", "Roughly ", "Approximately ", "at least ", "At least ",
)  # fmt: skip
_ROUGHLY_REACH: Final = max(map(len, _ROUGHLY))
# "that same day", "later that month", "on that day", "earlier that year", or "That
# year" opening a sentence: the time the narrative last stated, at the precision of the
# unit (a week has no such precision).
_THAT_UNIT: Final = (
    r"(?:(?:[Ll]ater|[Ee]arlier|[Oo]n|[Ii]n|[Bb]y|[Dd]uring)\s[Tt]hat\s(?:same\s)?"
    r"|[Tt]hat\ssame\s|\bThat\s)(?P<unit3>day|month|year)\b(?!['\u2019]s\b)"
)
_RELATIVE: Final = re.compile(
    rf"\b{_AMOUNT}\s(?P<unit>{_UNIT_PATTERN}|decade)s?\s"
    r"(?P<dir>before|after|earlier|later|ago|on(?=,))\b"  # "Five years on, the pier fell"
    rf"|\b[Tt]he\s(?P<which>next|following|previous|same)\s(?P<unit2>{_UNIT_PATTERN})\b"
    rf"|\b{_THAT_UNIT}"
)
# Every relative date names its unit at most this far from its start ("earlier that same").
_RELATIVE_REACH: Final = len("earlier that same ")
# What both alternatives of _RELATIVE read up to their unit, and its first letter: where
# this fails, _RELATIVE fails too. It reads nothing past that letter, and no unit word can
# start inside what it reads, so it never needs to see past the anchor (see finditer_near).
_RELATIVE_OPENING: Final = re.compile(
    rf"\b(?:{_AMOUNT.replace('(?P<amount>', '(?:')}|[Tt]he\s(?:next|following|previous|same)"
    r"|(?:(?:[Ll]ater|[Ee]arlier|[Oo]n|[Ii]n|[Bb]y|[Dd]uring)\s)?[Tt]hat(?:\ssame)?)"
    r"\s(?=[dwmy])"
)
# "the following spring", "the next autumn": the next such season to begin after the
# date last stated; "That summer", "later that spring": one in that date's year. Not
# winter, which straddles two years, nor "that fall", as often a tumble as autumn.
_SEASON_PHRASE: Final = re.compile(
    r"\b(?:[Tt]he\s(?:next|following)\s(?P<next>spring|summer|autumn|fall)"
    r"|(?:(?:(?:[Ll]ater|[Ee]arlier|[Ii]n|[Dd]uring)\s[Tt]hat|That)(?:\ssame)?|[Tt]hat\ssame)"
    r"\s(?P<same>spring|summer|autumn))\b(?!['\u2019]s\b)"
)
# What every _SEASON_PHRASE reads up to its season's first letter (see finditer_near).
_SEASON_OPENING: Final = re.compile(
    r"\b(?:[Tt]he\s(?:next|following)"
    r"|(?:(?:[Ll]ater|[Ee]arlier|[Ii]n|[Dd]uring)\s)?[Tt]hat(?:\ssame)?)\s(?=[saf])"
)
_SEASON_WORDS: Final = ("spring", "summer", "autumn", "fall")
_SEASON_STARTS: Final = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9}  # first months
# What a count is about when it opens a phrase ("two years after the war"), not "that" or
# "this" standing for the time counted from ("15 years after that.", "a year after that
# the mill closed", "after that date"): from there the count runs on.
_TIME_NOUNS: Final = "date|day|time|year"  # "after that date": still the time counted from
_FOLLOWING_PHRASE: Final = re.compile(
    r"\s+(?:the|a|an|his|her|their|its|[A-Z]|(?:this|that)\b(?!\s*(?:[.,;:!?)]|$)"
    rf"|\s(?:{_TIME_NOUNS}|the|a|an|he|she|it|they|we|his|her|its|their)\b))"
)
# "that" or "this" after a count that runs on ("a year after that date"): part of the count.
_COUNTED_FROM: Final = re.compile(rf"\s+(?:this|that)\b(?:\s(?:{_TIME_NOUNS})\b)?")


@dataclass(frozen=True, slots=True)
class RelativeHit:
    """'two days before': an offset from an anchor; about_phrase says what it dates.

    about_phrase False: the offset dates the clause it opens ("The day before, X did Y").
    about_phrase True: it dates the phrase that follows ("Two days before the invasion, X"),
    so that phrase happened at anchor minus the offset.
    """

    start: int
    end: int
    delta: int
    unit: Unit
    about_phrase: bool
    # Counted from the date the text last stated ("two years later", "the next day"),
    # not from the moment of writing ("two years ago", "yesterday", "last week").
    anaphoric: bool = False


def _amount(word: str) -> int:
    lowered = lower(word)
    if lowered == "the":
        return 1
    if lowered.isdigit():
        return int(lowered)
    return NUMBER_WORDS.get(lowered) or ROUND_NUMBER_WORDS.get(lowered, 1)


_DAY_WORD: Final = re.compile(
    r"\b(?:(?P<dir>[Ll]ast|[Nn]ext|[Tt]his|[Oo]n|[Ee]arlier|[Ll]ater)\s)?"
    rf"(?P<word>{WEEKDAY_WORD}|[Yy]esterday|[Tt]omorrow|[Tt]oday"
    r"|(?<=[Ll]ast\s)night|(?<=[Tt]his\s)(?:morning|afternoon|evening)|[Tt]onight)\b"
)
_DAY_WORD_REACH: Final = len("Wednes") + len("earlier ")
_DAY_OFFSETS: Final = {"yesterday": -1, "tomorrow": 1, "night": -1}
# A part of the writer's own day: unlike "today" (also "nowadays"), never another day.
_PARTS_OF_TODAY: Final = frozenset(("morning", "afternoon", "evening", "tonight"))
# "today" is the document's own day only beside a verb of something done ("said today",
# "today announced", "has today (25 March) published"); alone ("Today the town is
# quiet") it means nowadays. A past tense: a regular one, or one of these.
_PAST_TENSES: Final = frozenset(
    """said told made gave took met won lost began rose fell sent held left came went saw
    spoke wrote paid sold bought set put cut hit ran shut struck brought found became
    broke chose drew flew fought froze grew kept knew laid led meant quit rang sank sat
    shook spent stood stole swore taught threw withdrew unveiled""".split()
)
_WORD_BEFORE: Final = re.compile(r"([A-Za-z]+)\s+$")
_WORD_AFTER: Final = re.compile(r"\s+(?:\([^()\n]{1,40}\)\s+)?([A-Za-z]+)")
_TODAY_CONTEXT: Final = 30  # how far before "today" its verb is looked for
# The words of "today"'s clause before it, back to a mark that ends a clause: a past
# tense up to _TODAY_OBJECT_WORDS before the object's last word ("rocked Tokyo today",
# "opened the new quay today"), and in the clause no word of the present or of a
# clause within ("that failed is dead today", "which necessitated it still exist today",
# "You don't set up a university today": nowadays).
_CLAUSE_BEFORE: Final = re.compile(r"(?:[A-Za-z'\u2019-]+\s+)+\Z")
_TODAY_OBJECT_WORDS: Final = 3
_NOW_WORDS: Final = frozenset(
    """is are am be remains remain has have still do does don't doesn't which that who
    will can would""".split()
)
# A weekday's delta: its index (Monday 0) plus NEXT_WEEKDAY for "next Tuesday" (the first
# after the anchor); without it, the latest such day on or before the anchor (news usage).
NEXT_WEEKDAY: Final = 10
# The words near which _DAY_WORD and _PART_OF_DAY may match, besides "day".
_DAY_WORDS: Final = ("tomorrow", "night", "morning", "afternoon", "evening")


def _day_words(text: str, base: int, days: list[int]) -> list[RelativeHit]:
    """'on Tuesday', 'last Friday', 'next Monday', 'yesterday', 'tomorrow', 'this
    morning', 'tonight'. days: where "day" stands in text (find_relatives looks once)."""
    hits: list[RelativeHit] = []
    anchors = _merged(days, literal_starts(text, _DAY_WORDS))
    if not anchors:
        return hits
    for match in finditer_near(_DAY_WORD, text, anchors, _DAY_WORD_REACH):
        word = lower(match.group("word"))
        start, end = base + match.start(), base + match.end()
        if word == "today":
            if lower(match.group("dir") or "") == "earlier" or _done_today(text, match):
                hits.append(RelativeHit(start, end, 0, "today", False))
            continue
        if word in _PARTS_OF_TODAY:  # "this morning", "tonight": the document's own day
            hits.append(RelativeHit(start, end, 0, "today", False))
            continue
        if word in _DAY_OFFSETS:
            hits.append(RelativeHit(start, end, _DAY_OFFSETS[word], "day", False))
            continue
        if match.group("dir") is None and _named_weekday(text, match.start()):
            continue  # "on a Good Friday", "Super Tuesday": a day's name, not last Friday
        ahead = NEXT_WEEKDAY if lower(match.group("dir") or "") == "next" else 0
        hits.append(RelativeHit(start, end, WEEKDAYS.index(word) + ahead, "weekday", False))
    parts = [at for at in anchors if text[at] not in "dt"]  # not "day", "tomorrow"
    if parts:
        for match in finditer_near(_PART_OF_DAY, text, parts, _RELATIVE_REACH, _PART_OPENING):
            delta = _PART_OFFSETS.get(lower(match.group("which") or ""), 0)
            start, end = base + match.start(), base + match.end()
            hits.append(RelativeHit(start, end, delta, "day", False, True))
        hits.sort(key=_HIT_START)
    return hits


# "the next morning", "that night", "the following evening", "later that afternoon": a
# part of a day counted from the last stated one, as "the next day" and "that day" are.
_PART_OF_DAY: Final = re.compile(
    r"\b(?:[Tt]he\s(?P<which>next|following|previous|same)|(?:(?:[Ll]ater|[Ee]arlier)\s)?"
    r"[Tt]hat(?:\ssame)?)\s(?:morning|afternoon|evening|night)\b(?!['\u2019]s\b)"
)
_PART_OPENING: Final = re.compile(
    r"\b(?:[Tt]he\s(?:next|following|previous|same)|(?:(?:[Ll]ater|[Ee]arlier)\s)?"
    r"[Tt]hat(?:\ssame)?)\s(?=[mane])"
)
_PART_OFFSETS: Final = {"next": 1, "following": 1, "previous": -1}


# Words that make a weekday a day's name: feasts ("Good Friday", "Ash Wednesday") and
# days named for what happened or happens on them ("Black Friday", "Super Tuesday").
_NAMED_WEEKDAY_LEADS: Final = frozenset(
    "Good Maundy Ash Shrove Easter Palm Holy Whit Black Super Bloody Cyber".split()
)


def _named_weekday(text: str, start: int) -> bool:
    """The weekday at start is the second word of a day's name (_NAMED_WEEKDAY_LEADS)."""
    before = _WORD_BEFORE.search(text, max(0, start - len("Maundy ")), start)
    return before is not None and before.group(1) in _NAMED_WEEKDAY_LEADS


def _is_past_tense(word: str) -> bool:
    lowered = lower(word)
    return lowered in _PAST_TENSES or (len(lowered) > 4 and lowered.endswith("ed"))


def _done_today(text: str, match: re.Match[str]) -> bool:
    """'said today', 'today announced', 'has today (25 March) published', 'rocked Tokyo
    today' (a past tense and its object before it, in its clause; see _PAST_TENSES)."""
    before = _WORD_BEFORE.search(text, max(0, match.start() - _TODAY_CONTEXT), match.start())
    if before is not None and _is_past_tense(before.group(1)):
        return True
    after = _WORD_AFTER.match(text, match.end())
    if after is not None and _is_past_tense(after.group(1)):
        return True
    clause = _CLAUSE_BEFORE.search(text, max(0, match.start() - _TODAY_CONTEXT), match.start())
    if clause is None:
        return False
    said = clause.group(0).split()
    words = said[-_TODAY_OBJECT_WORDS - 1 : -1]
    return any(_is_past_tense(word) for word in words) and not any(
        lower(word) in _NOW_WORDS for word in said
    )


# "last week", "this month", "next year", "earlier this week": the calendar's own units
# counted from the anchor. Not "the last year" (a span of twelve months), and not a
# possessive ("next year's budget", "last year's championships"): that names a thing,
# and the sentence's own time is elsewhere.
_CALENDAR: Final = re.compile(
    r"(?<!\bthe\s)(?<!\bThe\s)\b(?P<which>[Ll]ast|[Nn]ext|(?:(?:[Ee]arlier|[Ll]ater)\s)?[Tt]his)"
    r"\s(?P<unit>week|month|year)\b(?!['’]s\b)"
)
_CALENDAR_REACH: Final = len("earlier this ")
# What _CALENDAR reads up to its unit's first letter (see finditer_near): one search of
# an anchor's reach, not a full match of _CALENDAR (two lookbehinds first) at each of
# its positions. No unit word starts inside what it reads.
_CALENDAR_OPENING: Final = re.compile(
    r"\b(?:[Ll]ast|[Nn]ext|(?:(?:[Ee]arlier|[Ll]ater)\s)?[Tt]his)\s(?=[wmy])"
)
_CALENDAR_UNITS: Final[dict[str, Unit]] = {"week": "week-span", "month": "month", "year": "year"}


def _calendar_words(text: str, units: list[int], base: int) -> list[RelativeHit]:
    hits: list[RelativeHit] = []
    for match in finditer_near(_CALENDAR, text, units, _CALENDAR_REACH, _CALENDAR_OPENING):
        which = lower(match.group("which"))
        delta = -1 if which == "last" else 1 if which == "next" else 0
        unit = _CALENDAR_UNITS[match.group("unit")]
        hits.append(RelativeHit(base + match.start(), base + match.end(), delta, unit, False))
    return hits


def _merged(first: list[int], second: list[int]) -> list[int]:
    """Two ascending lists of offsets as one, as literal_starts gives its words' offsets
    (no two of the words it is given here start at one offset)."""
    if not first or not second:
        return first or second
    return sorted([*first, *second])


def find_relatives(text: str, base: int = 0) -> list[RelativeHit]:
    """Relative date expressions in text with a signed offset in their unit.

    "day" is both a unit and a day word's anchor: the text is searched for it once."""
    day = literal_starts(text, ("day",))
    days = _day_words(text, base, day)
    hits: list[RelativeHit] = []
    # a unit follows \s in _RELATIVE
    units = spaced(text, _merged(day, literal_starts(text, _UNIT_WORDS[1:])))
    calendar = _calendar_words(text, units, base) if units else []
    for match in finditer_near(_RELATIVE, text, units, _RELATIVE_REACH, _RELATIVE_OPENING):
        if match.group("unit3"):  # "that same day", "later that month"
            unit = _UNITS[match.group("unit3")]
            hits.append(RelativeHit(base + match.start(), base + match.end(), 0, unit, False, True))
            continue
        which = match.group("which")
        if which:
            sign = {"next": 1, "following": 1, "previous": -1, "same": 0}[which]
            unit = _UNITS[match.group("unit2")]
            hits.append(
                RelativeHit(base + match.start(), base + match.end(), sign, unit, False, True)
            )
            continue
        if text.endswith(_ROUGHLY, max(0, match.start() - _ROUGHLY_REACH), match.start()):
            continue  # "over 160 years later", "nearly two years on": no one year
        direction = match.group("dir")
        sign = -1 if direction in ("before", "earlier", "ago") else 1
        about = direction in ("before", "after") and bool(
            _FOLLOWING_PHRASE.match(text, match.end())
        )
        delta = sign * _amount(match.group("amount"))
        if match.group("unit") == "decade":
            delta *= _DECADE
        unit = _UNITS.get(match.group("unit"), "year")
        if unit == "year" and direction == "ago" and _TODAY_AFTER.match(text, match.end()):
            unit = "anniversary"  # "Fifty years ago today": that very day, years back
        end = match.end()
        if direction in ("before", "after") and not about:
            counted_from = _COUNTED_FROM.match(text, end)  # "after that": part of the count
            end = counted_from.end() if counted_from else end
        hits.append(
            RelativeHit(base + match.start(), base + end, delta, unit, about, direction != "ago")
        )
    seasons = _season_phrases(text, base)
    if days or calendar or seasons:
        hits = sorted([*days, *calendar, *seasons, *hits], key=_HIT_START)
    return hits


def _season_phrases(text: str, base: int) -> list[RelativeHit]:
    """'the following spring' (a "season" count) and 'That summer' (its year) in text."""
    hits: list[RelativeHit] = []
    anchors = spaced(text, literal_starts(text, _SEASON_WORDS))
    for match in finditer_near(_SEASON_PHRASE, text, anchors, _RELATIVE_REACH, _SEASON_OPENING):
        start, end = base + match.start(), base + match.end()
        if match.group("next"):
            first = _SEASON_STARTS[match.group("next")]
            hits.append(RelativeHit(start, end, first, "season", False, True))
        else:
            hits.append(RelativeHit(start, end, 0, "year", False, True))
    return hits


def shift(anchor: PartialDate | None, delta: int, unit: Unit) -> PartialDate | None:
    """The anchor moved by delta units, no more precise than both anchor and unit allow."""
    if anchor is None or anchor.year is None:
        return None
    if unit == "year":
        return make_year(anchor.year + delta)
    if unit == "season":  # a season yet to begin in the anchor's year is that year's
        if anchor.month is None:
            return None  # "In 1901 ... the following spring": 1901's or 1902's
        return make_year(anchor.year + (1 if anchor.month >= delta else 0))
    if unit in ("month-last-year", "month-next-year"):  # "in March of last year"
        return make_date(anchor.year + (-1 if unit == "month-last-year" else 1), delta, None)
    if unit == "month-name":  # "last March" in June 1901 is 1901's, in March 1901 1900's
        if anchor.month is None:
            return None
        named = abs(delta)
        if delta < 0:
            return make_date(anchor.year - (1 if named >= anchor.month else 0), named, None)
        return make_date(anchor.year + (1 if named <= anchor.month else 0), named, None)
    if unit == "anniversary":
        if anchor.month is None or anchor.day is None:
            return make_year(anchor.year + delta)
        return make_date(anchor.year + delta, anchor.month, anchor.day)
    if anchor.month is None:
        return None
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 + delta
        year, month = divmod(months, 12)
        return make_date(year, month + 1, None)
    if anchor.day is None:
        return None
    if unit == "weekday":
        return _weekday(anchor, delta)
    if unit == "week-span":
        return _week_span(anchor, delta)
    days = delta * (7 if unit == "week" else 1)
    try:
        moved = dt.date(anchor.year, anchor.month, anchor.day) + dt.timedelta(days=days)
    except (ValueError, OverflowError):
        return None
    return PartialDate(moved.year, moved.month, moved.day, "day")


def nearest_to(
    month_day: PartialDate, anchor: PartialDate | None, ahead: bool = False
) -> PartialDate:
    """A month-day given its year by a day-precise anchor, the document's own date.

    A news article's "on March 3" is the latest March 3 on or before it was published;
    in a sentence about what is to come (ahead), the first one on or after it, which may
    be next year's. A month-day still to come in the anchor's year that the sentence
    does not say is to come may be last year's or a coming one ("the vote on 18
    October"): it keeps its unknown year, as does any month-day without such an anchor.
    """
    if (
        month_day.precision != "month-day"
        or anchor is None
        or anchor.precision != "day"
        or anchor.year is None
        or not 1 <= anchor.year <= 9998
    ):
        return month_day
    assert month_day.month is not None
    assert anchor.month is not None
    later = (month_day.month, month_day.day or 0) > (anchor.month, anchor.day or 0)
    earlier = (month_day.month, month_day.day or 0) < (anchor.month, anchor.day or 0)
    if later and not ahead:
        return month_day
    year = anchor.year + 1 if ahead and earlier else anchor.year
    return make_date(year, month_day.month, month_day.day) or month_day


def within_year(month_day: PartialDate, section: PartialDate | None) -> PartialDate:
    """A month-day stated under a heading with a year: in that year ("1955: On Dec. 1").

    Also under a day heading, whose own date may be this very month-day ("1955: On
    Dec. 1, ..." heads its section with 1955-12-01): left without its year it would
    be the same event again, as a year-less anniversary.
    """
    if month_day.precision != "month-day" or section is None or section.year is None:
        return month_day
    assert month_day.month is not None
    return make_date(section.year, month_day.month, month_day.day) or month_day


def _weekday(anchor: PartialDate, delta: int) -> PartialDate | None:
    """The weekday delta names (see NEXT_WEEKDAY), counted from a day-precise anchor."""
    assert anchor.year is not None
    assert anchor.month is not None
    assert anchor.day is not None
    if anchor.year < 1:
        return None
    day = dt.date(anchor.year, anchor.month, anchor.day)
    target = delta % NEXT_WEEKDAY
    try:
        if delta >= NEXT_WEEKDAY:
            moved = day + dt.timedelta(days=(target - day.weekday() - 1) % 7 + 1)
        else:
            moved = day - dt.timedelta(days=(day.weekday() - target) % 7)
    except OverflowError:
        return None
    if moved.year != day.year:
        return None  # across New Year: a year the text does not write
    return PartialDate(moved.year, moved.month, moved.day, "day")


def _week_span(anchor: PartialDate, delta: int) -> PartialDate | None:
    """The calendar week delta weeks from a day-precise anchor's, as the month that holds
    all of it, else its year; None where it spans New Year."""
    assert anchor.year is not None
    assert anchor.month is not None
    assert anchor.day is not None
    try:
        day = dt.date(anchor.year, anchor.month, anchor.day) + dt.timedelta(weeks=delta)
        monday = day - dt.timedelta(days=day.weekday())
        sunday = monday + dt.timedelta(days=6)
    except (ValueError, OverflowError):
        return None
    if monday.year != sunday.year:
        return None
    if monday.month != sunday.month:
        return make_year(monday.year)
    return make_date(monday.year, monday.month, None)


# "In March the harbour froze", "during August", "in early June", "mid-October": a month
# with neither day nor year (a day or a year after it is another form of _DATES). "May"
# alone after "in" is left out: it names a person as often ("no confidence in May").
# Month names and the words of named days, in one pass over a text: a pattern of plain
# words, whose first letters the regex engine skips to (a pattern of groups or sets
# would be tried at every character). find_names sorts them out.
_NAMES: Final = re.compile(  # the words by first letter (a quarter faster than a plain list)
    r"J(?:anuary|uly|une)|F(?:ebruary|awkes|ourth of July)|M(?:arch|aundy|ay)|A(?:pril|ugust"
    r"|rmistice|ll Saints|sh Wednesday)|S(?:eptember|hrove)|October|N(?:ovember|ew Year)"
    r"|December|Christmas|B(?:oxing|onfire|astille)|Hallowe|Valentine|Good Friday|Easter"
    r"|Palm Sunday|Holy Saturday|Whit"
)
# After a month's name: no day, year or possessive ("in March 1901" is a form of _DATES).
_MONTH_AFTER: Final = re.compile(r"\b(?![-'\u2019]|\.?,?\s?\d|\sof\s\d)")
# What opens a month alone, read back from its name (\Z: the name's start, as endpos).
_MONTH_LEAD: Final = re.compile(
    r"\b(?:(?:[Ii]n|[Dd]uring)\s(?:(?:early|late|mid)[-\s])?|[Ee]arly\s|[Ll]ate\s|[Mm]id-)\Z"
)
_MONTH_LEAD_REACH: Final = len("During early ")
# The leads after which "May" names a person as often as the month: "in May", "during
# May". "In early May", "mid-May", "late May" and "last May" are the month.
_BARE_MAY_LEADS: Final = frozenset(("in", "In", "during", "During"))
# A day in words after its month, then the year: "June sixteenth, 2001", "September the
# eleventh 2001", as speeches and transcripts write a date out (read from the month's end).
_DAY_WORDS_AFTER: Final = re.compile(
    r"\s(?:the\s)?(?P<day>(?i:"
    + "|".join(w.replace(" ", r"\s") for w in sorted(DAY_ORDINALS, key=len, reverse=True))
    + r"))(?:\sday)?,?\s(?:of\s)?(?P<year>[1-9]\d{3})\b(?![-\u2013/.,]\d)"
)
_DAY_WORD_FIRSTS: Final = frozenset("fstentFSTEN")  # what a day in words (or "the") opens with
# "last March", "this past March", "next March": the month of that name nearest before
# (or after) the day of writing (see the "month-name" unit).
_MONTH_COUNT_LEAD: Final = re.compile(
    r"(?<!\b[Tt]he\s)\b(?:[Ll]ast|[Nn]ext|[Tt]his\spast)\s\Z"  # not "the last March of"
)
# "in March of last year", "in June of next year": that month of the year the words count.
_OF_COUNTED_YEAR: Final = re.compile(r"\sof\s(?P<which>last|next)\syear\b(?!['\u2019]s\b)")


def find_names(
    text: str,
) -> tuple[list[DateHit], list[int], list[RelativeHit], list[DateHit]]:
    """Months stated alone ("in March", "in early June", "mid-October"; not "in May",
    which names a person as often), as dates of that month in an unknown year: a reader
    takes the year from the section or the story (see events), never from here, and
    such a date is never stored without one. And where the words of named days stand
    (see with_holidays), months counted from the day of writing ("last March"), and
    days spelled out after their month ("June sixteenth, 2001")."""
    spelled: list[DateHit] = []
    months: list[DateHit] = []
    holidays: list[int] = []
    counted: list[RelativeHit] = []
    for name in _NAMES.finditer(text):
        word, at = name.group(0), name.start()
        month = MONTHS.get(lower(word))
        if month is None:
            holidays.append(at)
            continue
        if _MONTH_AFTER.match(text, name.end()) is None and not _heads_next_line(text, name.end()):
            continue
        worded = (
            _DAY_WORDS_AFTER.match(text, name.end())
            if text[name.end() + 1 : name.end() + 2] in _DAY_WORD_FIRSTS
            else None
        )
        if worded is not None:
            year = int(worded.group("year"))
            day = make_date(year, month, DAY_ORDINALS[lower(worded.group("day"))])
            date = day or make_date(year, month, None)  # no such day: the month, as written
            if date is not None:
                spelled.append(DateHit(at, worded.end(), date))
            continue
        lead = _MONTH_LEAD.search(text, max(0, at - _MONTH_LEAD_REACH), at)
        of_year = (
            _OF_COUNTED_YEAR.match(text, name.end())
            if text[name.end() : name.end() + 4] == " of "
            else None
        )
        if lead is not None and of_year is not None:
            unit: Unit = (
                "month-last-year" if of_year.group("which") == "last" else "month-next-year"
            )
            counted.append(RelativeHit(lead.start(), of_year.end(), month, unit, False))
            continue
        if lead is not None and word == "May" and lead.group(0).strip() in _BARE_MAY_LEADS:
            continue  # "no confidence in May": a person as often as a month
        if lead is not None:
            date = PartialDate(None, month, None, "month")
            months.append(DateHit(lead.start(), name.end(), date))
            continue
        lead = _MONTH_COUNT_LEAD.search(text, max(0, at - _MONTH_LEAD_REACH), at)
        if lead is not None:
            delta = month if lead.group(0)[:1] in "Nn" else -month
            counted.append(RelativeHit(lead.start(), name.end(), delta, "month-name", False))
    return months, holidays, counted, spelled


def _with_spelled(hits: list[DateHit], spelled: list[DateHit]) -> list[DateHit]:
    """hits with the days spelled out after their month (see find_names), each in place
    of any hit it covers (its year, read alone)."""
    starts = [s.start for s in spelled]  # in order, and apart: each ends before the next
    kept: list[DateHit] = []
    for hit in hits:
        at = bisect.bisect_right(starts, hit.start) - 1
        if at < 0 or hit.end > spelled[at].end:
            kept.append(hit)
    return sorted([*kept, *spelled], key=_HIT_START)


# Years alone in brackets, after a work or a journey: "Jagua Nana (1961)", "in three
# voyages (1576, 1577 and 1578)", "Dallas and Cleveland (both 1996)". Not a span
# ("(1887-1923)"), nor years with other words.
_BRACKETED_YEARS: Final = re.compile(
    rf"\((?:both\s|all\s)?(?P<first>{LIKELY_YEAR})(?P<rest>(?:,\s(?:{LIKELY_YEAR})){{0,8}}"
    rf"(?:,?\sand\s(?:{LIKELY_YEAR}))?)\)"
)
_BRACKETED_OPENINGS: Final = ("(1", "(2", "(both ", "(all ")  # what _BRACKETED_YEARS opens
_LISTED_YEAR: Final = re.compile(LIKELY_YEAR)
# A time of day right before the brackets: "0430 GMT (1030)", "10.30am (1130)".
_CLOCK_BEFORE: Final = re.compile(
    r"(?:\d{1,2}[:.]\d{2}|\d{4}\s?[A-Z]{2,4}|\d\s?[AaPp]\.?[Mm]\.?|GMT|UTC|hrs|hours)\s*\Z"
)
_CLOCK_REACH: Final = len("10:30 a.m. ")
_CAPTION_LINE: Final = re.compile(r"[ \t*-]*(?:[A-Z][\w.'-]*\s){1,5}\(\d{4}\)\s*")


def _line_end(text: str, pos: int) -> int:
    end = text.find("\n", pos)
    return len(text) if end < 0 else end


def find_bracketed_years(text: str, hits: list[DateHit]) -> list[DateHit]:
    """The years of each _BRACKETED_YEARS list in text, one date each, where no hit is."""
    found: list[DateHit] = []
    for at in led_starts(text, "(", _BRACKETED_OPENINGS):
        match = _BRACKETED_YEARS.match(text, at)
        if match is None or _CLOCK_BEFORE.search(text, max(0, at - _CLOCK_REACH), at):
            continue  # "0430 GMT (1030):": a local time, no year
        line_start = text.rfind("\n", 0, at) + 1
        if _CAPTION_LINE.fullmatch(text, line_start, _line_end(text, match.end())):
            continue  # "Arne Nordheim (1968)": a name and a year alone, a picture's caption
        for year in _LISTED_YEAR.finditer(text, match.start() + 1, match.end() - 1):
            date = make_year(int(year.group(0)))
            if date is not None:
                found.append(DateHit(year.start(), year.end(), date))
    if found and hits:
        taken = {h.start for h in hits}
        found = [h for h in found if h.start not in taken and not _within(hits, h.start)]
    return found


def _within(hits: list[DateHit] | list[RelativeHit], pos: int) -> bool:
    """Pos lies inside one of the (sorted) hits: "March 3 (1901)" holds its "1901"."""
    index = bisect.bisect_right(hits, pos, key=_HIT_START) - 1
    return index >= 0 and hits[index].end > pos


# A year that qualifies a noun after a determiner: "the 1949 film", "a 1990 car
# accident", "their 2011 success", "the 1995 Rugby World Cup", "Mongolia's 1992
# constitution". The noun names a thing
# that happened or was made then, so the year is an event's, as "in 1949" is.
_ATTRIBUTIVE_LEAD: Final = re.compile(
    r"\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Oo]ur)\s\Z"
    r"|\w's\s\Z"  # an owner's: "the country's 1992 constitution"
)
_ATTRIBUTIVE_REACH: Final = len("their ")
_ATTRIBUTIVE_DATE: Final = re.compile(
    r"(?P<n>\d{1,4})(?:st|nd|rd|th)?\s(?P<noun>[a-zA-Z][a-z-]{2,})\b"
)
# Measures after a number: "a 1200 acre farm", "the 1500 metre race" count, date nothing.
_MEASURES: Final = frozenset(
    "acre acres metre meter mile foot pound ton tonne square cubic kilogram horsepower per"
    " odd strong block".split()
)


# A year that opens a sentence, then a comma or a determiner: "2004, a branch was
# opened", "1909 the museum moved" (a translation's word order, "In" left out), or the
# idiom "1901 saw the quay open" ("brought", "marked").
_OPENING_YEAR: Final = re.compile(
    rf"(?P<y>{LIKELY_YEAR})(?:,\s|\s(?:the|a|an|its|his|her|their|saw|brought|marked)\s)"
)
_SENTENCE_BEFORE: Final = re.compile(r"(?:^|[.!?]\s+|\n\s*)\Z")
_EARLY_YEAR: Final = re.compile(r"(?P<y>[1-9]\d{1,2})(?:,\s|\s(?:the|a|an)\s)")
_YEAR_OPENINGS: Final = ("1", "2")  # the first digit of a LIKELY_YEAR
# A month and year in numbers opening a chronology's entry, then a comma: "12/1987,
# Civilian government was restored" (the month first: a day is never written alone so).
_OPENING_MONTH: Final = re.compile(rf"(?P<m>1[0-2]|0?[1-9])/(?P<y>{LIKELY_YEAR}),\s")


def find_opening_years(text: str, hits: list[DateHit], digit_runs: list[int]) -> list[DateHit]:
    """The years of _OPENING_YEAR's form (and the months of _OPENING_MONTH's) at a
    sentence's or a line's start where no hit is (digit_runs: _digit_run_starts(text)).
    Its year's first digit and the comma or space after its four digits (or a slash
    after the month) are tested first, by plain comparisons: most numbers fail them."""
    found: list[DateHit] = []
    taken = {h.start for h in hits}
    for at in digit_runs:
        if text.startswith("In ", at - 3) and at not in taken:
            early = _early_year(text, at)  # "In 395 the Arabs conquered Malta"
            if early is not None:
                found.append(early)
                continue
        after = text[at + 4 : at + 5]
        if "/" in text[at + 1 : at + 3] and at not in taken:
            month = _opening_month(text, at)
            if month is not None:
                found.append(month)
            continue
        if text[at] not in _YEAR_OPENINGS or (after != "," and not after.isspace()):
            continue
        if at in taken or not _SENTENCE_BEFORE.search(text, max(0, at - 3), at):
            continue
        match = _OPENING_YEAR.match(text, at)
        date = make_year(int(match.group("y"))) if match is not None else None
        if match is not None and date is not None:
            found.append(DateHit(at, match.end("y"), date))
    return found


def _early_year(text: str, at: int) -> DateHit | None:
    """A year of two or three digits after "In" opening a sentence, then a comma or an
    article: "In 395 the Arabs conquered Malta", "In 79, Vesuvius erupted" (a count
    is followed by its noun: "In 395 cases")."""
    match = _EARLY_YEAR.match(text, at)
    if match is None or not _SENTENCE_BEFORE.search(text, max(0, at - 6), at - 3):
        return None
    date = make_year(int(match.group("y")))
    return None if date is None else DateHit(at, match.end("y"), date)


def _opening_month(text: str, at: int) -> DateHit | None:
    """The month of _OPENING_MONTH's form at a sentence's or a line's start at at."""
    match = _OPENING_MONTH.match(text, at)
    if match is None or not _SENTENCE_BEFORE.search(text, max(0, at - 3), at):
        return None
    date = make_date(int(match.group("y")), int(match.group("m")), None)
    return None if date is None else DateHit(at, match.end("y"), date)


# A month's name in lower case before a year, as careless or translated text writes it
# ("In december 1953, he went"): only the names that are no other English word.
_LOWER_MONTHS: Final = (
    "january", "february", "april", "june", "july", "august", "september", "october",
    "november", "december",
)  # fmt: skip
_LOWER_MONTH_YEAR: Final = re.compile(rf"(?P<m>[a-z]+)\s(?P<y>{LIKELY_YEAR})\b(?![-/.,]\d)")


def find_lower_months(text: str, hits: list[DateHit], digit_runs: list[int]) -> list[DateHit]:
    """The months of _LOWER_MONTH_YEAR's form in text where no hit already is.

    Found from the year (digit_runs: _digit_run_starts(text)), one look back from each
    run that follows a space, not by ten scans of the text for the months' names: a
    match's month is the whole run of a-z letters before that space, and it starts
    where no letter is before it, so that is the run read back from the space."""
    found: list[DateHit] = []
    taken = {h.start for h in hits}
    for digits in digit_runs:
        if text[digits] not in _YEAR_OPENINGS or not text[digits - 1 : digits].isspace():
            continue
        if not text.endswith(_LOWER_MONTHS, 0, digits - 1):
            continue  # the cheap test: the word before most years is no month's name
        at = digits - 1  # the month's run of letters ends at the space
        while at > 0 and "a" <= text[at - 1] <= "z":
            at -= 1
        if at in taken or text[at - 1 : at].isalpha() or text[at : digits - 1] not in _LOWER_MONTHS:
            continue
        match = _LOWER_MONTH_YEAR.match(text, at)  # its month: the letters just tested
        if match is None:
            continue
        date = make_date(int(match.group("y")), MONTHS[match.group("m")], None)
        if date is not None:
            found.append(DateHit(at, match.end(), date))
    return found


def find_attributive_dates(text: str, hits: list[DateHit], digit_runs: list[int]) -> list[DateHit]:
    """The years (1000 to 2199) of _ATTRIBUTIVE_LEAD's form in text where no hit already
    is, before a noun that is no count's or measure's. Not a month-day: "the September
    11 attacks", "the July 4 parade" name a day more than they date a thing.
    digit_runs: _digit_run_starts(text)."""
    found: list[DateHit] = []
    taken = {h.start for h in hits}
    for at in digit_runs:
        if at in taken or text[at - 1 : at] != " " or text[at + 4 : at + 5] != " ":
            continue
        if _ATTRIBUTIVE_LEAD.search(text, max(0, at - _ATTRIBUTIVE_REACH), at) is None:
            continue
        match = _ATTRIBUTIVE_DATE.match(text, at)
        if match is None or len(match.group("n")) != 4:
            continue
        noun = match.group("noun")
        if noun in COUNTED_NOUNS or noun in _MEASURES or noun in _AFTER_BARE_DAY:
            continue
        if noun.endswith("s") and text.startswith("'s", at - 3):
            continue  # "the firm's 1887 workers": after an owner, a plural is counted
        year = int(match.group("n"))
        date = make_year(year) if 1000 <= year <= 2199 else None
        if date is not None:
            found.append(DateHit(at, match.end("n"), date))
    return found


# "On the 24th it sailed": a day of the month the narrative is in, with an ordinal (a
# bare "on the 24" is a count) and no month after it (that is a form of _DATES).
# Then a clause goes on (a comma, a capital, a pronoun, an article): not "on the 2nd
# team", where the ordinal counts the noun after it.
_DAY_ALONE: Final = re.compile(
    r"\b[Oo]n\sthe\s(?P<d>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b"
    r"(?=[,.;]|\s(?:[A-Z]|(?:it|he|she|they|we|the|a|an|his|her|their|its|at|in|and|after"
    r"|before|when|by|with|as)\b))"
)


_DAY_ALONE_WORDS: Final = "n the "  # what every match holds before its day, past its "O"


def find_days(text: str, digit_runs: list[int], base: int = 0) -> list[DateHit]:
    """Days stated alone ("on the 24th"), as dates of that day in an unknown month of an
    unknown year (day 1 to 31 is all they say): a reader takes the month and year from
    the paragraph (see events), never from here, and such a date is never stored
    without them. Tried where _DAY_ALONE_WORDS stand just before a run of digits
    (digit_runs: _digit_run_starts(text)), not at each of their places in the text."""
    hits: list[DateHit] = []
    for digits in digit_runs:
        at = digits - len(_DAY_ALONE_WORDS)
        if at > 0 and text.startswith(_DAY_ALONE_WORDS, at):
            match = _DAY_ALONE.match(text, at - 1)
            if match is not None:
                date = PartialDate(None, None, int(match.group("d")), "day")
                hits.append(DateHit(base + match.start(), base + match.end(), date))
    return hits


def make_year(year: int) -> PartialDate | None:
    """A year-precision date, if the year is representable (negative: before Christ)."""
    ok = 1 <= year <= 9999 or -9999 <= year <= -1
    return PartialDate(year, None, None, "year") if ok else None


# An editor's year in brackets after a month-day: "last Saturday, Jan 11 [1919]".
_EDITORS_YEAR: Final = re.compile(r",?\s?[\[(](?P<y>[1-9]\d{3})[\])]")
_OPENING_BRACKETS: Final = ("(", "[")


def with_editors_years(
    text: str, hits: list[DateHit], bare: list[DateHit]
) -> tuple[list[DateHit], list[DateHit]]:
    """Month-days (hits and bare ones) that a year in brackets completes, as full dates
    among the hits: the year is stated, only set apart."""
    completed: list[DateHit] = []
    kept: list[DateHit] = []
    for hit in bare:
        year = _EDITORS_YEAR.match(text, hit.end) if text[hit.end : hit.end + 3] else None
        date = _full(hit.date, year)
        if date is None:
            kept.append(hit)
        elif year is not None:
            completed.append(DateHit(hit.start, year.end(), date))
    others: list[DateHit] = []
    for hit in hits:
        year = _EDITORS_YEAR.match(text, hit.end) if hit.date.precision == "month-day" else None
        date = _full(hit.date, year)
        others.append(DateHit(hit.start, year.end(), date) if date and year else hit)
    if not completed:
        return others, bare
    return sorted([*others, *completed], key=_HIT_START), kept


def _may_hold_editors_year(text: str) -> bool:
    """The cheap test for _EDITORS_YEAR: "[1", "(1", "[2" or "(2" stands in the text.

    Read at each bracket: a search for one character runs many times faster than one for
    two, and brackets are few."""
    for bracket in _OPENING_BRACKETS:
        at = text.find(bracket)
        while at >= 0:
            if text[at + 1 : at + 2] in _YEAR_OPENINGS:
                return True
            at = text.find(bracket, at + 1)
    return False


def _full(month_day: PartialDate, year: re.Match[str] | None) -> PartialDate | None:
    if year is None or month_day.month is None:
        return None
    return make_date(int(year.group("y")), month_day.month, month_day.day)


class DateIndex:
    """Dates and relative dates of a whole text, scanned once and looked up by range."""

    def __init__(self, norm: str) -> None:
        self.norm = norm  # the text the offsets index
        digit_runs = _digit_run_starts(norm)  # where find_dates and three scans below look
        scan = find_dates(norm, 0, digit_runs)
        self.hits = scan.hits
        self.bare = scan.bare
        if _may_hold_editors_year(norm):
            self.hits, self.bare = with_editors_years(norm, self.hits, self.bare)
        self.rejected = scan.rejected
        self.ambiguous = scan.ambiguous
        self.span_ends = scan.span_ends
        if "etween " in norm:  # "between 1918 and 1927", which no year's lead reads
            self.span_ends = sorted([*self.span_ends, *_between_ends(norm)], key=_HIT_START)
        self.span_end_starts = [h.start for h in self.span_ends]
        self.hit_starts = [h.start for h in self.hits]
        self.bare_starts = [h.start for h in self.bare]
        self.relatives = find_relatives(norm)
        self.relative_starts = [r.start for r in self.relatives]
        days = find_days(norm, digit_runs)
        months, holidays, counted, spelled = find_names(norm)
        if counted:
            # "in March of last year" holds its "last year": one count, not two
            kept = [r for r in self.relatives if not _within(counted, r.start)]
            self.relatives = sorted([*kept, *counted], key=_HIT_START)
            self.relative_starts = [r.start for r in self.relatives]
        if holidays:
            self.hits = with_holidays(norm, holidays, self.hits)
        if "of " in norm:
            self.hits = with_worded_days(norm, self.hits)
        if spelled:
            self.hits = _with_spelled(self.hits, spelled)
        bracketed = find_bracketed_years(norm, self.hits)
        attributive = find_attributive_dates(norm, [*self.hits, *self.bare], digit_runs)
        attributive += find_opening_years(norm, self.hits, digit_runs)
        bracketed += find_lower_months(norm, self.hits, digit_runs)
        # where dates stated without "in" or "on" start: a year still to come is a plan (events)
        self.unmarked = frozenset(h.start for h in attributive)
        if bracketed or attributive:
            self.hits = sorted([*self.hits, *bracketed, *attributive], key=_HIT_START)
        if holidays or spelled or bracketed or attributive:
            self.hit_starts = [h.start for h in self.hits]
        self.partial = sorted([*months, *days], key=_HIT_START) if days else months
        self.partial_starts = [h.start for h in self.partial]

    def partial_in(self, start: int, end: int) -> list[DateHit]:
        """Dates stated in part that start inside [start, end): a month alone ("in
        March", see find_names) or a day alone ("on the 24th", see find_days). Their
        year, and a day's month, are the section's or the narrative's, never their own."""
        if not self.partial:
            return []
        low = bisect.bisect_left(self.partial_starts, start)
        high = bisect.bisect_left(self.partial_starts, end)
        return self.partial[low:high]

    def dates_in(self, start: int, end: int) -> list[DateHit]:
        """Dates that start inside [start, end).

        Most ranges asked (a sentence, a quote) hold none: one bisection tells that, and
        only a range that holds some looks for its end, from its first date on."""
        starts = self.hit_starts
        low = bisect.bisect_left(starts, start)
        if low == len(starts) or starts[low] >= end:
            return []
        return self.hits[low : bisect.bisect_left(starts, end, low)]

    def bare_in(self, start: int, end: int) -> list[DateHit]:
        """Month-days stated without "on" that start inside [start, end) (see DateScan)."""
        if not self.bare:
            return []
        low = bisect.bisect_left(self.bare_starts, start)
        high = bisect.bisect_left(self.bare_starts, end)
        return self.bare[low:high]

    def span_end_before(self, start: int, end: int) -> DateHit | None:
        """The last year that closes a span ("between 1939 and 1947") in [start, end)."""
        if not self.span_ends:
            return None
        index = bisect.bisect_left(self.span_end_starts, end) - 1
        if index < 0 or self.span_ends[index].start < start:
            return None
        return self.span_ends[index]

    def relatives_in(self, start: int, end: int) -> list[RelativeHit]:
        """Relative dates that start inside [start, end) (bisected as in dates_in)."""
        starts = self.relative_starts
        low = bisect.bisect_left(starts, start)
        if low == len(starts) or starts[low] >= end:
            return []
        return self.relatives[low : bisect.bisect_left(starts, end, low)]


# -- dated lines: how timelines head their entries ------------------------------------

_WEEKDAY_NAMES: Final = (
    r"Mon(?:day)?|Tue(?:s(?:day)?)?|Wed(?:nesday)?|Thu(?:r(?:s(?:day)?)?)?|Fri(?:day)?"
    r"|Sat(?:urday)?|Sun(?:day)?"
)
# A weekday before a heading's date, full or cut short, capitalised or in capitals.
_WEEKDAY: Final = rf"(?:{_WEEKDAY_NAMES}|{_WEEKDAY_NAMES.upper()})\.?"
# A table's column gap serves as well: a tab (folded to a space) or two spaces and more,
# then a capitalised word ("1901    The quay opened", a table pasted as text).
_COLUMN_GAP: Final = r"\s{2,}(?=[A-Z])"
_SEPARATOR: Final = rf"\s*(?::|-{{1,2}}|\||\.(?=\s))\s*|{_COLUMN_GAP}"
# After a month-day under a known year ("20th November, Danes ..."), a comma also serves.
_SEPARATOR_IN_YEAR: Final = rf"\s*(?::|-{{1,2}}|\||,|\.(?=\s))\s*|{_COLUMN_GAP}"
# What a year entry's own words may open with to state more: "1955: On Dec. 1, ...",
# "1961: In May, ...", "1777 - September 11: ...", "1845 October 11 - ...".
_REFINE: Final = re.compile(
    rf"(?:[Oo]n\s|[Ii]n\s)?(?P<m>{MONTH})\.?(?:\s(?P<d>\d{{1,2}}){_ORD})?\b(?!,?\s\d{{3}})"
    r"(?=\s*[,:|-]|\s[A-Z])"
)
# A bullet, a list's number or a table row's number cell ("4 | 1691 | ...") may open the
# line, after a table's opening bar ("| 1901 | The quay opened |") or a markdown
# heading's marks kept in plain text ("## 1901").
_LEAD: Final = r"\s*(?:\|\s*|#{1,6}\s+)?(?:[*-]\s+|\d{1,3}[.)]\s+|\d{1,3}\s?\|\s*)?"
_LINE_FULL: Final = re.compile(rf"{_LEAD}(?:{_WEEKDAY},?\s)?(?P<date>{_DATES.pattern})")
_LINE_MONTH_DAY: Final = re.compile(
    rf"{_LEAD}(?:{_WEEKDAY},?\s)?(?:(?P<m1>{MONTH})\.?\s(?P<d1>\d{{1,2}}){_ORD}"
    rf"|(?P<d2>\d{{1,2}}){_ORD}\s(?P<m2>{MONTH})\.?)(?!\d|,?\s\d)"
)
# A part of the year before a year line's year ("Spring 1901:", "Mid-1901:", "Late
# 1902 -"): the entry is the year, at the precision the line states.
_PART_OF_YEAR: Final = (
    "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in PARTS_OF_YEAR) + r")(?:-|\s)"
)
# A bracketed aside between a head's date and its separator: "1143 (history of
# Portugal): Afonso Henriques ...", "June 3, 1901 (Monday): ...".
_HEAD_ASIDE: Final = r" \([^()\n]{1,40}\)"
_HEAD_ASIDE_OPENING: Final = re.compile(_HEAD_ASIDE + r"(?=\s?[:|-])")
# A year line's four digits never open with 0: "0113-555-0199" is a telephone number.
# Circa may be "c. 1200", "c.1200", "c1200", "c 1200", "C 7,000 BC", "circa 1200" or
# "ca. 1200".
_LINE_YEAR: Final = re.compile(
    rf"{_LEAD}(?:c\.\s?|c(?=\d)|[Cc]\s(?=\d)|[Cc]irca\s|[Cc]a\.\s?|{_PART_OF_YEAR})?"
    rf"(?:(?P<y>[1-9]\d{{3}})(?![\d,.:]\d|s\b|')"
    r"(?:\s[Oo]nwards?(?=\s*[:|-]))?"  # "1818 onwards - ...": what began that year
    rf"(?=\s*$|\s*[:|.-]|\s{MONTH}\b|{_COLUMN_GAP}|{_HEAD_ASIDE}\s?[:|-])"
    rf"|(?P<ey>\d{{1,3}},\d{{3}}|\d{{1,4}})\s?(?P<era>{_ERA_MARK})"
    rf"|A\.?D\.?\s?(?P<ad>\d{{1,4}})(?!\d))"
)
# A span of years heading a line, no separator needed before a table's gap ("1845 to
# 1851    Castilla ...", "950 B.C. to 450 B.C.    ..."), or a decade ("1950s: ...",
# "1950s-60s - ..."): no one date heads its entry, and the line is no words of the entry
# above it.
_SPAN_YEAR: Final = rf"(?:[1-9]\d{{3}}(?!\d)|\d{{1,4}}\s?{_ERA_MARK})"
_LINE_SPAN: Final = re.compile(
    rf"{_LEAD}(?:{_SPAN_YEAR}\s?(?:{_SPAN_WORDS}|-{{1,2}})\s?{_SPAN_YEAR}"
    rf"|[1-9]\d{{2}}0s(?:\s?(?:{_SPAN_WORDS}|-{{1,2}})\s?(?:[1-9]\d)?\d0s)?)"
    rf"(?=\s*$|\s*[:|.-]\s|{_COLUMN_GAP})"
)
# A month's own line under a year ("March:", "- January -", or "February" alone): the
# month-day entries below it ("- 9: ...") are of that month and year.
_LINE_MONTH: Final = re.compile(
    r"\s*(?:[*-]\s+)?(?P<m>January|February|March|April|May|June|July|August|September"
    r"|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)"  # "Dec." alone, as a table has it
    r"(?=\s*(?::|-|\||$))"
)
# A day's own entry under a month ("- 9: Kaunda is released", "24th - ..."): the day of
# the month above it; a colon or a spaced dash after it, never "|" (a table's row number).
_LINE_DAY: Final = re.compile(rf"\s*(?:[*-]\s+)?(?P<d>[1-3]?\d){_ORD}(?=\s?(?::|-{{1,2}})\s)")
# A time line under a day: "9:32 a.m. EDT:", "10 pm -", or a 24-hour clock's four digits
# with a zone after them ("0100 GMT (0800):", a local time in brackets): four digits
# without a zone may be a year, so they never head a time line.
_LINE_TIME: Final = re.compile(
    r"\s*(?:[*-]\s+)?(?:(?:\d{1,2}:\d{2}(?:\s?[ap]\.?m\.?)?|\d{1,2}\s?[ap]\.?m\.?)"
    r"(?:\s(?:[A-Z]{2,4}|GMT|UTC))?"
    r"|(?:[01]\d|2[0-3])[0-5]\d\s?(?:GMT|UTC|hrs|hours|local)\b)"
    r"(?:\s?\(\d{1,2}:?\d{2}(?:\s?[A-Za-z.]{1,6})?\))?"
    r"(?=\s*(?::|-|\|))",
    re.IGNORECASE,
)
# A capitalised word, its capital accented or not ("Cain", "Ávila"); not an acronym
# ("NASA"), whose second capital fails the word's end.
_CAPITALISED: Final = r"[A-Z\u00c0-\u00d6\u00d8-\u00de][^\W\d_A-Z]*\b"
# A run-in year entry's first word: capitalised, or an acronym ("1946 ENIAC, the first
# ..."); not after a full date, where capitals are a dateline's ("Sunday, February 6,
# 2005 LONDON -").
_ENTRY_WORD: Final = rf"(?:{_CAPITALISED}|[A-Z]{{2,}}\b)"
# A capitalised word straight after a date, perhaps in quotation marks ('1746 "New
# Light" Presbyterians secure a charter').
_RUN_IN: Final = re.compile(rf" [\"\u201c\u2018']?{_CAPITALISED}")
_RUN_IN_YEAR: Final = re.compile(
    rf"{_LEAD}(?P<y>[1-9]\d{{3}})(?= [\"\u201c\u2018']?(?!{MONTH}\b){_ENTRY_WORD})"
)  # not "1850 May 1"
# After a month-day heading a line: a second day that makes it a range ("January 10/11",
# "July 16 - 24, 1969", "July 16 - July 24"), with the range's year if it states one.
# What parts the two days of a range heading an entry ("10/11", "16 - 24", "16 to 24"),
# the range's year if it states one, and the entry's separator after it ("May 1 - 2
# people" has none, so it is no range).
_RANGE_MARK: Final = rf"\s?(?:/|-{{1,2}}|\s{_SPAN_WORDS}\s)\s?"
_RANGE_YEAR: Final = r"(?:,?\s(?P<y>[1-9]\d{3})\b(?![:.]\d))?"
_RANGE_ENDS: Final = r"(?=\s*(?:[:|,]|-{1,2}\s|\.\s|$))"
_DAY_RANGE: Final = re.compile(
    rf"{_RANGE_MARK}(?:(?P<m>{MONTH})\.?\s)?\d{{1,2}}{_ORD}(?!\d|:\d){_RANGE_YEAR}{_RANGE_ENDS}"
)
# A range of days written day first, heading a line: "14-15 June 1919", "30 August - 2
# September", "3/4 May:".
_LINE_DAY_RANGE: Final = re.compile(
    rf"{_LEAD}(?P<d1>\d{{1,2}}){_ORD}(?:\s(?P<m1>{MONTH})\.?)?{_RANGE_MARK}"
    rf"\d{{1,2}}{_ORD}\s(?P<m2>{MONTH})\.?{_RANGE_YEAR}{_RANGE_ENDS}"
)
_DAYS: Final = ("day", "month-day")  # a time line's heading: a day, its year known or not
_RANGE_OPENING: Final = re.compile(  # not "1965 - 200,000 troops arrive": a count
    rf"\s*(?:-{{1,2}}|{_SPAN_WORDS})\s*(?:\d{{3,4}}\b(?![:.]\d|,\d{{3}})|\d{{2,3}}0'?s\b)"
    r"|-\d\d\b(?![:.]\d)"  # "1961-63:", "1969-70 -": the end cut to its last two digits
)


# One grammar for the date that heads an entry, in the orders people write one: month
# first ("Sept. 3, 1901", "March 3rd 1901", "the 3rd of March", "June 16 (1901)"), day
# first ("3 March 1901", "3rd of March, 1901", "3-Mar-1901"), year first ("1901, March
# 3", "1901 Mar. 3", "1901 March", "1901, 3 March": its own year, never the entry
# above's), ISO ("1901-03-03") and month and year ("March
# 1901"); a bullet, a list number, a weekday or "the" may open it. What follows it (a
# separator and the entry's words, or nothing) is read by _headed.
_HEAD_YEAR: Final = r"[1-9]\d{3}(?![\d'])"
_LINE_HEAD: Final = re.compile(
    rf"{_LEAD}(?:{_WEEKDAY},?\s)?(?:[Tt]he\s)?(?:"
    rf"(?P<ma>{MONTH})\.?\s?(?P<da>\d{{1,2}}){_ORD}(?!\d|:\d)"
    rf"(?:(?:,\s?|\s)(?P<ya>{_HEAD_YEAR})|\s?\((?P<yp>{_HEAD_YEAR})\))?"
    rf"|(?P<db>\d{{1,2}}){_ORD}(?:\sof)?(?P<gap>\s\s?|-)(?P<mb>{MONTH})\.?"
    rf"(?:(?:,\s?|\s|(?P=gap))(?P<yb>{_HEAD_YEAR}))?"
    rf"|(?P<yc>{_HEAD_YEAR})(?:,\s?|\s)(?P<mc>{MONTH})\.?(?:\s?(?P<dc>\d{{1,2}}){_ORD}(?!\d|:\d))?"
    rf"|(?P<yf>{_HEAD_YEAR})(?:,\s?|\s)(?P<df>\d{{1,2}}){_ORD}\s(?:of\s)?(?P<mf>{MONTH})\.?"
    rf"|(?P<yd>{_HEAD_YEAR})-(?P<md>\d\d)-(?P<dd>\d\d)(?!\d)"
    rf"|(?P<me>{MONTH})\.?,?\s(?:of\s)?(?P<ye>{_HEAD_YEAR})"
    r")(?![\w/])"
)


def _head_date(found: re.Match[str], year: int | None) -> PartialDate | None:
    """The date a _LINE_HEAD match states; a month-day takes the year of the entry above."""
    if found.group("yd"):
        month = int(found.group("md"))
        if not 1 <= month <= 12:
            return None
        return make_date(int(found.group("yd")), month, int(found.group("dd")))
    if found.group("yf"):  # "1983, 23 July": its own year, first
        return make_date(
            int(found.group("yf")), _month_number(found.group("mf")), int(found.group("df"))
        )
    if found.group("ye"):
        return make_date(int(found.group("ye")), _month_number(found.group("me")), None)
    if found.group("yc"):
        named = int(found.group("dc")) if found.group("dc") else None
        return make_date(int(found.group("yc")), _month_number(found.group("mc")), named)
    name, digits, stated = (
        found.group("ma", "da", "ya") if found.group("ma") else found.group("mb", "db", "yb")
    )
    stated = stated or found.group("yp")
    return make_date(int(stated) if stated else year, _month_number(name), int(digits))


class LineDate:
    """A date that heads a line: the date (None for a range or an impossible date) and
    where the line's own words start (the line's end when it is a bare date)."""

    __slots__ = ("date", "head")

    def __init__(self, date: PartialDate | None, head: int) -> None:
        self.date = date
        self.head = head


def opens_run_in(line: str) -> bool:
    """The line opens with a full date or a year and straight on with a capitalised
    word, no separator between ("23 March 1933 The Reichstag passed ...", "1901 The
    quay opened", a table's tab folded to a space): a run-in entry, if the text has
    several (see line_date's run_in)."""
    head = _LINE_HEAD.match(line)
    if head is not None and _states_year(head):
        return _RUN_IN.match(line, head.end()) is not None
    return _RUN_IN_YEAR.match(line) is not None


# A numeric date heading a line ("02/28/1804 |", "- 11/27/1806: ..."), its two parts,
# slashed or dotted ("9.25.1690": dotted dates are read day first unless a text's own
# heads say otherwise).
_NUMERIC_HEAD: Final = re.compile(rf"{_LEAD}(\d{{1,2}})([/.])(\d{{1,2}})\2[1-9]\d{{3}}(?!\d)")


def numeric_order(heads: Iterable[str]) -> bool | None:
    """Whether the numeric dates heading a text's lines (their openings, heads) put the
    month first: as those that can be read one way only say (a part above 12); None
    where none says, and such a heading is left undated rather than guessed."""
    votes = 0
    for head in heads:
        found = _NUMERIC_HEAD.match(head)
        if found is not None:
            votes += _slashed_order(int(found.group(1)), int(found.group(3)))
    return votes > 0 if votes else None


def _in_order(slashed: re.Match[str], month_first: bool) -> PartialDate | None:
    """The day of a numeric date ("06/02/1807") read in the given order."""
    first, second, year = (int(g) for g in slashed.group("a12", "b12", "y12"))
    if max(first, second) > 12:
        return None
    return make_date(year, *((first, second) if month_first else (second, first)))


def line_date(
    line: str, context: PartialDate | None, run_in: bool = False, month_first: bool | None = None
) -> LineDate | None:
    """The date heading a timeline line, if the line opens with one and then a separator
    (":", a dash) or nothing more; with run_in (a text of several such lines), a full
    date and a capitalised word straight after it also head an entry. context is the
    date of the entry above: its year dates "July 17", "Thursday, July 17" and
    "March:"; its day (with a year or not) dates "9:32 a.m. EDT:" and "0100 GMT (0800):".
    month_first: the order of the text's numeric headings (see numeric_order), which
    reads one that either order would fit ("06/02/1807").
    """
    year = context.year if context is not None else None
    if _DIGIT_RUN.search(line) is None:
        # Every form below reads a digit but a month's own line ("March:"), which only
        # a year above dates: one search spares most lines of words a dozen matches.
        month = _LINE_MONTH.match(line) if year is not None else None
        if month is None:
            return None
        return _headed(line, month.end(), make_date(year, _month_number(month["m"]), None), False)
    general = _general_head(line, year, run_in)
    if general is not None:
        return general
    found = _LINE_FULL.match(line)
    date: PartialDate | None = None
    if found is not None:  # _LINE_FULL holds _DATES, groups and all: read them from it
        form = form_of(found)
        date = _from_match(found, form)
        if form == "y12" and date is None and month_first is not None:
            date = _in_order(found, month_first)
        if form == "y9" and month_first:  # "11.7.1665" where "9.25.1690" shows the order
            first, second, dotted_year = (int(g) for g in found.group("d9", "m9", "y9"))
            date = make_date(dotted_year, first, second) if first <= 12 else None
        if form in _SPANNING_FORMS and _spans_line(line, found.end()):
            return LineDate(None, len(line))  # "18.08.1937 - 30.12.2018": a span alone
        if run_in and form in _FULL_FORMS and _RUN_IN.match(line, found.end()) is not None:
            return LineDate(date, found.end() + 1)
        if form in ("d4", "y6", "d11", "d13"):
            found = None  # "On March 3 ..." and "In 1961 ..." open sentences, not entries
    if found is None:
        found, date = _named_head(line)
    if found is None:
        found = _LINE_MONTH_DAY.match(line)
        if found is not None:
            named = _month_number(found.group("m1") or found.group("m2"))
            date = make_date(year, named, int(found.group("d1") or found.group("d2")))
            span = _DAY_RANGE.match(line, found.end())
            if span is not None:  # "January 10/11:", "July 16 - 24, 1969:": its first day
                found, date = span, _range_start(span, named, date)
    if found is None:
        found = _LINE_DAY_RANGE.match(line)
        if found is not None:  # "14-15 June 1919", "30 August - 2 September:": its first day
            stated = int(found.group("y")) if found.group("y") else year
            named = _month_number(found.group("m1") or found.group("m2"))
            date = make_date(stated, named, int(found.group("d1")))
    if found is None:
        found = _LINE_YEAR.match(line)
        if found is not None:
            if found.group("y"):
                date = make_year(int(found.group("y")))
            elif found.group("ad"):
                date = make_year(int(found.group("ad"))) if int(found.group("ad")) else None
            else:
                era_year = _year(found.group("ey").replace(",", ""), found.group("era"))
                date = make_year(era_year) if era_year is not None else None
    if found is None and run_in:  # "1901 The quay ...": after "1901 March 3 ..."
        year_in = _RUN_IN_YEAR.match(line)
        if year_in is not None:
            return LineDate(make_year(int(year_in.group("y"))), year_in.end() + 1)
    if found is None and year is not None:
        found = _LINE_MONTH.match(line)
        if found is not None:
            date = make_date(year, _month_number(found.group("m")), None)
    if found is None and context is not None and context.month is not None:
        found = _LINE_DAY.match(line)
        if found is not None:
            date = _day_of(context, int(found.group("d")))
            found = found if date is not None else None
    if found is None and context is not None and context.precision in _DAYS:
        found = _LINE_TIME.match(line)
        date = context
    if found is None:
        span = _LINE_SPAN.match(line)
        if span is not None:  # "1845 to 1851    Castilla ...": a span heads its entry
            rest = re.match(_SEPARATOR, line[span.end() :])
            return LineDate(None, span.end() + (rest.end() if rest else 0))
        return None
    in_year = year is not None and date is not None and date.precision == "day"
    after = found.end() + 1
    if date is not None and date.precision == "year" and line[found.end() : after] == " ":
        month = _REFINE.match(line, after)
        if month is not None and month.group(0)[:1].isupper():
            return _refined(line, LineDate(date, after))  # "1845 October 11 - ..."
    headed = _headed(line, found.end(), date, in_year)
    if headed is not None and headed.date is not None and headed.date.precision == "year":
        return _cell_date(line, headed) or _refined(line, headed)
    return headed


# A named day of a year heading a line ("Christmas Eve 1914:", "Good Friday 1918 -"), or
# a day in words ("The twentieth of July 1969:").
_LINE_NAMED: Final = re.compile(
    rf"{_LEAD}(?:{_HOLIDAY.pattern}"
    rf"|{_DAY_IN_WORDS}(?P<worded_month>{MONTH}),?\s(?P<worded_year>[1-9]\d{{3}})\b)"
)


def _named_head(line: str) -> tuple[re.Match[str] | None, PartialDate | None]:
    """The match and date of a named day or a day in words heading the line, if any."""
    found = _LINE_NAMED.match(line)
    if found is None:
        return None, None
    if found.group("worded_year") is not None:
        month = _month_number(found.group("worded_month"))
        day = DAY_ORDINALS[lower(found.group("day"))]
        date = make_date(int(found.group("worded_year")), month, day)
    else:
        date = _holiday_date(found) if found.group("year") is not None else None
    return (found, date) if date is not None else (None, None)


# A year of one to three digits heading a line, a colon, a spaced dash or a table's gap
# after it (not a full stop: "3. ..." numbers a list), or with run_in a capitalised word.
# A short year may be about then ("- c.200: Explorers ...", "c.550 Beginning of ..."):
# _SHORT_CIRCA, and SHORT_YEAR_CIRCA its openings, the cheap test of a line that opens
# with no digit (see segment).
SHORT_YEAR_CIRCA: Final = ("c.", "ca.", "circa ", "Circa ", "c ", "C ")
_SHORT_CIRCA: Final = r"(?:c\.\s?|[Cc]\s(?=\d)|ca\.\s?|[Cc]irca\s)?"
_SHORT_YEAR: Final = re.compile(
    rf"{_LEAD}{_SHORT_CIRCA}(?P<y>[1-9]\d{{0,2}})(?:\s?(?::|-{{1,2}})\s|{_COLUMN_GAP})"
)
_SHORT_RUN_IN: Final = re.compile(rf"{_LEAD}{_SHORT_CIRCA}(?P<y>[1-9]\d{{0,2}}) (?={_CAPITALISED})")
# A number alone on its line, as a chronology sets each year over its entry's lines
# ("200 BC" / "Nazca lines drawn" / ..., then "200" / "Potatoes grown" / ...).
_SHORT_ALONE: Final = re.compile(r"\s*(?P<y>[1-9]\d{0,2})\s*\Z")


def short_year_line(line: str, run_in: bool) -> LineDate | None:
    """A line headed by a year below 1000 written bare ("476: ...", "79 - ..."), as a
    chronology from before that year writes its first entries; whether the number is a
    year only the chronology's order around it can tell (see segment)."""
    found = _SHORT_YEAR.match(line) or (_SHORT_RUN_IN.match(line) if run_in else None)
    if found is None:
        found = _SHORT_ALONE.match(line)
        if found is None:
            return None
    elif not line[found.end() :].strip():
        return None
    date = make_year(int(found.group("y")))
    return LineDate(date, found.end()) if date is not None else None


def _cell_date(line: str, headed: LineDate) -> LineDate | None:
    """A year cell whose entry opens with its own date of that year, as a table's row
    does ("1691 | - 3 Oct 1691: Limerick ...", "1698 | - 1698: England - ..."): the
    entry's date, and its words after it; None where the entry states none."""
    assert headed.date is not None
    rest = line[headed.head :]
    if not rest[:_CELL_REACH].lstrip(" *-")[:1].isdecimal():
        return None  # only a row's entry that opens with a number may restate its date
    inner = _general_head(rest, headed.date.year, False)
    if inner is None:  # "- 1698: England - ...": the year again, then the entry's words
        year = _LINE_YEAR.match(rest)
        same = year is not None and year.group("y") == str(headed.date.year)
        inner = _headed(rest, year.end(), headed.date, False) if year and same else None
    if inner is None or inner.date is None or inner.date.year != headed.date.year:
        return None
    return LineDate(inner.date, headed.head + inner.head)


# After a heading's date, what makes it the start of a span ("March 1901 - June 1902",
# "3 March - 5 April:"), read by the forms below _LINE_HEAD.
_SPAN_ON: Final = re.compile(rf"\s?(?:-{{1,2}}|{_SPAN_WORDS})\s?(?:\d|{MONTH}\b)")


_SPAN_END: Final = re.compile(r"[:|]\s*")  # the separator after a span's end
# The end of a span that is a whole line: "... - June 30th, 1902", "... - 1902", "... -
# 30 June 1902", "... - 30.06.1902" (a life's dates under a name, an obituary's).
_SPAN_REST: Final = re.compile(
    rf"(?:(?:{MONTH}\.?\s?)?\d{{1,4}}{_ORD}(?:,?\s[1-9]\d{{3}})?"  # "- June 30th, 1902"
    rf"|\d{{1,2}}{_ORD}\s(?:of\s)?{MONTH}\.?,?\s[1-9]\d{{3}}"  # "... - 30 December 2013"
    r"|\d{1,2}\.\d{1,2}\.[1-9]\d{3})\s*$"  # "... - 30.12.2013"
)
_SPAN_REACH: Final = len(" September 30th, 1902 ")


_SPANNING_FORMS: Final = ("y1", "y2", "y9", "d3")  # full dates of _DATES
_SPAN_JOIN: Final = re.compile(rf"\s?(?:-{{1,2}}|{_SPAN_WORDS})\s?")


def _spans_line(line: str, end: int) -> bool:
    """The rest of the line from end is a span's end and nothing more ("- 30.12.2018")."""
    span = _SPAN_JOIN.match(line, end)
    return span is not None and _SPAN_REST.match(line, span.end()) is not None


def _general_head(line: str, year: int | None, run_in: bool) -> LineDate | None:
    """A line headed by a _LINE_HEAD date and a separator (or nothing more); None for
    a span and for any other line, which the older forms of line_date then read."""
    found = _LINE_HEAD.match(line)
    if found is None:
        return None
    end = found.end()
    stated = _states_year(found)
    if not stated and _DAY_RANGE.match(line, end) is not None:
        return None  # "July 16 - 24, 1969": the days of one month, read below
    span = _SPAN_ON.match(line, end)
    if span is not None:  # "March 1901 - June 1902: ...": a span, no one date heads it
        if _spans_line(line, end):
            return LineDate(None, len(line))  # a span alone on its line
        after = _SPAN_END.search(line, span.end(), min(len(line), span.end() + _SPAN_REACH))
        if after is None:
            return None
        # "June 24, 1960 - September 1960: ...": a term that opens on a stated day
        # tells of what happened that day, as a range of days does (see _range_start)
        date = _head_date(found, year) if stated else None
        return LineDate(date if date is not None and date.precision == "day" else None, after.end())
    date = _head_date(found, year)
    if run_in and stated and _RUN_IN.match(line, end) is not None:
        return LineDate(date, end + 1)
    in_year = year is not None and not stated
    return _headed(line, end, date, in_year)


def _states_year(head: re.Match[str]) -> bool:
    """A _LINE_HEAD match that writes its year."""
    return any(head.group(name) for name in _HEAD_YEARS)


_HEAD_YEARS: Final = ("ya", "yb", "yp", "yc", "yd", "ye", "yf")


def _day_of(context: PartialDate, day: int) -> PartialDate | None:
    """The day of the context's month that a day's own entry names: under the month's
    line, or after an earlier day of it (days run forward in such a list; a number
    lower than the day above is a list's count, not a date)."""
    assert context.month is not None
    if context.day is not None and day < context.day:
        return None
    return make_date(context.year, context.month, day)


def _range_start(span: re.Match[str], month: int, first: PartialDate | None) -> PartialDate | None:
    """The first day of a range of days heading an entry (first: that day in the entry
    above's year), in the range's own year where it states one: what the entry tells of
    began then, as a timeline's reader takes it ("July 16 - 24, 1969: Apollo 11's flight"
    flew on July 16)."""
    if first is None or not span.group("y"):
        return first
    return make_date(int(span.group("y")), month, first.day)


def _refined(line: str, headed: LineDate) -> LineDate:
    """A year entry whose words open with a month or a month-day: dated by them too."""
    assert headed.date is not None
    year = headed.date.year
    match = _REFINE.match(line, headed.head)
    if match is None or year is None:
        return headed
    day = int(match.group("d")) if match.group("d") else None
    date = make_date(year, _month_number(match.group("m")), day)
    if date is None:
        return headed
    rest = re.match(_SEPARATOR, line[match.end() :])
    if match.group(0)[:1].isupper() and rest is not None:  # "1777 - September 11: ..."
        return LineDate(date, match.end() + rest.end())
    return LineDate(date, headed.head)  # "1955: On Dec. 1, ...": the words keep their date


_EMPTY_CELL: Final = " |.:-"  # what a bare date's line may end with besides it
_CELL_REACH: Final = 4  # "- 3 Oct": a bullet and the first digit of an entry's own date


def _headed(line: str, end: int, date: PartialDate | None, in_year: bool) -> LineDate | None:
    if line.startswith(" (", end):
        aside = _HEAD_ASIDE_OPENING.match(line, end)
        end = aside.end() if aside is not None else end
    rest = line[end:]
    if not rest.strip(_EMPTY_CELL):  # "1688 | |", "1901.": a bare date, its row empty
        return LineDate(date, len(line))
    separator = re.match(_SEPARATOR_IN_YEAR if in_year else _SEPARATOR, rest)
    if separator is None:
        return None
    if _RANGE_OPENING.match(rest):
        return LineDate(None, end + separator.end())  # "1961 - 1963: ...": a span
    if separator.end() == len(rest):
        return LineDate(date, len(line))
    return LineDate(date, end + separator.end())
