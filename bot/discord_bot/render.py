"""Answers as Discord embeds: within every Discord limit, and always citing the document.

Texts are cut at word boundaries with "…" and a message is trimmed (fields, then
description, then whole embeds from the end) until it fits the 6,000-character
total. The cogs and the daily-post feature both render through here.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

import discord
from discord.utils import TimestampStyle

from bot.answers import formatting
from bot.answers.formatting import (
    NO_DOCUMENTS,
    PREVIEW_QUOTES,
    RESTARTED,
    SHOWN_MAX,
    anniversary_heading,
    citations,
    counts_text,
    day_summary,
    headline,
    human_date,
    past_the_end,
    plural,
    shown_count,
    source_label,
    source_line,
    source_where,
    sources_count,
    span_label,
    timeline_footer,
    years_ago,
)
from bot.answers.onthisday import DAY_EVENTS, DAY_QUOTES, OnThisDay
from bot.answers.picture import PICTURE_NAME
from bot.answers.quote import QuoteAnswer
from bot.answers.sources import Sources
from bot.answers.timeline import Timeline
from bot.answers.when import MonthDay
from db.records import DocumentSummary, Event, ParsedDocument, PartialDate, Quote, Source
from db.write.preview import served

TITLE_MAX = 256
DESCRIPTION_MAX = 4096
FIELDS_MAX = 25
FIELD_NAME_MAX = 256
FIELD_VALUE_MAX = 1024
FOOTER_MAX = 2048
AUTHOR_MAX = 256
TOTAL_MAX = 6000
EMBEDS_MAX = 10
CONTENT_MAX = 2000

ELLIPSIS = "…"
ANY_QUOTE = (
    "Try: `/quote` with no query for any quote, or `/sources` to see what the almanac holds."
)
EVERY_EVENT = "\nTry: `/timeline` with no query or bounds to list every event."
COLOUR = discord.Colour(0x8A6D3B)
SEARCH_PREFIX = "Search: "
SPEAKER_SEPARATOR = " · speaker: "

# Per-item budgets, so a normal answer fits without the final trimming.
SUMMARY_BUDGET = 300
QUOTE_BUDGET = 450
TIMELINE_LINE_BUDGET = 300
CITE_TITLE_BUDGET = 80  # a long title must not push the file name out of the citation
# A source's link as an embed's own URL (Discord refuses a message whose embed URL it
# cannot parse): plain http(s) with no spaces, brackets or quotes, within Discord's length.
_EMBED_URL = re.compile(r"https?://[^\s<>()\[\]\"'`]{1,2000}")

_TRAILING = " \t\n,;:-–—\\"  # a backslash too: a cut must not leave half an escape
_SPACE = re.compile(r"\s")
# Mention syntax in source texts or user input: @everyone, @here, <@id>, <@!id>, <@&id>.
_MENTION = re.compile(r"@(?=everyone|here)|<@(?!\u200b)")
ZERO_WIDTH_SPACE = "\u200b"


@dataclass(slots=True)
class Reply:
    """What a cog sends: embeds and/or content, and whether only the user sees it."""

    embeds: list[discord.Embed] = field(default_factory=list)
    content: str | None = None
    ephemeral: bool = False
    picture: bytes | None = None  # a PNG attached as PICTURE_NAME, the first embed's image

    def files(self) -> list[discord.File]:
        """The attachments to send (a discord.File can be sent once: made afresh)."""
        if self.picture is None:
            return []
        return [discord.File(io.BytesIO(self.picture), filename=PICTURE_NAME)]


# -- limits -------------------------------------------------------------------


def defuse_mentions(text: str) -> str:
    """Mention syntax made inert with a zero-width space after the '@' (idempotent).

    Every message already sends AllowedMentions.none(); this is defence in depth, so
    a quoted "@everyone" or "<@&123>" cannot ping even if a send path forgot that.
    """
    if "@" not in text:  # every mention has one; most texts have none
        return text
    return _MENTION.sub(lambda m: m.group() + ZERO_WIDTH_SPACE, text)


# Markdown in texts from the store or the user: Discord renders it in descriptions and
# field values, so a title with "**" or a file name like "putin_bush_2001.txt" would
# change how our own bold and italics read. Each markdown character gets a backslash;
# line openings that make headings, quotes or lists do too. (Footers and author lines
# show text as it is, backslashes included: those are left alone.)
_MARKDOWN_CHARS = re.compile(r"[\\*_~`|\[\]]")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([>#-]|\d+(?=\.\s))", re.MULTILINE)


_LINE_MARKS = frozenset(
    ">#-0123456789"
)  # what a line opening _MARKDOWN_LINE_START escapes starts with


def escape_markdown(text: str) -> str:
    """Text that Discord shows as written, whatever markdown characters it holds.

    Most texts hold none: two cheap tests come first (every answer escapes a dozen texts).
    """
    if _MARKDOWN_CHARS.search(text):
        text = _MARKDOWN_CHARS.sub(r"\\\g<0>", text)
    if "\n" in text or text.lstrip()[:1] in _LINE_MARKS:
        text = _MARKDOWN_LINE_START.sub(_escape_line_start, text)
    return text


def _escape_line_start(match: re.Match[str]) -> str:
    lead, mark = match.groups()
    if mark[0].isdigit():  # "1. " opens a numbered list: escape its full stop
        return f"{lead}{mark}\\"
    return f"{lead}\\{mark}"


def plain(text: str, limit: int) -> str:
    """Text from the store or the user, within limit characters before escaping,
    made safe to put beside our own markdown (see escape_markdown)."""
    return escape_markdown(shorten(text, limit))


def shorten(text: str, limit: int) -> str:
    """Text within limit characters, cut at a word boundary and marked with '…'.

    Every text the renderers send goes through here, so mentions are defused here too.
    """
    text = defuse_mentions(text)
    if len(text) <= limit:
        return text
    if limit <= len(ELLIPSIS):
        return ELLIPSIS[:limit] if limit > 0 else ""
    cut = text[: limit - len(ELLIPSIS) + 1]
    spaces = [m.start() for m in _SPACE.finditer(cut)]
    if spaces and spaces[-1] >= len(cut) * 0.6:
        cut = cut[: spaces[-1]]
    else:
        cut = cut[: limit - len(ELLIPSIS)]
    return cut.rstrip(_TRAILING)[: limit - len(ELLIPSIS)] + ELLIPSIS


def new_embed(title: str, description: str = "") -> discord.Embed:
    """An embed in the almanac's colour with title and description within limits."""
    return discord.Embed(
        title=shorten(title, TITLE_MAX),
        description=shorten(description, DESCRIPTION_MAX) or None,
        colour=COLOUR,
    )


