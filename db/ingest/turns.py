"""Quotes that carry no quotation marks: transcript turns and attributed block quotes.

A transcript gives each speaker's words after a label at the start of a paragraph
(`MR. NAME:`, `NAME:`, `Q:` / `A:`, or `Q` and two spaces as in White House
transcripts); a turn runs over the following paragraphs until
the next label. A question from the floor is nobody's quote. Only a document with
several labelled turns is read as a transcript, so a lone "Note:" changes nothing.

A transcript flattened from a PDF runs its turns inline, in one paragraph: a label of
capitals and a colon (`PIEHLER: ... POINTER: ...`) or, in the Public Papers' style, a
short capitalised name and a full stop after a sentence (`The President. ... Cmdr.
Whitson. ...`). Such a label starts a turn only where two labels or more each recur
inline, so prose that names someone once at a sentence's start stays prose.

A block quote stands as its own paragraph with its speaker on the next line
(`— Name, to the crowd`), with or without quotation marks around it.
"""

from __future__ import annotations

import bisect
import operator
import re
from typing import Final

from db.ingest.clean import MEMBER_PHOTO
from db.ingest.dates import find_dates, make_date
from db.ingest.lexicon import (
    HONORIFICS,
    MONTHS,
    NON_PERSON_WORDS,
    RECORD_COURTESIES,
    RECORD_CROWDS,
    RECORD_ROLES,
    RECORD_TITLES,
    ROLL_CALL_WORDS,
    TITLES,
    TRANSCRIPT_FIELDS,
    TURN_LABEL_WORDS,
    UNNAMED_ASKERS,
    UNNAMED_VOICES,
)
from db.ingest.names import LOWER_LETTERS, UPPER_LETTERS, run_shape
from db.ingest.people import Cast, Mention
from db.ingest.quotemarks import Unit
from db.ingest.scan import led_starts
from db.ingest.speakerlines import (
    LIST_LEAST,
    POSSESSIVE,
    credit_name,
    signature_name,
    speaker_lines,
    trailing_credit,
)
from db.records import PartialDate, QuoteRecord, Span
from db.text import lower

