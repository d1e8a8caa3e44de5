"""/quote: the best attributed quote for a search, and what to say when none matches."""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass, field

from bot.answers.bounds import answered_in_time
from bot.answers.requests import QuoteRequest
from db.read.store import Store
from db.records import Quote
from db.text import STOPWORDS, words

QUOTE_MORE = 5  # other matches a quote answer carries besides the best one

# When a speaker has no quote on a topic: the best quotes on it read, people named.
OTHERS_READ = 20

OTHERS_SHOWN = 3


@dataclass(frozen=True, slots=True)
class QuoteAnswer:
    """The best quote for a query, the rest of the matches, and why none matched."""

    query: str
    speakers: list[str]
    topic: list[str]
    quote: Quote | None
    more: list[Quote]
    total: int
    unmatched: list[str] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    # When the speakers have no quote on the topic: who has (up to OTHERS_SHOWN).
    others: list[str] = field(default_factory=list)
    # True when at least `total` quotes match: only a bounded sample is ranked.
    total_is_lower_bound: bool = False
    # True when every match had been shown ("Another quote") and the round began again.
    restarted: bool = False


@answered_in_time
async def find_quote(store: Store, request: QuoteRequest) -> QuoteAnswer:
    """Split the query into speakers and topic, then the best unseen matching quote."""
    query, speaker, seen = request.query, request.speaker, request.seen
    speakers, topic = split_query(store, query)
    if speaker and speaker.strip():
        named = store.speakers_named(speaker)
        if not named:
            return _no_speaker(store, query, speaker, topic)
        speakers = sorted(named)
    # Only what is shown is read in full; the count comes with the ranking (bounded).
    search = await store.search_quotes_counted(topic, speakers, exclude=seen, limit=1 + QUOTE_MORE)
    restarted = bool(search.total and not search.quotes)
    if restarted:  # every match was shown: start the round again, and say so
        search = await store.search_quotes_counted(topic, speakers, limit=1 + QUOTE_MORE)
    unseen = surface_first(search.quotes, topic)
    if not unseen:
        unknown = [w for w in topic if not store.is_topic_word(w)]
        if speakers and topic and not unknown:  # known words: others may have said them
            others = await _others_on(store, topic, speakers)
            if others:
                return QuoteAnswer(query, speakers, topic, None, [], 0, topic, others=others)
        unmatched = unknown or topic
        suggestions = _close_topics(store, unmatched)
        return QuoteAnswer(query, speakers, topic, None, [], 0, unmatched, suggestions)
    return QuoteAnswer(
        query,
        speakers,
        topic,
        unseen[0],
        unseen[1:],
        search.total,
        total_is_lower_bound=search.total_is_lower_bound,
        restarted=restarted,
    )


async def _others_on(store: Store, topic: list[str], speakers: list[str]) -> list[str]:
    """Up to OTHERS_SHOWN people quoted on the topic, most relevant first, not the speakers."""
    found = await store.search_quotes(topic, limit=OTHERS_READ)
    named = (q.speaker for q in found if q.speaker and q.speaker not in speakers)
    return list(dict.fromkeys(named))[:OTHERS_SHOWN]


def split_query(store: Store, query: str) -> tuple[list[str], list[str]]:
    """Words that name a known person (alone or as a pair) filter; the rest is topic."""
    tokens = [w for w in words(query) if w]
    speakers: set[str] = set()
    topic: list[str] = []
    i = 0
    while i < len(tokens):
        pair = " ".join(tokens[i : i + 2])
        if i + 1 < len(tokens) and store.speakers_named(pair):
            speakers |= store.speakers_named(pair)
            i += 2
            continue
        named = store.speakers_named(tokens[i])
        if named:
            speakers |= named
        elif tokens[i] not in STOPWORDS and tokens[i] not in topic:
            topic.append(tokens[i])
        i += 1
    return sorted(speakers), topic


def _no_speaker(store: Store, query: str, speaker: str, topic: list[str]) -> QuoteAnswer:
    close = difflib.get_close_matches(speaker, store.speaker_names(), n=3, cutoff=0.4)
    close += [n for n in store.complete_speaker(speaker, 3) if n not in close]
    return QuoteAnswer(query, [], topic, None, [], 0, [speaker], close[:3])


def _close_topics(store: Store, unmatched: Sequence[str]) -> list[str]:
    suggestions: list[str] = []
    for word in unmatched:
        candidates = store.complete_topic(word[:3], limit=200)
        suggestions += difflib.get_close_matches(word, candidates, n=3, cutoff=0.6)
    return list(dict.fromkeys(suggestions))[:5]


def surface_first(quotes: Sequence[Quote], topic: Sequence[str]) -> list[Quote]:
    """The quotes that use every topic word as typed, then those that only share its
    stem, each group in rank order.

    The index stems words ("communism" and "community" are both "commun"), so a short
    quote about a community can outrank one about communism; among the quotes read
    for an answer, the ones that say what was asked come first.
    """
    wanted = set(topic)
    if not wanted:
        return list(quotes)
    return sorted(quotes, key=lambda q: not wanted <= set(words(f"{q.text} {q.context or ''}")))
