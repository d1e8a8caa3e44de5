"""Discord renderings: never over a Discord limit, always citing the document."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date

import discord
import pytest

from bot.answers.onthisday import OnThisDay
from bot.answers.quote import QuoteAnswer
from bot.answers.sources import Sources
from bot.answers.timeline import Timeline
from bot.answers.when import MonthDay
from bot.discord_bot import render as rd
from db.records import DocumentSummary, Event, PartialDate, Quote, Source

TODAY = date(2026, 6, 16)
LONG_WORDS = "Putin and Bush discussed the missile shield at length again "


def long_text(chars: int) -> str:
    """Words (not one unbreakable blob) of about `chars` characters."""
    return (LONG_WORDS * (chars // len(LONG_WORDS) + 1))[:chars]


def source(n: int = 0, title_chars: int = 40) -> Source:
    return Source(path=f"seeds/doc{n}.txt", title=long_text(title_chars).strip() or "Doc")


def event(i: int = 0, chars: int = 80, year: int | None = 2001, src: Source | None = None) -> Event:
    when = PartialDate(year, 6, 16, "day") if year else PartialDate(None, 6, 16, "month-day")
    return Event(
        id=i,
        date=when,
        title=f"Event {i}: " + long_text(chars),
        summary=long_text(chars * 2),
        people=("George W. Bush", "Vladimir Putin"),
        source=src or source(i % 3),
    )


def quote(i: int = 0, chars: int = 120, context: int = 30, speaker_chars: int = 0) -> Quote:
    return Quote(
        id=i,
        speaker="Vladimir Putin" + long_text(speaker_chars),
        text=long_text(chars),
        date=PartialDate(2001, 6, 16, "day"),
        context=long_text(context) or None,
        fragment=False,
        source=source(i % 2),
    )


def day_answer(events: list[Event], quotes: list[Quote]) -> OnThisDay:
    return OnThisDay(MonthDay(6, 16), TODAY, events, quotes)


def quote_answer(q: Quote | None, total: int = 3, query: str = "putin nato") -> QuoteAnswer:
    return QuoteAnswer(query, ["Vladimir Putin"], ["nato"], q, [], total)


def timeline_answer(events: list[Event], query: str = "nato", total: int | None = None) -> Timeline:
    people = sorted({p for e in events for p in e.people})
    count = len(events) if total is None else total
    return Timeline(query, events, count, 1, max(1, -(-count // 8)), events[0], events[-1], people)


def sources_answer(count: int, title_chars: int = 60) -> Sources:
    docs = [
        DocumentSummary(f"seeds/doc{i}.txt", long_text(title_chars), None, i, 2 * i)
        for i in range(count)
    ]
    return Sources(docs)


Render = Callable[[], list[discord.Embed]]

CASES: dict[str, Render] = {
    "day: one event": lambda: rd.on_this_day_embeds(day_answer([event()], [])),
    "day: long event texts": lambda: rd.on_this_day_embeds(
        day_answer([event(i, 20_000) for i in range(40)], [])
    ),
    "day: many quotes": lambda: rd.on_this_day_embeds(
        day_answer([event(i, 900) for i in range(12)], [quote(i, 30_000, 3000) for i in range(30)])
    ),
    "day: quotes only": lambda: rd.on_this_day_embeds(day_answer([], [quote(1, 9000)])),
    "day: unknown year": lambda: rd.on_this_day_embeds(day_answer([event(2, year=None)], [])),
    "day: huge source titles": lambda: rd.on_this_day_embeds(
        day_answer([event(i, 100, src=source(i, 5000)) for i in range(25)], [])
    ),
    "quote: short": lambda: rd.quote_reply(quote_answer(quote())).embeds,
    "quote: enormous": lambda: (
        rd.quote_reply(quote_answer(quote(1, 50_000, 5000, 500), 200, long_text(400))).embeds
    ),
    "timeline: a page": lambda: rd.timeline_embeds(timeline_answer([event(i) for i in range(8)])),
    "timeline: long lines": lambda: rd.timeline_embeds(
        timeline_answer([event(i, 5000, src=source(i, 900)) for i in range(8)], long_text(300), 900)
    ),
    "timeline: many people": lambda: rd.timeline_embeds(
        timeline_answer(
            [
                Event(i, PartialDate(2001, 1, 1, "day"), "t", "s", (f"Person {j}" * 9,), source())
                for i, j in enumerate(range(300))
            ]
        )
    ),
    "sources: two": lambda: rd.sources_embeds(sources_answer(2)),
    "sources: hundreds": lambda: rd.sources_embeds(sources_answer(500, 300)),
}


def assert_within_limits(embeds: list[discord.Embed]) -> None:
    """Every Discord limit on embeds, checked on the payload discord.py would send."""
    assert 1 <= len(embeds) <= rd.EMBEDS_MAX
    assert sum(len(e) for e in embeds) <= rd.TOTAL_MAX
    for embed in embeds:
        data = embed.to_dict()
        assert len(data.get("title", "")) <= rd.TITLE_MAX
        assert len(data.get("description", "")) <= rd.DESCRIPTION_MAX
        assert len(data.get("footer", {}).get("text", "")) <= rd.FOOTER_MAX
        assert len(data.get("author", {}).get("name", "")) <= rd.AUTHOR_MAX
        fields = data.get("fields", [])
        assert len(fields) <= rd.FIELDS_MAX
        for field in fields:
            assert 0 < len(field["name"]) <= rd.FIELD_NAME_MAX
            assert 0 < len(field["value"]) <= rd.FIELD_VALUE_MAX


def cites_a_source(embed: discord.Embed) -> bool:
    """The embed names a document (footer, a field or, for /sources, its lines)."""
    texts = [embed.footer.text or "", embed.description or ""]
    texts += [f.value or "" for f in embed.fields]
    return any("doc" in t and ".txt" in t for t in texts)


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_limits_never_exceeded(case: str) -> None:
    """However long the texts, every embed stays within Discord's limits."""
    assert_within_limits(CASES[case]())


