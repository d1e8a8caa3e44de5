"""Capitalised name runs and how a run splits into qualifier, title and personal name.

"Russian President Vladimir Putin" -> country Russia, title president, name Vladimir Putin.
Only structure and general lexicons decide; no particular person is known here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, NamedTuple

from db.ingest.lexicon import (
    FEMININE_NAMES,
    FEMININE_TITLES,
    GIVEN_NAMES,
    HONORIFICS,
    MASCULINE_NAMES,
    MASCULINE_TITLES,
    NATIONALITIES,
    NON_PERSON_WORDS,
    NOT_A_NAME_WORDS,
    OFFICE_ENDINGS,
    PLACE_INITIALS,
    PLACE_PREFIXES,
    STOPWORDS,
    SURNAME_PLACE_WORDS,
    TITLES,
)
from db.memo import BoundedMemo
from db.text import lower

# The letters of a regex's character classes: capitals and small letters of Latin-1 and
# Latin Extended-A ("Đorđe Radulović", "Łukasz", "Şahin", "Žiča"), as names are spelt.
UPPER_LETTERS: Final = "A-Z\u00c0-\u00d6\u00d8-\u00de" + "".join(
    letter for letter in map(chr, range(0x100, 0x180)) if letter.isupper()
)
LOWER_LETTERS: Final = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
_UPPER: Final = UPPER_LETTERS
_LOWER: Final = LOWER_LETTERS
# A capitalised word; "O'Neill", "D'Arcy": a capital, an apostrophe and a capitalised
# word; "McCaw", "MacDonald", "FitzGerald", "DeShawn", "LaToya": a prefix and a capital.
# (Asked only where a capital follows lowercase letters, so a plain word pays one test.)
_INNER_CAPITAL: Final = (
    r"(?=[A-Z])(?:(?<=Mc)|(?<=Mac)|(?<=Fitz)|(?<=De)|(?<=Di)|(?<=Du)|(?<=La)|(?<=Le))"
)
_CAP: Final = (
    rf"(?!(?:Jr|Sr)\b)[{_UPPER}](?:[{_LOWER}]+(?:{_INNER_CAPITAL}[{_UPPER}][{_LOWER}]+)?"
    rf"|'[{_UPPER}][{_LOWER}]+)(?:[-'][{_UPPER}{_LOWER}]+)*"
)
_ACRONYM: Final = rf"[{_UPPER}]\.(?:[{_UPPER}]\.)+|[{_UPPER}][{_UPPER}0-9-]*[{_UPPER}0-9]\b"
_INITIAL: Final = rf"[{_UPPER}]\.(?!\w)"
_PARTICLE: Final = r"(?:bin|ibn|al|el|de|da|di|du|van|von|der|den|dos|das|del|la|le|los|las)"
_TOKEN: Final = rf"(?:{_CAP}|{_INITIAL}|{_ACRONYM})"
NAME_RUN: Final = re.compile(
    rf"(?<![\w'-])(?:{_PARTICLE} )?{_TOKEN}(?: (?:{_PARTICLE} ){{0,2}}{_TOKEN})*"
    r"(?:,? (?:Jr|Sr)\.| (?:II|III|IV)\b)?"
)
_PARTICLE_WORDS: Final = _PARTICLE[3:-1].split("|")
_AFTER_CAPITAL = (
    rf"(?:(?!(?<=[JS])r\b)(?:[{_LOWER}]++(?:{_INNER_CAPITAL}[{_UPPER}][{_LOWER}]++)?+"
    rf"|'[{_UPPER}][{_LOWER}]++)(?:[-'][{_UPPER}{_LOWER}]++)*+"
    rf"|\.(?!\w)|\.(?:[{_UPPER}]\.)+|[{_UPPER}0-9-]*[{_UPPER}0-9]\b)"
)
# NAME_RUN, written to open with a character class so that the regex engine skips straight
# to capitals instead of trying the lookbehind at every character. Each match of NAME_RUN
# has a capital first, or a particle and a space before its first capital. Here that
# capital is consumed first, then the same lookbehind is checked; the token alternatives
# all open with it, so only what follows it is left (_AFTER_CAPITAL). A particle before
# the first capital is not read here but by run_start: a lookaround costs the regex engine
# about as much as the rest of a one-word match, and this one would be tried at every
# capital for the few runs that open with a particle. A later token opens with a capital
# or with one or two particles, which start with lowercase letters: each way opens with
# its own characters, so the engine rules it out by the first one.
# Repeats are possessive where all that follows them is optional: the first way through
# then always succeeds, so giving characters back could never change a match, and the
# regex engine keeps no state to give them back. The optional suffix closing every match
# is a choice with an empty last way, each other way opening with its own character: the
# engine rules out a way by that character, where an optional group sets up a repeat.
UPPER_RUN: Final = re.compile(
    rf"[{_UPPER}](?<![\w'-].){_AFTER_CAPITAL}"
    rf"(?: (?:[{_UPPER}]{_AFTER_CAPITAL}"
    rf"|{_PARTICLE} (?:{_PARTICLE} |)[{_UPPER}]{_AFTER_CAPITAL}))*+"
    r"(?:, (?:Jr|Sr)\.| (?:Jr|Sr)\.| (?:II|III|IV)\b|)"
)
# What run_start reads before a capital: the last letters of the particles, the particles
# (of three letters, then of two: NAME_RUN's earlier start wins) and what may not precede one.
_PARTICLE_ENDS: Final = frozenset(word[-1] for word in _PARTICLE_WORDS)
_PARTICLE_SIZES: Final = (3, 2)
_WORD_OR_MARK: Final = re.compile(r"[\w'-]")
_CAP_ONLY: Final = re.compile(_CAP)
# A body's or an office's initials ("UUP", "MLA"), not a word written in capitals.
_BODY_INITIALS: Final = re.compile(rf"[{_UPPER}]{{2,6}}")
# Letters after a full name for an office or an honour ("MP", "QC", "OBE").
_POST_NOMINAL: Final = re.compile(rf"[{_UPPER}]{{2,4}}")
# One initial or several joined ("K.", "T.C."): where a given name may stand.
_INITIALS_ONLY: Final = re.compile(rf"(?:[{_UPPER}]\.)+(?!\w)")
_SUFFIX: Final = re.compile(r",? (?:Jr|Sr)\.$| (?:II|III|IV)$")
_SUFFIX_ENDINGS = (" Jr.", " Sr.", " II", " III", " IV")  # what _SUFFIX can end with
_PARTICLES: Final = frozenset(_PARTICLE_WORDS)
# A first word ending so may be a verb or adverb ("Speaking", "Separately", "Asked"): the
# only case where standing at a sentence's start changes how a run splits.
_VERB_ENDINGS = ("ing", "ly", "ed")
# Words never part of a person's name: a run holding one is a place, a body or a thing.
_NOT_NAME: Final = NON_PERSON_WORDS | NOT_A_NAME_WORDS
# Honorifics only a person takes, before a surname alone.
_PERSONAL_HONORIFICS: Final = frozenset(("mr", "mrs", "ms", "miss", "dr", "prof", "cllr"))
# Initials of a body that, written as a word, are a syllable of Korean names ("Kim Jong
# Un"): the body writes them in capitals ("UN"), which no name token is, so beside other
# names such a word is a name's; alone it is still nobody ("Un" opening a sentence).
_NAME_SYLLABLES: Final = frozenset(("un",))
_NOT_IN_NAME: Final = _NOT_NAME - _NAME_SYLLABLES


def run_start(text: str, capital: int) -> int:
    """Where NAME_RUN's run starts, for UPPER_RUN's match at capital: at a particle and a
    space right before it ("de Gaulle", "bin Salman"), the particle a word of its own."""
    if capital < 3 or text[capital - 1] != " " or text[capital - 2] not in _PARTICLE_ENDS:
        return capital  # as for nearly every run: no particle ends right before it
    for size in _PARTICLE_SIZES:
        start = capital - 1 - size
        if (
            start >= 0
            and text[start : capital - 1] in _PARTICLES
            and (start == 0 or _WORD_OR_MARK.match(text, start - 1) is None)
        ):
            return start
    return capital


class RunShape(NamedTuple):
    """How a run's text splits, wherever it stands: offsets are relative to the run's start.

    The same surface form ("President Vladimir Putin") recurs many times in a document
    and across documents, so the split is computed once per form (see run_shape).
    """

    lead: int  # where the kept part starts, after sentence furniture ("When", "Separately")
    name_offset: int  # where the personal name starts; the run's length when there is none
    name: tuple[str, ...]
    country: str | None
    title: str | None
    suffixed: bool
    full: bool  # has_given_name(name): a full name ("Vladimir Putin", not "Putin")
    gender: str | None = None  # gender_of(title, name): read once per form, not per run


def gender_of(title: str | None, name: tuple[str, ...]) -> str | None:
    """The gender a title's words or the given name say ("f" or "m"); None if neither or both."""
    words = set(title.split()) if title else set()
    given = lower(name[0]) if len(name) >= 2 else ""
    feminine = bool(words & FEMININE_TITLES) or given in FEMININE_NAMES
    masculine = bool(words & MASCULINE_TITLES) or given in MASCULINE_NAMES
    if feminine == masculine:
        return None
    return "f" if feminine else "m"


