"""Answers as Slack Block Kit messages: within Slack's limits, citing every document.

Built from the same typed answers as every other adapter, worded through
bot/answers/formatting.py. Every text that comes from a source or a user passes
through `text.safe` once (escaped, pinging nobody); our own markup (bold, links)
is added around it. Buttons carry their state in their value (see buttons.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from bot.answers import formatting
from bot.answers.errors import UserError
from bot.answers.formatting import (
    NO_DOCUMENTS,
    PREVIEW_QUOTES,
    RESTARTED,
    SHOWN_MAX,
    anniversary_heading,
    attribution,
    citations,
    counts_text,
    day_summary,
    headline,
    human_date,
    past_the_end,
    plural,
    shown_count,
    source_label,
    sources_count,
    span_label,
    timeline_footer,
    years_ago,
)
from bot.answers.onthisday import DAY_EVENTS, DAY_QUOTES, OnThisDay
from bot.answers.quote import QuoteAnswer
from bot.answers.requests import typed_example
from bot.answers.sources import Sources
from bot.answers.timeline import Timeline
from bot.daily.content import DayPost
from bot.slack_bot import buttons
from bot.slack_bot.text import link, safe, shorten
from db.records import DocumentSummary, Event, ParsedDocument, Quote, Source
from db.write.preview import served

Block = dict[str, Any]

# Slack's limits (Block Kit reference): a message's blocks, a header's plain text,
# a section's text, a context's elements, a button's label.
BLOCKS_MAX: Final = 50
HEADER_MAX: Final = 150
SECTION_MAX: Final = 3000
CONTEXT_ELEMENTS_MAX: Final = 10
BUTTON_TEXT_MAX: Final = 75

# Per-item budgets (before escaping), so an answer reads well and fits.
QUOTE_BUDGET: Final = 1200
TITLE_BUDGET: Final = 300
SUMMARY_BUDGET: Final = 400
CITE_BUDGET: Final = 120

ANY_QUOTE: Final = "Try: `/quote` with no words for any quote, or `/sources` to see the almanac."
EVERY_EVENT: Final = "Try: `/timeline` with no words or bounds to list every event."


@dataclass(slots=True)
class SlackMessage:
    """What the adapter sends: blocks, the plain text beside them, and whether only the
    asker sees it (an ephemeral message)."""

    text: str
    blocks: list[Block] = field(default_factory=list)
    ephemeral: bool = False
    # /timeline's PNG, uploaded to the channel after the message (Slack shows no image
    # block without a public URL).
    picture: bytes | None = None

    def payload(self) -> dict[str, Any]:
        """The message as chat.postMessage and response_url take it."""
        body: dict[str, Any] = {"text": self.text}
        if self.blocks:
            body["blocks"] = self.blocks[:BLOCKS_MAX]
        return body


def private(text: str) -> SlackMessage:
    """A line only the asker sees (a mistake and its example, a stale button). The text
    is already safe: our own words, with any user input passed through `safe`."""
    return SlackMessage(text=text, blocks=[_section(text)], ephemeral=True)


def explained(error: UserError) -> SlackMessage:
    """A mistake's line and a working example, as typed in Slack, only for the asker."""
    text = safe(error.message, SECTION_MAX - 300)
    if error.example is not None:
        text += f"\nTry: `{safe(typed_example(error.example), 250)}`"
    return private(text)


# -- blocks -----------------------------------------------------------------------


def _header(text: str) -> Block:
    """A header of plain text (no markup is read there, and it cannot ping)."""
    return {"type": "header", "text": {"type": "plain_text", "text": _plain(text, HEADER_MAX)}}


def _plain(text: str, limit: int) -> str:
    """Plain text within limit; Slack decodes &amp;, &lt; and &gt; there too."""
    return safe(text, limit)


def _section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": _fit(mrkdwn, SECTION_MAX)}}


def _context(*mrkdwn: str) -> Block:
    elements = [{"type": "mrkdwn", "text": _fit(t, SECTION_MAX)} for t in mrkdwn if t.strip()]
    return {"type": "context", "elements": elements[:CONTEXT_ELEMENTS_MAX]}


def _fit(mrkdwn: str, limit: int) -> str:
    """Our own markup around safe texts, within limit: whole lines while they fit.

    Texts are cut to their budgets before escaping, so this is a last guard that never
    splits an escape (`&amp;`) or a link (`<url|label>`): it drops whole lines."""
    if len(mrkdwn) <= limit:
        return mrkdwn
    lines = mrkdwn.split("\n")
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > limit - 20:
            break
        kept.append(line)
        used += len(line) + 1
    return "\n".join([*kept, f"…and {len(lines) - len(kept)} more"])


