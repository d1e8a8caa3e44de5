"""The date scans' fast paths give exactly what the plain code they stand for gives."""

from __future__ import annotations

import bisect
import random
import re

from db.ingest import dates, segment
from db.ingest.clean import Line
from db.ingest.lexicon import MONTHS
from db.ingest.scan import finditer_near, led_starts, literal_starts, spaced
from tests.unit.db.ingest import test_fast_paths as fast_paths

_PIECES = (
    "in ", "In ", "december 1953", "june 1901", "june  1901", "june\n1901", "xjune 1901",
    "Xjune 1901", "junejune 1901", "éjune 1901", "3june 1901", "May 1901", "july 2050",
    "july 1999,", "july 1999.5", "july 1999-", "august 19011", "april 2100", "october ",
    "1904", "2004, a", "1909 the ", "1901 saw ", "1901\tthe ", "1901 brought", ". ", "\n",
    " ", "  ", "the ", "The ", "their 1990 car", "a 1200 acre", "x", "7", "٣4", "2", "1",
    "On June 3, 1901", "3 June 1901", "(1901)", "between 1918 and 1927", "; 1904 - ",
)  # fmt: skip


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 20))) for _ in range(count)]


def _plain_lower_months(text: str, hits: list[dates.DateHit]) -> list[dates.DateHit]:
    """find_lower_months as it was: every month's name found by a scan of its own."""
    found: list[dates.DateHit] = []
    taken = {h.start for h in hits}
    for at in literal_starts(text, sorted(dates._LOWER_MONTHS)):
        if at in taken or text[at - 1 : at].isalpha():
            continue
        match = dates._LOWER_MONTH_YEAR.match(text, at)
        if match is None or match.group("m") not in dates._LOWER_MONTHS:
            continue
        date = dates.make_date(int(match.group("y")), MONTHS[match.group("m")], None)
        if date is not None:
            found.append(dates.DateHit(at, match.end(), date))
    return found


def _plain_opening_years(text: str, hits: list[dates.DateHit]) -> list[dates.DateHit]:
    """find_opening_years as it was: the sentence's start tested first at every run."""
    found: list[dates.DateHit] = []
    taken = {h.start for h in hits}
    for at in dates._digit_run_starts(text):
        if at in taken or not dates._SENTENCE_BEFORE.search(text, max(0, at - 3), at):
            continue
        match = dates._OPENING_YEAR.match(text, at)
        date = dates.make_year(int(match.group("y"))) if match is not None else None
        if match is not None and date is not None:
            found.append(dates.DateHit(at, match.end("y"), date))
    return found


def _spans(hits: list[dates.DateHit]) -> list[tuple[int, int, str]]:
    return [(h.start, h.end, h.date.iso()) for h in hits]


def test_lower_months_read_back_from_the_years_are_the_named_months() -> None:
    found_any = 0
    for text in _texts(4000, seed=31):
        hits = dates.find_dates(text).hits
        expected = _spans(_plain_lower_months(text, hits))
        runs = dates._digit_run_starts(text)
        assert _spans(dates.find_lower_months(text, hits, runs)) == expected, text
        found_any += len(expected)
    assert found_any > 100  # the texts really hold such months


def test_opening_years_tested_cheaply_first_are_the_plain_ones() -> None:
    found_any = 0
    for text in _texts(4000, seed=32):
        hits = dates.find_dates(text).hits
        expected = _spans(_plain_opening_years(text, hits))
        runs = dates._digit_run_starts(text)
        assert _spans(dates.find_opening_years(text, hits, runs)) == expected, text
        found_any += len(expected)
    assert found_any > 100


def test_separators_counted_by_bisection_cover_each_lines_own() -> None:
    """The lines that hold three of the text's separators are those that hold three of
    their own."""
    pieces = ("1901: ", "1901 - ", " - - ", "3rd: ", "4th - ", " - ", ": ", "\n", "x", "1", " ")
    rng = random.Random(33)
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 30)))
        separators = segment._separators(text, 0, len(text))
        lines: list[Line] = []
        start = 0
        for part in text.split("\n"):
            lines.append(Line(start, start + len(part), "text"))
            start += len(part) + 1
        expected = [
            index
            for index, line in enumerate(lines)
            if len(segment._separators(text, line.start, line.end)) >= 3
        ]
        assert segment._crowded_lines(lines, separators) == expected, text


def _same(found: re.Match[str] | None, expected: re.Match[str] | None) -> bool:
    if found is None or expected is None:
        return found is expected
    return found.span() == expected.span() and found.groupdict() == expected.groupdict()


def test_dates_guarded_by_their_first_character_match_the_plain_alternation() -> None:
    """A position matches one group of _DATES's alternatives at most, so the guards and
    the groups' order change nothing (nor do they for _DATE_OPENING's words)."""
    digit, letter = dates._DATES_AT_DIGIT, dates._DATES_AT_LETTER
    plain = (re.compile(f"{digit}|{letter}"), re.compile(f"{letter}|{digit}"))
    opening = re.compile(dates._DATE_OPENING.pattern.replace(dates._LETTER_GUARD, ""))
    matched = 0
    for text in [*_texts(1500, seed=34), *fast_paths._texts(1500, seed=35)]:
        for at in range(len(text) + 1):
            found = dates._DATES.match(text, at)
            assert all(_same(found, p.match(text, at)) for p in plain), (text, at)
            assert _same(dates._DATE_OPENING.match(text, at), opening.match(text, at))
            matched += found is not None
    assert matched > 1000


_CALENDAR_PIECES = (
    "last ", "Last ", "next ", "Next ", "this ", "This ", "earlier ", "Later ", "the ", "The ",
    "week", "month", "year", "day", "decade", "s", "'s", "'s ", " ", "\n", "x", "athe ",
    "earlier this year", "the last year", "next week's", "thisweek", "later this  month",
)  # fmt: skip


