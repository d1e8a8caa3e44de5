"""Scanning a whole text with a regex only where its matches can start.

A pattern that opens with \\b or a lookbehind gets no fast first-character skip from
the regex engine: finditer makes a full attempt at every character of the text. Most
of our patterns need something rare near their start (a digit for a date, "week" for
"two weeks later"), so trying them only close to where that rare thing occurs finds
the same matches for a fraction of the work.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Final

_LITERALS: Final[dict[str, re.Pattern[str]]] = {}  # see _literal


def finditer_near(
    pattern: re.Pattern[str],
    text: str,
    anchors: Iterable[int],
    reach: int,
    opening: re.Pattern[str] | None = None,
) -> Iterator[re.Match[str]]:
    """Exactly pattern.finditer(text), for a pattern whose every match starts at most
    reach characters before one of the anchors (ascending offsets) and is never empty.

    Positions are tried left to right with pattern.match, which sees the whole text
    (lookbehinds and \\b included) just as finditer does; a match resumes the scan at
    its end. Positions no anchor can reach cannot start a match, so skipping them
    changes nothing. opening, if given, must match wherever pattern does, reading no
    character after the anchor's own; one opening.search (which sees the text up to the
    anchor only) then skips the positions where it fails, where pattern fails too.
    """
    cursor = 0  # nothing before this is tried again (a match ended here, or it failed)
    for anchor in anchors:
        position = max(cursor, anchor - reach)
        while position <= anchor:
            if opening is not None:
                found = opening.search(text, position, anchor + 1)
                if found is None:
                    position = anchor + 1
                    break
                position = found.start()
            match = pattern.match(text, position)
            if match is None:
                position += 1
                continue
            yield match
            position = max(match.end(), position + 1)
        cursor = position


def led_starts(text: str, lead: str, words: tuple[str, ...]) -> list[int]:
    """Every offset where one of the words starts, ascending, where all of them open with
    the character lead: each lead is found and the words tried there. Where the lead is
    rare ("(", a capital Q), a search for one character runs many times faster than a
    search for each word."""
    found: list[int] = []
    at = text.find(lead)
    while at >= 0:
        if text.startswith(words, at):
            found.append(at)
        at = text.find(lead, at + 1)
    return found


def literal_starts(text: str, words: Iterable[str]) -> list[int]:
    """Every offset where one of the words occurs, overlapping ones included, ascending.

    A character is found with str.find (a plain memory search), a longer word with a
    regex of just that word: the regex engine skips to its first character and compares
    the rest, about a third faster on prose than str.find's general substring search.
    But str.find finds the first: a word absent from the text (most of them, in most
    texts) is ruled out by its skipping search, two or three times faster than a regex.
    """
    starts: list[int] = []
    for word in words:
        if len(word) <= 1:
            found = text.find(word)
            while found >= 0:
                starts.append(found)
                found = text.find(word, found + 1)
            continue
        at = text.find(word)  # the first with str.find: far faster where the word is absent
        if at < 0:
            continue
        search = _literal(word).search
        while True:
            starts.append(at)
            match = search(text, at + 1)
            if match is None:
                break
            at = match.start()
    starts.sort()
    return starts


def _literal(word: str) -> re.Pattern[str]:
    """The regex of exactly this word, compiled once (callers pass a few fixed words)."""
    pattern = _LITERALS.get(word)
    if pattern is None:
        pattern = _LITERALS[word] = re.compile(re.escape(word))
    return pattern


def spaced(text: str, starts: list[int]) -> list[int]:
    """The offsets that follow a whitespace character (what a regex's \\s matches).

    Anchors for a pattern that has \\s right before its anchor word ("two days later",
    "the Russian president"): a word glued to what precedes it ("today", "making")
    cannot be that anchor.
    """
    return [start for start in starts if start and text[start - 1].isspace()]
