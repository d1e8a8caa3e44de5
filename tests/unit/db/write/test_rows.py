"""document_rows() gives exactly the rows of the plain per-row code it replaced."""

from __future__ import annotations

import pathlib
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from db import schema
from db.ingest import parse_document, read_source
from db.records import (
    EventRecord,
    ParsedDocument,
    PartialDate,
    PersonRecord,
    QuoteRecord,
    Span,
)
from db.text import fold, folded_topic_words, name_key
from db.write import rows as rows_module
from db.write.rows import DocumentRows, PendingWrites, document_rows, pack_rows, unpack_rows
from tests.paths import PROJECT_SEEDS
from tests.stores import write_store

SEEDS = PROJECT_SEEDS


def _reference_rows(document: ParsedDocument) -> DocumentRows:
    """document_rows() as it was: a setdefault, a date format and a Counter per row."""
    names: dict[str, int] = {}
    for person in document.people:
        names.setdefault(person.canonical, len(names))
    for event in document.events:
        for name in event.people:
            names.setdefault(name, len(names))
    for quote in document.quotes:
        if quote.speaker:
            names.setdefault(quote.speaker, len(names))
    rows = DocumentRows(
        title=document.title,
        published=document.published.iso() if document.published else None,
        people=len(document.people),
        names=list(names),
        aliases=[],
        events=[],
        event_people=[],
        event_search=[],
        quotes=[],
        quote_speakers=[],
        quote_search=[],
        vocabulary={},
        warnings=list(document.warnings),
    )
    for person in document.people:
        for name in sorted({person.canonical, *person.aliases}):  # sorted: see _alias_rows
            norm = name_key(name)
            if norm:
                rows.aliases.append((names[person.canonical], name, norm))
    for event in document.events:
        date = event.date
        year, month, day = date.sort_key()
        rows.events.append(
            (
                date.iso(),
                date.precision,
                date.year,
                date.month,
                date.day,
                year * 10_000 + month * 100 + day,
                event.title,
                event.summary,
                event.span.start,
                event.span.end,
                _salience(document, event),
            )
        )
        rows.event_people.append([names[name] for name in event.people])
        rows.event_search.append(
            (fold(event.title), fold(event.summary), fold(" ".join(event.people)))
        )
    counts: Counter[str] = Counter()
    for index, quote in enumerate(document.quotes):
        qd = quote.date
        columns = (None, None, None, None, None) if qd is None else _columns(qd)
        rows.quotes.append(
            (
                quote.text,
                *columns,
                quote.context,
                int(quote.fragment),
                quote.span.start,
                quote.span.end,
            )
        )
        rows.quote_speakers.append(names[quote.speaker] if quote.speaker else -1)
        if quote.fragment or not quote.speaker:
            continue
        folded = fold(quote.text)
        counts.update(folded_topic_words(folded))
        rows.quote_search.append((index, folded, fold(quote.context or "")))
    rows.vocabulary = dict(counts)
    return rows


def _salience(document: ParsedDocument, event: EventRecord) -> int:
    """Heading 3, plus quotes said on its day or month (up to 2), plus people (up to 2)."""
    quotes = 0
    if event.date.precision in ("day", "month"):
        quotes = sum(
            1 for q in document.quotes if q.date == event.date and not q.fragment and q.speaker
        )
    return 3 * event.heading + min(quotes, 2) + min(len(set(event.people)), 2)


def _columns(date: PartialDate) -> tuple[str, str, int | None, int | None, int | None]:
    return (date.iso(), date.precision, date.year, date.month, date.day)


def _same(document: ParsedDocument) -> None:
    got, expected = document_rows(document), _reference_rows(document)
    assert got == expected
    # The same types too: a bool or a Counter would compare equal but be stored differently.
    assert type(got.vocabulary) is dict
    assert [[type(v) for v in row] for row in got.quotes + got.events] == [
        [type(v) for v in row] for row in expected.quotes + expected.events
    ]
    # What a parse worker sends the writer comes back the same, types included.
    sent = unpack_rows(pack_rows(got))
    assert sent == got
    assert repr(sent) == repr(got)