@pytest.mark.parametrize("case", list(CASES), ids=list(CASES))
def test_every_embed_cites_a_source(case: str) -> None:
    """Every embed that shows almanac content cites the document it came from."""
    assert all(cites_a_source(e) for e in CASES[case]())


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("short", 10, "short"),
        ("exactly ten", 11, "exactly ten"),
        ("the quick brown fox jumps", 16, "the quick brown…"),
        ("the quick brown, fox", 17, "the quick brown…"),
        ("abcdefghijklmnopqrstuvwxyz", 10, "abcdefghi…"),
        ("anything", 1, "…"),
        ("anything", 0, ""),
    ],
)
def test_shorten_cuts_at_word_boundaries(text: str, limit: int, expected: str) -> None:
    """Long text is cut at a word boundary and marked with an ellipsis, within the limit."""
    assert rd.shorten(text, limit) == expected
    assert len(rd.shorten(text, limit)) <= limit


def test_fit_message_trims_many_big_embeds() -> None:
    """Twelve full embeds become at most ten within 6,000 chars, saying what was left out."""
    embeds = []
    for i in range(12):
        embed = rd.new_embed(f"E{i}", long_text(4096))
        for j in range(25):
            rd.add_field(embed, f"f{j}", long_text(1024))
        embeds.append(embed)
    fitted = rd.fit_message(embeds)
    assert_within_limits(fitted)
    assert "more not shown" in (fitted[-1].footer.text or "")


def test_on_this_day_shows_years_ago_and_timestamp() -> None:
    """Each event shows its year, 'N years ago' and a Discord timestamp when it has a full date."""
    embed = rd.on_this_day_embeds(day_answer([event(1), event(2, year=1954)], []))[0]
    names = [f.name for f in embed.fields]
    assert names == ["2001 · 25 years ago", "1954 · 72 years ago"]
    assert embed.fields[0].value is not None
    assert embed.fields[0].value.startswith("<t:992692800:D>")  # 2001-06-16 12:00 UTC
    assert "<t:" not in (embed.fields[1].value or "")  # Discord timestamps start in 1970


def test_on_this_day_quotes_are_listed() -> None:
    """Quotes said that day come in their own embed with the speaker and the year."""
    embeds = rd.on_this_day_embeds(day_answer([event()], [quote(7, context=0)]))
    assert embeds[1].title == "Said that day"
    assert embeds[1].fields[0].name == "Vladimir Putin · 2001 (25 years ago)"


def test_empty_day_names_nearest_anniversaries() -> None:
    """An empty day says so kindly and points at the nearest days before and after."""
    answer = OnThisDay(MonthDay(6, 17), TODAY, [], [], MonthDay(6, 16), MonthDay(9, 11))
    [embed] = rd.on_this_day_embeds(answer)
    assert "June 16" in (embed.description or "")
    assert "September 11" in (embed.description or "")


