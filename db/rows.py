"""How one parsed document becomes rows: documents, people, aliases, events,
quotes, their search entries and vocabulary counts, and how it is removed again.

A handful of statements per document rather than per row. The writer decides
which documents go in which transaction; this module only writes rows.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime

from db.records import ParsedDocument, PartialDate
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

    def merge(self, other: PendingWrites) -> None:
        """Add another document's deferred writes to these."""
        self.vocabulary.update(other.vocabulary)
        self.quotes_fts += other.quotes_fts
        self.events_fts += other.events_fts

    def write_search(self, conn: sqlite3.Connection) -> None:
        """Insert the pending search rows (before anything may delete them)."""
        if self.events_fts:
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


def delete_document(
    conn: sqlite3.Connection, document_id: int, deferred: PendingWrites | None = None
) -> None:
    """Remove a document's rows, its search entries and its vocabulary counts.

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
        "DELETE FROM events_fts WHERE rowid IN (SELECT id FROM events WHERE document_id = ?)",
        (document_id,),
    )
    conn.execute("DELETE FROM documents WHERE id = ?", (document_id,))


def insert_document(
    conn: sqlite3.Connection,
    key: str,
    sha256: str,
    size: int,
    document: ParsedDocument,
    deferred: PendingWrites | None = None,
) -> int:
    """Insert one parsed document and everything extracted from it.

    A handful of statements per document, not per row: people are inserted and
    looked up together, and events and quotes get their ids up front (what SQLite
    would give them: one more than the largest) so their people and search rows
    go in with executemany. With deferred given, the search rows and the quotes'
    words are added to it instead of to the tables (the caller writes them).
    """
    published = document.published.iso() if document.published else None
    now = datetime.now(UTC).isoformat(timespec="seconds")
    cursor = conn.execute(
        "INSERT INTO documents (path, title, sha256, published, bytes, ingested_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (key, document.title, sha256, published, size, now),
    )
    document_id = int(cursor.lastrowid or 0)
    person_ids = _insert_people(conn, document_id, document)
    last_event, last_quote = conn.execute(
        "SELECT (SELECT max(id) FROM events), (SELECT max(id) FROM quotes)"
    ).fetchone()
    own = PendingWrites() if deferred is None else deferred
    _insert_events(conn, document_id, document, person_ids, int(last_event or 0), own)
    _insert_quotes(conn, document_id, document, person_ids, int(last_quote or 0), own)
    if deferred is None:
        own.write(conn)
    return document_id


def _insert_people(
    conn: sqlite3.Connection, document_id: int, document: ParsedDocument
) -> dict[str, int]:
    """Every person the document names (people list, events, speakers): name -> id."""
    names: dict[str, None] = {}  # in the order the rows were always inserted
    for person in document.people:
        names[person.canonical] = None
    for event in document.events:
        for name in event.people:
            names[name] = None
    for quote in document.quotes:
        if quote.speaker:
            names[quote.speaker] = None
    if not names:
        return {}
    conn.executemany("INSERT OR IGNORE INTO people (name) VALUES (?)", [(name,) for name in names])
    ids: dict[str, int] = {}
    ordered = list(names)
    for start in range(0, len(ordered), _IN_CHUNK):
        chunk = ordered[start : start + _IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        ids.update(conn.execute(f"SELECT name, id FROM people WHERE name IN ({marks})", chunk))
    rows = []
    for person in document.people:
        person_id = ids[person.canonical]
        for name in {person.canonical, *person.aliases}:
            norm = name_key(name)
            if norm:
                rows.append((person_id, document_id, name, norm))
    conn.executemany(
        "INSERT OR IGNORE INTO aliases (person_id, document_id, alias, norm) VALUES (?,?,?,?)",
        rows,
    )
    return ids


# Names looked up per SELECT ... IN (...): well under SQLite's variable limit.
_IN_CHUNK = 500


def _date_columns(
    date: PartialDate | None,
) -> tuple[str | None, str | None, int | None, int | None, int | None]:
    if date is None:
        return (None, None, None, None, None)
    return (date.iso(), date.precision, date.year, date.month, date.day)


def _sort_key(date: PartialDate) -> int:
    year, month, day = date.sort_key()
    return year * 10_000 + month * 100 + day


def _insert_events(
    conn: sqlite3.Connection,
    document_id: int,
    document: ParsedDocument,
    ids: dict[str, int],
    last_id: int,
    deferred: PendingWrites,
) -> None:
    rows = []
    people = []
    search = deferred.events_fts
    for event_id, event in enumerate(document.events, start=last_id + 1):
        rows.append(
            (
                event_id,
                document_id,
                *_date_columns(event.date),
                _sort_key(event.date),
                event.title,
                event.summary,
                event.span.start,
                event.span.end,
            )
        )
        people += [(event_id, pid) for pid in sorted({ids[name] for name in event.people})]
        search.append(
            (event_id, fold(event.title), fold(event.summary), fold(" ".join(event.people)))
        )
    if not rows:
        return
    conn.executemany(
        "INSERT INTO events (id, document_id, date, precision, year, month, day, sort_key,"
        " title, summary, span_start, span_end) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        rows,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO event_people (event_id, person_id) VALUES (?, ?)", people
    )


def _insert_quotes(
    conn: sqlite3.Connection,
    document_id: int,
    document: ParsedDocument,
    ids: dict[str, int],
    last_id: int,
    deferred: PendingWrites,
) -> None:
    """Insert the quotes; their search rows and vocabulary go to deferred."""
    counts = deferred.vocabulary
    rows = []
    search = deferred.quotes_fts
    for quote_id, quote in enumerate(document.quotes, start=last_id + 1):
        speaker_id = ids[quote.speaker] if quote.speaker else None
        rows.append(
            (
                quote_id,
                document_id,
                speaker_id,
                quote.text,
                *_date_columns(quote.date),
                quote.context,
                int(quote.fragment),
                quote.span.start,
                quote.span.end,
            )
        )
        if quote.fragment:
            continue
        folded = fold(quote.text)  # once, for the search row and the vocabulary
        counts.update(folded_topic_words(folded))
        search.append(
            (
                quote_id,
                folded,
                fold(quote.context or ""),
                f"p{speaker_id}" if speaker_id else "",
            )
        )
    if rows:
        conn.executemany(
            "INSERT INTO quotes (id, document_id, speaker_id, text, date, precision, year,"
            " month, day, context, fragment, span_start, span_end)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            rows,
        )


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
