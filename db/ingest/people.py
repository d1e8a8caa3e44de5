"""People of one document: name clusters, role bindings and every mention in order.

A person is a First Last name, a surname that joins such a name's cluster, or a
single name that speaks ("Trenin says"). Roles ("the Kremlin leader") resolve to
the person the document binds to that country, else by elimination in the section.
A pronoun resolves to the nearest person who fits it (he, she: by title or given
name where the text shows one), never across sections: the latest subject or speaker,
unless a person named in a later sentence came between. A name in brackets (an aside)
is never bound, and the subject of someone's reported words is no subject there.
"""

from __future__ import annotations

import bisect
import operator
import re
from dataclasses import dataclass, field
from typing import Final, Literal

from db.ingest.clusters import (
    Cluster,
    Clusters,
    cluster_full_names,
    given_names,
    person_for,
    record_of,
)
from db.ingest.lexicon import (
    ADVERBS_BETWEEN,
    CALLING_NOUNS,
    CLAUSE_OPENERS,
    DESCRIBING_NOUNS,
    FEMININE_TITLES,
    GIVEN_NAMES,
    HONORIFICS,
    MASCULINE_TITLES,
    NATIONALITIES,
    OFFICE_NOUNS,
    OFFICE_PHRASES,
    PLACE_GIVEN_NAMES,
    ROLE_WORDS,
    SENTENCE_ADVERBS,
    SPEECH_VERBS,
    TITLE_OFFICES,
    TITLES,
    TOLD_VERBS,
    TURN_LABEL_WORDS,
    UNNAMED_SPEAKERS,
    WEEKDAYS,
)
from db.ingest.names import UPPER_RUN, RunShape, has_given_name, run_shapes, run_start
from db.ingest.scan import finditer_near, literal_starts, spaced
from db.ingest.segment import is_title_line
from db.records import PersonRecord
from db.text import lower

MentionKind = Literal["name", "role", "pronoun"]

_NATIONS: Final = "|".join(re.escape(k) for k in sorted(NATIONALITIES, key=len, reverse=True))
_ROLE: Final = re.compile(
    rf"\b[Tt]he\s(?P<nat>(?i:{_NATIONS}))\s(?P<role>{'|'.join(ROLE_WORDS)})\b"
)
# Every role names its office at most this far from its start ("the downing street ...").
_ROLE_REACH: Final = len("the  ") + max(len(k) for k in NATIONALITIES)
_APPOSITIVE: Final = re.compile(
    rf",\s(?:the\s|a\s)?(?P<nat>(?i:{_NATIONS}))\s(?:president|leader|prime minister|premier)\b"
)
# A person's age as the text states it, right after the name (`Ann Lee, 45, runs`, `Ann
# Lee, aged 45,`, `Ann Lee (45)`) or before it (`45-year-old baker Ann Lee`), and a later
# mention of the person by that age alone (`"...," the 45-year-old said.`), as news
# writing names someone the second time.
_AGE_AFTER: Final = re.compile(
    r", (?:aged )?(?P<age>\d{1,3}),| \((?:aged )?(?P<bracketed>\d{1,3})\)"
)
_AGE_BEFORE: Final = re.compile(r"(?<![\w-])(?P<age>\d{1,3})-year-old (?:[a-z]+ ){0,2}\Z")
_AGE_BEFORE_REACH: Final = 40
_BY_AGE: Final = re.compile(r"\b[Tt]he (?P<age>\d{1,3})-year-old\b(?!-| [A-Z])")
_BY_AGE_REACH: Final = len("The 999")  # from a match's start to its "-year-old"
# r"\b(?:[Hh]e|[Ss]he)\b" as one pattern per form: each opens with its literal word, which
# the regex engine finds by a plain character search, and checks the opening \b after it.
_PRONOUNS: Final = tuple(
    re.compile(rf"{w}(?<!\w{'.' * len(w)})\b") for w in ("He", "he", "She", "she")
)
_WORD_CHAR: Final = re.compile(r"\w")
# The last word before an offset and what follows it, matched on the reversed text: a
# forward search for r"([A-Za-z']+)([^A-Za-z']*)$" would try every position of the window.
_LAST_WORD_REVERSED: Final = re.compile(r"([^A-Za-z']*)([A-Za-z']+)")
_NEXT_WORDS: Final = re.compile(r"\s*(?:,\s*)?([a-z]+)(?:\s([a-z]+))?")
# `Reed, the board's chair, said`: words set off after a name, opened by an article,
# "who" or a possessive, then the speech verb (an adverb may come first).
_SET_OFF_VERB: Final = re.compile(
    r",\s(?:the|a|an|who|whose|his|her|their)\s[^,.;:!?\"\n\u201c\u201d]{1,60},"
    r"\s(?:[a-z]+\s)?(?P<verb>[a-z]+)\b"
)
# r"(?<![\w'])[a-z][a-z'-]*", opening with the letter so that only letters are tried.
_LOWER_WORD: Final = re.compile(r"[a-z](?<![\w'].)[a-z'-]*")
_LOWER_TOKEN: Final = re.compile(r"[a-z][a-z'-]*")
# The letters of _LAST_WORD_REVERSED's words.
_WORD_LETTERS: Final = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'"
_COMMON_GAP: Final = ' \t\n\r\x0b\x0c.,;:!?"()[]*-'  # none of them is in _WORD_LETTERS
_LOWER_TAIL: Final = frozenset("abcdefghijklmnopqrstuvwxyz'-")
# One str.find over a text costs about 1/50 of one pass of _LOWER_WORD: after this many
# words asked about, the pass is made (so a text full of asked words stays linear).
_FINDS_BEFORE_COLLECTING: Final = 40
_SENTENCE_LEAD: Final = frozenset(" \"'(*-")
_THE: Final[tuple[str, ...]] = ("the ", "The ")  # each as long as the other
_START: Final = operator.attrgetter("start")
# An office's seat or portfolio may follow it, in capitals: "Ann Lee, the councillor for
# Hull North," ties "councillor" as "Ann Lee, the councillor," does. An office of
# initials is written in capitals ("the CEO").
_OFFICE_AFTER: Final = re.compile(
    r",\s(?:the|a|an|its|their|his|her)\s(?:[\w'-]+\s){0,3}?(?P<office>[a-z]+|[A-Z]{2,3})\b"
    r"(?:\s(?:for|of)\s[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,3})?(?=[,.;])"
)
_OFFICE_BEFORE: Final = re.compile(r"\b[Tt]he\s(?:[a-z][\w'-]*\s){0,2}?(?P<office>[a-z]+),\s$")
# "the councillor", "the Labour councillor": a party or a place may qualify an office.
_OFFICE_LEAD: Final = re.compile(r"\b[Tt]he\s(?:[A-Za-z][\w'-]*\s){0,2}$")
# Up to two capitalised words and one or two lower-case words right before a name ("Lib
# Dem leader ", "police spokesman ", "deputy mayor "), the last of which may be its office.
_LOWER_LEAD: Final = re.compile(
    r"(?<![\w'-])(?:[A-Z][\w'-]*\s){0,2}(?:[a-z][\w'-]*\s)?(?P<office>[a-z]+)\s$"
)
# Words a tie's phrase holds besides titles and names: "the", "a", "its" ("the mayor, ").
_TIE_FILLERS: Final = frozenset(("the", "a", "an", "its", "their", "his", "her", ","))
_LOWER_LEAD_REACH: Final = 40
_TITLED_LEAD: Final = re.compile(r"\b[Tt]he\s(?:[A-Z][\w'-]*\s){0,2}$")  # "the Prime "
_NAME_AFTER: Final = re.compile(r",?\s[A-Z][a-z]")
_INITIALS_OFFICE: Final = 3  # an office this short is written in capitals too ("CEO")
# "a councillor", "an RNLI spokesman": an office not yet tied to a name, and how far
# above that name's first tie it may stand (a lede and the paragraph under it).
# r"\b[Aa]n?\s...", opening with the letter so that only "a" and "A" are tried.
_INDEFINITE_OFFICE: Final = r"[Aa](?<!\w.)n?\s(?:[\w'-]+\s){{0,2}}?{office}\b"
_LEDE_REACH: Final = 400
# Words that make an office another one below it, or one held no longer.
_BELOW_THE_OFFICE: Final = frozenset("deputy vice former acting assistant".split())
_LABEL_COLONS: Final = (': "', ':"', ": '")
_PLACE_WORDS: Final = (" at ", " in ", " from ", " near ", " outside ", " across ", ", of ")
# How many characters before a name _is_place reads for one of them: " outside " is
# longer, so it is never found there.
_PLACE_REACH: Final = 8
_PLACE_KEY: Final = 3  # how many characters after a place word file where it ends
# Endings of plural common nouns that open sentences as speakers ("Officials said").
_PLURAL_ENDINGS: Final = ("ers", "ists", "ians", "ants", "ents", "men", "ors", "ials", "ics")
_MATCH_START: Final = operator.methodcaller("start")
# A weekday closing a capitalised run is when, not who: "Mayor Craig Brown Monday night"
# (every one ends in "y", tested first: this runs for every capitalised run).
_WEEKDAY_TAILS: Final = tuple(" " + day.capitalize() for day in WEEKDAYS)
# A capitalised word and "of" or "for" right before a single name: it ends a longer
# name ("Ministry of Defence", "Bank of England"), not a person's.
_OF_A_NAME: Final = re.compile(r"[A-Z][\w'-]*\s(?:of|for)\s(?:the\s)?$")
# A title and "of" or "for" right before a run ("Minister of Internal Affairs Ann Lee",
# "Mayor of Bergen Ann Lee"): the run is the title's portfolio, then its holder's name.
_PORTFOLIO_LEAD: Final = re.compile(
    r"\b(?P<title>[A-Z][a-z]+)\s(?:of|for)\s(?:the\s)?(?:[A-Z][\w'-]*\s){0,2}$"
)
_PORTFOLIO_REACH: Final = 50
_QUOTED_EDGES: Final = " ,.;:!?'\u2019"  # around a title in quotation marks
# Words that title case may leave in lowercase ("Mayor of Kettle to Stand Down").
# How many words open a sentence before its speech verb, when an unnamed subject speaks
# ("A local harbour official said"): the noun right before the verb, an adverb between.
_UNNAMED_REACH: Final = 6
_UNNAMED_STRETCH: Final = 80  # characters that hold those words, at most
_LONG_LOWERCASE: Final = re.compile(r"(?<![\w'-])[a-z]{5,}")  # longer than any small word
_TITLE_CASE_SMALL: Final = frozenset("a an the and or of to in on at by for with as vs".split())
_TITLE_CASE_WORDS: Final = 3
# Nouns of a calling or an office: a run right before "<calling> <Name>" qualifies the
# person named after it ("Hydro One spokeswoman Ann Lee", "Legendary Bollywood actor Ann
# Lee"): it names their employer, team, country or field, and is nobody there.
_CALLINGS: Final = CALLING_NOUNS | DESCRIBING_NOUNS | UNNAMED_SPEAKERS  # offices are within
_LONGEST_CALLING: Final = max(map(len, _CALLINGS))
# Plural nouns of people that _PLURAL_ENDINGS misses ("crews", "sources", "staff").
_GROUP_NOUNS: Final = frozenset(
    "crews sources staff police aides allies family officials spokespeople".split()
)
_LABEL_LEAD: Final = 12  # bullets and a number before a `Name: "..."` label, at most
_ADVERB_REACH: Final = 20  # the longest sentence adverb opening a sentence, and its marks
_ADVERB_EDGES: Final = " ,\"'(*-\u201c\u2018"
# A name's lowercase description before it ("US president", "the former coach"): its
# office or calling word and the few words before that, read in so many characters.
_DESCRIBING: Final = DESCRIBING_NOUNS | CALLING_NOUNS
_DESCRIPTION_WORDS: Final = 3
_DESCRIPTION_LEADS: Final = TITLES | frozenset(("the", "a", "an"))
_DESCRIPTION_REACH: Final = 60
_LOWER_NEXT: Final = re.compile(r" [a-z(]")  # a verb, an adverb or an aside after a name
# A name as an item of a list: one to four capitalised words ("Njoki Ndung'u").
_NAME_ITEM: Final = r"[A-Z][\w'\u2019.-]*(?: [A-Z][\w'\u2019.-]*){0,3}"
# "..., Isaac Lenaola, Njoki Ndung'u, ...": the name before this one, after a comma or
# "and" itself; "..., Jane Wood and Lucy Hart": the last name of a list of three or more.
_LISTED_BEFORE: Final = re.compile(rf"(?:,|\band) {_NAME_ITEM}, \Z")
_LIST_CLOSED_BEFORE: Final = re.compile(rf", {_NAME_ITEM},? (?:and|or) \Z")
_LIST_GOES_ON: Final = (",", " and ", " or ")
_LIST_CLOSERS: Final = (" and ", " or ")
# Another name after this one: the list's last ("..., and Bill Cole"), or one a list goes
# on after ("Tom Reed, Jane Wood, ..."), not a description ("Ann Lee, Mayor of Rye, said").
_NEXT_ITEM: Final = re.compile(
    rf"(?:,? (?:and|or)|(?P<comma>,)) (?P<item>{_NAME_ITEM})(?P<on>,| and | or )?"
)
_LIST_REACH: Final = 60  # the item before the name and the comma that opens it
# ", he said." closing reported words: the verb, then the sentence's or a clause's end
# ("he said, adding ..."), or a few words that tell when or where ("he said on Monday.").
_CLOSING_VERB: Final = re.compile(
    r"\s(?P<verb>[a-z]+)(?:\s(?:[a-z]+\s){0,2}?(?:[A-Za-z]+))?\s?(?:[.,;!?]|$)"
)
_REPORT_WORDS: Final = 12  # what it reports: a few words at least
_QUOTE_CLOSERS: Final = frozenset("\"'\u201d\u2019")
# Words that open a clause inside a sentence, whose subject is not the sentence's own.
_SUBORDINATORS: Final = frozenset(
    "who whom whose which where when while because although though if since until".split()
)
_ARTICLES: Final = frozenset("a an the".split())
# After a quotation's closing mark: `," the official said`, `," a federal government
# official told`, `," said another senior official.`: a determiner, at most three
# lowercase words and the noun, with a speech verb before or after them.
_SPEECH_VERB_WORD: Final = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
_UNNAMED_AFTER_QUOTE: Final = re.compile(
    r",?\s(?:(?P<before>[a-z]+)\s)?(?:the|a|an|another|one)\s(?:[a-z-]+\s){0,3}?"
    rf"(?P<noun>[a-z]+)(?:\s(?P<after>{_SPEECH_VERB_WORD})\b|(?=[.,;]))"
)
_APPOSITION_GAP: Final = len(", ")  # between a noun and the name it is: "resident, Ann Lee"
_POSSESSIVE_DETERMINERS: Final = frozenset("his her their your its my our".split())
_DETERMINER_ENDS: Final = frozenset(
    end for word in _POSSESSIVE_DETERMINERS for end in (word[-1], word[-1].upper())
)
_DETERMINER_PENULTIMATES: Final = frozenset(
    letter for word in _POSSESSIVE_DETERMINERS for letter in (word[-2], word[-2].upper())
)
_ASIDE_REACH: Final = 120  # how far before a name its opening bracket may stand
# The word before a name, past titles ("said Cllr ", "that Dr "): a speech verb or "that".
# Possessive: what follows each repeat cannot take what it would give back.
_REPORTED_LEAD: Final = re.compile(r"\b(?P<word>[a-z]++)\s(?:[A-Z][\w'-]*+\.?\s){0,3}+\Z")
# A lowercase word after a name that is no preposition, relative or conjunction: a verb
# of the name's own ("Reed had", "Reed was"), not "said Reed of the Trust" or "said Reed,".
_OWN_VERB: Final = re.compile(
    r"\s(?!(?:of|from|at|in|on|to|who|whose|during|after|before|when|as|and|for|with)\b)[a-z]"
)