def _fold(token: str) -> str:
    """Lowercase without a possessive ending or a trailing full stop: "Putin's" -> "putin"."""
    return lower(_unpossessive(token)).rstrip(".")


def _unpossessive(token: str) -> str:
    """Without a possessive ending: "Putin's" -> "Putin", "Jones'" -> "Jones"."""
    if token.endswith("'s"):
        return token[:-2]
    return token[:-1] if token.endswith("'") else token


def _country_of(tokens: list[str]) -> str | None:
    joined = lower(" ".join(tokens))
    if joined in NATIONALITIES:
        return NATIONALITIES[joined]
    for token in reversed(tokens):
        if lower(token) in NATIONALITIES:
            return NATIONALITIES[lower(token)]
    return None


def _is_name_token(token: str, folded: str) -> bool:
    """A token that can be part of a personal name; folded is _fold(token)."""
    if token in _PARTICLES:
        return True
    if _INITIALS_ONLY.fullmatch(token):
        return _given_initials(token, folded)
    if not _CAP_ONLY.fullmatch(token):
        return False
    return folded not in _NOT_IN_NAME and folded not in STOPWORDS


def _given_initials(token: str, folded: str) -> bool:
    """Initials that may stand for given names: "K.", "T.C.", but not a place's "U.S."."""
    return _INITIALS_ONLY.fullmatch(token) is not None and folded not in PLACE_INITIALS


