"""Generated ParsedDocument records, for stores too large to build by parsing text.

The records use the same invented world and sentences as the text corpus and go
through the real writer (db.write.rows.insert_document); only the extractor is skipped.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterator
from dataclasses import dataclass

from db.records import (
    EventRecord,
    ParsedDocument,
    PartialDate,
    PersonRecord,
    QuoteRecord,
    Span,
)
from tests.bench.prose import Prose
from tests.bench.world import Person, World, day_date, make_world, random_date

_CONTEXTS = ("televised address", "press conference", "state banquet", "radio interview")


@dataclass(frozen=True, slots=True)
class GeneratedDocument:
    """What insert_document needs: key, hash, size and the parsed document."""

    key: str
    sha256: str
    size: int
    document: ParsedDocument


def people_for(events: int) -> int:
    """How many distinct persons a store of this many events has (grows with it)."""
    return max(400, events // 50)


def _person_record(person: Person) -> PersonRecord:
    return PersonRecord(person.name, {person.family, f"the {person.adjective} {person.role}"})


def _quote(prose: Prose, rng: random.Random, cast: list[Person], world: World) -> QuoteRecord:
    roll = rng.random()
    date: PartialDate | None = day_date(rng) if roll < 0.7 else None
    if 0.7 <= roll < 0.8:
        date = random_date(rng)
    speaker = rng.choice(cast).name if rng.random() < 0.92 else None
    if rng.random() < 0.03:
        text = prose.topic()
        return QuoteRecord(speaker, text, date, None, True, Span(0, len(text)))
    text = prose.quote()
    context = None
    if rng.random() < 0.3:
        context = rng.choice(_CONTEXTS) if rng.random() < 0.5 else rng.choice(world.orgs)
    return QuoteRecord(speaker, text, date, context, False, Span(0, len(text)))


def generated_document(
    seed: int, index: int, events: int, quotes: int, people: int
) -> GeneratedDocument:
    """Document `index` of a generated store: `events` events and `quotes` quotes."""
    world = make_world(seed, people)
    rng = random.Random(f"almanac-bench-records:{seed}:{index}")
    prose = Prose(world, rng)
    cast = rng.sample(world.people, 6)
    event_records = []
    for n in range(events):
        who = rng.sample(cast, 2)
        title = prose.headline(who)
        summary = prose.summary(who)
        # One event in five heads a dated section (salience for /timeline's key
        # moments); not drawn from rng, so the rest of the corpus stays as it was.
        event_records.append(
            EventRecord(
                random_date(rng),
                title,
                summary,
                [p.name for p in who],
                Span(0, len(summary)),
                heading=n % 5 == 0,
            )
        )
    quote_records = [_quote(prose, rng, cast, world) for _ in range(quotes)]
    size = sum(len(e.summary) + len(e.title) for e in event_records)
    size += sum(len(q.text) for q in quote_records)
    key = f"generated/{seed}/{index:07d}.txt"
    document = ParsedDocument(
        title=f"Generated chronicle {index}",
        published=None,
        people=[_person_record(p) for p in cast],
        events=event_records,
        quotes=quote_records,
    )
    return GeneratedDocument(key, hashlib.sha256(key.encode()).hexdigest(), size, document)


def generated_documents(
    seed: int, events: int, quotes: int, per_document: int = 100
) -> Iterator[GeneratedDocument]:
    """Documents holding exactly `events` events and `quotes` quotes in all."""
    count = max(1, -(-max(events, quotes) // per_document))
    people = people_for(events)
    for index in range(count):
        e = events * (index + 1) // count - events * index // count
        q = quotes * (index + 1) // count - quotes * index // count
        yield generated_document(seed, index, e, q, people)
