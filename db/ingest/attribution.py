"""Who said a quotation: the speech verb next to it and the mention that is its subject.

Forms handled: after the quote (`," Putin said.` / `," says Smith of X.`), before it
(`Bush noted: "..."`, `Putin says he will "..."`), by pronoun or role through the
resolved mentions, and reported speech in the paragraph before a bare quote.
"""

from __future__ import annotations

import bisect
import re
from itertools import islice
from typing import Final

from db.ingest.lexicon import (
    ADVERBS_BETWEEN,
    CLAUSE_OPENERS,
    CONTEXT_NOUNS,
    HONORIFICS,
    OFFICE_NOUNS,
    ORGANISATION_NOUNS,
    SPEECH_VERBS,
    STOPWORDS,
    TITLES,
    TOLD_VERBS,
)
from db.ingest.people import Cast, Intervals, Mention, is_head_noun
from db.ingest.speakerlines import credit_name
from db.text import lower

_WORD: Final = re.compile(r"[A-Za-z][A-Za-z]*")  # not [A-Za-z]+: see dates._DIGIT_RUN
_LEADING_NAME_TEXT: Final = re.compile(r"[\s,]*(?:(?:the|The|[A-Z][\w.'-]*)\s)*")
# A sentence that opens with whose view it tells: "For Ann Lee, ...", "For coach Ann Lee, ...".
_VIEW_OPENING: Final = re.compile(r"\s*For\s(?:[a-z]+\s){0,2}")
# `," Mehr news agency quoted South Khorasan's crisis director `: a paper that quoted the
# name after it, described or not.
_QUOTED_NAME_TEXT: Final = re.compile(
    r"[\s,]*(?:(?:the|The|[A-Z][\w.'-]*)\s){0,4}(?:[a-z][\w'-]*\s){0,3}quoted\s"
    r"(?:[A-Z][\w.'-]*\s){0,3}(?:[a-z][\w'-]*\s){0,4}"
)
# Before a name after a speech verb: titles and up to three lowercase words that describe
# the person ("says local farmer Joan Pike", "according to fire chief Dana Ruiz"), an age
# among them ("said 60-year-old Joan Pike").
_DESCRIBED_NAME_TEXT: Final = re.compile(
    r"[\s,]*(?:(?:the|The|an?|[A-Z][\w.'-]*)\s)*(?:(?:of|for)\s(?:[A-Z][\w.'-]*\s)+)*"
    r"(?:(?:[a-z]|\d{1,3}-year-)[\w'-]*\s){0,3}(?:[A-Z][\w.'-]*\s)*"
)
# Forms of "be" that make the speech verb after them passive, and how far after that
# verb its agent's "by" may stand ("was described by the mayor as").
_BE_FORMS: Final = frozenset("is are was were be been being".split())
_AGENT_REACH: Final = 30
# `," Lee was quoted as telling the Times.`, `Lee was quoted by Xinhua as saying`: the
# passive that news writing uses for words a paper or agency reported; its subject spoke.
_QUOTED_LEADS: Final = _BE_FORMS | frozenset(("has", "had", "have"))
_QUOTED_VERBS: Final = SPEECH_VERBS | frozenset(("telling",))  # "a telling sign": only here
_QUOTED_AS: Final = re.compile(r"\squoted\s(?:by\s[^.;:\"\n]{1,60}?\s)?as\s(?P<verb>[a-z]+)")
# How far after a closing mark the speaker's name may end its description ("...,"
# Woodward Public Schools Superintendent Tim Merchant told ...).
_AFTER_REACH: Final = 80
# ", Executive " between a speaker's name and a one-word title: "Mara Quill, Executive
# Director of the Kettle Mill Foundation".
_APPOSED_TITLE: Final = re.compile(r",\s(?:[A-Z][a-z]+\s){0,3}")
_POSSESSIVE: Final = re.compile(r"['\u2019]")  # "Lee's" or "Reyes'" right after a name
_OWNER_ENDINGS: Final = ("'s", "\u2019s")
_WENT_ON_CLOSES: Final = ".,;:!?\n"  # what closes `," Lee went on`
_PLACE_LEADS: Final = (" on ", " in ", " at ", " on the ", " in the ", " at the ")
_APOSTROPHES: Final = ("'", "\u2019")
# `," said Lee's husband, Tom Reed.`: the owned noun phrase, then a comma and its name.
_OWNED_COMMA: Final = re.compile(r"\s(?:[a-z][\w'-]*\s){0,3}[a-z][\w'-]*,\s")
# A first- or second-person word: a quote that speaks, not a sign's or a title's words.
_SPOKEN: Final = re.compile(r"\b(?:I|[Ww]e|[Mm][ey]|[Oo]urs?|[Uu]s|[Yy]ou|[Yy]our)\b")
# What a person wrote, owned by the name before it, as the subject of a speech verb:
# "The spokesman's statement added", "Lee's letter to the council said".
_OWN_WRITING: Final = re.compile(
    r"['\u2019]?s?\s(?:[A-Z]\w*\s|[a-z]+\s)?"
    r"(?:statement|letter|post|message|tweet|e-?mail|note|speech|announcement|memo)\s"
    r"(?:(?:to|on|in)\s(?:the\s|his\s|her\s|their\s)?[\w'-]+\s)?"  # "letter to the council"
)
# "quoted him as saying": the words are of the one "him" stands for, not of the subject.
_OBJECT_AS_SAYING: Final = re.compile(r"\b(?:him|her|them)\sas\s$")
# "Armstrong's legendary words, " right before a quote: the owner's words.
_OWNED_WORDS: Final = re.compile(
    r"'s\s(?:[a-z]+\s){0,2}(?:words|remarks|reply|response|answer|message|plea|warning)"
    r"[,:]?\s?\Z"
)
_OWNED_REACH: Final = 48
# After a quote, an unnamed subject that the person's name will set off: `," one of the
# divers, `, `," the team's leader, `.
_UNNAMED_LEAD: Final = re.compile(
    r"[\"',]{0,2}\s(?:one\sof\s)?(?:the|a|an|his|her|their|its)\s(?:[\w'-]+\s){0,3}[a-z][\w-]*,\s"
)
_ACCORDING: Final = re.compile(r"(?:[Aa]ccording\sto|[Ii]n\sthe\swords\sof)\s")
_LEADS: Final = frozenset(("according", "in"))  # the first words of _ACCORDING
_AFFILIATION: Final = re.compile(
    r",?\s(?:of|from|at)\s(?:the\s)?(?P<org>[A-Z][\w'.&-]*(?:\s(?:of\s|for\s|and\s)?[A-Z][\w'.&-]*){0,6})"
)
# `Name: "..."`, `Name on NATO: "..."`, `Name in 2001: "..."`: a label and a colon.
_COLON_LABEL: Final = re.compile(
    r"\s*(?:[*-]\s*)?(?:\[\d{1,3}\]\s*)?(?P<name>(?:[A-Z][\w.'-]*\s?){1,5}?)(?:\s(?:on|in|about|to|at|of)\s[^:\"]{1,40}?)?"
    r"\s?:\s*"
)
_LABEL_TOPICS: Final = frozenset(("on", "in", "about", "to", "at", "of"))  # _COLON_LABEL's
# `", the museum says.`: a body named by its common noun, after the quote.
_BODY_AFTER: Final = re.compile(
    r"[\s,.;:\"'\u201d\u2019]*the\s(?P<noun>[A-Za-z][a-z]{2,19})\s(?P<verb>[a-z]+)\b"
)
# `," said the Church in its release.`: the body's common noun right after the verb.
_BODY_NOUN_AFTER: Final = re.compile(
    r"\s+the\s(?P<noun>[A-Za-z][a-z]{2,19})(?=[.,;:!?]|\s[a-z]|$)"  # not "the Harbour Board"
)
# `" the pieces, the museum says.`: the clause that closes a quote's sentence.
# "... in a statement" may close it ("..., the union said in a statement.").
_CLOSING_CLAUSE: Final = re.compile(
    r",\s(?P<who>[^,]{2,60}?)\s(?P<verb>[a-z]+)(?:\sin\sa\s(?:written\s)?statement)?[.!]?\s*"
)
_BODY_NOUN: Final = re.compile(r"the\s(?P<noun>[a-z]{3,20})")
# Words that end a body's place before a possessive ("Museum in Brno's old town").
_PLACE_LINKS: Final = frozenset("of in for at on the".split())
# How far back the body's full name is looked for ("the National Museum in Warsaw").
_BODY_REACH: Final = 3000
# "a statement ... from", "a letter signed by": the author of a text quoted below it.
_STATEMENT_FROM: Final = re.compile(
    r"\b(?:statement|letter|message|note|post|open letter)\b[^.:;\"]{0,120}?\b(?:from|by)\s"
)
# A paragraph that credits the bare quote paragraph above it, as a feature's lede does:
# "That was the message from Ann Lee on Monday.", "Those were the words of Ann Lee,",
# "So said Ann Lee.", "That's what Ann Lee told the crowd." (its speaker right after).
_CREDIT_BELOW: Final = re.compile(
    r"(?:(?:That|This|Those|These|Such)(?:\s(?:was|is|were|are)|['\u2019]s)\s"
    r"(?:(?:the|a)\s(?:[a-z]+\s){0,2}?(?:message|words?|verdict|warning|view|plea|response"
    r"|reaction|assessment|promise|call|advice|reply|answer|vow|pledge|prediction"
    r"|admission|appeal|greeting|question|rallying\scry|battle\scry)\s(?:of|from)\s"
    r"|(?P<what>what|how)\s)"
    r"|So\s(?:said|says|spoke|wrote)\s)"
)
_CREDIT_BELOW_OPENINGS: Final = ("Th", "Su", "So")  # what _CREDIT_BELOW opens with
# A body's name: capitalised words that close on an organisation noun ("National Weather
# Service", "Acme Mining Corp"), or that noun opening an "of" phrase ("Ministry of
# Defence"). Every repeat is bounded: a failed match costs a few words.
_ORG_WORD: Final = r"[A-Z][\w&'\u2019.-]*"
_ORG_TAIL: Final = r"[A-Z][\w&'\u2019-]*"  # no full stop: the name's last words end sentences
_TAIL_ENDS: Final = "_&'\u2019-"  # what ends an _ORG_TAIL word besides a letter or a digit
_ORGANISATION: Final = re.compile(
    rf"(?:{_ORG_WORD}\s(?:(?:of|for|and|on|&)\s)?){{0,4}}"
    rf"(?:{'|'.join(sorted(ORGANISATION_NOUNS, key=len, reverse=True))})\b"
    rf"(?:\s(?:of|for)\s(?:the\s)?{_ORG_TAIL}(?:\s(?:and\s)?{_ORG_TAIL}){{0,3}})?"
)
_ORG_LEAD: Final = re.compile(r"[\s,.;:\"'\u201d\u2019]*(?:the\s)?")
# A body's initials standing for it ("the HAF said", "LWS said in a statement"): a word of
# two to six capitals, which speaks for the body only where the text spelled it out.
_INITIALS: Final = re.compile(r"[A-Z]{2,6}\b")
_INITIALS_REACH: Final = 6  # the longest name read before "(HAF)" is that many times its letters
_INITIALS_SMALL: Final = frozenset("of for and on the in at &".split())  # no letter of their own
_CLAUSE_PUNCTUATION: Final = ',;:(\u2014\u2013-"\u201c'  # what may end the text before a subject
_STATEMENT_REACH: Final = 140  # "a statement ... from " before a body's name, at most
_ORG_REACH: Final = 120  # the longest body's name looked for before a speech verb
# What may follow a body that speaks: punctuation or a lowercase word ("said in a
# statement"), not a possessive or a person's name ("the Agency's Ann Lee").
_ORG_END: Final = re.compile(r"(?:[.,;:!?]|\s[a-z]|$)")
# "the company said" after a quote refers back to a body named by any of these heads.
_BODY_HEADS: Final[dict[str, tuple[str, ...]]] = {
    "company": ("Company", "Corporation", "Corp", "Inc", "Ltd", "PLC", "Group"),
    "agency": ("Agency", "Service", "Administration", "Authority"),
}
# A preposition (and titles) right before a name: the name is an object ("a spokesman
# for Ann Lee", "a source close to Lee", "a friend of Dr Lee"), and the one who speaks is
# the unnamed head before it. Matched on the 40 characters before the name.
_LEAD_TITLE: Final = rf"(?:[A-Z][\w'-]*|(?:{'|'.join(sorted(HONORIFICS))})\.)\s"  # no sentence end
_OBJECT_WORDS: Final = (
    "for", "of", "to", "from", "with", "about", "behind", "near", "against", "than", "like", "by"
)  # fmt: skip
_OBJECT_LEAD: Final = re.compile(
    rf"\b(?:{'|'.join(_OBJECT_WORDS)})\s(?:the\s)?(?:{_LEAD_TITLE}){{0,3}}\Z"
)
# "Minister for Covid-19 Response Ann Lee", "Secretary of State Ann Lee": "of" or "for"
# after a capitalised title and before the portfolio's own capitalised words opens the
# title's portfolio, and the name after it is the title's holder, no preposition's
# object (unlike "a spokesman for Ann Lee", "the chief of Acme Holding").
_PORTFOLIO: Final = re.compile(r"(?:of|for)\s(?:the\s)?[A-Z][\w'-]*\s")
# Another name and "and" right before a name: two people, whose joint words are neither's
# alone ("Ann Lee and Tom Reyes said in a joint statement").
_JOINT_LEAD: Final = re.compile(
    rf"(?:,?\sand|\s&)\s(?:(?:his|her|their)\s[a-z]+\s)?(?:{_LEAD_TITLE}){{0,3}}\Z"
)  # "Ann Lee and her deputy Tom Reyes said": two people as well
# A document that has words of its own to quote.
_DOCUMENT: Final = re.compile(
    r"\b(?:statement|letter|report|release|message|memo|e-?mail|post|document|notice"
    r"|resolution|ruling|order|tweet|petition|leaflet|motion|editorial|article)s?\b"
)
# What may follow the subject of an inverted speech verb ("said Lee, ...", "said Lee of
# the Trust", "said Lee in a statement"), and not a verb of its own ("said he passed
# away", "said Lee was wrong": the subject of what was said).
# Speech verbs whose object is who the words are about: "who called Reed "a builder"",
# "described Reed as "the best"" (never "said Reed", where Reed speaks).
_NAMING_VERBS: Final = frozenset(
    "call calls called describe describes described dub dubbed label labelled labeled "
    "brand branded term termed".split()
)
_INVERTED_END: Final = re.compile(
    r"\s*(?:$|[,.;:!?\"'()\u201c\u201d\u2018\u2019\u2014\u2013-]"
    r"|(?:of|from|at|in|on|to|who|whose|during|after|before|when|as|and)\b)"
)
# The word before a name, past "that" and titles: "said that Dr ", "reported ".
_VERB_LEAD: Final = re.compile(r"\b(?P<verb>[a-z]+)\s(?:that\s)?(?:[A-Z][\w'-]*\.?\s){0,3}\Z")
# What a writer sets between a speaker's name and the speech verb after a quote: an
# apposition or a relative clause between commas (", head of the Trust,", ", who was
# there,"), or an affiliation ("of the Trust,"), ending on the comma before the verb.
# `, one of the wreck divers told`: a description opened by "one of" and not closed.
_ONE_OF: Final = re.compile(r",\sone\sof\s(?:the|his|her|their|its|our)\s")
_ONE_OF_WORDS: Final = 4  # the words of such a description, at most
_SET_OFF_TEXT: Final = r"[^,;:\"\u201c\u201d\u2018\u2019"  # a set-off's words hold no clause mark
_SET_OFF: Final = re.compile(rf"(?:,\s|\s(?:of|from|at)\s){_SET_OFF_TEXT}]{{1,160}}?,\s(?=[a-z])")
# A lowercase description set off by commas, right up to the verb after it: ", executive
# dean of the Faculty of Engineering and Computing, ".
_DESCRIPTION_TO_VERB: Final = re.compile(rf",\s[a-z]{_SET_OFF_TEXT}.]{{1,120}},\s")
# A second description set off after the first: ", the town at the epicentre, said".
_SET_OFF_MORE: Final = re.compile(rf"{_SET_OFF_TEXT}]{{1,100}}?,\s(?=[a-z])")
# `," adds another resident, Ann Lee.`: a description after the speech verb, and the
# speaker's name in apposition to it, after a comma.
_DESCRIBED_COMMA: Final = re.compile(
    r"\s+(?:an?|the|another|his|her|their)\s(?:[a-z][\w'-]*\s){0,3}[a-z][\w'-]*,\s"
)
# `Ann Lee (pictured)`, `Lee (Labour)`: an aside in brackets right after a name.
_ASIDE: Final = re.compile(r" ?\([^()\n\"\u201c\u201d]{1,60}\)")
_NAME_CLOSES: Final = re.compile(r"\s*(?:[.,;!?]|$)")
# `..." - Burnley boss Ann Lee bemoans the defeat.`: a credit after a whole quote that
# opens its paragraph, led by a dash, as pages of quotes and epigraphs write one.
_DASHED_CREDIT: Final = re.compile(r"[ \t]{1,3}[-\u2013\u2014]{1,2}[ \t]{0,3}(?=[A-Z])")
_SENTENCE_CLOSES: Final = ".!?"
_CREDIT_REACH: Final = 120  # the most of a dashed credit read for its name
# `Ann Lee of the Trust said`, `Lee from Greenpeace wrote`: a name's affiliation between
# it and the speech verb, capitalised words after "of", "from" or "at".
_AFFILIATED: Final = re.compile(
    r"\s(?:of|from|at)\s(?:the\s)?[A-Z][\w'\u2019.&-]*(?:\s(?:of\s|for\s|and\s)?[A-Z][\w'\u2019.&-]*){0,5}"
    r"(?:\s(?:district|region|province|state|county|village|town|city|municipality))?\s"
)  # "Ann Lee from Greenpeace wrote", "Kofi Mensah from Tano district said"
_APPOSITION: Final = re.compile(r",\s(?P<desc>(?:an?|the)\s[a-z][^,.;:\"]{2,80})")
_NOUNS: Final = "|".join(sorted(CONTEXT_NOUNS, key=len, reverse=True))
# Opens like r"\b(?:in|during|at)\s", written so that each alternative opens with a letter
# (the regex engine then skips to i, d or a) and checks the opening \b just after it.
_OCCASION: Final = re.compile(
    r"(?:i(?<!\w.)n|d(?<!\w.)uring|a(?<!\w.)t)\s"
    rf"(?:a|an|the|his|her|their)\s(?:[\w'-]+\s){{0,3}}?(?:{_NOUNS})s?\b"
    r"(?:\s(?:in|at|with|on)\s(?:the\s)?[A-Z][\w'-]*(?:\s[A-Z][\w'-]*){0,3})?"
)


