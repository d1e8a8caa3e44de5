"""How answers are worded in every adapter: dates, counts, pages, citations.

The console, JSON, Discord (and any later adapter) import these instead of each other,
so a date or a count reads the same wherever it is shown.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from bot.answers.onthisday import DAY_COUNT_MAX, DAY_EVENTS, OnThisDay
from bot.answers.quote import QuoteAnswer
from bot.answers.sources import Sources
from bot.answers.timeline import Timeline
from bot.answers.when import MonthDay
from db.records import Event, PartialDate, Quote, Source

# Said by /sources when the store is empty.
NO_DOCUMENTS = "The almanac holds no documents yet. Run `almanac ingest` on a folder of texts."

# How much of the user's own input a "nothing matched" line echoes.
SHOWN_MAX = 200
# Said when 'Another quote' has shown every match and begins again.
RESTARTED = "every match was shown: from the first again"


def human_date(date: PartialDate | None) -> str:
    """'June 16, 2001', 'June 2001', '2001', 'September 11 (year unknown)'."""
    if date is None:
        return "date unknown"
    month = f"{_month_name(date.month)}" if date.month else ""
    if date.precision == "day":
        return f"{month} {date.day}, {date.year_text()}"
    if date.precision == "month":
        return f"{month} {date.year_text()}"
    if date.precision == "year":
        return date.year_text()
    return f"{month} {date.day} (year unknown)"


def _month_name(month: int | None) -> str:
    names = "January February March April May June July August September October November December"
    return names.split()[(month or 1) - 1]


def plural(count: int, noun: str) -> str:
    """'1 event', '3 events'."""
    return f"{count:,} {noun}" + ("" if count == 1 else "s")


def count_label(count: int, noun: str, *, at_least: bool = False) -> str:
    """'3 events', or '1,000+ events' when only a lower bound was counted."""
    return f"{count:,}+ {noun}s" if at_least else plural(count, noun)


def day_count(count: int, noun: str) -> str:
    """'3 events', or '1,000+ events' past the day's counting bound."""
    return count_label(min(count, DAY_COUNT_MAX), noun, at_least=count > DAY_COUNT_MAX)


def timeline_count(answer: Timeline) -> str:
    """'3 events', or '10,000+ events' when only a lower bound was counted."""
    return count_label(answer.total, "event", at_least=answer.total_is_lower_bound)


def key_moments_label(answer: Timeline) -> str:
    """'8 key moments of 1,234 events' (or of '10,000+ events')."""
    return f"{plural(len(answer.key_moments), 'key moment')} of {timeline_count(answer)}"


def shown_count(answer: Timeline) -> str:
    """The key moments' label, or the count of a page of the full list."""
    return key_moments_label(answer) if answer.key_moments else timeline_count(answer)


def span_label(answer: Timeline) -> str:
    """'June 16, 2001 – April 6, 2008': the first and last matching event; '' unknown."""
    if answer.first is None or answer.last is None:
        return ""
    return f"{human_date(answer.first.date)} – {human_date(answer.last.date)}"


def full_list_hint(answer: Timeline) -> str:
    """What the full list holds, said under the key moments."""
    more = "+" if answer.total_is_lower_bound else ""
    return f"Full list: {answer.pages:,}{more} pages in date order"


def page_label(answer: Timeline | Sources) -> str:
    """'Page 2 of 5', or 'Page 2 of 1,250+' when the count is a lower bound."""
    more = "+" if isinstance(answer, Timeline) and answer.total_is_lower_bound else ""
    return f"Page {answer.page} of {answer.pages:,}{more}"


def source_line(source: Source, title: str | None = None) -> str:
    """How every answer cites its document: its title (or a shortened one), its author and
    publication date where known, then its link, or its file name where it has none:
    'Source: Harbour museum reopens, by Maren Ellis, April 12, 2019 <https://…>'."""
    return "Source: " + source_label(source, title) + source_where(source)


def source_label(source: Source, title: str | None = None) -> str:
    """'Title, by Author, April 12, 2019': the citation's words, without where to find it."""
    parts = [source.title if title is None else title]
    if source.author:
        parts.append(f"by {source.author}")
    if source.published:
        parts.append(human_date(source.published))
    return ", ".join(parts)


def source_where(source: Source) -> str:
    """' <https://…>' for a source with a link, else ' (file name)'."""
    return f" <{source.url}>" if source.url else f" ({source.path.rsplit('/', 1)[-1]})"


def attribution(quote: Quote) -> str:
    """'— Vladimir Putin, June 16, 2001, televised address'."""
    parts = [quote.speaker or "Unknown speaker"]
    if quote.date:
        parts.append(human_date(quote.date))
    if quote.context:
        parts.append(quote.context)
    return "— " + ", ".join(parts)


def day_summary(answer: OnThisDay) -> str:
    """'3 events · 1 quote (the first 10 shown) from the almanac.': under a day's title."""
    counts = ((answer.events_counted, "event"), (answer.quotes_counted, "quote"))
    parts = [day_count(n, noun) for n, noun in counts if n]
    shown = ""
    if answer.events_counted > min(len(answer.events), DAY_EVENTS):
        shown = f" (the first {min(len(answer.events), DAY_EVENTS)} shown)"
    return " · ".join(parts) + shown + " from the almanac."


def anniversary_heading(event: Event, answer: OnThisDay) -> str:
    """'2001 · 25 years ago', 'Year unknown', or '29 February, 2004 · …' for an event of
    the 29th shown beside the 28th."""
    when = event.date
    prefix = ""
    if when.month and when.day and (when.month, when.day) != (answer.day.month, answer.day.day):
        prefix = MonthDay(when.month, when.day).label() + ", "
    if when.year is None:
        return f"{prefix}Year unknown"
    return f"{prefix}{when.year_text()} · {years_ago(when.year, answer.today)}"


