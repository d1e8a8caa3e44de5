"""Features and a conditional logit for who said a marked quote: an experiment.

For each quote the hand rules attributed (or left unattributed), the candidates are the
people of the cast mentioned outside quotations within WINDOW characters before or after
it, plus the rules' own choice, plus "no one". Each candidate gets a short row of cheap
features (distance, same sentence or paragraph, a speech verb beside the mention, the
mention a subject, how often the person is named, whether the rules chose them); a
conditional logit turns the rows into probabilities. decide() says how the model would
be used: fill a speaker the rules left empty when the model is sure (FILL_AT), or leave
unknown a rules speaker the model strongly rejects (VETO_AT).

It is not wired into ingest: trained on the TUNE texts, it did not beat the rules in
cross-validation, nor on the CHECK texts (see tests/eval/speaker_train.py for the
figures and the training command). Everything here is cheap and bounded per quote
(at most MOST_MENTIONS mentions each side), so it could run at ingest if it ever did.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import Final

from db.ingest.lexicon import SPEECH_VERBS
from db.ingest.people import Mention
from db.records import QuoteRecord

WINDOW: Final = 400  # characters looked at before and after a quote
MOST_MENTIONS: Final = 24  # mentions looked at on each side, at most
_VERB_REACH: Final = 24  # characters beside a mention searched for a speech verb
_WORD: Final = re.compile(r"[a-z]+")
_SENTENCE_END: Final = re.compile(r"[.!?][\"')\]]*\s")

# Candidate features; "none_*" are only ever set on the "no one" candidate.
FEATURES: Final = (
    "rules",
    "before",
    "before_near",
    "after",
    "after_near",
    "closest_before",
    "closest_after",
    "same_sentence",
    "same_paragraph",
    "verb_beside",
    "subject",
    "by_name",
    "by_pronoun",
    "by_role",
    "own_line",
    "mentions_log",
    "in_window",
    "no_mention",
    "none_bias",
    "none_rules_none",
    "none_quote_long",
    "none_opens_paragraph",
    "none_no_candidate",
)
_INDEX: Final = {name: i for i, name in enumerate(FEATURES)}


class Candidate:
    """One possible speaker of a quote (person None: no one) and its feature row."""

    __slots__ = ("person", "row")

    def __init__(self, person: str | None, row: list[float]) -> None:
        self.person = person
        self.row = row


class Mentions:
    """A document's mentions outside quotations that name a person, sorted by start."""

    def __init__(self, mentions: list[Mention]) -> None:
        self.mentions = [m for m in mentions if m.person and not m.in_quote]
        self.mentions.sort(key=lambda m: m.start)
        self.starts = [m.start for m in self.mentions]
        self.counts: dict[str, int] = {}
        for mention in self.mentions:
            person = mention.person or ""
            self.counts[person] = self.counts.get(person, 0) + 1


def _verb_beside(norm: str, mention: Mention) -> bool:
    after = norm[mention.end : mention.end + _VERB_REACH].lower()
    before = norm[max(0, mention.start - _VERB_REACH) : mention.start].lower()
    words = _WORD.findall(after)[:3] + _WORD.findall(before)[-2:]
    return any(w in SPEECH_VERBS for w in words)


def _own_line(norm: str, mention: Mention) -> bool:
    head = norm.rfind("\n", 0, mention.start) + 1
    tail = norm.find("\n", mention.end)
    line = norm[head : len(norm) if tail < 0 else tail]
    return len(line.strip(" \t:-*#")) <= mention.end - mention.start + 12


def _gap_flags(norm: str, low: int, high: int) -> tuple[bool, bool]:
    """(same sentence, same paragraph) for text between low and high."""
    gap = norm[low:high] if high > low else ""
    paragraph = "\n" not in gap
    return paragraph and _SENTENCE_END.search(gap) is None, paragraph