def _may_label(norm: str, start: int, colon: int, open_at: int) -> bool:
    """A cheap look that spares most sentences before a quote the _COLON_LABEL match:
    its colon is the last before the quote, only space after it, and its words before
    the colon are capitalised (the name's) up to the first that is not, which can only
    be a topic's preposition ("Lee on NATO:"). A bullet or a note's number before the
    name is left to the match."""
    if norm[colon + 1 : open_at].strip():
        return False
    words = norm[start:colon].split()
    if not words:
        return False  # a name has a capital letter at least
    if words[0][0] in "*-[":
        return True
    for word in words:
        if not "A" <= word[0] <= "Z":
            return word in _LABEL_TOPICS
    return True


def _opens_clause(before: list[str], whole: bool) -> bool:
    """The words before a subject (whole: all of its sentence's) leave it a subject: a
    comma or dash ends them, a word that opens a clause ("and", "that"), or one
    capitalised word opening the sentence ("Yesterday the Ministry said")."""
    word = before[-1]
    if word[-1] in _CLAUSE_PUNCTUATION or lower(word) in CLAUSE_OPENERS:
        return True
    return whole and len(before) == 1 and word[:1].isupper()


class Attribution:
    """A speaker (None if the text does not say) and where the words were said.

    Never changed once made. A plain class, not a frozen dataclass: compiled with mypyc,
    that is made through the Python __init__ dataclasses generates (one per quote here).
    """

    __slots__ = ("context", "found", "speaker")

    def __init__(self, speaker: str | None, context: str | None, found: bool) -> None:
        self.speaker = speaker
        self.context = context
        self.found = found