def headline(event: Event) -> tuple[str | None, str | None]:
    """(title, summary) to show of an event, None for a part that merely repeats the
    other: the title alone, the summary alone (the title is its first words), or both."""
    title, summary = event.title.strip(), event.summary.strip()
    stem = title.rstrip("….").rstrip()
    if not summary or summary.rstrip(".") == stem or stem.startswith(summary.rstrip(".")):
        return title, None
    if summary.startswith(stem):
        return None, summary
    return title, summary


def citations(lines: Sequence[str]) -> str:
    """One 'Source: …' line as it is; several as 'Sources: …; …'."""
    if len(lines) <= 1:
        return "".join(lines)
    return "Sources: " + "; ".join(line.removeprefix("Source: ") for line in lines)


def timeline_footer(answer: Timeline) -> str:
    """Under a timeline: what the full list holds, the page, or the count."""
    if answer.key_moments:
        return full_list_hint(answer)
    return page_label(answer) if answer.pages > 1 else timeline_count(answer)


def no_quote_text(
    answer: QuoteAnswer,
    escape: Callable[[str, int], str],
    example: Callable[[str], str],
    any_quote: str,
) -> str:
    """Which part of a /quote matched nothing, and the closest names or topics.

    Each adapter gives its escaping (text, limit), how it writes an example from
    Discord's form ('/quote query: nato speaker: Bush'), and its any-quote hint."""

    def listed(words: Sequence[str]) -> str:
        return escape(", ".join(words), SHOWN_MAX)

    def did_you_mean(form: str) -> str:
        if not answer.suggestions:
            return "\n" + any_quote
        tried = escape(example(form.format(answer.suggestions[0])), SHOWN_MAX)
        return f" Did you mean: {listed(answer.suggestions)}?\nTry: `{tried}`"

    unmatched = [w for w in answer.unmatched if w not in answer.topic]
    if unmatched:  # the speaker option named nobody the almanac knows
        name = escape(unmatched[0], SHOWN_MAX)
        return f"No one called “{name}” is quoted in the almanac." + did_you_mean(
            "/quote speaker: {}"
        )
    by = f" by {listed(answer.speakers)}" if answer.speakers else ""
    if answer.others:
        words = listed([f"“{w}”" for w in answer.topic])
        form = f"/quote query: {' '.join(answer.topic)} speaker: {answer.others[0]}"
        tried = escape(example(form), SHOWN_MAX)
        others = listed(answer.others)
        return f"No quote{by} mentions {words}. Quoted on it: {others}.\nTry: `{tried}`"
    if not answer.topic:
        return f"The almanac has no quote{by}.\n{any_quote}"
    words = listed([f"“{w}”" for w in (answer.unmatched or answer.topic)])
    return f"No quote{by} mentions {words}." + did_you_mean("/quote query: {}")


def past_the_end(answer: Timeline | Sources) -> str:
    """'There is no page 5: page 2 is the last.' when the asked page was past the end."""
    if answer.asked_page is None:
        return ""
    return f"There is no page {answer.asked_page:,}: page {answer.page:,} is the last."


def sources_count(answer: Sources) -> str:
    """'2 documents', or 'Page 2 of 12 · 115 documents' when there are several pages."""
    documents = plural(max(answer.total, len(answer.documents)), "document")
    return f"{page_label(answer)} · {documents}" if answer.pages > 1 else documents


def years_ago(year: int, today: date) -> str:
    """'25 years ago' / 'this year' / 'in 3 years' in plain words; '2,069 years ago'.

    A negative year is before Christ, and there is no year zero: 1 BC to AD 1 is 1 year.
    """
    delta = today.year - year - (1 if year < 0 else 0)
    if delta == 0:
        return "this year"
    if delta == 1:
        return "1 year ago"
    if delta > 1:
        return f"{delta:,} years ago"
    return f"in {-delta} years"


# -- /sources add and remove ---------------------------------------------------

# Said to anyone else who tries /sources add or remove, or presses their buttons.
NOT_A_CURATOR = (
    "Only the bot's owner and the curators it names (ALMANAC_CURATORS) can add or remove sources."
)
CANCELLED = "Cancelled: nothing was stored, and the copy of your file was deleted."
KEPT = "Nothing was removed."
# How many quotes an add preview shows (with their speakers).
PREVIEW_QUOTES = 5


def counts_text(events: int, quotes: int) -> str:
    """'3 events, 1 quote': what a document gave answers."""
    return f"{plural(events, 'event')}, {plural(quotes, 'quote')}"


def added_text(title: str, events: int, quotes: int) -> str:
    """What /sources add's Confirm answers once the text is in the store."""
    return f"Added “{title}”: {counts_text(events, quotes)}. Answers find it within a few seconds."


def moved_aside(aside: Path | None, texts: Path) -> str | None:
    """Where a removed text's file went, for removed_text: its path in the texts folder."""
    return None if aside is None else f"`{aside.relative_to(texts).as_posix()}` in {texts}"


def removed_text(title: str, events: int, quotes: int, moved_to: str | None) -> str:
    """What /sources remove's Confirm answers: what went, and where its file is now."""
    head = f"Removed “{title}” ({counts_text(events, quotes)}) from the store."
    if moved_to is None:
        return head + " Its file is not one of the added texts and was left where it is."
    return head + f" Its file was moved aside to {moved_to}."
