"""People of one document: name clusters, role bindings and every mention in order.

A person is a First Last name, a surname that joins such a name's cluster, or a
single name that speaks ("Trenin says"). Roles ("the Kremlin leader") resolve to
the person the document binds to that country, else by elimination in the section.
Pronouns resolve to the latest person in subject position, never across sections.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Literal

from db.ingest.lexicon import CLAUSE_OPENERS, NATIONALITIES, SPEECH_VERBS
from db.ingest.names import NAME_RUN, RunShape, has_given_name, run_shapes
from db.ingest.scan import finditer_near, literal_starts
from db.records import PersonRecord

MentionKind = Literal["name", "role", "pronoun"]

_NATIONS = "|".join(re.escape(k) for k in sorted(NATIONALITIES, key=len, reverse=True))
_ROLE_WORDS = ("president", "leader", "prime minister", "premier", "chancellor", "king", "queen",
               "head of state")  # fmt: skip
_ROLE = re.compile(rf"\b[Tt]he\s(?P<nat>(?i:{_NATIONS}))\s(?P<role>{'|'.join(_ROLE_WORDS)})\b")
# Every role names its office at most this far from its start ("the downing street ...").
_ROLE_REACH = len("the  ") + max(len(k) for k in NATIONALITIES)
_APPOSITIVE = re.compile(
    rf",\s(?:the\s|a\s)?(?P<nat>(?i:{_NATIONS}))\s(?:president|leader|prime minister|premier)\b"
)
# r"\b(?:[Hh]e|[Ss]he)\b", written so that each alternative opens with a letter (which
# lets the regex engine skip to H, h, S or s) and checks the opening \b just after it.
_PRONOUN = re.compile(r"(?:H(?<!\w.)e|h(?<!\w.)e|S(?<!\w.)he|s(?<!\w.)he)\b")
_WORD_CHAR = re.compile(r"\w")
# The last word before an offset and what follows it, matched on the reversed text: a
# forward search for r"([A-Za-z']+)([^A-Za-z']*)$" would try every position of the window.
_LAST_WORD_REVERSED = re.compile(r"([^A-Za-z']*)([A-Za-z']+)")
_NEXT_WORDS = re.compile(r"\s*(?:,\s*)?([a-z]+)(?:\s([a-z]+))?")
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z][a-z'-]*")
_LOWER_TOKEN = re.compile(r"[a-z][a-z'-]*")
_LOWER_TAIL = frozenset("abcdefghijklmnopqrstuvwxyz'-")
_FINDS_BEFORE_COLLECTING = 16  # str.find scans are ~30x cheaper than one pass of _LOWER_WORD
_SENTENCE_LEAD = frozenset(" \"'(*-")
_THE = ("the ", "The ")


@dataclass(slots=True)
class Mention:
    """A reference to a person at [start, end): by name, by role or by pronoun."""

    start: int
    end: int
    kind: MentionKind
    person: str | None
    subject: bool
    section: int
    in_quote: bool
    country: str | None = None
    surface: str = ""


@dataclass(slots=True)
class _Cluster:
    forms: Counter[tuple[str, ...]] = field(default_factory=Counter)
    givens: dict[str, None] = field(default_factory=dict)  # first tokens of the forms
    mentions: int = 0
    order: int = 0
    _canonical: str | None = None

    def add(self, name: tuple[str, ...]) -> None:
        """Count one more mention of the cluster under this form."""
        self.forms[name] += 1
        self.givens.setdefault(name[0], None)
        self.mentions += 1

    def canonical(self) -> str:
        """The longest form; asked only once clustering is over, so it is kept."""
        if self._canonical is None:
            best = max(self.forms, key=lambda f: (len(f), len(" ".join(f))))
            self._canonical = " ".join(best)
        return self._canonical

    def accepts(self, name: tuple[str, ...]) -> bool:
        """A name whose given name matches one of the cluster's ("J." and "John" do)."""
        return any(_same_given(name[0], given) for given in self.givens)


def _same_given(a: str, b: str) -> bool:
    if a.lower() == b.lower():
        return True
    short, long_ = sorted((a.rstrip("."), b.rstrip(".")), key=len)
    return len(short) == 1 and long_.lower().startswith(short.lower())


