"""Chronologies whose years below 1000 stand bare, the era said once or not at all.

A list of rows headed by years reads "450 AD ...", then "520 ...", "610 ...": the
later rows' years are years of the same list, in its era, as its order shows.
"""

from __future__ import annotations

from db.records import ParsedDocument
from tests.unit.db.ingest.helpers import parse


def _rows(doc: ParsedDocument) -> list[tuple[int | None, str]]:
    """Each event's year and the first word of its row after the year."""
    rows = []
    for event in doc.events:
        words = [w for w in event.title.split() if not w[:1].isdecimal() and w not in ("AD", "BC")]
        rows.append((event.date.year, words[0] if words else ""))
    return rows


def test_a_row_whose_first_word_has_an_accented_capital() -> None:
    """'610 Óengus writes ...', '1130 Éamonn rebuilds ...': a capital with an accent
    opens a row's words as a plain one does."""
    doc = parse(
        "Chronology of the abbey\n\n"
        "450 AD Monks settle on the island.\n"
        "520 Scribes copy the gospels in the new hall.\n"
        "610 Óengus writes the first annals.\n"
        "1014 Raiders burn the abbey.\n"
        "1130 Éamonn rebuilds the church in stone.\n"
        "1171 Ships arrive from the south.\n"
        "1235 Winter floods reach the cloister.\n"
    )
    assert _rows(doc) == [
        (450, "Monks"),
        (520, "Scribes"),
        (610, "Óengus"),
        (1014, "Raiders"),
        (1130, "Éamonn"),
        (1171, "Ships"),
        (1235, "Winter"),
    ]


def test_a_span_whose_era_is_said_once_at_its_end() -> None:
    """'The first kings, 900 to 600 B.C.' is a time that lasted: no event in 600 BC."""
    doc = parse("Kings of the river valley\n\nThe age of the first kings, 900 to 600 B.C.\n")
    assert doc.events == []