class Mention:
    """A reference to a person at [start, end): by name, by role or by pronoun.

    A plain class, not a dataclass (as are the other records made by the thousand in
    ingest): compiled with mypyc, a dataclass is built through the Python __init__ that
    dataclasses generates, several times slower than a compiled __init__.
    """

    __slots__ = (
        "aside",
        "closes",
        "country",
        "end",
        "in_quote",
        "kind",
        "person",
        "reported",
        "section",
        "start",
        "subject",
        "surface",
    )

    def __init__(
        self,
        start: int,
        end: int,
        kind: MentionKind,
        person: str | None,
        subject: bool,
        section: int,
        in_quote: bool,
        country: str | None = None,
        surface: str = "",
    ) -> None:
        self.start = start
        self.end = end
        self.kind = kind
        self.person = person
        self.subject = subject
        self.section = section
        self.in_quote = in_quote
        self.country = country
        self.surface = surface
        # For binding "he" and "she" only: a name set off in brackets ("Ann Lee (Green
        # Party)") is an aside, never what a pronoun refers to; one that is the subject
        # of someone's reported words ("Lee said Reed had ...") or of a clause inside
        # the sentence ("Lee, who lives where Reed farmed, said") is no subject of the
        # sentence's own. reported is read only by _resolve_pronouns, so it is worked out
        # only where a pronoun after the name in its section may read it.
        self.aside = False
        self.reported = False
        # A pronoun in ", he said." closing a sentence of reported words: it refers to
        # no one those words name (a name in them is what was said about someone).
        self.closes = False