def test_calendar_words_with_an_opening_match_the_plain_near_scan() -> None:
    rng = random.Random(36)
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(_CALENDAR_PIECES) for _ in range(rng.randint(0, 20)))
        units = spaced(text, literal_starts(text, dates._UNIT_WORDS))
        expected = [m.span() for m in dates._CALENDAR.finditer(text)]
        plain = finditer_near(dates._CALENDAR, text, units, dates._CALENDAR_REACH)
        assert [m.span() for m in plain] == expected, text
        fast = [h.start for h in dates._calendar_words(text, units, 0)]
        assert fast == [start for start, _ in expected], text
        found += len(expected)
    assert found > 1000


def _plain_days(text: str) -> list[tuple[int, int, str]]:
    """find_days as it was: tried at every "n the " of the text."""
    found: list[tuple[int, int, str]] = []
    for at in literal_starts(text, ("n the ",)):
        if at and text[at + 6 : at + 7].isdecimal():
            match = dates._DAY_ALONE.match(text, at - 1)
            if match is not None:
                found.append((match.start(), match.end(), str(int(match.group("d")))))
    return found


def test_days_alone_found_from_the_digit_runs_are_the_plain_ones() -> None:
    pieces = (
        "On the ", "on the ", "On\tthe ", "xon the ", "Won the ", "n the ", "the ", "24th",
        "3rd", "31st", "32nd", "1", "\u0663rd", ", ", ". ", " it", " He", " 2nd team", " ",
        "On the 24th it", "on the 3rd,", "on the 1\u0663rd.", "On the 2nd team",
    )  # fmt: skip
    rng = random.Random(37)
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 16)))
        runs = dates._digit_run_starts(text)
        days = [(h.start, h.end, str(h.date.day)) for h in dates.find_days(text, runs)]
        expected = _plain_days(text)
        assert days == expected, text
        found += len(expected)
    assert found > 500


def test_rare_character_prechecks_agree_with_the_substring_tests() -> None:
    pieces = ("(", "[", "1", "2", "3", " ", "-", "=", "*", "_", "~", "x", "---", " --- ", "(1")
    rng = random.Random(38)
    held = ruled = 0
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        editors = any(mark in text for mark in ("[1", "(1", "[2", "(2"))
        assert dates._may_hold_editors_year(text) == editors, text
        rules = any(rule in text for rule in segment._RULES)
        assert segment._may_be_ruled(text) == rules, text
        held += editors
        ruled += rules
    assert held > 500
    assert ruled > 500


def test_dates_in_a_range_are_the_plain_bisection_slices() -> None:
    rng = random.Random(39)
    for text in _texts(300, seed=40):
        index = dates.DateIndex(text)
        for _ in range(20):
            start = rng.randint(-2, len(text) + 2)
            end = rng.randint(start - 2, len(text) + 3)
            low = bisect.bisect_left(index.hit_starts, start)
            high = bisect.bisect_left(index.hit_starts, end)
            assert index.dates_in(start, end) == index.hits[low:high]
            low = bisect.bisect_left(index.relative_starts, start)
            high = bisect.bisect_left(index.relative_starts, end)
            assert index.relatives_in(start, end) == index.relatives[low:high]


_LINE_PIECES = (
    "March", "march", "May", "Christmas Eve", "Good Friday", "the Fourth of July",
    "The twentieth of July", "Monday", "Mon.", "AD", "A.D. ", "c.", "Circa ", "ca. ", "BC",
    "Spring ", "Mid-", "late ", "In ", "On ", "of ", "to ", " ", "  ", ": ", ":", " - ",
    "-", "|", "* ", "# ", "(", ")", ",", ".", "\t", "x", "Q", "s", "Ⅻ", "²", "one",
)  # fmt: skip


def test_a_line_without_a_digit_heads_nothing_but_a_months_own_line() -> None:
    """line_date's digit-free lines go to _LINE_MONTH alone: every other head it reads
    needs a digit (a holiday dates nothing without its year)."""
    patterns = (
        dates._LINE_HEAD, dates._LINE_FULL, dates._LINE_MONTH_DAY, dates._LINE_DAY_RANGE,
        dates._LINE_YEAR, dates._RUN_IN_YEAR, dates._LINE_DAY, dates._LINE_TIME,
        dates._LINE_SPAN,
    )  # fmt: skip
    rng = random.Random(41)
    months = 0
    for _ in range(6000):
        line = "".join(rng.choice(_LINE_PIECES) for _ in range(rng.randint(0, 6)))
        assert dates._DIGIT_RUN.search(line) is None, line
        assert all(pattern.match(line) is None for pattern in patterns), line
        assert dates._named_head(line) == (None, None), line
        context = dates.make_date(1901, 5, 3)
        head = dates.line_date(line, context)
        assert dates.line_date(line, None) is None, line
        if head is not None:  # a month's line, then a separator or nothing (_headed)
            assert dates._LINE_MONTH.match(line) is not None, line
            months += 1
    assert months > 30


def test_bracket_openings_read_at_each_bracket_are_the_literal_ones() -> None:
    """scan.led_starts, read at each "(" the bracketed years open with, finds exactly
    what a search for each opening finds."""
    pieces = ("(", "(1", "(2", "(3", "(both ", "(all ", "(bo", "both ", "1", " ", "((", "x")
    rng = random.Random(42)
    found = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
        expected = literal_starts(text, dates._BRACKETED_OPENINGS)
        assert led_starts(text, "(", dates._BRACKETED_OPENINGS) == expected, text
        found += len(expected)
    assert found > 1000