def add_field(embed: discord.Embed, name: str, value: str, *, inline: bool = False) -> bool:
    """Add a field cut to Discord's limits; False when the embed already has 25."""
    if len(embed.fields) >= FIELDS_MAX:
        return False
    embed.add_field(
        name=shorten(name, FIELD_NAME_MAX) or "\u200b",
        value=shorten(value, FIELD_VALUE_MAX) or "\u200b",
        inline=inline,
    )
    return True


def set_footer(embed: discord.Embed, text: str) -> None:
    """Footer within its limit (the footer is where most answers cite their source)."""
    if text.strip():
        embed.set_footer(text=shorten(text, FOOTER_MAX))


def fit_message(embeds: Sequence[discord.Embed]) -> list[discord.Embed]:
    """At most 10 embeds and 6,000 characters: trim from the end, note what was left out."""
    kept = list(embeds)[:EMBEDS_MAX]
    dropped = 0
    while kept and _total(kept) > TOTAL_MAX:
        last = kept[-1]
        excess = _total(kept) - TOTAL_MAX
        if last.fields:
            last.remove_field(len(last.fields) - 1)
            dropped += 1
        elif last.description and len(last.description) > excess:
            last.description = shorten(last.description, len(last.description) - excess)
        elif len(kept) > 1:
            dropped += len(kept.pop().fields) + 1
        else:
            break  # a lone embed without fields or description is always below the total
    if dropped:
        _note_left_out(kept[-1], dropped, _total(kept))
    return kept


def _total(embeds: Iterable[discord.Embed]) -> int:
    return sum(len(e) for e in embeds)


def _note_left_out(embed: discord.Embed, count: int, total: int) -> None:
    note = f" · {count} more not shown"
    footer = embed.footer.text or ""
    if total + len(note) <= TOTAL_MAX and len(footer) + len(note) <= FOOTER_MAX:
        embed.set_footer(text=(footer + note).lstrip(" ·"))


def lines_within(lines: Sequence[str], limit: int, more: str = "…and {n} more") -> str:
    """Join whole lines while they fit, then say how many were left out."""
    out: list[str] = []
    used = -1  # length of "\n".join(out), counting the newline before the next line
    for i, line in enumerate(lines):
        left = len(lines) - i - 1
        note = "\n" + more.format(n=left) if left else ""
        if used + 1 + len(line) + len(note) <= limit:
            out.append(line)
            used += 1 + len(line)
            continue
        if not out:  # even the first line is too long: cut it
            return shorten(shorten(line, limit - len(note)) + note, limit)
        out.append(more.format(n=left + 1))  # fits: the previous step reserved room for it
        break
    return shorten("\n".join(out), limit)


