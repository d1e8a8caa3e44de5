"""Plain records passed from ingest to the store and from the store to answers.

They hold no behaviour beyond formatting, so every layer can share them without
importing anything heavier (no sqlite, no discord).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Final, Literal

Precision = Literal["day", "month", "year", "month-day"]


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date as precisely as the text stated it; an unknown year stays unknown."""

    year: int | None
    month: int | None
    day: int | None
    precision: Precision

    def iso(self) -> str:
        """ISO form: 2001-06-16, 2001-06, 2001, or --09-11 for a month-day.

        `year` counts as historians do (44 BC is -44, and there is no year zero); ISO 8601
        counts astronomically, with a year zero, as the JSON contract asks: 1 BC is 0000
        and March 15, 44 BC is -0043-03-15. It sorts right in sort_key, not as text.
        """
        if self.precision == "month-day":
            return f"--{self.month:02d}-{self.day:02d}"
        year = self.year or 0
        astronomical = year + 1 if year < 0 else year
        head = f"-{-astronomical:04d}" if astronomical < 0 else f"{astronomical:04d}"
        if self.precision == "day":
            return f"{head}-{self.month:02d}-{self.day:02d}"
        if self.precision == "month":
            return f"{head}-{self.month:02d}"
        return head

    def year_text(self) -> str:
        """The year as a reader writes it: '2001', '44 BC'; '' when it is unknown."""
        return year_text(self.year) if self.year is not None else ""

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Inverse of iso(); answers read thousands of the same few dates, so they are shared."""
        return _from_iso(text)

    @classmethod
    def _parse_iso(cls, text: str) -> PartialDate:
        if text.startswith("--"):
            month, day = text[2:].split("-")
            return cls(None, int(month), int(day), "month-day")
        sign = -1 if text.startswith("-") else 1
        parts = [int(p) for p in text.lstrip("-").split("-")]
        parts[0] *= sign
        if parts[0] <= 0:  # astronomical 0 is 1 BC, -43 is 44 BC
            parts[0] -= 1
        if len(parts) == 3:
            return cls(parts[0], parts[1], parts[2], "day")
        if len(parts) == 2:
            return cls(parts[0], parts[1], None, "month")
        return cls(parts[0], None, None, "year")

    def sort_key(self) -> tuple[int, int, int]:
        """Chronological order; unknown parts sort first within their scope."""
        return (self.year or 0, self.month or 0, self.day or 0)


# /timeline's search index (events_fts) is keyed by the timeline key, so its rowid
# order is date order and a date range is a rowid range (db/schema.sql migration 4
# writes the same sum in SQL). Event ids stay below the step: four billion events.
TIMELINE_KEY_STEP: Final = 2**32


def timeline_key(sort_key: int, event_id: int) -> int:
    """The events_fts rowid of an event: ordered by sort key, then id."""
    return sort_key * TIMELINE_KEY_STEP + event_id


def timeline_event_id(key: int) -> int:
    """The event id inside a timeline key (also of a year before Christ, a negative key)."""
    return key % TIMELINE_KEY_STEP


# What makes an event a key moment of /timeline (db/read/timeline.py), stored at ingest
# (db/write/rows.py): heading a dated
# section outweighs either of the others; quotes and people count up to a cap, so a
# list of names is not a story. db/schema.sql migration 6 computes the same in SQL.
SALIENCE_HEADING: Final = 3
SALIENCE_QUOTES_MAX: Final = 2
SALIENCE_PEOPLE_MAX: Final = 2
SALIENCE_MAX: Final = SALIENCE_HEADING + SALIENCE_QUOTES_MAX + SALIENCE_PEOPLE_MAX


def event_salience(heading: bool, quotes: int, people: int) -> int:
    """How much an event stands out: it heads a section, its day was quoted, it names people.

    quotes: served quotes its document dates on the event's day or month; people: the
    distinct people it names.
    """
    return (
        (SALIENCE_HEADING if heading else 0)
        + min(quotes, SALIENCE_QUOTES_MAX)
        + min(people, SALIENCE_PEOPLE_MAX)
    )


@dataclass(frozen=True, slots=True)
class Span:
    """Character offsets [start, end) into the document's original text."""

    start: int
    end: int


@dataclass(slots=True)
class PersonRecord:
    """A person as one document names them: canonical name and every alias used."""

    canonical: str
    aliases: set[str] = field(default_factory=set)


@dataclass(slots=True)
class EventRecord:
    """Something that happened on a (partial) date, with the people involved.

    heading: the event heads a dated section of its text (a timeline entry, a dated
    heading) rather than being mentioned in passing; it counts towards its salience.
    """

    date: PartialDate
    title: str
    summary: str
    people: list[str]
    span: Span
    heading: bool = False


@dataclass(slots=True)
class QuoteRecord:
    """Words someone said; speaker None means the text does not say who."""

    speaker: str | None
    text: str
    date: PartialDate | None
    context: str | None
    fragment: bool
    span: Span

    @property
    def served(self) -> bool:
        """Whether an answer may serve it: whole words by someone the text names.

        db.schema.SERVED_QUOTE says the same in SQL, over the stored columns.
        """
        return not self.fragment and bool(self.speaker)


@dataclass(slots=True)
class ParsedDocument:
    """Everything extracted from one source text, before it touches the store."""

    title: str
    published: PartialDate | None
    people: list[PersonRecord]
    events: list[EventRecord]
    quotes: list[QuoteRecord]
    warnings: list[str] = field(default_factory=list)
    # What the source says about itself (a saved page's metadata, a front-matter block).
    url: str | None = None
    author: str | None = None
    site: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    """The document an answer cites, with what it says about itself where it says it."""

    path: str
    title: str
    url: str | None = None
    published: PartialDate | None = None
    author: str | None = None


@dataclass(frozen=True, slots=True)
class Event:
    """A stored event, as answers use it."""

    id: int
    date: PartialDate
    title: str
    summary: str
    people: tuple[str, ...]
    source: Source


@dataclass(frozen=True, slots=True)
class Quote:
    """A stored quote, as answers use it."""

    id: int
    speaker: str | None
    text: str
    date: PartialDate | None
    context: str | None
    fragment: bool
    source: Source


@dataclass(frozen=True, slots=True)
class DocumentSummary:
    """One source document with what the store holds from it."""

    path: str
    title: str
    published: PartialDate | None
    events: int
    quotes: int
    url: str | None = None
    author: str | None = None


def year_text(year: int) -> str:
    """'2001', '79', or '44 BC' for a negative (historical) year."""
    return f"{-year} BC" if year < 0 else str(year)


@functools.lru_cache(maxsize=4096)
def _from_iso(text: str) -> PartialDate:
    """PartialDate.from_iso, cached: the dates are immutable values."""
    return PartialDate._parse_iso(text)
