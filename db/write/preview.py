"""What a text yields, read exactly as ingest reads it, without writing anything, so a
curator can check a text before adding it (`almanac preview`, `/sources add`).

The file goes through the same refusals, extractor and warnings as ingest; only the
store is left out. The adapters word the result (bot/console/preview.py, Discord).
"""

from __future__ import annotations

from pathlib import Path

from db.ingest import SourceError, parse_source, read_source
from db.records import ParsedDocument, QuoteRecord
from db.write.writer import NOTHING_FOUND, collect_sources


class PreviewError(Exception):
    """The file cannot be previewed; the message is one line naming it and why."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.reason = reason


def preview(path: Path) -> ParsedDocument:
    """What ingest would store from the file; PreviewError saying why it would not."""
    if path.is_dir():
        raise PreviewError(path, "is a folder; preview takes one file")
    files, problems = collect_sources([path])
    if problems:
        raise PreviewError(path, problems[0].reason or "not a text source")
    try:
        document = parse_source(read_source(files[0]), files[0].name)
    except SourceError as exc:
        raise PreviewError(path, exc.reason) from None
    except OSError as exc:
        raise PreviewError(path, exc.strerror or str(exc)) from None
    if not document.events and not any(served(q) for q in document.quotes):
        document.warnings.append(NOTHING_FOUND)
    return document


def served(quote: QuoteRecord) -> bool:
    """A quote answers serve (db.schema.SERVED_QUOTE): whole, by a named speaker."""
    return not quote.fragment and quote.speaker is not None
