"""Where quotations open and close, paragraph by paragraph.

A document quotes with double marks (straight, curly, low-high „…“, guillemets) and
nests single ones, or, in the British convention, quotes with single curly marks
‘…’ and nests double ones: whichever opens more often leads. A closing single mark
that is an apostrophe (it’s, the ’90s, the players’ union) closes nothing. A quote
left open at the end of a paragraph continues into the next paragraph only if that
one opens with a quote mark (the news convention); otherwise it is capped at the
paragraph and reported. In a double-mark document a single-mark quote that stands
outside every double quote is a quote too when a colon or a speech verb introduces it
(`moved the motion: ‘That council …’`); elsewhere it stays a scare quote. A text that
writes one curly double mark at both ends of its quotes (`”We lost,” she said`) has that
mark open and close in turn (between two letters it is an apostrophe: `don”t`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Final

from db.ingest.lexicon import SPEECH_VERBS, TITLE_CASE_SMALL_WORDS, WORK_NOUNS
from db.ingest.segment import TITLE_LINE_MOST, Block, is_title_line
from db.text import lower

_MARK_CHARS: Final = '"\u201c\u201d\u201e\u00ab\u00bb'
_MARK: Final = re.compile(f"[{_MARK_CHARS}]")
_ALNUM: Final = re.compile(r"[^\W_]")  # a character for which str.isalnum() is true
_WORDS: Final = re.compile(r"[A-Za-z]+")
_INTRODUCED_REACH: Final = 40  # how far before a mark its colon or speech verb is read
_INTRODUCED_WORDS: Final = 3  # "She told us, '...": the verb among the last few words
_OPENERS: Final = "\u201c\u201e\u00ab"
_CLOSERS: Final = "\u201d\u00bb"
_TEX_MARKS: Final = "`'"  # where normalise folded ``TeX-style'' marks
_LOW_OPENER: Final = "\u201e"  # „…“: the German convention closes with what opens elsewhere
_SINGLE_OPENER: Final = "\u2018"
_SINGLE_CLOSER: Final = "\u2019"
# After "s’ ", these words make the mark a closing one rather than a plural possessive.
_AFTER_CLOSING: Final = frozenset(
    "said says say added adds told explained insisted asked replied according".split()
)
_NEXT_WORD: Final = re.compile(r" ([a-z]+)")
_HEADLINE_WORDS: Final = 3  # fewer words in a headline's single marks are a scare quote
# The longest headline line: one that sets a quote beside the story's gist runs past a
# bare headline's length (TITLE_LINE_MOST).
_HEADLINE_MOST: Final = 160
_SENTENCE_STOPS: Final = (".", "!", "?")
_BEFORE_OPENER: Final = " \t:([\u2013\u2014-"  # what a headline's straight opening mark follows
_RECENT: Final = 4  # quotes found last, all that can hold a unit's first character
_ANY_MARK: Final = re.compile(f"[\n{_MARK_CHARS}\u2018\u2019]")
_QUOTE_MARK: Final = re.compile(f"[{_MARK_CHARS}\u2018\u2019]")
# One curly mark written for both ends of every quote (”We lost,” she said): with no
# mark of the other hand, and no straight mark more often, the one mark opens and closes.
_SAME_MARK_LEAST: Final = 2
_SAID_CLOSES: Final = (",'", "?'", "!'")  # a quote's end before its "she said"
_GAP_MOST: Final = 16  # how far back a paragraph's introducing colon is looked for
_ANY_DOUBLE: Final = re.compile(f"[{_MARK_CHARS}]")
# A straight single mark that opens (at a word's start, no digit after it) or closes:
# after a sentence's mark, before a space, a bracket, a dash or the end; or, in the
# British way, after a word and before the comma or stop that ends the sentence ('We
# won', said Lee.), a spaced dash or the line's end ('We won' - Lee). A plural's
# apostrophe (the players' union) has a word after it and closes nothing.
_STRAIGHT_MARK: Final = re.compile(
    r"(?P<open>(?:(?<=^)|(?<=[\s(\[\u2013\u2014]))'(?=[A-Za-z]))"
    r"|(?P<close>(?<=[.,!?;])'(?=[\s)\]\u2013\u2014-]|$)"
    r"|(?<=[A-Za-z0-9])'(?=[,;:.!?](?:\s|$)| [-\u2013\u2014] |$))",
    re.MULTILINE,
)
_ASIDES_MOST: Final = 2  # captions or ad lines an open quote goes on past
_ASIDE_MOST: Final = 400  # the longest of them (a caption a page repeats)


class QuoteSpan:
    """A quotation: marks at open and close-1, inner text in pieces (one per paragraph).

    A plain class, not a dataclass, as Unit below.
    """

    __slots__ = ("blocks", "capped", "close", "open", "pieces")

    def __init__(
        self,
        open: int,
        close: int,
        pieces: list[tuple[int, int]],
        blocks: list[int],
        capped: bool = False,
    ) -> None:
        self.open = open
        self.close = close
        self.pieces = pieces
        self.blocks = blocks
        self.capped = capped


@dataclass(slots=True)
class QuoteScan:
    """All quotations of a document and warnings about unbalanced marks."""

    spans: list[QuoteSpan] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


class Unit:
    """A block with its scannable range (a heading is scanned from its headline).

    A plain class, not a (frozen) dataclass: a document has one per paragraph, and
    compiled with mypyc a dataclass is made through the Python __init__ that dataclasses
    generates, several times slower. Nothing changes a unit once it is made.
    """

    __slots__ = ("block", "end", "index", "start")

    def __init__(self, index: int, block: Block, start: int, end: int) -> None:
        self.index = index
        self.block = block
        self.start = start
        self.end = end


def _has_words(text: str, pieces: list[tuple[int, int]]) -> bool:
    """Some piece holds a letter or a digit; most open with one, which a look at their
    first character tells without a search."""
    for start, end in pieces:
        if start < end and text[start].isalnum():
            return True
        if _ALNUM.search(text, start, end) is not None:
            return True
    return False


def singles_lead(text: str) -> bool:
    """True when single curly marks are the document's quotation marks (British style).

    Nested quotes sit inside outer ones, so the outer kind opens more often; a mark
    that opens while the other kind is open is nested and not counted, else one
    ‘…“…”…’ quote would hand the lead to its own nested double marks.
    """
    singles = text.count(_SINGLE_OPENER)
    if not singles:
        return False
    doubles = text.count("\u201c") + text.count(_LOW_OPENER) + text.count("\u00ab")
    same = same_mark(text)
    if same == "\u201d":  # ”…”: every other one of them opens
        doubles += text.count(same) // 2
    singles_nested, doubles_nested = _nested_openers(text)
    return singles - singles_nested > doubles + text.count('"') // 2 - doubles_nested


def _nested_openers(text: str) -> tuple[int, int]:
    """How many single openers open inside a double quote, and double inside a single.

    One pass over the marks; a line break closes whatever is open, so a stray mark
    cannot make the rest of a long text look nested.
    """
    singles_nested = doubles_nested = 0
    single_open = double_open = False
    for match in _ANY_MARK.finditer(text):
        char = match.group(0)
        at = match.start()
        if char == "\n":
            single_open = double_open = False
        elif char == _SINGLE_OPENER:
            if not single_open and not text[at + 1 : at + 2].isdigit():
                single_open = True
                singles_nested += int(double_open)
        elif char == _SINGLE_CLOSER:
            if single_open and _closes(text, at):
                single_open = False
        elif char in _OPENERS or char == '"':
            if double_open:  # a straight mark, or the “ that closes „…“, closes
                double_open = False
            else:
                double_open = True
                doubles_nested += int(single_open)
        else:
            double_open = False
    return singles_nested, doubles_nested


def _single_marks(text: str, norm: str, start: int, end: int) -> list[int]:
    """Offsets of the single curly marks in text[start:end] that open or close a quote."""
    found: list[int] = []
    at = norm.find("'", start, end)
    while at >= 0:
        char = text[at]
        if char == _SINGLE_OPENER:
            if not text[at + 1 : at + 2].isdigit():  # ‘90s typed with the wrong mark
                found.append(at)
        elif char == _SINGLE_CLOSER and _closes(text, at):
            found.append(at)
        at = norm.find("'", at + 1, end)
    return found


def _closes(text: str, at: int) -> bool:
    """A right single mark that ends a quote, not an apostrophe (it’s, ’90s, players’ union)."""
    after = text[at + 1 : at + 2]
    if after.isalnum() or at == 0 or text[at - 1].isspace():
        return False
    if text[at - 1] in "sS" and after == " ":
        word = _NEXT_WORD.match(text, at + 1)
        return word is None or word.group(1) in _AFTER_CLOSING
    return True


def _marks(text: str, norm: str, start: int, end: int) -> list[int]:
    """Offsets of the quote marks in text[start:end], ascending.

    Every mark is folded to '"' in norm, so a plain str.find for '"' there finds them all
    (with the few other characters folded to it, which are left out here).
    """
    found: list[int] = []
    at = norm.find('"', start, end)
    while at >= 0:
        if text[at] in _MARK_CHARS or text[at] in _TEX_MARKS:  # `` and '' fold to '"' too
            found.append(at)
        at = norm.find('"', at + 1, end)
    return found


def same_mark(text: str) -> str:
    """The one curly double mark a text writes at both ends of its quotes (”…” or “…“),
    else "": the other hand's mark and the low opener „ appear nowhere, the mark twice
    at least, and straight marks no more often than it."""
    if "\u201e" in text or "\u00ab" in text:
        return ""
    for mark, other in (("\u201d", "\u201c"), ("\u201c", "\u201d")):
        if other in text:
            continue
        count = text.count(mark)
        if count >= _SAME_MARK_LEAST and count >= text.count('"'):
            return mark
    return ""


def _inside_word(text: str, at: int) -> bool:
    """A mark with a letter on either side (don”t, O”Neill): an apostrophe, no quote's end."""
    return 0 < at < len(text) - 1 and text[at - 1].isalpha() and text[at + 1].isalpha()


