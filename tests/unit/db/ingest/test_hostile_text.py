"""Hostile source text: bad bytes are refused with a reason; any text parses, fast and honestly.

No timing assertions: the pathological inputs are sized so a linear extractor takes well
under a second each, while a quadratic one would take minutes (tests/hardening_scaling.py
prints the time-vs-size table).
"""

from __future__ import annotations

import calendar
import re
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db.ingest import SourceError, parse_document, read_source
from db.records import ParsedDocument, PartialDate

BOM = b"\xef\xbb\xbf"
FAILED = "extractor failed"


def check(text: str, doc: ParsedDocument) -> None:
    """The invariants every parse keeps: no failure, spans inside the text, real dates only."""
    assert not [w for w in doc.warnings if w.startswith(FAILED)], doc.warnings[:3]
    for span in [e.span for e in doc.events] + [q.span for q in doc.quotes]:
        assert 0 <= span.start <= span.end <= len(text)
    dates = [e.date for e in doc.events] + [q.date for q in doc.quotes if q.date]
    for date in dates:
        assert_real(date)
        assert PartialDate.from_iso(date.iso()) == date


def assert_real(date: PartialDate) -> None:
    """A stored date is a calendar date (month-day checked against a leap year)."""
    if date.year is not None:
        assert 1 <= date.year <= 9999, date
    if date.month is not None:
        assert 1 <= date.month <= 12, date
    if date.day is not None:
        assert date.month is not None
        year = date.year if date.year is not None else 2000
        assert 1 <= date.day <= calendar.monthrange(year, date.month)[1], date


def years_stated(text: str) -> set[int]:
    """Every whole number written in the text (a year must come from one of them)."""
    return {int(n) for n in re.findall(r"(?<!\d)\d+(?!\d)", text)}


# -- read_source ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "file is empty"),
        (b" \n\t\r\n ", "file is empty"),
        (BOM, "file is empty"),
        (BOM + b"\n\n", "file is empty"),
        (b"June 16, 2001: a\x00b", "looks binary (contains NUL bytes)"),
        (b"\x00" * 64, "looks binary (contains NUL bytes)"),
        ("June 16, 2001".encode("utf-16"), "looks binary (contains NUL bytes)"),
        (b"caf\xe9 au lait", "not UTF-8 text (invalid byte at offset 3)"),
        (BOM + b"ab\xff", "not UTF-8 text (invalid byte at offset 5)"),
        (b"\xed\xa0\x80 surrogate", "not UTF-8 text (invalid byte at offset 0)"),
        (b"\xc0\xaf overlong", "not UTF-8 text (invalid byte at offset 0)"),
        (b"cut short \xe2\x82", "not UTF-8 text (invalid byte at offset 10)"),
        (b"\xff\xfe\xfd", "not UTF-8 text (invalid byte at offset 0)"),
    ],
    ids=[
        "empty",
        "whitespace",
        "bom-only",
        "bom-blank",
        "nul",
        "all-nul",
        "utf16",
        "latin1",
        "bom-offset",
        "surrogate",
        "overlong",
        "truncated",
        "garbage",
    ],
)
def test_read_source_refuses_with_reason(tmp_path: Path, data: bytes, reason: str) -> None:
    """Bytes that are not UTF-8 text raise SourceError with this exact reason."""
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    with pytest.raises(SourceError) as caught:
        read_source(path)
    assert caught.value.reason == reason
    assert str(caught.value) == reason


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (BOM + "Putin’s “yes”\r\n".encode(), "Putin’s “yes”\n"),
        (b"a\rb\r\nc\n", "a\nb\nc\n"),
        ("\u202eevil\u200b\u2067x\u2069".encode(), "\u202eevil\u200b\u2067x\u2069"),
    ],
    ids=["bom-crlf", "cr-only", "bidi-zero-width"],
)
def test_read_source_keeps_text(tmp_path: Path, data: bytes, text: str) -> None:
    """Valid UTF-8 is returned with LF line ends; bidi and zero-width characters are kept."""
    path = tmp_path / "ok.txt"
    path.write_bytes(data)
    assert read_source(path) == text


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_read_source_arbitrary_bytes(data: bytes) -> None:
    """Any bytes: text whose UTF-8 is the input (minus BOM/CR), or a SourceError; nothing else."""
    with tempfile.NamedTemporaryFile(suffix=".txt", delete=False) as handle:
        handle.write(data)
    path = Path(handle.name)
    try:
        text: str | None = read_source(path)
        reason = None
    except SourceError as error:
        text, reason = None, error.reason
    finally:
        path.unlink()
    if text is None:
        assert reason is not None
        assert reason.startswith(("file is empty", "looks binary", "not UTF-8 text"))
    else:
        body = data.removeprefix(BOM).decode("utf-8")
        assert text == body.replace("\r\n", "\n").replace("\r", "\n")
        assert "\x00" not in text