NOBODY: Final = Attribution(None, None, found=False)


WINDOW: Final = 300  # how far before a quote a speech verb and its subject are looked for
MAX_GAPS: Final = 8  # text between at most this many earlier quotes is searched


class Attributor:
    """Looks up mentions and speech verbs around quotes of one document."""

    def __init__(self, norm: str, cast: Cast, quotes: Intervals) -> None:
        self.norm = norm
        self.quotes = quotes
        self.mentions = [m for m in cast.mentions if not m.in_quote]
        self.starts = [m.start for m in self.mentions]
        self.spelled: dict[str, str | None] = {}  # initials -> the body's name (_body_initials)
        # sentence start -> how far documented searched from it, and the first match's
        # start there (-1 for none)
        self.documents: dict[int, tuple[int, int]] = {}
        self.cast = cast

    def _mentions_in(self, start: int, end: int) -> list[Mention]:
        low = bisect.bisect_left(self.starts, start)
        high = bisect.bisect_left(self.starts, end)
        return self.mentions[low:high]

    def _words(self, start: int, end: int, most: int | None = None) -> list[re.Match[str]]:
        """Words in [start, end) outside quotations, walking only the gaps between them."""
        spans, starts = self.quotes.spans, self.quotes.starts
        index = bisect.bisect_right(starts, start) - 1
        if (index < 0 or spans[index][1] <= start) and (
            index + 1 == len(starts) or starts[index + 1] >= end
        ):  # no quotation meets [start, end): one plain scan, and one word needs one search
            if most == 1:
                first = _WORD.search(self.norm, start, end)
                return [] if first is None else [first]
            every = list(_WORD.finditer(self.norm, start, end))
            return every if most is None else every[:most]
        if most is None:  # looking backwards: only the gaps nearest to end matter
            nearest = bisect.bisect_left(starts, end) - MAX_GAPS
            if nearest > 0:
                start = max(start, spans[nearest - 1][1])
        index = bisect.bisect_right(starts, start) - 1
        if index >= 0 and spans[index][1] > start:
            start = spans[index][1]
        index += 1
        words: list[re.Match[str]] = []
        gaps = 0
        while start < end and (most is None or len(words) < most) and gaps <= MAX_GAPS:
            gaps += 1
            gap_end = starts[index] if index < len(starts) and starts[index] < end else end
            found = _WORD.finditer(self.norm, start, gap_end)
            words.extend(found if most is None else islice(found, most - len(words)))
            if gap_end >= end:
                break
            start, index = spans[index][1], index + 1
        return words if most is None else words[:most]

    def after(self, close: int, sentence_end: int) -> Attribution:
        """`," Putin said later.` or `," says Smith of the Institute.`"""
        limit = min(sentence_end, close + 160)
        head = self.norm[close : close + 4]
        if "-" in head or "\u2013" in head or "\u2014" in head:  # what _DASHED_CREDIT needs
            credited = self.dashed_credit(close)
            if credited is not None:
                return Attribution(credited, None, True)
        if limit <= close:
            return NOBODY  # the quote ends its sentence (most do): no words after it there
        words = self._words(close, limit, most=1)  # only the first word is looked at
        if not words:
            return NOBODY
        first = lower(words[0].group(0))
        if first == "so":  # `"..." So said Ann Lee.`: a feature's lede, the verb first
            then = self._words(words[0].end(), limit, most=1)
            if then and lower(then[0].group(0)) in SPEECH_VERBS:
                words, first = then, lower(then[0].group(0))
        if first == "it":  # `"...," it said.`: the body the paragraph above is about
            said_by = self._it_said(close, words[0].end(), limit)
            if said_by is not None:
                return said_by
        # _ACCORDING opens with "according" or "in": no other first word can start it
        according = _ACCORDING.match(self.norm, words[0].start()) if first in _LEADS else None
        if first in SPEECH_VERBS or according is not None:
            start = words[0].end() if according is None else according.end()
            subject = self._mention_at(start, start + 3, described=True)
            if subject is None and according is None:
                subject = self._apposed_after(start, limit)
            elif subject is not None and self._owner(subject):
                subject = self._owned_named(subject, limit)  # `," said Lee's husband`
                if subject is None:
                    return NOBODY
            if subject is not None and according is None and self._object_or_joint(subject):
                return NOBODY  # `," said a friend of Lee.`: the friend, unnamed
            if subject is None:  # `," said the National Weather Service.`
                subject = self.organisation_at(start, limit)
            if subject is not None:
                return Attribution(subject.person, self._context(subject.end, limit), True)
            noun = _BODY_NOUN_AFTER.match(self.norm, start, limit)  # `," said the Church in`
            named = None if noun is None else self._body_of(noun["noun"], close)
            if noun is not None and named is not None:
                return Attribution(named, self._context(noun.end(), limit), True)
        for mention in self._mentions_in(close, close + _AFTER_REACH):
            quoted = (
                _QUOTED_NAME_TEXT.fullmatch(self.norm, close, mention.start)
                if self.norm.find("quoted", close, mention.start) >= 0
                else None
            )  # a plain search first: most quotes are followed by no "quoted"
            if quoted is None and not _DESCRIBED_NAME_TEXT.fullmatch(
                self.norm, close, mention.start
            ):
                break
            verb = self._verb_after(mention.end, limit)
            if verb is None and mention.kind != "pronoun":
                verb = self._verb_after_set_off(mention, limit)
            if (
                verb is None
                and mention.kind != "pronoun"
                and "(" in self.norm[mention.end : mention.end + 2]
            ):
                verb = self._verb_after_aside(mention.end, limit)
            if verb is None and quoted is not None:
                # `," Reuters quoted Lee as saying.`, `," IRNA quoted crisis chief Ann Lee as
                # saying.`
                verb = self._quoted_as(mention.end, limit)
            if verb is not None and not self._introduces(verb):
                if self._object_or_joint(mention):
                    if self._in_body_name(mention, close, limit):
                        break  # `," the Department of Mineral Resources said.`: the body's
                    return NOBODY  # `," a spokesman for Lee said.`
                return Attribution(mention.person, self._context(verb, limit), True)
        apposed = self._named_in_apposition(close, limit)
        if apposed is not None:
            return apposed
        body = self.organisation_at(close, limit)  # `," the Transport Authority warned.`
        if body is None:
            body = self._initials_at(close, limit)  # `," the HAF said.`
        verb = None if body is None else self._verb_after(body.end, limit)
        if body is not None and verb is not None and not self._introduces(verb):
            return Attribution(body.person, self._context(verb, limit), True)
        noun = _BODY_AFTER.match(self.norm, close, limit)
        if noun is not None and lower(noun["verb"]) in SPEECH_VERBS:
            named = self._body_of(noun["noun"], close)
            if named is not None:
                return Attribution(named, self._context(noun.end(), limit), True)
        return NOBODY

    def dashed_credit(self, close: int) -> str | None:
        """`"We were awful today." - Burnley boss Ann Lee bemoans the defeat.`: the person
        a dash credits right after a quote that opens its paragraph and ends a sentence
        inside its marks (a whole saying, not words inside a sentence of prose), or
        without a stop there, on a short line that the credit ends (`"..." - Ann Lee,
        on Monday`)."""
        dash = _DASHED_CREDIT.match(self.norm, close)
        if dash is None or self._line_before(close) is None:
            return None  # no dash, or the quote stands inside a paragraph of prose
        line_end = self.norm.find("\n", dash.end(), dash.end() + _CREDIT_REACH)
        ends_line = line_end >= 0 or dash.end() + _CREDIT_REACH >= len(self.norm)
        if self.norm[close - 2 : close - 1] not in _SENTENCE_CLOSES and not ends_line:
            return None  # no stop inside the marks: a credit only on a short last line
        end = dash.end() + _CREDIT_REACH if line_end < 0 else line_end
        found = credit_name(self.norm, self.cast, dash.end(), min(end, len(self.norm)))
        return None if found is None else self.cast.adopt(found[0])

    def _apposed_after(self, start: int, limit: int) -> Mention | None:
        """`," adds another resident, Ann Lee.`: the name in apposition to a description
        right after the speech verb, closing its clause."""
        described = _DESCRIBED_COMMA.match(self.norm, start, limit)
        return None if described is None else self._closing_name(described.end(), limit)

    def _went_on(self, end: int) -> bool:
        """ " on" right after "went", closing the clause (not "went on holiday")."""
        after = end + 3
        return self.norm.startswith(" on", end) and (
            after >= len(self.norm) or self.norm[after] in _WENT_ON_CLOSES
        )

    def _quoted_as(self, end: int, limit: int) -> int | None:
        """End of "as saying" (or "as telling") right after the name a paper quoted."""
        if not self.norm.startswith(" as ", end):
            return None
        word = _WORD.match(self.norm, end + 4, limit)
        return None if word is None or word.group(0) not in _QUOTED_VERBS else word.end()

    def _verb_after_aside(self, end: int, limit: int) -> int | None:
        """`," Ann Lee (pictured) said.`, `," Lee (Labour) said.`: the speech verb after
        an aside in brackets right after the name, which names no one else."""
        aside = _ASIDE.match(self.norm, end, limit)
        if aside is None or any(m.kind != "pronoun" for m in self._mentions_in(end, aside.end())):
            return None
        return self._verb_after(aside.end(), limit)

    def _located(self, mention: Mention) -> bool:
        """`posted a video on Instagram saying`: a name after "on", "in" or "at" is where
        the words stand or were said, never who says them."""
        if mention.kind == "pronoun":
            return False
        return self.norm.endswith(_PLACE_LEADS, max(0, mention.start - 8), mention.start)

    def _owner(self, mention: Mention) -> bool:
        """`Lee's husband said`: a name owning the lowercase noun after it is that noun's
        determiner, never the subject of the verb the noun phrase governs."""
        if mention.kind == "pronoun":
            return False
        norm, end = self.norm, mention.end
        if norm.endswith(_OWNER_ENDINGS, mention.start, end):
            pass
        elif norm.startswith(_OWNER_ENDINGS, end):
            end += 2
        elif norm.startswith(_APOSTROPHES, end) and norm.endswith("s", mention.start, end):
            end += 1  # "Reyes' lawyer"
        else:
            return False
        return end + 1 < len(norm) and norm[end] == " " and "a" <= norm[end + 1] <= "z"

    def _owned_named(self, owner: Mention, limit: int) -> Mention | None:
        """`," said Lee's husband, Tom Reed.`: the name in apposition to the noun phrase
        an owner's name opens, closing its clause; None when none follows."""
        end = owner.end + (0 if self.norm.endswith(_OWNER_ENDINGS, owner.start, owner.end) else 2)
        described = _OWNED_COMMA.match(self.norm, end, limit)
        return None if described is None else self._closing_name(described.end(), limit)

    def _closing_name(self, at: int, limit: int) -> Mention | None:
        """The name that starts at `at` and closes its clause before limit ("..., another
        resident, Ann Lee."); None for a pronoun or no name there."""
        found = self._mentions_in(at, at + 1)
        if not found or found[0].kind == "pronoun":
            return None
        return found[0] if _NAME_CLOSES.match(self.norm, found[0].end, limit) else None

    def _line_before(self, close: int) -> int | None:
        """Where the line break before the quote closing at close stands (-1 at the
        text's start) when only spaces or tabs lie between: the quote opens its
        paragraph. None when words stand before it in its paragraph."""
        before = self.quotes.starts[bisect.bisect_right(self.quotes.starts, close - 1) - 1] - 1
        while before >= 0 and self.norm[before] in " \t":
            before -= 1
        return before if before < 0 or self.norm[before] == "\n" else None

    def _it_said(self, close: int, it_end: int, limit: int) -> Attribution | None:
        """`The Island Ferry Company issued a statement.` / `"...," it said.`: a quote
        credited to "it" is the body that opens, as its subject, the paragraph above
        (when the quote opens its own) or the quote's paragraph, when the words from
        there to the quote name no person."""
        then = self._words(it_end, limit, most=1)
        if not then or lower(then[0].group(0)) not in SPEECH_VERBS:
            return None
        line = self._line_before(close)
        opened = self.quotes.starts[bisect.bisect_right(self.quotes.starts, close - 1) - 1]
        if line is None:  # the quote stands inside its paragraph, after its body's words
            end = opened
        elif line < 0:
            return None  # the quote opens the text
        else:
            end = len(self.norm[:line].rstrip())
        start = self.norm.rfind("\n", 0, end) + 1
        found = _ORGANISATION.match(self.norm, self._past_lead(start, end), end)
        body = None if found is None else self._organisation(found, end)
        if body is None or any(
            m.kind == "name" and not body.start <= m.start < body.end
            for m in self._mentions_in(start, opened)
        ):
            return None
        return Attribution(body.person, self._context(then[0].end(), limit), True)

    def _verb_after_set_off(self, named: Mention, limit: int) -> int | None:
        """`," Ann Lee, head of the Trust, said.`, `," Lee of the Trust, said.`: the
        speech verb after words set off between the name and a comma, which name no
        one else (not `," Lee, Reyes and Kim said`; "he" or "she" there names no one,
        and an office the named one holds, `," Lee, the board's chair, said`, no other)."""
        end = named.end
        set_off = _SET_OFF.match(self.norm, end, limit)
        if set_off is None:
            return self._verb_after_one_of(end, limit)
        verb = self._verb_after(set_off.end(), limit)
        more = None if verb is not None else _SET_OFF_MORE.match(self.norm, set_off.end(), limit)
        if more is not None:  # `," Lee, a resident of Mashiki, the town at the epicentre, said`
            set_off, verb = more, self._verb_after(more.end(), limit)
        for mention in self._mentions_in(end, set_off.end()):
            if mention.kind == "name" or (
                mention.kind == "role" and mention.person not in (None, "", named.person)
            ):
                return None
        return verb

    def _verb_after_one_of(self, end: int, limit: int) -> int | None:
        """`," Ann Lee, one of the divers told the paper.`: a description of the one named
        that its closing comma was left off, then the speech verb; "one of" says the
        words before the verb describe her."""
        lead = _ONE_OF.match(self.norm, end, limit)
        if lead is None:
            return None
        for count, word in enumerate(self._words(lead.end(), limit, most=_ONE_OF_WORDS + 1)):
            if lower(word.group(0)) in SPEECH_VERBS:
                return word.end() if count else None
            if not word.group(0).islower():
                return None  # a name or a new sentence: no description of hers
        return None

    def _body_of(self, noun: str, before: int) -> str | None:
        """body_named for "the museum" or "the Church", but not for an office such as
        "the President", which names a person: the role resolves through mentions."""
        lowered = lower(noun)
        return None if lowered in OFFICE_NOUNS else self.body_named(lowered, before)

    def _in_body_name(self, mention: Mention, start: int, limit: int) -> bool:
        """The mention is words of a body's name that stands at start ("Mineral Resources"
        of "the Department of Mineral Resources"), not a person after "of"."""
        body = self.organisation_at(start, limit)
        return body is not None and body.start <= mention.start and mention.end <= body.end

    def organisation_at(self, start: int, limit: int) -> Mention | None:
        """A body named right at start (past punctuation and "the"): "the National
        Weather Service", "Acme Mining Corp"; a subject, so nothing but punctuation or a
        lowercase word follows it."""
        found = _ORGANISATION.match(self.norm, self._past_lead(start, limit), limit)
        return None if found is None else self._organisation(found, limit)

    def _past_lead(self, start: int, limit: int) -> int:
        """Where a body's name after a quote may start: past punctuation and "the"."""
        lead = _ORG_LEAD.match(self.norm, start, limit)
        return start if lead is None else lead.end()

    def _organisation_before(self, verb_start: int, floor: int) -> Mention | None:
        """`the National Weather Service warned that ...`: a body's name right before a
        speech verb (adverbs between), as its clause's subject: nothing before it in the
        sentence but "the", a comma or a word that opens a clause (not "a report by")."""
        low = max(floor, verb_start - _ORG_REACH)
        if not _may_end_a_name(self.norm[low:verb_start].split()):
            return None  # "officials said": no name ends right there (the common case)
        last = None
        for found in _ORGANISATION.finditer(self.norm, low, verb_start):
            last = found
        if last is None:
            return None
        gap = self.norm[last.end() : verb_start].split()
        if len(gap) > 2 or not all(lower(g) in ADVERBS_BETWEEN for g in gap):
            return None
        at = last.start()
        if self.norm.startswith("the ", at - 4):
            at -= 4
        before = self.norm[max(floor, at - 40) : at].split()
        if before and not _opens_clause(before, at - 40 < floor) and not self._issued(at, floor):
            return None
        return self._organisation(last, verb_start)

    def _initials_at(self, start: int, limit: int) -> Mention | None:
        """`," the HAF said`: the body whose initials stand at start (past punctuation
        and "the"), when the text spelled them out before (see spelled_out)."""
        found = _INITIALS.match(self.norm, self._past_lead(start, limit), limit)
        return None if found is None else self._body_initials(found.start(), found.end())

    def _initials_before(self, verb_start: int, floor: int) -> Mention | None:
        """`LWS said in a statement that "..."`: spelled-out initials right before a
        speech verb (an adverb may stand between), opening their clause."""
        words = self.norm[max(floor, verb_start - 40) : verb_start].split()
        while words and lower(words[-1]) in ADVERBS_BETWEEN:
            words.pop()
        if not words or _INITIALS.fullmatch(words[-1]) is None:
            return None
        at = self.norm.rfind(words[-1], floor, verb_start)
        before = self.norm[max(floor, at - 40) : at].split()
        if before and lower(before[-1]) == "the":
            before.pop()
        if before and not _opens_clause(before, at - 40 < floor):
            return None  # "a report by the HAF said": the report speaks
        return self._body_initials(at, at + len(words[-1]))

    def _body_initials(self, start: int, end: int) -> Mention | None:
        initials = self.norm[start:end]
        if initials not in self.spelled:  # one look through the text for each
            self.spelled[initials] = spelled_out(self.norm, initials)
        name = self.spelled[initials]
        if name is None:
            return None
        return Mention(start, end, "name", name, True, -1, False, surface=name)

    def _issued(self, at: int, floor: int) -> bool:
        """`A statement from the Harbour Board said`: the body at `at` issued the text
        that speaks, as a statement's, a letter's or a message's author."""
        found = _STATEMENT_FROM.search(self.norm, max(floor, at - _STATEMENT_REACH), at)
        return found is not None and found.end() == at

    def _organisation(self, found: re.Match[str], limit: int) -> Mention | None:
        """The body a match of _ORGANISATION names, less the sentence's opening words
        ("The", "Yesterday"); None for one word ("Police") or when a possessive or a
        name follows ("the Agency's director Ann Lee")."""
        words = found.group(0).split(" ")
        start = found.start()
        while words and lower(words[0]) in STOPWORDS:
            start += len(words.pop(0)) + 1
        if len(words) < 2 or lower(words[0]) in ("of", "for", "and", "on", "&"):
            return None
        if not _ORG_END.match(self.norm, found.end(), limit + 1):
            return None
        name = " ".join(words)
        return Mention(start, found.end(), "name", name, True, -1, False, surface=name)

    def body_named(self, noun: str, before: int) -> str | None:
        """The full name of 'the museum' or 'the council' that the text gave before
        ("the National Museum in Warsaw"): the last capitalised name of two or more
        words whose head is the noun; None when the text named no such body."""
        head = noun[:1].upper() + noun[1:]
        heads = "|".join(re.escape(h) for h in _BODY_HEADS.get(noun, (head,)))
        name = re.compile(
            r"(?:[A-Z][\w'\u2019&.-]*\s(?:(?:of|for|and|the)\s)?){1,4}(?:" + heads + r")\b"
            r"(?:\s(?:of|in|for|at|on)\s(?:the\s)?[A-Z][\w'\u2019-]*(?:\s[A-Z][\w'\u2019-]*){0,3})?"
            r"|(?:" + heads + r")\s(?:of|in|for|on)\s(?:the\s)?[A-Z][\w'\u2019-]*"
            r"(?:\s[A-Z][\w'\u2019-]*){0,3}"
        )
        found = list(name.finditer(self.norm, max(0, before - _BODY_REACH), before))
        named = [m.group(0).removeprefix("The ") for m in found]
        named = [text for text in named if text != head]  # "The Church" alone names nothing
        if not named:
            return None
        text = named[-1]
        words = text.split()
        if words[-1].endswith(("'s", "\u2019s")):  # "in Brno's old town": a place's, not its
            words.pop()
            while words and words[-1] in _PLACE_LINKS:
                words.pop()
            text = " ".join(words)
        return text if text and text != head else None

    def closing(self, close: int, sentence_end: int) -> Attribution:
        """`The children "found and liberated" the pieces, the museum says.`: a clause
        ending the quote's sentence, after a comma, names its speaker (a person or a
        body the text named in full) when no other quote stands between."""
        if sentence_end - close > _AFTER_REACH * 2 or '"' in self.norm[close:sentence_end]:
            return NOBODY
        comma = self.norm.rfind(", ", close, sentence_end)
        clause = None if comma < 0 else _CLOSING_CLAUSE.fullmatch(self.norm, comma, sentence_end)
        if clause is None or clause["verb"] not in SPEECH_VERBS or clause["verb"] in TOLD_VERBS:
            return NOBODY
        who_start, verb_start = clause.start("who"), clause.start("verb")
        for mention in self._mentions_in(who_start, verb_start):
            described = _DESCRIBED_NAME_TEXT.fullmatch(self.norm, who_start, mention.start)
            if described and mention.person and not self.norm[mention.end : verb_start].strip():
                return Attribution(mention.person, None, True)
        body = _BODY_NOUN.fullmatch(self.norm, who_start, clause.end("who"))
        named = None if body is None else self.body_named(body["noun"], close)
        return NOBODY if named is None else Attribution(named, None, True)

    def documented(self, start: int, open_at: int) -> bool:
        """The words in [start, open_at) before a quote, in its sentence, are about a
        document (`The letter was sent to assure residents that "..."`): the quote may be
        the document's words, whoever the clause after it names.

        Each quote of a sentence asks from the sentence's start: the search goes on from
        where the last one for that start stopped (at a mark, which no word runs over),
        so a long sentence of many quotes is read once, not once a quote."""
        if start >= open_at - 1:
            return False
        mark = self.norm[open_at : open_at + 1]
        if mark.isalnum() or mark == "_":  # not at a mark: a word may run on over open_at
            return _DOCUMENT.search(self.norm, start, open_at) is not None
        searched, found = self.documents.get(start, (start, -1))
        if found < 0 and searched < open_at:
            match = _DOCUMENT.search(self.norm, searched, open_at)
            found = -1 if match is None else match.start()
            self.documents[start] = (open_at, found)
        return 0 <= found < open_at

    def first_subject(self, start: int, end: int) -> str | None:
        """The first person in subject position in [start, end): who 'issued the following
        statement:' when the statement stands in the paragraph below."""
        for mention in self._mentions_in(start, end):
            if mention.subject and mention.person and mention.kind != "pronoun":
                return mention.person
        return None

    def narrated(self, start: int, end: int, context: int) -> str | None:
        """Who the narrative sentence [start, end) before a bare quote is about ("Lee was
        defiant." / "She blames the rules."): the person whose mention, in subject
        position, opens it, when it names nobody else, quotes nothing and asks nothing;
        by pronoun, only when [context, start) names no one else either."""
        mentions = self._mentions_in(start, end)
        if not mentions or self.norm[start:end].rstrip().endswith("?"):
            return None
        first = mentions[0]
        person = first.person
        if person is None or self._quotes_in(start, end):
            return None
        if _VIEW_OPENING.fullmatch(self.norm, start, first.start):
            pass  # "For Ann Lee, the draw was a relief.": the sentence is her view
        elif not first.subject or not _LEADING_NAME_TEXT.fullmatch(self.norm, start, first.start):
            return None
        if _POSSESSIVE.search(self.norm, first.end - 2, first.end + 1):  # "Lee's house": not Lee
            return None
        if first.kind == "pronoun" and self.named_between(context, start) - {person}:
            return None  # "She" after two women named: which one is the reader's guess
        paragraph = self.norm.rfind("\n", context, start) + 1 or context
        if self._other_speaker(paragraph, start, person):
            return None  # "Lee said ... . Reyes told ...": either may go on
        return person if all(m.person == person for m in mentions) else None

    def _other_speaker(self, start: int, end: int, person: str) -> bool:
        """Someone other than person is the subject of a speech verb in [start, end)."""
        for word in self._words(start, end):
            if lower(word.group(0)) in SPEECH_VERBS:
                found = self.subject_of(word.start(), word.end(), start)
                if found is not None and found.person is not None and found.person != person:
                    return True
        return False

    def spoken(self, start: int, end: int) -> bool:
        """The words in [start, end) speak in the first or second person ("we", "you")."""
        return _SPOKEN.search(self.norm, start, end) is not None

    def speaks_in(self, start: int, end: int) -> bool:
        """A speech verb stands in [start, end) outside quotations: an attribution that
        names its speaker, found or not."""
        return any(lower(w.group(0)) in SPEECH_VERBS for w in self._words(start, end))

    def _quotes_in(self, start: int, end: int) -> bool:
        """Some quotation meets [start, end)."""
        starts = self.quotes.starts
        index = bisect.bisect_left(starts, end) - 1
        return index >= 0 and self.quotes.spans[index][1] > start

    def statement_author(self, start: int, end: int) -> str | None:
        """Who a statement, letter or message in [start, end) is from ("published a
        statement from its Chair Dame Ann Lee"): the person right after 'from' or 'by'."""
        found = list(_STATEMENT_FROM.finditer(self.norm, start, end))
        if not found:
            return None
        named = self._mention_at(found[-1].end(), found[-1].end(), described=True)
        return named.person if named is not None and named.kind != "pronoun" else None

    def credited_below(self, start: int, end: int) -> str | None:
        """Who the paragraph at [start, end) says spoke the quote paragraph above it, in
        its opening words (_CREDIT_BELOW): the person named right after them; after "That
        is what", only if a speech verb follows the name."""
        if not self.norm.startswith(_CREDIT_BELOW_OPENINGS, start):
            return None
        credit = _CREDIT_BELOW.match(self.norm, start, end)
        if credit is None:
            return None
        named = self._mention_at(credit.end(), credit.end(), described=True)
        if named is None or named.kind == "pronoun":
            return None
        if credit.group("what") is not None and self._verb_after(named.end, end) is None:
            return None  # "That is how Ann Lee won": no words of hers
        return named.person

    def named_between(self, start: int, end: int, speaker: str | None = None) -> set[str]:
        """The people named (by name or role, outside quotations) in [start, end); a
        one-word title in apposition to the speaker ("said Mara Quill, Executive
        Director of ...") is the speaker described, not someone else named."""
        found: set[str] = set()
        previous: Mention | None = None
        for mention in self._mentions_in(start, end):
            if mention.person and mention.kind != "pronoun":
                apposed = (
                    speaker is not None
                    and previous is not None
                    and previous.person == speaker
                    and " " not in self.norm[mention.start : mention.end]
                    and _APPOSED_TITLE.fullmatch(self.norm, previous.end, mention.start) is not None
                )
                if not apposed:
                    found.add(mention.person)
            previous = mention
        return found

    def _is_object(self, mention: Mention) -> bool:
        """A preposition stands right before the name ("chief of Acme Holding"), past
        titles: the name is its object, never the subject of a verb."""
        if mention.kind == "pronoun":
            return False
        return _object_lead(self.norm[max(0, mention.start - 40) : mention.start])

    def _object_or_joint(self, mention: Mention) -> bool:
        """The mention is not a speech verb's subject on its own: the object of a
        preposition ("a spokesman for Lee"), or one of two people joined by "and"."""
        if mention.kind == "pronoun":  # "he", "she": a subject's form, never an object
            return False
        before = self.norm[max(0, mention.start - 40) : mention.start]
        if _object_lead(before):
            return True
        if "and" not in before and "&" not in before:
            return False  # _JOINT_LEAD holds one or the other: most names follow neither
        joined = _JOINT_LEAD.search(before)
        if joined is None:
            return False
        at = mention.start - len(joined.group(0))
        previous = self._mentions_in(max(0, at - 80), at)  # a name right before "and"
        return bool(previous) and not self.norm[previous[-1].end : at].strip(" ,")

    def _introduces(self, verb_end: int) -> bool:
        """`Then Berg said: "..."`: a verb and a colon introduce the quote that follows."""
        return self.norm.startswith(":", verb_end)

    def before(self, sentence_start: int, open_at: int) -> Attribution:
        """`Bush noted: "..."`, `Putin says he will "..."`, `the president said that "..."`."""
        sentence_start = max(sentence_start, open_at - WINDOW)
        if sentence_start >= open_at:  # the quote opens its sentence: no words before it
            return NOBODY
        norm = self.norm
        according = (
            _ACCORDING.search(norm, sentence_start, open_at)
            if norm.find("ccording", sentence_start, open_at) >= 0
            or norm.find("words", sentence_start, open_at) >= 0
            else None
        )  # a plain search for what each of its forms holds: most sentences have neither
        if according is not None:
            named = self._mention_at(according.end(), according.end(), described=True)
            if named is not None and named.person and named.end <= open_at:
                return Attribution(named.person, None, True)
        owner = self._owner_of_words(sentence_start, open_at)
        if owner is not None:
            return Attribution(owner, None, True)
        colon = norm.rfind(":", sentence_start, open_at)  # every label ends with one
        label = (
            _COLON_LABEL.fullmatch(norm, sentence_start, open_at)
            if colon >= 0 and _may_label(norm, sentence_start, colon, open_at)
            else None
        )
        if label is not None:
            named = self._mention_at(label.start("name"), label.start("name"))
            if named is not None and named.person and named.end <= label.end("name"):
                return Attribution(named.person, None, True)
        words = self._words(sentence_start, open_at)
        for at, word in enumerate(reversed(words)):
            if lower(word.group(0)) in SPEECH_VERBS:
                if _passive(words, len(words) - 1 - at):
                    return self._agent(word.end(), open_at)
                speaker = self.subject_of(word.start(), word.end(), sentence_start)
                if speaker is not None:
                    context = self._occasion(sentence_start, open_at)
                    return Attribution(speaker.person, context, True)
                return NOBODY
        return self._introduced(sentence_start, open_at)

    def _owner_of_words(self, sentence_start: int, open_at: int) -> str | None:
        """`hearing Neil Armstrong's legendary words, "..."`: the words right before the
        quote are a person's, by name and "'s"."""
        low = max(sentence_start, open_at - _OWNED_REACH)
        if self.norm.find("'s ", low, open_at) < 0:
            return None  # the cheap test: most quotes follow no owner's "'s"
        owned = _OWNED_WORDS.search(self.norm, low, open_at)
        if owned is None:
            return None
        mentions = self._mentions_in(max(sentence_start, owned.start() - WINDOW), owned.start() + 2)
        if not mentions or mentions[-1].end not in (owned.start(), owned.start() + 2):
            return None
        last = mentions[-1]
        return last.person if last.kind != "pronoun" else None

    def _agent(self, verb_end: int, open_at: int) -> Attribution:
        """`The hall was described by Ann Lee as "..."`: after a passive speech verb, the
        one named after "by" speaks; with no such name, someone the text does not name
        (`The church was described as "..."`: not the church)."""
        by = self.norm.find(" by ", verb_end, open_at)
        if by < 0 or by - verb_end > _AGENT_REACH:
            return NOBODY
        named = self._mention_at(by + 4, by + 4, described=True)
        if named is None or not named.person or named.kind == "pronoun" or named.end > open_at:
            return NOBODY
        return Attribution(named.person, None, True)

    def _introduced(self, sentence_start: int, open_at: int) -> Attribution:
        """`More from historian Ann Lee in the Times: "..."`: no speech verb, but a colon
        that introduces the quote, after a clause that names exactly one person."""
        colon = self.norm.rfind(":", sentence_start, open_at)
        if colon < 0 or self.norm[colon + 1 : open_at].strip():
            return NOBODY
        named = self.named_between(sentence_start, colon)
        return Attribution(named.pop(), None, True) if len(named) == 1 else NOBODY

    def reported_speaker(self, start: int, end: int) -> str | None:
        """The subject of the last speech verb in a stretch of reported speech, when the
        stretch reports no one else speaking: "Lee said ..., and Reyes said ..." could
        go on in either voice, so it names no one."""
        start = max(start, end - WINDOW)
        last: str | None = None
        for word in reversed(self._words(start, end)):
            verb = lower(word.group(0))
            if verb == "according":  # "According to Ann Lee, the plan failed."
                according = _ACCORDING.match(self.norm, word.start())
                if according is None:
                    continue
                speaker = self._mention_at(according.end(), according.end(), described=True)
            elif verb in SPEECH_VERBS:
                speaker = self.subject_of(word.start(), word.end(), start)
            else:
                continue
            person = speaker.person if speaker is not None else None
            if last is None:
                if person is None:
                    return None  # the last speech verb's subject is no one known
                last = person
            elif person is not None and person != last:
                return None  # someone else speaks in the same stretch
        return last

    def subject_of(self, verb_start: int, verb_end: int, sentence_start: int) -> Mention | None:
        """The mention right before the verb, right after it, or the clause's subject."""
        if self.norm.startswith("saying", verb_start) and _OBJECT_AS_SAYING.search(
            self.norm, max(0, verb_start - 12), verb_start
        ):
            return None  # "I am quoting him as saying": his words, whoever "him" is
        candidates = self._mentions_in(max(sentence_start, verb_start - WINDOW), verb_start)
        if candidates:
            last = candidates[-1]
            gap = self.norm[last.end : verb_start].split(None, 3)  # 4 stand for "more"
            if len(gap) <= 3 and all(lower(g) in ADVERBS_BETWEEN for g in gap):
                gerund = self.norm.endswith("ing", verb_start, verb_end)  # "reports of Lee saying"
                if not (gerund and self._located(last)):  # not "a video on Instagram saying"
                    return None if not gerund and self._object_or_joint(last) else last
            if gap == ["as"] and lower(self.norm[verb_start:verb_end]) == "saying":
                return last  # "Lee quoted Reyes as saying": Reyes's words
            affiliated = _AFFILIATED.fullmatch(self.norm, last.end, verb_start) is not None
            if affiliated and last.kind != "pronoun" and not self._object_or_joint(last):
                return last  # "Ann Lee from Greenpeace wrote"
            if self._owns_writing(last, verb_start):
                return None if self._object_or_joint(last) else last  # "Lee's statement added"
        body = self._organisation_before(verb_start, sentence_start)
        if body is None:
            body = self._initials_before(verb_start, sentence_start)
        if body is not None:
            return body
        verb = lower(self.norm[verb_start:verb_end])
        told = verb in TOLD_VERBS  # "told Reed": Reed listens
        if candidates and self._closes_apposition(candidates[-1], verb_start):
            return candidates[-1]  # "The chair, Ann Lee, said Reed "...": Lee says it
        # "called Reed "a builder"": Reed is named, not speaking
        inverted = (
            None if told or verb in _NAMING_VERBS else self._mention_at(verb_end, verb_end + 3)
        )
        if inverted is not None and _INVERTED_END.match(self.norm, inverted.end) is not None:
            return inverted
        subjects = [
            m
            for m in candidates
            if m.subject
            and not m.aside
            and not self._reported_subject(m)
            and not self._is_object(m)
            and not self._owner(m)
            and not self._located(m)
        ]  # `Ann Lee, chief of Acme Holding, said`: Acme is the object of "of"; `Ann Lee
        # (Acme Holding) said`: Acme is an aside
        subjects = self._outside_relative_clause(candidates, subjects)
        described = self._described_subject(subjects, verb_start)
        if described is not None:
            return described
        if not subjects or self._modifies_head(subjects[-1], verb_start):
            return None
        if self._object_or_joint(subjects[-1]):
            return None  # "Lee and Reyes both said": two people, neither alone
        return subjects[-1]

    def _described_subject(self, subjects: list[Mention], verb_start: int) -> Mention | None:
        """`Ann Lee, executive dean of the Faculty of Engineering and Computing, said`:
        the subject named before a description set off by commas that opens in lower
        case and runs to the verb; what the description names ("Computing") is no one
        who speaks."""
        for mention in reversed(subjects):
            if not self.norm.startswith(", ", mention.end):
                continue
            if not "a" <= self.norm[mention.end + 2 : mention.end + 3] <= "z":
                continue
            if not _DESCRIPTION_TO_VERB.fullmatch(self.norm, mention.end, verb_start):
                continue
            return None if mention.kind != "name" or self._object_or_joint(mention) else mention
        return None

    def _owns_writing(self, mention: Mention, verb_start: int) -> bool:
        """`The spokesman's statement added`: the mention owns the writing that is the
        verb's subject (its "'s" read into the mention or standing after it)."""
        norm = self.norm
        owned = norm.endswith(_OWNER_ENDINGS, mention.start, mention.end) or norm.startswith(
            _APOSTROPHES, mention.end
        )
        return owned and _OWN_WRITING.fullmatch(norm, mention.end, verb_start) is not None

    def _closes_apposition(self, mention: Mention, verb_start: int) -> bool:
        """The name ends an apposition right before the verb ("The chair, Ann Lee,
        said"): only a comma stands between, and a comma stands before it."""
        if mention.kind == "pronoun" or self.norm[mention.end : verb_start].strip() != ",":
            return False
        return self.norm[max(0, mention.start - 2) : mention.start] == ", "

    def _outside_relative_clause(
        self, candidates: list[Mention], subjects: list[Mention]
    ) -> list[Mention]:
        """`Ann Lee, who holds talks with her counterpart, Tom Reed, since May, said`: the
        names inside a relative clause opened right after a name ("Ann Lee, who") are no
        subject of the verb; that name is, described before it or not ("Harbour chair
        Ann Lee, who ..."). Not after "whose", whose clause has a subject of its own."""
        head = next(
            (m for m in reversed(candidates) if _RELATIVE_OPENING.match(self.norm, m.end)),
            None,
        )
        if head is None or head.kind == "pronoun" or self._is_object(head):
            return subjects
        return [*[m for m in subjects if m.end < head.end], head]

    def _modifies_head(self, mention: Mention, verb_start: int) -> bool:
        """`Acme Power crews said`, `Lee aides said`: the name modifies the noun right
        after it, which is the verb's subject, someone unnamed."""
        if mention.kind == "pronoun":
            return False
        gap = self.norm[mention.end : verb_start].split()
        return len(gap) == 1 and gap[0].islower() and is_head_noun(gap[0])

    def _reported_subject(self, mention: Mention) -> bool:
        """`The report said Lee had resigned`: a name right after a speech verb (past
        titles and "that") with a verb of its own is the subject of what was said, not
        of the speech verb, whoever said it."""
        lead = _VERB_LEAD.search(self.norm, max(0, mention.start - 40), mention.start)
        if lead is None or lower(lead["verb"]) not in SPEECH_VERBS:
            return False
        return _INVERTED_END.match(self.norm, mention.end) is None

    def _mention_at(self, start: int, end: int, described: bool = False) -> Mention | None:
        found = self._mentions_in(start, end + 1)
        if found:
            return found[0]
        # A titled or described name ("President Smith", "farmer Joan Pike") starts its
        # mention after the title and the words that describe the person.
        lead = _DESCRIBED_NAME_TEXT if described else _LEADING_NAME_TEXT
        for mention in self._mentions_in(start, start + 40):
            if lead.fullmatch(self.norm, start, mention.start):
                return mention
        return None

    def _named_in_apposition(self, close: int, limit: int) -> Attribution | None:
        """`," one of the divers, photographer Ann Lee, told AFP.`: an unnamed subject,
        then the person's name set off by commas before the verb: the name speaks."""
        lead = _UNNAMED_LEAD.match(self.norm, close, limit)
        if lead is None:
            return None
        named = self._mention_at(lead.end(), lead.end(), described=True)
        if named is None or not named.person or named.kind == "pronoun":
            return None
        if not self.norm.startswith(",", named.end):
            return None
        verb = self._verb_after(named.end + 1, limit)
        if verb is None or self._introduces(verb):
            return None
        return Attribution(named.person, self._context(verb, limit), True)

    def _verb_after(self, start: int, limit: int) -> int | None:
        """End of a speech verb after a subject, allowing 'later', 'also' and the like.

        At most three words are read, each by one search from where the last one ended:
        what finditer finds, without making a scanner and an iterator for it.
        """
        word = _WORD.search(self.norm, start, limit)
        count = 0
        while word is not None:
            lowered = lower(word.group(0))
            if lowered in SPEECH_VERBS:
                return word.end()
            if lowered == "went" and self._went_on(word.end()):
                return word.end() + 3  # `," Lee went on.`: "went on" as "continued"
            if lowered in _QUOTED_LEADS and self.norm.startswith(" quoted", word.end()):
                quoted = _QUOTED_AS.match(self.norm, word.end(), limit)
                return quoted.end() if quoted and quoted["verb"] in _QUOTED_VERBS else None
            if count >= 2 or lowered not in ADVERBS_BETWEEN:
                return None
            count += 1
            word = _WORD.search(self.norm, word.end(), limit)
        return None

    def _context(self, start: int, limit: int) -> str | None:
        affiliation = _AFFILIATION.match(self.norm, start, limit)
        if affiliation:
            return affiliation.group("org").rstrip(".")
        apposition = _APPOSITION.match(self.norm, start, limit)
        if apposition:
            return apposition.group("desc").strip()
        return self._occasion(start, limit)

    def _occasion(self, start: int, end: int) -> str | None:
        """The first _OCCASION match in [start, end) outside quotations.

        Searched match by match, each search resuming where the last match ended (no
        match is empty): finditer's matches, without making a scanner and an iterator
        for what is mostly one search.
        """
        match = _OCCASION.search(self.norm, start, end)
        while match is not None:
            if not self.quotes.contains(match.start()):
                return match.group(0)
            match = _OCCASION.search(self.norm, match.end(), end)
        return None

    def occasion_in(self, start: int, end: int) -> str | None:
        """'during the summit in X' stated in a section's opening paragraph."""
        if self.norm.find("during", start, end) < 0:  # no match can start with it
            return None
        for match in _OCCASION.finditer(self.norm, start, end):
            if match.group(0).startswith("during") and not self.quotes.contains(match.start()):
                return match.group(0)
        return None


