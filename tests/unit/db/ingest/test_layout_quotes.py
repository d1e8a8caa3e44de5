"""Quotes that a page's layout or its mark convention sets apart, as publishers write them.

Every text here is invented for the test.
"""

from __future__ import annotations

from tests.unit.db.ingest.helpers import parse, quote_with

OBITUARIES = """The people we lost this year

Tomas Brandvik (1931\u20132024)

The harbour engineer built the town's first tidal gate. Brandvik died in May at 93.

His work "kept a whole town dry for fifty years," the mayor Lise Fjell said in a tribute.

Ola Hestnes (1940\u20132024)

The fisherman and writer Ola Hestnes died in June. He was 84.

"He taught us to read the sea," said his niece Nora Vang. "We will miss his stories."

Marta Selby (1950\u20132024)

The teacher Marta Selby ran the town's school for thirty years.
"""


def test_prose_that_quotes_someone_is_not_signed_by_the_next_heading() -> None:
    """A paragraph that reports a quote with its own speaker, over the next obituary's
    name line with life dates: the name heads the next entry and signs nothing, whether
    the paragraph opens with prose or with the quote and its speech verb."""
    doc = parse(OBITUARIES)
    assert quote_with(doc, "kept a whole town dry").speaker == "Lise Fjell"
    assert quote_with(doc, "He taught us to read the sea").speaker == "Nora Vang"
    assert not [q for q in doc.quotes if q.speaker in ("Ola Hestnes", "Marta Selby")]


def test_a_quoted_block_is_still_signed_by_the_name_under_it() -> None:
    """A paragraph wrapped in marks as a whole, or opened by one that runs on, with a
    name line under it: a block quote, that person's words."""
    doc = parse(
        "Words for the harbour\n\n"
        '"The sea gives and the sea takes, and we build the walls in between."\n\n'
        "Tomas Brandvik (1931\u20132024)\n\n"
        '"A town is only as dry as its oldest gate, and ours is older than me.\n\n'
        "Lise Fjell\n"
    )
    assert quote_with(doc, "The sea gives and the sea takes").speaker == "Tomas Brandvik"
    assert quote_with(doc, "A town is only as dry").speaker == "Lise Fjell"