def _opens_with_mark(text: str, unit: Unit, singles: bool, closers: str = _CLOSERS) -> int | None:
    if singles:
        return unit.start if text.startswith(_SINGLE_OPENER, unit.start) else None
    if text.startswith("``", unit.start):
        return unit.start
    match = _MARK.match(text, unit.start)
    if match is None or match.group(0) in closers:
        return None
    return match.start()


def _closes_quote(text: str, open_at: int, mark_char: str, singles: bool, same: str = "") -> bool:
    """Whether a mark met inside an open quote closes it (else it reopens one)."""
    if singles:
        return mark_char == _SINGLE_CLOSER
    if mark_char == same:
        return True
    return mark_char not in _OPENERS or (mark_char == "\u201c" and text[open_at] == _LOW_OPENER)


def find_quotes(text: str, norm: str, units: list[Unit]) -> QuoteScan:
    """Every quotation, each capped at its paragraph or its chain of paragraphs."""
    scan = QuoteScan()
    if straight_singles_lead(text):
        straight = _straight_quotes(text, units)
        if len(straight) >= _SAME_MARK_LEAST or _said_alone(text, straight):
            scan.spans = straight
            return scan
    singles = singles_lead(text)
    marks_in = _single_marks if singles else _marks
    same = "" if singles else same_mark(text)
    closers = _SINGLE_CLOSER if singles else _CLOSERS.replace(same, "") if same else _CLOSERS
    has_single_openers = _SINGLE_OPENER in text
    pending: QuoteSpan | None = None
    previous: Unit | None = None
    asides = 0  # asides passed over since the open quote's paragraph
    head = True  # above the page's first sentence of prose: its headline is there
    for unit in units:
        open_at: int | None = None
        chain: QuoteSpan | None = None
        if pending is not None:
            mark = _opens_with_mark(text, unit, singles, closers)
            if mark is not None and _chains(previous, unit):
                chain, open_at = pending, mark
            elif mark is None and asides < _ASIDES_MOST and _is_aside(text, unit, previous):
                asides += 1  # a caption or an ad line the page set inside the quote
                continue
            else:
                _cap(scan, text, pending, previous)
        pending = None
        asides = 0
        scan_from = unit.start if open_at is None else open_at + 1
        for at in marks_in(text, norm, scan_from, unit.end):
            mark_char = text[at]
            if mark_char == same and _inside_word(text, at):
                continue  # don”t: the one mark written for an apostrophe too
            if open_at is None:
                if mark_char not in closers:
                    open_at = at
                continue
            if not _closes_quote(text, open_at, mark_char, singles, same):
                scan.warnings.append(f"unbalanced quote mark at line {unit.block.line}")
                chain, open_at = None, at
                continue
            quote = _extend(chain, open_at, at, unit)
            quote.close = at + 1
            if _has_words(text, quote.pieces):
                scan.spans.append(quote)
            chain, open_at = None, None
        if not singles and has_single_openers:
            _introduced_singles(scan, text, norm, unit, open_at, head)
        elif singles and norm.find('"', unit.start, unit.end) >= 0:
            _introduced_doubles(scan, text, norm, unit, open_at)
        if not singles and (
            text.startswith("'", unit.start) or text.find(" '", unit.start, unit.end) >= 0
        ):
            _introduced_straight(scan, text, unit, open_at)
        if not singles and (head or text.startswith("'", unit.start)):
            line_end = text.find("\n", unit.start, unit.end)
            end = unit.end if line_end < 0 else line_end
            if open_at is not None:
                end = min(end, open_at)  # before a quote left open
            if end - unit.start <= _HEADLINE_MOST and text.find("'", unit.start, end) >= 0:
                _headline_straight(scan, text, norm, unit, end, head)
        if head and (norm[unit.end - 1] in ".!?" or unit.end - unit.start > _HEADLINE_MOST):
            head = False  # the first sentence of prose ends the page's head
        if open_at is not None:
            pending = _extend(chain, open_at, unit.end, unit)
            pending.capped = True
        previous = unit
    if pending is not None:
        _cap(scan, text, pending, previous)
    return scan


