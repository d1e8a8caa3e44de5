"""A headline a saved page glued onto its text's first words is the title, not the
whole run-on sentence (invented pages)."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse

_STANDFIRST = "The harbour trust opened the old quay to fishing boats again on Monday, a week after"
_MORE = (
    "Mara Quell, who chairs the trust, thanked the divers who mended the wall through "
    "the cold weeks of the storm and the long nights after it.\n"
)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # a listing's snippet: the headline run into the standfirst that stands below
        (
            f"Quay reopens after the storm {_STANDFIRST} the storm.\n\n"
            f"{_STANDFIRST} the storm.\n\n{_MORE}",
            "Quay reopens after the storm",
        ),
        # a heading glued to the line under it where the line break was lost
        (
            "Harbour Trust: Annual Notes, 1998Mara Quell, EditorA publication of the Harbour "
            "Trust, Port Town. Notes on this publication may be had from the trust office "
            f"on the quay in Port Town.\n\n{_MORE}",
            "Harbour Trust: Annual Notes, 1998",
        ),
        # a timeline flattened into one paragraph, its heading on its first entry
        (
            "Timeline of the Port Town Quay and its Boats 1905: The quay opens to the first "
            "boats of the town. 1921: A storm breaks the quay wall. 1950: The quay gets its "
            "first crane.\n",
            "Timeline of the Port Town Quay and its Boats",
        ),
    ],
)
def test_a_headline_glued_onto_the_text_is_the_title(text: str, title: str) -> None:
    """A saved page that lost a line break runs its headline into the text: into a
    standfirst repeated below, into a word with no space ("1998Mara"), or onto the
    first entry of a timeline ("... Boats 1905: The quay opens")."""
    assert parse(text).title == title


@pytest.mark.parametrize(
    "text",
    [
        "Sales of the new PlayStation rose sharply in Port Town this winter, the harbour "
        "shop said on Monday after a long and cold season on the quay.\n",
        "In the winter of 1905: the quay opened to the first boats of the town, and the "
        "fishers came back from the north with their nets.\n",
    ],
)
def test_a_lede_with_no_glued_headline_stays_whole(text: str) -> None:
    """A name with an inner capital, or one date with a colon, glues nothing on."""
    title = parse(text).title
    assert title.startswith(text.split(",")[0])
    assert len(title.split()) > 8


@pytest.mark.parametrize(
    "line",
    [
        "Harbour Quay Quotes\u2022\u2022\u2022 Harbour Quay Quotes",
        "Harbour Quay Quotes | Harbour Quay Quotes",
        "Harbour Quay Quotes \u00bb Harbour Quay Quotes",
    ],
)
def test_a_heading_set_twice_on_its_line_is_the_title(line: str) -> None:
    """A saved page that joins the page's name and its heading on one line shows the
    same words twice with marks between: once is the title, and it outranks a lede."""
    text = (
        f"{line}\n\nWe kept the quay open, and the boats came back all winter long,\n"
        "and we are proud of every one of them, said the harbour master on Monday.\n"
    )
    assert parse(text).title == "Harbour Quay Quotes"