def _object_lead(before: str) -> bool:
    """_OBJECT_LEAD ends `before` (the text right before a name), and opens no title's
    portfolio. Every word of its match is followed by one space, and the last is the
    preposition, "the" or a title (which opens with a capital): a cheap look at the
    last word spares most names the regex search, which tries every offset."""
    if not before[-1:].isspace():
        return False
    words = before.rsplit(None, 1)
    last = words[-1] if words else ""
    if not (last == "the" or "A" <= last[:1] <= "Z" or last.endswith(_OBJECT_WORDS)):
        return False
    lead = _OBJECT_LEAD.search(before)
    return lead is not None and not _holds_portfolio(before, lead.start())


def _may_end_a_name(words: list[str]) -> bool:
    """A body's name of two words or more (see _organisation_before) may end on one of
    the last words, the adverbs after it aside: its last word follows a space inside the
    name and is its noun ("Service"), or a capitalised word of the "of" or "for" phrase
    after the noun ("Ministry of Defence")."""
    tails = "of" in words or "for" in words
    for back in range(min(3, len(words))):
        word = words[-1 - back]
        if word in ORGANISATION_NOUNS:
            return True
        if tails and "A" <= word[0] <= "Z" and (word[-1].isalnum() or word[-1] in _TAIL_ENDS):
            return True  # a word of _ORG_TAIL, nothing after it ("Defence", not "Leeds,")
        if lower(word) not in ADVERBS_BETWEEN:
            return False  # no more than adverbs stand between the name and the verb
    return False


