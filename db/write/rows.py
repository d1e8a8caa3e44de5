"""How one parsed document becomes rows: documents, people, aliases, events,
quotes, their search entries and vocabulary counts, and how it is removed again.

A handful of statements per document rather than per row. The row values are
made by document_rows(), a pure function the parse workers run, so the single
writer only adds the ids the store assigns. The writer decides which documents
go in which transaction; this module only writes rows.
"""

from __future__ import annotations

import marshal
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Final

from db.memo import BoundedMemo
from db.records import (
    TIMELINE_KEY_STEP,
    ParsedDocument,
    PartialDate,
    event_salience,
    timeline_key,
)
from db.text import fold, folded_topic_words, name_key, topic_words


@dataclass(slots=True)
class PendingWrites:
    """Writes that can wait for the end of a batch: vocabulary counts and search rows.

    FTS5 flushes its pending index data at every savepoint release, so search rows
    inserted per document cost a segment each; written per batch (in the same
    transaction, before COMMIT) they cost one. Only stored documents' writes are
    kept (a document's own PendingWrites is merged after its savepoint is released).
    """

    vocabulary: Counter[str] = field(default_factory=Counter)
    quotes_fts: list[tuple[int, str, str, str]] = field(default_factory=list)
    events_fts: list[tuple[int, str, str, str]] = field(default_factory=list)
    # Not a write: the ids of people looked up in the store (name -> id). Valid for
    # the rest of the transaction (ingest deletes people only after its last batch),
    # so the batch's later documents look up only the names it has not met yet.
    people: dict[str, int] = field(default_factory=dict)

    def merge(self, other: PendingWrites) -> None:
        """Add another document's deferred writes to these."""
        # Not Counter.update: into a non-empty Counter that is a loop in Python.
        vocabulary = self.vocabulary
        for word, n in other.vocabulary.items():
            vocabulary[word] = vocabulary.get(word, 0) + n
        self.quotes_fts += other.quotes_fts
        self.events_fts += other.events_fts
        self.people.update(other.people)

    def write_search(self, conn: sqlite3.Connection) -> None:
        """Insert the pending search rows (before anything may delete them)."""
        if self.events_fts:
            # In rowid order: FTS5 flushes its pending index at every rowid lower than the
            # last, and these rowids are timeline keys (date order), not document order.
            self.events_fts.sort()
            conn.executemany(
                "INSERT INTO events_fts (rowid, title, summary, people) VALUES (?, ?, ?, ?)",
                self.events_fts,
            )
            self.events_fts = []
        if self.quotes_fts:
            conn.executemany(
                "INSERT INTO quotes_fts (rowid, text, context, speaker) VALUES (?, ?, ?, ?)",
                self.quotes_fts,
            )
            self.quotes_fts = []

    def write(self, conn: sqlite3.Connection) -> None:
        """Write everything pending and forget it."""
        self.write_search(conn)
        _write_vocabulary(conn, self.vocabulary)
        self.vocabulary = Counter()


EventRow = tuple[str, str, int | None, int | None, int | None, int, str, str, int, int, int]
QuoteRow = tuple[
    str, str | None, str | None, int | None, int | None, int | None, str | None, int, int, int
]


@dataclass(slots=True)
class DocumentRows:
    """One parsed document as the values of its rows, minus the ids only the store knows.

    Built by document_rows() in the parse worker, so the single writer process only
    adds ids and runs executemany: folding text, counting topic words, normalising
    names and formatting dates happen in parallel, and plain tuples are cheaper to
    send between processes than the records they come from. People are referred
    to by their index in names.
    """

    title: str
    published: str | None
    people: int  # people the document lists (for the report)
    names: list[str]  # every person named: people list, event people, speakers
    aliases: list[tuple[int, str, str]]  # (name index, alias, norm)
    events: list[EventRow]  # date .. span_end, salience, as in the events table
    event_people: list[list[int]]  # per event: name indexes
    event_search: list[tuple[str, str, str]]  # per event: folded title, summary, people
    quotes: list[QuoteRow]  # text .. span_end, as in the quotes table
    quote_speakers: list[int]  # per quote: name index, -1 when unknown
    quote_search: list[tuple[int, str, str]]  # (index, folded text, context) of served quotes
    vocabulary: dict[str, int]  # topic words of the non-fragment quotes: in how many
    warnings: list[str]
    url: str | None = None  # what the source says about itself (see ParsedDocument)
    author: str | None = None
    site: str | None = None