# -- shared pieces ------------------------------------------------------------


def discord_timestamp(when: PartialDate | None, style: TimestampStyle = "D") -> str | None:
    """`<t:UNIX:D>` for a full date from 1970 on (noon UTC, so the day survives time zones)."""
    if when is None or when.precision != "day" or not when.year or when.year < 1970:
        return None
    if when.month is None or when.day is None:
        return None
    moment = datetime(when.year, when.month, when.day, 12, tzinfo=UTC)
    return discord.utils.format_dt(moment, style)


def cite(sources: Iterable[Source]) -> str:
    """'Source: …' for one document, 'Sources: …; …' for several, in first-seen order."""
    unique = list(dict.fromkeys(sources))
    if not unique:
        return ""
    return citations([source_line(s, shorten(s.title, CITE_TITLE_BUDGET)) for s in unique])


def linked(source: Source, budget: int = CITE_TITLE_BUDGET) -> str:
    """A source in an embed's text: its title (author, date) linked to its page where it
    has one, else with its file name."""
    label = escape_markdown(source_label(source, shorten(source.title, budget)))
    url = embed_url(source)
    if url is None:
        return label + escape_markdown(source_where(source))
    return f"[{label}]({url})"


def embed_url(source: Source) -> str | None:
    """The source's link where Discord will take it as a URL, else None."""
    url = source.url
    return url if url is not None and _EMBED_URL.fullmatch(url) else None


def quoted(text: str, limit: int) -> str:
    """A quote's words in curly quotes, cut to limit including the marks."""
    return "“" + plain(text.strip(), limit - 2) + "”"


def search_line(query: str, speaker: str | None = None) -> str:
    """What a paged answer was asked for; the buttons read it back from the message.

    'Search: nato · speaker: Putin'; a speaker alone is 'Search: speaker: Putin'.
    """
    words = " ".join(query.split())
    if not speaker:
        return SEARCH_PREFIX + words
    named = SPEAKER_SEPARATOR.removeprefix(" · ") + " ".join(speaker.split())
    return SEARCH_PREFIX + (words + " · " + named if words else named)


def read_search(message: discord.Message | None) -> tuple[str, str | None]:
    """(query, speaker) that search_line stored in a message's first embed."""
    return search_of(message.embeds[0] if message is not None and message.embeds else None)


def search_of(embed: discord.Embed | None) -> tuple[str, str | None]:
    """(query, speaker) from an embed's author line; ('', None) when it holds no search."""
    name = (embed.author.name if embed is not None else None) or ""
    if not name.startswith(SEARCH_PREFIX):
        return "", None
    rest = name.removeprefix(SEARCH_PREFIX)
    alone = SPEAKER_SEPARATOR.removeprefix(" · ")
    if rest.startswith(alone):
        return "", rest.removeprefix(alone).strip() or None
    query, _, speaker = rest.partition(SPEAKER_SEPARATOR)
    return query.strip(), speaker.strip() or None


def _set_search(embed: discord.Embed, query: str, speaker: str | None = None) -> None:
    if query.strip() or speaker:
        embed.set_author(name=shorten(search_line(query, speaker), AUTHOR_MAX))


# -- /onthisday ----------------------------------------------------------------


def on_this_day_embeds(answer: OnThisDay) -> list[discord.Embed]:
    """The anniversaries of a day: events, then the quotes said that day (reused by daily posts)."""
    title = f"On this day — {answer.day.label()}"
    if not answer.events and not answer.quotes:
        return [new_embed(title, _empty_day(answer))]
    embeds: list[discord.Embed] = []
    if answer.events:
        events = answer.events[:DAY_EVENTS]
        embed = new_embed(title, day_summary(answer))
        for event in events:
            add_field(embed, anniversary_heading(event, answer), _event_body(event))
        set_footer(embed, cite(e.source for e in events))
        embeds.append(embed)
    if answer.quotes:
        heading = ("Said that day", "") if embeds else (title, day_summary(answer))
        embeds.append(_said_that_day(answer, *heading))
    return fit_message(embeds)


def _empty_day(answer: OnThisDay) -> str:
    text = f"Nothing in the almanac happened on {answer.day.label()}."
    near = _nearest(answer.before, answer.after)
    if near:
        text += f" The nearest anniversaries are {near}."
    return text


