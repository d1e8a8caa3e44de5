"""Everything in the content store as JSON: `almanac export` (DESIGN.md's contract)."""

from __future__ import annotations

import sqlite3
from typing import Any


def export(conn: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """Everything in the store as the JSON shape of DESIGN.md's export contract."""
    documents = [
        {"path": p, "title": t, "published": pub}
        for p, t, pub in conn.execute("SELECT path, title, published FROM documents ORDER BY path")
    ]
    events = [
        {
            "date": date,
            "precision": precision,
            "title": title,
            "summary": summary,
            "people": sorted(people.split("\x1f")) if people else [],
            "document": path,
        }
        for date, precision, title, summary, people, path in conn.execute(
            "SELECT e.date, e.precision, e.title, e.summary,"
            " (SELECT group_concat(p.name, char(31)) FROM event_people ep"
            "  JOIN people p ON p.id = ep.person_id WHERE ep.event_id = e.id), d.path"
            " FROM events e JOIN documents d ON d.id = e.document_id"
            " ORDER BY d.path, e.span_start, e.id"
        )
    ]
    quotes = [
        {
            "speaker": speaker,
            "text": text,
            "date": date,
            "precision": precision,
            "context": context,
            "fragment": bool(fragment),
            "document": path,
        }
        for speaker, text, date, precision, context, fragment, path in conn.execute(
            "SELECT p.name, q.text, q.date, q.precision, q.context, q.fragment, d.path"
            " FROM quotes q JOIN documents d ON d.id = q.document_id"
            " LEFT JOIN people p ON p.id = q.speaker_id ORDER BY d.path, q.span_start, q.id"
        )
    ]
    return {"documents": documents, "events": events, "quotes": quotes}
