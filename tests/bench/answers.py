"""Answer-path latency: Store query + rendering, beside the same lookup in raw sqlite3.

Each case runs the real path (bot.console.repl.answer_line + render_text, or the
Store's autocomplete) and, in the same run, the plain synchronous SQL that fetches
the same rows through the stdlib sqlite3 module: the floor.
"""

from __future__ import annotations

import itertools
import sqlite3
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot.answers import picture
from bot.answers.errors import UserError
from bot.answers.picture import timeline_picture
from bot.answers.requests import TimelineRequest
from bot.answers.timeline import Timeline, find_timeline
from bot.console.render import render_text
from bot.console.repl import answer_line
from db.read.store import DOCUMENTS_NAMED, QUOTE_CANDIDATES, Store, TimelineSpan
from db.records import TIMELINE_KEY_STEP
from db.text import STOPWORDS
from tests.bench.report import ms, percentile

TODAY = date(2025, 6, 1)
SAMPLES = 300
BUDGET_SECONDS = 3.0
MIN_SAMPLES = 10
TOP = "\U0010ffff"

_EVENT_SQL = (
    "SELECT e.id, e.date, e.title, e.summary, d.path, d.title,"
    " (SELECT group_concat(p.name, char(31)) FROM event_people ep"
    "  JOIN people p ON p.id = ep.person_id WHERE ep.event_id = e.id)"
    " FROM events e JOIN documents d ON d.id = e.document_id"
)
_QUOTE_SQL = (
    "SELECT q.id, p.name, q.text, q.date, q.context, q.fragment, d.path, d.title"
    " FROM quotes q JOIN documents d ON d.id = q.document_id"
    " LEFT JOIN people p ON p.id = q.speaker_id"
)


@dataclass(frozen=True, slots=True)
class Probes:
    """Query inputs chosen from the store itself, deterministically."""

    common: str
    rare: list[str]
    speakers: list[str]
    topic_prefixes: dict[int, list[str]]
    speaker_prefixes: dict[int, list[str]]
    # Crafted to be slow (issue 12): the most common event words, and the words whose
    # matches come latest (the old /timeline walked every earlier event first).
    event_common: list[str]
    event_late: list[str]


@dataclass(frozen=True, slots=True)
class Latency:
    """p50/p99 of one case through the Store and through raw sqlite3."""

    scale: int
    case: str
    samples: int
    p50_ms: float
    p99_ms: float
    floor_p50_ms: float
    floor_p99_ms: float

    @property
    def ratio(self) -> float:
        """How many times the floor the answer path's p99 is."""
        return round(self.p99_ms / self.floor_p99_ms, 2) if self.floor_p99_ms else 0.0

    def as_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {**asdict(self), "ratio_p99": self.ratio}


def probes(conn: sqlite3.Connection) -> Probes:
    """A very common and some rare topic words, speakers and autocomplete prefixes."""
    common = conn.execute("SELECT word FROM vocabulary ORDER BY quotes DESC, word LIMIT 1")
    rare = conn.execute("SELECT word FROM vocabulary ORDER BY quotes, word LIMIT 25")
    speakers = conn.execute(
        "SELECT name FROM people WHERE id IN (SELECT speaker_id FROM quotes"
        " WHERE speaker_id IS NOT NULL LIMIT 2000) ORDER BY id LIMIT 25"
    )
    words = [w for (w,) in conn.execute("SELECT word FROM vocabulary ORDER BY word")]
    names = [n for (n,) in conn.execute("SELECT name FROM people ORDER BY name")]
    event_common, event_late = _event_words(conn)
    return Probes(
        event_common=event_common,
        event_late=event_late,
        common=str(next(iter(common))[0]),
        rare=[str(w) for (w,) in rare],
        speakers=[str(s) for (s,) in speakers],
        topic_prefixes={n: _prefixes(words, n) for n in (1, 2, 3)},
        speaker_prefixes={n: _prefixes([x.lower() for x in names], n) for n in (1, 2, 3)},
    )


CRAFTED = "crafted: "  # the worst-case cases' names start so (see tests/bench/targets.py)
LATE_CANDIDATES = 400


