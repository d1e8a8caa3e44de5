"""Markdown as the plain text the extractor reads: headings become lines of their own,
markup goes, the words stay.

The extractor finds a dated entry in a line that opens with a date, and a paragraph
between blank lines, so a heading (`## June 16, 2001`, `Background` over `---`) becomes
a line of its bare words (a dated one heads a section, as in a plain timeline), a list
item a `- ` bullet, and emphasis, links, images, inline code, escapes and HTML tags give
up their marks. Fenced and indented code is left out: it is no one's words. One output
line per input line, so line numbers in warnings are the file's; every pattern is
bounded, so the whole is linear.
"""

from __future__ import annotations

import re
from typing import Final

_ATX_HEADING: Final = re.compile(r" {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*")
_SETEXT_RULE: Final = re.compile(r" {0,3}(?:=+|-{2,})[ \t]*")
_THEMATIC_BREAK: Final = re.compile(r" {0,3}(?:(?:\*[ \t]*){3,}|(?:-[ \t]*){3,}|(?:_[ \t]*){3,})")
_FENCE: Final = re.compile(r" {0,3}(`{3,}|~{3,})")
_QUOTE_MARKS: Final = re.compile(r" {0,3}(?:>[ \t]?)+")
_LIST_ITEM: Final = re.compile(r"([ \t]*)(?:[*+-]|\d{1,9}[.)])[ \t]+")
_REFERENCE_DEFINITION: Final = re.compile(r" {0,3}\[[^\]\n]{1,200}\]:[ \t]*\S+.*")
_TABLE_RULE: Final = re.compile(
    r"[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)*\|?[ \t]*"
)
_IMAGE: Final = re.compile(r"!\[[^\[\]\n]{0,500}\](?:\([^()\n]{0,2000}\)|\[[^\[\]\n]{0,200}\])")
_LINK: Final = re.compile(r"\[([^\[\]\n]{0,500})\](?:\([^()\n]{0,2000}\)|\[[^\[\]\n]{0,200}\])")
_FOOTNOTE_MARK: Final = re.compile(r"\[\^[^\]\n]{1,50}\]")
_AUTOLINK: Final = re.compile(r"<((?:https?|mailto):[^\s<>]{1,2000})>")
_SUPERSCRIPT: Final = re.compile(r"<sup>[^<\n]{0,50}</sup>")  # a note's number: no word
_TAG: Final = re.compile(r"</?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,500})?/?>")
_CODE_SPAN: Final = re.compile(r"(`+)([^`\n]{1,1000}?)\1")
# An emphasis mark: a run of * or _ (or ~~) that touches a word on one side only. A _
# between two letters or digits (snake_case) is no mark, as in CommonMark.
_EMPHASIS: Final = re.compile(
    r"(?:(?<![^\s(\[\"'“‘])|(?<=^))(?:\*{1,3}|_{1,3}|~~)(?=[^\s*_~])"
    r"|(?<=[^\s*_~\\])(?:\*{1,3}|_{1,3}|~~)(?![^\s)\].,;:!?\"'”’])"
)
_ESCAPE: Final = re.compile(r"\\([!-/:-@\[-`{-~])")
_EDIT_LINK: Final = re.compile(r"\s*\[edit\]\s*$", re.IGNORECASE)  # a wiki heading's
_INDENTED_CODE: Final = "    "


def markdown_text(text: str) -> tuple[str, frozenset[int]]:
    """The text of a Markdown document as the extractor reads plain text, and the numbers
    of its heading lines (see parse_document's headings)."""
    out: list[str] = []
    headings: set[int] = set()
    fence: str | None = None
    blank_above = True
    in_list = False
    for line in text.split("\n"):
        if fence is not None:  # inside fenced code until the same fence closes it
            if line.strip().startswith(fence):
                fence = None
            out.append("")
            continue
        opening = _FENCE.match(line)
        if opening is not None:
            fence = opening[1][0] * len(opening[1])
            out.append("")
            blank_above = True
            continue
        if not line.strip():
            out.append("")
            blank_above = True
            continue
        if blank_above and not in_list and line.startswith(_INDENTED_CODE):
            out.append("")  # indented code: left out, and the line stays blank below it
            continue
        converted, kind = _line(line)
        if kind == "heading" and converted:
            headings.add(len(out) + 1)
        elif kind == "rule" and line.lstrip()[:1] in "=-" and out and out[-1] and not blank_above:
            headings.add(len(out))  # the line above a setext underline
        in_list = kind == "item" or (in_list and line[:1] in (" ", "\t"))
        out.append(converted)
        blank_above = not converted
    return "\n".join(out), frozenset(headings)


def _line(line: str) -> tuple[str, str]:
    """One line without its markup, and what it was: heading, rule, item or text."""
    heading = _ATX_HEADING.fullmatch(line)
    if heading is not None:
        return _EDIT_LINK.sub("", inline_text(heading[1] or "")), "heading"
    if _THEMATIC_BREAK.fullmatch(line) or _SETEXT_RULE.fullmatch(line):
        return "", "rule"
    if _REFERENCE_DEFINITION.fullmatch(line) or _TABLE_RULE.fullmatch(line):
        return "", "rule"
    quote = _QUOTE_MARKS.match(line)
    if quote is not None:
        line = line[quote.end() :]
    item = _LIST_ITEM.match(line)
    if item is not None:
        return f"{item[1]}- {inline_text(line[item.end() :])}", "item"
    if "|" in line and line.strip().startswith("|"):  # a table row: its cells, in a line
        cells = [inline_text(c) for c in line.strip().strip("|").split("|")]
        return " – ".join(c for c in cells if c), "text"
    return inline_text(line), "text"


def inline_text(text: str) -> str:
    """A line's words without inline markup: emphasis, links, images, code, tags."""
    if "`" in text:
        text = _CODE_SPAN.sub(lambda m: m[2].strip(), text)
    if "[" in text or "<" in text:
        text = _IMAGE.sub("", text)
        text = _FOOTNOTE_MARK.sub("", text)
        text = _LINK.sub(r"\1", text)
        text = _AUTOLINK.sub(r"\1", text)
        text = _SUPERSCRIPT.sub("", text)
        text = _TAG.sub("", text)
    if "*" in text or "_" in text or "~" in text:
        text = _EMPHASIS.sub("", text)
    if "\\" in text:
        text = _ESCAPE.sub(r"\1", text)
    return text.rstrip()
