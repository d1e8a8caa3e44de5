"""Text from the store or the user, made safe to put in a Slack message.

Slack reads `&`, `<` and `>` as control characters in message text: `<!channel>`,
`<!here>`, `<!everyone>`, `<@U…>` and `<!subteam^…>` notify people, and `<url|label>`
makes a link. Escaped as Slack asks (`&amp;`, `&lt;`, `&gt;`), none of them can form.
A bare `@channel` notifies only when a message is sent with `link_names`, which Almanac
never sets; a zero-width space after its `@` keeps it inert even then. Every text the
renderers take from a source or a user goes through `safe` exactly once.
"""

from __future__ import annotations

import re
from typing import Final

ZERO_WIDTH_SPACE: Final = "\u200b"
ELLIPSIS: Final = "…"
# Slack's own control characters and how it asks for them to be written.
_ESCAPES: Final = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# The broadcast words Slack links when link_names is on: @channel, @here, @everyone.
_BROADCAST: Final = re.compile(r"@(?=(?:channel|here|everyone)\b)", re.IGNORECASE)
# A link Slack reads whole inside <…|…>: no spaces, no control characters, no bar.
_LINKABLE: Final = re.compile(r"https?://[^\s<>|\"'`]{1,2000}")
_SPACE: Final = re.compile(r"\s")


def safe(text: str, limit: int | None = None) -> str:
    """The text with Slack's control characters escaped and broadcast words defused: it
    shows as written and pings nobody. With a limit, the result is at most that long:
    the text is cut (at a word, with '…') before escaping, so no escape is split."""
    if limit is None:
        return _escaped(text)
    budget = limit
    while True:
        escaped = _escaped(shorten(text, budget))
        if len(escaped) <= limit:
            return escaped
        budget -= len(escaped) - limit


def _escaped(text: str) -> str:
    text = text.translate(_ESCAPES)
    if "@" in text:
        text = _BROADCAST.sub("@" + ZERO_WIDTH_SPACE, text)
    return text


def shorten(text: str, limit: int) -> str:
    """Text within limit characters, cut at a word boundary where one is near, with '…'."""
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[: max(limit, 0)]
    cut = text[: limit - len(ELLIPSIS) + 1]
    spaces = [m.start() for m in _SPACE.finditer(cut)]
    cut = cut[: spaces[-1]] if spaces and spaces[-1] >= len(cut) * 0.6 else cut[:-1]
    return cut.rstrip(" \t\n,;:-–—")[: limit - len(ELLIPSIS)] + ELLIPSIS


def link(url: str | None, label: str) -> str:
    """`<url|label>` for a plain http(s) link (the label made safe), else the safe label."""
    shown = safe(label)
    if url is None or not _LINKABLE.fullmatch(url):
        return shown
    return f"<{url.replace('&', '&amp;')}|{shown}>"
