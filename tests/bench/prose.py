"""Sentences for generated documents: quotes, event headlines and summaries.

A Prose draws from one World with one seeded random generator, so the same
seed and call order always give the same words.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from tests.bench.world import Person, World

_QUOTES = (
    "We will not give up on the {t}, not now and not ever.",
    "The {t} is a question of {t}, and everyone in {p} knows it.",
    "Nobody in {c} wants a quarrel over the {t}.",
    "I told my colleague that the {t} worries me more than the {t}.",
    "We signed because the {t} could not wait another winter.",
    "There are {n} families in {p} who depend on the {t}.",
    "It is not about the {t}. It is about the {t} and about trust.",
    "{c} will continue to share what it knows about the {t}.",
    "Maybe {c} could be a partner on the {t}. But the real question is the {t}.",
    "We need the {t}, and we need it before the harvest.",
    "The people of {p} have waited {n} years for an honest answer on the {t}.",
    "Let me be clear: the {t} belongs to everyone, not only to {c}.",
    "I have never seen {t} like this, not in {p} and not anywhere else.",
    "If they close the {t}, we will open the {t}.",
    "History will judge us by the {t}, not by our speeches.",
    "Our friends in {c} understand the {t} better than anyone.",
)
_TITLES = (
    "{P} and {Q} meet in {p} to discuss the {t}",
    "{c} signs the {t} accord with {d}",
    "{P} announces a plan for the {t} in {p}",
    "Talks on the {t} collapse in {p}",
    "{P} visits {p} as the {t} dispute deepens",
    "{c} and {d} agree to share the {t}",
    "Protests over the {t} spread to {p}",
    "{P} warns {d} over the {t}",
)
_NAMED = (
    "{P} and {Q} met in {p} for talks on the {t} and the {t}.",
    "{P} spoke with {Q} in {p} about the {t}.",
    "{P} and {Q} traded letters on the {t}.",
)
_SUMMARIES = (
    "Officials in {p} said the {t} would be reviewed within {n} months.",
    "The agreement covers the {t}, the {t} and {n} smaller matters.",
    "Crowds gathered in {p} as news of the {t} spread.",
    "{Q} later described the {t} as a turning point for {c}.",
    "Observers in {d} called the {t} overdue.",
)


class Prose:
    """Generator of sentences over a world, deterministic for one random generator."""

    def __init__(self, world: World, rng: random.Random) -> None:
        self.world = world
        self.rng = rng

    def topic(self) -> str:
        """A topic word; a few are very common, most are rare (Zipf)."""
        if self.rng.random() < 0.02:
            return self.rng.choice(self.world.rare_topics)
        return self.rng.choices(self.world.topics, cum_weights=self.world.topic_cumulative)[0]

    def place(self) -> str:
        """An invented city."""
        return self.rng.choice(self.world.places)

    def country(self) -> str:
        """An invented country."""
        return self.rng.choice(self.world.countries)[0]

    def fill(self, template: str, people: Sequence[Person]) -> str:
        """Fill {t} {p} {c} {d} {n} {P} {Q} slots; each {t} is a fresh topic."""
        first = people[0].name if people else "The delegation"
        second = people[1].name if len(people) > 1 else "the envoy"
        parts = template.split("{t}")
        out = parts[0]
        for part in parts[1:]:
            out += self.topic() + part
        return (
            out.replace("{p}", self.place())
            .replace("{c}", self.country())
            .replace("{d}", self.country())
            .replace("{n}", str(self.rng.randint(2, 90)))
            .replace("{P}", first)
            .replace("{Q}", second)
        )

    def quote(self, sentences: int | None = None) -> str:
        """One to three sentences of speech."""
        count = sentences or self.rng.randint(1, 3)
        return " ".join(self.fill(self.rng.choice(_QUOTES), ()) for _ in range(count))

    def headline(self, people: Sequence[Person]) -> str:
        """An event headline naming its people."""
        return self.fill(self.rng.choice(_TITLES), people)

    def summary(self, people: Sequence[Person]) -> str:
        """Two or three sentences about an event, the first naming its people."""
        sentences = [self.fill(self.rng.choice(_NAMED), people)]
        sentences += [
            self.fill(self.rng.choice(_SUMMARIES), people) for _ in range(self.rng.randint(1, 2))
        ]
        return " ".join(sentences)
