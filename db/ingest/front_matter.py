"""An optional front-matter block at the top of a .txt or .md text: its title, link,
publication date, author and site, given by the person who saved the text.

    ---
    title: Harbour museum reopens its whaling gallery
    url: https://example.org/harbour-museum
    date: 2019-04-12
    author: Maren Ellis
    ---

A small strict reader rather than YAML: the block holds a few flat strings, and YAML
would turn `title: 1984` into a number, `title: No` into False and a title with a colon
into an error, and add a dependency for four keys. Keys other than these (`layout:`,
`tags:` of a static site) are passed over, with their indented or `- ` continuation
lines. Anything else makes the whole block a warning and no metadata, never an error:
the block is still kept out of the text. Its lines become blank lines, so line numbers
in later warnings still match the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from db.ingest.dates import find_dates, make_date
from db.records import PartialDate

FRONT_MATTER_KEYS: Final = ("title", "url", "date", "author", "site")
_FENCE: Final = "---"
_MAX_LINES: Final = 40  # a closing fence further down: a rule in the text, not a block
_VALUE_MAX: Final = 500
_ENTRY: Final = re.compile(r"([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+(.*?))?[ \t]*")
_ISO_DATE: Final = re.compile(r"(-?\d{4})-(\d\d)-(\d\d)(?:[T ][\d:.+\-Z]*)?")
_URL: Final = re.compile(r"https?://[^\s<>\"']+")


@dataclass(slots=True)
class Metadata:
    """What a source says about itself, beside its text; None where it says nothing."""

    title: str | None = None
    url: str | None = None
    published: PartialDate | None = None
    author: str | None = None
    site: str | None = None
    warnings: list[str] = field(default_factory=list)


def split_front_matter(text: str) -> tuple[str, Metadata]:
    """The text with its front-matter block blanked out, and what the block says."""
    if not text.startswith(_FENCE):
        return text, Metadata()
    lines = text.split("\n", _MAX_LINES + 1)
    if lines[0].rstrip() != _FENCE:
        return text, Metadata()
    closing = next(
        (i for i in range(1, min(len(lines), _MAX_LINES + 1)) if lines[i].rstrip() == _FENCE),
        None,
    )
    if closing is None:
        return text, Metadata()
    meta = _read_block(lines[1:closing])
    rest = text.split("\n", closing + 1)
    body = "\n" * (closing + 1) + (rest[closing + 1] if len(rest) > closing + 1 else "")
    return body, meta


def _read_block(lines: list[str]) -> Metadata:
    meta = Metadata()
    values: dict[str, str] = {}
    in_other = False  # inside an ignored key: its indented or list lines belong to it
    for number, line in enumerate(lines, start=2):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        if in_other and (line[:1] in (" ", "\t") or stripped.startswith("- ")):
            continue
        entry = _ENTRY.fullmatch(line)
        if entry is None:
            return _ignored(f"line {number} is not 'key: value'")
        key, value = entry[1].lower(), _unquoted(entry[2] or "")
        in_other = key not in FRONT_MATTER_KEYS
        if in_other or not value:
            continue
        if key in values:
            return _ignored(f"{key!r} is given twice (line {number})")
        values[key] = value[:_VALUE_MAX]
    for key, value in values.items():
        _set(meta, key, value)
    return meta


def _ignored(reason: str) -> Metadata:
    return Metadata(warnings=[f"front matter ignored: {reason}"])


def _unquoted(value: str) -> str:
    """'"A title: with a colon"' -> 'A title: with a colon'."""
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1].strip()
    return value


def _set(meta: Metadata, key: str, value: str) -> None:
    if key == "title":
        meta.title = value
    elif key == "author":
        meta.author = value
    elif key == "site":
        meta.site = value
    elif key == "url":
        if _URL.fullmatch(value):
            meta.url = value
        else:
            meta.warnings.append(f"front matter: url {value!r} is not an http(s) link; ignored")
    else:
        meta.published = publication_date(value)
        if meta.published is None:
            meta.warnings.append(
                f"front matter: date {value!r} is not a full date (write 2019-04-12); ignored"
            )


def publication_date(value: str) -> PartialDate | None:
    """A day-precise date from '2019-04-12' (a time after it is ignored) or a date written
    as the texts write them ('12 April 2019', 'April 12, 2019'); None for anything else."""
    iso = _ISO_DATE.fullmatch(value.strip())
    if iso is not None:
        year = int(iso[1])
        return make_date(year if year > 0 else year - 1, int(iso[2]), int(iso[3]))
    hits = find_dates(value.strip()).hits
    if len(hits) == 1 and hits[0].date.precision == "day":
        hit = hits[0]
        if hit.start == 0 and hit.end >= len(value.strip().rstrip(".")):
            return hit.date
    return None
