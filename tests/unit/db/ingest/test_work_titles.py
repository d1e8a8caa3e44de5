"""Titles of works and names of events set in quotation marks ("The House of Passion"
(1972), a "Day of Wrath", the song "Come Home to the Sea") are names, not anyone's
words: they are kept as fragments, never served as quotes."""

from __future__ import annotations

import pytest

from tests.unit.db.ingest.helpers import parse, quote_with


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (
            'She wrote the novels "The House of Passion" (1972) and "Night Over the '
            'Harbour" (1975) before she turned to plays.',
            "The House of Passion",
        ),
        ('Protesters called for a "Day of Wrath" across the country on Friday.', "Day of Wrath"),
        ('The band closed with "Come Home to the Sea" as the lights went down.', "Come Home"),
        ('Her speech, remembered as "The Harbour Is Ours", ran to ten minutes.', "Harbour Is"),
        ('The town\'s paper carried the motto "All the News That Fits" for years.', "All the News"),
        ('He starred in the film "a boy and his boat" in the spring.', "a boy and his"),
    ],
)
def test_a_work_or_event_name_is_no_quote(text: str, title: str) -> None:
    doc = parse(f"The harbour festival opened on Monday.\n\n{text}\n")
    assert quote_with(doc, title).fragment


@pytest.mark.parametrize(
    "text",
    [
        'Ina Berg said: "We will open the quay in May, whatever it costs."',
        '"The harbour is ours," Ina Berg told the crowd.',
        'Ina Berg said the plan was "a disgrace to the whole town and its people".',
        'The report said the quay "had been neglected for a decade".',
    ],
)
def test_words_said_stay_quotes(text: str) -> None:
    doc = parse(f"The harbour festival opened on Monday.\n\n{text}\n")
    assert not doc.quotes[0].fragment