def pack_rows(rows: DocumentRows) -> bytes:
    """DocumentRows as bytes to send to the writer process (see unpack_rows).

    marshal of plain tuples, lists and dicts: a parse worker and the writer run
    the same interpreter, and this costs less than pickling the class both ways.
    """
    return marshal.dumps(
        (
            rows.title,
            rows.published,
            rows.people,
            rows.names,
            rows.aliases,
            rows.events,
            rows.event_people,
            rows.event_search,
            rows.quotes,
            rows.quote_speakers,
            rows.quote_search,
            rows.vocabulary,
            rows.warnings,
            rows.url,
            rows.author,
            rows.site,
        )
    )


def unpack_rows(data: bytes) -> DocumentRows:
    """The DocumentRows that pack_rows() made these bytes of (its fields, in order)."""
    return DocumentRows(*marshal.loads(data))


def document_rows(document: ParsedDocument) -> DocumentRows:
    """The row values of a parsed document (pure: no store needed)."""
    names: dict[str, int] = {}  # name -> index, in the order the rows were always inserted
    for person in document.people:
        names.setdefault(person.canonical, len(names))
    for event in document.events:
        for name in event.people:
            if name not in names:  # most are: cheaper than setdefault(name, len(names))
                names[name] = len(names)
    for quote in document.quotes:
        speaker = quote.speaker
        if speaker and speaker not in names:
            names[speaker] = len(names)
    rows = DocumentRows(
        title=document.title,
        published=document.published.iso() if document.published else None,
        people=len(document.people),
        names=list(names),
        aliases=_alias_rows(document, names),
        events=[],
        event_people=[],
        event_search=[],
        quotes=[],
        quote_speakers=[],
        quote_search=[],
        vocabulary={},
        warnings=list(document.warnings),
        url=document.url,
        author=document.author,
        site=document.site,
    )
    _event_rows(document, names, rows)
    _quote_rows(document, names, rows)
    return rows


def _alias_rows(document: ParsedDocument, names: dict[str, int]) -> list[tuple[int, str, str]]:
    """(name index, alias, norm) of every name each person goes by that has a norm.

    A person's names come in sorted order, so the rows (and the aliases' rowids) are
    the same whatever order their set iterates in: every hash seed, every build.
    """
    aliases: list[tuple[int, str, str]] = []
    for person in document.people:
        index = names[person.canonical]
        for name in sorted({person.canonical, *person.aliases}):
            norm = _name_key(name)
            if norm:
                aliases.append((index, name, norm))
    return aliases


def _name_key(name: str) -> str:
    """name_key(), remembered: the same people recur across the documents a worker parses."""
    return _NAME_KEYS[name]


_NAME_KEYS: Final = BoundedMemo(name_key, 20_000)


def _quoted_dates(document: ParsedDocument) -> Counter[str]:
    """Served quotes per ISO date, of those dated to a day or a month."""
    return Counter(
        q.date.iso()
        for q in document.quotes
        if q.served and q.date is not None and q.date.precision in ("day", "month")
    )


