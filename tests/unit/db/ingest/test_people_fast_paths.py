"""People's fast paths give exactly what the plain code they stand for gives."""

from __future__ import annotations

import random

from db.ingest import names, people
from db.text import lower

_PIECES = (
    "his ", "His ", "HIS ", "her ", "their ", "your ", "its ", "my ", "our ", "is ", "for ",
    "by ", "after ", "Honour", "Majesty", "Lee", '"', "(", "-", " ", "  ", "\n", ", ", ". ",
    "said ", "the ", "The ", "ΟΔΟΣ ", "İs ", "x", "Dr. ", "Mr. ", "Mrs ", "Ann ",
)  # fmt: skip


def _texts(count: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 30))) for _ in range(count)]


def _plain_addressed(norm: str, name_start: int) -> bool:
    """people._addressed without its cheap tests."""
    space = name_start - 1
    if space < 2 or norm[space] != " ":
        return False
    words = norm[max(0, space - 5) : space].split()
    edges = " ,\"'(*-\u201c\u2018"
    return bool(words) and lower(words[-1].lstrip(edges)) in {
        "his", "her", "their", "your", "its", "my", "our"
    }  # fmt: skip


def test_forms_of_address_found_past_the_cheap_tests() -> None:
    found = 0
    for text in _texts(2000, seed=31):
        for start in range(len(text) + 1):
            expected = _plain_addressed(text, start)
            assert people._addressed(text, start) == expected, (text, start)
            found += expected
    assert found > 100


def test_a_shapes_gender_is_what_its_title_and_given_name_say() -> None:
    rng = random.Random(33)
    words = ("Mrs", "Mr", "Sir", "Dame", "Mayor", "Queen", "King", "Ann", "John", "Lee", "Reed")
    seen = set()
    for _ in range(3000):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(1, 4)))
        for shape in names.run_shapes(text):
            if shape is not None:
                assert shape.gender == names.gender_of(shape.title, shape.name), text
                seen.add(shape.gender)
    assert seen == {"f", "m", None}


def test_a_title_and_a_given_name_each_say_a_gender_and_may_disagree() -> None:
    genders = {
        text: names.run_shapes(text)[0]
        for text in ("Mrs Ann Lee", "King John", "John Reed", "Mrs John Reed", "Lee")
    }
    assert {text: shape.gender if shape else "-" for text, shape in genders.items()} == {
        "Mrs Ann Lee": "f",
        "King John": "m",
        "John Reed": "m",
        "Mrs John Reed": None,
        "Lee": None,
    }


_PLACE_PIECES = (
    " at ", " in ", " from ", " near ", " outside ", " across ", ", of ", " of ", "at ",
    "Lee", "Leeds", "Le", "L", "Lee-Ann", "Lee's", "Lee2", "x", " ", "\n", "in", ",",
)  # fmt: skip


def test_places_are_what_is_place_finds() -> None:
    rng = random.Random(35)
    names_asked = ("Lee", "Leeds", "Le", "L", "Lee-Ann", "Lee's", "x", "Lee2")
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(_PLACE_PIECES) for _ in range(rng.randint(0, 12)))
        places = people._Places(text)
        for name in names_asked:
            expected = people._is_place(text, name)
            assert places.holds(name) == expected, (text, name)
            found += expected
    assert found > 300