# -- parse_document: exact behaviour on hostile inputs ---------------------------------

HEADLINE = "June 16, 2001: Putin met Bush.\n\n"


def _dates(doc: ParsedDocument) -> list[str]:
    return [e.date.iso() for e in doc.events] + [q.date.iso() for q in doc.quotes if q.date]


@pytest.mark.parametrize(
    ("text", "events", "quotes", "warning"),
    [
        ("", [], [], None),
        ('"' * 100_000, [], [], None),
        ("\u201c" * 100_000, [], [], None),
        ("\u201c\u201d" * 50_000, [], [], None),
        ("'" * 100_000, [], [], None),
        (
            HEADLINE
            + "Putin said: \u201cWe will not yield.\n\nBush said: \u201cNor will we.\u201d\n",
            ["2001-06-16"],
            [("Putin", "We will not yield."), ("Bush", "Nor will we.")],  # introduced by ":"
            "unbalanced quote mark at line 3",
        ),
        (
            HEADLINE + "We will not yield,\u201d Putin said.\n",
            ["2001-06-16"],
            [],
            None,
        ),
        (
            HEADLINE + "\u201cHe told me \u2018we agree\u2019 and left,\u201d Putin said.\n",
            ["2001-06-16"],
            [("Putin", "He told me \u2018we agree\u2019 and left")],
            None,
        ),
        (
            HEADLINE + "\"He told me 'we agree' and left,\" Putin said.\n",
            ["2001-06-16"],
            [("Putin", "He told me 'we agree' and left")],
            None,
        ),
        ("June 16, 99999: Putin met Bush.\n", [], [], "impossible date 'June 16, 99999' at line 1"),
        ("On June 16, 99999, Putin met Bush.\n", [], [], "impossible date 'June 16, 99999'"),
        ("In 99999 Putin met Bush in Moscow.\n", [], [], None),
        ("February 30, 2001: Putin met Bush.\n", [], [], "impossible date 'February 30, 2001'"),
        ("On February 30, 2001, Putin met Bush.\n", [], [], "impossible date 'February 30, 2001'"),
        ("February 29, 2001: Putin met Bush.\n", [], [], "impossible date 'February 29, 2001'"),
        ("February 29, 2004: Putin met Bush.\n", ["2004-02-29"], [], None),
        ("2001-13-45: Putin met Bush.\n", [], [], "impossible date '2001-13-45' at line 1"),
        # Fewer than four digits with no era are no year (a time, a count): no date at all.
        ("June 16, 0: Putin met Bush.\n", [], [], None),
        ("On September 11 Putin called Bush.\n", ["--09-11"], [], None),
        ("Ｊｕｎｅ １６, ２００１: Ｐｕｔｉｎ met Bush.\n", [], [], None),
    ],
    ids=[
        "empty",
        "100k-straight-marks",
        "100k-curly-openers",
        "50k-empty-pairs",
        "100k-apostrophes",
        "unclosed-quote",
        "unopened-quote",
        "nested-curly",
        "nested-straight",
        "year-99999-heading",
        "year-99999-inline",
        "bare-99999",
        "february-30-heading",
        "february-30-inline",
        "february-29-common-year",
        "february-29-leap-year",
        "month-13",
        "year-0",
        "no-year",
        "fullwidth",
    ],
)
def test_hostile_text_exact(
    text: str, events: list[str], quotes: list[tuple[str, str]], warning: str | None
) -> None:
    """Each hostile text gives exactly these dated events and quotes, and this warning."""
    doc = parse_document(text, "hostile.txt")
    check(text, doc)
    assert [e.date.iso() for e in doc.events] == events
    served = [(q.speaker, q.text) for q in doc.quotes if not q.fragment]
    assert served == quotes
    if warning is None:
        assert not [w for w in doc.warnings if "impossible" in w]
    else:
        assert any(w.startswith(warning) for w in doc.warnings), doc.warnings