def _said_alone(text: str, straight: list[QuoteSpan]) -> bool:
    """The page's one straight-mark quote is closed by a comma, as a quote is before
    its "she said" ("'We sail in May,' she said."): no apostrophe closes so."""
    return (
        len(straight) == 1
        and not straight[0].capped
        and text[straight[0].close - 2 : straight[0].close] in _SAID_CLOSES
    )


def straight_singles_lead(text: str) -> bool:
    """True for a page typed with straight single marks as its quotation marks: no double
    mark of any kind and no curly single opener, and a straight mark at all."""
    return (
        "'" in text
        and _SINGLE_OPENER not in text
        and _ANY_DOUBLE.search(text) is None
        and "``" not in text
        and "''" not in text  # two straight singles typed for a double mark
    )


def _straight_quotes(text: str, units: list[Unit]) -> list[QuoteSpan]:
    """'...' quotes: a straight mark at a word's start (no digit after it: the '90s)
    opens, one after a stop, comma or other sentence mark closes; an apostrophe inside
    or after a word (don't, the players' union) does neither. A quote left open runs
    on into the next paragraph when that one opens with a mark (the news convention),
    else it is kept only if it opened its paragraph."""
    spans: list[QuoteSpan] = []
    pending: QuoteSpan | None = None
    for unit in units:
        if "'" not in text[unit.start : unit.end]:
            if pending is not None:
                spans.append(pending)
                pending = None
            continue
        open_at: int | None = None
        chain: QuoteSpan | None = None
        if pending is not None:
            if text.startswith("'", unit.start) and unit.block.kind == "paragraph":
                chain, open_at = pending, unit.start
            else:
                spans.append(pending)
            pending = None
        scan_from = unit.start if open_at is None else open_at + 1
        # a paragraph a colon introduces is read as such (quotes.introduced_blocks)
        colon_before = text[max(0, unit.start - _GAP_MOST) : unit.start].rstrip().endswith(":")
        for mark in _STRAIGHT_MARK.finditer(text, scan_from, unit.end):
            at = mark.start()
            if open_at is None:
                if mark.group("open") is not None:
                    open_at = at
                continue
            if mark.group("close") is None:
                continue
            quote = _extend(chain, open_at, at, unit)
            quote.close = at + 1
            if len(text[open_at + 1 : at].split()) >= _HEADLINE_WORDS and (
                chain is not None
                or (open_at == unit.start and not colon_before)
                or _said_before(text, open_at)
            ):
                spans.append(quote)
            chain, open_at = None, None
        if open_at is not None and (
            chain is not None or (open_at == unit.start and not colon_before)
        ):
            pending = _extend(chain, open_at, unit.end, unit)
            pending.capped = True
    if pending is not None:
        spans.append(pending)
    return spans