@pytest.mark.parametrize("path", sorted(SEEDS.iterdir()), ids=lambda p: p.name)
def test_seed_rows(path: pathlib.Path) -> None:
    """The seed documents' rows are unchanged."""
    _same(parse_document(read_source(path), path.name))


_DATES = [
    PartialDate(2001, 6, 16, "day"),
    PartialDate(2001, 6, None, "month"),
    PartialDate(1954, None, None, "year"),
    PartialDate(None, 9, 11, "month-day"),
    PartialDate(-44, 3, 15, "day"),
]
_NAMES = ["Vladimir Putin", "Putin", "Putin's", "O'Neill", "'", "123", "", "José Ángel", "x"]
_TEXTS = [
    "",
    "It's the bosses' rock'n'roll, said Russia's leader",
    "Putin\u2019s \u201cwar\u201d \u2014 the 2001 war",
    "naïve café",
    "the and of",
    "Sanctions, sanctions and more sanctions",
]

_date = (
    st.none()
    | st.sampled_from(_DATES)
    | st.sampled_from(_DATES).map(
        lambda d: PartialDate(d.year, d.month, d.day, d.precision)  # equal, not the same object
    )
)
_span = st.builds(Span, st.integers(0, 99), st.integers(0, 99))
_quote = st.builds(
    QuoteRecord,
    speaker=st.none() | st.sampled_from(_NAMES),
    text=st.sampled_from(_TEXTS),
    date=_date,
    context=st.none() | st.sampled_from(_TEXTS),
    fragment=st.booleans(),
    span=_span,
)
_event = st.builds(
    EventRecord,
    date=st.sampled_from(_DATES),
    title=st.sampled_from(_TEXTS),
    summary=st.sampled_from(_TEXTS),
    people=st.lists(st.sampled_from(_NAMES), max_size=3),
    span=_span,
    heading=st.booleans(),
)
_person = st.builds(
    PersonRecord, st.sampled_from(_NAMES), st.sets(st.sampled_from(_NAMES), max_size=4)
)
_document = st.builds(
    ParsedDocument,
    title=st.sampled_from(_TEXTS),
    published=st.none() | st.sampled_from(_DATES),
    people=st.lists(_person, max_size=4),
    events=st.lists(_event, max_size=4),
    quotes=st.lists(_quote, max_size=8),
    warnings=st.lists(st.sampled_from(_TEXTS), max_size=2),
)


@settings(max_examples=400, deadline=None)
@given(_document)
def test_rows_of_arbitrary_documents(document: ParsedDocument) -> None:
    """Shared and repeated dates, unnamed speakers, fragments, names without a norm."""
    _same(document)


def test_quotes_sharing_a_date_run() -> None:
    """Runs of one date object, None between them, and an equal date that is another object."""
    day, month = _DATES[0], _DATES[1]
    dates = [day, day, None, None, day, month, PartialDate(2001, 6, None, "month"), None, day]
    quotes = [
        QuoteRecord(None, f"quote {i}", d, None, False, Span(i, i + 1)) for i, d in enumerate(dates)
    ]
    document = ParsedDocument("t", None, [], [], quotes)
    _same(document)
    assert [row[1] for row in document_rows(document).quotes] == [
        None if d is None else d.iso() for d in dates
    ]


def test_name_keys_stay_bounded() -> None:
    """The remembered name keys are forgotten past their limit, and stay right."""
    people = [PersonRecord(f"Person {n:05d}x", {f"P{n}x's"}) for n in range(12_000)]
    document = ParsedDocument("t", None, people, [], [])
    _same(document)
    _same(document)  # now from the remembered keys
    assert len(rows_module._NAME_KEYS) <= rows_module._NAME_KEYS.limit


