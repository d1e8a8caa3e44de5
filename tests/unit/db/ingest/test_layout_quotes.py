"""Quotes that a page's layout or its mark convention sets apart, as publishers write them.

Every text here is invented for the test.
"""

from __future__ import annotations

import pytest

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


SAME_MARK = """Storm ends the season early

The harbour club lost its final game on Saturday.

{c}We lost, and that is on me,{c} said coach Marta Selby. {c}The lads gave everything.{c}

Captain Jonas Riel said the team would {c}never don{a}t give up{c} on anything.

{c}Next year is ours,{c} Riel said. {c}We will train all winter on the new pitch.

{c}Then we will see who laughs in May.{c}

Club secretary Nora Vang{a}s only regret was the weather.
"""


@pytest.mark.parametrize("mark", ["\u201d", "\u201c"])
def test_one_curly_mark_at_both_ends_of_every_quote(mark: str) -> None:
    """`”We lost,” she said`: a text whose every quote opens and closes with the same
    curly mark (the closing one, or the opening one) still quotes, paragraph by
    paragraph, a quote left open going on into a paragraph that opens with the mark."""
    doc = parse(SAME_MARK.format(c=mark, a="\u2019"))
    assert quote_with(doc, "We lost, and that is on me").speaker == "Marta Selby"
    assert "Then we will see" in quote_with(doc, "We will train all winter").text


def test_one_mark_for_quotes_and_apostrophes_alike() -> None:
    """`don”t`: where the one mark stands for apostrophes too, a mark between two
    letters closes nothing, and a single opening mark elsewhere does not make single
    marks the text's quotation marks."""
    doc = parse(SAME_MARK.format(c="\u201d", a="\u201d") + "\nThe \u2018Gate\u2019 is shut.\n")
    assert quote_with(doc, "We lost, and that is on me").speaker == "Marta Selby"
    assert quote_with(doc, "never don").text.endswith("give up")
    assert "Then we will see" in quote_with(doc, "We will train all winter").text


def test_a_stray_closing_mark_among_straight_ones_opens_nothing() -> None:
    """Straight marks lead where a lone curly closing mark is a typo: it opens no quote."""
    doc = parse(
        'Club news\n\n"We lost, and that is on me," said coach Marta Selby.\n\n'
        'The 12\u201d pipe burst, he said. "It will be fixed soon," said Jonas Riel.\n'
    )
    assert quote_with(doc, "It will be fixed soon").speaker == "Jonas Riel"
    assert not [q for q in doc.quotes if "pipe burst" in q.text]


def test_a_transcripts_fields_and_its_unnamed_host_are_no_ones_quotes() -> None:
    """`Subject: storms`, `Release date: ...` over a transcript are fields of its page,
    and `HOST:` or `JOURNALIST:` names no one: none of them is a speaker's quote, and
    the named speaker's first turn is kept."""
    doc = parse(
        "Transcript: press briefing\n\nSubject: storms\n\nRelease date: 12/03/2018\n\n"
        "HOST: Good morning, and welcome to the programme.\n\n"
        "MARTA SELBY: Good morning, it is a pleasure to be here.\n\n"
        "JOURNALIST: When will the port reopen?\n\n"
        "MARTA SELBY: Not before Friday, I am afraid.\n"
    )
    assert quote_with(doc, "it is a pleasure to be here").speaker == "Marta Selby"
    assert quote_with(doc, "Not before Friday").speaker == "Marta Selby"
    assert {q.speaker for q in doc.quotes} == {"Marta Selby"}
