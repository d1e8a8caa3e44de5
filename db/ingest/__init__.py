"""Text -> records: the extractor that turns articles and timelines into events and quotes.

No database, network or discord here: parse_document is a pure function of the text.
"""

from db.ingest.pipeline import parse_document
from db.ingest.source import MAX_SOURCE_BYTES, SourceError, read_source

__all__ = ["MAX_SOURCE_BYTES", "SourceError", "parse_document", "read_source"]
