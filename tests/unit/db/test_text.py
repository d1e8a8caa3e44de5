"""db.text's regex fast paths give exactly what the plain per-word code they replace gives."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from db import text as text_module
from db.text import (
    STOPWORDS,
    fold,
    folded_topic_words,
    folded_words,
    name_key,
    topic_words,
    words,
)

# The implementations before the fast paths, kept as the reference.
_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
_FOLD_TABLE = str.maketrans(text_module._FOLD)


def _reference_fold(text: str) -> str:
    if text.isascii():
        return text.replace("`", "'")
    return unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE)


def _reference_folded_words(folded: str) -> list[str]:
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(folded.lower())]


def _reference_folded_topic_words(folded: str) -> set[str]:
    found = set()
    for word in set(_WORD.findall(folded.lower())):
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) >= 3 and "'" not in word and word not in STOPWORDS:
            found.add(word)
    return found


# ASCII and non-ASCII letters (upper case too, and ones whose lower() changes length
# or leaves/enters ASCII), digits (non-ASCII ones too), "_", apostrophes (folded
# and not), marks, spaces and punctuation; "s" often, so possessives are common.
_ALPHABET = (
    "abcsSsSXyz'''' \t\n.,-_0123456789"
    "\u0663\u00b2\u00bd\u216b"  # Arabic-Indic three, superscript two, one half, roman XII
    "\u00e9\u00c9\u00df\ufb01"  # é É ß, the fi ligature (NFKC makes it "fi")
    "\u0130\u0131\u212a"  # İ (lower() adds a combining dot), dotless ı, Kelvin sign (lower: k)
    "\u03a3\u03c3\u03c2\u0416\u0436\u4e2d"  # Σ σ ς Ж ж 中
    '\u02bc\u2019`\u0301\u00a0\u2014!?"()'  # apostrophes fold() folds, combining acute, ...
)
_PIECES = (
    "Russia's", "bosses'", "rock'n'roll", "o'neill's", "O'Neill", "it's", "'hello", "abc1",
    "_abc", "the", "The", "said", "hello", "José's", "naïve", "s", "'s", "''", "ab's", "abc's",
    "abc's's", "abc'sx", "x'y", "\u212aelvin's", "\u0130stanbul's", "Putin\u2019s",
)  # fmt: skip

_text = st.text(alphabet=_ALPHABET, max_size=40) | st.lists(
    st.sampled_from(_PIECES) | st.text(alphabet=_ALPHABET, max_size=4), max_size=12
).map("".join)

_CASES = [
    "Russia's",
    "bosses'",
    "rock'n'roll",
    "o'neill's",
    "it's",
    "'hello",
    "abc1",
    "_abc",
    "Putin's war, NATO's answer: it's the bosses' rock'n'roll",
    "abc's's abc'sx ab's x'y 'abc' abc'' ''abc",
    "naïve café's Ünïcödé İstanbul's straße",
    "",
]


@settings(max_examples=1000, deadline=None)
@given(_text)
@example("Russia's")
@example("bosses'")
@example("rock'n'roll")
@example("o'neill's")
@example("it's")
@example("'hello")
@example("abc1")
@example("_abc")
def test_topic_words_match_the_word_loop(text: str) -> None:
    """The regexes give the words the loop over _WORD's matches kept."""
    assert folded_topic_words(text) == _reference_folded_topic_words(text)
    folded = fold(text)
    assert folded_topic_words(folded) == _reference_folded_topic_words(folded)
    assert topic_words(text) == _reference_folded_topic_words(folded)


@settings(max_examples=1000, deadline=None)
@given(_text)
@example("o'neill's")
@example("\u212aelvin's")
def test_words_match_the_word_list(text: str) -> None:
    """Without an apostrophe the plain letter runs are the words, in order."""
    assert folded_words(text) == _reference_folded_words(text)
    folded = fold(text)
    assert folded_words(folded) == _reference_folded_words(folded)
    assert words(text) == _reference_folded_words(folded)
    assert name_key(text) == " ".join(_reference_folded_words(folded))


@pytest.mark.parametrize("text", _CASES)
def test_hand_picked_cases(text: str) -> None:
    """Possessives, trailing and inner apostrophes, digits and "_" next to letters."""
    assert folded_topic_words(text) == _reference_folded_topic_words(text)
    assert folded_words(text) == _reference_folded_words(text)


def test_expected_topic_words() -> None:
    """A few results spelled out, so the reference itself is pinned too."""
    text = "Russia's bosses' rock'n'roll: o'neill's 'hello abc1 _abc it's"
    assert folded_topic_words(text) == {"russia", "bosses", "hello", "abc"}
    assert folded_words("O'Neill's Putin's") == ["o'neill", "putin"]
    assert name_key("Vladimir  PUTIN's") == "vladimir putin"


_FOLDED = "".join(text_module._FOLD)


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=_ALPHABET + _FOLDED + "\u2026\u00c5\u212b", max_size=30))
@example("\u00b4\u2019`")
def test_fold_matches_translate(text: str) -> None:
    """Replacing the fold characters one by one is str.translate with the same table."""
    assert fold(text) == _reference_fold(text)


def test_fold_replacements_hold_nothing_to_fold() -> None:
    """What makes one-by-one replacing equal to translate: no replacement is replaced again."""
    assert not set("".join(text_module._FOLD.values())) & set(_FOLDED)
    assert all(len(char) == 1 for char in text_module._FOLD)
    every = "x".join(_FOLDED) + " \ufb01"
    assert fold(every) == _reference_fold(every)


@given(st.text(alphabet=_ALPHABET + "ΣσςΑΘΗΝΟΔΕ", max_size=30))
@example("ΟΔΥΣΣΕΑΣ")
@example("ΑΘΗΝΑΣ. ΣΤΟ ΤΕΛΟΣ,")
def test_lower_is_python_lower_in_every_build(text: str) -> None:
    # In the compiled build a method call text.lower() gives "σ" for a final "Σ".
    assert text_module.lower(text) == str.lower(text)


def test_lower_keeps_the_final_sigma() -> None:
    assert text_module.lower("ΟΔΥΣΣΕΑΣ") == "οδυσσεας"
