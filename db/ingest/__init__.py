"""Text -> records: the extractor that turns articles and timelines into events and quotes.

No database, network or discord here: parse_document is a pure function of the text.
"""

# Before any submodule is imported: use the compiled (mypyc) ingest modules when
# build/native holds a build of exactly these sources (see db/native).
from db.native import activate_package

activate_package(__path__, __name__)

from db.ingest.formats import parse_source  # noqa: E402
from db.ingest.pipeline import parse_document  # noqa: E402
from db.ingest.source import (  # noqa: E402
    MAX_SOURCE_BYTES,
    SOURCE_SUFFIXES,
    SourceError,
    read_source,
)

__all__ = [
    "MAX_SOURCE_BYTES",
    "SOURCE_SUFFIXES",
    "SourceError",
    "parse_document",
    "parse_source",
    "read_source",
]