def _button(text: str, action_id: str, value: str, *, primary: bool = False) -> Block:
    button: Block = {
        "type": "button",
        "text": {"type": "plain_text", "text": text[:BUTTON_TEXT_MAX], "emoji": True},
        "action_id": action_id,
        "value": value,
    }
    if primary:
        button["style"] = "primary"
    return button


def _actions(*elements: Block) -> Block:
    return {"type": "actions", "elements": list(elements)}


def _sections(lines: Sequence[str]) -> list[Block]:
    """Lines in as few sections as fit Slack's 3,000 characters a section."""
    blocks: list[Block] = []
    chunk: list[str] = []
    for line in lines:
        if chunk and len("\n".join([*chunk, line])) > SECTION_MAX:
            blocks.append(_section("\n".join(chunk)))
            chunk = []
        chunk.append(line)
    if chunk:
        blocks.append(_section("\n".join(chunk)))
    return blocks


def cite(source: Source) -> str:
    """'Source: <link|Title, by Author, April 12, 2019>', or the title and file name."""
    label = source_label(source, shorten(source.title, CITE_BUDGET))
    if source.url:
        return "Source: " + link(source.url, label)
    return f"Source: {safe(label)} ({safe(source.path.rsplit('/', 1)[-1])})"


def _citations(sources: Iterable[Source]) -> str:
    return citations([cite(s) for s in dict.fromkeys(sources)])


# -- /onthisday ----------------------------------------------------------------------


def on_this_day_message(answer: OnThisDay) -> SlackMessage:
    """The anniversaries of a day: events, then the quotes said that day (the daily post's
    message too)."""
    title = f"On this day — {answer.day.label()}"
    if not answer.events and not answer.quotes:
        return SlackMessage(title, [_header(title), _section(_empty_day(answer))])
    blocks = [_header(title), _context(day_summary(answer))]
    for event in answer.events[:DAY_EVENTS]:
        blocks.append(_section(_event_text(event, answer)))
        blocks.append(_context(cite(event.source)))
    if answer.quotes:
        blocks.append({"type": "divider"})
        blocks.append(_section("*Said that day*"))
        for quote in answer.quotes[:DAY_QUOTES]:
            blocks.append(_section(_quote_text(quote, answer)))
            blocks.append(_context(cite(quote.source)))
    fallback = f"{title}: {day_summary(answer)}"
    return SlackMessage(fallback, blocks)


def _empty_day(answer: OnThisDay) -> str:
    text = f"Nothing in the almanac happened on {answer.day.label()}."
    near = [d for d in dict.fromkeys((answer.before, answer.after)) if d is not None]
    if near:
        days = " and ".join(f"*{d.label()}*" for d in near)
        text += f" The nearest anniversaries: {days}. Try: `/onthisday {near[0].label().lower()}`"
    return text


def _event_text(event: Event, answer: OnThisDay) -> str:
    return f"*{anniversary_heading(event, answer)}*\n{_headline(event)}"


def _headline(event: Event) -> str:
    """Bold title and the summary, as `headline` chooses."""
    title, summary = headline(event)
    parts = [f"*{safe(title, TITLE_BUDGET)}*"] if title is not None else []
    if summary is not None:
        parts.append(safe(summary, SUMMARY_BUDGET))
    return "\n".join(parts)


def _quote_text(quote: Quote, answer: OnThisDay) -> str:
    speaker = safe(quote.speaker or "Unknown speaker", 100)
    when = ""
    if quote.date and quote.date.year:
        when = f" · {quote.date.year_text()} ({years_ago(quote.date.year, answer.today)})"
    return f"“{safe(quote.text.strip(), QUOTE_BUDGET)}”\n— *{speaker}*{when}"


def daily_message(post: DayPost) -> SlackMessage:
    """A day's daily post: its anniversaries, or on an empty day the nearest day's or a
    quote of the day, headed by why."""
    if post.quote is not None:
        quote = quote_message(post.quote)
        blocks = [_header(post.title or ""), _context(safe(post.note or "")), *quote.blocks]
        return SlackMessage(safe(post.title or ""), blocks)
    assert post.anniversaries is not None
    message = on_this_day_message(post.anniversaries)
    if post.title is not None:
        message.blocks[0] = _header(post.title)
        message.blocks.insert(1, _context(safe(post.note or "")))
        message.text = safe(post.title)
    return message


