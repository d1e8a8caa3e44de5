"""Everything in the content store as JSON: `almanac export` (docs/DESIGN.md's contract).

The export is streamed: rows are read EXPORT_CHUNK at a time and written as they
come, so memory stays bounded at any store size (the whole-store dict of before
took 1.8 GB at 10^6 rows). The text is byte for byte what json.dump(..., indent=2,
ensure_ascii=False) writes for the same data.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Sequence
from typing import Any, TextIO

# Rows fetched from SQLite and written per step.
EXPORT_CHUNK = 1000

_Shape = Callable[[Sequence[Any]], dict[str, Any]]


def _document(row: Sequence[Any]) -> dict[str, Any]:
    path, title, published, url, author, site = row
    document = {"path": path, "title": title, "published": published}
    # Only where the source said them: an export of plain texts stays what it always was.
    known = {"url": url, "author": author, "site": site}
    document.update((key, value) for key, value in known.items() if value is not None)
    return document


def _event(row: Sequence[Any]) -> dict[str, Any]:
    date, precision, title, summary, people, path = row
    return {
        "date": date,
        "precision": precision,
        "title": title,
        "summary": summary,
        "people": sorted(people.split("\x1f")) if people else [],
        "document": path,
    }


def _quote(row: Sequence[Any]) -> dict[str, Any]:
    speaker, text, date, precision, context, fragment, path = row
    return {
        "speaker": speaker,
        "text": text,
        "date": date,
        "precision": precision,
        "context": context,
        "fragment": bool(fragment),
        "document": path,
    }


# The export's lists in order: (key, query, row -> object).
SECTIONS: tuple[tuple[str, str, _Shape], ...] = (
    (
        "documents",
        "SELECT path, title, published, url, author, site FROM documents ORDER BY path",
        _document,
    ),
    (
        "events",
        "SELECT e.date, e.precision, e.title, e.summary,"
        " (SELECT group_concat(p.name, char(31)) FROM event_people ep"
        "  JOIN people p ON p.id = ep.person_id WHERE ep.event_id = e.id), d.path"
        " FROM events e JOIN documents d ON d.id = e.document_id"
        " ORDER BY d.path, e.span_start, e.id",
        _event,
    ),
    (
        "quotes",
        "SELECT p.name, q.text, q.date, q.precision, q.context, q.fragment, d.path"
        " FROM quotes q JOIN documents d ON d.id = q.document_id"
        " LEFT JOIN people p ON p.id = q.speaker_id ORDER BY d.path, q.span_start, q.id",
        _quote,
    ),
)


def write_export(conn: sqlite3.Connection, out: TextIO) -> None:
    """Write everything in the store to out as the JSON of the export contract, with
    its final newline, a chunk of rows at a time."""
    out.write("{")
    for number, (key, query, shape) in enumerate(SECTIONS):
        out.write(f"{',' if number else ''}\n  {json.dumps(key)}: [")
        cursor = conn.execute(query)
        empty = True
        while rows := cursor.fetchmany(EXPORT_CHUNK):
            out.write(
                "".join(
                    f"{'' if empty and n == 0 else ','}\n    {_item(shape(row))}"
                    for n, row in enumerate(rows)
                )
            )
            empty = False
        out.write("]" if empty else "\n  ]")
    out.write("\n}\n")


def _item(value: dict[str, Any]) -> str:
    """One object of a list, indented as json.dump indents it two levels deep (a newline
    inside a string is escaped, so every newline here is the layout's)."""
    return json.dumps(value, ensure_ascii=False, indent=2).replace("\n", "\n    ")