@dataclass(slots=True)
class Cast:
    """Who is in the document and where each of them is mentioned."""

    people: dict[str, PersonRecord]
    mentions: list[Mention]
    bound: dict[str, set[str]]
    titled: set[str] = field(default_factory=set)

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


@dataclass(slots=True)
class _Run:
    """A capitalised run that holds a personal name, and where it stands in the text."""

    shape: RunShape
    name: tuple[str, ...]  # the shape's personal name ("Vladimir", "Putin")
    start: int  # where the run's kept part starts (after sentence furniture)
    name_start: int
    end: int
    section: int
    in_quote: bool
    sentence_start: int


class Intervals:
    """Sorted disjoint intervals with a fast membership test."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.spans = sorted(spans)
        self.starts = [s for s, _ in self.spans]

    def contains(self, pos: int) -> bool:
        """True if pos lies inside one of the intervals."""
        index = bisect.bisect_right(self.starts, pos) - 1
        return index >= 0 and self.spans[index][0] <= pos < self.spans[index][1]


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
    """
    runs: list[_Run] = []
    start = end = section = -1
    for match in NAME_RUN.finditer(norm):
        inside, opening = run_shapes(match.group())
        if inside is None:  # a lone word that is nobody's name, wherever it stands
            continue
        pos = match.start()
        if not start <= pos < end:  # runs come in order: most share the last one's sentence
            sentence = index.locate(pos)
            if sentence is None:
                continue
            start, end, section = sentence
        shape: RunShape | None = inside
        if opening is not inside and _opens_sentence(norm, start, pos):
            shape = opening
        if shape is None or not shape.name:
            continue
        kept = pos + shape.lead
        if shape.title is None and kept - 4 >= start and norm[kept - 4 : kept] in _THE:
            continue
        in_quote = quotes.contains(pos)
        name_start = pos + shape.name_offset
        runs.append(
            _Run(shape, shape.name, kept, name_start, match.end(), section, in_quote, start)
        )
    return runs


def _previous_word(norm: str, start: int, end: int) -> tuple[str, str] | None:
    """The last word of norm[start:end] (cut at start) and the non-letters after it."""
    found = _LAST_WORD_REVERSED.match(norm[start:end][::-1])
    return None if found is None else (found.group(2)[::-1], found.group(1)[::-1])


def _is_subject(norm: str, sentence_start: int, start: int) -> bool:
    """No word before it in the sentence, punctuation in between, or a clause opener."""
    previous = _previous_word(norm, max(sentence_start, start - 40), start)
    if previous is None:
        return True
    word, gap = previous
    if gap.strip():
        return True
    return word.lower() in CLAUSE_OPENERS


def _speaks(norm: str, run: _Run) -> bool:
    """'Trenin says' or 'says Trenin': the single name is used as a speaker."""
    following = _NEXT_WORDS.match(norm, run.end)
    if following and (following.group(1) in SPEECH_VERBS or following.group(2) in SPEECH_VERBS):
        return True
    previous = _previous_word(norm, max(0, run.start - 20), run.start)
    return previous is not None and previous[0].lower() in SPEECH_VERBS


def _cluster_full_names(runs: list[_Run]) -> dict[str, list[_Cluster]]:
    full = [r.name for r in runs if has_given_name(r.name)]
    surnames = {name[-1].lower() for name in full}
    paired: dict[tuple[str, ...], bool] = {}
    clusters: dict[str, list[_Cluster]] = {}
    created = 0
    for name in full:
        if name not in paired:
            paired[name] = any(t.lower() in surnames for t in name[:-1] if len(t) > 2)
        if paired[name]:
            continue  # "Smith Jones": two surnames side by side, not one person
        group = clusters.setdefault(name[-1].lower(), [])
        target = next((c for c in group if c.accepts(name)), None)
        if target is None:
            target = _Cluster(order=created)
            created += 1
            group.append(target)
        target.add(name)
    return clusters


def _person_for(
    name: tuple[str, ...], clusters: dict[str, list[_Cluster]], speakers: set[str]
) -> str | None:
    """The canonical name a run's name stands for, if it is a person's."""
    group = clusters.get(name[-1].lower())
    if group:
        if has_given_name(name):
            match = next((c for c in group if c.accepts(name) and name in c.forms), None)
            if match is not None:
                return match.canonical()
        return max(group, key=lambda c: (c.mentions, -c.order)).canonical()
    if len(name) == 1 and name[0] in speakers:
        return name[0]
    return None


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