_HONORIFIC: Final = (
    r"(?:MR|MRS|MS|MISS|DR|SEN|SENATOR|REP|GOV|GEN|ADM|PROF|AMB|AMBASSADOR|SECRETARY"
    r"|PRESIDENT|CHAIRMAN|CHAIRWOMAN|JUDGE|JUSTICE|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Prof"
    r"|SHRI|SMT|Shri|Smt|Sri|SEC|Sec"  # India's "Shri Anil Kumar"; "SEC. ANN LEE:"
    r"|MK|MP|MEP|MLA|MSP|TD"  # a member of a house: "MK Hanin Zouabi (Balad):"
    r"|PM|DPM|FM|MFA)"  # an office's initials: "PM Lee:", "MFA Poposki:"
)
# Capitals and small letters, accented or not ("MS. OSEÑA-PAEZ:", "José García:").
_UPPER: Final = UPPER_LETTERS
_LOWER: Final = LOWER_LETTERS
_CAPS_WORD: Final = rf"[{_UPPER}][{_UPPER}'\u2019-]*[{_UPPER}]\.?"
# "Ann", "O'Neill", "Al-Bashir", "McDonald": one capital inside a word after its first.
_TITLE_WORD: Final = rf"[{_UPPER}][{_LOWER}'\u2019-]+(?:[{_UPPER}][{_LOWER}'\u2019-]+)?"
# Lower-case particles inside a name ("Ann van Dijk", "Luis de la Cruz", "Omar bin Said").
_PARTICLES: Final = frozenset(
    "de da di del della van von der den la le du dos das bin ibn al ter".split()
)
_PARTICLE: Final = "(?:" + "|".join(sorted(_PARTICLES)) + ")"
_ASIDE_SMALL_WORDS: Final = ("of", "the", "and", "for")  # ", Harbour Master of the Port"
_LABEL_SMALL_WORDS: Final = _PARTICLES | frozenset(_ASIDE_SMALL_WORDS)  # a label's lowercase
# After an office's label, the name of who holds it and a colon, alone on the line
# ("Chair:  Orly Levi-Abekasis:"): the turn is that person's.
_HOLDER_AFTER: Final = re.compile(
    r"\s*(?:(?P<name>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){1,3}):"
    # or in brackets, a rank before it: "MC: (Maj-Gen. Ann Lee)"
    r"|\((?:[A-Z][\w-]*\.\s)?(?P<bracketed>[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){1,3})\))\s*\Z"
)
_LOWER_OFFICES: Final = "|".join(sorted((t for t in TITLES if t.isalpha()), key=len, reverse=True))
# After a name and before its colon, what a hearing's record adds: a party or a body in
# brackets ("SEN. ANNA VOSS (D-Maine):"), a seat and a party as Hansard writes them ("Ann
# Lee (Hull North) (Lab):"), an office in capitals ("ANNA VOSS, MAYOR:") or in title
# case ("Anil Kumar, Official Spokesperson:").
_LABEL_ASIDE: Final = (
    r"\s\([^()\n]{1,40}\)(?:\s\([^()\n]{1,40}\))?"
    rf"|,\s{_CAPS_WORD}(?:\s(?:{_CAPS_WORD}|OF|THE|AND)){{0,4}}"
    rf"|,\s(?:{_CAPS_WORD}\s)?{_TITLE_WORD}"
    rf"(?:\s(?:{_TITLE_WORD}|{_CAPS_WORD}|{'|'.join(_ASIDE_SMALL_WORDS)})){{0,4}}"
    # an office in lower case and its country or body: ", president of Sudan"
    rf"|,\s(?:the\s)?(?:{_LOWER_OFFICES})\s(?:of|for)\s(?:the\s)?{_TITLE_WORD}(?:\s{_TITLE_WORD}){{0,2}}"
)
# A Wikinews interview sets its interviewer's name between two waving logos, whose
# file names stay when the page is copied as text: "Wikinews waves Left.pngLaura
# HaleWikinews waves Right.png You were ...".
_WIKINEWS_WAVES: Final = "Wikinews waves Left.png"
_WIKINEWS_TURN: Final = re.compile(
    r"Wikinews waves Left\.png(?P<label>[A-Z][^\n]{1,40}?)Wikinews waves Right\.png\s+(?=\S)"
)
# A name in brackets after an office's label: "External Affairs Minister (Shrimati Sushma
# Swaraj):".
_ASIDE_NAME: Final = re.compile(r"\(([^()\n]{3,40})\)")
# A recording's transcript may open each turn with its time in brackets ("[00:01:05]"),
# or put it after the name on a line of their own ("Ann Lee  00:01:05", as transcribing
# services export); a label may be set in Markdown's bold ("**Ann Lee:**") in plain text,
# or glued to the capital its words open with ("Ann Lee:What ...").
_TURN: Final = re.compile(
    r"(?:\[\d{1,2}(?::\d\d){1,2}\]\s+)?(?:\*\*)?"
    rf"(?P<label>(?:{_HONORIFIC}\.?\s)?(?:{_CAPS_WORD}(?:\s{_CAPS_WORD}){{0,3}}"
    rf"|{_TITLE_WORD}(?:\s(?:{_PARTICLE}\s){{0,2}}(?:{_PARTICLE}-)?{_TITLE_WORD}){{0,2}})|Q|A)"
    rf"(?:{_LABEL_ASIDE})?"
    r"(?:(?:\*\*)?\s?(?::|(?<=\bQ)\.|(?<=\bA)\.)(?:\*\*)?|(?<=\bQ)(?=\s{2})"
    r"|(?<=\b[A-Z]{2})(?=\s{3})|(?<=\b[A-Z]{3})(?=\s{3})"  # "TAG     Thank you.": initials
    r"|[ \t]+\d{1,2}(?::\d\d){1,2}(?=[ \t]*(?:\n|$)))(?:\s+(?=\S)|(?<=:)(?=[A-Z])|\s*$)"
)
# Inline: a label of capitals ending at a colon (searched backwards from the colon).
_INLINE_CAPS: Final = re.compile(rf"(?:{_HONORIFIC}\.?\s)?{_CAPS_WORD}(?: {_CAPS_WORD}){{0,3}}\Z")
# Inline, Public Papers style: up to eight capitalised words or numbers and a full stop
# ("ISS Expedition 51 Cmdr. Peggy A. Whitson."), after a sentence's end, a broken-off
# one's dash, a bracket ("[Laughter]") or a date's last digit; spaces only, so a label
# never runs over a line.
# Words of such a label: an abbreviation with its full stop ("Cmdr.", an initial) or a
# word without one, so "The Mayor. Good." is the label "The Mayor" and a sentence.
_LABEL_ABBREVIATIONS: Final = "|".join(sorted(HONORIFICS | {"Cmdr", "Adm", "Amb", "Hon", "Jr"}))
_PERIOD_TOKEN: Final = rf"(?:(?:{_LABEL_ABBREVIATIONS}|[A-Z])\.|[A-Z][A-Za-z'-]*|\d{{1,3}})"
_PERIOD_LABEL: Final = rf"(?P<label>(?:{_PERIOD_TOKEN} ){{0,7}}[A-Z][A-Za-z'-]*)\. +(?=\S)"
_PERIOD_TURN: Final = re.compile(_PERIOD_LABEL)
_INLINE_PERIOD: Final = re.compile(rf"[.!?\d)\]-] +{_PERIOD_LABEL}")
# A paragraph this long may be a flattened page whose turns run inline; an ordinary
# paragraph is not searched for them (the search costs a regex step per character).
_FLATTENED_LEAST: Final = 1000
_LABEL_ENDS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.")  # what a `NAME:` has before ":"
_MIN_RECURRING: Final = 2  # labels that recur inline before inline labels start turns
# `Q:` or `A:` after a sentence's end (a closing mark or bracket may follow the stop).
_INLINE_QA: Final = re.compile(r"[.!?][\"')\]\u201d\u2019]{0,2} (?P<label>[QA]):\s")
# A question labelled `Q` and an aside in brackets, with no colon, as a briefing's record
# writes an interpreted one: `Q (Through interpreter.) Before we start ...`.
_Q_ASIDE: Final = re.compile(r"(?P<label>Q)\s\([^()\n]{1,40}\)\s+(?=\S)")
# `Mr. Linder. The meeting will come to order.`: a hearing's record opens a turn with an
# honorific, the speaker's name and a full stop, and the Public Papers a president's
# remarks so (`President Obama. Well, once again, ...`); so labelled, one turn is enough.
_RECORD_TURN: Final = re.compile(
    rf"(?P<label>(?:{_HONORIFIC}\.?|President|Prime\sMinister)\s(?:{_CAPS_WORD}|{_TITLE_WORD})"
    rf"(?:\s(?:{_CAPS_WORD}|{_TITLE_WORD})){{0,2}})"
    r"\.\s+(?=[A-Z\"\u201c]\S*(?:\s+\S+){3})"
)
# `The Minister for Transport (Ann Lee): ...`: a record names an office and, in brackets,
# the member who holds it; the label is the member's name.
_OFFICE_TURN: Final = re.compile(
    r"The(?:\s(?:[A-Z][\w'-]*|of|for|the|and|on|in)){1,10}"
    r"\s\((?P<label>[A-Z][^()\n:]{2,60})\):\s+(?=\S)"
)
# `((Diego Grez)) Where are you living?`, `((DG)) ...`: an interview's turn labelled in
# double brackets, with no colon.
_BRACKET_TURN: Final = re.compile(r"\(\((?P<label>[A-Z][\w.' -]{0,40})\)\)\s*(?=\S)")
# A parliament's record online heads each speech with a line for its member: the alt
# text of the member's photo, the name, and the seat and party in brackets, then a line
# of links ("Link to this: ...", "- Hansard - Excerpts"), then the speech itself.
#   `Photo of Ann LeeAnn Lee (Kildare South, Labour)`: the photo's text glued to the name;
#   `Ann Lee Portrait Mrs Ann Lee (Warley) (Lab)`: the name after "Portrait";
#   `Ann Lee Portrait The Leader of the House (Mrs Ann Lee)`: an office, the name after it.
_MEMBER_ASIDE: Final = r"\([^()\n]{1,80}\)"
_MEMBER_HEADERS: Final = (
    # its links may follow on its line: `... (Kennedy, KAP) Share this | | Hansard source`
    re.compile(MEMBER_PHOTO.pattern + r"(?:\s+(?:Share this|Link to this)\b[^\n]*)?\s*\Z"),
    re.compile(r"[^()\n]{2,60}? Portrait The [^()\n]{2,80}? \((?P<label>[^()\n]{2,60})\)\s*\Z"),
    re.compile(
        rf"[^()\n]{{2,60}}? Portrait (?P<label>[^()\n]{{2,60}}?)(?:\s{_MEMBER_ASIDE}){{1,2}}\s*\Z"
    ),
    # later speeches drop the seat: `Ann Lee Portrait Mrs Lee`
    re.compile(rf"[^()\n]{{2,60}}? Portrait (?P<label>{_HONORIFIC}\.? [A-Z][^()\n]{{1,40}}?)\s*\Z"),
)
_MEMBER_LINKS_MOST: Final = 80  # the links line under a member's header, at most
_MEMBER_HEADER_MOST: Final = 200  # a member's header line, at most
# `DG:`, `AV:`; four or five capitals with no vowel (`SFMD:`) are initials too, as no
# name is spelled so. A senate's or a court's record may put the title's initial first.
_INITIALS_GAP: Final = re.compile(r"[A-Z]{2,3}\s{3}")  # "TAG     Thank you.": see _TURN
_INITIALS: Final = re.compile(r"(?:[A-Z]{2,3}|[B-DF-HJ-NP-TV-XZ]{4,5})\Z")
# A record flattened from a PDF (a Hansard, minutes, a court's transcript): a label of a
# title ("Hon.", "Cllr.", "Mr.", "The") and up to four capitalised words, a bracketed
# seat or party, and a colon ("Hon. Ann Lee:", "Mrs. Ann Lee (Bergen North):", "The
# Clerk:"), at a paragraph's start or after a sentence or a stage direction's bracket.
_RECORD_TITLE: Final = (
    "(?:" + "|".join(re.escape(t) for t in sorted(RECORD_TITLES, key=len, reverse=True)) + r")\.?"
)
_RECORD_WORD: Final = rf"(?:{_PARTICLE}\s)?[A-Z](?:[\w'\u2019-]+|\.)"
_RECORD_LABEL: Final = re.compile(
    rf"(?P<label>{_RECORD_TITLE}(?:\s{_RECORD_TITLE})?(?:\s{_RECORD_WORD}){{1,4}})"
    rf"(?:{_LABEL_ASIDE})?\s?:\s+(?=\S)"
)
# The Historic Hansard online glues each speech to its member's name after a section
# mark: `§ Mr. Noel-BakerI apologise ...`, `§ The PRIME MINISTER (Mr. Harold
# Macmillan)I beg to move ...`: the name ends where a small letter (or the bracket) meets
# the speech's capital. A question's number before it (`§ 16. Mr. Fell asked ...`)
# reports a written question, whose words no one says here.
_HANSARD_TURN: Final = re.compile(
    rf"\u00a7\s+(?:The\s[^()\n]{{1,80}}\()?"
    rf"(?P<label>{_RECORD_TITLE}(?:\s[A-Z][\w.'-]*)*[a-z])\)?(?=[A-Z\"])"
)
# What opens a member's label in a parliament's record ("Rt Hon JOHN KEY:", "Hon. Ann
# Lee :"), which the turn label's honorifics do not hold.
_HONOURED: Final = ("Rt ", "Rt. ", "Hon ", "Hon. ")
# Where a label may start inside a paragraph: after a sentence's end, a bracket, a
# heading's word in capitals ("QUORUM Hon. Speaker:") or a page number.
_RECORD_BOUNDARY: Final = re.compile(r"(?:[.!?)\]\"\u201d\d]|\b[A-Z]{2,}) (?=[A-Z])")
_RECORD_REACH: Final = 120  # a title, four words and a bracketed seat before the colon
_RECORD_LEAST: Final = 3  # labels, one of them recurring, that make a flattened record
# `(Bell rung)`, `[Laughter]`, `(Applause)` between a turn's sentences: the record's
# stage directions, not words of the turn.
_STAGE_DIRECTION: Final = re.compile(
    "(?<=[.!?:\"\u201d] )[(\\[][A-Z][A-Za-z' -]{0,40}[)\\]](?: |$)"
)
_ONLY_NOTE: Final = re.compile(r"[(\[][^)\]]*[)\]][.!]?")  # "[inaudible].", "(crosstalk)"
# `(Hon. Speaker (Ms. Ann Lee) in the Chair)`, `[The Deputy Speaker (Mr. Tom Reed) took
# the Chair]`: a record's note of who presides, an office and a name in brackets.
_IN_THE_CHAIR: Final = re.compile(
    r"[(\[](?P<office>(?:[A-Z][a-z]*\.?\s){0,2}[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)"
    r"\s\((?P<name>[A-Z][^()\n]{2,60})\)\s(?:in|took|resumed)\sthe\s[Cc]hair"
)
# Words before a name or an office that are courtesy, not name: "Hon. Ann Lee" is Ann
# Lee, "Madam Speaker" and "Mr Justice Wilson" an office and a judge's surname: a
# record's one-word titles (lexicon.RECORD_TITLES), less the offices "Senator", "Sen"
# and "Rep" and the "The" of "The Clerk", which this reading keeps.
_NAMING_TITLES: Final = frozenset(("senator", "sen", "rep", "the"))
_COURTESIES: Final = RECORD_COURTESIES | (
    frozenset(lower(t) for t in RECORD_TITLES if " " not in t) - _NAMING_TITLES
)
_LEADING_HONORIFIC: Final = re.compile(rf"^{_HONORIFIC}\.?\s")
# Labels of someone who asks and is not named: a question from the floor, an interviewer.
_QUESTION_LABELS: Final = frozenset(
    ("q", "question", "reporter", "audience member", "audience", "interviewer", "questioner")
)
# Labels whose words are no one's quote: an unnamed asker's, or a programme's host's.
_NOBODYS_LABELS: Final = _QUESTION_LABELS | UNNAMED_ASKERS
_ANSWER_LABELS: Final = frozenset(("a", "answer", "interviewee"))
# "an interview with Ann Lee", "interviewed Dr Ann Lee": the name follows (past titles);
# "Ann Lee, interviewed by ...", "Ann Lee was interviewed by": the name comes before.
_INTERVIEW_WITH: Final = re.compile(
    r"\b(?:[Ii]nterview\s(?:with|of)|[Ii]nterviewed|[Ii]nterviewee:?)\s"
)
# What an interview's headline says it is (lower case); a press conference's or a
# briefing's ("Spokesperson Ann Lee's Regular Press Conference") answers as one does.
_INTERVIEW_HEADLINE_WORDS: Final = (
    "interview",
    "q&a",
    "q & a",
    "q and a",
    "in conversation",
    "questions for",
    "questions with",
    "press conference",
    "news conference",
    "press briefing",
    "news briefing",
)
# A header's field and a name: who asks ("Interviewer: Tom Reed") or who answers.
_HEADER_LINE: Final = re.compile(
    r"^(?:(?P<field>Interviewer|Interviewee|Host|Guest|Presenter|Respondent|Narrator)s?:"
    r"|(?P<by>Interview(?:ed| conducted)? by))"  # "Interviewed by Ann Lee": who asks
    r"[ \t]*(?P<name>[^\n]{3,60}?)[ \t]*$",
    re.MULTILINE,
)
_ASKING_FIELDS: Final = frozenset(("interviewer", "host", "presenter"))
_HEADER_UNITS: Final = 12  # a header stands among the first paragraphs
_HEADER_MOST: Final = 200  # the longest header paragraph read
_HEADLINE_MOST: Final = 200  # the longest first line read as an interview's headline
_AND_NAME: Final = re.compile(r",?\s(?:and|&)\s(?:[A-Z][\w.'-]*\s){0,3}")
_INTERVIEWED_BY: Final = re.compile(r",?\s(?:was\s)?interviewed\sby\b")
# A court's or a hearing's witness, whose words the `A.` turns are: "ANNA VOSS, having
# been duly sworn, testified as follows:", "Ann Lee, called as a witness, being first
# duly sworn, ...".
_CAPS_NAME_BEFORE: Final = re.compile(rf"(?<![\w.]){_CAPS_WORD}(?:\s{_CAPS_WORD}){{1,3}}\Z")
_SWORN: Final = re.compile(
    r",\s(?:called\sas\sa\switness,\s)?(?:having\sbeen|being|was)\s(?:first\s)?"
    r"(?:duly\s)?(?:sworn|affirmed)\b",
    re.IGNORECASE,
)
_START: Final = operator.attrgetter("start")
_END: Final = 1 << 62  # sorts after every end offset, for bisection on (start, end)
_LABEL_REACH: Final = 64  # the longest label: an honorific and four capitalised words
_LINK_OPENINGS: Final = ("http://", "https://", "www.")
_OFFICE_TO_BE: Final = frozenset(("elect", "designate"))
MIN_TURNS: Final = 2  # labelled paragraphs (by two labels or more) that make a transcript
# A header line that says its text is a speech: "Speech by", "Remarks of", "Statement of
# President Lee at", "Keynote address delivered by", "the Mayor's Address" (lower case).
_SPEECH_WORDS: Final = (
    "speech", "statement", "remarks", "address", "lecture", "keynote", "sermon", "eulogy",
    "testimony",
)  # fmt: skip
_SPEECH_KINDS: Final = "(?i:" + "|".join(_SPEECH_WORDS) + ")"
_SPEECH_CUE: Final = re.compile(
    rf"\b{_SPEECH_KINDS}(?:\s(?i:as\sprepared|delivered|given|made))?\s(?i:for\sdelivery\s)?"
    r"(?i:by|of|from)\s"
    rf"|(?P<office>[A-Z][\w.-]*(?:\s[A-Z][\w.-]*){{0,2}})['\u2018\u2019]s\s"
    rf"(?:[A-Z]\w+\s)?{_SPEECH_KINDS}\b"
)
# A sentence that says the text below is a speech of the person named above it: "The
# following is the full text of his speech.", "Below is the text of her address." (lower
# case).
_FULL_TEXT: Final = re.compile(
    r"\b(?:following|below|here)\s(?:is|are)\s(?:the\s)?(?:full\s|complete\s|official\s)?"
    r"(?:text|transcript)\sof\s(?:his|her)\s"
)
# A report's closing sentence that gives the speech below it and whose it is: "Here is
# the message to the nation of the head of state Ann Lee this Monday."
_HERE_IS: Final = re.compile(
    r"\b(?:[Hh]ere|[Bb]elow)\s(?:is|are)\s(?:the\s)?(?:full\s|complete\s)?(?:text\sof\s(?:the\s)?)?"
    r"(?:message|speech|address|statement)\b[^.\n]{0,160}\.\s*\Z"
)
_HERE_IS_REACH: Final = 240
# What may stand before a headline's "Ann Lee's Speech": nothing, or a kicker and its
# colon ("Argentina: Ann Lee's Inauguration Speech").
_KICKER: Final = re.compile(r"(?:[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,2}:\s)?")
# The name after the cue, up to the occasion a title-case header goes on with: "Statement
# by Prime Minister Holness At Press Conference ..." names Holness.
_OCCASION_WORDS: Final = r"(?:At|On|In|To|With|For|During|Before|After|Upon|From)\s"
_CUED_HEADER_WORDS: Final = 6  # "Statement by Taoiseach.": a header's words, at most
_SPEECH_NAME: Final = re.compile(
    rf"(?:(?!{_OCCASION_WORDS})[A-Z][\w.'\u2019-]*\s){{0,5}}(?!{_OCCASION_WORDS})[A-Z][\w'\u2019-]*"
)
# A speech's opening thanks, short as it is: "Thank you, Minister.", "Thank you very much."
_THANKS: Final = ("Thank you", "Thanks")
_SPEECH_BLOCKS: Final = ("paragraph", "bullet")  # "- We have discussed ...": points said
# The first person, early in a speech: the speaker's own words, not a report of them.
_SPEAKING_SELF: Final = re.compile(r"\b(?:I|[Ww]e|[Mm]y|[Oo]ur|[Mm]e)\b")
_SPEAKING_SELF_REACH: Final = 600
_SENTENCE_LEAST: Final = 6  # words in a speech's first paragraph, at least
# Paragraphs that one person's label opens, with unlabelled ones between, that make an
# interview whose questions carry no label (set off only by a bold type lost in text).
MIN_SOLE_TURNS: Final = 3
_GENERATIONS: Final = frozenset("jr sr ii iii iv".split())  # "Renato Solidum Jr."
_TURN_TIME: Final = re.compile(r"[ \t]*\(\d{1,2}:\d{2}(?::\d{2})?\)")  # "Ann Lee: (00:03)"
_QUESTION_MOST: Final = 200  # an interviewer's question on its own line, at most
_ATTRIBUTION_LINE: Final = re.compile(r"\s*-{1,2}\s*(?=[A-Z])")
_LIFE_DATES: Final = re.compile(r"\s*\([^()]{0,30}\)\s*$|\s+$")
_LIFE_SPAN: Final = re.compile(r"\((?:[^()\d]{0,8})(\d{3,4})\s*[-\u2013\u2014]\s*(\d{3,4})\)\s*$")
_TITLE_WORDS: Final = re.compile(r"(?:[A-Z][\w.'-]*\s)*")  # capitalised words only
_SAID_ENDINGS: Final = ".!?\"'"
_SIGNATURE_KINDS: Final = ("bullet", "paragraph", "label")
_OUTER_MARKS: Final = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e "


