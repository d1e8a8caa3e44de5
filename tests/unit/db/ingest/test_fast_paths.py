"""The extractor's fast paths give exactly what the plain code they stand for gives."""

from __future__ import annotations

import bisect
import calendar
import random
import re

from db.ingest import clean, dates, lexicon, names, people, pipeline, quotemarks, quotes, segment
from db.ingest.lexicon import CLAUSE_OPENERS
from db.ingest.people import Intervals
from db.ingest.scan import finditer_near, literal_starts, spaced
from db.text import lower

_PIECES = (
    "Vladimir ", "Putin", "Putin's ", "de ", "de Gaulle", "van ", "der ", "Leyen", "bin ",
    "al ", "del ", "Toro", "ibn ", "Saud", "Jr.", ", Jr.", " III", "Sr", "Jr ", "J. ", "U.S. ",
    "NATO ", "AB-", "A.", "O'Neill", "Jean-Luc", "José ", "Ángel", "(", ")", '"', "'", "-",
    "\u201c", "\u201d", "\u201f", "\u00ab", "\u00bb", "\u201e", " ", "  ", "\n", ". ", "! ",
    "? ", "?! ", "Mr. ", "said ", "says ", ", ", ": ", "he ", "She ", "the ", "The ", "x",
    "June 16, 2001", "16 June 2001", "2001-06-16", "On September. 9 ", "On Sept. 9 ", "in 1954",
    "two days later ", "today ", "Monday ", "the following week", "making ", "the Russian king",
    "\u0661\u0669\u0665\u0664", "1\u0662", "٣ ", "February 29, 2003", "Dec. 2001", "1500 cases",
)  # fmt: skip


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 24))) for _ in range(count)]


def test_upper_runs_are_the_name_runs() -> None:
    """UPPER_RUN (opening with a capital) finds NAME_RUN's runs, particle-led ones included:
    run_start finds where those start."""
    led = 0
    for text in _texts(4000, seed=11):
        expected = [m.span() for m in names.NAME_RUN.finditer(text)]
        spans = [m.span() for m in names.UPPER_RUN.finditer(text)]
        found = [(names.run_start(text, start), end) for start, end in spans]
        assert found == expected, text
        led += sum(start != capital for (start, _), (capital, _) in zip(found, spans, strict=True))
    assert led > 100  # the texts really hold runs opened by a particle


def test_dates_with_an_opening_match_the_plain_near_scan() -> None:
    """The opening filter skips only positions where _DATES fails (and keeps its reach)."""
    found_any = 0
    for text in _texts(3000, seed=12):
        runs = [m.start() for m in re.finditer(r"\d+", text)]
        plain = finditer_near(dates._DATES, text, runs, dates._DATE_REACH)
        fast = finditer_near(dates._DATES, text, runs, dates._DATE_REACH, dates._DATE_OPENING)
        expected = [m.span() for m in plain]
        assert [m.span() for m in fast] == expected, text
        found_any += len(expected)
    assert found_any > 300


def test_spaced_anchors_find_every_relative_date_and_role() -> None:
    """Relative dates and roles need \\s before their anchor word: dropping others is exact."""
    found = 0
    for text in _texts(3000, seed=13):
        units = literal_starts(text, dates._UNIT_WORDS)
        plain = finditer_near(dates._RELATIVE, text, units, dates._RELATIVE_REACH)
        fast = finditer_near(dates._RELATIVE, text, spaced(text, units), dates._RELATIVE_REACH)
        expected = [m.span() for m in plain]
        assert [m.span() for m in fast] == expected
        offices = literal_starts(text, lexicon.ROLE_WORDS)
        plain = finditer_near(people._ROLE, text, offices, people._ROLE_REACH)
        fast = finditer_near(people._ROLE, text, spaced(text, offices), people._ROLE_REACH)
        assert [m.span() for m in fast] == [m.span() for m in plain]
        found += len(expected)
    assert found > 100


def test_form_of_names_the_one_alternative_that_matched() -> None:
    """form_of reads the alternative from the first year group set: exactly one is set."""
    seen: set[str] = set()
    for text in _texts(2000, seed=14):
        for match in dates._DATES.finditer(text):
            groups = match.groupdict()
            set_forms = [form for form in dates._FORMS if groups.get(form) is not None]
            assert set_forms == [dates.form_of(match)], match
            seen.add(set_forms[0])
    assert len(seen) >= 4


def test_days_in_month_is_calendars() -> None:
    for year in (1, 4, 100, 400, 1900, 2000, 2001, 2004, 9999):
        for month in range(1, 13):
            assert dates._days_in(year, month) == calendar.monthrange(year, month)[1]