def _nearest(before: MonthDay | None, after: MonthDay | None) -> str:
    if before is None and after is None:
        return ""
    if before is None or after is None or before == after:
        only = before or after
        assert only is not None
        return f"on **{only.label()}** — try `/onthisday date: {only.label().lower()}`"
    return (
        f"**{before.label()}** (before) and **{after.label()}** (after) — "
        f"try `/onthisday date: {before.label().lower()}`"
    )


def _event_body(event: Event) -> str:
    stamp = discord_timestamp(event.date)
    text = _headline(event)
    return f"{stamp} — {text}" if stamp else text


def _headline(event: Event) -> str:
    """Bold title and the summary, as `headline` chooses."""
    title, summary = headline(event)
    parts = [f"**{plain(title, 300)}**"] if title is not None else []
    if summary is not None:
        parts.append(plain(summary, SUMMARY_BUDGET))
    return "\n".join(parts)


def _said_that_day(answer: OnThisDay, title: str, description: str) -> discord.Embed:
    quotes = answer.quotes[:DAY_QUOTES]
    embed = new_embed(title, description)
    for quote in quotes:
        add_field(embed, _quote_heading(quote, answer.today), _quote_body(quote))
    set_footer(embed, cite(q.source for q in quotes))
    return embed


def _quote_heading(quote: Quote, today: date) -> str:
    speaker = quote.speaker or "Unknown speaker"
    if quote.date and quote.date.year:
        return f"{speaker} · {quote.date.year_text()} ({years_ago(quote.date.year, today)})"
    return speaker


def _quote_body(quote: Quote) -> str:
    body = quoted(quote.text, QUOTE_BUDGET)
    if quote.context:
        body += f"\n*{plain(quote.context, 200)}*"
    return body


# -- /quote ------------------------------------------------------------------


def quote_reply(answer: QuoteAnswer, speaker: str | None = None, shown: int = 1) -> Reply:
    """The quote with speaker, date, context and source; or why nothing matched (ephemeral)."""
    if answer.quote is None:
        return Reply(content=shorten(no_quote_text(answer, speaker), CONTENT_MAX), ephemeral=True)
    return Reply(embeds=[quote_embed(answer, speaker, shown)])


def quote_embed(answer: QuoteAnswer, speaker: str | None = None, shown: int = 1) -> discord.Embed:
    """One quote as an embed; the author line keeps the search for the 'Another quote' button."""
    quote = answer.quote
    assert quote is not None
    embed = new_embed(quote.speaker or "Unknown speaker", quoted(quote.text, DESCRIPTION_MAX))
    _set_search(embed, answer.query, speaker)
    when = human_date(quote.date) if quote.date else "Date unknown"
    stamp = discord_timestamp(quote.date, "R")
    add_field(embed, "Date", f"{when} ({stamp})" if stamp else when, inline=True)
    if quote.context:
        add_field(embed, "Context", plain(quote.context, FIELD_VALUE_MAX), inline=True)
    embed.url = embed_url(quote.source)  # the speaker's name links to the source
    footer = cite([quote.source])
    if answer.total > 1:
        more = "+" if answer.total_is_lower_bound else ""
        footer += f" · quote {min(shown, answer.total)} of {answer.total:,}{more} matching"
    if answer.restarted:
        footer += f" · {RESTARTED}"
    set_footer(embed, footer)
    return fit_message([embed])[0]


def no_quote_text(answer: QuoteAnswer, speaker: str | None = None) -> str:
    """Which part of the request matched nothing, and the closest names or topics."""
    return formatting.no_quote_text(answer, plain, str, ANY_QUOTE)


# -- /timeline ----------------------------------------------------------------


def timeline_reply(answer: Timeline, picture: bytes | None = None) -> Reply:
    """The key moments or a page of the timeline (with its picture, when given, as the
    embed's image), or an ephemeral line when nothing matches."""
    if not answer.events:
        query = plain(answer.query.strip(), SHOWN_MAX)
        about = f" match “{query}”" if query else " fall in that span"
        text = f"No events with a known year{about}.{EVERY_EVENT}"
        return Reply(content=shorten(text, CONTENT_MAX), ephemeral=True)
    embeds = timeline_embeds(answer)
    if picture is not None:
        embeds[0].set_image(url=f"attachment://{PICTURE_NAME}")
    return Reply(embeds=embeds, picture=picture)