class Turns:
    """Quotes without marks, and the stretches of text they cover (in text order)."""

    def __init__(self) -> None:
        self.quotes: list[QuoteRecord] = []
        self.turns: list[tuple[int, int]] = []  # transcript turns, in order
        self.blocks: list[tuple[int, int]] = []  # block quotes, in order
        # A page of quotes laid out as a list (speakerlines): the speaker a credit or
        # name line gives the quote lines by unit index, and the name lines over quotes.
        self.listed: dict[int, str] = {}
        self.heads: set[int] = set()

    def in_turn(self, pos: int) -> int | None:
        """The index of the turn that holds pos, if one does (by bisection)."""
        index = bisect.bisect_right(self.turns, (pos, _END)) - 1
        return index if index >= 0 and pos < self.turns[index][1] else None

    def is_block(self, pos: int) -> bool:
        """True if pos lies in a block quote (whose own marks are part of it)."""
        index = bisect.bisect_right(self.blocks, (pos, _END)) - 1
        return index >= 0 and pos < self.blocks[index][1]


def _label_of(norm: str, unit: Unit, members: bool) -> re.Match[str] | bool | None:
    """The turn label opening a paragraph, or a record's member header ending it; False
    for one that labels no speaker ("Note:"), which ends a turn all the same; None for a
    paragraph with no label. members: the text may hold member headers (_may_head)."""
    if unit.block.kind not in ("paragraph", "label"):
        return None
    header = _member_header(norm, unit) if members else None
    if header is not None:
        return header
    first = norm[unit.start]
    if first == "\u00a7":
        return _HANSARD_TURN.match(norm, unit.start, unit.end)
    if first == "W" and norm.startswith(_WIKINEWS_WAVES, unit.start):
        return _WIKINEWS_TURN.match(norm, unit.start, unit.end)
    if not (first.isupper() or first in "[(*"):
        return None  # a label opens with a capital, a time's "[", "((" or a bold "**"
    if norm.startswith("((", unit.start):
        bracketed = _BRACKET_TURN.match(norm, unit.start, unit.end)
        if bracketed is None:
            return None
        return bracketed if _is_speaker_label(bracketed.group("label")) else False
    colon = norm.find(":", unit.start, unit.start + _LABEL_REACH)
    # every label but "Q." / "A." / "Q  ", initials before a gap ("TAG     ...") and a
    # record's "Mr. Name." ends with a colon
    match = (
        _TURN.match(norm, unit.start, unit.end)
        if norm[unit.start] in "QA"
        or (colon >= 0 and (norm[unit.start] in "[*" or _may_label(norm, unit.start, colon)))
        or _INITIALS_GAP.match(norm, unit.start) is not None
        else None
    )
    if match is None and norm.startswith("Q (", unit.start):
        match = _Q_ASIDE.match(norm, unit.start, unit.end)  # "Q (Through interpreter.) ..."
    if match is None and colon >= 0 and norm.startswith("The ", unit.start):
        match = _OFFICE_TURN.match(norm, unit.start, unit.end)
    if match is None and colon >= 0 and norm.startswith(_HONOURED, unit.start):
        match = _RECORD_LABEL.match(norm, unit.start, unit.end)  # "Rt Hon JOHN KEY (PM):"
    if match is None:
        return _RECORD_TURN.match(norm, unit.start, unit.end)
    if match.end() == unit.end and len(match.group("label")) < 2:
        return None  # a lone "Q:" or "A:" line is a heading, not a turn ("JB:" may be)
    if norm.startswith(_LINK_OPENINGS, match.end()) and " " not in norm[match.end() : unit.end]:
        return None  # "Watch Video: https://...": a link's caption, no one's words
    return match if _is_speaker_label(match.group("label")) else False


def _may_label(norm: str, start: int, colon: int) -> bool:
    """A cheap look before the first colon of a paragraph that opens with no Q, A,
    time in brackets or bold mark, which spares most paragraphs the costly _TURN match:
    a label's words (an honorific's, a `, MAYOR` aside's) all open with a capital or are
    name particles, and only an aside in brackets, or the time after a name on its own
    line, may hold a colon before the label's."""
    if norm.find("(", start, colon) >= 0:
        return True  # an aside in brackets may hold a colon: the match decides
    words = norm[start:colon].split()
    if words and words[-1].isdecimal():
        words.pop()  # "Ann Lee  00:01:05": the first colon is the time's
    return all(
        word[0].isupper()
        or word in _LABEL_SMALL_WORDS
        or word.split("-", 1)[0] in _PARTICLES  # "Omar al-Bashir"
        or lower(word.rstrip(",")) in TITLES  # "Ann Lee, president of Sudan"
        for word in words
    )


def _may_head(norm: str) -> bool:
    """The text holds what every member header does ("Photo of " or " Portrait "): two
    plain searches of the whole text, instead of two of every paragraph's last line."""
    return "Photo of " in norm or " Portrait " in norm


def _member_header(norm: str, unit: Unit) -> re.Match[str] | None:
    """A parliament record's header line over a member's speech (see _MEMBER_HEADERS):
    the unit's last line, as a page's links may run on above it in one paragraph."""
    line = norm.rfind("\n", unit.start, unit.end) + 1 or unit.start
    if unit.end - line > _MEMBER_HEADER_MOST:
        return None
    if not norm.startswith("Photo of ", line) and norm.find(" Portrait ", line, unit.end) < 0:
        return None  # cheap: this runs for every paragraph
    for pattern in _MEMBER_HEADERS:
        found = pattern.match(norm, line, unit.end)
        if found is not None:
            return found
    return None


def _is_speaker_label(label: str) -> bool:
    """A label that may name a speaker: no "Note", month or common noun, no roll call
    ("Present: Representatives Linder, ...", "Also present:") of who attended, and no
    examination's header ("BY MR. REED:", over the questions that lawyer asks)."""
    words = lower(label).rstrip(".")
    split = words.split()
    return not (
        words in TURN_LABEL_WORDS
        or words in TRANSCRIPT_FIELDS
        or split[0] in MONTHS
        or words in NON_PERSON_WORDS
        or split[-1] in ROLL_CALL_WORDS
        or split[0] == "by"
    )


