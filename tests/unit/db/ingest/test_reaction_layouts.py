"""Pages of quotes whose speakers stand on lines of their own, as different publishers
set them: a credit line under each quote (with or without a dash, a role after a comma
or in brackets, the name alone in brackets, the dash on a line of its own), or a name
line over the quotes it heads, with "On ...:" topic lines between. Every text is
invented."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

Q1 = "We played the perfect game against tough opponents, and we deserved it."
Q2 = "My head is still buzzing and it is difficult to judge the match yet."
Q3 = "There was only one team on the park in the first half of the game."
SAID = [(Q1, "Ann Lee"), (Q2, "Tom Reed"), (Q3, "Karl Berg")]


def _credited_page(credit: str, marks: bool) -> str:
    body = []
    for words, name in SAID:
        quote = f"\u201c{words}\u201d" if marks else words
        body.append(f"{quote}\n\n{credit.format(n=name)}")
    return "Cup quotes of the weekend\n\n" + "\n\n".join(body) + "\n"


def _speakers(text: str) -> list[tuple[str | None, str]]:
    doc = parse(text)
    return [(q.speaker, q.text) for q in doc.quotes]


@pytest.mark.parametrize("marks", [True, False], ids=["marks", "bare"])
@pytest.mark.parametrize(
    "credit",
    [
        "{n}, Mexico coach",  # a role after a comma, no dash
        "{n}, chief executive of Acme",
        "\u2014 {n}, coach",  # an em dash and a role
        "\u2013 {n} (Acme)",  # an en dash and a body in brackets
        "({n})",  # the name alone in brackets
    ],
)
def test_a_credit_under_each_quote_names_its_speaker(credit: str, marks: bool) -> None:
    found = _speakers(_credited_page(credit, marks))
    assert found == [(name, words) for words, name in SAID]


def _headed_page(head: str, topics: bool) -> str:
    body = []
    for name, quotes in (("Ann Lee", (Q1, Q2)), ("Tom Reed", (Q3,))):
        body.append(head.format(n=name))
        for words in quotes:
            if topics:
                body.append("On the defeat in the final:")
            body.append(f"\u201c{words}\u201d")
    return "Cup reaction\n\n" + "\n\n".join(body) + "\n"


@pytest.mark.parametrize("topics", [True, False], ids=["topics", "plain"])
@pytest.mark.parametrize(
    "head",
    [
        "{n}, Wanderers head coach",  # a role after a comma
        "{n}, number eight, captain",  # two of them
        "{n} (Wanderers)",  # a team in brackets
        "Wanderers coach {n}:",  # a role before the name, a colon after it
    ],
)
def test_a_name_line_heads_the_quotes_under_it(head: str, topics: bool) -> None:
    found = _speakers(_headed_page(head, topics))
    assert found == [("Ann Lee", Q1), ("Ann Lee", Q2), ("Tom Reed", Q3)]


def test_a_sentence_after_a_name_and_comma_is_no_credit() -> None:
    """`Ann Lee, who ...` under a quote is prose about her, not a credit line."""
    text = (
        "Cup quotes\n\n"
        f"\u201c{Q1}\u201d\n\n"
        "Ann Lee, who scored twice, left the ground before the end of the match.\n\n"
        f"\u201c{Q2}\u201d\n\n"
        "Tom Reed, who missed a penalty, said nothing more to the press that day.\n"
    )
    found = {words: speaker for speaker, words in _speakers(text)}
    assert found[Q1] is None


def test_a_topic_line_that_names_someone_heads_nothing() -> None:
    """`On the absence of captain Karl Berg:` names whom the quote is about, not its
    speaker: the quote stays the name line's above it."""
    text = (
        "Cup reaction\n\nAnn Lee, Wanderers head coach\n\n"
        f"On the absence of captain Karl Berg:\n\n\u201c{Q1}\u201d\n\n"
        f"Tom Reed, winger\n\nOn the match:\n\n\u201c{Q3}\u201d\n"
    )
    assert _speakers(text) == [("Ann Lee", Q1), ("Tom Reed", Q3)]


def test_a_byline_over_credited_quotes_heads_nothing() -> None:
    """A writer's line over a page whose quotes are each credited below: the name under
    the last quote shows the names sign below, and none heads the quote after it."""
    page = _credited_page("{n}, Mexico coach", marks=True)
    title, body = page.split("\n\n", 1)
    text = f"{title}\n\nJane Fox, football writer\n\n{body}"
    assert _speakers(text) == [(name, words) for words, name in SAID]


def test_captions_with_a_role_on_both_sides_head_nothing() -> None:
    """`Wanderers manager Tom Reed, pictured in May`: a caption, with a role before the
    name and more after its comma, over a quote that is not his."""
    text = (
        "Cup final report\n\nWanderers manager Tom Reed, pictured in May\n\n"
        f"\u201c{Q1}\u201d\n\nRovers captain Karl Berg, pictured last season\n\n"
        f"\u201c{Q3}\u201d\n"
    )
    assert [speaker for speaker, _ in _speakers(text)] == [None, None]