def _event_rows(document: ParsedDocument, names: dict[str, int], rows: DocumentRows) -> None:
    quoted = _quoted_dates(document)
    for event in document.events:
        date = event.date
        year, month, day = date.year, date.month, date.day
        sort_key = (year or 0) * 10_000 + (month or 0) * 100 + (day or 0)  # date.sort_key()
        span = event.span
        iso = date.iso()
        quotes = quoted.get(iso, 0) if date.precision in ("day", "month") else 0
        rows.events.append(
            (
                iso,
                date.precision,
                year,
                month,
                day,
                sort_key,
                event.title,
                event.summary,
                span.start,
                span.end,
                event_salience(event.heading, quotes, len(set(event.people))),
            )
        )
        rows.event_people.append([names[name] for name in event.people])
        rows.event_search.append(
            (fold(event.title), fold(event.summary), fold(" ".join(event.people)))
        )


def _quote_rows(document: ParsedDocument, names: dict[str, int], rows: DocumentRows) -> None:
    """The quotes' rows, search rows and vocabulary counts.

    Consecutive quotes mostly share one date object (the dateline they follow), so
    its columns are made once per run of them. The topic words of all quotes are
    counted at the end, in one pass in C.
    """
    words: list[str] = []
    quotes, speakers, search = rows.quotes, rows.quote_speakers, rows.quote_search
    last_date: PartialDate | None = None
    iso, precision, year, month, day = _date_columns(None)
    for index, quote in enumerate(document.quotes):
        date = quote.date
        if date is not last_date:
            last_date = date
            iso, precision, year, month, day = _date_columns(date)
        text, context, span = quote.text, quote.context, quote.span
        quotes.append(
            (
                text,
                iso,
                precision,
                year,
                month,
                day,
                context,
                int(quote.fragment),
                span.start,
                span.end,
            )
        )
        speaker = quote.speaker
        speakers.append(names[speaker] if speaker else -1)
        if not quote.served:  # no search row: no answer serves it
            continue
        folded = fold(text)  # once, for the search row and the vocabulary
        words += folded_topic_words(folded)
        search.append((index, folded, fold(context) if context else ""))
    rows.vocabulary = dict(Counter(words))


def _date_columns(
    date: PartialDate | None,
) -> tuple[str | None, str | None, int | None, int | None, int | None]:
    if date is None:
        return (None, None, None, None, None)
    return (date.iso(), date.precision, date.year, date.month, date.day)


def delete_document(
    conn: sqlite3.Connection, document_id: int, deferred: PendingWrites | None = None
) -> None:
    """Remove a document's rows, its search entries and its vocabulary counts.

    Every row is deleted explicitly, so this works alike with foreign keys on or off.

    With deferred given, the counts to remove are subtracted from its vocabulary
    instead of from the table (the caller writes them). Its search rows must
    already be written.
    """
    quotes = conn.execute(
        "SELECT id, text FROM quotes WHERE document_id = ? AND fragment = 0", (document_id,)
    ).fetchall()
    counts: Counter[str] = Counter()
    for _, text in quotes:
        counts.update(topic_words(text))
    if deferred is None:
        _write_vocabulary(conn, Counter({word: -n for word, n in counts.items()}))
    else:
        deferred.vocabulary.subtract(counts)
    conn.executemany("DELETE FROM quotes_fts WHERE rowid = ?", [(q[0],) for q in quotes])
    conn.execute(
        "DELETE FROM events_fts WHERE rowid IN (SELECT sort_key * ? + id FROM events"
        " WHERE document_id = ? AND year IS NOT NULL)",
        (TIMELINE_KEY_STEP, document_id),
    )
    # Child rows one by one, not by ON DELETE CASCADE: ingest turns foreign keys off.
    for sql in _DELETE_CHILDREN:
        conn.execute(sql, (document_id,))
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))


_DELETE_CHILDREN = (
    "DELETE FROM event_people WHERE event_id IN (SELECT id FROM events WHERE document_id = ?)",
    "DELETE FROM events WHERE document_id = ?",
    "DELETE FROM quotes WHERE document_id = ?",
    "DELETE FROM aliases WHERE document_id = ?",
)