def _caps_inline(norm: str, within: _Paragraphs) -> list[re.Match[str]]:
    """`NAME:` labels inside paragraphs (not at their start), found from each colon back."""
    found: list[re.Match[str]] = []
    colon = norm.find(":")
    while colon >= 0:
        unit = within.unit_at(colon) if norm[colon - 1 : colon] in _LABEL_ENDS else None
        if unit is not None:
            reach = max(unit.start + 1, colon - _LABEL_REACH)
            label = _INLINE_CAPS.search(norm, reach, colon)
            if label is not None and norm[label.start() - 1].isspace():
                turn = _TURN.match(norm, label.start(), unit.end)
                if turn is not None and turn.end() > colon and _is_speaker_label(turn["label"]):
                    found.append(turn)
        colon = norm.find(":", colon + 1)
    return found


def _period_inline(norm: str, within: _Paragraphs) -> list[re.Match[str]]:
    """`Name Name.` labels at the start of a paragraph long enough to be a flattened page,
    or of a sentence inside it: candidates only."""
    found: list[re.Match[str]] = []
    for unit in within.units:
        if unit.end - unit.start < _FLATTENED_LEAST:
            continue
        first = _PERIOD_TURN.match(norm, unit.start, unit.end)
        if first is not None:
            found.append(first)
        for match in _INLINE_PERIOD.finditer(norm, unit.start, unit.end):
            turn = _PERIOD_TURN.match(norm, match.start("label"), unit.end)
            if turn is not None:
                found.append(turn)
    return [m for m in found if " " in m["label"] and _is_speaker_label(m["label"])]


class _Paragraphs:
    """The paragraph units, looked up by an offset inside them (by bisection)."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = [unit for unit in units if unit.block.kind == "paragraph"]
        self.starts = [unit.start for unit in self.units]

    def unit_at(self, pos: int) -> Unit | None:
        """The paragraph that holds pos, if one does."""
        index = bisect.bisect_right(self.starts, pos) - 1
        return self.units[index] if index >= 0 and pos < self.units[index].end else None


def _recurring(found: list[re.Match[str]], by_surname: bool) -> list[re.Match[str]]:
    """The labels of a flattened transcript: none unless two labels or more recur;
    then every label (by_surname: those that recur or end with a recurring one's last
    word, "Cmdr. Peggy A. Whitson" beside "Cmdr. Whitson")."""
    counts: dict[str, int] = {}
    for match in found:
        key = lower(match["label"])
        counts[key] = counts.get(key, 0) + 1
    recurring = {key for key, count in counts.items() if count >= 2}
    if len(recurring) < _MIN_RECURRING:
        return []
    if not by_surname:
        return found
    surnames = {key.split()[-1] for key in recurring}
    return [m for m in found if lower(m["label"]).split()[-1] in surnames]


def _qa_inline(norm: str, within: _Paragraphs) -> list[re.Match[str]]:
    """`Q: ... A: ... Q: ... A: ...` flattened into one paragraph: `Q:` and `A:` after a
    sentence's end start turns when a paragraph holds two answers or more inside it."""
    found: list[re.Match[str]] = []
    for unit in within.units:
        if norm.find("A: ", unit.start, unit.end) < 0:
            continue
        inside = list(_INLINE_QA.finditer(norm, unit.start, unit.end))
        answers = sum(1 for m in inside if m["label"] == "A")
        if answers >= _MIN_RECURRING and len(inside) > answers:
            for match in inside:
                turn = _TURN.match(norm, match.start("label"), unit.end)
                if turn is not None:
                    found.append(turn)
    return found


def _inline_labels(norm: str, units: list[Unit]) -> dict[int, re.Match[str]]:
    """The labels that start turns inside paragraphs, by offset (see the module's doc)."""
    within = _Paragraphs(units)
    caps = _caps_inline(norm, within) if ":" in norm else []
    labels = {m.start(): m for m in _recurring(_period_inline(norm, within), by_surname=True)}
    labels.update((m.start(), m) for m in _recurring(caps, by_surname=False))
    if led_starts(norm, "Q", ("Q: ",)) and "A: " in norm:  # one character found fastest
        labels.update((m.start(), m) for m in _qa_inline(norm, within))
    if ": " in norm:
        labels.update((m.start(), m) for m in _record_labels(norm, within))
    return labels


def _record_labels(norm: str, within: _Paragraphs) -> list[re.Match[str]]:
    """A record's `Hon. Name:` labels, inline or opening paragraphs (see _RECORD_LABEL):
    none unless three or more are found, by two labels or more, one of them recurring,
    so a lone `Dr. Ann Lee: a life` in prose stays prose."""
    found: list[re.Match[str]] = []
    colon = norm.find(": ")
    while colon >= 0:
        before = norm[colon - 1 : colon]
        unit = (
            within.unit_at(colon)
            if before == ")" or (before.isalpha() and _capitalised_word_ends(norm, colon))
            else None
        )
        if unit is not None:
            label = _record_label_at(norm, unit, colon)
            if label is not None:
                found.append(label)
        colon = norm.find(": ", colon + 1)
    counts: dict[str, int] = {}
    for match in found:
        key = lower(match["label"])
        counts[key] = counts.get(key, 0) + 1
    if len(found) < _RECORD_LEAST or len(counts) < 2 or max(counts.values()) < 2:
        return []
    return found


def _capitalised_word_ends(norm: str, colon: int) -> bool:
    """The word before the colon opens with a capital, as a label's last name does: a
    cheap test that spares most colons of prose ("said: ...", "the following: ...")
    the regex search of _record_label_at."""
    start = colon - 1
    least = max(1, colon - _RECORD_REACH)
    while start > least and not norm[start - 1].isspace():
        start -= 1
    return "A" <= norm[start] <= "Z"


def _record_label_at(norm: str, unit: Unit, colon: int) -> re.Match[str] | None:
    """The record label that ends at this colon, from the paragraph's start or a
    sentence's or bracket's end; None if no such label does."""
    reach = max(unit.start, colon - _RECORD_REACH)
    starts = [b.end() for b in _RECORD_BOUNDARY.finditer(norm, reach, colon)]
    if reach == unit.start:
        starts.insert(0, unit.start)
    for start in starts:
        match = _RECORD_LABEL.match(norm, start, unit.end)
        if match is None or norm.rfind(":", start, match.end()) != colon:
            continue
        label = match["label"]
        if label.startswith("The ") and not any(
            lower(word).rstrip(".") in TITLES or lower(word) in RECORD_ROLES
            for word in label.split()[1:]
        ):
            return None  # "The Plan:" heads a point; "The Clerk:" speaks
        return match if _is_speaker_label(label) else None
    return None


def _split_at(
    units: list[Unit], dates: list[PartialDate | None], starts: list[int]
) -> tuple[list[Unit], list[PartialDate | None]]:
    """Units cut where inline labels start (sorted starts), each piece with its date."""
    pieces: list[Unit] = []
    piece_dates: list[PartialDate | None] = []
    for unit, date in zip(units, dates, strict=True):
        low = bisect.bisect_right(starts, unit.start)
        high = bisect.bisect_left(starts, unit.end)
        begin = unit.start
        for cut in starts[low:high]:
            pieces.append(Unit(unit.index, unit.block, begin, cut))
            piece_dates.append(date)
            begin = cut
        pieces.append(Unit(unit.index, unit.block, begin, unit.end))
        piece_dates.append(date)
    return pieces, piece_dates


def find_turns(
    text: str,
    norm: str,
    units: list[Unit],
    cast: Cast,
    dates: list[PartialDate | None],
) -> Turns:
    """Transcript turns and attributed block quotes; dates[i] is the date of unit i."""
    turns = Turns()
    inline = _inline_labels(norm, units)
    pieces, piece_dates = _split_at(units, dates, sorted(inline)) if inline else (units, dates)
    members = _may_head(norm)
    labels = [inline.get(unit.start) or _label_of(norm, unit, members) for unit in pieces]
    chairs: dict[str, str] = {}
    if any(m.re is _RECORD_LABEL for m in inline.values()):
        _keep_to_record(labels)
        chairs = _chairs(norm, cast)
    roles = _header_roles(norm, pieces, labels, cast) if ":" in norm else {}
    for role, person in _aside_roles(norm, labels, cast).items():
        roles.setdefault(role, person)
    named = [label for label in labels if isinstance(label, re.Match)]
    several = len(named) >= MIN_TURNS and len({lower(m.group("label")) for m in named}) >= 2
    # "Justin Trudeau: (00:03)": a transcription service's turn, its time in brackets, is
    # a turn even where one person speaks throughout
    several = several or any(_TURN_TIME.match(norm, m.end()) for m in named)
    members = any(label.re in _MEMBER_HEADERS for label in named)
    if members:
        _keep_to_record(labels)  # "Full Debate: Read Full Debate" on such a page is a link
    if not several and _one_voice(named, cast):
        # "Ann Lee: ..." answers between unlabelled questions: each such paragraph is a
        # turn of its own; none runs on over the unlabelled paragraphs (the questions)
        labels = [label if isinstance(label, re.Match) else False for label in labels]
        several = True
    if several or members or any(label.re is _RECORD_TURN for label in named):
        answers = any(
            isinstance(label, re.Match) and lower(label["label"]) in _ANSWER_LABELS
            for label in labels
        )
        interviewee = roles.get("answers") or (_interviewee(norm, cast) if answers else None)
        if interviewee is None and (
            answers or any(_INITIALS.match(label["label"]) for label in named)
        ):
            # who answers, and whom `SFMD:` may stand for ("Interview with ... Drilon")
            first_turn = min(
                piece.start
                for piece, label in zip(pieces, labels, strict=True)
                if isinstance(label, re.Match)
            )
            interviewee = _headline_interviewee(norm, units, cast, first_turn)
        asker = roles.get("asks")
        _transcript(text, pieces, labels, cast, piece_dates, turns, (interviewee, asker), chairs)
    if not turns.turns:
        _unlabelled_interview(text, norm, units, cast, dates, turns)
    if not turns.turns and len(named) == 1:
        _labelled_speech(text, norm, pieces, labels, cast, piece_dates, turns)
    if not turns.turns:
        _speech(text, norm, units, cast, dates, turns)
    turns.listed, turns.heads = speaker_lines(norm, units, cast)
    _block_quotes(text, norm, units, cast, dates, turns)
    _credited_items(text, norm, units, cast, dates, turns)
    return turns