# -- /quote --------------------------------------------------------------------------


def quote_message(
    answer: QuoteAnswer, speaker: str | None = None, shown: int = 1, seen: Sequence[int] = ()
) -> SlackMessage:
    """The quote: its words, who said it and when, where, its source with a link, and
    'Another quote' while more match; or why nothing matched, only for the asker."""
    quote = answer.quote
    if quote is None:
        return private(no_quote_text(answer, speaker))
    who = safe(quote.speaker or "Unknown speaker", 100)
    when = human_date(quote.date) if quote.date else "date unknown"
    context = f", {safe(quote.context, 300)}" if quote.context else ""
    blocks = [
        _section(f"“{safe(quote.text.strip(), QUOTE_BUDGET)}”"),
        _context(f"— *{who}*, {when}{context}"),
        _context(cite(quote.source)),
    ]
    notes = []
    if answer.total > 1:
        more = "+" if answer.total_is_lower_bound else ""
        notes.append(f"Quote {min(shown, answer.total)} of {answer.total:,}{more} matching")
    if answer.restarted:
        notes.append(RESTARTED)
    if notes:
        blocks.append(_context(" · ".join(notes)))
    if answer.total > 1:
        value = buttons.quote_value(answer.query, speaker, shown, seen or (quote.id,))
        blocks.append(_actions(_button("🔁 Another quote", buttons.ANOTHER_QUOTE, value)))
    fallback = f"“{safe(quote.text.strip(), 300)}” {safe(attribution(quote), 200)}"
    return SlackMessage(fallback, blocks)


def no_quote_text(answer: QuoteAnswer, speaker: str | None = None) -> str:
    """Which part of the request matched nothing, and the closest names or topics, with
    examples as typed in Slack."""
    return formatting.no_quote_text(answer, safe, typed_example, ANY_QUOTE)


# -- /timeline -----------------------------------------------------------------------


def timeline_message(answer: Timeline, start: int | None, end: int | None) -> SlackMessage:
    """The key moments (with Full list) or a page of the full list (with Previous, Next
    and Key moments), under the span, the count and the people; or, only for the asker,
    that nothing matched."""
    if not answer.events:
        query = safe(answer.query.strip(), SHOWN_MAX)
        about = f" match “{query}”" if query else " fall in that span"
        return private(f"No events with a known year{about}.\n{EVERY_EVENT}")
    title = f"Timeline — {answer.query.strip()}" if answer.query.strip() else "Timeline"
    blocks = [_header(title), _section(_timeline_head(answer))]
    blocks += _sections([_timeline_line(e) for e in answer.shown])
    blocks.append(_context(_citations(e.source for e in answer.shown)))
    blocks.append(_context(timeline_footer(answer)))
    row = _timeline_buttons(answer, start, end)
    if row is not None:
        blocks.append(row)
    fallback = f"{shorten(title, 200)}: {_count_line(answer)}"
    return SlackMessage(safe(fallback), blocks)


def _count_line(answer: Timeline) -> str:
    count = shown_count(answer)
    span = span_label(answer)
    return f"{count}, {span}" if span else count


def _timeline_head(answer: Timeline) -> str:
    note = past_the_end(answer)
    head = (f"_{note}_\n" if note else "") + f"*{_count_line(answer)}*"
    if answer.people:
        head += "\n*People:* " + safe(", ".join(answer.people), 600)
    return head


def _timeline_line(event: Event) -> str:
    return f"*{human_date(event.date)}* — {safe(event.title, TITLE_BUDGET)}"


def _timeline_buttons(answer: Timeline, start: int | None, end: int | None) -> Block | None:
    query = answer.query
    if answer.key_moments:
        value = buttons.timeline_value(query, start, end, 1)
        return _actions(_button("Full list ▶", buttons.TIMELINE_FULL, value))
    if answer.pages < 2:
        return None
    row: list[Block] = []
    if answer.page > 1:
        value = buttons.timeline_value(query, start, end, answer.page - 1)
        row.append(_button("◀ Previous", buttons.TIMELINE_PREVIOUS, value))
    if answer.page < answer.pages:
        value = buttons.timeline_value(query, start, end, answer.page + 1)
        row.append(_button("Next ▶", buttons.TIMELINE_NEXT, value))
    row.append(
        _button(
            "Key moments", buttons.TIMELINE_MOMENTS, buttons.timeline_value(query, start, end, None)
        )
    )
    return _actions(*row)