def candidates(norm: str, index: Mentions, quote: QuoteRecord) -> list[Candidate]:
    """The candidate speakers of one quote, "no one" last."""
    start, end = quote.span.start, quote.span.end
    starts = index.starts
    low = bisect.bisect_left(starts, start - WINDOW)
    first_inside = bisect.bisect_left(starts, start)
    after_inside = bisect.bisect_left(starts, end)
    high = bisect.bisect_left(starts, end + WINDOW)
    before = index.mentions[max(low, first_inside - MOST_MENTIONS) : first_inside]
    after = index.mentions[after_inside : min(high, after_inside + MOST_MENTIONS)]
    nearest_before: dict[str, Mention] = {}
    for mention in before:  # the last one wins: the nearest
        nearest_before[mention.person or ""] = mention
    nearest_after: dict[str, Mention] = {}
    for mention in reversed(after):  # the first one wins
        nearest_after[mention.person or ""] = mention
    in_window: dict[str, int] = {}
    for mention in (*before, *after):
        in_window[mention.person or ""] = in_window.get(mention.person or "", 0) + 1
    closest_before = before[-1].person if before else None
    closest_after = after[0].person if after else None
    people = list(dict.fromkeys([*nearest_before, *nearest_after]))
    if quote.speaker is not None and quote.speaker not in people:
        people.append(quote.speaker)
    found: list[Candidate] = []
    for person in people:
        row = [0.0] * len(FEATURES)
        row[_INDEX["rules"]] = 1.0 if person == quote.speaker else 0.0
        best: Mention | None = None
        sentence = paragraph = False
        was_before = nearest_before.get(person)
        if was_before is not None:
            gap = start - was_before.end
            row[_INDEX["before"]] = 1.0
            row[_INDEX["before_near"]] = 1.0 - math.log1p(max(gap, 0)) / math.log1p(WINDOW)
            sentence, paragraph = _gap_flags(norm, was_before.end, start)
            best = was_before
        was_after = nearest_after.get(person)
        if was_after is not None:
            gap = was_after.start - end
            row[_INDEX["after"]] = 1.0
            row[_INDEX["after_near"]] = 1.0 - math.log1p(max(gap, 0)) / math.log1p(WINDOW)
            same, near = _gap_flags(norm, end, was_after.start)
            if best is None or (same and not sentence) or gap < start - best.end:
                best = was_after
            sentence, paragraph = sentence or same, paragraph or near
        row[_INDEX["closest_before"]] = 1.0 if person == closest_before else 0.0
        row[_INDEX["closest_after"]] = 1.0 if person == closest_after else 0.0
        row[_INDEX["same_sentence"]] = 1.0 if sentence else 0.0
        row[_INDEX["same_paragraph"]] = 1.0 if paragraph else 0.0
        if best is None:
            row[_INDEX["no_mention"]] = 1.0
        else:
            row[_INDEX["verb_beside"]] = 1.0 if _verb_beside(norm, best) else 0.0
            row[_INDEX["subject"]] = 1.0 if best.subject else 0.0
            row[_INDEX["by_" + best.kind]] = 1.0
            row[_INDEX["own_line"]] = 1.0 if _own_line(norm, best) else 0.0
        row[_INDEX["mentions_log"]] = math.log1p(index.counts.get(person, 0)) / 3.0
        row[_INDEX["in_window"]] = min(in_window.get(person, 0), 4) / 4.0
        found.append(Candidate(person, row))
    none = [0.0] * len(FEATURES)
    none[_INDEX["none_bias"]] = 1.0
    none[_INDEX["none_rules_none"]] = 1.0 if quote.speaker is None else 0.0
    none[_INDEX["none_quote_long"]] = min(len(quote.text), 400) / 400.0
    head = norm.rfind("\n", 0, start) + 1
    none[_INDEX["none_opens_paragraph"]] = 1.0 if not norm[head:start].strip(" \t\"'") else 0.0
    none[_INDEX["none_no_candidate"]] = 1.0 if not people else 0.0
    found.append(Candidate(None, none))
    return found


def probabilities(found: list[Candidate], weights: tuple[float, ...]) -> list[float]:
    """The model's probability of each candidate (softmax of the linear scores)."""
    scores = [sum(w * x for w, x in zip(weights, c.row, strict=True)) for c in found]
    top = max(scores)
    exps = [math.exp(s - top) for s in scores]
    total = sum(exps)
    return [e / total for e in exps]


def decide(
    speaker: str | None,
    found: list[Candidate],
    weights: tuple[float, ...],
    fill_at: float,
    veto_at: float,
) -> str | None:
    """The speaker after the model's say: fill an empty one, veto a doubtful one."""
    chances = probabilities(found, weights)
    if speaker is None:
        best = max(range(len(found)), key=chances.__getitem__)
        person = found[best].person
        return person if person is not None and chances[best] >= fill_at else None
    for candidate, chance in zip(found, chances, strict=True):
        if candidate.person == speaker:
            return None if chance < veto_at else speaker
    return speaker