def _unlabelled_interview(
    text: str,
    norm: str,
    units: list[Unit],
    cast: Cast,
    dates: list[PartialDate | None],
    turns: Turns,
) -> None:
    """An interview that labels no one, its questions set off only by a bold type lost
    in text: the text says whom it interviews ("below is an interview of Ann Lee"), and
    MIN_SOLE_TURNS paragraphs or more that are a question alone ("Who are your heroes?")
    each stand over an answer. Each answer, to the next question, is that person's.

    Each question holds a "?" of its own: a text with fewer needs no paragraph read."""
    if norm.count("?") < MIN_SOLE_TURNS:
        return
    questions = [i for i, unit in enumerate(units) if _is_question(norm, unit)]
    marks = set(questions)  # a set: one look per paragraph, however many questions
    answered = [i for i in questions if i + 1 < len(units) and i + 1 not in marks]
    if len(answered) < MIN_SOLE_TURNS:
        return
    interviewee = _interviewee(norm, cast)
    if interviewee is None:
        return
    for index in answered:
        end = index + 1
        while end < len(units) and end not in marks and units[end].block.kind == "paragraph":
            end += 1
        if end == index + 1:
            continue
        start_at, end_at = units[index + 1].start, units[end - 1].end
        words = " ".join(text[start_at:end_at].split())
        turns.turns.append((units[index].start, end_at))
        turns.quotes.append(
            QuoteRecord(interviewee, words, dates[index + 1], None, False, Span(start_at, end_at))
        )


def _is_question(norm: str, unit: Unit) -> bool:
    """A paragraph that is a short question: it ends with "?" and holds no sentence's end
    but a question's before it (an interviewer's question on a line of its own, "Do you
    think so? And if so, why?")."""
    if unit.end - unit.start > _QUESTION_MOST or unit.block.kind != "paragraph":
        return False
    words = norm[unit.start : unit.end].rstrip()
    return words.endswith("?") and not any(mark in words[:-1] for mark in (". ", "! "))


def _speech(
    text: str,
    norm: str,
    units: list[Unit],
    cast: Cast,
    dates: list[PartialDate | None],
    turns: Turns,
) -> None:
    """A speech's text, as a government or a party publishes it: a header line that
    names it a speech and whose ("Speech by Ann Lee", "Statement of President Lee at
    ...", "Text of the Mayor's Address"), then the speech in the first person (a report
    of it is in the third): one turn of that speaker, from its salutation or first
    paragraph to the text's end, dated by the last day its header lines state."""
    for index, unit in enumerate(units[:_HEADER_UNITS]):
        first_end = norm.find("\n", unit.start, unit.end)
        header_end = unit.end if first_end < 0 else first_end
        if first_end >= 0 and header_end - unit.start <= _HEADER_MOST:
            later = _later_header(norm, unit, first_end)
            if later is not None:  # "Official website of ..." / "Speech of His Majesty ..."
                unit = later
                first_end = norm.find("\n", unit.start, unit.end)
                header_end = unit.end if first_end < 0 else first_end
        if header_end - unit.start > _HEADER_MOST:
            # a report that ends by giving the speech: "... Here is the message to the
            # nation of the head of state Ann Lee this Monday."
            closing = _HERE_IS.search(norm, max(unit.start, unit.end - _HERE_IS_REACH), unit.end)
            speaker = _named_between(cast, closing.start(), closing.end()) if closing else None
        else:  # the unit's first line: a header, maybe over its fuller form ("... Oslo, 16 May.")
            line = lower(norm[unit.start : header_end])
            if not any(word in line for word in _SPEECH_WORDS):
                continue
            cue = _SPEECH_CUE.search(norm, unit.start, header_end)
            headed = cue is not None and cue.start() == unit.start
            if line.rstrip()[-1:] in ".:" and not (headed and line.count(" ") < _CUED_HEADER_WORDS):
                # a sentence ("The following is a statement from ...:") heads no speech,
                # but one that says the text below is "his speech"; a header that opens
                # with its cue may close with a stop ("Statement by Taoiseach.")
                speaker = _named_above(cast, units, index) if _FULL_TEXT.search(line) else None
            else:
                speaker = None if cue is None else _speech_giver(norm, unit, cue, cast)
        if speaker is None:
            continue
        body = _speech_start(norm, units, index + 1)
        if body is None:
            return
        start, end = units[body].start, units[-1].end
        if units[body].block.kind == "bullet":
            start += len(norm[start:end]) - len(norm[start:end].lstrip("*- "))  # its mark
        opening = start
        if norm[start] == '"' and norm.find('"', start + 1, units[-1].start) < 0:
            start += 1  # one mark opens the whole speech, closed (if at all) in its last
        elif norm[start] in _OUTER_MARKS:
            return  # the words stand in quotation marks, which say whose they are
        if not _speaks_as_self(norm, start, end):
            return  # a report of the speech, in the third person: its quotes say whose
        days = [h.date for h in find_dates(norm[unit.start : start]).hits if h.date.day]
        date = _last_day(days) if days else dates[body]
        words = " ".join(text[start:end].split())
        if opening < start:  # its marks are the speech's own, as a block quote's are
            words = words.rstrip(_OUTER_MARKS)
            bisect.insort(turns.blocks, (opening, end))
        turns.turns.append((opening, end))
        turns.quotes.append(
            QuoteRecord(speaker or None, words, date, None, False, Span(start, end))
        )
        return


def _later_header(norm: str, unit: Unit, first_end: int) -> Unit | None:
    """The header line of a speech below a site's or a title's line in one block of short
    lines (the block from that line on), where the first line names no speech and a
    later one opens with a speech's cue: "Official website of ..." over "Speech of His
    Majesty King Ann II"."""
    if any(word in lower(norm[unit.start : first_end]) for word in _SPEECH_WORDS):
        return None  # the first line is the header, as most are
    start = first_end + 1
    while start < unit.end:
        end = norm.find("\n", start, unit.end)
        end = unit.end if end < 0 else end
        if end - start > _HEADER_MOST:
            return None  # a paragraph of prose: no block of header lines
        if _SPEECH_CUE.match(norm, start) is not None:
            return Unit(unit.index, unit.block, start, unit.end)
        start = end + 1
    return None


def _labelled_speech(
    text: str,
    norm: str,
    units: list[Unit],
    labels: list[re.Match[str] | bool | None],
    cast: Cast,
    dates: list[PartialDate | None],
    turns: Turns,
) -> None:
    """A speech or a statement whose one label opens it near the top ("External Affairs
    Minister (Shrimati Sushma Swaraj): Namaskar friends.", "Ann Lee: Good morning."),
    the words after it in the first person: one turn of the person it names, to the
    text's end; a name in brackets after an office's label is its holder's, and an
    office that the text ties to no one ("PM: Good morning.") leaves the speaker unknown."""
    index = next(i for i, label in enumerate(labels) if isinstance(label, re.Match))
    label = labels[index]
    assert isinstance(label, re.Match)
    if not 0 < index < _HEADER_UNITS or label.re not in (_TURN, _RECORD_LABEL):
        return
    start, end = label.end(), units[-1].end
    line_end = norm.find("\n", start, units[index].end)
    said = norm[start : units[index].end if line_end < 0 else line_end].rstrip()
    if said and said[-1] not in _SAID_ENDINGS:
        return  # "Argentina: Alberto Fernandez's Inauguration Speech": a headline
    if start >= units[index].end and index + 1 < len(units):
        start = units[index + 1].start  # "Ann Lee:" alone on its line
    if not _speaks_as_self(norm, start, end):
        return  # a report in the third person
    if norm.find('"', label.start(), end) >= 0:
        return  # words in quotation marks: an article's, whose marks say whose they are
    speaker = _named_in_aside(norm, cast, label) or _speaker_of(label["label"], cast)
    if speaker == "":
        return  # "Q:": a question's label, no one's speech
    words = _without_directions(" ".join(text[start:end].split()))
    turns.turns.append((units[index].start, end))
    turns.quotes.append(QuoteRecord(speaker, words, dates[index], None, False, Span(start, end)))


def _speaks_as_self(norm: str, start: int, end: int) -> bool:
    """The words at [start, end) speak in the first person early on: a speaker's own,
    not a report of them in the third."""
    return _SPEAKING_SELF.search(norm, start, min(end, start + _SPEAKING_SELF_REACH)) is not None


def _last_day(days: list[PartialDate]) -> PartialDate:
    """The last day a speech's header states, in the year it last stated where the day
    states none ("on Monday, March 8, 2021 ... this Monday, March 8")."""
    last = days[-1]
    if last.year is not None or last.month is None or last.day is None:
        return last
    years = [day.year for day in days if day.year is not None]
    return (make_date(years[-1], last.month, last.day) if years else None) or last


def _speech_giver(norm: str, unit: Unit, cue: re.Match[str], cast: Cast) -> str | None:
    """The person a speech's header line names after its cue ("Speech by Ann Lee",
    "Statement of President Lee"), as the text names them in full where it does; or
    the one holder of the office whose speech it is ("Text of PM's Address", where the
    text says "PM Ann Lee"), or the person it names so ("Mandela's speech"); "" for an
    office the text ties to no one ("Statement by Taoiseach."): a speech, its giver
    unknown. None where the header names no one who gives it."""
    owner = cue.group("office")
    if owner is not None:
        holder = cast.holder_of(owner)
        named = None if holder is not None else _headline_owner(norm, unit, cue.start(), owner)
        return holder if named is None else _person_named(cast, named[-1], " ".join(named))
    if norm.startswith(("the ", "The "), cue.end()):  # "Remarks by the Mayor at ...": an office
        office = _SPEECH_NAME.match(norm, cue.end() + len("the "), unit.end)
        if office is not None and all(_is_title_word(lower(w)) for w in office.group(0).split()):
            return cast.holder_of(office.group(0)) or ""
        return None
    run = _SPEECH_NAME.match(norm, cue.end(), unit.end)
    words = [w for w in (run.group(0).split() if run else []) if lower(w) not in TITLES]
    if run is None or _AND_NAME.match(norm, run.end()):
        return None  # "Testimony by Ann Lee and Tom Reed": whose words, the text says
    if not words:  # "Statement by Taoiseach.": an office's, its holder unnamed or not
        return cast.holder_of(run.group(0)) or ""
    shape = run_shape(" ".join(words), sentence_start=True)
    if shape is None or not shape.name:
        return None  # "Statement by Acme Mining Corp": a body's, which no turn is
    return _person_named(cast, shape.name[-1], " ".join(shape.name))


def _named_between(cast: Cast, start: int, end: int) -> str | None:
    """The one person named in [start, end), by name; None for nobody or two."""
    named = {
        m.person for m in cast.mentions if start <= m.start < end and m.kind == "name" and m.person
    }
    return named.pop() if len(named) == 1 else None


