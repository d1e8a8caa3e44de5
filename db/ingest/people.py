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
from db.ingest.names import NAME_RUN, NameRun, has_given_name, split_run
from db.records import PersonRecord

MentionKind = Literal["name", "role", "pronoun"]

_NATIONS = "|".join(re.escape(k) for k in sorted(NATIONALITIES, key=len, reverse=True))
_ROLE = re.compile(
    rf"\b[Tt]he\s(?P<nat>(?i:{_NATIONS}))\s"
    r"(?P<role>president|leader|prime minister|premier|chancellor|king|queen|head of state)\b"
)
_APPOSITIVE = re.compile(
    rf",\s(?:the\s|a\s)?(?P<nat>(?i:{_NATIONS}))\s(?:president|leader|prime minister|premier)\b"
)
_PRONOUN = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_PREVIOUS_WORD = re.compile(r"([A-Za-z']+)([^A-Za-z']*)$")
_NEXT_WORDS = re.compile(r"\s*(?:,\s*)?([a-z]+)(?:\s([a-z]+))?")
_LOWER_WORD = re.compile(r"(?<![\w'])[a-z][a-z'-]*")


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
    mentions: int = 0
    order: int = 0

    def canonical(self) -> str:
        best = max(self.forms, key=lambda f: (len(f), len(" ".join(f))))
        return " ".join(best)

    def accepts(self, name: tuple[str, ...]) -> bool:
        return any(_same_given(name[0], form[0]) for form in self.forms)


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


@dataclass(frozen=True, slots=True)
class _Run:
    parts: NameRun
    section: int
    in_quote: bool
    sentence_start: int
    after_the: bool


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


def _collect_runs(norm: str, index: SentenceIndex, quotes: Intervals) -> list[_Run]:
    """Capitalised runs of the whole text, kept only inside sentences."""
    runs: list[_Run] = []
    for match in NAME_RUN.finditer(norm):
        sentence = index.locate(match.start())
        if sentence is None:
            continue
        start, _, section = sentence
        lead = start
        while norm[lead] in " \"'(*-" and lead < match.start():
            lead += 1
        parts = split_run(match, sentence_start=match.start() == lead)
        if parts is None:
            continue
        after_the = parts.title is None and norm[max(start, parts.start - 4) : parts.start] in (
            "the ",
            "The ",
        )
        runs.append(_Run(parts, section, quotes.contains(match.start()), start, after_the))
    return runs


def _is_subject(norm: str, sentence_start: int, start: int) -> bool:
    """No word before it in the sentence, punctuation in between, or a clause opener."""
    previous = _PREVIOUS_WORD.search(norm, max(sentence_start, start - 40), start)
    if previous is None:
        return True
    if previous.group(2).strip():
        return True
    return previous.group(1).lower() in CLAUSE_OPENERS


def _speaks(norm: str, run: NameRun) -> bool:
    """'Trenin says' or 'says Trenin': the single name is used as a speaker."""
    following = _NEXT_WORDS.match(norm, run.end)
    if following and (following.group(1) in SPEECH_VERBS or following.group(2) in SPEECH_VERBS):
        return True
    previous = _PREVIOUS_WORD.search(norm, max(0, run.start - 20), run.start)
    return previous is not None and previous.group(1).lower() in SPEECH_VERBS


def _cluster_full_names(runs: list[_Run]) -> dict[str, list[_Cluster]]:
    full = [r.parts.name for r in runs if has_given_name(r.parts.name) and not r.after_the]
    surnames = {name[-1].lower() for name in full}
    clusters: dict[str, list[_Cluster]] = {}
    for name in full:
        if any(t.lower() in surnames for t in name[:-1] if len(t) > 2):
            continue  # "Smith Jones": two surnames side by side, not one person
        group = clusters.setdefault(name[-1].lower(), [])
        target = next((c for c in group if c.accepts(name)), None)
        if target is None:
            target = _Cluster(order=sum(len(g) for g in clusters.values()))
            group.append(target)
        target.forms[name] += 1
        target.mentions += 1
    return clusters


def _person_for(run: _Run, clusters: dict[str, list[_Cluster]], speakers: set[str]) -> str | None:
    name = run.parts.name
    if not name or run.after_the:
        return None
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


def _single_speakers(norm: str, runs: list[_Run], vocabulary: set[str]) -> set[str]:
    """Single names that speak or carry a title, and are not ordinary capitalised words."""
    found: set[str] = set()
    for run in runs:
        name = run.parts.name
        if len(name) != 1 or run.after_the or run.in_quote:
            continue
        if name[0].lower() in vocabulary:
            continue
        if run.parts.title is not None or _speaks(norm, run.parts):
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
    vocabulary = set(_LOWER_WORD.findall(norm))
    clusters = _cluster_full_names(runs)
    speakers = _single_speakers(norm, runs, vocabulary)
    people: dict[str, PersonRecord] = {}
    bound: dict[str, set[str]] = {}
    titled: set[str] = set()
    mentions: list[Mention] = []
    for run in runs:
        person = _person_for(run, clusters, speakers)
        if person is None:
            continue
        record = people.setdefault(person, PersonRecord(person))
        surface = " ".join(run.parts.name)
        record.aliases.add(surface + (" Jr." if run.parts.suffixed else ""))
        country = run.parts.country or _appositive_country(norm, run.parts.end)
        if country:
            bound.setdefault(person, set()).add(country)
        if run.parts.title or country:
            titled.add(person)
        subject = _is_subject(norm, run.sentence_start, run.parts.start)
        mentions.append(
            Mention(run.parts.name_start, run.parts.end, "name", person, subject,
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
    for match in _ROLE.finditer(norm):
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
