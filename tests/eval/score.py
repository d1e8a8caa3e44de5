"""Scoring the extractor against the hand labels of tests/corpus (see LABELLING.md).

Labels are matched to what parse_document returns, one to one and in label order:
- a quote label matches the first unused extracted quote whose words contain the
  label's first words (quotation marks, case and punctuation aside);
- an event label matches the first unused extracted event with the same date at the
  same precision whose title or summary holds every one of the label's words.
Nothing here knows any text of the corpus: every figure comes from the labels.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Final

from db.ingest import parse_document
from db.records import ParsedDocument, PartialDate, QuoteRecord

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
LABELS = CORPUS / "labels.toml"
BATCHES = CORPUS / "batches.toml"
TEXTS = CORPUS / "texts"
SPLITS = ("dev", "held")

_NON_WORD = re.compile(r"[\W_]+")
_YEAR_IN_TEXT = r"(?<!\d){year}(?!\d)"


def words_of(text: str) -> str:
    """Lower-case words joined by single spaces: quote marks, case and dashes aside."""
    folded = unicodedata.normalize("NFKC", text).casefold().replace("’", "'").replace("'", "")
    return " ".join(_NON_WORD.sub(" ", folded).split())


def iso_of(date: PartialDate | None) -> str:
    """The label form of a date: YYYY-MM-DD, YYYY-MM, YYYY or --MM-DD; BC years negative."""
    if date is None:
        return ""
    if date.precision == "month-day":
        return f"--{date.month:02d}-{date.day:02d}"
    year = date.year or 0
    head = f"-{-year}" if year < 0 else f"{year:04d}" if year >= 1000 else str(year)
    if date.precision == "year":
        return head
    if date.precision == "month":
        return f"{head}-{date.month:02d}"
    return f"{head}-{date.month:02d}-{date.day:02d}"


def same_person(label: str, found: str) -> bool:
    """The same person: equal names, or one's words all among the other's (surname use)."""
    left, right = words_of(label).split(), words_of(found).split()
    if not left or not right:
        return False
    return set(left) <= set(right) or set(right) <= set(left)


@dataclass
class Tally:
    """Counts for one text or one split; figures are derived, never stored."""

    texts: int = 0
    quotes: int = 0  # labelled quotes
    quotes_found: int = 0
    quotes_as_fragment: int = 0  # found, but marked a fragment (so never served)
    speaker_right: int = 0
    speaker_wrong: int = 0
    speaker_unknown: int = 0  # labelled with a name, extracted without one
    dated_quotes: int = 0  # found quotes whose label states a date
    quote_dates_right: int = 0
    undated_quotes: int = 0  # found quotes whose label states no date
    undated_right: int = 0  # ... extracted with no date or the publication date
    extra_quotes: int = 0  # extracted non-fragment quotes that match no label
    events: int = 0
    events_found: int = 0
    extra_events: int = 0
    invented_years: int = 0
    junk: int = 0  # events or quotes made of furniture
    titles_right: int = 0
    bytes: int = 0
    notes: list[str] = field(default_factory=list)

    def add(self, other: Tally) -> None:
        """Sum another tally into this one (notes are kept per text only)."""
        for name, value in vars(other).items():
            if isinstance(value, int):
                setattr(self, name, getattr(self, name) + value)


@dataclass(frozen=True)
class LabelledText:
    """One [[text]] table of labels.toml and its text."""

    file: str
    kind: str
    split: str
    title: str
    published: str
    furniture: tuple[str, ...]
    quotes: tuple[dict[str, str], ...]
    events: tuple[dict[str, str], ...]
    text: str


def load(path: Path = LABELS, texts: Path = TEXTS) -> list[LabelledText]:
    """Every labelled text, in file order."""
    with path.open("rb") as handle:
        tables = tomllib.load(handle)["text"]
    return [
        LabelledText(
            file=t["file"],
            kind=t["kind"],
            split=t["split"],
            title=t.get("title", ""),
            published=t.get("published", ""),
            furniture=tuple(t.get("furniture", ())),
            quotes=tuple(t.get("quotes", ())),
            events=tuple(t.get("events", ())),
            text=(texts / t["file"]).read_text(encoding="utf-8"),
        )
        for t in sorted(tables, key=lambda t: t["file"])
    ]


@dataclass(frozen=True)
class Batch:
    """Texts first to last (by number), labelled together: see batches.toml."""

    first: int
    last: int
    note: str

    def holds(self, file: str) -> bool:
        """The text's number (its name's leading digits) lies in the batch."""
        return self.first <= int(file.split("_", 1)[0]) <= self.last


def load_batches(path: Path = BATCHES) -> list[Batch]:
    """The labelling batches, in order."""
    with path.open("rb") as handle:
        tables = tomllib.load(handle)["batch"]
    return [Batch(t["first"], t["last"], t.get("note", "")) for t in tables]


def _match_quotes(labelled: LabelledText, parsed: ParsedDocument, tally: Tally) -> None:
    found_words = [words_of(q.text) for q in parsed.quotes]
    used: set[int] = set()
    published = labelled.published
    for label in labelled.quotes:
        tally.quotes += 1
        start = words_of(label["start"])
        index = next(
            (i for i, w in enumerate(found_words) if i not in used and start and start in w),
            None,
        )
        if index is None:
            tally.notes.append(f"missed quote: {label['start']!r}")
            continue
        used.add(index)
        quote = parsed.quotes[index]
        if quote.fragment:
            tally.quotes_as_fragment += 1
            tally.notes.append(f"quote taken as a fragment: {label['start']!r}")
            continue
        tally.quotes_found += 1
        _score_speaker(label, quote, tally)
        _score_quote_date(label, quote, published, tally)
    for index, quote in enumerate(parsed.quotes):
        if index not in used and not quote.fragment:
            tally.extra_quotes += 1
            tally.notes.append(f"unlabelled quote: {quote.text[:60]!r} ({quote.speaker})")


def _score_speaker(label: dict[str, str], quote: QuoteRecord, tally: Tally) -> None:
    speaker = label.get("speaker", "")
    if not speaker:
        if quote.speaker is None:
            tally.speaker_right += 1
        else:
            tally.speaker_wrong += 1
            tally.notes.append(f"named {quote.speaker!r}, text names no one: {label['start']!r}")
    elif quote.speaker is None:
        tally.speaker_unknown += 1
        tally.notes.append(f"no speaker, labelled {speaker!r}: {label['start']!r}")
    elif same_person(speaker, quote.speaker):
        tally.speaker_right += 1
    else:
        tally.speaker_wrong += 1
        tally.notes.append(f"speaker {quote.speaker!r}, labelled {speaker!r}: {label['start']!r}")


def _score_quote_date(
    label: dict[str, str], quote: QuoteRecord, published: str, tally: Tally
) -> None:
    want, got = label.get("date", ""), iso_of(quote.date)
    if want:
        tally.dated_quotes += 1
        if got == want:
            tally.quote_dates_right += 1
        else:
            tally.notes.append(f"quote date {got or 'none'}, labelled {want}: {label['start']!r}")
    else:
        tally.undated_quotes += 1
        if got in ("", published):
            tally.undated_right += 1
        else:
            tally.notes.append(f"quote date {got}, labelled none: {label['start']!r}")


def _match_events(labelled: LabelledText, parsed: ParsedDocument, tally: Tally) -> None:
    found = [(iso_of(e.date), words_of(f"{e.title} {e.summary}")) for e in parsed.events]
    used: set[int] = set()
    for label in labelled.events:
        tally.events += 1
        want = words_of(label.get("words", "")).split()
        index = next(
            (
                i
                for i, (date, text) in enumerate(found)
                if i not in used and date == label["date"] and all(w in text for w in want)
            ),
            None,
        )
        if index is None:
            near = sorted({d for d, text in found if all(w in text for w in want)})[:3]
            seen = f" (found at {', '.join(near)})" if near and want else ""
            tally.notes.append(f"missed event {label['date']} {label.get('words', '')!r}{seen}")
            continue
        used.add(index)
        tally.events_found += 1
    for index, event in enumerate(parsed.events):
        if index not in used:
            tally.extra_events += 1
            tally.notes.append(f"unlabelled event {iso_of(event.date)}: {event.title[:60]!r}")


# Words that count years from the document's own date ("from last year" in a text
# published in 2025 is 2024): stated arithmetic, not an invented year.
_FROM_PUBLISHED: Final = {"last year": -1, "this year": 0, "next year": 1}


def _stated_years(labelled: LabelledText) -> set[int]:
    """Years the labels give: written in the text or following from stated arithmetic,
    including a year counted from the labelled publication date."""
    years: set[int] = set()
    if labelled.published[:4].isdecimal():
        text = labelled.text.lower()
        published = int(labelled.published[:4])
        years.update(published + step for words, step in _FROM_PUBLISHED.items() if words in text)
    for item in (*labelled.quotes, *labelled.events):
        date = item.get("date", "")
        if date and not date.startswith("--"):
            years.add(int(date[:1] + date[1:].split("-")[0]))
    return years


def _count_invented(labelled: LabelledText, parsed: ParsedDocument, tally: Tally) -> None:
    """A stored year neither written in the text nor among the labelled dates' years."""
    stated = _stated_years(labelled)
    dates = [e.date for e in parsed.events] + [q.date for q in parsed.quotes if q.date]
    for date in dates:
        year = date.year
        if year is None or year in stated:
            continue
        if re.search(_YEAR_IN_TEXT.format(year=abs(year)), labelled.text):
            continue
        tally.invented_years += 1
        tally.notes.append(f"invented year {iso_of(date)}")