def _said_before(text: str, open_at: int) -> bool:
    """`Lee said, 'We won.'`, `he told us: 'We won.'`: a mark that a speech verb among the
    last few words introduces, mid-paragraph. A label's colon (`ANN LEE (coach): '...'`)
    is left to the reader of name lines, which knows its speaker."""
    if not introduced(text, open_at):
        return False
    before = text[max(0, open_at - _INTRODUCED_REACH) : open_at]
    return any(lower(w) in SPEECH_VERBS for w in _WORDS.findall(before)[-_INTRODUCED_WORDS:])


def _unit_quotes(scan: QuoteScan, unit: Unit) -> list[tuple[int, int]]:
    """Where the quotes found so far in unit open and close: the last ones found."""
    spans: list[tuple[int, int]] = []
    for quote in reversed(scan.spans):
        if quote.blocks[-1] != unit.index:
            break
        spans.append((quote.open, quote.close))
    return spans


def _introduced_singles(
    scan: QuoteScan, text: str, norm: str, unit: Unit, left_open: int | None, head: bool
) -> None:
    """‘…’ quotes of a double-mark document that a colon or a speech verb introduces, outside
    the unit's double quotes (and before one it leaves open); an unintroduced ‘…’ is a
    scare quote."""
    end = unit.end if left_open is None else left_open
    start = text.find(_SINGLE_OPENER, unit.start, end)
    if start < 0:
        return
    doubles = _unit_quotes(scan, unit)
    found: list[QuoteSpan] = []
    open_at: int | None = None
    for at in _single_marks(text, norm, start, end):
        if text[at] == _SINGLE_OPENER:
            open_at = at
        elif open_at is not None:
            said = introduced(text, open_at) or _headline_quote(text, norm, unit, open_at, at, head)
            _keep_outer(found, text, unit, open_at, at, doubles, said)
            open_at = None
    _add_found(scan, found)