def _named_above(cast: Cast, units: list[Unit], index: int) -> str | None:
    """The first person named in the paragraph above units[index], whom "his speech" or
    "her address" there means ("President Ann Lee yesterday outlined ... The following is
    the full text of his speech.")."""
    if index == 0:
        return None
    above = units[index - 1]
    for mention in cast.mentions:
        if mention.start >= above.end:
            break
        if mention.start >= above.start and mention.kind == "name" and mention.person:
            return mention.person
    return None


def _headline_owner(norm: str, unit: Unit, start: int, owner: str) -> list[str] | None:
    """The name of "Mandela's speech from the steps" (owner, possessive at start): a
    person's, where it opens a headline (after a kicker at most: "Argentina: Ann Lee's
    Inauguration Speech"), not an office's nor a question's ("Was Lee's speech fair?")."""
    if all(lower(w) in TITLES for w in owner.split()):
        return None
    if norm[unit.start : unit.end].rstrip().endswith("?"):
        return None
    if not _KICKER.fullmatch(norm, unit.start, start):
        return None
    shape = run_shape(owner, sentence_start=True)
    return None if shape is None or not shape.name else list(shape.name)


def _speech_start(norm: str, units: list[Unit], first: int) -> int | None:
    """The unit a speech opens with, below its header: a salutation ("Honourable
    Speaker," "Ladies and Gentlemen,"), its thanks ("Thank you, Minister.") or its first
    paragraph of sentences."""
    for index in range(first, min(len(units), first + _HEADER_UNITS)):
        unit = units[index]
        words = norm[unit.start : unit.end].rstrip()
        if _SPEECH_CUE.match(norm, unit.start) is not None:
            continue  # the header again, in full: "Remarks of Mayor Ann Lee at ... ."
        if unit.block.kind in _SPEECH_BLOCKS and (
            words.endswith(",")
            or (words[-1:] in ".!?" and len(words.split()) >= _SENTENCE_LEAST)
            or words.startswith(_THANKS)
        ):
            return index
    return None


def _one_voice(named: list[re.Match[str]], cast: Cast) -> bool:
    """Every label names one person, by a full name the text gives ("Ann Lee:"), and
    opens at least MIN_SOLE_TURNS paragraphs: an interview that labels its answers only."""
    if len(named) < MIN_SOLE_TURNS:
        return False
    label = _without_courtesies(named[0].group("label"))
    if " " not in label or any(_without_courtesies(m.group("label")) != label for m in named[1:]):
        return False
    return label in cast.people or lower(label) in {lower(p) for p in cast.people}


def _transcript(
    text: str,
    units: list[Unit],
    labels: list[re.Match[str] | bool | None],
    cast: Cast,
    dates: list[PartialDate | None],
    turns: Turns,
    roles: tuple[str | None, str | None] = (None, None),
    chairs: dict[str, str] | None = None,
) -> None:
    """Each labelled piece and the unlabelled paragraphs after it as one turn; roles
    are who answers and who asks, chairs the person in each office's chair."""
    interviewee, asker = roles
    pair = _asked_and_answered(text, units, labels)
    # who the text names outside labels: a label naming no one else may be the asker's
    named = {m.person for m in cast.mentions} if asker is not None else set()
    index = 0
    while index < len(units):
        label = labels[index]
        if not isinstance(label, re.Match):
            index += 1
            continue
        end = index + 1
        links = (
            label.re in _MEMBER_HEADERS
            and end < len(units)
            and labels[end] is None
            and _links_line(text, units[end])
        )
        end += links  # the member's links line: the speech starts below it
        # A label alone on its line ("Neal:", "Ann Lee  00:01:05") owns the sentence
        # below it even when that is as short as a label ("Thanks.", "No."); a menu's
        # words there ("Next Up:" over "On Air Stations") are no one's.
        short = (
            label.end() >= units[index].end
            and end < len(units)
            and units[end].block.kind == "label"
            and text[units[end].end - 1] in _SAID_ENDINGS
        )
        while (
            end < len(units)
            and labels[end] is None
            and (units[end].block.kind == "paragraph" or (short and end == index + 1 + links))
            and units[end].block.section == units[index].block.section
        ):
            end += 1
        start_at = label.end()
        timed = _TURN_TIME.match(text, start_at)
        if timed is not None:
            start_at = timed.end()  # "Ann Lee: (00:03)": the turn's words come after its time
        if start_at >= units[index].end and end > index + 1 + links:  # "Neal:" alone on its line
            start_at = units[index + 1 + links].start
        said_by = label.group("label")
        line_end = text.find("\n", start_at, units[index].end)
        line_end = units[index].end if line_end < 0 else line_end
        holder = _HOLDER_AFTER.match(text, start_at, line_end) if start_at < line_end else None
        if holder is not None:  # "Chair:  Orly Levi-Abekasis:" over the chair's words
            said_by = holder.group("name") or holder.group("bracketed")
            if line_end < units[index].end:
                start_at = line_end + 1
            elif index + 1 < len(units):
                start_at = units[index + 1].start  # the words below the label's line
        known = len(cast.people)
        speaker = _speaker_of(said_by, cast, interviewee, chairs)
        if speaker == "" and asker is not None:
            speaker = asker  # "Interviewer: Tom Reed" named who asks
        elif (
            asker is not None
            and speaker
            and speaker not in named
            and " " not in said_by
            and text[start_at : units[end - 1].end].rstrip().endswith("?")
        ):
            # "POBJEDA: Are you ...?" under "Interviewed by Ann Lee": the paper's label
            # over its interviewer's question, no person the text names
            if len(cast.people) > known:
                del cast.people[speaker]  # adopted from this label alone: no one
            speaker = asker
        parts = [(start_at, index, end, speaker)]
        if pair is not None and lower(label.group("label")) == pair[1]:
            # "What motivates you?" between the answerer's paragraphs: the asker's
            questioner = _speaker_of(pair[0], cast, interviewee, chairs)
            parts = [
                (a, i, e, questioner if asked else speaker)
                for a, i, e, asked in _with_questions(units, text, start_at, index, end)
            ]
        for part_start, first, last, who in parts:
            part_end = units[last - 1].end
            turns.turns.append((units[first].start, part_end))
            if who != "":
                words = _without_directions(" ".join(text[part_start:part_end].split()))
                # A turn is the speaker's whole answer, however short ("No, never."): never
                # a scare quote's fragment. Only an empty one is kept from being served.
                quote = QuoteRecord(
                    who, words, dates[first], None, not words, Span(part_start, part_end)
                )
                turns.quotes.append(quote)
        index = end


def _asked_and_answered(
    text: str, units: list[Unit], labels: list[re.Match[str] | bool | None]
) -> tuple[str, str] | None:
    """An interview that labels two people, one asking and one answering, and goes on
    to set its later questions apart by no label (a bold type lost in text): the
    labels (lowercase) of who asks and who answers, when exactly two people speak, every
    labelled turn of one is a question alone, and unlabelled questions follow."""
    named = [(i, label) for i, label in enumerate(labels) if isinstance(label, re.Match)]
    if len(named) > len(units) // 2:
        return None
    asks: dict[str, set[bool]] = {}  # each voice: whether its turns end with a question
    for i, label in named:
        asked = text[label.end() : units[i].end].rstrip().endswith("?")
        asks.setdefault(lower(label.group("label")), set()).add(asked)
    asking = [voice for voice, kinds in asks.items() if True in kinds]
    if len(asks) != 2 or len(asking) != 1:
        return None
    (asker,) = asking
    if asks[asker] != {True}:
        return None  # the asker says more than questions: no interview's form
    loose = sum(
        1 for i, label in enumerate(labels) if label is None and _is_question(text, units[i])
    )
    if loose < 2:
        return None
    return asker, next(voice for voice in asks if voice != asker)


def _with_questions(
    units: list[Unit], text: str, start_at: int, index: int, end: int
) -> list[tuple[int, int, int, bool]]:
    """The answerer's turn over units[index:end] cut at each question alone on its
    paragraph: (where its words start, first unit, end unit, whether it is a question)."""
    parts: list[tuple[int, int, int, bool]] = []
    first, begin = index, start_at
    for at in range(index + 1, end):
        if _is_question(text, units[at]):
            parts.append((begin, first, at, False))
            parts.append((units[at].start, at, at + 1, True))
            first = at + 1
            begin = units[first].start if first < end else -1
    if begin >= 0 and first < end:
        parts.append((begin, first, end, False))
    return [part for part in parts if part[1] < part[2]]


def _links_line(text: str, unit: Unit) -> bool:
    """The line of links under a member's header ("Link to this: Individually | In
    context", "- Hansard - - - Excerpts"): short, one line, no sentence's end."""
    line = text[unit.start : unit.end].rstrip()
    return len(line) <= _MEMBER_LINKS_MOST and "\n" not in line and line[-1:] not in ".?!\"'"


def _keep_to_record(labels: list[re.Match[str] | bool | None]) -> None:
    """A record labels its speakers with titles (`Hon. Ann Lee:`) or in capitals: a
    paragraph opening with a bare capitalised word and a colon ("Size: px", a saved
    page's field) is no turn of it, though it ends the turn before."""
    for index, label in enumerate(labels):
        if (
            isinstance(label, re.Match)
            and label.re is _TURN
            and not label["label"].isupper()
            and _RECORD_LABEL.match(label.string, label.start()) is None
        ):
            labels[index] = False


def _chairs(norm: str, cast: Cast) -> dict[str, str]:
    """`(Hon. Speaker (Ms. Ann Lee) in the Chair)`: who a record says sits in an office's
    chair, by the office's words ("speaker", "deputy speaker"); an office two people
    chair is left out."""
    if "the Chair" not in norm and "the chair" not in norm:
        return {}
    found: dict[str, set[str]] = {}
    for match in _IN_THE_CHAIR.finditer(norm):
        office = lower(_without_courtesies(match["office"])).removeprefix("the ")
        name = _without_courtesies(" ".join(match["name"].split()))
        if run_shape(name, sentence_start=True) is None or " " not in name:
            continue
        found.setdefault(office, set()).add(name)
    return {office: names.pop() for office, names in found.items() if len(names) == 1}


def _without_directions(words: str) -> str:
    """A turn's words without the record's stage directions between its sentences; a
    turn that is only a transcriber's note ("[foreign language 00:00:02].") has none."""
    if "(" not in words and "[" not in words:
        return words
    if _ONLY_NOTE.fullmatch(words):
        return ""
    return _STAGE_DIRECTION.sub("", words).strip()