def insert_document(
    conn: sqlite3.Connection,
    key: str,
    sha256: str,
    size: int,
    document: ParsedDocument | DocumentRows,
    deferred: PendingWrites | None = None,
    known_people: dict[str, int] | None = None,
) -> int:
    """Insert one document and everything extracted from it.

    A handful of statements per document, not per row: people are inserted and
    looked up together, and events and quotes get their ids up front (what SQLite
    would give them: one more than the largest) so their people and search rows
    go in with executemany. With deferred given, the search rows and the quotes'
    words are added to it instead of to the tables (the caller writes them), and
    so are the ids of the people it looked up; known_people are ids looked up
    earlier in the same transaction, not looked up again.
    The row values come ready-made (DocumentRows, built in the parse worker), or
    are made here from a ParsedDocument.
    """
    rows = document if isinstance(document, DocumentRows) else document_rows(document)
    now = datetime.now(UTC).isoformat(timespec="seconds")
    cursor = conn.execute(
        "INSERT INTO documents (path, title, sha256, published, bytes, ingested_at, url, author,"
        " site) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (key, rows.title, sha256, rows.published, size, now, rows.url, rows.author, rows.site),
    )
    document_id = int(cursor.lastrowid or 0)
    own = PendingWrites() if deferred is None else deferred
    person_ids = _insert_people(conn, document_id, rows, known_people or {}, own.people)
    last_event, last_quote = conn.execute(
        "SELECT (SELECT max(id) FROM events), (SELECT max(id) FROM quotes)"
    ).fetchone()
    _insert_events(conn, document_id, rows, person_ids, int(last_event or 0) + 1, own)
    _insert_quotes(conn, document_id, rows, person_ids, int(last_quote or 0) + 1, own)
    if deferred is None:
        own.write(conn)
    return document_id


def _insert_people(
    conn: sqlite3.Connection,
    document_id: int,
    rows: DocumentRows,
    known: dict[str, int],
    found: dict[str, int],
) -> list[int]:
    """Store every person the document names; their ids, in the order of rows.names.

    Names in known (stored people) are neither inserted nor looked up; the ids of
    the others are added to found.
    """
    if not rows.names:
        return []
    ids: dict[str, int] = {}
    missing: list[str] = []
    for name in rows.names:
        person_id = known.get(name)
        if person_id is None:
            missing.append(name)
        else:
            ids[name] = person_id
    if missing:  # in the order of rows.names: new people get the same ids as ever
        conn.executemany("INSERT OR IGNORE INTO people (name) VALUES (?)", [(n,) for n in missing])
        for start in range(0, len(missing), _IN_CHUNK):
            chunk = missing[start : start + _IN_CHUNK]
            marks = ",".join("?" * len(chunk))
            for name, person_id in conn.execute(
                f"SELECT name, id FROM people WHERE name IN ({marks})", chunk
            ):
                ids[name] = found[name] = person_id
    person_ids = [ids[name] for name in rows.names]
    conn.executemany(
        "INSERT OR IGNORE INTO aliases (person_id, document_id, alias, norm) VALUES (?,?,?,?)",
        [(person_ids[i], document_id, alias, norm) for i, alias, norm in rows.aliases],
    )
    return person_ids


# Names looked up per SELECT ... IN (...): well under SQLite's variable limit.
_IN_CHUNK = 500


def _insert_events(
    conn: sqlite3.Connection,
    document_id: int,
    rows: DocumentRows,
    person_ids: list[int],
    first_id: int,
    deferred: PendingWrites,
) -> None:
    if not rows.events:
        return
    conn.executemany(
        "INSERT INTO events (id, document_id, date, precision, year, month, day, sort_key,"
        " title, summary, span_start, span_end, salience) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [(event_id, document_id, *row) for event_id, row in enumerate(rows.events, first_id)],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO event_people (event_id, person_id) VALUES (?, ?)",
        [
            (event_id, person_id)
            for event_id, people in enumerate(rows.event_people, first_id)
            for person_id in sorted({person_ids[i] for i in people})
        ],
    )
    # Only events with a year are on the timeline (and in its index).
    deferred.events_fts += [
        (timeline_key(row[5], event_id), *search)
        for event_id, row, search in zip(
            range(first_id, first_id + len(rows.events)),
            rows.events,
            rows.event_search,
            strict=True,
        )
        if row[2] is not None
    ]