def test_quote_marks_found_through_the_folded_text() -> None:
    from db.ingest.clean import normalise

    for text in _texts(2000, seed=15):
        norm = normalise(text)
        expected = [m.start() for m in quotemarks._MARK.finditer(text)]
        assert quotemarks._marks(text, norm, 0, len(text)) == expected
        middle = len(text) // 2
        expected = [m.start() for m in quotemarks._MARK.finditer(text, 1, middle)]
        assert quotemarks._marks(text, norm, 1, middle) == expected


def test_words_before_an_offset_match_the_reversed_scan() -> None:
    for text in _texts(2000, seed=16):
        for end in range(0, len(text) + 1, 3):
            window = text[max(0, end - 20) : end]
            previous = people._previous_word(window, 0, len(window))
            expected = None if previous is None else previous[0]
            assert people._word_before(window) == expected


def test_subject_position_matches_the_reversed_scan() -> None:
    for text in _texts(1000, seed=18):
        for sentence_start in (0, len(text) // 3):
            for start in range(sentence_start, len(text) + 1, 2):
                window = text[max(sentence_start, start - 40) : start]
                previous = people._previous_word(window, 0, len(window))
                spaces_only = previous is not None and not previous[1].strip()
                word = previous[0] if previous is not None and spaces_only else None
                expected = word is None or lower(word) in CLAUSE_OPENERS
                assert people._is_subject(text, sentence_start, start) == expected


def test_sentences_split_the_same_with_only_full_stops() -> None:
    for text in _texts(2000, seed=17):
        if "!" in text or "?" in text:
            continue
        plain = segment.split_sentences(text, 0, len(text), [], [])
        assert segment.split_sentences(text, 0, len(text), [], [], True) == plain
        assert segment.has_only_stops(text)


def test_interval_membership_by_edges() -> None:
    rng = random.Random(18)
    for _ in range(300):
        points = sorted(rng.sample(range(200), rng.randrange(0, 20, 2)))
        spans = list(zip(points[::2], points[1::2], strict=True))
        intervals = Intervals(spans)
        for pos in range(-1, 201):
            index = bisect.bisect_right([s for s, _ in spans], pos) - 1
            inside = index >= 0 and spans[index][0] <= pos < spans[index][1]
            assert intervals.contains(pos) == inside


def test_single_word_shapes_match_the_general_split() -> None:
    words = {m.group() for text in _texts(3000, seed=19) for m in names.UPPER_RUN.finditer(text)}
    words |= {"De", "Al", "Bin", "A.", "AB", "Putin's", "Jones'", "Speaking", "Del", "X"}
    for word in (w for w in words if " " not in w):
        shape = names.run_shape(word, sentence_start=False)
        assert names._word_shape(word) == shape, word
        assert names.run_shape(word, sentence_start=True) == shape, word


def test_digit_runs_found_by_plain_search_are_the_regex_runs() -> None:
    texts = [*_texts(3000, seed=20), "", "7", "12 34", "x1y22z333", "٣4 5٣ 67"]
    for text in texts:
        expected = [m.start() for m in dates._DIGIT_RUN.finditer(text)]
        assert list(dates._digit_run_starts(text)) == expected, text


def test_remembered_dates_are_the_dates_made_afresh() -> None:
    for year in (None, 0, 1, 1999, 2000, 2100, 9999, 10000):
        for month in range(1, 13):
            for day in (None, 0, 1, 28, 29, 30, 31, 32):
                expected = dates._new_date((year, month, day))
                assert dates.make_date(year, month, day) == expected
                assert dates.make_date(year, month, day) == expected  # now remembered


def test_remembered_run_shapes_are_the_shapes_split_afresh() -> None:
    runs = {m.group() for text in _texts(2000, seed=21) for m in names.UPPER_RUN.finditer(text)}
    for run in runs:
        assert names.run_shapes(run) == names._run_shapes(run), run


def test_quote_words_of_ascii_text_are_the_unicode_words() -> None:
    extra = ["\u0130stanbul Stra\u00dfe", "\u017fome WORDS_x9", "caf\u00e9 \u01c5ungla", "A-b c_D"]
    extra.append("".join(chr(code) for code in range(128)) + " a\x1cb\x1fc\x0bd\x00e~f")
    for text in _texts(3000, seed=22) + extra:
        assert quotes._words(text) == {w.lower() for w in re.findall(r"\w+", text)}, text


_LINE_PIECES = (
    "By ", "BY ", "by ", "Photo", "PHOTOS", "photograph", "(Image", "Picture", "credit",
    "Source", "\u017fource", "\u0130mage", "K", ": ", " by ", "Credit", "Jan Novak", " ", "(",
    "published", "Posted ", "UPDATED", "date", "Date: ", "June 16, 2001", "16", "x", ".",
)  # fmt: skip


def test_furniture_line_prechecks_never_miss_a_match() -> None:
    rng = random.Random(23)
    for _ in range(6000):
        line = "".join(rng.choice(_LINE_PIECES) for _ in range(rng.randint(1, 8)))
        stripped = line.strip()
        if len(stripped) < 120 and clean._BYLINE.match(stripped):
            assert clean._may_be_byline(stripped), line
        if clean._CREDIT.match(stripped):
            assert clean._may_be_credit(stripped, stripped.lower()), line
        if pipeline._PUBLISHED.search(line):
            assert pipeline._may_mark_publication(line), line


def test_caption_dates_need_a_digit_where_the_precheck_looks() -> None:
    for text in _texts(3000, seed=25):
        if segment._DATED_CAPTION_END.search(text) or segment._DATED_CAPTION_END.search(text + "."):
            assert segment._may_hold_digit(text), text


def test_first_sentence_end_is_found_alike_with_only_full_stops() -> None:
    for text in _texts(3000, seed=24):
        if not segment.has_only_stops(text):
            continue
        plain = segment._SENTENCE_END.search(text)
        fast = segment._FULL_STOP_END.search(text)
        assert (plain and plain.span()) == (fast and fast.span()), text


def test_literal_starts_finds_every_occurrence_overlapping_ones_too() -> None:
    words = ("aa", "aba", "a.b", "(x", "day", "a", ".", "")
    rng = random.Random(25)
    for _ in range(2000):
        text = "".join(rng.choice("ab.(x day") for _ in range(rng.randint(0, 30)))
        expected = sorted(
            at for word in words for at in range(len(text) + 1) if text.startswith(word, at)
        )
        assert literal_starts(text, words) == expected, text


def test_relatives_with_an_opening_match_the_plain_near_scan() -> None:
    found = 0
    for text in _texts(3000, seed=26):
        units = spaced(text, literal_starts(text, dates._UNIT_WORDS))
        plain = finditer_near(dates._RELATIVE, text, units, dates._RELATIVE_REACH)
        expected = [m.span() for m in plain]
        fast = finditer_near(
            dates._RELATIVE, text, units, dates._RELATIVE_REACH, dates._RELATIVE_OPENING
        )
        assert [m.span() for m in fast] == expected, text
        found += len(expected)
    assert found > 100


def test_similarity_counted_from_the_intersection_is_the_set_formula() -> None:
    rng = random.Random(26)
    words = [f"w{i}" for i in range(12)]
    for _ in range(5000):
        left = set(rng.sample(words, rng.randint(0, 8)))
        right = set(rng.sample(words, rng.randint(0, 8)))
        expected = bool(left and right) and (
            len(left & right) / len(left | right) >= quotes._SIMILAR or left <= right
        )
        assert quotes._similar(left, right) == expected, (left, right)


_OPENINGS = (
    "The ", "the ", "the 3rd", "The twentieth", "c. ", "c8", "c.6", "ca. ", "Circa ", "March ",
    "MAR", "Mon", "Spring ", "Mid-", "Christmas ", "AD4", "AD ", "Orthodox ", '"', "(", "* ",
    "- ", "-", "|", "#", " ", "  ", "\u00a0", "1", "\u0661", "\u00b2", "x", "Xmas", "\u00c9",
    "Th", "T", "c", "",
)  # fmt: skip


def test_line_openings_told_in_place_are_told_alike() -> None:
    rng = random.Random(27)
    for _ in range(8000):
        text = "".join(rng.choice(_OPENINGS) for _ in range(rng.randint(1, 4)))
        start = rng.randint(0, 3)
        norm = "\n" * start + text + "\nMarch"
        end = start + len(text)
        line = clean.Line(start, end, "text")
        expected = segment._may_head(norm[start : min(end, start + segment._OPENING_REACH)])
        assert segment._may_head_at(norm, line) == expected, text


def test_long_lines_need_no_test_of_a_short_furniture_line() -> None:
    """_is_furniture_line stops at _FURNITURE_LENGTH: no test past it reads a longer line."""
    limits = (clean._DOT_LENGTH, clean._GLUED_LENGTH, clean._POINTER_LENGTH, clean._FILE_LENGTH)
    assert max(limits) <= clean._FURNITURE_LENGTH