@dataclass(slots=True)
class Cast:
    """Who is in the document and where each of them is mentioned."""

    people: dict[str, PersonRecord]
    mentions: list[Mention]
    bound: dict[str, set[str]]
    titled: set[str] = field(default_factory=set)
    genders: dict[str, str] = field(default_factory=dict)  # "f" or "m" where the text shows it
    # office word -> (person, the title words that tied them), for holders of full rank
    offices: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    def holder_of(self, office: str) -> str | None:
        """The one person the text ties to an office given in words ("prime minister",
        "the president"), or None when it ties no one or two people."""
        words = [w for w in lower(office).split() if w != "the"]
        if not words:
            return None
        key = TITLE_OFFICES.get(words[-1].rstrip("."), words[-1].rstrip("."))
        phrase = " ".join(words)
        tied = self.offices.get(phrase) or self.offices.get(key, [])
        wanted = [w for w in words[:-1] if w in TITLES]
        fitting = {p for p, title in tied if all(w in title.split() for w in wanted)}
        return fitting.pop() if len(fitting) == 1 else None

    def adopt(self, name: str) -> str:
        """The person `name`, added to the cast if the text named them nowhere else (a
        speaker known only from a credit, a turn label or a signature line)."""
        self.people.setdefault(name, PersonRecord(name, {name}))
        return name

    def records(self) -> list[PersonRecord]:
        """People in order of canonical name, for the ParsedDocument."""
        return [self.people[name] for name in sorted(self.people)]

    def by_section(self) -> dict[int, list[str]]:
        """People named in each section, in order of first mention."""
        seen: dict[int, dict[str, None]] = {}
        for mention in self.mentions:
            if mention.person and mention.kind == "name":
                seen.setdefault(mention.section, {}).setdefault(mention.person, None)
        return {section: list(names) for section, names in seen.items()}


class _Run:
    """A capitalised run that holds a personal name, and where it stands in the text."""

    __slots__ = (
        "alone",
        "end",
        "in_quote",
        "name",
        "name_start",
        "section",
        "sentence_end",
        "sentence_start",
        "shape",
        "start",
    )

    def __init__(
        self,
        shape: RunShape,
        start: int,
        name_start: int,
        end: int,
        section: int,
        in_quote: bool,
        sentence_start: int,
        sentence_end: int,
    ) -> None:
        self.shape = shape
        self.name = shape.name  # the shape's personal name ("Vladimir", "Putin")
        self.start = start  # where the run's kept part starts (after sentence furniture)
        self.name_start = name_start
        self.end = end
        self.section = section
        self.in_quote = in_quote
        self.sentence_start = sentence_start
        self.sentence_end = sentence_end
        # _stands_alone, worked out when first asked: None until then. A full name's
        # run is kept only if it stands alone, so it is True from the start.
        self.alone: bool | None = True if shape.full else None


