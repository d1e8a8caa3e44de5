"""Text folding shared by the writer and the queries, so both sides agree."""

from __future__ import annotations

import re
import unicodedata

_FOLD = str.maketrans(
    {
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
)

_WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")

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


def fold(text: str) -> str:
    """Unicode-normalise and fold apostrophes, quote marks, dashes and odd spaces."""
    if text.isascii():  # NFKC leaves ASCII alone; of _FOLD only the backtick is ASCII
        return text.replace("`", "'") if "`" in text else text
    return unicodedata.normalize("NFKC", text).translate(_FOLD)


def words(text: str) -> list[str]:
    """Lower-case words of a text, apostrophes folded, possessive 's dropped."""
    return folded_words(fold(text))


def folded_words(folded: str) -> list[str]:
    """words() of a text already passed through fold()."""
    return [w[:-2] if w.endswith("'s") else w for w in _WORD.findall(folded.lower())]


def topic_words(text: str) -> set[str]:
    """Words worth offering as topics: no stopwords, at least three letters."""
    return folded_topic_words(fold(text))


def folded_topic_words(folded: str) -> set[str]:
    """topic_words() of a text already passed through fold()."""
    found = set()
    for word in set(_WORD.findall(folded.lower())):  # each distinct word handled once
        if word.endswith("'s"):
            word = word[:-2]
        if len(word) >= 3 and "'" not in word and word not in STOPWORDS:
            found.add(word)
    return found


def fts_query(terms: list[str], *, prefix_last: bool = False) -> str:
    """An FTS5 query that ANDs the terms, each quoted so user text is never syntax."""
    quoted = ['"' + term.replace('"', '""') + '"' for term in terms if term]
    if prefix_last and quoted:
        quoted[-1] += "*"
    return " AND ".join(quoted)


def name_key(name: str) -> str:
    """Lookup form of a person's name or alias: folded, lower-case, no possessive."""
    return " ".join(words(name))