def _holds_portfolio(before: str, at: int) -> bool:
    """`Minister for Covid-19 Response Ann Lee`: the preposition at `at` opens a
    capitalised title's portfolio (see _PORTFOLIO), so the name after is its holder."""
    if _PORTFOLIO.match(before, at) is None:
        return False
    title = (before[:at].split() or [""])[-1]
    return title[:1].isupper() and lower(title) in TITLES


# A relative clause opened right after a name: "Ann Lee, who ...".
_RELATIVE_OPENING: Final = re.compile(r",\s(?:who|whom)\b")


def _passive(words: list[re.Match[str]], index: int) -> bool:
    """The speech verb words[index] is passive ("was described as", "has been widely
    called", "is told"), not progressive ("was saying"): a form of "be" before it, an
    adverb between at most; its subject is what was spoken of or to, never who spoke."""
    if words[index].group(0).endswith("ing"):
        return False  # "was saying": the progressive, whose subject speaks
    before = index - 1
    if before >= 0:
        adverb = lower(words[before].group(0))
        if adverb in ADVERBS_BETWEEN or adverb.endswith("ly"):
            before -= 1
    return before >= 0 and lower(words[before].group(0)) in _BE_FORMS


def spelled_out(norm: str, initials: str) -> str | None:
    """The name that `initials` stand for, spelled out in the text: the words right
    before "(HAF)" ("the Harbour Action Forum (HAF)"), or else, for three letters or
    more, a body's name whose capitals they are ("the Lakeland Wildlife Service" for
    LWS; two letters are too often a country's, "US", "UK"). None when the text never
    spells them out: initials alone name no one here."""
    defined = norm.find(f"({initials})")
    if defined > 0:
        reach = max(0, defined - _INITIALS_REACH * 2 * len(initials) - 20)
        name = _name_with_initials(norm[reach:defined].split(), initials)
        if name is not None:
            return name
    if len(initials) < 3:
        return None
    last = None
    for found in _ORGANISATION.finditer(norm):
        name = _name_with_initials(found.group(0).split(), initials)
        if name is not None:
            last = name
    return last


def _name_with_initials(words: list[str], initials: str) -> str | None:
    """The shortest run of capitalised words ending `words` (small words such as "of"
    inside it) whose first letters spell `initials`; None when no run does."""
    letters = ""
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word in _INITIALS_SMALL:
            continue
        if not word[:1].isupper():
            return None
        letters = word[0] + letters
        if letters == initials:
            return " ".join(words[index:])
        if len(letters) >= len(initials):
            return None
    return None