def _interviewee(norm: str, cast: Cast) -> str | None:
    """The one person the text says is interviewed ("an interview with Ann Lee", "Ann
    Lee, interviewed by ...", a witness "Ann Lee, having been duly sworn"): whose words
    the `A:` turns are. None for no one or two."""
    found: set[str] = set()
    names = [m for m in cast.mentions if m.kind == "name" and m.person and not m.in_quote]
    starts = [m.start for m in names]
    for match in _INTERVIEW_WITH.finditer(norm):
        index = bisect.bisect_left(starts, match.end())
        if index < len(names) and _TITLE_WORDS.fullmatch(norm, match.end(), names[index].start):
            found.add(names[index].person or "")
            following = names[index + 1] if index + 1 < len(names) else None
            if following is not None and _AND_NAME.fullmatch(
                norm, names[index].end, following.start
            ):
                found.add(following.person or "")  # "an interview with Lee and Reyes": two
    for pattern in (_INTERVIEWED_BY, _SWORN):
        for match in pattern.finditer(norm):
            index = bisect.bisect_right(starts, match.start()) - 1
            if index >= 0 and names[index].end == match.start():
                found.add(names[index].person or "")
            elif pattern is _SWORN:  # "ANNA VOSS, having been duly sworn": in capitals
                caps = _CAPS_NAME_BEFORE.search(
                    norm, max(0, match.start() - _LABEL_REACH), match.start()
                )
                witness = None if caps is None else _speaker_of(caps.group(0), cast)
                if witness:
                    found.add(witness)  # as a label in capitals names its speaker
    return found.pop() if len(found) == 1 else None


def _header_roles(
    norm: str,
    units: list[Unit],
    labels: list[re.Match[str] | bool | None],
    cast: Cast,
) -> dict[str, str]:
    """`Interviewer: Tom Reed`, `Guest: Ann Lee`: header lines that name who asks and
    who answers, each line a field and a full name alone. Such lines are no turns (their
    labels become False); the names join the cast, so later labels (`TR:`, `Lee:`) find
    them. Who asks and who answers, by "asks" and "answers", for one person each."""
    roles: dict[str, set[str]] = {}
    for index, unit in enumerate(units[:_HEADER_UNITS]):
        if unit.end - unit.start > _HEADER_MOST or unit.block.kind not in _SIGNATURE_KINDS:
            continue
        found = False
        for line in _HEADER_LINE.finditer(norm, unit.start, unit.end):
            named = credit_name(norm, cast, line.start("name"), line.end("name"))
            if named is None or named[1] != line.start("name") or named[2] != line.end("name"):
                continue
            asks = line["by"] is not None or lower(line["field"]) in _ASKING_FIELDS
            role = "asks" if asks else "answers"
            roles.setdefault(role, set()).add(cast.adopt(named[0]))
            found = True
        if found:
            labels[index] = False
    return _one_each(roles)


def _aside_roles(
    norm: str, labels: list[re.Match[str] | bool | None], cast: Cast
) -> dict[str, str]:
    """`Question (C. Robeet) :`, `Answer (Dr. Marty Natalegawa) :`: a question's or an
    answer's label that names its speaker in brackets, for the labels of its kind that
    name no one ("Question:", "Answer:"). Who asks and who answers, one person each."""
    roles: dict[str, set[str]] = {}
    for label in labels:
        if not isinstance(label, re.Match) or norm.find("(", label.end("label"), label.end()) < 0:
            continue
        kind = lower(label["label"])
        role = "asks" if kind in _QUESTION_LABELS else "answers" if kind in _ANSWER_LABELS else ""
        person = _named_in_aside(norm, cast, label) if role else None
        if person is not None:
            roles.setdefault(role, set()).add(person)
    return _one_each(roles)


def _one_each(roles: dict[str, set[str]]) -> dict[str, str]:
    """Each role ("asks", "answers") that one person alone holds, and that person."""
    return {role: people.pop() for role, people in roles.items() if len(people) == 1}


def _named_in_aside(norm: str, cast: Cast, label: re.Match[str]) -> str | None:
    """The person a label's aside names in brackets ("Answer (Dr. Ann Lee) :", "Harbour
    Minister (Shrimati Ann Lee):"), added to the cast; None where it names no one."""
    aside = _ASIDE_NAME.search(norm, label.end("label"), label.end())
    named = None if aside is None else credit_name(norm, cast, aside.start(1), aside.end(1))
    return None if named is None else cast.adopt(named[0])


def _headline_interviewee(norm: str, units: list[Unit], cast: Cast, first_turn: int) -> str | None:
    """The one person an interview's headline names ("Interview #7: Harbour Master Ann
    Lee", "Q&A with Dr. Ann Lee", "Ann Lee: the interview"), else None. The headline is
    the first paragraph, or a later one above the first turn (under a release's "Press
    Release" line and its date), that says it is an interview."""
    head = None
    for index, unit in enumerate(units[:_HEADER_UNITS]):
        if index and unit.end > first_turn:
            return None  # the turns have begun: no headline below them
        if _interview_headline(norm, unit, index == 0):
            head = unit
            break
    if head is None:
        return None
    people: set[str] = set()  # the headline's names, read as a credit's are (its roles)
    at = norm.rfind(": ", head.start, head.end)
    # "Interview: Harbour Master Ann Lee", else the name before the colon ("Ann Lee: the
    # interview"), or anywhere in a headline without one
    parts = [(head.start, head.end)] if at < 0 else [(at + 2, head.end), (head.start, at)]
    for start, end in parts:
        while len(people) < 2:
            found = credit_name(norm, cast, start, end)
            if found is None:
                break
            people.add(found[0])
            start = found[2]
        if people:
            break
    owner = POSSESSIVE.search(norm, head.start, head.end) if not people else None
    if owner is not None:  # "Spokesperson Ann Lee's Regular Press Conference": whose it is
        people = _possessors(norm, cast, head.start, owner.start())
    return cast.adopt(people.pop()) if len(people) == 1 else None


def _possessors(norm: str, cast: Cast, start: int, end: int) -> set[str]:
    """Who the words before a headline's possessive name ("Foreign Ministry Spokesperson
    Ann Lee" before "'s"): the person a credit would name, else the cast's full names
    written there (a body's name before the title hides the person from a credit)."""
    found = credit_name(norm, cast, start, end)
    if found is not None:
        return {found[0]}
    return {p for p in cast.people if " " in p and norm.find(p, start, end) >= 0}


def _interview_headline(norm: str, unit: Unit, first: bool) -> bool:
    """A short paragraph that says it heads an interview ("Q&A with ..."); below the
    first, only one that does not end as a sentence does ("Interviewed by Tom Reed in
    1998." credits who asks)."""
    if unit.end - unit.start > _HEADLINE_MOST:
        return False
    line = norm[unit.start : unit.end]
    if not first and line.rstrip().endswith("."):
        return False
    words = lower(line)
    return any(word in words for word in _INTERVIEW_HEADLINE_WORDS)


def _speaker_of(
    label: str, cast: Cast, interviewee: str | None = None, chairs: dict[str, str] | None = None
) -> str | None:
    """The person a turn label names; "" for a question; for an answer, the one person
    the text says is interviewed, else None; for an office ("The Chairman", "PRIME
    MINISTER": title words only) its one holder, else None."""
    label = _without_courtesies(label)
    words = lower(label).rstrip(".")
    if words in _NOBODYS_LABELS or all(w.rstrip(".") in RECORD_CROWDS for w in words.split()):
        return ""
    if words in _ANSWER_LABELS:
        return interviewee
    if _unnamed_voice(words):
        return None
    chaired = (chairs or {}).get(words.removeprefix("the "))
    if chaired is not None:
        return cast.adopt(chaired)  # "Hon. Speaker:" under "(Speaker (Ann Lee) in the Chair)"
    if words.startswith("the ") or all(_is_title_word(word) for word in words.split()):
        # "The President", "PRIME MINISTER": an office, whose holder speaks only when
        # the text ties exactly one person to it ("Prime Minister Ann Lee ...")
        return cast.holder_of(words)
    if _INITIALS.match(label):
        return _initials_of(cast, label) or _given_named(cast, label, unknown=True)
    tokens = [t.strip(".") for t in _LEADING_HONORIFIC.sub("", label).split()]
    if len(tokens) == 1:
        given = _given_named(cast, tokens[0])
        if given != "":
            return given
    name = " ".join(
        t if t.split("-", 1)[0] in _PARTICLES else _title_cased(t) for t in tokens
    )  # "al-Bashir" keeps its particle's case
    return _person_named(cast, _surname(tokens), name)


def _is_title_word(word: str) -> bool:
    """A word of an office (lower case): a title, or one joined to "elect" or
    "designate" ("speaker-elect", "president-designate"), whose holder is not yet in it."""
    if word in TITLES:
        return True
    base, _, after = word.rpartition("-")
    return after in _OFFICE_TO_BE and base in TITLES


def _title_cased(word: str) -> str:
    """A label's word as a name writes it: "OSEÑA-PAEZ" -> "Oseña-Paez"."""
    return "-".join(part[:1].upper() + lower(part[1:]) for part in word.split("-"))


def _surname(words: list[str]) -> str:
    """The last of a name's words that is no generation's suffix ("Solidum" of "Renato
    Solidum Jr.")."""
    kept = [w for w in words if lower(w).strip(".,") not in _GENERATIONS]
    return kept[-1] if kept else words[-1]


def _unnamed_voice(words: str) -> bool:
    """`UNIDENTIFIED MALE 2:`, `Interpreter:`, `Unknown Speaker:` (words: lowercase): a
    label of someone the text leaves unnamed; no name to make of its words. "Speaker"
    alone is the chair of a house, an office that may be held."""
    split = words.split()
    kept = [w for w in (w.strip("#0123456789") for w in split) if w]
    if len(kept) == len(split) == 1 and kept[0] == "speaker":
        return False
    return bool(kept) and all(w in UNNAMED_VOICES or w == "speaker" for w in kept)


def _without_courtesies(label: str) -> str:
    """The label past its courtesy words and titles ("Hon. Ann Lee" -> "Ann Lee", "Mr
    Justice Wilson" -> "Wilson"), keeping the last word."""
    tokens = label.split()
    drop = 0
    while drop < len(tokens) - 1 and lower(tokens[drop]).rstrip(".") in _COURTESIES:
        drop += 1
    return " ".join(tokens[drop:]) if drop else label


def _given_named(cast: Cast, word: str, unknown: bool = False) -> str | None:
    """`Ann:` after `Ann Lee:`: the one person in the text whose given name this is and
    whom no one shares the word with as a surname; None when two share it; "" when
    nobody has it (unknown: None then too)."""
    wanted = lower(word)
    if any(" " in person and lower(person.split()[-1]) == wanted for person in cast.people):
        return None if unknown else ""  # a surname: read as one
    found = [p for p in cast.people if " " in p and lower(p.split()[0]) == wanted]
    if len(found) == 1:
        return found[0]
    return None if found or unknown else ""