@pytest.mark.parametrize(
    ("text", "title", "quote"),
    [
        ("June 16, 2001: \u202ePutin\u202c met \u200bBush\u200b.\n", None, None),
        (
            HEADLINE + "\u201c\u202eWe agree on this matter\u202c,\u201d Putin said.\n",
            "Putin met Bush.",
            "\u202eWe agree on this matter\u202c",
        ),
        ("June 16, 2001: Putin\x00 met Bush.\n", "Putin\x00 met Bush.", None),
        ("\u202bJune 16, 2001: Putin met Bush.\u202c\n", None, None),
    ],
    ids=["bidi-in-heading", "bidi-in-quote", "nul-in-heading", "bidi-around-heading"],
)
def test_invisible_characters_kept_in_place(
    text: str, title: str | None, quote: str | None
) -> None:
    """Right-to-left, zero-width and NUL characters are kept verbatim; the date is still read."""
    doc = parse_document(text, "invisible.txt")
    check(text, doc)
    assert [e.date.iso() for e in doc.events] == ["2001-06-16"]
    if title is not None:
        assert doc.events[0].title == title
    if quote is not None:
        assert [q.text for q in doc.quotes] == [quote]
        assert doc.quotes[0].speaker == "Putin"


# -- never invents a date -----------------------------------------------------------

PIECES = [
    "June 16, 2001: ",
    "June 16, 99999: ",
    "February 30, 2001",
    "February 29, 2003",
    "on September 11",
    "in 1954",
    "99999",
    "2001-13-45",
    "\u201c",
    "\u201d",
    '"',
    "\u2018",
    "'",
    "\n",
    "\n\n",
    "\u202e",
    "\u200b",
    "\x00",
    "\U0001f980",
    "Putin said",
    ", Bush noted.",
    "the Kremlin leader",
    "@everyone ",
    "<@&123>",
    ". ",
    ": ",
]
TEXTS = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=40).map("".join)
NO_DIGITS = st.lists(
    st.one_of(
        st.sampled_from([p for p in PIECES if not any(c.isdigit() for c in p)]),
        st.text(st.characters(blacklist_categories=["Nd", "No", "Nl"]), max_size=8),
    ),
    max_size=40,
).map("".join)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_fuzz_never_raises_and_years_come_from_the_text(text: str) -> None:
    """Any mix of hostile pieces: no failure, spans inside, every year is a number in the
    text, or the year after the document's own date's (a month-day said to be to come)."""
    doc = parse_document(text, "fuzz.txt")
    check(text, doc)
    stated = years_stated(text)
    own = doc.published.year if doc.published is not None else None
    if own is not None and own in stated:
        stated.add(own + 1)
    for date in [e.date for e in doc.events] + [q.date for q in doc.quotes if q.date]:
        if date.year is not None:
            assert date.year in stated, (date, text)


@settings(max_examples=150, deadline=None)
@given(NO_DIGITS)
def test_fuzz_without_digits_dates_nothing(text: str) -> None:
    """A text with no digits states no date, so nothing in it is dated."""
    doc = parse_document(text, "nodigits.txt")
    check(text, doc)
    assert doc.events == []
    assert _dates(doc) == []