class Intervals:
    """Sorted disjoint intervals with a fast membership test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]
        self.edges = [edge for span in self.spans for edge in span]  # start, end, start, ...

    def contains(self, pos: int) -> bool:
        """True if pos lies inside one of the intervals: after an odd number of edges."""
        return bisect.bisect_right(self.edges, pos) & 1 == 1


class SentenceIndex:
    """Finds which sentence (start, end, section) of the document holds an offset."""

    def __init__(self, sentences: list[tuple[int, int, int]]) -> None:
        self.sentences = sentences
        self.starts = [s for s, _, _ in sentences]

    def locate(self, pos: int) -> tuple[int, int, int] | None:
        """The sentence containing pos, or None (furniture, labels, blank space)."""
        index = bisect.bisect_right(self.starts, pos) - 1
        if index < 0 or pos >= self.sentences[index][1]:
            return None
        return self.sentences[index]


def _opens_sentence(norm: str, sentence_start: int, pos: int) -> bool:
    """Only quote marks, brackets, bullets or spaces stand between the sentence start and pos."""
    lead = sentence_start
    while norm[lead] in _SENTENCE_LEAD and lead < pos:
        lead += 1
    return lead == pos


def _collect_runs(norm: str, index: SentenceIndex, quotes: Intervals) -> list[_Run]:
    """Capitalised runs of the whole text that hold a personal name, inside sentences.

    Runs without a name, and names after a bare "the" ("the Putin doctrine"), can never
    be a person, so they are dropped here rather than carried through every later pass.
    So is a full name that does not stand alone (see _stands_alone); any other run is
    asked that only where it is read, as most of them are nobody's name whatever it says.
    """
    runs: list[_Run] = []
    start = end = section = -1
    sentences, spans = index.sentences, quotes.spans
    current = ahead = 0  # the first sentence and quote not ended before the current run
    for match in UPPER_RUN.finditer(norm):  # exactly NAME_RUN's runs, found faster
        run_end = match.end()
        pos = run_start(norm, match.start())  # a particle may open the run: "de Gaulle"
        if norm[run_end - 1] == "y" and norm.endswith(_WEEKDAY_TAILS, pos, run_end):
            run_end = norm.rindex(" ", pos, run_end)  # "Mayor Craig Brown Monday night"
        inside, opening = run_shapes(norm[pos:run_end])
        if inside is None:  # a lone word that is nobody's name, wherever it stands
            continue
        if not start <= pos < end:  # runs come in order: most share the last one's sentence
            while current < len(sentences) and sentences[current][1] <= pos:
                current += 1
            if current == len(sentences) or sentences[current][0] > pos:
                continue  # furniture, a label or blank space
            start, end, section = sentences[current]
        shape: RunShape | None = inside
        if opening is not inside and _opens_sentence(norm, start, pos):
            shape = opening
        if shape is None or not shape.name:
            continue
        if len(shape.name) > 2 and norm[pos - 1 : pos] == " ":
            holder = _portfolio_holder(norm, pos, run_end)
            if holder is not None:
                pos, shape = holder
        kept = pos + shape.lead
        if shape.title is None and kept - 4 >= start and _after_the(norm, kept):
            continue
        if shape.full and _qualifies(norm, run_end):
            continue  # "Hydro One spokeswoman Ann Lee": Hydro One is nobody here
        while ahead < len(spans) and spans[ahead][1] <= pos:
            ahead += 1
        in_quote = ahead < len(spans) and spans[ahead][0] <= pos
        if in_quote and _is_quoted_whole(norm, spans[ahead], pos, run_end):
            continue  # "Historia Brittonum", "Anything Goes": a work's title, nobody
        name_start = pos + shape.name_offset
        runs.append(_Run(shape, kept, name_start, run_end, section, in_quote, start, end))
    return runs


def _common_word_names(runs: list[_Run], vocabulary: LowercaseWords) -> set[tuple[str, ...]]:
    """Two-word "names" of words the text also writes in lower case, the first no given
    name ("Technical Lead", "Health Products", "Emergency Response" of a heading or a
    post): words, not anyone's name ("Bill Gates" keeps its given name; a name the text
    also types in lower case, "angelita teo", is one). Each name is judged once."""
    judged: dict[tuple[str, ...], bool] = {}
    for run in runs:
        name = run.name
        if len(name) != 2 or name in judged or not run.shape.full or run.shape.title:
            continue
        first, last = lower(name[0]), lower(name[1])
        judged[name] = (
            first not in GIVEN_NAMES
            and first in vocabulary
            and last in vocabulary
            and f"{first} {last}" not in vocabulary.norm
        )
    return {name for name, words in judged.items() if words}


def _stands_alone(norm: str, run: _Run) -> bool:
    """The run names someone on its own: it qualifies no one after it ("Hydro One
    spokeswoman Ann Lee": Hydro One is nobody here) and, a single name, it is no form of
    address ("his Honour", "Her Majesty"). Worked out once per run, when first asked."""
    if run.alone is None:
        run.alone = not _qualifies(norm, run.end) and not (
            len(run.name) == 1 and _addressed(norm, run.name_start)
        )
    return run.alone


def _portfolio_holder(norm: str, pos: int, run_end: int) -> tuple[int, RunShape] | None:
    """After "Minister of", "Secretary for", "Mayor of": the run's last two words, if
    they make a full name, are its holder's; the words before them name the portfolio
    ("Internal Affairs", "Covid-19 Response"), no one's given names."""
    lead = _PORTFOLIO_LEAD.search(norm, max(0, pos - _PORTFOLIO_REACH), pos)
    if lead is None or lower(lead["title"]) not in TITLES:
        return None
    cut = norm.rfind(" ", pos, norm.rfind(" ", pos, run_end))
    if cut < 0:
        return None
    shape = run_shapes(norm[cut + 1 : run_end])[0]
    return (cut + 1, shape) if shape is not None and shape.full else None


def _addressed(norm: str, name_start: int) -> bool:
    """A possessive determiner stands right before the single name ("his Honour said",
    "Her Majesty", "your Excellency"): a name takes none, a form of address does."""
    space = name_start - 1
    if space < 2 or norm[space] != " ":
        return False
    last = norm[space - 1]
    if last in _DETERMINER_ENDS:
        if norm[space - 2] not in _DETERMINER_PENULTIMATES:
            return False  # "is", "for", "by": no determiner ends so either
    elif not last.isspace():
        return False  # cheap: no determiner ends so; this runs for every one-word name
    words = norm[max(0, space - 5) : space].split()
    return bool(words) and lower(words[-1].lstrip(_ADVERB_EDGES)) in _POSSESSIVE_DETERMINERS


def is_head_noun(word: str) -> bool:
    """A lowercase noun that a name before it modifies ("Acme crews said", "Lee aides
    said"): a calling or a plural of people (lowercase word, punctuation stripped)."""
    if word in _CALLINGS or word in _GROUP_NOUNS:
        return True
    return word.endswith(_PLURAL_ENDINGS) and word not in ADVERBS_BETWEEN


def _qualifies(norm: str, end: int) -> bool:
    """The run ending at end stands right before a calling and a capitalised name
    ("<run> spokeswoman Ann Lee"): it qualifies that person, and is not one itself."""
    if not norm.startswith(" ", end):
        return False
    # str.find and a set lookup, not a regex: this runs for every capitalised run.
    space = norm.find(" ", end + 1, end + _LONGEST_CALLING + 2)
    if space < 0 or not "A" <= norm[space + 1 : space + 2] <= "Z":
        return False
    return norm[end + 1 : space] in _CALLINGS


def _is_quoted_whole(norm: str, quote: tuple[int, int], start: int, end: int) -> bool:
    """The capitalised run is all that the quotation marks hold (punctuation aside)."""
    inner_start, inner_end = quote[0] + 1, quote[1] - 1
    if end - start < inner_end - inner_start - 3:
        return False  # the quotation holds more than the run: cheap test first
    return norm[inner_start:inner_end].strip(_QUOTED_EDGES) == norm[start:end].strip(_QUOTED_EDGES)


def _after_the(norm: str, kept: int) -> bool:
    """norm.startswith(_THE, kept - 4), for kept >= 4: the "h" is checked on its own
    first, as a compiled string index is far cheaper than a call of startswith."""
    return norm[kept - 3] == "h" and norm.startswith(_THE, kept - 4)


def _previous_word(norm: str, start: int, end: int) -> tuple[str, str] | None:
    """The last word of norm[start:end] (cut at start) and the non-letters after it."""
    found = _LAST_WORD_REVERSED.match(norm[start:end][::-1])
    return None if found is None else (found.group(2)[::-1], found.group(1)[::-1])


def _is_subject(norm: str, sentence_start: int, start: int) -> bool:
    """No word before it in the sentence, punctuation in between, or a clause opener.

    Both "no word" and "punctuation in between" mean the text before start (at most 40
    characters of the sentence), less its trailing spaces, does not end with a letter.
    Walked back character by character: no slice is made unless there is a word.
    """
    low = max(sentence_start, start - 40)
    end = start
    while end > low and norm[end - 1].isspace():  # what rstrip() strips
        end -= 1
    if end <= low or norm[end - 1] not in _WORD_LETTERS:
        return True
    begin = end - 1
    while begin > low and norm[begin - 1] in _WORD_LETTERS:
        begin -= 1
    return lower(norm[begin:end]) in CLAUSE_OPENERS


def _name_is_subject(norm: str, sentence_start: int, start: int, end: int) -> bool:
    """_is_subject of a name, read before its abbreviated title: "called me Mr. Ross";
    of its description, when a verb or adverb follows the name ("In a statement, US
    president Joe Biden backed it", not "his dad, Vodafone chairman Ann Lee."); or a
    name that only a sentence adverb precedes ("Meanwhile Ann Lee said"). Never a name
    listed among others ("the bench of Ann Reed, Tom Lee, Jane Wood and Bill Cole"): the
    comma or "and" before it is the list's, not a clause's."""
    if norm.startswith(", ", start - 2) and _listed(norm, sentence_start, start, end):
        return False
    if norm.endswith(_LIST_CLOSERS, max(0, start - len(" and ")), start):
        low = max(sentence_start, start - _LIST_REACH)
        if _LIST_CLOSED_BEFORE.search(norm, low, start) is not None:
            return False
    low = max(sentence_start, start - 6)
    if norm.find(".", low, start) >= 0:  # cheap: no slice unless a full stop is there
        before = norm[low:start].rstrip()
        if before.endswith(".") and before[:-1].rsplit(" ", 1)[-1] in HONORIFICS:
            return _is_subject(norm, sentence_start, start - len(before.rsplit(" ", 1)[-1]) - 1)
    if _is_subject(norm, sentence_start, start):
        return True
    if _LOWER_NEXT.match(norm, end) is not None:
        described = _described_from(norm, sentence_start, start)
        if described is not None and _is_subject(norm, sentence_start, described):
            return True
    if start - sentence_start > _ADVERB_REACH:
        return False
    return lower(norm[sentence_start:start].strip(_ADVERB_EDGES)) in SENTENCE_ADVERBS


def _listed(norm: str, sentence_start: int, start: int, end: int) -> bool:
    """The name at [start, end), after a comma, stands in a list of names: another name
    follows it after a comma, "and" or "or", or comes before it after a comma or "and"
    while the list goes on after it."""
    if not norm.startswith(_LIST_GOES_ON, end):
        return False
    after = _NEXT_ITEM.match(norm, end)
    if (
        after is not None
        and (after["on"] or not after["comma"])
        and lower(after["item"].split(" ", 1)[0]) not in TITLES
    ):
        return True
    low = max(sentence_start, start - _LIST_REACH)
    return _LISTED_BEFORE.search(norm, low, start) is not None


def _described_from(norm: str, sentence_start: int, start: int) -> int | None:
    """Where a name's lowercase description starts ("US president Joe Biden", "local
    farmer Joan Pike", "the former coach Tom Reed"): past the office or calling right
    before the name, and past at most _DESCRIPTION_WORDS capitalised or title words
    before that; None when no office or calling stands right before the name. The
    description is the name's own, so the name is a subject if the description is."""
    words = norm[max(sentence_start, start - _DESCRIPTION_REACH) : start].split(" ")
    if len(words) < 2 or words[-1] or lower(words[-2]) not in _DESCRIBING:
        return None
    at = start - len(words[-2]) - 1
    nearest = words[max(1, len(words) - 2 - _DESCRIPTION_WORDS) : -2]  # the first may be cut
    for word in reversed(nearest):
        if not word or not (word[0].isupper() or lower(word) in _DESCRIPTION_LEADS):
            break
        at -= len(word) + 1
    return at


def _speaks(norm: str, run: _Run, following: re.Match[str] | None, before: str) -> bool:
    """'Trenin says', 'says Trenin', 'Trenin later said' or `Trenin: "...`: the single
    name is used as a speaker (_says, and a little more). following and before: the
    run's _NEXT_WORDS match and _window_before, read once for every test here."""
    if _says_between(following, before):
        return True
    if following and following.group(2) in SPEECH_VERBS and following.group(1) in ADVERBS_BETWEEN:
        return True  # "Trenin later said"; not "Local media reported": a noun between
    if norm.startswith(", ", run.end):
        set_off = _SET_OFF_VERB.match(norm, run.end)
        if set_off is not None and set_off["verb"] in SPEECH_VERBS:
            return True  # "Reed, the board's chair, said"
    if not norm.startswith(_LABEL_COLONS, run.end):
        return False
    # `Ozgurgun: "...`, `- [3] Ozgurgun: "...`: a label opens its line, past bullets and
    # numbers; not the last name of a clause that ends on a colon ("Quoting X after a
    # win over Troy: ...").
    lead = norm[run.sentence_start : run.start]
    if lower(norm[run.start : run.end]) in TURN_LABEL_WORDS:
        return False  # `Note: "Closed"`, `Update: "..."`: a label, no one's name
    return len(lead) <= _LABEL_LEAD and not any(c.isalpha() for c in lead)


def _marked_as_person(norm: str, run: _Run) -> bool:
    """An untitled single name that speaks in a sentence (not a headline), or that a
    calling describes."""
    before = _window_before(norm, run)
    following = _NEXT_WORDS.match(norm, run.end)
    if _speaks(norm, run, following, before) and not is_title_line(
        norm, run.sentence_start, run.sentence_end
    ):
        return True
    return _described(before)


def _lone_given_name(norm: str, run: _Run, given: str) -> bool:
    """'the raid that leaves Cliff boiling': a common given name alone inside a sentence
    (at its start it may be a word: "Will", "Mark") is a person the text calls by it
    (given: the name, lowercase)."""
    if given not in GIVEN_NAMES or given in PLACE_GIVEN_NAMES:
        return False
    return not _opens_sentence(norm, run.sentence_start, run.start)


def _window_before(norm: str, run: _Run) -> str:
    """The text of the run's sentence in the 20 characters before it: where the word
    that makes it a speaker, a subordinate or someone described is read."""
    return norm[max(run.sentence_start, run.start - 20) : run.start]


def _described(before: str) -> bool:
    """'Welsh cleric Nennius': a single name right after a lowercase office or calling
    is the person it describes, as a capitalised title before it would make it (before:
    the run's _window_before)."""
    if not before.endswith(" "):
        return False
    word = before[:-1].rpartition(" ")[2]
    return word in DESCRIBING_NOUNS


def _says(norm: str, run: _Run) -> bool:
    """'Trenin said' or 'said Trenin': the name is a speech verb's subject (a name that is
    the object before another subject, 'called me Ross, he said', is not)."""
    return _says_between(_NEXT_WORDS.match(norm, run.end), _window_before(norm, run))


def _says_between(following: re.Match[str] | None, before: str) -> bool:
    """_says, given the run's _NEXT_WORDS match and its _window_before."""
    if following and following.group(1) in SPEECH_VERBS:
        return True
    word = _word_before(before)
    return word is not None and lower(word) in SPEECH_VERBS and lower(word) not in TOLD_VERBS


def _in_brackets(norm: str, sentence_start: int, start: int) -> bool:
    """An opening bracket before start in its sentence is not closed before it: the name
    stands inside an aside ("Tom Reed (Harbour Ward, Green Party) said"). Asides are
    short: only the _ASIDE_REACH characters before start are read."""
    opened = norm.rfind("(", max(sentence_start, start - _ASIDE_REACH), start)
    return opened >= 0 and norm.find(")", opened, start) < 0


def _reported(norm: str, run: _Run) -> bool:
    """`Lee said Reed had served`, `Lee told the meeting that Dr Reed was`: the name
    opens a clause of someone's reported words (right after a speech verb or after
    "that", past titles) and has a verb of its own: it is what was said, not who said it."""
    lead = _REPORTED_LEAD.search(norm, max(run.sentence_start, run.start - 40), run.start)
    if lead is None:
        return False
    verb = lower(lead["word"])
    if verb != "that" and verb not in SPEECH_VERBS:
        return False
    if verb == "that" and not _speech_verb_in(norm, run.sentence_start, lead.start()):
        return False
    return _OWN_VERB.match(norm, run.end) is not None


def _subordinate(norm: str, run: _Run) -> bool:
    """`Ann Lee, who lives where Tom Reed once farmed, said`: the name opens a relative
    or adverbial clause inside its sentence (after "who", "where", "because" ...), whose
    subject is not the sentence's own."""
    if _opens_sentence(norm, run.sentence_start, run.start):
        return False  # "When Reed arrived, ...": nothing before it for it to be inside
    word = _word_before(_window_before(norm, run))
    return word is not None and lower(word) in _SUBORDINATORS


def _speech_verb_in(norm: str, start: int, end: int) -> bool:
    """A speech verb stands among the words of norm[start:end]."""
    return any(w in SPEECH_VERBS for w in _LOWER_TOKEN.findall(norm, start, end))


def _word_before(text: str) -> str | None:
    """The last word of text, whatever follows it: _previous_word's word, mostly found by
    stripping common punctuation and spaces (the slow way only after anything else)."""
    stripped = text.rstrip(_COMMON_GAP)
    if not stripped:
        return None
    if stripped[-1] in _WORD_LETTERS:
        return stripped[len(stripped.rstrip(_WORD_LETTERS)) :]
    previous = _previous_word(text, 0, len(text))
    return None if previous is None else previous[0]


class LowercaseWords:
    """The words of a text written in lowercase: `word in LowercaseWords(norm)` is
    `word in set(_LOWER_WORD.findall(norm))`, looked up word by word with str.find.

    Only a few single names per document are asked about, while collecting every
    lowercase word costs a regex attempt at each character of the text.
    """

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.answers: dict[str, bool] = {}
        self.every: set[str] | None = None

    def __contains__(self, word: str) -> bool:
        if self.every is not None:
            return word in self.every
        if len(self.answers) >= _FINDS_BEFORE_COLLECTING:
            return word in self._every_word()
        if word not in self.answers:
            self.answers[word] = self._occurs(word)
        return self.answers[word]

    def _occurs(self, word: str) -> bool:
        if not _LOWER_TOKEN.fullmatch(word):
            return False
        norm = self.norm
        found = norm.find(word)
        while found >= 0:
            after = found + len(word)
            before = norm[found - 1] if found else ""
            if after < len(norm) and norm[after] in _LOWER_TAIL:
                pass  # part of a longer word
            elif before == "-":  # "well-known": a word of its own only if "-" starts it
                return word in self._every_word()
            elif not before or not (before == "'" or _WORD_CHAR.match(before)):
                return True
            found = norm.find(word, found + 1)
        return False

    def _every_word(self) -> set[str]:
        if self.every is None:
            self.every = set(_LOWER_WORD.findall(self.norm))
        return self.every


def _is_place(norm: str, name: str) -> bool:
    """A name the text also puts after "at", "in" or "from" is a place or a body, as is
    one in a hometown's apposition ("Ann Lee, of Leeds, said").

    Each occurrence of the name is found by str.find and the word before it read: a
    regex search for the phrase would be compiled per name and walk the whole text.
    """
    found = norm.find(name)
    while found >= 0:
        after = found + len(name)
        whole = after >= len(norm) or not norm[after].isalnum()
        if whole and norm.endswith(_PLACE_WORDS, max(0, found - _PLACE_REACH), found):
            return True
        found = norm.find(name, after)
    return False


class _Places:
    """_is_place of the single names of one document, asked name by name.

    Nearly every name asked about follows no place word, and _is_place finds each of
    its occurrences in the whole text: here each place word is found once, and where
    each of them ends is filed by the characters that follow it, which a name that
    stands there starts with.
    """

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.after: dict[str, list[int]] | None = None  # first characters -> offsets

    def holds(self, name: str) -> bool:
        """_is_place(norm, name), for a name that holds no whitespace (a run's token):
        no occurrence of it then overlaps the place word before another."""
        norm = self.norm
        if len(name) < _PLACE_KEY:
            return _is_place(norm, name)
        if self.after is None:
            self.after = self._after_place_words()
        for at in self.after.get(name[:_PLACE_KEY], ()):
            end = at + len(name)
            if norm.startswith(name, at) and (end >= len(norm) or not norm[end].isalnum()):
                return True
        return False

    def _after_place_words(self) -> dict[str, list[int]]:
        norm = self.norm
        after: dict[str, list[int]] = {}
        for word in _PLACE_WORDS:
            if len(word) > _PLACE_REACH:
                continue  # never read whole before a name (see _is_place)
            found = norm.find(word)
            while found >= 0:
                at = found + len(word)
                after.setdefault(norm[at : at + _PLACE_KEY], []).append(at)
                found = norm.find(word, found + 1)
        return after


def _single_speakers(
    norm: str,
    runs: list[_Run],
    vocabulary: LowercaseWords,
    clusters: Clusters,
    givens: dict[str, Cluster],
) -> set[str]:
    """Single names that speak or carry a title, and are not ordinary capitalised words.

    A single name that is the surname of a full name's cluster resolves to that cluster
    whether it speaks or not (see clusters.person_for), so it is not asked about.
    """
    found: set[str] = set()
    settled: set[str] = set()  # found, surnames and ordinary words: nothing more to ask
    asked: set[str] = set()  # names that are neither a group nor a place
    places = _Places(norm)
    for run in runs:
        name = run.name
        if len(name) != 1 or run.in_quote or name[0] in settled:
            continue
        folded = lower(name[0])
        if folded in clusters or name[0] in givens:  # a surname, a given name
            settled.add(name[0])
            continue
        if name[0] not in asked:
            # Whatever its runs say, a group ("Astronomers say") or a place ("at
            # Cambridge") is never found: asked once, before any of its runs is read.
            if folded.endswith(_PLURAL_ENDINGS) or places.holds(name[0]):
                settled.add(name[0])
                continue
            asked.add(name[0])
        if not _stands_alone(norm, run):
            continue
        if not (
            run.shape.title or _marked_as_person(norm, run) or _lone_given_name(norm, run, folded)
        ):
            continue
        if _OF_A_NAME.search(norm, max(run.sentence_start, run.start - 40), run.start):
            continue  # "the Ministry of Defence said": the end of a body's name
        if folded not in vocabulary:
            found.add(name[0])
        settled.add(name[0])  # the vocabulary answers the same for each of its runs
    return found


class _TitleCase:
    """Sentences written in title case ("Prime Minister Breaks Silence: Says Govt Will
    Continue"), where a capitalised pair of words is no evidence of a person's name: a
    name met there makes a person only if its last word recurs elsewhere in the text
    ("Briefing by Spokesman Dale Ortiz" over "MR. ORTIZ:" turns)."""

    def __init__(self, norm: str) -> None:
        self.norm = norm
        self.seen: dict[int, bool] = {}
        self.lowered: str | None = None

    def holds(self, run: _Run) -> bool:
        """The run stands in a title-case sentence and its last word is nowhere else."""
        if not self._title_case(run):
            return False
        if self.lowered is None:
            self.lowered = lower(self.norm)
        word = lower(run.name[-1])
        found = self.lowered.find(word)
        while found >= 0:
            if not run.sentence_start <= found < run.sentence_end:
                return False
            found = self.lowered.find(word, found + len(word))
        return True

    def _title_case(self, run: _Run) -> bool:
        """The run's sentence is in title case: three words or more, and every word
        capitalised but the small ones title case leaves alone."""
        found = self.seen.get(run.sentence_start)
        # Prose has a long lowercase word soon after the name ("said", "council"): it is
        # looked for there first, then in the whole sentence (a match after the name is
        # one in the sentence: the regex reads the text before where it starts).
        if found is None and (
            _LONG_LOWERCASE.search(self.norm, run.end, run.sentence_end)
            or _LONG_LOWERCASE.search(self.norm, run.sentence_start, run.sentence_end)
        ):
            found = self.seen[run.sentence_start] = False
        if found is None:
            words = [
                w for w in self.norm[run.sentence_start : run.sentence_end].split()
                if w[0].isalpha() and w not in _TITLE_CASE_SMALL
            ]  # fmt: skip
            found = len(words) >= _TITLE_CASE_WORDS and all(w[0].isupper() for w in words)
            self.seen[run.sentence_start] = found
        return found


def build_cast(
    norm: str,
    sentences: list[tuple[int, int, int]],
    quotes: Intervals,
) -> Cast:
    """Find people, bind them to countries, and resolve every mention in the document."""
    index = SentenceIndex(sentences)
    vocabulary = LowercaseWords(norm)
    runs = _collect_runs(norm, index, quotes)
    words_only = _common_word_names(runs, vocabulary)
    if words_only:
        runs = [run for run in runs if run.name not in words_only or run.shape.title is not None]
    headline = _TitleCase(norm)
    clusters = cluster_full_names(
        [run.name for run in runs if run.shape.full and not headline.holds(run)]
    )
    givens = given_names(clusters, {run.name for run in runs if run.shape.full and run.shape.title})
    speakers = _single_speakers(norm, runs, vocabulary, clusters, givens)
    people: dict[str, PersonRecord] = {}
    bound: dict[str, set[str]] = {}
    titled: set[str] = set()
    genders: dict[str, str] = {}
    mentions: list[Mention] = []
    titles: dict[int, str] = {}  # the title of each titled name mention, by its start
    persons: dict[tuple[str, ...], str | None] = {}  # person_for of each name
    resolved: dict[tuple[str, ...], tuple[PersonRecord, str]] = {}  # same everywhere
    ages: dict[str, set[str]] = {}  # an age the text states -> the people it is stated of
    aged = "-year-old" in norm  # else the text mentions no one by age
    roles_and_pronouns = _role_and_pronoun_mentions(norm, index, quotes)
    last_pronouns = _last_pronouns(roles_and_pronouns)
    for run in runs:
        if run.name not in persons:
            persons[run.name] = person_for(run.name, clusters, speakers, givens)
    spouses, kinds = _surname_hints(norm, runs, persons)
    for run in runs:
        name = run.name
        person = persons[name]
        if person is None or not _stands_alone(norm, run):
            continue
        if (spouses or kinds) and not has_given_name(name):
            held = _surname_holder(run, person, spouses, kinds, clusters)
            found = record_of(held, name, people) if held != person else resolved.get(name)
        else:
            found = resolved.get(name)
        if found is None:
            found = resolved[name] = record_of(person, name, people)
        record, surface = found
        person = record.canonical
        record.aliases.add(surface + " Jr." if run.shape.suffixed else surface)
        country = run.shape.country
        if country is None and run.end < len(norm) and norm[run.end] == ",":  # _APPOSITIVE's first
            country = _appositive_country(norm, run.end)
        if country:
            bound.setdefault(person, set()).add(country)
        if run.shape.title or country:
            titled.add(person)
        _note_gender(genders, person, run.shape.gender)
        if aged:
            _note_age(norm, run, person, ages)
        subject = _name_is_subject(norm, run.sentence_start, run.start, run.end) or _says(norm, run)
        mention = Mention(
            run.name_start, run.end, "name", person, subject,
            run.section, run.in_quote, None, surface
        )  # fmt: skip
        mention.aside = _in_brackets(norm, run.sentence_start, run.start)
        if (
            subject
            and not run.in_quote
            and not mention.aside
            and run.name_start <= last_pronouns.get(run.section, -1)
        ):  # else no "he" or "she" reads it (see Mention.reported)
            mention.reported = _reported(norm, run) or _subordinate(norm, run)
        mentions.append(mention)
        if run.shape.title:
            titles[run.name_start] = run.shape.title
    mentions.extend(roles_and_pronouns)
    if aged:
        mentions.extend(_age_mentions(norm, index, quotes, ages))
    offices: dict[str, list[tuple[str, str]]] = {}
    mentions.extend(_office_mentions(norm, index, quotes, mentions, titles, offices))
    mentions.sort(key=_START)
    mentions = _with_unnamed_speakers(norm, index, quotes, mentions)
    cast = Cast(
        people, mentions, bound, titled, {p: g for p, g in genders.items() if g != "?"}, offices
    )
    _resolve_roles(cast)
    closing = any(m.closes for m in roles_and_pronouns)
    _resolve_pronouns(cast, index, last_pronouns, closing)
    return cast


def _last_pronouns(mentions: list[Mention]) -> dict[int, int]:
    """Where the last "he" or "she" outside quotations starts, by section: only those
    are resolved, each to a name before it in its own section (_resolve_pronouns)."""
    last: dict[int, int] = {}
    for mention in mentions:
        if mention.kind == "pronoun" and not mention.in_quote:
            last[mention.section] = mention.start  # mentions come in text order
    return last


def _note_age(norm: str, run: _Run, person: str, ages: dict[str, set[str]]) -> None:
    """Note the age the text states of the person at run: `Ann Lee, 45,` or `Ann Lee
    (45)` after the name, or `45-year-old baker Ann Lee` before it."""
    after = None
    if norm.startswith(", ", run.end) or norm.startswith(" (", run.end):
        after = _AGE_AFTER.match(norm, run.end)
    if after is not None:
        ages.setdefault(after["age"] or after["bracketed"], set()).add(person)
    low = max(0, run.start - _AGE_BEFORE_REACH)
    before = (
        _AGE_BEFORE.search(norm, low, run.start) if "-year-old " in norm[low : run.start] else None
    )
    if before is not None:
        ages.setdefault(before["age"], set()).add(person)


def _age_mentions(
    norm: str, index: SentenceIndex, quotes: Intervals, ages: dict[str, set[str]]
) -> list[Mention]:
    """`"...," the 45-year-old said.`: a mention by age alone names the one person the
    text gave that age; of an age given no one or two people, it names nobody (a role
    mention of no one, which a later "he" or "she" does not reach past)."""
    found: list[Mention] = []
    anchors = literal_starts(norm, ("-year-old",))
    for match in finditer_near(_BY_AGE, norm, anchors, _BY_AGE_REACH):
        sentence = index.locate(match.start())
        if sentence is None:
            continue
        start, _, section = sentence
        people = ages.get(match["age"], set())
        person = next(iter(people)) if len(people) == 1 else None
        subject = _is_subject(norm, start, match.start())
        found.append(
            Mention(match.start(), match.end(), "role", person, subject, section,
                    quotes.contains(match.start()), None, match.group(0))
        )  # fmt: skip
    return found


def _with_unnamed_speakers(
    norm: str, index: SentenceIndex, quotes: Intervals, mentions: list[Mention]
) -> list[Mention]:
    """`NDMA Chairman said that ... "...," he added.`: a sentence opened by an office
    or a calling that speaks, naming no one, is someone the text does not name. Each
    such subject is kept as a role mention of nobody (person None), so that a later
    "he" or "she" does not reach past it to someone named before."""
    starts = [m.start for m in mentions]
    found: list[Mention] = []
    pronouns = {m.section for m in mentions if m.kind == "pronoun" and not m.in_quote}
    for start, end, section in index.sentences:
        if section not in pronouns:
            continue  # no "he" or "she" there to reach past anyone
        lead = start
        while lead < end and norm[lead] in _SENTENCE_LEAD:
            lead += 1
        # The noun ends at the first word's end or later: a sentence of one word has no
        # verb after it, and one whose first word holds a mention ("He said", "Lee
        # said") names its subject, so neither is read further.
        first_end = norm.find(" ", lead, min(end, lead + _UNNAMED_STRETCH))
        low = bisect.bisect_left(starts, lead)
        if first_end < 0 or (low < len(starts) and starts[low] < first_end):
            continue
        noun = _unnamed_subject(norm, lead, end)
        if noun is None:
            continue
        noun_start, noun_end = noun
        if low < len(starts) and starts[low] < noun_end:
            continue  # a name or a tied office there: a person the text names
        found.append(
            Mention(noun_start, noun_end, "role", None, True, section,
                    quotes.contains(lead), None, lower(norm[noun_start:noun_end]))
        )  # fmt: skip
    found += _unnamed_after_quotes(norm, index, quotes, starts, pronouns)
    if not found:
        return mentions
    return sorted([*mentions, *found], key=_START)


def _unnamed_after_quotes(
    norm: str, index: SentenceIndex, quotes: Intervals, starts: list[int], pronouns: set[int]
) -> list[Mention]:
    """`"...," the official said.`, `"...," said another senior official.`: an office or a
    calling that speaks right after the closing mark, naming no one, is someone the text
    does not name, as it is opening a sentence (see _with_unnamed_speakers)."""
    found: list[Mention] = []
    for _, close in quotes.spans:
        attribution = _UNNAMED_AFTER_QUOTE.match(norm, close, close + _UNNAMED_STRETCH)
        if attribution is None:
            continue
        verb = attribution["after"] or attribution["before"]
        if verb not in SPEECH_VERBS or attribution["noun"] not in UNNAMED_SPEAKERS:
            continue
        noun_start, noun_end = attribution.span("noun")
        low = bisect.bisect_left(starts, close)
        if low < len(starts) and starts[low] <= noun_end + _APPOSITION_GAP:
            continue  # a name there or right after: "adds another resident, Ann Lee"
        sentence = index.locate(noun_start)
        if sentence is None or sentence[2] not in pronouns:
            continue
        found.append(
            Mention(noun_start, noun_end, "role", None, True, sentence[2], False, None,
                    attribution["noun"])
        )  # fmt: skip
    return found


def _unnamed_subject(norm: str, lead: int, end: int) -> tuple[int, int] | None:
    """Where the noun of "<...> chairman said" opening a sentence at lead stands: the
    first speech verb among the sentence's first words, the noun right before it (an
    adverb may sit between), when that noun is an office or a calling.

    The words are read lowercased from one lower() of their stretch (lower() maps no
    character to a space, a comma or a full stop: the words split and strip alike), and
    as written only when a speech verb is among them."""
    stretch = norm[lead : min(end, lead + _UNNAMED_STRETCH)]
    folded = lower(stretch).split(" ", _UNNAMED_REACH)[:_UNNAMED_REACH]
    for index in range(1, len(folded)):
        if folded[index].rstrip(",.;:") in SPEECH_VERBS:
            before = index - 1
            if before and folded[before] in ADVERBS_BETWEEN:
                before -= 1
            words = stretch.split(" ", _UNNAMED_REACH)[:_UNNAMED_REACH]
            noun = words[before]
            if not noun.isalpha():
                return None
            if folded[before] not in UNNAMED_SPEAKERS and not _article_noun(words, folded, before):
                return None
            at = lead + sum(len(w) + 1 for w in words[:before])
            return at, at + len(noun)
    return None


def _article_noun(words: list[str], folded: list[str], index: int) -> bool:
    """`An appellant claimed`, `The defendant said`: the sentence opens on an article
    and the lowercase noun before the speech verb, someone the text does not name
    (folded: the words lowercased)."""
    return index == 1 and words[1].islower() and folded[0] in _ARTICLES


def _note_gender(genders: dict[str, str], person: str, said: str | None) -> None:
    """Record what a run's title or given name says of a person's gender (its shape's
    gender, see names.gender_of); "?" when two runs disagree."""
    if said is not None and genders.setdefault(person, said) != said:
        genders[person] = "?"


def _office_mentions(
    norm: str,
    index: SentenceIndex,
    quotes: Intervals,
    mentions: list[Mention],
    titles: dict[int, str],
    offices: dict[str, list[tuple[str, str]]],
) -> list[Mention]:
    """'the administrator' where the text tied that office to one person: by a title
    ("Administrator Lisa Grant") or an apposition ("Lisa Grant, the administrator," or
    "The administrator, Lisa Grant,"). Each refers to the one person so tied. Every tie
    of full rank is also put in offices (office -> person and title words). titles: the
    title of each titled name mention, by where it starts."""
    # (office, ranked below it: "Deputy ...") -> (offset, person), in text order
    ties: dict[tuple[str, bool], list[tuple[int, str, str]]] = {}  # ... and its words
    names = [m for m in mentions if m.kind == "name" and m.person and not m.in_quote]
    for mention in names:
        title = titles.get(mention.start, "") or _office_in_lead(norm, mention.start)
        if not title:
            continue  # an untitled name ties nothing by its title
        title = lower(title)
        for word in title.split():
            word = TITLE_OFFICES.get(word.rstrip("."), word)
            if word in OFFICE_NOUNS:
                key = (word, _ranked_below(title))
                ties.setdefault(key, []).append((mention.start, mention.person or "", title))
        _tie_phrases(ties, title, mention)
    for mention in names:
        # Both forms need a comma next to the name: ", the administrator" after it,
        # "the administrator, " before it; only then is a regex tried.
        after = (
            _OFFICE_AFTER.match(norm, mention.end) if norm.startswith(",", mention.end) else None
        )
        before = (
            _OFFICE_BEFORE.search(norm, max(0, mention.start - 60), mention.start)
            if mention.start >= 2 and norm.startswith(", ", mention.start - 2)
            else None
        )
        if after is None and before is None:
            continue  # as for most names
        for found in (after, before):
            if found is not None and lower(found.group("office")) in OFFICE_NOUNS:
                words = lower(found.group(0))
                key = (lower(found.group("office")), _ranked_below(words))
                ties.setdefault(key, []).append((mention.start, mention.person or "", words))
            if found is not None:
                _tie_phrases(ties, lower(found.group(0)).strip(" ,"), mention)
    found_mentions: list[Mention] = []
    for (office, below), tied in ties.items():
        tied.sort()
        if not below:
            offices[office] = [(person, words) for _, person, words in tied]
        starts = [at for at, _, _ in tied]
        holders = _Holders(tied)
        for use_start, use_end, surface in _office_uses(norm, office):
            made = bisect.bisect_left(starts, use_start)  # ties made before this use
            sentence = index.locate(use_start)
            if not made or sentence is None or _ranked_below(lower(surface)) != below:
                continue
            holder = holders.of(made, surface)
            if holder is None:
                continue
            start, _, section = sentence
            found_mentions.append(
                Mention(use_start, use_end, "role", holder,
                        _is_subject(norm, start, use_start), section,
                        quotes.contains(use_start), None, surface)
            )  # fmt: skip
        if len({person for _, person, _ in tied}) == 1 and not below:
            found_mentions.extend(_lede_uses(norm, index, quotes, office, tied[0][:2]))
    return found_mentions


def _surname_hints(
    norm: str, runs: list[_Run], persons: dict[tuple[str, ...], str | None]
) -> tuple[set[str], dict[str, str]]:
    """What tells whom a surname alone stands for (see _surname_holder), from the full
    names (persons: each run's person): the people named as a First Lady ("First Lady
    Jeannette Kagame", whose husband the text may name by no other form), and the
    gender each one's title or given name shows ("Mrs", "Michelle"; see _note_gender)."""
    spouses: set[str] = set()
    kinds: dict[str, str] = {}
    for run in runs:
        person = persons[run.name]
        if person is None or not run.shape.full:
            continue
        _note_gender(kinds, person, run.shape.gender)
        if run.shape.title == "lady" and lower(
            norm[max(0, run.start - len("First ")) : run.name_start]
        ).startswith("first lady"):
            spouses.add(person)
    return spouses, kinds


def _surname_holder(
    run: _Run, person: str, spouses: set[str], kinds: dict[str, str], clusters: Clusters
) -> str:
    """Who a surname alone stands for, where the text names two of that surname or one
    who cannot be it: "Mrs Obama" is the woman of the Obamas, not the busiest one;
    "President Kagame" beside "First Lady Jeannette Kagame", or "Mr Kagame", is a
    person of their own, named by the surname."""
    wanted = run.shape.gender
    own = " ".join(run.name)
    if wanted not in ("m", "f"):
        office = person in spouses and run.shape.title in OFFICE_NOUNS
        return own if office else person  # a First Lady's husband
    known = kinds.get(person)
    if known in (wanted, "?"):
        return person
    fitting = [
        cluster.canonical()
        for cluster in clusters.get(lower(run.name[-1]), [])
        if kinds.get(cluster.canonical()) == wanted
    ]
    if len(fitting) == 1:
        return fitting[0]
    return person if known is None else own


def _office_in_lead(norm: str, start: int) -> str:
    """The office in lower case right before a name, "police spokesman Ali Khan": a
    title as "Spokesman Ali Khan" is, whose words the name's run does not hold."""
    if start < 2 or norm[start - 1] != " " or not norm[start - 2].islower():
        return ""  # the cheap test: most names follow a capital, a mark or nothing
    word_start = norm.rfind(" ", max(0, start - _LOWER_LEAD_REACH), start - 1) + 1
    if norm[word_start : start - 1] not in OFFICE_NOUNS:
        return ""  # "said Ann Lee", "by Ann Lee": most words before a name are no office
    lead = _LOWER_LEAD.search(norm, max(0, start - _LOWER_LEAD_REACH), start)
    return lead.group(0).strip() if lead is not None else ""


def _tie_phrases(
    ties: dict[tuple[str, bool], list[tuple[int, str, str]]], words: str, mention: Mention
) -> None:
    """Ties by OFFICE_PHRASES: an office of two words ("chief executive") or one that
    another word names ("the premier" for a prime minister); words: lowercase."""
    if not words:
        return
    spaced_words = f" {words} "
    for phrase, offices in OFFICE_PHRASES.items():
        if f" {phrase} " in spaced_words:
            below = _ranked_below(words)
            for office, stands_for in offices:
                tie = (mention.start, mention.person or "", f"{words} {stands_for}")
                ties.setdefault((office, below), []).append(tie)


class _Holders:
    """Who holds an office at each use of it: the one person tied to it before the use
    whose title has every title word of the use ("the prime minister" is not the
    "Finance Minister" named last). Two people who both fit ("Mayor Lee met Mayor Reyes
    ... the mayor said"): which one is the reader's guess, so None.

    Uses come in text order, so the ties made before each one only grow: each tie is
    read once per form of the use, not once per use (a text that says "the curator"
    after every one of its thousand ties stays linear)."""

    def __init__(self, tied: list[tuple[int, str, str]]) -> None:
        self.tied = tied
        self.read: dict[tuple[str, ...], tuple[int, set[str]]] = {}  # wanted -> ties read, fits

    def of(self, made: int, use: str) -> str | None:
        """The holder at a use after the first `made` ties. A use that names a party or
        a place ("the Tory leader") fits no tie that names another ("Lib Dem leader Jo
        Swinson"), and any tie that names none ("Leader Jo Swinson")."""
        between = use.split()[1:-1]
        wanted = tuple(w for word in between if (w := lower(word)) in TITLES)
        named = tuple(
            w for word in between if word[:1].isupper() and (w := lower(word)) not in TITLES
        )
        key = (*wanted, "|", *named)
        read, fitting = self.read.get(key, (0, set()))
        if len(fitting) < 2:  # two who fit stay two
            for _, person, words in self.tied[read:made]:
                split = words.split()
                if all(w in split for w in wanted) and _names_fit(named, split):
                    fitting.add(person)
        self.read[key] = (max(read, made), fitting)
        return next(iter(fitting)) if len(fitting) == 1 else None


def _names_fit(named: tuple[str, ...], tie: list[str]) -> bool:
    """A use's party or place words (named, lowercase) fit a tie's words: the tie holds
    them all, or names nothing but its office's titles (lowercase words both)."""
    if not named or all(w in tie for w in named):
        return True
    return all(w in TITLES or w in _TIE_FILLERS for w in tie)


def _ranked_below(words: str) -> bool:
    """A deputy's, a vice's or a former holder's office ("deputy prime minister"), which
    "the prime minister" does not refer back to (words: lowercase)."""
    return any(word in _BELOW_THE_OFFICE for word in words.split())


def _lede_uses(
    norm: str, index: SentenceIndex, quotes: Intervals, office: str, tie: tuple[int, str]
) -> list[Mention]:
    """`..., a councillor said.` above `Cllr Ann Lee, who ...`: a news lede withholds
    the name that the next lines give. "A/an <office>" a little before the first and only
    person the text ties to that office, in the same section, is that person."""
    at, person = tie
    tied_in = index.locate(at)
    found: list[Mention] = []
    uses = re.compile(_INDEFINITE_OFFICE.format(office=re.escape(office)))
    for match in uses.finditer(norm, max(0, at - _LEDE_REACH), at):
        sentence = index.locate(match.start())
        if sentence is None or tied_in is None:
            continue
        start, _, section = sentence
        if section == tied_in[2]:
            found.append(
                Mention(match.start(), match.end(), "role", person,
                        _is_subject(norm, start, match.start()), section,
                        quotes.contains(match.start()), None, match.group(0))
            )  # fmt: skip
    return found


def _office_uses(norm: str, office: str) -> list[tuple[int, int, str]]:
    """Each 'the <office>' (up to two words between) not followed by a name; also in
    title case ("the Prime Minister"), as many papers write an office held, and an
    office of initials or an abbreviation in capitals ("the CEO")."""
    found: list[tuple[int, int, str]] = []
    forms = [(office, _OFFICE_LEAD), (office.capitalize(), _TITLED_LEAD)]
    if len(office) <= _INITIALS_OFFICE:
        forms.append((office.upper(), _OFFICE_LEAD))
    for form, lead_form in forms:
        at = norm.find(form)
        while at >= 0:
            end = at + len(form)
            lead = lead_form.search(norm, max(0, at - 30), at)
            whole = (end == len(norm) or not norm[end].isalnum()) and (
                at == 0 or norm[at - 1] == " "
            )
            if lead is not None and whole and not _NAME_AFTER.match(norm, end):
                found.append((lead.start(), end, norm[lead.start() : end]))
            at = norm.find(form, end)
    found.sort()
    return found


def _appositive_country(norm: str, end: int) -> str | None:
    match = _APPOSITIVE.match(norm, end)
    return NATIONALITIES[lower(match.group("nat"))] if match else None


def _role_and_pronoun_mentions(norm: str, index: SentenceIndex, quotes: Intervals) -> list[Mention]:
    found: list[Mention] = []
    offices = spaced(norm, literal_starts(norm, ROLE_WORDS))  # an office follows \s in _ROLE
    for match in finditer_near(_ROLE, norm, offices, _ROLE_REACH):
        sentence = index.locate(match.start())
        if sentence is not None:
            start, _, section = sentence
            country = NATIONALITIES[lower(match.group("nat"))]
            subject = _is_subject(norm, start, match.start())
            found.append(
                Mention(match.start(), match.end(), "role", None, subject, section,
                        quotes.contains(match.start()), country, match.group(0))
            )  # fmt: skip
    for match in _pronoun_matches(norm):
        sentence = index.locate(match.start())
        if sentence is not None:
            section = sentence[2]
            pronoun = Mention(
                match.start(), match.end(), "pronoun", None, True, section,
                quotes.contains(match.start()), surface=match.group(0)
            )  # fmt: skip
            pronoun.closes = _closes_report(norm, sentence[0], match.start(), match.end())
            found.append(pronoun)
    return found


def _closes_report(norm: str, sentence_start: int, start: int, end: int) -> bool:
    """`The plan was sound, he said.`: the pronoun follows a comma after words of its
    own sentence, and a speech verb after it closes the sentence or a clause."""
    if start - sentence_start < _REPORT_WORDS or not norm.startswith(", ", start - 2):
        return False
    if norm[start - 3] in _QUOTE_CLOSERS:
        return False  # `"...," he said.`: the words are a quotation, its names skipped
    verb = _CLOSING_VERB.match(norm, end)
    return verb is not None and lower(verb["verb"]) in SPEECH_VERBS


def _pronoun_matches(norm: str) -> list[re.Match[str]]:
    """Every he, she, He and She in text order (no two of them can overlap)."""
    found = [match for form in _PRONOUNS for match in form.finditer(norm)]
    found.sort(key=_MATCH_START)
    return found


def _resolve_roles(cast: Cast) -> None:
    """A role names the person bound to its country, else the only one left in the section."""
    roles = [m for m in cast.mentions if m.kind == "role" and m.country is not None]
    if not roles:
        return
    by_section = cast.by_section()  # name mentions only: resolving roles leaves it as it is
    for mention in roles:
        country = mention.country
        holders = [p for p, countries in cast.bound.items() if country in countries]
        local = by_section.get(mention.section, [])
        if len(holders) > 1:
            holders = [p for p in holders if p in local]
        if len(holders) != 1:
            free = [p for p in local if not cast.bound.get(p, set()) - {country}]
            holders = [p for p in free if p in cast.titled]
            holders = holders if len(holders) == 1 else free
        if len(holders) == 1:
            mention.person = holders[0]
            cast.people[holders[0]].aliases.add(lower(mention.surface))


def _resolve_pronouns(
    cast: Cast, index: SentenceIndex, last_pronouns: dict[int, int], closing: bool
) -> None:
    """'he' and 'she': the nearest person who fits, in the same section, outside quotes.

    The latest subject or speaker who fits (a resolved pronoun counts as one), unless a
    fitting person named in a later sentence came after it ("Tom Reed built it. 'It
    took years,' he said": Reed). Only the latest fitting mention and the latest fitting
    subject matter, so each is kept per pronoun form: linear in the mentions.

    What a mention notes is read only by a pronoun after it in its section: mentions
    past the last pronoun of their section (last_pronouns, see _last_pronouns) are not
    read. The state at each sentence's start is copied only if some pronoun closes a
    report (closing), the only one that reads it.
    """
    newest: dict[str, Mention] = {}  # "f" or "m" -> the latest mention that fits it
    subject: dict[str, Mention] = {}  # ... and the latest such mention in subject position
    # The two as they stood when the current sentence began: what "..., he said." closing
    # a sentence of reported words may refer to (a name in the words it reports is not
    # the one who said them: "The plan was not Lee's idea, he said" is not Lee's).
    earlier: tuple[dict[str, Mention], dict[str, Mention]] = ({}, {})
    section = sentence_end = last = -1
    for mention in cast.mentions:
        if mention.section != section:
            newest, subject, section = {}, {}, mention.section
            earlier = ({}, {})
            last = last_pronouns.get(section, -1)
        if mention.start > last:
            continue  # no pronoun after it in its section: nothing reads what it notes
        if mention.start >= sentence_end:
            sentence = index.locate(mention.start)
            sentence_end = sentence[1] if sentence is not None else mention.end
            if closing:
                earlier = (dict(newest), dict(subject))
        if mention.in_quote or mention.aside:
            continue
        if mention.kind == "pronoun":
            wanted = "f" if lower(mention.surface) == "she" else "m"
            pool, pool_subject = earlier if mention.closes else (newest, subject)
            found = pool.get(wanted)
            mention.person = (
                _antecedent(found, pool_subject.get(wanted), index) if found is not None else None
            )
        if mention.person is None:
            if mention.kind == "role" and mention.country is None and mention.subject:
                _block(newest, subject, mention)  # someone unnamed spoke last
            continue
        gender = cast.genders.get(mention.person)
        if mention.kind == "pronoun":  # one just called "she" is not the next "he"
            gender = "f" if lower(mention.surface) == "she" else "m"
        for form in ("f", "m"):  # "he" and "she" are subjects: the person carries on
            if gender is None or gender == form:
                newest[form] = mention
                if mention.subject and not mention.reported:
                    subject[form] = mention


def _block(newest: dict[str, Mention], subject: dict[str, Mention], mention: Mention) -> None:
    """An unnamed speaker ("the spokeswoman said") becomes the latest subject of the
    forms it fits: a later pronoun then refers to nobody the text names."""
    word = mention.surface
    forms = ("f",) if word in FEMININE_TITLES else ("m",) if word in MASCULINE_TITLES else "fm"
    for form in forms:
        newest[form] = subject[form] = mention


def _antecedent(newest: Mention, subject: Mention | None, index: SentenceIndex) -> str | None:
    """The latest subject, unless the newest fitting mention is in a later sentence."""
    if subject is None or subject is newest:
        return newest.person
    newest_sentence = index.locate(newest.start)
    subject_sentence = index.locate(subject.start)
    if newest_sentence is not None and newest_sentence != subject_sentence:
        return newest.person
    return subject.person
