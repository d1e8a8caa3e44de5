"""The extractor's fast scans find exactly what the plain regex scans they replace find."""

from __future__ import annotations

import random
import re

from db.ingest import dates, lexicon, people, segment
from db.ingest.scan import finditer_near, literal_starts

_PIECES = (
    "On ", "on ", "in ", "In ", "during ", "of ", "the ", "The ", "following ", "next ",
    "two ", "Three ", "a ", "12 ", "day", "days ", "week ", "month", "year ", "before ",
    "later ", "ago", "September ", "Sept. ", "May ", "June", "9, ", "16th ", "2001", "1954",
    "2001-06-16", "-", "/", ".", ",", "'s ", "%", " ", "\n", "Russian ", "russian ",
    "white house ", "Downing Street ", "president", "presidents", "leader ", "prime minister",
    "head of state", "king", "x", "He ", "he", "She ", "she's ", "Ashe ", "the", "_",
    "well-known ", "-known ", "known ", "'known ", "Known ", "é", "!", "?", "?! ", ") ", "A",
    "On September 9", "June 16, 2001", "16 June 2001", "in 1954 ", "two days before ",
    "the following week", "the Russian president", "The White House leader ", "the french king",
)  # fmt: skip


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14))) for _ in range(count)]


def _spans(matches: object) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in matches]  # type: ignore[attr-defined]


def test_dates_and_relatives_match_a_full_scan() -> None:
    found_any = 0
    for text in _texts(3000, seed=1):
        found_any += _check_dates(text)
    assert found_any > 150  # the texts really hold dates and relative dates


def _check_dates(text: str) -> int:
    runs = [m.start() for m in re.finditer(r"\d+", text)]
    expected = _spans(dates._DATES.finditer(text))
    assert _spans(finditer_near(dates._DATES, text, runs, dates._DATE_REACH)) == expected
    units = literal_starts(text, dates._UNIT_WORDS)
    expected = _spans(dates._RELATIVE.finditer(text))
    found = finditer_near(dates._RELATIVE, text, units, dates._RELATIVE_REACH)
    assert _spans(found) == expected
    return len(expected)


def test_roles_pronouns_and_words_match_a_full_scan() -> None:
    roles = sum(_check_people(text) for text in _texts(3000, seed=2))
    assert roles > 100  # the texts really hold roles


def _check_people(text: str) -> int:
    offices = literal_starts(text, lexicon.ROLE_WORDS)
    expected = _spans(people._ROLE.finditer(text))
    assert _spans(finditer_near(people._ROLE, text, offices, people._ROLE_REACH)) == expected
    pronouns = [m.start() for m in re.finditer(r"\b(?:[Hh]e|[Ss]he)\b", text)]
    mentions = people._role_and_pronoun_mentions(
        text, people.SentenceIndex([(0, len(text), 0)]), people.Intervals([])
    )
    assert [m.start for m in mentions if m.kind == "pronoun"] == pronouns
    every = set(re.findall(r"(?<![\w'])[a-z][a-z'-]*", text))
    words = people.LowercaseWords(text)
    for word in ("known", "well-known", "he", "the", "x", "é", "s", "day", "-known"):
        assert (word in words) == (word in every), word
    return len(expected)


def test_sentence_ends_and_previous_words_match_the_plain_patterns() -> None:
    plain_end = re.compile(r"(?<![.!?])[.!?]++[)\]]?\s+(?=[\"'(\[]?[A-Z0-9])")
    plain_word = re.compile(r"([A-Za-z']+)([^A-Za-z']*)$")
    for text in _texts(3000, seed=3):
        ends = _spans(segment._SENTENCE_END.finditer(text, 1))
        assert ends == _spans(plain_end.finditer(text, 1))
        _check_previous_words(text, plain_word)


def _check_previous_words(text: str, plain_word: re.Pattern[str]) -> None:
    for start in range(0, len(text) + 1, 7):
        found = plain_word.search(text, max(0, start - 20), start)
        expected = None if found is None else (found.group(1), found.group(2))
        assert people._previous_word(text, max(0, start - 20), start) == expected