def _introduced_doubles(
    scan: QuoteScan, text: str, norm: str, unit: Unit, left_open: int | None
) -> None:
    """ "…" quotes of a single-mark document that stand outside the unit's single quotes
    (and before one it leaves open), introduced by a colon or a speech verb (`A
    spokesperson said: "Gusts ..."`) or closed before their own ("…," she said): a text
    pasted together from two styles. Nested in a single quote, a double one is quoted
    speech within speech and stays inside it."""
    end = unit.end if left_open is None else left_open
    singles = _unit_quotes(scan, unit)
    open_at: int | None = None
    found: list[QuoteSpan] = []
    for at in _marks(text, norm, unit.start, end):
        if text[at] in _TEX_MARKS:
            continue  # a single mark folded with the doubles ('' and ``)
        if open_at is None:
            if text[at] not in _CLOSERS:
                open_at = at
            continue
        if text[at] in _OPENERS:
            open_at = at  # "… “…": the first never closed
            continue
        said = introduced(text, open_at) or _said_after(text, at)
        _keep_outer(found, text, unit, open_at, at, singles, said)
        open_at = None
    _add_found(scan, found)


def _keep_outer(
    found: list[QuoteSpan],
    text: str,
    unit: Unit,
    open_at: int,
    close_at: int,
    others: list[tuple[int, int]],
    said: bool,
) -> None:
    """Add to found the quote of the other hand's marks from open_at to close_at, if no
    quote of the leading hand (others) holds it, something introduces or attributes it
    (said), and it has words."""
    piece = (open_at + 1, close_at)
    inside = any(a <= open_at < b for a, b in others)
    if not inside and said and _has_words(text, [piece]):
        found.append(QuoteSpan(open_at, close_at + 1, [piece], [unit.index]))


def _add_found(scan: QuoteScan, found: list[QuoteSpan]) -> None:
    """The quotes found in a second pass over a unit, among the scan's, in text order."""
    if found:
        scan.spans.extend(found)
        scan.spans.sort(key=lambda q: q.open)


def _said_after(text: str, close_at: int) -> bool:
    """A quote closed by its own comma, question or exclamation mark before the words
    that say whose it is ("…," said Ann Lee; "…?" she asked)."""
    if text[close_at - 1 : close_at] not in (",", "?", "!"):
        return False
    words = [lower(w) for w in _WORDS.findall(text[close_at + 1 : close_at + _INTRODUCED_REACH])]
    return any(word in SPEECH_VERBS for word in words[:_INTRODUCED_WORDS])


