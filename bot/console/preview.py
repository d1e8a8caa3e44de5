"""`almanac preview FILE`: exactly what a text yields, without writing anything, so a
curator can check a text before adding it.

The reading is db.write.preview's (also behind `/sources add`); this module words it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.answers.formatting import human_date, plural
from db.records import ParsedDocument
from db.write.preview import PreviewError, preview
from db.write.preview import served as is_served

__all__ = ["PreviewError", "preview", "preview_json", "preview_text"]


def preview_text(path: Path, document: ParsedDocument) -> str:
    """The preview as lines for a person: the source, its events, its quotes, warnings."""
    lines = [f"File: {path}", f"Title: {document.title}"]
    for label, value in (
        ("URL", document.url),
        ("Published", human_date(document.published) if document.published else None),
        ("Author", document.author),
        ("Site", document.site),
    ):
        if value:
            lines.append(f"{label}: {value}")
    lines.append(f"{plural(len(document.events), 'dated event')}:")
    lines += [f"• {human_date(e.date)}: {e.title}" for e in document.events]
    served = [q for q in document.quotes if is_served(q)]
    others = len(document.quotes) - len(served)
    lines.append(f"{plural(len(served), 'quote')} with a named speaker:")
    for quote in served:
        when = f", {human_date(quote.date)}" if quote.date else ""
        lines.append(f"• “{quote.text}” — {quote.speaker}{when}")
    if others:
        lines.append(
            f"({plural(others, 'other quote')}: scare quotes or no named speaker, never served)"
        )
    lines += [f"warning: {w}" for w in document.warnings]
    return "\n".join(lines)


def preview_json(path: Path, document: ParsedDocument) -> dict[str, Any]:
    """The preview in the shape of the export's documents, events and quotes."""
    return {
        "file": str(path),
        "title": document.title,
        "url": document.url,
        "published": document.published.iso() if document.published else None,
        "author": document.author,
        "site": document.site,
        "events": [
            {
                "date": e.date.iso(),
                "precision": e.date.precision,
                "title": e.title,
                "summary": e.summary,
                "people": e.people,
            }
            for e in document.events
        ],
        "quotes": [
            {
                "speaker": q.speaker,
                "text": q.text,
                "date": q.date.iso() if q.date else None,
                "precision": q.date.precision if q.date else None,
                "context": q.context,
                "fragment": q.fragment,
                "served": is_served(q),
            }
            for q in document.quotes
        ],
        "warnings": document.warnings,
    }