# -- /sources ------------------------------------------------------------------------


def sources_message(answer: Sources) -> SlackMessage:
    """A page of the documents behind the answers, with what each contributed."""
    if not answer.documents:
        return SlackMessage(NO_DOCUMENTS, [_header("Sources"), _section(NO_DOCUMENTS)])
    note = past_the_end(answer)
    blocks = [_header("Sources")]
    if note:
        blocks.append(_context(f"_{note}_"))
    blocks += _sections([_document_line(d) for d in answer.documents])
    blocks.append(_context(sources_count(answer)))
    if answer.pages > 1:
        row: list[Block] = []
        if answer.page > 1:
            value = buttons.sources_value(answer.page - 1)
            row.append(_button("◀ Previous", buttons.SOURCES_PREVIOUS, value))
        if answer.page < answer.pages:
            value = buttons.sources_value(answer.page + 1)
            row.append(_button("Next ▶", buttons.SOURCES_NEXT, value))
        blocks.append(_actions(*row))
    return SlackMessage(f"Sources: {sources_count(answer)}", blocks)


def _document_line(doc: DocumentSummary) -> str:
    label = source_label(Source(doc.path, shorten(doc.title, 200), doc.url, None, doc.author))
    shown = f"*{link(doc.url, label)}*" if doc.url else f"*{safe(label)}* ({safe(doc.path, 200)})"
    published = f" · published {human_date(doc.published)}" if doc.published else ""
    counts = f"{plural(doc.events, 'event')} · {plural(doc.quotes, 'quote')}"
    return f"• {shown} — {counts}{published}"


# -- /sources add and remove -----------------------------------------------------------


def added_message(document: ParsedDocument, name: str, digest: str) -> SlackMessage:
    """What a shared text would add (title, author, date, link, counts, the first quotes
    answers serve with their speakers, warnings), with Confirm and Cancel carrying the
    pending copy's hash. Posted in the curator's direct message with the app."""
    quotes = [q for q in document.quotes if served(q)]
    title = f"Add “{shorten(document.title, 200)}”?"
    lines = [f"*{safe(title)}*", f"File: `{safe(name, 100)}`"]
    if document.author:
        lines.append(f"By {safe(document.author, 100)}")
    if document.published is not None:
        lines.append(f"Published {human_date(document.published)}")
    if document.url:
        lines.append(link(document.url, shorten(document.url, 200)))
    lines.append(f"*{counts_text(len(document.events), len(quotes))}*")
    blocks = [_section("\n".join(lines))]
    shown = [
        f"“{safe(q.text, 300)}” — {safe(q.speaker or '', 80)}"
        + (f", {human_date(q.date)}" if q.date else "")
        for q in quotes[:PREVIEW_QUOTES]
    ]
    if shown:
        more = len(quotes) > len(shown)
        heading = f"*First {len(shown)} of {len(quotes)} quotes*" if more else "*Quotes*"
        blocks += _sections([heading, *shown])
    if document.warnings:
        blocks += _sections(["*Warnings*", *(f"⚠ {safe(w, 300)}" for w in document.warnings)])
    value = buttons.add_value(digest)
    blocks.append(_context("Nothing is stored until you press Confirm."))
    blocks.append(
        _actions(
            _button("Confirm", buttons.SOURCES_ADD, value, primary=True),
            _button("Cancel", buttons.SOURCES_CANCEL, value),
        )
    )
    return SlackMessage(title, blocks)


def settled(text: str) -> SlackMessage:
    """The outcome of a press that replaces the preview it was pressed on, buttons gone:
    `text` is already safe."""
    return SlackMessage(text, [_section(text)])


def removal_message(document: DocumentSummary, document_id: int) -> SlackMessage:
    """What /sources remove would take out of the store, with Confirm and Cancel, only
    for the curator who asked (the buttons carry the document's id)."""
    title = f"Remove “{shorten(document.title, 200)}”?"
    value = buttons.remove_value(document_id)
    blocks = [
        _section(f"*{safe(title)}*\n{_document_line(document)}"),
        _context("Nothing is removed until you press Confirm."),
        _actions(
            _button("Confirm", buttons.SOURCES_REMOVE, value, primary=True),
            _button("Cancel", buttons.SOURCES_KEEP, value),
        ),
    ]
    return SlackMessage(title, blocks, ephemeral=True)
