"""The corpus scorer counts what it claims to: on an invented text with known answers."""

from __future__ import annotations

from pathlib import Path

from tests.eval.score import load, same_person, score, words_of

TEXT = """Harbour reopens after storm

Advertisement

March 3, 2015

The harbour reopened on Tuesday. "We are back in business," said Erik Solberg.

Hanna Berg, his deputy, was more careful. "The storm will come again," she said.
"""

LABELS = """
[[text]]
file = "01_harbour.txt"
kind = "article"
split = "dev"
title = "Harbour reopens after storm"
published = "2015-03-03"
furniture = ["Advertisement"]
quotes = [
  { start = "We are back in business", speaker = "Erik Solberg", date = "" },
  { start = "The storm will come", speaker = "Erik Solberg", date = "2015-02-28" },
  { start = "Never written here", speaker = "Nobody", date = "" },
]
events = [
  { date = "2015-03-03", words = "reopened" },
  { date = "2014-01-01", words = "storm" },
]
"""


def _corpus(tmp_path: Path) -> Path:
    texts = tmp_path / "texts"
    texts.mkdir()
    (texts / "01_harbour.txt").write_text(TEXT, encoding="utf-8")
    labels = tmp_path / "labels.toml"
    labels.write_text(LABELS, encoding="utf-8")
    return labels


def test_scorer_counts_hits_misses_and_wrong_speakers(tmp_path: Path) -> None:
    """Found, missed and wrongly attributed quotes and events are each counted once."""
    labels = _corpus(tmp_path)
    texts = load(labels, labels.parent / "texts")
    per_text, per_split = score(texts)
    tally = per_split["dev"]
    assert (tally.quotes, tally.quotes_found) == (3, 2)
    assert (tally.speaker_right, tally.speaker_wrong) == (1, 1)  # Berg is not Solberg
    assert (tally.dated_quotes, tally.quote_dates_right) == (1, 0)  # the text says 03-03
    assert (tally.events, tally.events_found) == (2, 1)
    assert tally.titles_right == 1
    assert tally.junk == 0
    assert any("missed quote: 'Never written here'" in n for n in per_text["01_harbour.txt"].notes)


def test_matching_ignores_marks_case_and_surname_use() -> None:
    """Quote starts match across quotation marks and case; a surname is the same person."""
    assert words_of("‘It’s back,’ SHE said") == "its back she said"
    assert same_person("Erik Solberg", "Solberg")
    assert not same_person("Erik Solberg", "Hanna Berg")


RELATIVE = """Festival returns
Published: 05 Mar. 2025

The festival returns in April. Its lantern walk, new last year, comes back too.
"""


def _invented(tmp_path: Path, published: str) -> int:
    (tmp_path / "texts").mkdir(exist_ok=True)
    (tmp_path / "texts" / "02_festival.txt").write_text(RELATIVE, encoding="utf-8")
    labels = tmp_path / "labels.toml"
    labels.write_text(
        '[[text]]\nfile = "02_festival.txt"\nkind = "article"\nsplit = "dev"\n'
        f'title = "Festival returns"\npublished = "{published}"\nfurniture = []\n'
        "quotes = []\nevents = []\n",
        encoding="utf-8",
    )
    texts = load(labels, tmp_path / "texts")
    return score(texts)[1]["dev"].invented_years


def test_a_year_counted_from_the_publication_date_is_stated(tmp_path: Path) -> None:
    """ "new last year" in a text labelled as published in 2025 states 2024 (the
    extractor stores the walk in 2024); unlabelled, the same 2024 counts as invented."""
    assert _invented(tmp_path, "2025-03-05") == 0
    assert _invented(tmp_path, "") == 1