def _event_words(conn: sqlite3.Connection) -> tuple[list[str], list[str]]:
    """The four commonest event words, and the five whose first match is latest among
    the LATE_CANDIDATES commonest that match at least 0.2% of events."""
    conn.execute(
        "CREATE VIRTUAL TABLE IF NOT EXISTS temp.event_terms USING fts5vocab(main, events_fts, row)"
    )
    events = int(conn.execute("SELECT count(*) FROM events").fetchone()[0])
    terms = [
        str(t)
        for (t,) in conn.execute(
            "SELECT term FROM temp.event_terms WHERE doc >= ? ORDER BY doc DESC, term LIMIT ?",
            (max(2, events // 500), LATE_CANDIDATES),
        )
        if str(t).isalpha() and len(str(t)) > 2 and str(t) not in STOPWORDS
    ]
    first: dict[str, int] = {}
    for term in terms:  # a stem that does not stem to itself matches nothing: left out
        found = conn.execute(
            "SELECT rowid FROM events_fts WHERE events_fts MATCH ? ORDER BY rowid LIMIT 1",
            (f'"{term}"',),
        ).fetchone()
        if found is not None:
            first[term] = int(found[0])
    terms = list(first)
    return terms[:4], sorted(terms, key=lambda t: (-first[t], t))[:5]


def _prefixes(words: Sequence[str], length: int) -> list[str]:
    """Up to 26 distinct prefixes of that length, spread over the sorted words."""
    found = sorted({w[:length] for w in words if len(w) >= length})
    step = max(1, len(found) // 26)
    return found[::step][:26]


Timed = Callable[[str], Awaitable[object]]
Floor = Callable[[sqlite3.Connection, str], object]


async def _measure(call: Timed, inputs: Sequence[str]) -> list[float]:
    for text in inputs:
        await call(text)  # warm the page cache, the statement cache and any set-up
    samples: list[float] = []
    deadline = time.perf_counter() + BUDGET_SECONDS
    while len(samples) < SAMPLES and (len(samples) < MIN_SAMPLES or time.perf_counter() < deadline):
        text = inputs[len(samples) % len(inputs)]
        started = time.perf_counter()
        await call(text)
        samples.append(time.perf_counter() - started)
    return samples


def _measure_floor(conn: sqlite3.Connection, floor: Floor, inputs: Sequence[str]) -> list[float]:
    for text in inputs[:3]:
        floor(conn, text)
    samples: list[float] = []
    deadline = time.perf_counter() + BUDGET_SECONDS
    while len(samples) < SAMPLES and (len(samples) < MIN_SAMPLES or time.perf_counter() < deadline):
        text = inputs[len(samples) % len(inputs)]
        started = time.perf_counter()
        floor(conn, text)
        samples.append(time.perf_counter() - started)
    return samples


# -- the floor: one plain synchronous lookup per case ----------------------------


def _floor_on_this_day(conn: sqlite3.Connection, md: str) -> object:
    month, day = (int(x) for x in md.split("-"))
    order = " ORDER BY {0}.year IS NULL, {0}.year, {0}.id LIMIT ?"
    events = conn.execute(
        _EVENT_SQL + " WHERE e.month = ? AND e.day = ?" + order.format("e"), (month, day, 25)
    ).fetchall()
    quotes = conn.execute(
        _QUOTE_SQL + " WHERE q.month = ? AND q.day = ? AND q.fragment = 0" + order.format("q"),
        (month, day, 10),
    ).fetchall()
    return events, quotes


def _floor_quote_match(conn: sqlite3.Connection, match: str) -> object:
    ranked = conn.execute(
        "SELECT rowid, bm25(quotes_fts, 1.0, 0.5, 0.0) FROM quotes_fts"
        " WHERE quotes_fts MATCH ? LIMIT ?",
        (match, QUOTE_CANDIDATES),
    ).fetchall()
    best = [r[0] for r in sorted(ranked, key=lambda r: (r[1], r[0]))[:6]]
    marks = ",".join("?" * len(best))
    return conn.execute(_QUOTE_SQL + f" WHERE q.id IN ({marks})", best).fetchall()


def _floor_topic(conn: sqlite3.Connection, word: str) -> object:
    return _floor_quote_match(conn, '{text context}: ("' + word + '")')


def _floor_speaker(conn: sqlite3.Connection, name: str) -> object:
    ids = [r[0] for r in conn.execute("SELECT id FROM people WHERE name = ?", (name,))]
    return _floor_quote_match(conn, "speaker: (" + " OR ".join(f'"p{i}"' for i in ids) + ")")


def _floor_timeline(conn: sqlite3.Connection, spec: str) -> object:
    """Unbounded count, the page and the last event; a topic read from events_fts in
    timeline-key order, as /timeline reads it, without its bounds."""
    word, start, end = spec.split("|")
    offset = 0
    if " page:" in word or word.startswith("page:"):
        word, number = word.rsplit("page:", 1)
        offset = (min(int(number), 10**6) - 1) * 8
    word = word.strip()
    if not word:
        where = "e.year IS NOT NULL AND e.sort_key BETWEEN ? AND ?"
        params: tuple[Any, ...] = (int(start), int(end))
        total = conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()
        page = conn.execute(
            _EVENT_SQL + f" WHERE {where} ORDER BY e.sort_key, e.id LIMIT 8 OFFSET ?",
            (*params, offset),
        ).fetchall()
        last = conn.execute(
            _EVENT_SQL + f" WHERE {where} ORDER BY e.sort_key DESC, e.id DESC LIMIT 1", params
        ).fetchall()
        return total, page, last
    match = " AND ".join(f'"{w}"' for w in word.split())
    keys = (int(start) * TIMELINE_KEY_STEP, int(end) * TIMELINE_KEY_STEP + TIMELINE_KEY_STEP - 1)
    matches = "FROM events_fts WHERE events_fts MATCH ? AND rowid BETWEEN ? AND ?"
    total = conn.execute(f"SELECT count(*) {matches}", (match, *keys)).fetchone()
    ids = [
        int(r[0]) % TIMELINE_KEY_STEP
        for r in conn.execute(
            f"SELECT rowid {matches} ORDER BY rowid LIMIT 8 OFFSET ?", (match, *keys, offset)
        )
    ]
    ids += [
        int(r[0]) % TIMELINE_KEY_STEP
        for r in conn.execute(f"SELECT rowid {matches} ORDER BY rowid DESC LIMIT 1", (match, *keys))
    ]
    marks = ",".join("?" * len(ids))
    return total, conn.execute(_EVENT_SQL + f" WHERE e.id IN ({marks})", ids).fetchall()


def _floor_key_moments(conn: sqlite3.Connection, spec: str) -> object:
    """The naive selection: the most salient match of each eighth of the span, each an
    unbounded ORDER BY salience over the eighth's matches (no sampling, no time limit)."""
    word, start, end = spec.split("|")
    low, high = int(start), int(end)
    cuts = [low + (high - low) * i // 8 for i in range(9)]
    found = []
    for a, b in itertools.pairwise(cuts):
        if word:
            keys = (a * TIMELINE_KEY_STEP, b * TIMELINE_KEY_STEP - 1)
            sql = (
                "SELECT e.id FROM events_fts f JOIN events e"
                f" ON e.id = f.rowid % {TIMELINE_KEY_STEP}"
                " WHERE events_fts MATCH ? AND f.rowid BETWEEN ? AND ?"
                " ORDER BY e.salience DESC LIMIT 1"
            )
            found += conn.execute(sql, (f'"{word}"', *keys)).fetchall()
        else:
            sql = (
                "SELECT id FROM events WHERE year IS NOT NULL AND sort_key BETWEEN ? AND ?"
                " ORDER BY salience DESC, sort_key LIMIT 1"
            )
            found += conn.execute(sql, (a, b - 1)).fetchall()
    marks = ",".join("?" * len(found))
    return conn.execute(_EVENT_SQL + f" WHERE e.id IN ({marks})", [i for (i,) in found]).fetchall()


def _floor_complete_topic(conn: sqlite3.Connection, prefix: str) -> object:
    return conn.execute(
        "SELECT word FROM vocabulary WHERE word >= ? AND word < ? ORDER BY quotes DESC LIMIT 25",
        (prefix, prefix + TOP),
    ).fetchall()


def _floor_complete_speaker(conn: sqlite3.Connection, prefix: str) -> object:
    return conn.execute(
        "SELECT DISTINCT p.name FROM aliases a JOIN people p ON p.id = a.person_id"
        " WHERE a.norm >= ? AND a.norm < ? LIMIT 25",
        (prefix, prefix + TOP),
    ).fetchall()


def _floor_complete_document(conn: sqlite3.Connection, typed: str) -> object:
    like = f"%{typed}%"
    return conn.execute(DOCUMENTS_NAMED, {"like": like, "limit": 25}).fetchall()


# -- the cases -----------------------------------------------------------------------


def _line(store: Store) -> Timed:
    async def call(line: str) -> object:
        try:
            return render_text(await answer_line(store, line, TODAY))
        except UserError as error:  # a refusal is an answer too (a crafted page, say)
            return error.explain()

    return call


def _key_moments(store: Store, word: str) -> Timed:
    """Store.key_moments alone, over the span that timeline_span finds (not timed)."""
    spans: dict[str, TimelineSpan] = {}

    async def call(bounds: str) -> object:
        if bounds not in spans:
            start, end = (int(b) for b in bounds.split("|"))
            spans[bounds] = await store.timeline_span(
                [word] if word else [], start=start, end=end, limit=8
            )
        span = spans[bounds]
        if span.first is None or span.last is None:
            return []
        return await store.key_moments(
            [word] if word else [], span.first, span.last, matches=span.total
        )

    return call


PICTURE = "/timeline picture, drawn afresh"


def _picture(store: Store) -> Timed:
    """timeline_picture for the key moments of a wide range, its cache emptied first:
    the density query and the drawing (the answer itself is found once, not timed)."""
    answers: dict[str, Timeline] = {}

    async def call(bounds: str) -> object:
        if bounds not in answers:
            start, end = (int(b) for b in bounds.split("|"))
            answers[bounds] = await find_timeline(store, TimelineRequest("", start, end))
        picture._cache.clear()
        return await timeline_picture(store, answers[bounds], waiting=False)

    return call


def _documents_named(store: Store) -> Timed:
    """/sources remove's autocomplete: documents whose title or path holds what was typed."""

    async def call(typed: str) -> object:
        return await store.documents_named(typed)

    return call


# What /sources remove's autocomplete is typed: words of the titles and numbers in the
# file names, each matching many documents; and strings matching none, which walk
# every document (the worst case).
DOCUMENT_TYPED = ["c", "ch", "chr", "chronicle 1", "7", "42", "0001", "generated"]
DOCUMENT_UNMATCHED = ["zq", "qqqq", "chronicle x", "9x9"]


def _sync(fn: Callable[[str], object]) -> Timed:
    async def call(text: str) -> object:
        return fn(text)

    return call


def cases(store: Store, p: Probes) -> list[tuple[str, Timed, Sequence[str], Floor, Sequence[str]]]:
    """(name, answer call, its inputs, floor call, its inputs) for every measured query."""
    days = [
        f"{m:02d}-{d:02d}" for m, d in zip(range(1, 13), (3, 7, 11, 15, 19, 23) * 2, strict=True)
    ]
    wide = [(1850 + i, 2024 - i) for i in range(10)]
    line = _line(store)
    out: list[tuple[str, Timed, Sequence[str], Floor, Sequence[str]]] = [
        ("/onthisday", line, [f"/onthisday {d}" for d in days], _floor_on_this_day, days),
        ("/quote rare word", line, [f"/quote {w}" for w in p.rare], _floor_topic, p.rare),
        ("/quote common word", line, [f"/quote {p.common}"], _floor_topic, [p.common]),
        (
            "/quote speaker only",
            line,
            [f"/quote {s}" for s in p.speakers],
            _floor_speaker,
            p.speakers,
        ),
        (
            "/timeline wide range",
            line,
            [f"/timeline from:{a} to:{b} full:true" for a, b in wide],
            _floor_timeline,
            [f"|{a}0000|{b}1231" for a, b in wide],
        ),
        (
            "/timeline common word",
            line,
            [f"/timeline {p.common} from:{a} to:{b} full:true" for a, b in wide],
            _floor_timeline,
            [f"{p.common}|{a}0000|{b}1231" for a, b in wide],
        ),
        (
            "/timeline key moments, wide range",
            line,
            [f"/timeline from:{a} to:{b}" for a, b in wide],
            _floor_key_moments,
            [f"|{a}0000|{b}1231" for a, b in wide],
        ),
        (
            "/timeline key moments, common word",
            line,
            [f"/timeline {p.common} from:{a} to:{b}" for a, b in wide],
            _floor_key_moments,
            [f"{p.common}|{a}0000|{b}1231" for a, b in wide],
        ),
        (
            "key-moment selection alone, wide range",
            _key_moments(store, ""),
            [f"{a}0000|{b}1231" for a, b in wide],
            _floor_key_moments,
            [f"|{a}0000|{b}1231" for a, b in wide],
        ),
        (
            PICTURE,
            _picture(store),
            [f"{a}0000|{b}1231" for a, b in wide],
            _floor_key_moments,
            [f"|{a}0000|{b}1231" for a, b in wide],
        ),
        (
            "key-moment selection alone, common word",
            _key_moments(store, p.common),
            [f"{a}0000|{b}1231" for a, b in wide],
            _floor_key_moments,
            [f"{p.common}|{a}0000|{b}1231" for a, b in wide],
        ),
    ]
    common, late = " ".join(p.event_common[:1]), p.event_late
    everything = "|-1000000000|1000000000"
    out += [
        (
            f"{CRAFTED}/timeline late-clustered word",
            line,
            [f"/timeline {w}" for w in late],
            _floor_timeline,
            [f"{w}{everything}" for w in late],
        ),
        (
            f"{CRAFTED}/timeline deep page",
            line,
            [f"/timeline {common} page:{n}" for n in (1_000, 5_000, 12_000)],
            _floor_timeline,
            [f"{common} page:{n}{everything}" for n in (1_000, 5_000, 12_000)],
        ),
        (
            f"{CRAFTED}/timeline huge page number",
            line,
            [f"/timeline {w}page:99999999999999999999" for w in (f"{common} ", "")],
            _floor_timeline,
            [f"{w}page:1000000{everything}" for w in (f"{common} ", "")],
        ),
        (
            f"{CRAFTED}/timeline 4 commonest words",
            line,
            [f"/timeline {' '.join(p.event_common)}"],
            _floor_timeline,
            [f"{' '.join(p.event_common)}{everything}"],
        ),
        (
            "/sources remove autocomplete",
            _documents_named(store),
            DOCUMENT_TYPED,
            _floor_complete_document,
            DOCUMENT_TYPED,
        ),
        (
            f"{CRAFTED}/sources remove autocomplete, no match",
            _documents_named(store),
            DOCUMENT_UNMATCHED,
            _floor_complete_document,
            DOCUMENT_UNMATCHED,
        ),
        (
            f"{CRAFTED}complete_topic empty",
            _sync(store.complete_topic),
            [""],
            _floor_complete_topic,
            [""],
        ),
        (
            f"{CRAFTED}complete_speaker empty",
            _sync(store.complete_speaker),
            [""],
            _floor_complete_speaker,
            [""],
        ),
    ]
    for n in (1, 2, 3):
        out.append(
            (
                f"complete_topic {n}-char",
                _sync(store.complete_topic),
                p.topic_prefixes[n],
                _floor_complete_topic,
                p.topic_prefixes[n],
            )
        )
    for n in (1, 2, 3):
        out.append(
            (
                f"complete_speaker {n}-char",
                _sync(store.complete_speaker),
                p.speaker_prefixes[n],
                _floor_complete_speaker,
                p.speaker_prefixes[n],
            )
        )
    return out


@dataclass(frozen=True, slots=True)
class ScaleResult:
    """All cases at one store size, and how long the Store took to open."""

    scale: int
    open_seconds: float
    latencies: list[Latency]


async def bench_answers(path: Path, scale: int, only: Sequence[str] = ()) -> ScaleResult:
    """Measure every case against the store file at path."""
    conn = sqlite3.connect(path)
    try:
        found = probes(conn)  # before query_only: it makes a temporary fts5vocab table
        conn.execute("PRAGMA query_only = ON")
        started = time.perf_counter()
        # The bench repeats a few queries: with the ranked-search cache on it would
        # measure the cache, so every search is ranked afresh here.
        store = await Store.open(path, ranked_cache=0)
        opened = time.perf_counter() - started
        try:
            results: list[Latency] = []
            for name, call, inputs, floor, floor_inputs in cases(store, found):
                if only and not any(o in name for o in only):
                    continue
                answer = await _measure(call, inputs)
                plain = _measure_floor(conn, floor, floor_inputs)
                results.append(
                    Latency(
                        scale,
                        name,
                        len(answer),
                        ms(percentile(answer, 50)),
                        ms(percentile(answer, 99)),
                        ms(percentile(plain, 50)),
                        ms(percentile(plain, 99)),
                    )
                )
        finally:
            await store.close()
    finally:
        conn.close()
    return ScaleResult(scale, round(opened, 3), results)