def timeline_embeds(answer: Timeline) -> list[discord.Embed]:
    """Header (span, count, people), one line per event (the key moments or a page), the
    sources, and the page indicator or what the full list holds."""
    title = f"Timeline — {answer.query.strip()}" if answer.query.strip() else "Timeline"
    header = _timeline_header(answer)
    lines = [_timeline_line(e) for e in answer.shown]
    body = lines_within(lines, DESCRIPTION_MAX - len(header) - 2)
    embed = new_embed(title, f"{header}\n\n{body}")
    _set_search(embed, answer.query)
    add_field(embed, "Sources", _source_list(e.source for e in answer.shown))
    set_footer(embed, timeline_footer(answer))
    return fit_message([embed])


def _source_list(sources: Iterable[Source]) -> str:
    return "\n".join(linked(s) for s in dict.fromkeys(sources))


def _timeline_header(answer: Timeline) -> str:
    note = past_the_end(answer)
    count = shown_count(answer)
    header = (f"*{note}*\n" if note else "") + f"**{count}**"
    if span_label(answer):
        header += f", {span_label(answer)}"
    if answer.people:
        header += "\n**People:** " + plain(", ".join(answer.people), 600)
    return header


def _timeline_line(event: Event) -> str:
    date = f"**{human_date(event.date)}** — "
    return date + plain(event.title, TIMELINE_LINE_BUDGET - len(date))


# -- /sources -------------------------------------------------------------------


def sources_embeds(answer: Sources) -> list[discord.Embed]:
    """A page of the documents behind the answers, with what each contributed."""
    if not answer.documents:
        return [new_embed("Sources", NO_DOCUMENTS)]
    note = past_the_end(answer)
    lines = [_document_line(d) for d in answer.documents]
    head = f"*{note}*\n" if note else ""
    embed = new_embed("Sources", head + lines_within(lines, DESCRIPTION_MAX - len(head)))
    set_footer(embed, sources_count(answer))
    return fit_message([embed])


def _document_line(doc: DocumentSummary) -> str:
    published = f" · published {human_date(doc.published)}" if doc.published else ""
    line = linked(Source(doc.path, doc.title, doc.url, None, doc.author), 200)
    counts = f"{plural(doc.events, 'event')} · {plural(doc.quotes, 'quote')}"
    return f"• **{line}** — {counts}{published}"


# -- /sources add and remove -----------------------------------------------------


def added_preview_embed(document: ParsedDocument, name: str) -> discord.Embed:
    """What an attached text would add: its title, date and link, its counts, the first
    quotes (those answers serve) with their speakers, and the warnings."""
    quotes = [q for q in document.quotes if served(q)]
    source = Source(name, document.title, document.url, document.published, document.author)
    counts = counts_text(len(document.events), len(quotes))
    lines = [f"File: `{plain(name, 100)}`", f"**{counts}**"]
    if document.published is not None:
        lines.insert(1, f"Published {human_date(document.published)}")
    if document.author:
        lines.insert(1, f"By {plain(document.author, 100)}")
    embed = new_embed(f"Add “{document.title}”?", "\n".join(lines))
    embed.url = embed_url(source)
    shown = [
        f"{quoted(q.text, QUOTE_BUDGET // 2)} — {plain(q.speaker or '', 80)}"
        + (f", {human_date(q.date)}" if q.date else "")
        for q in quotes[:PREVIEW_QUOTES]
    ]
    if shown:
        more = len(quotes) - len(shown)
        heading = f"First {len(shown)} of {len(quotes)} quotes" if more else "Quotes"
        add_field(embed, heading, lines_within(shown, FIELD_VALUE_MAX))
    if document.warnings:
        warnings = [f"⚠ {plain(w, 300)}" for w in document.warnings]
        add_field(embed, "Warnings", lines_within(warnings, FIELD_VALUE_MAX))
    set_footer(embed, "Nothing is stored until you press Confirm.")
    return fit_message([embed])[0]


def removal_preview_embed(document: DocumentSummary) -> discord.Embed:
    """What /sources remove would take out of the store."""
    embed = new_embed(f"Remove “{document.title}”?", _document_line(document))
    set_footer(embed, "Nothing is removed until you press Confirm.")
    return fit_message([embed])[0]


__all__ = [
    "Reply",
    "add_field",
    "added_preview_embed",
    "cite",
    "defuse_mentions",
    "discord_timestamp",
    "escape_markdown",
    "fit_message",
    "lines_within",
    "linked",
    "new_embed",
    "no_quote_text",
    "on_this_day_embeds",
    "quote_embed",
    "quote_reply",
    "read_search",
    "removal_preview_embed",
    "search_line",
    "search_of",
    "set_footer",
    "shorten",
    "sources_embeds",
    "timeline_embeds",
    "timeline_reply",
]