def _insert_quotes(
    conn: sqlite3.Connection,
    document_id: int,
    rows: DocumentRows,
    person_ids: list[int],
    first_id: int,
    deferred: PendingWrites,
) -> None:
    """Insert the quotes; their search rows and vocabulary go to deferred."""
    if not rows.quotes:
        return
    speakers = [person_ids[i] if i >= 0 else None for i in rows.quote_speakers]
    conn.executemany(
        "INSERT INTO quotes (id, document_id, speaker_id, text, date, precision, year,"
        " month, day, context, fragment, span_start, span_end)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [
            (quote_id, document_id, speaker, *row)
            for quote_id, (speaker, row) in enumerate(
                zip(speakers, rows.quotes, strict=True), first_id
            )
        ],
    )
    deferred.quotes_fts += [
        (first_id + i, text, context, f"p{speakers[i]}" if speakers[i] is not None else "")
        for i, text, context in rows.quote_search
    ]
    deferred.vocabulary.update(rows.vocabulary)


def _write_vocabulary(conn: sqlite3.Connection, counts: Counter[str]) -> None:
    """Add signed per-word quote counts to the vocabulary; drop words left at zero."""
    changes = [(word, n) for word, n in counts.items() if n]
    if changes:
        conn.executemany(
            "INSERT INTO vocabulary (word, quotes) VALUES (?, ?)"
            " ON CONFLICT(word) DO UPDATE SET quotes = quotes + excluded.quotes",
            changes,
        )
    if any(n < 0 for n in counts.values()):  # only a removal brings a count to zero
        conn.execute("DELETE FROM vocabulary WHERE quotes <= 0")


def drop_orphan_people(conn: sqlite3.Connection) -> None:
    """People no document mentions any more (after a replace) are forgotten."""
    conn.execute(
        "DELETE FROM people WHERE id NOT IN (SELECT person_id FROM aliases)"
        " AND id NOT IN (SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL)"
        " AND id NOT IN (SELECT person_id FROM event_people)"
    )


# FTS5 keeps each index as segments: every commit adds one, and automerge merges them
# only now and then, so a store loaded in many transactions holds a dozen or more (14
# at 10^6 events), and a query opens a cursor on each segment that holds its words.
# /timeline's key moments seek 8 ranges of events_fts: 1.3 ms with 14 segments, 0.7 ms
# with one (CPU, 10^6 events). Merging an index into one segment ('optimize') rewrites
# it whole (4 s for events_fts, 1.5 s for quotes_fts at 10^6 rows), so it is done after
# a run that wrote at least SEARCH_OPTIMIZE_SHARE of the rows the store then holds (a
# first load, a large import), and small runs leave the merging to automerge.
SEARCH_INDEXES: Final = ("events_fts", "quotes_fts")
SEARCH_OPTIMIZE_SHARE: Final = 0.25


def optimize_search_after(conn: sqlite3.Connection, written_rows: int) -> bool:
    """Merge each full-text index into one segment when the run that just committed wrote
    a large share of the store (see SEARCH_OPTIMIZE_SHARE); True when it did."""
    if written_rows <= 0:
        return False
    held = conn.execute("SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM quotes)")
    if written_rows < SEARCH_OPTIMIZE_SHARE * int(held.fetchone()[0]):
        return False
    for table in SEARCH_INDEXES:  # each in a transaction of its own: the lock is held less
        conn.execute(f"INSERT INTO {table}({table}) VALUES('optimize')")
    return True
