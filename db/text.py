"""Text folding shared by the writer and the queries, so both sides agree."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Final

# What fold() replaces each character with; no replacement holds a character replaced,
# so replacing them one after another is the same as all at once (str.translate).
_FOLD: dict[str, str] = {
    "\u2019": "'",
    "\u2018": "'",
    "\u02bc": "'",
    "\u02b9": "'",
    "\u2032": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u00ab": '"',
    "\u00bb": '"',
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    "\u2013": "-",
    "\u2014": "-",
    "\u200b": "",
    "\u200c": "",
    "\u200d": "",
    "\u2060": "",
    "\ufeff": "",
}
_FOLD_PAIRS = tuple(_FOLD.items())

# A letter is a word character that is neither a digit nor "_"; a word is a run of
# letters, possibly joined by single apostrophes (o'neill, rock'n'roll).
_LETTER = r"[^\W\d_]"
_WORD = re.compile(rf"{_LETTER}+(?:'{_LETTER}+)*")

# Without an apostrophe a word is just a maximal run of letters. In lower-cased ASCII
# text the letters are exactly a-z, a class the regex engine tests far faster.
_LETTERS = re.compile(rf"{_LETTER}+")
_ASCII_LETTERS = re.compile(r"[a-z]+")

# Topic words found by one regex, so no Python loop runs per word. Without an
# apostrophe they are the runs of three letters or more: findall tries a run at its
# first letter, and a shorter run fails at every position. With apostrophes a match
# must be a whole word of folded_words(): not preceded by a letter or a letter and
# "'", not followed by a letter or "'" and a letter. Its group is three letters or
# more, maybe then a possessive 's that it leaves out; a word with any other
# apostrophe fails at every position.
_TOPIC_RUN = re.compile(rf"{_LETTER}{{3,}}")
_ASCII_TOPIC_RUN = re.compile(r"[a-z]{3,}")
_TOPIC_WORD = re.compile(rf"(?<!{_LETTER})(?<!{_LETTER}')({_LETTER}{{3,}})(?:'s)?(?!'?{_LETTER})")
_ASCII_TOPIC_WORD = re.compile(r"(?<![a-z])(?<![a-z]')([a-z]{3,})(?:'s)?(?!'?[a-z])")

STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each even
    ever every few for from further had has have having he her here hers him himself his how
    i if in into is it its itself just like many may me might more most much must my myself
    no nor not now of off on once one only or other our ours out over own same she should so
    some such than that the their them then there these they this those through to too under
    until up upon us very was we were what when where which while who whom why will with
    would yet you your yours said says say told""".split()
)


# Python's own str.lower, called as a function: mypyc compiles `text.lower()` into C
# that (before Python 3.13) lowers a word-final capital sigma to "σ" where Python gives
# "ς", so compiled and pure builds would store different keys for Greek names.
_PYTHON_LOWER: Final[Callable[[str], str]] = str.lower
_CAPITAL_SIGMA = "\u03a3"


def lower(text: str) -> str:
    """str.lower(), the same in compiled and pure builds (see _PYTHON_LOWER).

    The code that db/native compiles calls this instead of the method.
    """
    return _PYTHON_LOWER(text) if _CAPITAL_SIGMA in text else text.lower()


def fold(text: str) -> str:
    """Unicode-normalise and fold apostrophes, quote marks, dashes and odd spaces."""
    if text.isascii():  # NFKC leaves ASCII alone; of _FOLD only the backtick is ASCII
        return text.replace("`", "'") if "`" in text else text
    text = unicodedata.normalize("NFKC", text)
    # str.translate looks up every character of a non-ASCII text in a dict, several
    # times slower than looking for each of the few characters to fold.
    for char, replacement in _FOLD_PAIRS:
        if char in text:
            text = text.replace(char, replacement)
    return text


def words(text: str) -> list[str]:
    """Lower-case words of a text, apostrophes folded, possessive 's dropped."""
    return folded_words(fold(text))


def folded_words(folded: str) -> list[str]:
    """words() of a text already passed through fold()."""
    lowered = lower(folded)
    if "'" not in lowered:  # no apostrophe: every word is a plain run of letters
        return (_ASCII_LETTERS if lowered.isascii() else _LETTERS).findall(lowered)
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(lowered)]


def topic_words(text: str) -> set[str]:
    """Words worth offering as topics: no stopwords, at least three letters."""
    return folded_topic_words(fold(text))


def folded_topic_words(folded: str) -> set[str]:
    """topic_words() of a text already passed through fold().

    The distinct words of folded_words() with three letters or more, no apostrophe and
    no stopword. Found by one regex (see _TOPIC_WORD), as this runs for every quote
    ingested.
    """
    lowered = lower(folded)
    if lowered.isascii():  # a-z are its letters (lower() makes the Kelvin sign k)
        topic = _ASCII_TOPIC_RUN if "'" not in lowered else _ASCII_TOPIC_WORD
    else:
        topic = _TOPIC_RUN if "'" not in lowered else _TOPIC_WORD
    found = topic.findall(lowered)
    return set(found) - STOPWORDS


def fts_query(terms: list[str], *, prefix_last: bool = False) -> str:
    """An FTS5 query that ANDs the terms, each quoted so user text is never syntax."""
    quoted = ['"' + term.replace('"', '""') + '"' for term in terms if term]
    if prefix_last and quoted:
        quoted[-1] += "*"
    return " AND ".join(quoted)


def name_key(name: str) -> str:
    """Lookup form of a person's name or alias: folded, lower-case, no possessive."""
    return " ".join(words(name))