# -- linear time: inputs a quadratic extractor could not finish ----------------------

PATHOLOGICAL: dict[str, Callable[[], str]] = {
    "5mb-single-line": lambda: ("x" * 999 + " ") * 5_000,
    "1mb-straight-marks": lambda: '"' * 1_000_000,
    "unclosed-quote-then-words": lambda: "\u201c" + "word " * 200_000,
    "capitalised-run": lambda: "Abc " * 150_000,
    "initials-run": lambda: "A. " * 200_000,
    "acronym-run": lambda: "AB-" * 200_000 + "a",
    "parenthesis-run": lambda: "(" * 1_000_000,
    "sentence-dots": lambda: "." * 1_000_000 + " A",
    "dates-one-line": lambda: "June 16, 2001 " * 40_000,
    "attributions": lambda: "\u201chi,\u201d he said. " * 20_000,
    "blank-lines": lambda: "x\n\n" * 60_000,
    "transcript-turns": lambda: 'MR. ROE: Yes, "we do," I said.\n\nQ: Why?\n\n' * 40_000,
    "names-and-pronouns": lambda: "Ann Lee met Bob Kay. She said he left. " * 40_000,
    "offices": lambda: "Dr. Ann Lee, the curator, spoke. The curator said so. " * 30_000,
    "ages": lambda: 'Ann Lee, 45, spoke. "Yes," the 45-year-old said. ' * 30_000,
    "signed-paragraphs": lambda: "We sail at dawn.\n\nCaptain Ann Lee\n\n" * 40_000,
    "year-less-then-later": lambda: "It fell on March 3. Three years later it rose. " * 40_000,
    "colon-paragraphs": lambda: "Ann Lee said:\n\nThe quay stays open for all.\n\n" * 40_000,
    "quotes-after-dates": lambda: 'Lee left on May 3, 1990. "Go," Lee said. ' * 40_000,
    "inline-caps-turns": lambda: "REED: Where were you born? VOSS: In Bergen. " * 25_000,
    "inline-papers-turns": lambda: "The Mayor. Welcome. Capt. Ann Lee. Yes. " * 25_000,
    "run-on-timeline": lambda: "1850 January 29: A bill. February 1: He died. " * 25_000,
    "colons-after-numbers": lambda: "Ab 1850: x. May 1: y: z 1851 May 2: " * 25_000,
    "dashes-after-numbers": lambda: "Ab 1850 - x. May 1 - y - 2 z 1851 May 2 - " * 25_000,
    "run-in-dated-lines": lambda: "3 March 1901 The quay was\nbuilt by the town. |\n" * 30_000,
    "capitalised-sentences": lambda: "So. Ab Cd Ef Gh Ij Kl Mn Op Qr St Uv. " * 30_000,
    "dashed-digits-line": lambda: "1-" * 200_000,
}


@pytest.mark.parametrize("make", list(PATHOLOGICAL.values()), ids=list(PATHOLOGICAL))
def test_pathological_input_completes(make: Callable[[], str]) -> None:
    """Megabyte-scale pathological input parses cleanly (quadratic work would not finish)."""
    text = make()
    check(text, parse_document(text, "pathological.txt"))


@pytest.mark.parametrize(
    ("line", "iso"),
    [("25/03/2019", "2019-03-25"), ("03/25/2019", "2019-03-25"), ("03/04/2019", None)],
)
def test_slashed_date_on_a_line_of_its_own(line: str, iso: str | None) -> None:
    """A slashed date alone on a line ("Release Date:" above it) is read when a day over
    12 tells its order, and left undated when it does not; it never stops the parse."""
    text = f"Council notes\n\nRelease Date:\n{line}\n\nThe new hall opened to all.\n"
    doc = parse_document(text, "notes.txt")
    assert (doc.published.iso() if doc.published else None) == iso