def _strip_leading(tokens: list[str], folded: list[str], sentence_start: bool) -> int:
    """How many leading tokens are sentence furniture ('When', 'Separately', 'Discussing')."""
    skip = 0
    while skip < len(tokens) - 1:
        verbish = folded[skip].endswith(_VERB_ENDINGS) and folded[skip] not in GIVEN_NAMES
        if tokens[skip].isupper():
            break
        furniture = folded[skip] in STOPWORDS and folded[skip] not in TITLES  # not "Dr"
        if furniture or (sentence_start and skip == 0 and verbish):
            skip += 1
            continue
        break
    return skip


def run_shapes(text: str) -> tuple[RunShape | None, RunShape | None]:
    """The shapes of a run's text inside a sentence and at its start.

    Both are the same object unless the first word may be a verb ("Speaking ..."), so
    callers need to find out where the run stands only when they differ. Remembered per
    text (db.memo): nearly every run repeats a text seen before.
    """
    return _SHAPES[text]


def _run_shapes(text: str) -> tuple[RunShape | None, RunShape | None]:
    if " " not in text:  # a single word: where it stands cannot change how it splits
        shape = _word_shape(text)
        return shape, shape
    inside = run_shape(text, sentence_start=False)
    if inside is None or not _fold(text.split(" ", 1)[0]).endswith(_VERB_ENDINGS):
        return inside, inside
    opening = run_shape(text, sentence_start=True)
    return inside, (inside if opening == inside else opening)


_SHAPES: Final = BoundedMemo(_run_shapes, 1 << 16)  # run_shapes per run text


def _never_a_name(word: str, folded: str) -> bool:
    """A single word that is no one's name: a place, body or small word, an acronym, or
    a title cut off by its full stop ("Prof" of "said Prof. Ann Lee")."""
    return folded in _NOT_NAME or folded in STOPWORDS or word.isupper() or word in HONORIFICS


def _word_shape(word: str) -> RunShape | None:
    """run_shape of a single word, without the general splitting: no suffix, furniture,
    title or country can be found in one word, so it is a name or nothing."""
    folded = _fold(word)
    if _never_a_name(word, folded):
        return None
    if not _is_name_token(word, folded) or word in _PARTICLES:
        return RunShape(0, len(word), (), None, None, False, False)
    return RunShape(0, 0, (_unpossessive(word),), None, None, False, False)