def test_pending_writes_merge_adds_counts() -> None:
    """merge() sums vocabulary counts (negative ones too) and appends search rows."""
    batch = PendingWrites()
    batch.vocabulary.update({"tea": 2, "war": 1})
    batch.quotes_fts.append((1, "a", "", ""))
    document = PendingWrites()
    document.vocabulary.update({"war": 3, "peace": 1})
    document.vocabulary.subtract({"tea": 2})
    document.quotes_fts.append((2, "b", "", ""))
    document.events_fts.append((5, "t", "s", "p"))
    batch.merge(document)
    assert batch.vocabulary == Counter({"tea": 0, "war": 4, "peace": 1})
    assert batch.quotes_fts == [(1, "a", "", ""), (2, "b", "", "")]
    assert batch.events_fts == [(5, "t", "s", "p")]


def test_migration_scores_an_existing_store(tmp_path: Path) -> None:
    """An older store gets salience from its quotes and people; headings count 0."""
    conn = sqlite3.connect(tmp_path / "old.sqlite3", isolation_level=None)
    try:
        schema.configure(conn)
        schema.migrate(conn, schema.CONTENT_SCHEMA, upto=6)
        conn.execute(
            "INSERT INTO documents (id, path, title, sha256, bytes, ingested_at)"
            " VALUES (1, 'a.txt', 'A', 'x', 1, '2026-01-01')"
        )
        conn.executemany("INSERT INTO people (id, name) VALUES (?, ?)", [(1, "A"), (2, "B")])
        for event_id, iso in [(1, "2001-06-16"), (2, "2001-06-17"), (3, "2001")]:
            year, *rest = (int(x) for x in iso.split("-"))
            month, day = [*rest, 0, 0][:2]
            conn.execute(
                "INSERT INTO events (id, document_id, date, precision, year, month, day,"
                " sort_key, title, summary, span_start, span_end)"
                " VALUES (?, 1, ?, ?, ?, ?, ?, ?, 't', 's', 0, 1)",
                (
                    event_id,
                    iso,
                    "day" if day else "year",
                    year,
                    month or None,
                    day or None,
                    year * 10_000 + month * 100 + day,
                ),
            )
        conn.executemany(
            "INSERT INTO event_people (event_id, person_id) VALUES (?, ?)",
            [(1, 1), (2, 1), (2, 2)],
        )
        for text, speaker, fragment in [("a", 1, 0), ("b", 2, 0), ("c", 1, 0), ("d", 1, 1)]:
            conn.execute(
                "INSERT INTO quotes (document_id, speaker_id, text, date, precision, year,"
                " month, day, fragment, span_start, span_end)"
                " VALUES (1, ?, ?, '2001-06-16', 'day', 2001, 6, 16, ?, 0, 1)",
                (speaker, text, fragment),
            )
        schema.migrate(conn, schema.CONTENT_SCHEMA)
        found = dict(conn.execute("SELECT id, salience FROM events"))
        assert found == {1: 2 + 1, 2: 2, 3: 0}
    finally:
        conn.close()


def test_salience_is_stored_at_ingest(tmp_path: Path) -> None:
    """A heading with a quote of its day and two people scores 3 + 1 + 2."""
    day = PartialDate(2001, 6, 16, "day")
    quote = QuoteRecord("Ann Lee", "We agreed.", day, None, False, Span(0, 1))
    document = ParsedDocument(
        "A",
        None,
        [],
        [
            EventRecord(day, "Summit", "Summit.", ["Ann Lee", "Bo Li"], Span(0, 1), heading=True),
            EventRecord(day, "Aside", "Aside.", [], Span(0, 1)),
        ],
        [quote],
    )
    path = write_store(tmp_path / "s.sqlite3", [("texts/a.txt", document)])
    conn = sqlite3.connect(path)
    try:
        assert [r[0] for r in conn.execute("SELECT salience FROM events ORDER BY id")] == [6, 1]
    finally:
        conn.close()