def test_quote_embed_has_text_speaker_date_context_source() -> None:
    """The quote embed carries the words, speaker, date, context, source and the search."""
    [embed] = rd.quote_reply(quote_answer(quote(3, context=20)), "Putin").embeds
    assert embed.title == "Vladimir Putin"
    assert (embed.description or "").startswith("“Putin and Bush")
    assert [f.name for f in embed.fields] == ["Date", "Context"]
    assert "June 16, 2001" in (embed.fields[0].value or "")
    assert "doc1.txt" in (embed.footer.text or "")
    assert "quote 1 of 3" in (embed.footer.text or "")
    assert rd.search_of(embed) == ("putin nato", "Putin")


@pytest.mark.parametrize(
    ("answer", "phrases"),
    [
        (
            QuoteAnswer("x", [], ["nato"], None, [], 0, ["Pootin"], ["Vladimir Putin"]),
            ["“Pootin”", "Vladimir Putin", "speaker"],
        ),
        (
            QuoteAnswer(
                "putin natoo", ["Vladimir Putin"], ["natoo"], None, [], 0, ["natoo"], ["nato"]
            ),
            ["“natoo”", "by Vladimir Putin", "Did you mean: nato"],
        ),
        (QuoteAnswer("bush", ["George W. Bush"], [], None, [], 0), ["no quote by George W. Bush"]),
    ],
)
def test_no_quote_says_what_did_not_match(answer: QuoteAnswer, phrases: list[str]) -> None:
    """No match: an ephemeral line naming the part that matched nothing and suggestions."""
    reply = rd.quote_reply(answer)
    assert reply.ephemeral
    assert reply.embeds == []
    assert reply.content is not None
    assert len(reply.content) <= rd.CONTENT_MAX
    for phrase in phrases:
        assert phrase in reply.content


def test_timeline_header_and_page_indicator() -> None:
    """The timeline header gives the count, the span and the people; the footer the page."""
    events = [event(i) for i in range(8)]
    [embed] = rd.timeline_embeds(timeline_answer(events, total=20))
    description = embed.description or ""
    assert description.startswith("**20 events**, June 16, 2001 – June 16, 2001")
    assert "George W. Bush, Vladimir Putin" in description
    assert description.count("\n**June 16, 2001** — Event") == 8
    assert embed.footer.text == "Page 1 of 3"
    assert rd.search_of(embed) == ("nato", None)


def test_empty_timeline_is_ephemeral() -> None:
    """A timeline without events is a short private line, not an empty embed."""
    reply = rd.timeline_reply(Timeline("zzz", [], 0, 1, 1, None, None, []))
    assert reply.ephemeral
    assert "zzz" in (reply.content or "")


def test_sources_counts() -> None:
    """/sources lists each document with its counts; the footer counts the documents."""
    [embed] = rd.sources_embeds(sources_answer(3))
    assert "doc2.txt" in (embed.description or "")
    assert "2 events · 4 quotes" in (embed.description or "")
    assert embed.footer.text == "3 documents"


def test_sources_page_footer() -> None:
    """A page of several names its place and the store's total."""
    page = Sources(sources_answer(10).documents, total=25, page=2, pages=3)
    [embed] = rd.sources_embeds(page)
    assert embed.footer.text == "Page 2 of 3 · 25 documents"


@pytest.mark.parametrize(
    ("query", "speaker"),
    [("putin nato", None), ("nato", "Vladimir Putin"), ("", "Bush"), ("a · b", None)],
)
def test_search_line_round_trips(query: str, speaker: str | None) -> None:
    """What a button reads back from the message is what the command was asked."""
    embed = rd.new_embed("t")
    embed.set_author(name=rd.search_line(query, speaker))
    assert rd.search_of(embed) == (query, speaker)


def test_a_speaker_alone_reads_cleanly() -> None:
    """No empty query and stray separator before a speaker asked for alone."""
    assert rd.search_line("", "Bush") == "Search: speaker: Bush"
    assert rd.search_line("nato", "Bush") == "Search: nato · speaker: Bush"


def test_a_page_past_the_end_says_so() -> None:
    """A page asked past the end shows the last page, and the embed says why."""
    events = [event(i) for i in range(3)]
    timeline = dataclasses.replace(timeline_answer(events), asked_page=7)
    [embed] = rd.timeline_embeds(timeline)
    assert (embed.description or "").startswith("*There is no page 7: page 1 is the last.*")
    sources = dataclasses.replace(sources_answer(2), asked_page=4)
    [listing] = rd.sources_embeds(sources)
    assert (listing.description or "").startswith("*There is no page 4: page 1 is the last.*")
    assert "There is no page" not in (
        rd.timeline_embeds(timeline_answer(events))[0].description or ""
    )
