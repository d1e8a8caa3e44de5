"""Plain-text and JSON renderings of answers, for the console and `almanac ask`."""

from __future__ import annotations

from typing import Any

from bot.answers.formatting import (
    NO_DOCUMENTS,
    RESTARTED,
    attribution,
    count_label,
    day_count,
    full_list_hint,
    human_date,
    page_label,
    past_the_end,
    plural,
    shown_count,
    source_label,
    source_line,
    sources_count,
    span_label,
    years_ago,
)
from bot.answers.onthisday import OnThisDay
from bot.answers.quote import QuoteAnswer
from bot.answers.sources import Sources
from bot.answers.timeline import Timeline
from db.records import Event, Quote, Source

Answer = OnThisDay | QuoteAnswer | Timeline | Sources


def source_json(source: Source) -> dict[str, Any]:
    """The cited document in the ask JSON: what the source says about itself."""
    return {
        "title": source.title,
        "url": source.url,
        "published": source.published.iso() if source.published else None,
        "author": source.author,
    }


def render_text(answer: Answer) -> str:
    """The answer as the bot would say it, in plain text."""
    if isinstance(answer, OnThisDay):
        return _on_this_day(answer)
    if isinstance(answer, QuoteAnswer):
        return _quote(answer)
    if isinstance(answer, Timeline):
        return _timeline(answer)
    return _sources(answer)


def _event_line(event: Event, today: Any = None) -> str:
    when = human_date(event.date)
    ago = f" ({years_ago(event.date.year, today)})" if today and event.date.year else ""
    return f"• {when}{ago}: {event.title}\n  {source_line(event.source)}"


def _on_this_day(answer: OnThisDay) -> str:
    heading = f"On this day, {answer.day.label()}"
    if not answer.events and not answer.quotes:
        lines = [f"{heading}: nothing in the almanac."]
        near = [d.label() for d in (answer.before, answer.after) if d]
        if near:
            lines.append("Nearest anniversaries: " + " and ".join(dict.fromkeys(near)) + ".")
        return "\n".join(lines)
    lines = [heading]
    lines += [_event_line(e, answer.today) for e in answer.events]
    lines += _more_that_day(answer.events_counted, len(answer.events), "event")
    if answer.quotes:
        lines.append("Said that day:")
        lines += [f"“{q.text}” {attribution(q)}" for q in answer.quotes]
        lines += _more_that_day(answer.quotes_counted, len(answer.quotes), "quote")
    return "\n".join(lines)


def _more_that_day(count: int, shown: int, noun: str) -> list[str]:
    if count <= shown:
        return []
    return [f"({day_count(count, noun)} that day; the first {shown} shown)"]


def _quote(answer: QuoteAnswer) -> str:
    if answer.quote is None:
        missing = ", ".join(repr(w) for w in answer.unmatched) or repr(answer.query)
        if answer.others:
            return (
                f"No quote by {' or '.join(answer.speakers)} matches {missing}."
                f" Quoted on it: {', '.join(answer.others)}."
            )
        text = f"No quote matches {missing}."
        if answer.suggestions:
            text += " Did you mean: " + ", ".join(answer.suggestions) + "?"
        return text
    quote = answer.quote
    lines = [
        f"“{quote.text}”",
        attribution(quote),
        source_line(quote.source),
    ]
    if answer.total > 1:
        count = count_label(answer.total, "quote", at_least=answer.total_is_lower_bound)
        lines.append(f"({count} match)")
    if answer.restarted:
        lines.append(f"({RESTARTED})")
    return "\n".join(lines)


def _timeline(answer: Timeline) -> str:
    if not answer.events:
        about = f" for {answer.query!r}" if answer.query else ""
        return f"No events{about} in the almanac."
    span = f", {span_label(answer)}" if span_label(answer) else ""
    about = f" of {answer.query!r}" if answer.query else ""
    count = shown_count(answer)
    head = f"Timeline{about}: {count}{span}"
    if answer.people:
        head += "\nPeople: " + ", ".join(answer.people)
    lines = [line for line in (past_the_end(answer), head) if line]
    lines += [_event_line(e) for e in answer.shown]
    if answer.key_moments:
        lines.append(f"{full_list_hint(answer)} (full:true)")
    elif answer.pages > 1:
        lines.append(page_label(answer))
    return "\n".join(lines)


def _sources(answer: Sources) -> str:
    if not answer.documents:
        return NO_DOCUMENTS
    lines = [line for line in (past_the_end(answer), "Sources:") if line]
    for doc in answer.documents:
        counts = f"{plural(doc.events, 'event')}, {plural(doc.quotes, 'quote')}"
        about = source_label(Source(doc.path, doc.title, doc.url, doc.published, doc.author))
        link = f" <{doc.url}>" if doc.url else ""
        lines.append(f"• {about} ({doc.path}){link}: {counts}")
    lines.append(sources_count(answer))
    return "\n".join(lines)


def event_json(event: Event) -> dict[str, Any]:
    """An event in the export/ask JSON shape."""
    return {
        "date": event.date.iso(),
        "precision": event.date.precision,
        "title": event.title,
        "summary": event.summary,
        "people": list(event.people),
        "document": event.source.path,
        "source": source_json(event.source),
    }


def quote_json(quote: Quote) -> dict[str, Any]:
    """A quote in the export/ask JSON shape."""
    return {
        "speaker": quote.speaker,
        "text": quote.text,
        "date": quote.date.iso() if quote.date else None,
        "precision": quote.date.precision if quote.date else None,
        "context": quote.context,
        "fragment": quote.fragment,
        "document": quote.source.path,
        "source": source_json(quote.source),
    }


def render_json(answer: Answer) -> dict[str, Any]:
    """The structured answer of docs/DESIGN.md's `ask --json` contract."""
    if isinstance(answer, OnThisDay):
        return {
            "command": "onthisday",
            "date": f"{answer.day.month:02d}-{answer.day.day:02d}",
            "events": [event_json(e) for e in answer.events],
            "quotes": [quote_json(q) for q in answer.quotes],
        }
    if isinstance(answer, QuoteAnswer):
        return {
            "command": "quote",
            "quote": quote_json(answer.quote) if answer.quote else None,
            "more": [quote_json(q) for q in answer.more],
            "total": answer.total,
            "total_is_lower_bound": answer.total_is_lower_bound,
            "others": answer.others,
            "restarted": answer.restarted,
        }
    if isinstance(answer, Timeline):
        return {
            "command": "timeline",
            "events": [event_json(e) for e in answer.events],
            "total": answer.total,
            "total_is_lower_bound": answer.total_is_lower_bound,
            "page": answer.page,
            "pages": answer.pages,
            "asked_page": answer.asked_page,
            "key_moments": [event_json(e) for e in answer.key_moments],
            "full": answer.full,
        }
    return {
        "command": "sources",
        "documents": [
            {
                "path": d.path,
                "title": d.title,
                "url": d.url,
                "published": d.published.iso() if d.published else None,
                "author": d.author,
                "events": d.events,
                "quotes": d.quotes,
            }
            for d in answer.documents
        ],
        "total": answer.total,
        "page": answer.page,
        "pages": answer.pages,
        "asked_page": answer.asked_page,
    }
