"""A quote that only its own attribution interrupts is one quote, not two. Every text
here is invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

HEAD = "Harbour reopens after storm\n\nThe harbour at Kellby reopened on Monday after a week.\n\n"


@pytest.mark.parametrize(
    "paragraph",
    [
        '"We came back early," said Tom Kell, "and found the boats afloat."',
        '"We came back early," Tom Kell said. "The boats were afloat."',
        "\u201cWe came back early,\u201d the harbour master Tom Kell told the Courier."
        " \u201cThe boats were afloat.\u201d",
        '"Why did we wait?" Tom Kell asked. "The boats were afloat all along."',
    ],
)
def test_a_quote_its_attribution_divides_is_one_quote(paragraph: str) -> None:
    doc = parse(HEAD + paragraph + "\n")
    texts = [q.text for q in doc.quotes if not q.fragment]
    assert len(texts) == 1, texts
    assert texts[0].startswith(("We came back early", "Why did we wait")), texts
    assert "afloat" in texts[0]
    assert doc.quotes[0].speaker == "Tom Kell"


@pytest.mark.parametrize(
    ("paragraph", "words"),
    [
        (
            '"We came back early," said Tom Kell, "and found the boats afloat."',
            "We came back early, and found the boats afloat.",
        ),
        (
            '"We came back early," Tom Kell said. "The boats were afloat."',
            "We came back early. The boats were afloat.",
        ),
        (
            "\u2018We came back; it was calm,\u2019 Tom Kell said. \u2018The boats held.\u2019",
            "We came back; it was calm. The boats held.",
        ),
        (
            '"Why did we wait?" Tom Kell asked. "The boats were afloat all along."',
            "Why did we wait? The boats were afloat all along.",
        ),
    ],
)
def test_the_two_parts_read_as_one_sentence_or_two(paragraph: str, words: str) -> None:
    """The comma that ended the first part inside its marks stays before words that go
    on, and was a full stop before a part that opens a sentence; never "early The"."""
    doc = parse(HEAD + paragraph + "\n")
    assert [q.text for q in doc.quotes if not q.fragment] == [words]


@pytest.mark.parametrize(
    "paragraph",
    [
        # a second speaker's words, with an attribution of their own
        '"We came back early," said Tom Kell. "The boats were afloat," said Ada Voss.',
        # a colon introduces words of their own
        '"We came back early," Tom Kell said. He added: "The boats were afloat."',
        # narration between the two parts
        '"We came back early," Tom Kell said. He walked to the quay. "The boats were afloat."',
    ],
)
def test_quotes_with_more_than_an_attribution_between_stay_apart(paragraph: str) -> None:
    doc = parse(HEAD + paragraph + "\n")
    texts = [q.text for q in doc.quotes if not q.fragment]
    assert len(texts) == 2, texts


def test_quotes_in_separate_paragraphs_stay_apart() -> None:
    doc = parse(HEAD + '"We came back early," Tom Kell said.\n\n"The boats were afloat."\n')
    assert len([q for q in doc.quotes if not q.fragment]) == 2


def test_a_hard_wrapped_quote_reads_as_one_line() -> None:
    doc = parse(HEAD + '"We came back early and found\nthe boats afloat," said Tom Kell.\n')
    assert [q.text for q in doc.quotes] == ["We came back early and found the boats afloat"]