def run_shape(text: str, sentence_start: bool) -> RunShape | None:
    """Split a run's text into country qualifier, title and the personal name.

    None for the most common case: a single word that cannot be anyone's name.
    sentence_start matters only when the first word may be a verb ("Speaking ...").
    """
    if " " not in text and _never_a_name(text, _fold(text)):
        return None
    suffix = _SUFFIX.search(text) if text.endswith(_SUFFIX_ENDINGS) else None
    core = text[: suffix.start()] if suffix else text
    tokens = core.split(" ")
    offsets: list[int] = []
    position = 0
    for token in tokens:
        offsets.append(position)
        position += len(token) + 1
    folded = [lower(_unpossessive(token)).rstrip(".") for token in tokens]  # _fold of each
    skip = _strip_leading(tokens, folded, sentence_start)
    title_end = skip
    for index in range(skip, len(tokens) - 1):
        if folded[index] in TITLES:
            title_end = index + 1
    for index in range(title_end + 1, len(tokens) - 1):  # "Command Module Pilot Michael ..."
        if folded[index - 1] in PLACE_PREFIXES:
            continue  # "San Diego Zoo", "Port Elizabeth Harbour": a place's given name
        if folded[index] in GIVEN_NAMES and folded[title_end] in GIVEN_NAMES:
            break  # "David Russell Harris": a given name before a middle one
        if folded[index] in GIVEN_NAMES or _after_office(tokens, folded, title_end, index):
            title_end = index  # ... or "District Collector K. P. Karthikeyan"
            break
    title_end = _past_initials(tokens, folded, title_end)
    qualifier = range(skip, title_end)
    titles = [tokens[i] for i in qualifier if folded[i] in TITLES]
    country = _country_of([tokens[i] for i in qualifier if folded[i] not in TITLES])
    name = tokens[title_end:]
    while (
        len(name) > 2
        and _POST_NOMINAL.fullmatch(name[-1])
        and folded[title_end + len(name) - 1] not in _NOT_NAME
    ):
        name = name[:-1]  # "Ann Lee MP", "Tom Reed QC": letters after a name, not part of it
    named = zip(name, folded[title_end : title_end + len(name)], strict=True)
    if name and folded[-1] in OFFICE_ENDINGS:
        name = []  # "the Police and Crime Commissioner": an office, nobody's name
    titled = _titled_surname(name, folded[title_end:], titles)  # "Mr Hall", "Mrs Park"
    if not titled and (
        not name or name[-1] in _PARTICLES or not all(_is_name_token(t, f) for t, f in named)
    ):
        name = []
    elif len(name[-1]) > 2 and _INITIALS_ONLY.fullmatch(name[-1]):
        name = []  # "Washington D.C.": joined initials close a place, never a name
    cleaned = tuple(_unpossessive(t) for t in name)
    title = " ".join(lower(t).rstrip(".") for t in titles) or None
    return RunShape(
        lead=offsets[skip],
        name_offset=offsets[title_end] if name else len(text),
        name=cleaned,
        country=country,
        title=title,
        suffixed=suffix is not None,
        full=has_given_name(cleaned),
        gender=gender_of(title, cleaned),
    )


def _titled_surname(name: list[str], folded: list[str], titles: list[str]) -> bool:
    """A surname that is also a word of places and bodies ("Hall", "Park", "Church"),
    right after a personal honorific ("Mr Hall said", "Mrs Park"): a person's, as no
    hall or park takes "Mr"."""
    return (
        len(name) == 1
        and len(titles) == 1
        and lower(titles[0]).rstrip(".") in _PERSONAL_HONORIFICS
        and folded[0] in SURNAME_PLACE_WORDS
        and _CAP_ONLY.fullmatch(name[0]) is not None
    )


def _past_initials(tokens: list[str], folded: list[str], start: int) -> int:
    """Where the name starts past a body's or an office's initials that qualify it
    ("UUP MLA Esmond Birnie", "NDP MP Ann Lee"): capitals alone before a full name of
    two name words or more; start itself when there are none."""
    index = start
    while index < len(tokens) - 2 and _BODY_INITIALS.fullmatch(tokens[index]):
        index += 1
    if index == start:
        return start
    rest = zip(tokens[index:], folded[index:], strict=True)
    return index if all(_is_name_token(t, f) for t, f in rest) else start


def _after_office(tokens: list[str], folded: list[str], start: int, index: int) -> bool:
    """Initials after two words or more that are no given name start the personal name
    ("District Collector K. P. Karthikeyan"; not "George W. Bush", "Lyndon B. Johnson")."""
    return (
        index - start >= 2
        and _given_initials(tokens[index], folded[index])
        and not any(f in GIVEN_NAMES for f in folded[start:index])
    )


@lru_cache(maxsize=1 << 16)
def has_given_name(name: tuple[str, ...]) -> bool:
    """At least two tokens: two real words, or initials before a surname."""
    words = [t for t in name if _CAP_ONLY.fullmatch(t)]
    particle = bool(name) and name[0] in _PARTICLES and len(words) >= 1
    initials = (
        len(words) == 1
        and name[-1] == words[0]
        and all(_INITIALS_ONLY.fullmatch(t) for t in name[:-1])
    )  # "K. P. Karthikeyan", "T.C. Ndita": initials for the given names
    return 2 <= len(name) <= 5 and (len(words) >= 2 or particle or initials)