def _introduced_straight(scan: QuoteScan, text: str, unit: Unit, left_open: int | None) -> None:
    """'...' quotes of a double-mark document, outside the unit's double quotes (and
    before one it leaves open): one that a speech verb and a colon or comma introduce
    (`saying: 'His Highness called me ...'`), or one that opens its paragraph and closes
    before its speaker's verb (`'We won the vote,' he said`). Other straight marks there
    are apostrophes or scare quotes."""
    end = unit.end if left_open is None else left_open
    doubles = _unit_quotes(scan, unit)
    found: list[QuoteSpan] = []
    open_at: int | None = None
    for mark in _STRAIGHT_MARK.finditer(text, unit.start, end):
        at = mark.start()
        if open_at is None:
            if mark.group("open") is not None and not any(a <= at < b for a, b in doubles):
                open_at = at
            continue
        if mark.group("close") is None:
            continue
        said = _said_before(text, open_at) or (
            open_at == unit.start
            and text[at - 1 : at + 1] in _SAID_CLOSES
            and any(
                lower(w) in SPEECH_VERBS
                for w in _WORDS.findall(text, at, at + _INTRODUCED_REACH)[:_INTRODUCED_WORDS]
            )
        )
        words = len(text[open_at + 1 : at].split())
        if said and words >= _HEADLINE_WORDS:
            found.append(QuoteSpan(open_at, at + 1, [(open_at + 1, at)], [unit.index]))
        open_at = None
    if found:
        scan.spans.extend(found)
        scan.spans.sort(key=lambda q: q.open)


def _headline_quote(
    text: str, norm: str, unit: Unit, open_at: int, close_at: int, head: bool
) -> bool:
    """`Residents ‘at their wits’ end’ over noise`: a headline quotes in single marks even
    where its article quotes in double ones. Three words at least (two are a scare quote's)
    and not every word capitalised (‘Keep Hull Tidy’ is a slogan's or a title's name). In
    the page's head (above its first sentence of prose) the headline may run long or end
    with its quote (_headline_line); below it, where the headlines of other stories stand,
    only a short line that ends in a word is read as one."""
    reach = _HEADLINE_MOST if head else TITLE_LINE_MOST  # a longer line is no headline
    low = max(unit.start, open_at - reach)
    high = min(unit.end, close_at + reach)
    before = text.rfind("\n", low, open_at)
    after = text.find("\n", close_at, high)
    if (before < 0 and low > unit.start) or (after < 0 and high < unit.end):
        return False
    line_start = unit.start if before < 0 else before + 1
    line_end = unit.end if after < 0 else after
    if head:
        if not _headline_line(norm, line_start, line_end, open_at, close_at):
            return False
    elif not is_title_line(norm, line_start, line_end):
        return False
    words = text[open_at + 1 : close_at].split()
    return len(words) >= _HEADLINE_WORDS and not all(w[:1].isupper() for w in words)


def _headline_line(norm: str, line_start: int, line_end: int, open_at: int, close_at: int) -> bool:
    """The line of a quote at [open_at, close_at] reads as a headline or a caption: short,
    and no sentence ends it, after the quote (`‘...’ - Survivors left devastated`) or, when
    the quote ends the line, before it (`Factories dismiss ‘at least 1,500 workers’`); a
    line that is all quote is one too. Its quote's own closing stop does not count."""
    if line_end - line_start > _HEADLINE_MOST:
        return False
    tail = norm[close_at + 1 : line_end].strip()
    if tail:
        return is_title_line(norm, close_at + 1, line_end)
    return not norm[line_start:open_at].rstrip().endswith(_SENTENCE_STOPS)


def _headline_straight(
    scan: QuoteScan, text: str, norm: str, unit: Unit, end: int, head: bool
) -> None:
    """`'Why won't they leave?': Mayor's plea`, `Factories dismiss 'at least 1,500 workers'`:
    a headline's quote in straight single marks. One opens at the line's start or, in the
    page's head, after a space, colon, bracket or dash, before a letter; it closes at the
    next mark no letter or digit follows (won't and Mayor's go on)."""
    at = text.find("'", unit.start, end)
    found: list[QuoteSpan] = []
    while at >= 0:
        opens = at == unit.start or (head and text[at - 1] in _BEFORE_OPENER)
        if not (opens and text[at + 1 : at + 2].isalpha()):
            at = text.find("'", at + 1, end)
            continue
        close = text.find("'", at + 2, end)
        while close >= 0 and (text[close - 1].isspace() or text[close + 1 : close + 2].isalnum()):
            close = text.find("'", close + 1, end)
        if close < 0:
            break
        inside = any(q.open <= at < q.close for q in scan.spans[-_RECENT:])
        if not inside and _headline_quote(text, norm, unit, at, close, head):
            found.append(QuoteSpan(at, close + 1, [(at + 1, close)], [unit.index]))
        if not head:
            break  # below the head, only a mark that opens the line
        at = text.find("'", close + 1, end)
    if found:
        scan.spans.extend(found)
        scan.spans.sort(key=lambda q: q.open)