def _single_speakers(norm: str, runs: list[_Run], vocabulary: LowercaseWords) -> set[str]:
    """Single names that speak or carry a title, and are not ordinary capitalised words."""
    found: set[str] = set()
    for run in runs:
        name = run.name
        if len(name) != 1 or run.in_quote or name[0] in found:
            continue
        if run.shape.title is None and not _speaks(norm, run):
            continue
        if name[0].lower() not in vocabulary:
            found.add(name[0])
    return found


def build_cast(
    norm: str,
    sentences: list[tuple[int, int, int]],
    quotes: Intervals,
) -> Cast:
    """Find people, bind them to countries, and resolve every mention in the document."""
    index = SentenceIndex(sentences)
    runs = _collect_runs(norm, index, quotes)
    vocabulary = LowercaseWords(norm)
    clusters = _cluster_full_names(runs)
    speakers = _single_speakers(norm, runs, vocabulary)
    people: dict[str, PersonRecord] = {}
    bound: dict[str, set[str]] = {}
    titled: set[str] = set()
    mentions: list[Mention] = []
    person_of: dict[tuple[str, ...], str | None] = {}  # a name resolves the same everywhere
    for run in runs:
        name = run.name
        if name in person_of:
            person = person_of[name]
        else:
            person = person_of[name] = _person_for(name, clusters, speakers)
        if person is None:
            continue
        record = people.setdefault(person, PersonRecord(person))
        surface = " ".join(name)
        record.aliases.add(surface + (" Jr." if run.shape.suffixed else ""))
        country = run.shape.country or _appositive_country(norm, run.end)
        if country:
            bound.setdefault(person, set()).add(country)
        if run.shape.title or country:
            titled.add(person)
        subject = _is_subject(norm, run.sentence_start, run.start)
        mentions.append(
            Mention(run.name_start, run.end, "name", person, subject,
                    run.section, run.in_quote, surface=surface)
        )  # fmt: skip
    mentions.extend(_role_and_pronoun_mentions(norm, index, quotes))
    mentions.sort(key=lambda m: m.start)
    cast = Cast(people, mentions, bound, titled)
    _resolve_roles(cast)
    _resolve_pronouns(cast)
    return cast


def _appositive_country(norm: str, end: int) -> str | None:
    match = _APPOSITIVE.match(norm, end)
    return NATIONALITIES[match.group("nat").lower()] if match else None


def _role_and_pronoun_mentions(norm: str, index: SentenceIndex, quotes: Intervals) -> list[Mention]:
    found: list[Mention] = []
    offices = literal_starts(norm, _ROLE_WORDS)
    for match in finditer_near(_ROLE, norm, offices, _ROLE_REACH):
        sentence = index.locate(match.start())
        if sentence is not None:
            start, _, section = sentence
            country = NATIONALITIES[match.group("nat").lower()]
            subject = _is_subject(norm, start, match.start())
            found.append(
                Mention(match.start(), match.end(), "role", None, subject, section,
                        quotes.contains(match.start()), country, match.group(0))
            )  # fmt: skip
    for match in _PRONOUN.finditer(norm):
        sentence = index.locate(match.start())
        if sentence is not None:
            section = sentence[2]
            found.append(
                Mention(match.start(), match.end(), "pronoun", None, True, section,
                        quotes.contains(match.start()), surface=match.group(0))
            )  # fmt: skip
    return found


def _resolve_roles(cast: Cast) -> None:
    """A role names the person bound to its country, else the only one left in the section."""
    by_section = cast.by_section()
    for mention in cast.mentions:
        if mention.kind != "role" or mention.country is None:
            continue
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
            cast.people[holders[0]].aliases.add(mention.surface.lower())


def _resolve_pronouns(cast: Cast) -> None:
    """'he' is the latest person in subject position in the same section, outside quotes."""
    latest: str | None = None
    section = -1
    for mention in cast.mentions:
        if mention.section != section:
            latest, section = None, mention.section
        if mention.in_quote:
            continue
        if mention.kind == "pronoun":
            mention.person = latest
        elif mention.subject and mention.person is not None:
            latest = mention.person