def _initials_of(cast: Cast, label: str) -> str | None:
    """`DG:` after `Diego Grez:`: the one person in the text with these initials, or
    with these after a title's initial, else unknown (a made-up "Dg" would be a wrong
    name)."""
    found = [p for p in cast.people if _initials(p) == label]
    if not found and len(label) > 2:  # "SFMD:" for Senator Franklin M. Drilon
        found = [p for p in cast.people if _initials(p) == label[1:]]
    return found[0] if len(found) == 1 else None


def _initials(person: str) -> str:
    """The first letters of a name's words: "Franklin M. Drilon" -> "FMD"."""
    return "".join(word[:1] for word in person.split())


def _person_named(cast: Cast, surname: str, name: str) -> str:
    """The person the text already names with this surname, else `name`, added to the
    cast (a speaker known only from a turn label or a signature line)."""
    wanted = lower(surname)
    for person in cast.people:
        if lower(_surname(person.split())) == wanted:
            return person
    return cast.adopt(name)


def _block_quotes(
    text: str,
    norm: str,
    units: list[Unit],
    cast: Cast,
    dates: list[PartialDate | None],
    turns: Turns,
) -> None:
    """A paragraph followed by one `— Name, context` line is Name's quote."""
    roled: dict[int, str] | None = None  # lines signed with a role, read on first need
    for index in range(len(units) - 1):
        unit, line = units[index], units[index + 1]
        if unit.block.kind != "paragraph" or line.block.kind not in _SIGNATURE_KINDS:
            continue
        if line.end - line.start > 120 or norm[unit.end - 1] == ":":
            continue  # too long for a signature, or a list's introduction (blocks are trimmed)
        if turns.in_turn(unit.start) is not None or index + 1 in turns.heads:
            continue  # a transcript's turn, or a name line that heads the quotes below it
        if index - 1 in turns.listed and index in turns.listed:
            continue  # a quote's later paragraph: the quote is credited as a whole
        if _reports_quotes(norm, unit):
            continue  # prose that quotes someone inside it, over the next section's name
        said = norm[unit.end - 1] in _SAID_ENDINGS or _among_signed(norm, units, index, cast)
        if index == 0 and not said:
            continue  # a headline above a caption, not words someone said
        dash = _ATTRIBUTION_LINE.match(norm, line.start, line.end)
        if dash is not None:
            following = units[index + 2] if index + 2 < len(units) else None
            if following is not None and _ATTRIBUTION_LINE.match(norm, following.start):
                continue  # a list of dashed lines, not one attribution
            speaker = _credited(norm, cast, dash.end(), line.end)
            context_end = line.end
        elif said:
            if _heads_its_section(norm, units, index + 1):
                continue  # "Hula Global" over "Clothing maker Hula Global said ...": a heading
            speaker, context_end = _signature(norm, cast, line), line.start
            if speaker is None and roled is None:
                roled = _role_signed(norm, units, cast)
            if speaker is None and roled and index + 1 in roled:
                speaker, context_end = (roled[index + 1], line.start), line.start
        else:
            continue  # a signed quote is a sentence; "Office of the Press Secretary" is not
        if speaker is None:
            continue
        person, name_end = speaker
        context = text[name_end:context_end].strip(" ,;-\u2014\u2013") or None
        words = " ".join(text[unit.start : unit.end].split()).strip(_OUTER_MARKS)
        turns.blocks.append((unit.start, line.end))
        span = Span(unit.start, unit.end)
        date = _within_life(dates[index], norm[line.start : line.end])
        turns.quotes.append(QuoteRecord(person, words, date, context, False, span))


def _heads_its_section(norm: str, units: list[Unit], index: int) -> bool:
    """The short line at units[index] is written again in the first 200 characters of
    the paragraph below it: a section's heading ("Hula Global" over "Clothing maker Hula
    Global said ..."), not the signature of the paragraph above."""
    if index + 1 >= len(units) or units[index + 1].block.kind != "paragraph":
        return False
    line, below = units[index], units[index + 1]
    name = norm[line.start : line.end].strip()
    return bool(name) and norm.find(name, below.start, min(below.end, below.start + 200)) >= 0


def _role_signed(norm: str, units: list[Unit], cast: Cast) -> dict[int, str]:
    """Signature lines with a role after the name's comma or the name in brackets (`Ann
    Lee, Mexico coach`, `(Ann Lee)`) under paragraphs that end as said words do: by the
    line's index, and only on a page of two or more (one could be a caption's credit)."""
    found: dict[int, str] = {}
    for index in range(1, len(units)):
        unit, line = units[index - 1], units[index]
        if unit.block.kind != "paragraph" or norm[unit.end - 1] not in _SAID_ENDINGS:
            continue
        if line.block.kind not in _SIGNATURE_KINDS:
            continue
        person = signature_name(norm, cast, line)  # short lines only: cheap, so asked first
        if person is not None and _signature(norm, cast, line) is None:
            found[index] = person
    if len(found) < LIST_LEAST:
        return {}
    return {index: cast.adopt(person) for index, person in found.items()}


def _reports_quotes(norm: str, unit: Unit) -> bool:
    """A paragraph of prose with quotation marks inside it (`Lee "left a void," said
    Reyes.`): it reports words, each quote with its own speaker, and is no block quote
    signed by the line below: a quoted block is wrapped in marks as a whole, or opens
    with one that runs on."""
    first = norm.find('"', unit.start, unit.end)
    if first < 0:
        return False
    if first != unit.start:
        return True
    second = norm.find('"', first + 1, unit.end)
    if second < 0:
        return False  # a quote that runs on
    wrapped = unit.start + len(norm[unit.start : unit.end].rstrip(" .,;!?")) - 1
    return second != wrapped  # "…," she said: more than one quote wrapped in marks


def _credited_items(
    text: str,
    norm: str,
    units: list[Unit],
    cast: Cast,
    dates: list[PartialDate | None],
    turns: Turns,
) -> None:
    """Items that end with a dash and their speaker's name (speakerlines.trailing_credit),
    outside turns and block quotes: the words before the dash are that person's."""
    if "-" not in text and "\u2013" not in text and "\u2014" not in text:
        return  # every credit follows a dash: most pages hold none
    found = False
    for unit in units:
        credit = trailing_credit(text, norm, cast, unit)  # mostly None at a cheap look
        if credit is None or turns.in_turn(unit.start) is not None or turns.is_block(unit.start):
            continue
        start, dash, person = credit
        words = " ".join(text[start:dash].split()).strip(_OUTER_MARKS)
        turns.blocks.append((unit.start, unit.end))
        span = Span(start, dash)
        turns.quotes.append(
            QuoteRecord(cast.adopt(person), words, dates[unit.index], None, False, span)
        )
        found = True
    if found:
        turns.blocks.sort()


def _within_life(date: PartialDate | None, signature: str) -> PartialDate | None:
    """The page's date for a signed quote, unless the signature's life dates ("William
    Shakespeare (1564 - 1616)") show the words were said long before it."""
    life = _LIFE_SPAN.search(signature) if date is not None and "(" in signature else None
    if date is None or life is None or date.year is None:
        return date
    return date if int(life.group(1)) <= date.year <= int(life.group(2)) else None


def _among_signed(norm: str, units: list[Unit], index: int, cast: Cast) -> bool:
    """A page of quotes: the paragraph and name line after (or before) this pair are a
    signed sentence, so this paragraph is words said too, full stop or not, not a
    headline over a byline."""
    for at in (index + 2, index - 2):
        if at < 0 or at + 1 >= len(units):
            continue
        words, line = units[at], units[at + 1]
        if words.block.kind != "paragraph" or norm[words.end - 1] not in _SAID_ENDINGS:
            continue
        signs = line.block.kind in _SIGNATURE_KINDS and line.end - line.start <= 120
        if signs and _signature(norm, cast, line) is not None:
            return True
    return False


def _signature(norm: str, cast: Cast, line: Unit) -> tuple[str, int] | None:
    """A line that is only a name, after titles, before life dates in parentheses
    ("Federal Councillor Doris Leuthard", "William Shakespeare (1564 - 1616)")."""
    core = _LIFE_DATES.sub("", norm[line.start : line.end])
    end = line.start + len(core)
    found = [m for m in _mentions_between(cast.mentions, line.start, end) if m.kind == "name"]
    if not found:  # a line of capitalised words alone is a label: read its name here
        return _signed_label(norm[line.start : end], cast, end)
    if found[-1].end != end or found[-1].person is None:
        return None
    if not _TITLE_WORDS.fullmatch(norm, line.start, found[-1].start):
        return None
    return found[-1].person, end


def _signed_label(core: str, cast: Cast, end: int) -> tuple[str, int] | None:
    """The full personal name that ends a label line ("Federal Councillor Ueli Maurer")."""
    if not _TITLE_WORDS.fullmatch(core + " "):
        return None
    shape = run_shape(core, sentence_start=True)
    if (
        shape is None
        or not shape.full
        or shape.name_offset + len(" ".join(shape.name)) != len(core)
    ):
        return None
    surnames = {lower(person.split()[-1]) for person in cast.people}
    if lower(shape.name[0]) in surnames:
        return None  # "Bush Putin": two people's surnames, a caption
    return _person_named(cast, shape.name[-1], " ".join(shape.name)), end


def _credited(norm: str, cast: Cast, start: int, end: int) -> tuple[str, int] | None:
    """The person a credit line names after its dash, a role perhaps before the name
    ("Wanderers coach Ann Lee on the final"), and where the name ends."""
    found = credit_name(norm, cast, start, end)
    return None if found is None else (cast.adopt(found[0]), found[2])


def _mentions_between(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions that start in [start, end); mentions are sorted by start."""
    low = bisect.bisect_left(mentions, start, key=_START)
    high = bisect.bisect_left(mentions, end, key=_START)
    return mentions[low:high]


_FIRST_PERSON: Final = re.compile(
    r"\bI\s(?:[a-z]+\s)?(?:said|say|told\s\w+|asked|replied|answered|wrote)[\s,:]*$"
)


def first_person(quotes: list[QuoteRecord], turns: Turns, norm: str) -> None:
    """`I said, "Sure."` inside a transcript turn: the words of the turn's speaker."""
    if not turns.turns:
        return
    speakers: dict[int, str | None] = {}  # turn index -> its speaker
    for quote in turns.quotes:
        held = turns.in_turn(quote.span.start)
        if held is not None:
            speakers.setdefault(held, quote.speaker)
    for quote in quotes:
        if quote.speaker is not None:
            continue
        held = turns.in_turn(quote.span.start)
        speaker = speakers.get(held) if held is not None else None
        if speaker is None or held is None:
            continue
        lead = norm[max(turns.turns[held][0], quote.span.start - 40) : quote.span.start]
        if _FIRST_PERSON.search(lead):
            quote.speaker = speaker