def _extend(chain: QuoteSpan | None, open_at: int, inner_end: int, unit: Unit) -> QuoteSpan:
    """The quote so far (a chain over earlier paragraphs, if any) plus this paragraph's part."""
    piece = (open_at + 1, inner_end)
    if chain is None:
        return QuoteSpan(open_at, inner_end, [piece], [unit.index])
    return QuoteSpan(chain.open, inner_end, [*chain.pieces, piece], [*chain.blocks, unit.index])


def _chains(previous: Unit | None, unit: Unit) -> bool:
    if previous is None:
        return False
    same_section = previous.block.section == unit.block.section
    return same_section and unit.block.kind == "paragraph" and previous.block.kind == "paragraph"


def _is_aside(text: str, unit: Unit, previous: Unit | None) -> bool:
    """`Ann Lee (Photo: Getty Images)`, `Hide Ad`: a short paragraph with no quotation
    mark that ends no sentence, in the open quote's section: a caption, a credit or an
    ad line set between two paragraphs of one quote, which goes on after it."""
    if previous is None or unit.block.section != previous.block.section:
        return False
    if unit.block.kind not in ("paragraph", "caption") or unit.end - unit.start > _ASIDE_MOST:
        return False
    if _QUOTE_MARK.search(text, unit.start, unit.end) is not None:
        return False
    return not text[unit.start : unit.end].rstrip().endswith((".", "!", "?", ":"))


def _cap(scan: QuoteScan, text: str, pending: QuoteSpan, unit: Unit | None) -> None:
    """Report an unclosed quote; keep it only if it opened its paragraph (a real quote)."""
    line = unit.block.line if unit else 0
    scan.warnings.append(f"unbalanced quote mark at line {line}")
    first_piece_start = pending.pieces[0][0] - 1
    opened_paragraph = unit is not None and (
        first_piece_start == unit.start
        or len(pending.pieces) > 1
        or introduced(text, first_piece_start)
    )
    if opened_paragraph and _has_words(text, pending.pieces):
        scan.spans.append(pending)


def introduced(text: str, open_at: int) -> bool:
    """A mark that a colon or a speech verb and a comma introduce ('saying: "People
    seem to think the [...]', "She told us, 'I wrote to ..."), or that opens the sentence
    after one that ends in a speech verb and its listener ("he told the BBC. “We …"): it
    opens a quote even when its paragraph never closes it (a cut excerpt, a forgotten
    closing mark)."""
    before = text[max(0, open_at - _INTRODUCED_REACH) : open_at].rstrip()
    if before.endswith(":"):
        return True
    if not before.endswith((",", ".", "!", "?")):
        return False
    words = [lower(w) for w in _WORDS.findall(before)[-_INTRODUCED_WORDS:]]
    return any(word in SPEECH_VERBS for word in words)


_TITLE_MOST_WORDS: Final = 12  # a work's or an event's name is short
_WORK_NOUN_REACH: Final = 24  # "the novel ", "a film called ": the noun right before
_TITLE_STOPS: Final = (",", ";", ":", "!", "?")  # inside or closing words said, not a name


def names_a_work(norm: str, text: str, open_at: int) -> bool:
    """The marks hold the name of a work or an event, not anyone's words: a phrase in
    title case ("The House of Passion", "Day of Wrath", "I Have a Dream"), or any short
    phrase right after a work's noun ("the film "a boy and his boat""). Either way, no
    comma, colon or question inside: words said run on in clauses."""
    if any(s in text for s in _TITLE_STOPS):
        return False  # asked first: most words said hold a comma, and need no split
    # Words past the most are left in one piece: only that there are more is asked.
    words = text.rstrip(".").split(None, _TITLE_MOST_WORDS)
    if not 2 <= len(words) <= _TITLE_MOST_WORDS:
        return False
    before = lower(norm[max(0, open_at - _WORK_NOUN_REACH) : open_at]).split()
    if before and before[-1].strip("\"'\u201c\u2018") in WORK_NOUNS:
        return True
    if text.isupper() or not words[0][:1].isupper():
        return False
    capitals = 0
    for word in words[1:]:
        if word[:1].isupper() or word[:1].isdigit():
            capitals += 1
        elif lower(word) not in TITLE_CASE_SMALL_WORDS:
            return False
    return capitals >= 1
