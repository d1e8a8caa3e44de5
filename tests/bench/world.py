"""An invented world for the benchmark corpus: people, places, countries and topics.

Everything is drawn from a seeded random generator out of syllables, so the same
seed always gives the same world and nothing is copied from seeds/.
"""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass
from datetime import date
from functools import cache

from db.records import PartialDate
from db.text import STOPWORDS

MONTH_NAMES = (
    "January February March April May June July August September October November December"
).split()

_ONSETS = "b d f g h k l m n p r s t v z br dr gr kr tr st sk sh th vl".split()
_VOWELS = "a e i o u a e o ai ei ou".split()
_CODAS = ["", "", "", "n", "r", "l", "s", "k", "m", "nd", "rt", "sk", "th", "v"]

# Plain nouns mixed with the invented ones so quotes read as prose.
_PLAIN_TOPICS = """harbour fisheries grain pipeline railway border census tariff drought
    famine frontier refinery bridge reservoir shipyard garrison embassy election
    referendum ceasefire blockade armistice accord charter currency orchard vineyard
    quarry mine foundry canal lighthouse customs pension vaccine epidemic printing
    telegraph airship monastery archive museum parliament militia navy cavalry""".split()

_ROLES = (
    "president",
    "prime minister",
    "foreign minister",
    "governor",
    "ambassador",
    "senator",
    "mayor",
    "trade envoy",
)
_ORG_KINDS = ("Institute", "Center", "Foundation", "Council", "University")


@dataclass(frozen=True, slots=True)
class Person:
    """An invented person: how texts name them and how pronouns refer to them."""

    given: str
    family: str
    pronoun: str
    country: str
    adjective: str
    role: str

    @property
    def name(self) -> str:
        """Canonical full name."""
        return f"{self.given} {self.family}"


@dataclass(frozen=True, slots=True)
class World:
    """The invented vocabulary every generated document draws from."""

    people: tuple[Person, ...]
    countries: tuple[tuple[str, str], ...]
    places: tuple[str, ...]
    orgs: tuple[str, ...]
    topics: tuple[str, ...]
    rare_topics: tuple[str, ...]
    topic_cumulative: tuple[float, ...]


def _word(rng: random.Random, syllables: int) -> str:
    parts = [rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables)]
    return "".join(parts) + rng.choice(_CODAS)


def _unique_words(
    rng: random.Random, count: int, syllables: tuple[int, int], taken: set[str]
) -> list[str]:
    found: list[str] = []
    while len(found) < count:
        word = _word(rng, rng.randint(*syllables))
        if len(word) < 4 or word in taken or word in STOPWORDS:
            continue
        taken.add(word)
        found.append(word)
    return found


@cache
def make_world(seed: int, people: int = 400) -> World:
    """The world of one seed; people sets how many distinct persons exist."""
    rng = random.Random(f"almanac-bench-world:{seed}")
    taken: set[str] = set(_PLAIN_TOPICS)
    country_stems = _unique_words(rng, 24, (2, 2), taken)
    countries = tuple((s.capitalize() + "ia", s.capitalize() + "ian") for s in country_stems)
    places = tuple(w.capitalize() for w in _unique_words(rng, 300, (2, 3), taken))
    orgs = tuple(
        f"{w.capitalize()} {rng.choice(_ORG_KINDS)}" for w in _unique_words(rng, 60, (2, 2), taken)
    )
    invented = _unique_words(rng, 2500, (2, 3), taken)
    topics = tuple(_PLAIN_TOPICS) + tuple(invented[:2000])
    rare = tuple(invented[2000:])
    givens = [w.capitalize() for w in _unique_words(rng, 900, (2, 2), taken)]
    families = [w.capitalize() for w in _unique_words(rng, max(people, 900), (2, 3), taken)]
    folks: list[Person] = []
    names: set[tuple[str, str]] = set()
    for i in range(people):
        given, family = rng.choice(givens), families[i % len(families)]
        if (given, family) in names:
            continue
        names.add((given, family))
        country, adjective = rng.choice(countries)
        folks.append(
            Person(given, family, rng.choice(("he", "she")), country, adjective, rng.choice(_ROLES))
        )
    # Zipf weights: the first topic is in roughly a third of all quotes.
    cumulative = tuple(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(topics))))
    return World(tuple(folks), countries, places, orgs, topics, rare, cumulative)


def random_date(rng: random.Random) -> PartialDate:
    """A date between 1850 and 2024, mostly precise to the day."""
    ordinal = rng.randint(date(1850, 1, 1).toordinal(), date(2024, 12, 31).toordinal())
    day = date.fromordinal(ordinal)
    roll = rng.random()
    if roll < 0.85:
        return PartialDate(day.year, day.month, day.day, "day")
    if roll < 0.90:
        return PartialDate(day.year, day.month, None, "month")
    if roll < 0.95:
        return PartialDate(day.year, None, None, "year")
    return PartialDate(None, day.month, day.day, "month-day")


def day_date(rng: random.Random) -> PartialDate:
    """A date precise to the day, 1850 to 2024."""
    ordinal = rng.randint(date(1850, 1, 1).toordinal(), date(2024, 12, 31).toordinal())
    day = date.fromordinal(ordinal)
    return PartialDate(day.year, day.month, day.day, "day")


def long_date(when: PartialDate) -> str:
    """'March 3, 1999' for a day-precise date."""
    return f"{MONTH_NAMES[(when.month or 1) - 1]} {when.day}, {when.year}"
