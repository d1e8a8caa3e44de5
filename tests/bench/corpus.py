"""Deterministic text corpus in the two shapes of seeds/: web news articles and dated timelines.

Document i of a seed depends only on (seed, i), so a 1 MB corpus is the first
files of the 10 MB one, and the same seed always writes the same bytes.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

from db.records import PartialDate
from tests.bench.prose import Prose
from tests.bench.world import Person, World, day_date, long_date, make_world

DEFAULT_SEED = 1729
_SAYS = ("says", "said", "replied", "added", "noted", "warned", "explained")
_LINKS = ("Special Report", "Timeline", "Analysis", "Photo gallery", "Interactive map", "Archive")


def _opening(quote: str) -> str:
    """A quote that an attribution follows: its final full stop becomes a comma."""
    return quote[:-1] + "," if quote.endswith(".") else quote


def _self(person: Person) -> str:
    return "himself" if person.pronoun == "he" else "herself"


def _pick_people(rng: random.Random, world: World, low: int, high: int) -> list[Person]:
    return rng.sample(world.people, rng.randint(low, high))


def _later(rng: random.Random, when: PartialDate) -> PartialDate:
    """A day a few weeks to two years after when (years never wrap past 2030)."""
    later = date(when.year or 1900, when.month or 1, when.day or 1) + timedelta(
        days=rng.randint(5, 700)
    )
    return PartialDate(later.year, later.month, later.day, "day")


def timeline_text(world: World, rng: random.Random) -> str:
    """A dated timeline: `Month D, YYYY: headline` sections with quotes and photo captions."""
    prose = Prose(world, rng)
    cast = _pick_people(rng, world, 2, 5)
    when = day_date(rng)
    lines: list[str] = []
    for _ in range(rng.randint(6, 14)):
        who = rng.sample(cast, 2)
        headline = prose.headline(who)
        if rng.random() < 0.3:
            headline += f", says the {prose.topic()} feels “{prose.topic()}”"
        lines.append(f"{long_date(when)}: {headline}")
        lines.append(prose.summary(who))
        lines += _timeline_quotes(prose, rng, who)
        if rng.random() < 0.5:
            lines.append(
                f"{who[0].name} (left) and {who[1].name} during talks in {prose.place()},"
                f" {long_date(when)}."
            )
        when = _later(rng, when)
    return "\n".join(lines) + "\n"


def _timeline_quotes(prose: Prose, rng: random.Random, who: list[Person]) -> list[str]:
    first, second = who
    lines = [f"{first.family} says the {prose.topic()} matters: “{prose.quote()}”"]
    if rng.random() < 0.7:
        lines.append(f"“{_opening(prose.quote())}” {first.pronoun} {rng.choice(_SAYS)}.")
    if rng.random() < 0.6:
        lines.append(f"{second.name} {rng.choice(_SAYS)}: “{prose.quote()}”")
    if rng.random() < 0.4:
        lines.append(
            f"The {prose.topic()} talks ended with {second.family}ʼs promise that"
            f" {prose.country()}ʼs {prose.topic()} would stay open."
        )
    return lines


def news_text(world: World, rng: random.Random) -> str:
    """A web news article: page furniture, byline, dateline and attributed quotes."""
    prose = Prose(world, rng)
    lead, other, expert = _pick_people(rng, world, 3, 3)
    reporter = rng.choice(world.people)
    agency = rng.choice(world.places).upper()[:4]
    city = prose.place()
    when = day_date(rng)
    org = rng.choice(world.orgs)
    links = rng.sample(_LINKS, 4)
    out = [
        "Skip to main content /WORLD /WORLD",
        "",
        " » " + "  |  ".join(links),
        "",
        prose.headline([lead, other]),
        "",
        f"{lead.family} {other.family}",
        f"{lead.family}, left, and {other.family} have met {rng.randint(2, 9)} times  ",
        "",
        f"By {agency} {city} Bureau Chief {reporter.name}",
        "",
        f"{city.upper()}, {lead.country} ({agency}) -- On {long_date(when)}, {lead.adjective}"
        f" {lead.role.title()} {lead.name} called {other.name} about the {prose.topic()}.",
        "",
        f'"{_opening(prose.quote())}" {lead.family} said later in a televised address.',
        "",
        f'"{prose.quote()}"',
        "",
    ]
    out += [f" • {prose.headline([rng.choice(world.people)])} " for _ in range(rng.randint(4, 8))]
    later = _later(rng, when)
    out += [
        "",
        f"On {long_date(later)}, {lead.name} and {other.name} met in {prose.place()}."
        f" {prose.summary([lead, other])}",
        "",
        f'"{_opening(prose.quote())}" {lead.pronoun} {rng.choice(_SAYS)}.',
        "",
        f'"{_opening(prose.quote())}" says {expert.name} of the {org}.',
        "",
        f'"{prose.quote()}"',
        "",
        f"{lead.family}, says {expert.family}, was leading the {prose.topic()} in a new direction.",
        "",
        f'"{_opening(prose.quote())}" {expert.family} says.',
        "",
        f"In return, {lead.country} got:",
        "",
    ]
    out += [f"  • a new role in the {prose.topic()}." for _ in range(rng.randint(2, 5))]
    out += [
        "",
        f"    {lead.family} {_self(lead)} calls {long_date(when)[:-6]} a “turning point”.",
        "",
        "    Back to the top",
        "",
    ]
    return "\n".join(out)


def document_text(seed: int, index: int) -> tuple[str, str]:
    """File name and text of document `index` of the corpus of `seed`."""
    world = make_world(seed)
    rng = random.Random(f"almanac-bench-doc:{seed}:{index}")
    if rng.random() < 0.5:
        return f"{index:06d}_timeline.txt", timeline_text(world, rng)
    return f"{index:06d}_news.txt", news_text(world, rng)


def documents(seed: int) -> Iterator[tuple[str, str]]:
    """Every document of a seed, in order (endless)."""
    index = 0
    while True:
        yield document_text(seed, index)
        index += 1


def write_corpus(folder: Path, size: int, seed: int = DEFAULT_SEED) -> list[Path]:
    """Write documents into folder until they hold at least size bytes; the files, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    total = 0
    for name, text in documents(seed):
        if total >= size:
            break
        data = text.encode("utf-8")
        path = folder / name
        path.write_bytes(data)
        written.append(path)
        total += len(data)
    return written