def _count_junk(labelled: LabelledText, parsed: ParsedDocument, tally: Tally) -> None:
    furniture = [words_of(f) for f in labelled.furniture if words_of(f)]
    if not furniture:
        return
    pieces: Iterable[str] = (
        *(e.title for e in parsed.events),
        *(q.text for q in parsed.quotes if not q.fragment),
        parsed.title,
    )
    for piece in pieces:
        if words_of(piece) in furniture:
            tally.junk += 1
            tally.notes.append(f"furniture kept: {piece[:60]!r}")


def _title_right(labelled: LabelledText, parsed: ParsedDocument) -> bool:
    want, got = words_of(labelled.title), words_of(parsed.title.rstrip("…"))
    return bool(want) and bool(got) and (want == got or (len(got) >= 20 and want.startswith(got)))


def score_text(labelled: LabelledText) -> Tally:
    """The tally of one text."""
    parsed = parse_document(labelled.text, labelled.file)
    tally = Tally(texts=1, bytes=len(labelled.text.encode()))
    _match_quotes(labelled, parsed, tally)
    _match_events(labelled, parsed, tally)
    _count_invented(labelled, parsed, tally)
    _count_junk(labelled, parsed, tally)
    if _title_right(labelled, parsed):
        tally.titles_right = 1
    else:
        tally.notes.append(f"title {parsed.title[:70]!r}, labelled {labelled.title[:70]!r}")
    tally.notes.extend(f"warning: {w}" for w in parsed.warnings[:5])
    return tally


def score(texts: Sequence[LabelledText]) -> tuple[dict[str, Tally], dict[str, Tally]]:
    """Tallies per text and per split (plus "all")."""
    per_text = {t.file: score_text(t) for t in texts}
    per_split = {name: Tally() for name in (*SPLITS, "all")}
    for labelled in texts:
        per_split[labelled.split].add(per_text[labelled.file])
        per_split["all"].add(per_text[labelled.file])
    return per_text, per_split
