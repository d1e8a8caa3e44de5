"""text.safe: whatever a source or a user writes shows as written and pings nobody."""

from __future__ import annotations

import re

import pytest

from bot.slack_bot.text import ZERO_WIDTH_SPACE, link, safe, shorten

# What would notify people in a Slack message: a special mention, a user, a group.
PINGS = re.compile(r"<!(channel|here|everyone)[^>]*>|<@[UW][A-Z0-9]+[^>]*>|<!subteam\^[^>]*>")


@pytest.mark.parametrize(
    "text",
    [
        "The harbour master said <!channel> the tide is in",
        "<!here|here> the ferry is late",
        "Ring the bell for <!everyone>",
        "Minutes by <@U024BE7LH> of the guild",
        "the <!subteam^SAZ94GDB8|lighthouse-keepers> met at dawn",
        "<<!channel>> doubled, <@W0ABC|x> and <!date^1392734382^{date}|Feb 18>",
    ],
)
def test_mention_syntax_cannot_form(text: str) -> None:
    """Slack's mention syntax in a text is escaped: no ping survives."""
    shown = safe(text)
    assert PINGS.search(shown) is None
    assert "<" not in shown
    assert ">" not in shown


@pytest.mark.parametrize("word", ["@channel", "@here", "@everyone", "@Channel"])
def test_broadcast_words_are_defused(word: str) -> None:
    """A bare @channel (linked only with link_names) gets a zero-width space after its @."""
    shown = safe(f"Tell {word} that the mill reopens")
    assert word not in shown
    assert f"@{ZERO_WIDTH_SPACE}{word[1:]}" in shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Salt & pepper", "Salt &amp; pepper"),
        ("3 < 4 > 2", "3 &lt; 4 &gt; 2"),
        ("&amp; is already an escape", "&amp;amp; is already an escape"),
        ("mail me @ the harbour", "mail me @ the harbour"),
        ("no marks at all", "no marks at all"),
    ],
)
def test_escapes_as_slack_requires(text: str, shown: str) -> None:
    """&, < and > become &amp;, &lt;, &gt;; other text is left as written."""
    assert safe(text) == shown


def test_limit_never_splits_an_escape() -> None:
    """With a limit, the escaped result fits it and ends on whole escapes."""
    text = "&" * 500 + " tail"
    for limit in (5, 10, 151, 3000):
        shown = safe(text, limit)
        assert len(shown) <= limit
        assert re.fullmatch(r"(&amp;)*(…|tail)?", shown.replace(" ", "")), shown[-12:]


def test_shorten_cuts_at_a_word() -> None:
    """A long text is cut at a word boundary near the limit and marked with '…'."""
    cut = shorten("the tide came in over the harbour wall at dawn", 20)
    assert cut.endswith("…")
    assert len(cut) <= 20
    assert cut.removesuffix("…") in "the tide came in over"


@pytest.mark.parametrize(
    ("url", "label", "shown"),
    [
        (
            "https://example.org/a?b=1&c=2",
            "Mill & tide",
            "<https://example.org/a?b=1&amp;c=2|Mill &amp; tide>",
        ),
        ("https://example.org/x|y", "Bad link", "Bad link"),
        ("javascript:alert(1)", "Not a link", "Not a link"),
        (None, "<!channel> title", "&lt;!channel&gt; title"),
    ],
)
def test_link(url: str | None, label: str, shown: str) -> None:
    """Only a plain http(s) link becomes <url|label>; the label is always made safe."""
    assert link(url, label) == shown
